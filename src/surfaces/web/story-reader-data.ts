/**
 * StoryReaderData: ReaderData over the stored stories (StoryStore) — top stories ranked by the coverage they are
 * getting (rank-stories.ts); a story's coverage with copies marked; related lists from stages/related. Surface code (ports only).
 */
import type { ArticleSummary } from "../../domain/article.ts";
import { AkhbarError } from "../../domain/errors.ts";
import type { PlacedArticle, StoredStory, StoryMember } from "../../domain/story.ts";
import { findRelatedArticles, type RelatedArticle } from "../../pipeline/find-related-articles.ts";
import { StoryTermsCache } from "../../pipeline/story-terms-cache.ts";
import type { Storage } from "../../ports/storage.ts";
import type { StoryStore } from "../../ports/story-store.ts";
import { stripWireHeadlineMarks } from "../../stages/dedupe/strip-syndication-marks.ts";
import { toStoryDates } from "../../stages/entities/story-dates.ts";
import { combineStoryEntities, STORY_ENTITY_ARTICLES_MAX } from "../../stages/entities/story-entities.ts";
import { rankStories } from "../../stages/stories/rank-stories.ts";
import { ArticleEntitiesCache } from "./article-entities-cache.ts";
import {
  type ReaderCapabilities,
  type ReaderData,
  type RelatedArticles,
  type RelatedOptions,
  type StoryArticle,
  type StoryDetail,
  type StoryEntities,
  type StorySummary,
  TOP_STORIES_WINDOW_HOURS,
  type TopStoriesPage,
  type TopStoriesQuery,
} from "./reader-data.ts";
import { leadOf, withPublishers } from "./storage-reader-data.ts";
import { toStoryCoverage, wirePartOf } from "./story-coverage.ts";

/** Most recent stories ranked per request: bounds the work of a home page on a big store. */
export const TOP_STORIES_CANDIDATES = 2_000;

const HOUR_MS = 3_600_000;

export class StoryReaderData implements ReaderData {
  readonly capabilities: ReaderCapabilities = { clusteredStories: true, similarMethod: "story-tfidf" };
  readonly #storage: Storage;
  readonly #stories: StoryStore;
  readonly #terms = new StoryTermsCache();
  readonly #entities = new ArticleEntitiesCache();

  readonly #topCandidates: number;

  /** `options.topCandidates`: stories ranked per request (TOP_STORIES_CANDIDATES; smaller in tests). */
  constructor(storage: Storage, options: { topCandidates?: number } = {}) {
    this.#topCandidates = options.topCandidates ?? TOP_STORIES_CANDIDATES;
    if (storage.stories === undefined) {
      throw new AkhbarError("store.stories_unsupported", "store: this storage backend keeps no stories yet");
    }
    this.#storage = storage;
    this.#stories = storage.stories;
  }

  async topStories(query: TopStoriesQuery): Promise<TopStoriesPage> {
    const [newest] = await this.#stories.listStories({ limit: 1 });
    if (newest === undefined) return { total: 0, stories: [] };
    // Ranked as of the window's end: now (the newest story's update) or a past time the reader asked for.
    const asOfMs = Math.min(newest.lastUpdateMs, query.untilMs ?? Number.POSITIVE_INFINITY);
    const filter = {
      sinceMs: query.sinceMs ?? asOfMs - TOP_STORIES_WINDOW_HOURS * HOUR_MS,
      sources: query.sources,
      ...(query.untilMs === undefined ? {} : { untilMs: query.untilMs }),
    };
    // Only the rank inputs of every candidate (its members in the window, none after its end: the coverage as it
    // stood then); the full rows of the page's stories alone.
    const members = await this.#stories.listRankMembers({
      ...filter,
      untilMs: asOfMs,
      limit: this.#topCandidates,
    });
    const ranked = rankStories(members, asOfMs);
    // The total is what paging reaches: only the newest candidates are ranked, so a window holding more stories than
    // the cap pages through the cap (a total counting the rest sent the pager to empty pages); how many the window
    // holds is said apart.
    const total = ranked.length;
    const windowTotal =
      total < this.#topCandidates
        ? undefined
        : await this.#stories.countRankStories({ ...filter, untilMs: asOfMs });
    const page = ranked.slice(query.offset, query.offset + query.limit);
    const stories: StorySummary[] = [];
    // A past window's cards count what each story held by its end, as its rank does.
    const countUntilMs = query.untilMs === undefined ? undefined : asOfMs;
    for (const s of page) {
      // A story merged away between the two reads is left out of this page.
      const stored = await this.#stories.getStory(s.id);
      if (stored === null) continue;
      const { summary } = await this.#detail(stored, false, countUntilMs, query.sources);
      stories.push({ ...summary, recentArticleCount: s.recentArticles });
    }
    return { total, ...(windowTotal === undefined || windowTotal <= total ? {} : { windowTotal }), stories };
  }

  async story(id: string): Promise<StoryDetail | null> {
    const stored = await this.#stories.getStory(id);
    if (stored === null) return null;
    const { summary, articles, originals } = await this.#detail(stored, true);
    const entities = await this.#entitiesOf(originals);
    return { ...summary, articles, entities, dates: toStoryDates(originals) };
  }

  /**
   * As `story` gives them, from the same originals, but no member's lead, no dates: what "في الأخبار" reads of each of
   * its stories (its uncached page read 30 whole stories, 1.9 s on the dev store).
   */
  async storyEntities(id: string): Promise<StoryEntities | null> {
    const stored = await this.#stories.getStory(id);
    if (stored === null) return null;
    const members = await this.#stories.listStoryMembers(stored.id);
    const rows = await this.#storage.articles.getArticleSummaries(members.map((m) => m.articleId));
    const byId = new Map(rows.map((a) => [a.id, a]));
    const articles = members.flatMap((m) => {
      const a = byId.get(m.articleId);
      return a === undefined ? [] : [toStoryArticle(a, m, false)];
    });
    return {
      id: stored.id,
      headline: stored.headline,
      entities: await this.#entitiesOf(originalsOf(articles, byId)),
    };
  }

  /** toStoryEntities of the story's originals, each article's own entities kept between pages (ArticleEntitiesCache). */
  async #entitiesOf(originals: readonly ArticleSummary[]): Promise<StoryEntities["entities"]> {
    const read = await withPublishers(this.#storage, originals.slice(0, STORY_ENTITY_ARTICLES_MAX));
    return combineStoryEntities(read.map((a) => this.#entities.entitiesOf(a)));
  }

  async storyOfArticle(articleId: string): Promise<StorySummary | null> {
    const [placement] = await this.#stories.getPlacements([articleId]);
    if (placement === undefined) return null;
    const stored = await this.#stories.getStory(placement.storyId);
    return stored === null ? null : (await this.#detail(stored, false)).summary;
  }

  async related(articleId: string, options?: RelatedOptions): Promise<RelatedArticles> {
    const coverage = options?.sameStory !== false;
    const lists = await findRelatedArticles(this.#storage, articleId, {
      coverage,
      coverageMax: options?.sameStoryMax,
      // Copies in the article's own story only, as for its original below; cut to the few asked for after that.
      copiesInStory: true,
      termsCache: this.#terms,
    });
    const storyId = lists?.anchor.placement?.storyId;
    const sameStory = coverage
      ? {
          sameStory: lists?.sameStory.map(toRelatedItem) ?? [],
          copies: lists?.copies.map(toRelatedItem) ?? [],
          // Only an original in the article's own story: cross-story copy pairs were more often wrong than right
          // on the dev corpus (story-page.ts coverageCard).
          original:
            lists?.original == null || lists.original.placement?.storyId !== storyId
              ? null
              : toRelatedItem(lists.original),
          containedIn: lists?.containedIn.map(toRelatedItem) ?? [],
          contains: lists?.contains.map(toRelatedItem) ?? [],
        }
      : {};
    if (lists === null) return { similar: [], readAlso: null, ...sameStory };
    return {
      ...sameStory,
      ...(storyId === undefined ? {} : { storyId }),
      similar: lists.similar.map(toRelatedItem),
      readAlso: lists.readAlso === null ? null : toRelatedItem(lists.readAlso),
    };
  }

  /**
   * The summary and, when asked, every member earliest first. The lead is the first paragraph of the article the
   * headline is the title of, so the two read as one item; the earliest original's when that article has no text
   * or the story was stored before its headline's article was kept. With `untilMs`, the summary's counts, outlets and
   * times are the story's as of then (its members up to then). With `sources` (a list filtered by outlet), the card
   * is headed by one of those outlets' own articles (outletLeadOf): its title, its lead, its id.
   */
  async #detail(
    stored: StoredStory,
    withArticles: boolean,
    untilMs?: number,
    sources: readonly string[] = [],
  ): Promise<{ summary: StorySummary; articles: StoryArticle[]; originals: ArticleSummary[] }> {
    const members = await this.#stories.listStoryMembers(stored.id);
    const upTo = untilMs === undefined ? [] : members.filter((m) => m.timeMs <= untilMs);
    const counted = upTo.length === 0 ? null : upTo;
    const firstOriginal = members.find((m) => m.duplicateOf === null) ?? members[0];
    const storyLead = members.find((m) => m.articleId === stored.headlineArticleId) ?? firstOriginal;
    const outletLead = outletLeadOf(counted ?? members, stored.headlineArticleId, sources);
    const leadMember = outletLead ?? storyLead;
    // An outlet's article heads its card with its own lead, never another outlet's text.
    const leadIds =
      leadMember === undefined || firstOriginal === undefined
        ? []
        : outletLead !== undefined
          ? [outletLead.articleId]
          : [...new Set([leadMember.articleId, firstOriginal.articleId])];
    const ids = withArticles ? members.map((m) => m.articleId) : leadIds;
    const rows = new Map((await this.#storage.articles.getArticleSummaries(ids)).map((a) => [a.id, a]));
    const lead = leadIds.map((id) => leadOf(rows.get(id)?.text ?? "")).find((l) => l !== "") ?? "";
    const outletTitle = outletLead === undefined ? undefined : rows.get(outletLead.articleId)?.title;
    const firstBySource: string[] = [];
    for (const m of counted ?? members)
      if (!firstBySource.includes(m.sourceId)) firstBySource.push(m.sourceId);
    const summary: StorySummary = {
      id: stored.id,
      headline: outletTitle === undefined ? stored.headline : stripWireHeadlineMarks(outletTitle),
      lead,
      ...(counted === null
        ? {
            articleCount: stored.articleCount,
            firstSeen: new Date(stored.firstSeenMs).toISOString(),
            lastUpdate: new Date(stored.lastUpdateMs).toISOString(),
          }
        : {
            articleCount: counted.length,
            // Members are in (time, id) order; a late copy moves no last update (the store's rule).
            firstSeen: new Date(counted[0]!.timeMs).toISOString(),
            lastUpdate: new Date((counted.findLast((m) => !m.late) ?? counted.at(-1)!).timeMs).toISOString(),
          }),
      sources: firstBySource,
      leadArticleId: leadMember?.articleId ?? stored.id,
    };
    const articles: StoryArticle[] = [];
    for (const m of members) {
      const a = rows.get(m.articleId);
      if (a !== undefined) articles.push(toStoryArticle(a, m));
    }
    return { summary, articles, originals: originalsOf(articles, rows) };
  }
}

/**
 * What a story's entities and dates are read from: each card's head (an original, or the first copy here of one
 * placed elsewhere) and its release's parts (other decisions, other names), earliest card first, so a story made only
 * of such copies still names its people and days. `rows` holds every article of `articles`.
 */
function originalsOf(
  articles: readonly StoryArticle[],
  rows: ReadonlyMap<string, ArticleSummary>,
): ArticleSummary[] {
  return toStoryCoverage(articles).cards.flatMap((c) =>
    [c, ...c.parts].map((card) => rows.get(card.head.id)!),
  );
}

/**
 * The member heading a story's card in a list filtered by `sources`: none when the list is not filtered or the story's
 * own headline article is one of theirs; else those outlets' earliest original member, or their earliest member
 * (a copy) when they have no original in it. `members` are in (time, id) order.
 */
export function outletLeadOf(
  members: readonly StoryMember[],
  headlineArticleId: string | null,
  sources: readonly string[],
): StoryMember | undefined {
  if (sources.length === 0) return undefined;
  const theirs = members.filter((m) => sources.includes(m.sourceId));
  if (theirs.some((m) => m.articleId === headlineArticleId)) return undefined;
  return theirs.find((m) => m.duplicateOf === null) ?? theirs[0];
}

/** `withLead` false leaves the lead empty: story coverage (toStoryCoverage) reads no lead, and each costs a parse. */
function toStoryArticle(
  a: ArticleSummary,
  p: PlacedArticle | StoryMember | null,
  withLead = true,
): StoryArticle {
  return {
    id: a.id,
    title: a.title,
    sourceId: a.sourceId,
    citedSource: a.citedSource,
    publishedAt: a.publishedAt ?? a.fetchedAt,
    url: a.url,
    lead: withLead ? leadOf(a.text) : "",
    ...wirePartOf(a.title, a.text),
    duplicateOf: p?.duplicateOf ?? null,
    ...(p !== null && "late" in p && p.late ? { late: true } : {}),
  };
}

function toRelatedItem(r: RelatedArticle): StoryArticle {
  return toStoryArticle(r.article, r.placement);
}
