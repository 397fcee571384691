/**
 * requestPolicy: checks a URL and caller headers before any IO (fetch stage, SSRF guard, first line).
 * Pure. transport.ts calls it for the first URL and for every redirect target; connect-time checks follow.
 */
import { AkhbarError } from "../../domain/errors.ts";
import { checkDestination, type DestinationPolicy } from "./address-policy.ts";

/** Longest URL fetched, in characters. Media Cloud rss-fetcher `MAX_URL=2048` (notes/reliability.md section 4). */
export const MAX_URL_LENGTH_CHARS = 2048;

/** Schemes the fetcher speaks; ssrf_filter `DEFAULT_SCHEME_WHITELIST` (notes/reliability.md SSRF-05). */
export const ALLOWED_SCHEMES: readonly string[] = ["http:", "https:"];

/** Headers a caller may not set: they would change where or how the request goes (SSRF-08, RFC 9110). */
const FORBIDDEN_HEADERS: ReadonlySet<string> = new Set([
  "host",
  "connection",
  "content-length",
  "transfer-encoding",
  "te",
  "upgrade",
  "keep-alive",
  "proxy-authorization",
  "proxy-connection",
  "accept-encoding",
]);

const PATTERNS = {
  headerName: /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/,
  headerValueBad: /[\r\n\0]/,
} as const;

/**
 * Parses and vets a URL: http/https only, no userinfo, at most MAX_URL_LENGTH_CHARS, a permitted port,
 * and an IP-literal host must pass the address policy. Returns the WHATWG URL that the transport then uses
 * as is, so the checked host is the connected host (SSRF-07).
 * Throws AkhbarError `fetch.bad_url`, `fetch.url_too_long`, `fetch.port_not_allowed`, `fetch.blocked_address`.
 * Example: "http://2130706433:8080/" -> throws fetch.blocked_address (WHATWG reads it as 127.0.0.1).
 */
export function checkFetchUrl(input: string | URL, policy: DestinationPolicy, base?: string | URL): URL {
  const text = typeof input === "string" ? input : input.href;
  if (text.length > MAX_URL_LENGTH_CHARS) {
    throw new AkhbarError("fetch.url_too_long", `fetch: URL longer than ${MAX_URL_LENGTH_CHARS} characters`);
  }
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new AkhbarError("fetch.bad_url", "fetch: not a valid URL");
  }
  if (typeof input === "string" && base === undefined && /^\s*\/\//.test(input)) {
    throw new AkhbarError("fetch.bad_url", "fetch: scheme-relative URL without a base");
  }
  if (!ALLOWED_SCHEMES.includes(url.protocol)) {
    throw new AkhbarError("fetch.bad_url", `fetch: scheme ${JSON.stringify(url.protocol)} is not fetched`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new AkhbarError("fetch.bad_url", "fetch: URLs with credentials are not fetched");
  }
  if (url.href.length > MAX_URL_LENGTH_CHARS) {
    throw new AkhbarError("fetch.url_too_long", `fetch: URL longer than ${MAX_URL_LENGTH_CHARS} characters`);
  }
  const verdict = checkDestination({ host: hostOf(url), address: null, port: portOf(url) }, policy);
  if (!verdict.ok) throw blockedError(verdict.code);
  return url;
}

/** URL hostname without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

/** The effective port: explicit, else 80 for http and 443 for https. */
export function portOf(url: URL): number {
  if (url.port !== "") return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

/** The generic error of a refused destination. It names no address (SSRF-11: no oracle). */
export function blockedError(code: "fetch.blocked_address" | "fetch.port_not_allowed"): AkhbarError {
  return code === "fetch.port_not_allowed"
    ? new AkhbarError(code, "fetch: destination port is not allowed")
    : new AkhbarError(code, "fetch: destination address is not allowed");
}

/**
 * Vets caller headers: token names, no CR/LF/NUL in values, none of the routing headers (Host, Connection…).
 * Returns lowercase-keyed copies. Throws AkhbarError `fetch.bad_header`.
 */
export function checkRequestHeaders(
  headers: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (!PATTERNS.headerName.test(name) || FORBIDDEN_HEADERS.has(lower) || lower.startsWith("proxy-")) {
      throw new AkhbarError("fetch.bad_header", `fetch: header ${JSON.stringify(name)} may not be set`);
    }
    if (PATTERNS.headerValueBad.test(value)) {
      throw new AkhbarError(
        "fetch.bad_header",
        `fetch: header ${JSON.stringify(name)} has a control character`,
      );
    }
    out[lower] = value;
  }
  return out;
}
