/**
 * A story's people, places and organizations: the entities of its original articles (copies add nothing new),
 * combined, the ones several articles name first; who reported it (datelines, bylines, agencies) is no entity of
 * it. Entities stage, pure.
 */

import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { stripSyndicationMarks } from "../dedupe/strip-syndication-marks.ts";
import {
  type CombinedEntity,
  combineEntities,
  type Entity,
  type EntityKind,
  extractEntities,
  isNewsAgency,
  type NameMerge,
} from "./extract-entities.ts";

/** Entities listed per kind: a story page's aside has room for a line or two of each. */
export const STORY_ENTITIES_PER_KIND = 8;
/**
 * In a story of this many articles or more, an entity only one article names is left out: with many reports the
 * story's actors recur, and a name said once is most often a side remark (or a misreading).
 */
export const STORY_ENTITY_MIN_ARTICLES_FROM = 3;

/**
 * Originals read per story, earliest first: the first reports name the story's actors; a 265-article story
 * would cost about 60 ms to read whole (extraction is ~0.2 ms an article on the dev corpus), 40 cost about 9 ms.
 * A story page says when its chips count only these (story-page.ts).
 */
export const STORY_ENTITY_ARTICLES_MAX = 40;

const KINDS: readonly EntityKind[] = ["person", "place", "organization"];

/**
 * The entities of a story's originals (earliest first; at most STORY_ENTITY_ARTICLES_MAX are read), at most
 * STORY_ENTITIES_PER_KIND of each kind, by kind (people, places, organizations) and then by articles naming them.
 * Who reported it is left out: an article's mention of its own publisher (`publisher`: the outlet's name; "رابط
 * الخبر بصحيفة الوئام" in every article of that outlet) is its masthead; a dateline or byline ("الرياض - واس:",
 * "عمر إبراهيم – عين اليوم": the marks stripSyndicationMarks removes) says where it was filed and by whom, so its
 * city counts only when the text names it again; a news agency (isNewsAgency) is whose report it is. `merges`, when
 * given, receives every short name counted as a longer one, within an article and across the story's articles.
 */
export function toStoryEntities(
  originals: readonly { title: string; text: string; publisher?: string }[],
  merges?: NameMerge[],
): CombinedEntity[] {
  return combineStoryEntities(
    originals.slice(0, STORY_ENTITY_ARTICLES_MAX).map((a) => toArticleEntities(a, merges)),
    merges,
  );
}

/**
 * One original's part of toStoryEntities: the entities of its title and text, without its own outlet's masthead, a
 * news agency, or its dateline and byline (toStoryEntities says why). The same article gives the same list: a reader
 * may keep it between requests (surfaces/web ArticleEntitiesCache). Callers must not mutate it.
 */
export function toArticleEntities(
  article: { title: string; text: string; publisher?: string },
  merges?: NameMerge[],
): Entity[] {
  const own = article.publisher === undefined ? null : outletName(article.publisher);
  return extractEntities(`${article.title}\n${stripSyndicationMarks(article.text)}`, merges).filter(
    (e) => e.kind !== "organization" || !(isNewsAgency(e) || (own !== null && outletName(e.name) === own)),
  );
}

/**
 * The rest of toStoryEntities: each original's toArticleEntities (earliest first, at most STORY_ENTITY_ARTICLES_MAX
 * of them) combined, at most STORY_ENTITIES_PER_KIND of each kind, those named by fewer than two articles left out
 * when the story has STORY_ENTITY_MIN_ARTICLES_FROM originals or more.
 */
export function combineStoryEntities(
  perArticle: readonly (readonly Entity[])[],
  merges?: NameMerge[],
): CombinedEntity[] {
  const read = perArticle.slice(0, STORY_ENTITY_ARTICLES_MAX);
  const combined = combineEntities(read, merges);
  const minArticles = read.length >= STORY_ENTITY_MIN_ARTICLES_FROM ? 2 : 1;
  return KINDS.flatMap((kind) =>
    combined.filter((e) => e.kind === kind && e.articles >= minArticles).slice(0, STORY_ENTITIES_PER_KIND),
  );
}

/**
 * An outlet's name as compared with an organization's: normalized, without a bracketed qualifier ("الجزيرة
 * (السعودية)" is الجزيرة). Not the entity key, whose stems would make الرياض, الرياضي and الرياضية one outlet.
 */
function outletName(name: string): string {
  return normalizeArabic(name.replace(/\([^)]*\)/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}
