/**
 * Canonical URL: one stable key per article page, so URL variants of the same page dedupe.
 * Dedupe stage, pure. The result is still a fetchable absolute URL (ASCII, percent-encoded).
 */
import { AkhbarError } from "../../domain/errors.ts";

/**
 * Query keys removed whatever their value: they record how a reader arrived, never which page it is.
 * Sorted; one reason per entry. Matched case-insensitively. `utm_*` is handled as a prefix below.
 */
const TRACKING_PARAM_KEYS: ReadonlyMap<string, string> = new Map([
  ["__twitter_impression", "Twitter embed impression flag"],
  ["_ga", "Google Analytics cross-domain linker"],
  ["_gl", "Google gtag cross-domain linker"],
  ["amp", "AMP rendering of the same article (?amp, ?amp=1)"],
  ["at_campaign", "AT Internet (Piano) campaign, used by BBC Arabic"],
  ["at_medium", "AT Internet (Piano) medium, used by BBC Arabic"],
  ["cmpid", "campaign id (Le Monde, Times, many CMSs)"],
  ["dclid", "Google Display click id"],
  ["fbclid", "Facebook click id"],
  ["gbraid", "Google Ads iOS click id"],
  ["gclid", "Google Ads click id"],
  ["igshid", "Instagram share id"],
  ["li_fat_id", "LinkedIn first-party ad tracking"],
  ["mc_cid", "Mailchimp campaign id"],
  ["mc_eid", "Mailchimp subscriber id"],
  ["msclkid", "Microsoft Ads click id"],
  ["ocid", "Microsoft/MSN syndication origin"],
  ["ref", "generic referral marker"],
  ["ref_src", "Twitter referral source"],
  ["ref_url", "Twitter referral URL"],
  ["share", "share-button marker"],
  ["smid", "social share id (NYT and others)"],
  ["spm", "Alibaba/UC browser position tracking"],
  ["ttclid", "TikTok click id"],
  ["twclid", "Twitter/X click id"],
  ["wbraid", "Google Ads web-to-app click id"],
  ["xtor", "AT Internet campaign (France 24 Arabic, Le Monde)"],
  ["yclid", "Yandex click id"],
]);

/** Prefix of the Google Analytics campaign keys (utm_source, utm_medium, utm_campaign, ...). */
const TRACKING_PARAM_PREFIX = "utm_";

/**
 * Query keys removed only when they carry no value: edition/section flags that mark the same page.
 * Sorted; one reason per entry. A key with a value (`live=123`) is kept: it may select content.
 */
const VALUELESS_JUNK_KEYS: ReadonlyMap<string, string> = new Map([
  ["live", "almadina serves articles under …html?live (SaudiNewsNet corpus README, URL-variant duplicates)"],
  ["mobile", "mobile-layout flag of the same page"],
  ["print", "print-layout flag of the same page"],
  ["weekly", "almadina serves 451 articles under …html and …html?weekly (SaudiNewsNet corpus README)"],
]);

/** Characters RFC 3986 §2.3 calls unreserved: percent-encoding them never changes meaning (§6.2.2.2). */
const UNRESERVED_RE = /^[A-Za-z0-9\-._~]$/;
const PERCENT_ESCAPE_RE = /%([0-9A-Fa-f]{2})/g;
/** A last path segment `amp` after a real segment: the AMP copy of `…/slug/` (WordPress, most CMSs). */
const TRAILING_AMP_SEGMENT_RE = /^(.*[^/])\/amp(\/?)$/;
/** Characters the WHATWG parser may leave raw in a query but that must be escaped to compare reliably. */
const QUERY_ESCAPE_RE = /[^\x21-\x7e]|[#"<>`{}|\\^]/gu;

/**
 * Returns the canonical form of an absolute http(s) URL.
 *
 * Contract: pure, idempotent (`canonicalizeUrl(canonicalizeUrl(u)) === canonicalizeUrl(u)`), and throws
 * `AkhbarError("url.invalid")` for anything that is not an absolute http or https URL.
 * - scheme and host lowercased, IDN hosts in punycode, a trailing dot on the host removed, default port dropped;
 * - user info and fragment dropped (a `#!` hash-bang fragment is kept: it selects the page on AJAX sites);
 * - dot segments resolved; a trailing `/amp` segment removed;
 * - tracking keys and valueless edition flags removed, other query pairs kept (they may carry the article id)
 *   and sorted by key, so `?b=1&a=2` and `?a=2&b=1` agree; an empty query is dropped;
 * - percent-encoding normalized: raw non-ASCII encoded as UTF-8, hex digits uppercased, unreserved
 *   characters decoded, so a raw Arabic path and its percent-encoded form give the same result.
 * The scheme is kept as given: stores that want http and https to collide compare without it.
 *
 * Example: `HTTP://WWW.Al-Madina.com:80/node/1/x.html?weekly#top` → `http://www.al-madina.com/node/1/x.html`
 */
export function canonicalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (err) {
    throw new AkhbarError(
      "url.invalid",
      `dedupe: not an absolute URL: ${JSON.stringify(url)}`,
      { url },
      {
        cause: err,
      },
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new AkhbarError("url.invalid", `dedupe: only http and https URLs have a canonical form: ${url}`, {
      url,
    });
  }
  if (parsed.hostname === "") {
    throw new AkhbarError("url.invalid", `dedupe: URL has no host: ${url}`, { url });
  }

  // A fully-qualified host ("example.com.") names the same site as "example.com".
  const host = parsed.hostname.replace(/\.+$/, "");
  const port = parsed.port === "" ? "" : `:${parsed.port}`;
  const path = canonicalizePath(parsed.pathname);
  const query = canonicalizeQuery(parsed.search);
  const fragment = parsed.hash.startsWith("#!") ? normalizePercentEncoding(parsed.hash) : "";
  return `${parsed.protocol}//${host}${port}${path}${query}${fragment}`;
}

function canonicalizePath(pathname: string): string {
  let path = normalizePercentEncoding(pathname);
  // Loop so that the function stays idempotent on `/x/amp/amp`.
  for (let m = TRAILING_AMP_SEGMENT_RE.exec(path); m !== null; m = TRAILING_AMP_SEGMENT_RE.exec(path)) {
    path = `${m[1]}${m[2]}`;
  }
  return path === "" ? "/" : path;
}

function canonicalizeQuery(search: string): string {
  if (search.length <= 1) return "";
  const kept: { key: string; pair: string }[] = [];
  for (const part of search.slice(1).split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawKey = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? "" : part.slice(eq + 1);
    const key = escapeQueryPart(normalizePercentEncoding(rawKey));
    const value = escapeQueryPart(normalizePercentEncoding(rawValue));
    if (isDroppedParam(decodeForMatch(key), value)) continue;
    kept.push({ key, pair: eq === -1 ? key : `${key}=${value}` });
  }
  if (kept.length === 0) return "";
  // Array.prototype.sort is stable: repeated keys (`?id=2&id=1`) keep their order, which can matter.
  kept.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return `?${kept.map((k) => k.pair).join("&")}`;
}

function isDroppedParam(key: string, value: string): boolean {
  const lower = key.toLowerCase();
  if (lower.startsWith(TRACKING_PARAM_PREFIX) || TRACKING_PARAM_KEYS.has(lower)) return true;
  return value === "" && VALUELESS_JUNK_KEYS.has(lower);
}

/** Uppercases the hex of every escape and decodes escapes of unreserved characters (RFC 3986 §6.2.2). */
function normalizePercentEncoding(s: string): string {
  return s.replace(PERCENT_ESCAPE_RE, (_, hex: string) => {
    const ch = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED_RE.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

function escapeQueryPart(s: string): string {
  return s.replace(QUERY_ESCAPE_RE, (ch) => encodeURIComponent(ch));
}

function decodeForMatch(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}
