/**
 * The article a user names on the CLI or in the web admin: its id, the reader's link to it (articleIdOf, pure), or
 * its outlet's link (resolveArticleReference, which asks the store).
 */
import type { ArticleStore } from "../ports/article-store.ts";
import { canonicalizeUrl } from "../stages/dedupe/canonical-url.ts";

const LINK_RE = /^https?:\/\//i;

/**
 * The article id a reference names: the id itself, or a reader link to the article (`/article/ID`, with or without
 * scheme and host, query or fragment), as an admin copies it from the reader. Only a link's path is read: an outlet's
 * own URL (`https://outlet.example/news/article/123`) or a query holding "/article/x" names no article. Null when it
 * names none.
 * Examples: "snn-1a2b" → "snn-1a2b"; "http://127.0.0.1:8080/article/snn-1a2b?x=1" → "snn-1a2b"; "" → null.
 */
export function articleIdOf(reference: string): string | null {
  const ref = reference.trim();
  if (ref === "") return null;
  let path: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
    try {
      path = new URL(ref).pathname;
    } catch {
      return null;
    }
  } else if (ref.startsWith("/") || ref.startsWith("article/")) path = ref.replace(/[?#].*$/s, "");
  else return /[\s/?#]/.test(ref) ? null : ref;
  const linked = /^\/?article\/([^/]+)\/?$/.exec(path);
  if (linked === null) return null;
  try {
    return decodeURIComponent(linked[1]!);
  } catch {
    return null;
  }
}

/**
 * The id of the stored article `reference` names: an http(s) link that is a stored article's canonical URL (the
 * outlet's link, in any form canonicalizeUrl folds: tracking keys, query order, `/amp`, http or https) names that
 * article; otherwise the id or reader link articleIdOf reads. Null when it names none. A link is looked up first, so
 * an outlet whose own paths look like the reader's (`https://outlet.example/article/7`) still names its article.
 */
export async function resolveArticleReference(
  articles: Pick<ArticleStore, "findArticleIdByUrl">,
  reference: string,
): Promise<string | null> {
  const ref = reference.trim();
  if (LINK_RE.test(ref)) {
    let canonical: string | null = null;
    try {
      canonical = canonicalizeUrl(ref);
    } catch {
      // Not a URL with a canonical form: only articleIdOf may still read it.
    }
    const id = canonical === null ? null : await articles.findArticleIdByUrl(canonical);
    if (id !== null) return id;
  }
  return articleIdOf(ref);
}

/** True when `reference` is an http(s) link: one that may name an article by its outlet's URL. */
export function isLinkReference(reference: string): boolean {
  return LINK_RE.test(reference.trim());
}
