/**
 * JSON shapes of stories, related lists and duplicate statistics shared by the CLI and the HTTP API (snake_case,
 * like present.ts). Surface helpers, pure.
 */
import type { DuplicateStats } from "../domain/story.ts";
import type { RelatedArticle, RelatedArticleLists } from "../pipeline/find-related-articles.ts";

export function toDuplicateStatsJson(s: DuplicateStats) {
  return {
    placed_articles: s.placedArticles,
    copy_groups: s.copyGroups,
    copies: s.copies,
    largest_group: s.largestGroup,
    cross_source_groups: s.crossSourceGroups,
    group_sizes: s.groupSizes,
    stories: s.stories,
    multi_article_stories: s.multiArticleStories,
  };
}

export function toRelatedArticleJson(r: RelatedArticle) {
  return {
    id: r.article.id,
    title: r.article.title,
    source: r.article.sourceId,
    published_at: r.article.publishedAt ?? r.article.fetchedAt,
    url: r.article.url,
    story_id: r.placement?.storyId ?? null,
    duplicate_of: r.placement?.duplicateOf ?? null,
  };
}

export function toRelatedListsJson(lists: RelatedArticleLists) {
  return {
    article: toRelatedArticleJson(lists.anchor),
    same_story: lists.sameStory.map(toRelatedArticleJson),
    copies: lists.copies.map(toRelatedArticleJson),
    original: lists.original === null ? null : toRelatedArticleJson(lists.original),
    contained_in: lists.containedIn.map(toRelatedArticleJson),
    contains: lists.contains.map(toRelatedArticleJson),
    similar: lists.similar.map(toRelatedArticleJson),
    read_also: lists.readAlso === null ? null : toRelatedArticleJson(lists.readAlso),
  };
}
