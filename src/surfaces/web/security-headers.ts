/**
 * Security headers for every reader response: a strict Content-Security-Policy (scripts and styles only from
 * /static, no inline code, no third-party requests, Trusted Types), no framing, no sniffing, no referrer leaks.
 * Surface middleware (Hono).
 */
import type { MiddlewareHandler } from "hono";

/**
 * The reader's policy (reliability notes XSS-08): everything from this origin only; `trusted-types 'none'` plus
 * `require-trusted-types-for 'script'` make any string-to-DOM sink throw, so even a future script bug cannot inject.
 */
export const READER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join("; ");

/** READER_CSP with images from any https origin: only for a reader that shows publishers' images (WebDeps.remoteImages). */
export const READER_CSP_REMOTE_IMAGES = READER_CSP.replace("img-src 'self'", "img-src 'self' https:");

/** For feeds, JSON and fonts: nothing in them may run or load anything if a browser renders them. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

export function securityHeaders(
  opts: { remoteImages: boolean } = { remoteImages: false },
): MiddlewareHandler {
  const readerCsp = opts.remoteImages ? READER_CSP_REMOTE_IMAGES : READER_CSP;
  return async (c, next) => {
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    c.res.headers.set("Content-Security-Policy", type.startsWith("text/html") ? readerCsp : DATA_CSP);
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("X-Frame-Options", "DENY");
    // Links to publishers carry no referrer (what a reader reads here is not the publisher's business); same-origin
    // requests keep theirs, because with "no-referrer" browsers send `Origin: null` and the admin origin check fails.
    c.res.headers.set("Referrer-Policy", "same-origin");
    c.res.headers.set("Cross-Origin-Opener-Policy", "same-origin");
    c.res.headers.set("Cross-Origin-Resource-Policy", "same-origin");
    c.res.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  };
}
