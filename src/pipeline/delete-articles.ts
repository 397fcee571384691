/**
 * Deleting articles for good (a publisher's takedown, a wrong import), shared by `akhbar delete` and the web admin:
 * each goes with its story placement, search fields and mentions, and its tombstone keeps the same article (its id,
 * canonical URL, or its source's same text) from coming back from a feed, a crawl or an import
 * (ArticleStore.deleteArticle). Pipeline: ports in, results out, no printing.
 */
import { AkhbarError } from "../domain/errors.ts";
import type { Storage } from "../ports/storage.ts";

/** The longest reason kept with a tombstone; a longer one is refused rather than cut. */
export const DELETE_REASON_MAX_LENGTH = 500;

export interface DeletedArticle {
  id: string;
  /** The deleted article's title and outlet, for the message that confirms it. */
  title: string;
  sourceId: string;
}

export interface DeleteResult {
  deleted: DeletedArticle[];
  /** Ids asked for that no stored article has (never stored, or deleted before). */
  unknown: string[];
}

/**
 * Deletes the articles `ids` names (each once, in order), with `reason` kept in their tombstones. Unknown ids are
 * reported, not errors: the known ones are deleted all the same. A blank or over-long reason is refused
 * (`delete.bad_param`, field "reason") before anything is deleted.
 */
export async function deleteArticles(
  storage: Storage,
  ids: readonly string[],
  reason: string,
): Promise<DeleteResult> {
  const why = reason.trim();
  if (why === "" || why.length > DELETE_REASON_MAX_LENGTH)
    throw new AkhbarError(
      "delete.bad_param",
      `delete: give a reason of 1 to ${DELETE_REASON_MAX_LENGTH} characters (it is kept with the tombstone)`,
      { field: "reason", reason: "required_reason" },
    );
  const result: DeleteResult = { deleted: [], unknown: [] };
  for (const id of new Set(ids)) {
    const article = await storage.articles.getArticle(id);
    // The read and the delete are two steps: another process may delete it between them.
    if (article === null || !(await storage.articles.deleteArticle(id, why))) {
      result.unknown.push(id);
      continue;
    }
    result.deleted.push({ id, title: article.title, sourceId: article.sourceId });
  }
  return result;
}
