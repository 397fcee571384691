/**
 * StorageReaderData: ReaderData over today's Storage ports, before the stories engine stores stories. It degrades
 * honestly: every article is a one-article story (story id = article id), top stories are the newest articles,
 * and "similar" is the best search neighbours on the article's title words. Surface code (reads ports only).
 */

import type { Article } from "../../domain/article.ts";
import { articleTimeMs } from "../../domain/parse-iso-time.ts";
import type { SearchQuery } from "../../domain/search.ts";
import { searchNeighbourIds } from "../../pipeline/find-related-articles.ts";
import type { Storage } from "../../ports/storage.ts";
import { toStoryDates } from "../../stages/entities/story-dates.ts";
import { toStoryEntities } from "../../stages/entities/story-entities.ts";
import { toLeadParagraph } from "../../stages/extract/lead-paragraph.ts";
import {
  type ReaderCapabilities,
  type ReaderData,
  type RelatedArticles,
  type StoryArticle,
  type StoryDetail,
  type StoryEntities,
  type StorySummary,
  TOP_STORIES_WINDOW_HOURS,
  type TopStoriesPage,
  type TopStoriesQuery,
} from "./reader-data.ts";
import { wirePartOf } from "./story-coverage.ts";

/** Lead paragraphs are cut here: about two lines of a card at reading width. */
export const LEAD_MAX_CHARS = 220;
/** Best neighbours whose rows are read (full articles are the costly part: about 0.1 ms each on the dev corpus). */
export const MLT_ROWS_READ = 15;
/** Items in the "مقالات مشابهة" list; the same as the related stage's SIMILAR_MAX_ITEMS. */
export const SIMILAR_MAX_ITEMS = 5;

export class StorageReaderData implements ReaderData {
  readonly capabilities: ReaderCapabilities = {
    clusteredStories: false,
    similarMethod: "more-like-this-search",
  };
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  /** The newest articles (of the window asked for), each as its own story (no clustering yet, so size and diversity
   * cannot rank). */
  async topStories(query: TopStoriesQuery): Promise<TopStoriesPage> {
    const refs = await this.#storage.search.search({
      ...browseQuery(query.sources, query.limit, query.offset),
      // As the clustered reader: a past time alone reads the window before it.
      from:
        query.sinceMs !== undefined
          ? new Date(query.sinceMs).toISOString()
          : query.untilMs !== undefined
            ? new Date(query.untilMs - TOP_STORIES_WINDOW_HOURS * 3_600_000).toISOString()
            : null,
      to: query.untilMs === undefined ? null : new Date(query.untilMs + 1).toISOString(),
    });
    const articles = await this.#storage.articles.getArticles(refs.hits.map((h) => h.id));
    return { total: refs.total, stories: articles.map((a) => toSummary(toStoryArticle(a))) };
  }

  /** Story id = article id: the one-article story. */
  async story(id: string): Promise<StoryDetail | null> {
    const article = await this.#storage.articles.getArticle(id);
    if (article === null) return null;
    const item = toStoryArticle(article);
    return {
      ...toSummary(item),
      articles: [item],
      entities: toStoryEntities(await withPublishers(this.#storage, [article])),
      dates: toStoryDates([article]),
    };
  }

  async storyEntities(id: string): Promise<StoryEntities | null> {
    const story = await this.story(id);
    return story === null ? null : { id: story.id, headline: story.headline, entities: story.entities };
  }

  async storyOfArticle(articleId: string): Promise<StorySummary | null> {
    const article = await this.#storage.articles.getArticle(articleId);
    return article === null ? null : toSummary(toStoryArticle(article));
  }

  /**
   * More-like-this: the anchor's search neighbours (searchNeighbourIds, the retrieval the stories path uses: any
   * title word, within ±RELATED_WINDOW_DAYS, best first); copies of the anchor (same content hash or title) are
   * coverage, not similar, and are left out, as are repeated titles. The read-also pick is the best newer leftover.
   */
  async related(articleId: string): Promise<RelatedArticles> {
    const anchor = await this.#storage.articles.getArticle(articleId);
    if (anchor === null) return { similar: [], readAlso: null };
    const ids = await searchNeighbourIds(this.#storage.search, anchor, MLT_ROWS_READ);
    const byId = new Map((await this.#storage.articles.getArticles(ids)).map((a) => [a.id, a]));
    const candidates = ids.flatMap((id) => byId.get(id) ?? []);
    const seenTitles = new Set([anchor.title.trim()]);
    const distinct = candidates.filter((a) => {
      const title = a.title.trim();
      if (a.contentHash === anchor.contentHash || seenTitles.has(title)) return false;
      seenTitles.add(title);
      return true;
    });
    const similar = distinct.slice(0, SIMILAR_MAX_ITEMS);
    const rest = distinct.slice(SIMILAR_MAX_ITEMS);
    const anchorMs = articleTimeMs(anchor) ?? 0;
    const readAlso = rest.find((a) => (articleTimeMs(a) ?? 0) > anchorMs) ?? rest[0] ?? null;
    return {
      storyId: anchor.id,
      similar: similar.map(toStoryArticle),
      readAlso: readAlso === null ? null : toStoryArticle(readAlso),
    };
  }
}

/** A query with no words: the SearchIndex then browses, newest first, within the filters. */
function browseQuery(sources: readonly string[], limit: number, offset: number): SearchQuery {
  return {
    terms: [],
    phrases: [],
    anyOf: [],
    excluded: [],
    sources: [...sources],
    from: null,
    to: null,
    limit,
    offset,
    recency: false,
  };
}

/** Each article with its publisher's name (the source's, when stored): what a story's entities leave out of it. */
export async function withPublishers<T extends { sourceId: string }>(
  storage: Storage,
  articles: readonly T[],
): Promise<(T & { publisher?: string })[]> {
  const ids = [...new Set(articles.map((a) => a.sourceId))];
  // One lookup per outlet, side by side (a round trip each on PostgreSQL).
  const sources = await Promise.all(ids.map((id) => storage.sources.getSource(id)));
  const names = new Map(ids.map((id, k) => [id, sources[k]?.name]));
  return articles.map((a) => ({ ...a, publisher: names.get(a.sourceId) }));
}

/**
 * The article's lead paragraph (lead-paragraph.ts toLeadParagraph: the first opening paragraph that reads as prose,
 * else its first, past bylines, datelines and agency tags) as a teaser, cut at LEAD_MAX_CHARS on a word boundary with
 * an ellipsis.
 */
export function leadOf(text: string): string {
  const lead = toLeadParagraph(text).paragraph;
  if (lead.length <= LEAD_MAX_CHARS) return lead;
  // Never between the two halves of a character outside the BMP (an emoji).
  const end = /[\ud800-\udbff]/u.test(lead[LEAD_MAX_CHARS - 1]!) ? LEAD_MAX_CHARS - 1 : LEAD_MAX_CHARS;
  const cut = lead.slice(0, end);
  const space = cut.lastIndexOf(" ");
  return `${(space > LEAD_MAX_CHARS / 2 ? cut.slice(0, space) : cut).trim()}\u2026`;
}

function toStoryArticle(a: Article): StoryArticle {
  return {
    id: a.id,
    title: a.title,
    sourceId: a.sourceId,
    citedSource: a.citedSource,
    publishedAt: a.publishedAt ?? a.fetchedAt,
    url: a.url,
    lead: leadOf(a.text),
    ...wirePartOf(a.title, a.text),
    duplicateOf: null,
  };
}

function toSummary(a: StoryArticle): StorySummary {
  return {
    id: a.id,
    headline: a.title,
    lead: a.lead,
    articleCount: 1,
    sources: [a.sourceId],
    firstSeen: a.publishedAt,
    lastUpdate: a.publishedAt,
    leadArticleId: a.id,
  };
}
