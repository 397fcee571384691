/**
 * StorageReaderData: ReaderData over today's Storage ports, before the stories engine stores stories. It degrades
 * honestly: every article is a one-article story (story id = article id), top stories are the newest articles,
 * and "similar" is a more-like-this search on the article's title words. Surface code (reads ports only).
 */
import type { Article } from "../../domain/article.ts";
import type { SearchQuery } from "../../domain/search.ts";
import { titleTerms } from "../../pipeline/find-related-articles.ts";
import type { Storage } from "../../ports/storage.ts";
import type {
  ReaderCapabilities,
  ReaderData,
  RelatedArticles,
  StoryArticle,
  StoryDetail,
  StorySummary,
  TopStoriesQuery,
} from "./reader-data.ts";

/** Lead paragraphs are cut here: about two lines of a card at reading width. */
export const LEAD_MAX_CHARS = 220;
/** Title words searched for more-like-this: the longest ones, a cheap stand-in for the rarest. */
export const MLT_TERMS = 4;
/** Candidates read per title word. */
export const MLT_CANDIDATES_PER_TERM = 20;
/** Ranked candidates whose rows are read (full articles are the costly part: about 0.1 ms each on the dev corpus). */
export const MLT_ROWS_READ = 15;
/** Similar articles must lie within this many days of the anchor: news relevance fades (related stage uses 48 h τ). */
export const MLT_WINDOW_DAYS = 30;
/** Items in the "مقالات مشابهة" list; the same as the related stage's SIMILAR_MAX_ITEMS. */
export const SIMILAR_MAX_ITEMS = 5;
/** A candidate must share at least this many searched title words: one shared word is a coincidence. */
export const MLT_MIN_SHARED_TERMS = 2;

const DAY_MS = 86_400_000;

export class StorageReaderData implements ReaderData {
  readonly capabilities: ReaderCapabilities = {
    clusteredStories: false,
    similarMethod: "more-like-this-search",
  };
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  /** The newest articles, each as its own story (no clustering yet, so size and diversity cannot rank). */
  async topStories(query: TopStoriesQuery): Promise<{ total: number; stories: StorySummary[] }> {
    const refs = await this.#storage.search.search(browseQuery(query.sources, query.limit, query.offset));
    const articles = await this.#storage.articles.getArticles(refs.hits.map((h) => h.id));
    return { total: refs.total, stories: articles.map((a) => toSummary(toStoryArticle(a))) };
  }

  /** Story id = article id: the one-article story. */
  async story(id: string): Promise<StoryDetail | null> {
    const article = await this.#storage.articles.getArticle(id);
    if (article === null) return null;
    const item = toStoryArticle(article);
    return { ...toSummary(item), articles: [item] };
  }

  async storyOfArticle(articleId: string): Promise<StorySummary | null> {
    const article = await this.#storage.articles.getArticle(articleId);
    return article === null ? null : toSummary(toStoryArticle(article));
  }

  /**
   * More-like-this over the SearchIndex port: one search per long title word, kept within ±MLT_WINDOW_DAYS of the
   * anchor; a candidate scores by how many of those words it matched, then by rank; copies
   * of the anchor (same content hash or title) are coverage, not similar, and are left out. The read-also pick is
   * the best newer leftover. The window is applied after the search: a time filter makes the SQLite index
   * materialize every match (30 ms per article page on the dev corpus); the unfiltered path ranks at most the newest
   * RANK_CANDIDATES_MAX matches of a frequent word, so an old article in a big archive may find fewer neighbours.
   */
  async related(articleId: string): Promise<RelatedArticles> {
    const anchor = await this.#storage.articles.getArticle(articleId);
    if (anchor === null) return { similar: [], readAlso: null };
    const terms = titleTerms(anchor.title, MLT_TERMS);
    if (terms.length < MLT_MIN_SHARED_TERMS) return { similar: [], readAlso: null };
    const scores = new Map<string, { shared: number; rank: number }>();
    for (const term of terms) {
      const refs = await this.#storage.search.search({
        ...browseQuery([], MLT_CANDIDATES_PER_TERM, 0),
        terms: [term],
      });
      refs.hits.forEach((hit, i) => {
        if (hit.id === anchor.id) return;
        const s = scores.get(hit.id) ?? { shared: 0, rank: 0 };
        s.shared += 1;
        s.rank += 1 - i / MLT_CANDIDATES_PER_TERM;
        scores.set(hit.id, s);
      });
    }
    const ranked = [...scores.entries()]
      .filter(([, s]) => s.shared >= MLT_MIN_SHARED_TERMS)
      .sort((a, b) => b[1].shared - a[1].shared || b[1].rank - a[1].rank || (a[0] < b[0] ? -1 : 1));
    const candidates = await this.#storage.articles.getArticles(
      ranked.slice(0, MLT_ROWS_READ).map(([id]) => id),
    );
    const anchorTime = timeOf(anchor);
    const others = candidates.filter(
      (a) =>
        a.contentHash !== anchor.contentHash &&
        a.title.trim() !== anchor.title.trim() &&
        Math.abs(timeOf(a) - anchorTime) <= MLT_WINDOW_DAYS * DAY_MS,
    );
    const seenTitles = new Set<string>();
    const distinct = others.filter((a) => {
      const key = a.title.trim();
      if (seenTitles.has(key)) return false;
      seenTitles.add(key);
      return true;
    });
    const similar = distinct.slice(0, SIMILAR_MAX_ITEMS);
    const rest = distinct.slice(SIMILAR_MAX_ITEMS);
    const readAlso = rest.find((a) => timeOf(a) > anchorTime) ?? rest[0] ?? null;
    return {
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
    excluded: [],
    sources: [...sources],
    from: null,
    to: null,
    limit,
    offset,
    recency: false,
  };
}

function timeOf(a: Article): number {
  const t = Date.parse(a.publishedAt ?? a.fetchedAt);
  return Number.isNaN(t) ? 0 : t;
}

/** The article's first paragraph, cut at a word boundary with an ellipsis. */
export function leadOf(text: string): string {
  const first =
    text
      .split("\n")
      .find((p) => p.trim() !== "")
      ?.trim() ?? "";
  if (first.length <= LEAD_MAX_CHARS) return first;
  const cut = first.slice(0, LEAD_MAX_CHARS);
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
