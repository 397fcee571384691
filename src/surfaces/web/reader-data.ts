/**
 * ReaderData: what the reader pages, the reader JSON routes and feeds-out need to know about stories and related
 * articles. Interface only; `StorageReaderData` answers it from today's Storage, the stories engine will later.
 */

import type { CombinedEntity } from "../../stages/entities/extract-entities.ts";
import type { StoryDate } from "../../stages/entities/story-dates.ts";

/** One article as a story lists it. */
export interface StoryArticle {
  id: string;
  title: string;
  /** Publisher (a Source id). */
  sourceId: string;
  /** The source the text cites ("رويترز", "واس"), when known. */
  citedSource: string | null;
  /** ISO time: published, else fetched. */
  publishedAt: string | null;
  url: string;
  /** The first paragraph of the display text, cut at a word boundary. */
  lead: string;
  /** The original of this article's copy group when it is a near-copy, else null. */
  duplicateOf: string | null;
  /**
   * A late copy: republished after its story had gone quiet (ArticlePlacement.late), so the story's last update and
   * rank leave it out. Absent: false.
   */
  late?: boolean;
  /**
   * Which part of a wire release this is ("… إضافة ثانية" -> 2; wirePartNumber over the title and the text's opening,
   * which the lead leaves out). Absent: not a continuation part.
   */
  wirePart?: number;
}

/** A story as a list shows it. */
export interface StorySummary {
  id: string;
  headline: string;
  /** Lead paragraph of the story's representative article. */
  lead: string;
  /** Every article, copies included. */
  articleCount: number;
  /** Distinct publishers, the one that reported first first. */
  sources: string[];
  /** ISO times of the first and the latest article. */
  firstSeen: string | null;
  lastUpdate: string | null;
  /** The article the headline and lead come from (the stories stage's representative member). */
  leadArticleId: string;
  /**
   * In a top-stories list only: its articles (copies included, late copies not) in the 24 hours up to the time the
   * list is ranked at (RANK_RECENT_HOURS, rank-stories.ts), the coverage its rank mostly weighs.
   */
  recentArticleCount?: number;
}

/** A person, place or organization the story's articles name, and in how many of them. */
export type StoryEntity = CombinedEntity;

/** A story with its coverage, earliest first. */
export interface StoryDetail extends StorySummary {
  articles: StoryArticle[];
  /** People, places and organizations its originals name (stages/entities), by kind, most named first. */
  entities: StoryEntity[];
  /** The days its originals say it happened (stages/entities), in calendar order, with how many name each. */
  dates: StoryDate[];
}

/** A story's people, places and organizations (StoryDetail.entities), with what a list links it by. */
export type StoryEntities = Pick<StoryDetail, "id" | "headline" | "entities">;

/** Stories updated this long before the newest one (or a past time asked for) compete for the top stories; older ones
 * rank near zero anyway. */
export const TOP_STORIES_WINDOW_HOURS = 72;

export interface TopStoriesQuery {
  /** Only stories with an article from one of these publishers; empty means all. */
  sources: readonly string[];
  limit: number;
  offset: number;
  /** Only stories updated at or after this time (epoch ms); default: the window before the newest story (or before
   * untilMs). */
  sinceMs?: number;
  /** A past time (epoch ms): stories first seen by then, ranked by their coverage to date with freshness counted as of
   * then (their size and outlets include what came later); default: now (the newest story). */
  untilMs?: number;
}

/** A page of top stories. */
export interface TopStoriesPage {
  /** Stories ranked, which paging reaches. */
  total: number;
  /** Stories the window holds, when more than were ranked (the newest TOP_STORIES_CANDIDATES are); else absent. */
  windowTotal?: number;
  stories: StorySummary[];
}

export interface RelatedArticles {
  /** "مقالات مشابهة": articles from other stories, best first. */
  similar: StoryArticle[];
  /** "اقرأ أيضاً": one follow-up pick, not in `similar`. */
  readAlso: StoryArticle | null;
  /** Other coverage of the article's own story, one per copy group (its original), earliest first; absent when
   * stories are not clustered. */
  sameStory?: StoryArticle[];
  /** Copies of this article (collapsed away from the lists), earliest first; with `sameStory` only. */
  copies?: StoryArticle[];
  /**
   * When this article is a copy: its copy group's original ("منقول عن …") when that is in the same story; null for
   * an original or an original placed in another story; with `sameStory` only.
   */
  original?: StoryArticle | null;
  /** The article's story (its own id when stories are not clustered); absent when it is unknown or unplaced. */
  storyId?: string;
  /** Longer texts that carry this one but start otherwise (a roundup), earliest first; with `sameStory` only. */
  containedIn?: StoryArticle[];
  /** Texts this one carries after a start of its own (it is the roundup), earliest first; with `sameStory` only. */
  contains?: StoryArticle[];
}

export interface RelatedOptions {
  /** List the story's other coverage in `sameStory` (default true); false leaves it absent and unread. */
  sameStory?: boolean;
  /** At most this many of `sameStory` and of `copies` (the earliest); default all. */
  sameStoryMax?: number;
}

/** What the implementation can really tell; pages say so when stories are approximated. */
export interface ReaderCapabilities {
  /** True when stories group several outlets' articles; false when each article is its own story. */
  clusteredStories: boolean;
  /** How "similar" is computed, for the page footnote and the API: e.g. "more-like-this-search". */
  similarMethod: string;
}

export interface ReaderData {
  readonly capabilities: ReaderCapabilities;
  /** Stories ranked for the home page by the coverage they are getting (rank-stories.ts), with the total for paging. */
  topStories(query: TopStoriesQuery): Promise<TopStoriesPage>;
  /** One story with all its articles, or null. */
  story(id: string): Promise<StoryDetail | null>;
  /** One story's headline and entities, as `story` gives them, without its articles and dates (top-entities.ts). */
  storyEntities(id: string): Promise<StoryEntities | null>;
  /** The story an article belongs to, or null when the article is unknown. */
  storyOfArticle(articleId: string): Promise<StorySummary | null>;
  /**
   * Similar articles and a read-also pick for an article (empty lists when it is unknown), and its story's other
   * coverage unless `options.sameStory` is false (the article page asks for a few, `sameStoryMax`, and links the
   * story for the rest).
   */
  related(articleId: string, options?: RelatedOptions): Promise<RelatedArticles>;
}
