/**
 * The article a user names on the CLI or in the web admin: its id, or the reader's link to it. Pure.
 */

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
