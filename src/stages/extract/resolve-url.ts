/**
 * resolveUrl: a link or image address made absolute against the page URL, kept only when it is http(s). Pure;
 * extract stage (canonical URL, lead image, body links and images).
 */

const HTTP_PROTOCOL = /^https?:$/;

/**
 * The absolute http(s) URL `href` points at from `base`, or null when empty, unparsable or another scheme.
 * Example: resolveUrl("/a.jpg", "https://x.test/news/1") === "https://x.test/a.jpg"; resolveUrl("javascript:x", null)
 * === null.
 */
export function resolveUrl(href: string | null, base: string | null): string | null {
  if (href === null || href.trim() === "") return null;
  try {
    const url = base === null ? new URL(href.trim()) : new URL(href.trim(), base);
    return HTTP_PROTOCOL.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
