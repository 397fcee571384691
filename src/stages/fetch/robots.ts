/**
 * Robots: RFC 9309 robots.txt parsing and matching, plus a per-origin cache (fetch stage, before article fetches).
 * Parser and matcher are pure; the cache takes the fetch as a function and an injectable clock.
 */

/** Characters of robots.txt parsed; RFC 9309 section 2.5 requires at least 500 KiB, POL-06 tests 600 KiB. */
export const ROBOTS_MAX_PARSE_BYTES = 1024 * 1024;

/** How long a fetched robots.txt is trusted; RFC 9309 section 2.4: "SHOULD NOT use a cached version for more
 * than 24 hours". */
export const ROBOTS_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

/** How long an unreachable robots.txt (5xx, 429, network error) keeps the origin disallowed before retrying. */
export const ROBOTS_ERROR_TTL_MS = 60 * 60 * 1000;

/** The product token akhbar matches groups with (RFC 9309 section 2.2.1). */
export const ROBOTS_PRODUCT_TOKEN = "akhbar";

interface Rule {
  allow: boolean;
  /** Normalized pattern, percent-encoded like URL paths. */
  pattern: string;
  regex: RegExp;
}

interface Group {
  agents: string[];
  rules: Rule[];
}

export interface RobotsRules {
  groups: Group[];
  sitemaps: string[];
  /** "rules" for a parsed file; "allow-all" (4xx) or "disallow-all" (5xx, unreachable). */
  mode: "rules" | "allow-all" | "disallow-all";
}

const PATTERNS = {
  line: /^\s*([A-Za-z-]+)\s*:\s*(.*?)\s*$/,
  regexSpecial: /[.+?^{}()|[\]\\]/g,
  percent: /%[0-9a-fA-F]{2}/g,
} as const;

/** Percent-encodes non-ASCII and uppercases existing escapes so raw UTF-8 rules match encoded URL paths
 * (RFC 9309 section 2.2.2). Example: "/\u0623\u062e\u0628\u0627\u0631" -> "/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1". */
function normalizePath(path: string): string {
  let out = "";
  for (const ch of path) {
    const code = ch.codePointAt(0)!;
    out += code > 0x7e || code < 0x21 ? encodeURIComponent(ch) : ch;
  }
  return out.replace(PATTERNS.percent, (m) => m.toUpperCase());
}

function compilePattern(pattern: string): RegExp {
  const anchored = pattern.endsWith("$");
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split("*")
    .map((part) => part.replace(PATTERNS.regexSpecial, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}${anchored ? "$" : ""}`);
}

/**
 * Parses robots.txt text into groups (RFC 9309 section 2.1). Unknown lines are skipped; consecutive
 * user-agent lines share one group; rules before any user-agent line are ignored.
 */
export function parseRobots(text: string): RobotsRules {
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.slice(0, ROBOTS_MAX_PARSE_BYTES).split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, "");
    const m = PATTERNS.line.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = m[2]!;
    if (key === "user-agent") {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (key === "sitemap") {
      if (value !== "") sitemaps.push(value);
      continue;
    }
    if ((key === "allow" || key === "disallow") && current && value !== "") {
      const pattern = normalizePath(value);
      current.rules.push({ allow: key === "allow", pattern, regex: compilePattern(pattern) });
    }
  }
  return { groups, sitemaps, mode: "rules" };
}

/** Rules for a robots.txt that could not be had: 4xx "unavailable" allows all, 5xx "unreachable" disallows all
 * (RFC 9309 section 2.3.1.3-4). 429 counts as unreachable, as Google treats it. */
export function robotsForStatus(status: number): RobotsRules {
  const mode = status >= 400 && status < 500 && status !== 429 ? "allow-all" : "disallow-all";
  return { groups: [], sitemaps: [], mode };
}

/**
 * Whether `userAgent` may fetch `url` (path and query) under `rules` (RFC 9309 section 2.2.2): the groups naming
 * the product token (case-insensitive) else `*`; the longest matching pattern wins, Allow on a tie.
 * Example: rules "User-agent: *\nDisallow: /news/" -> isAllowedByRobots(rules, "https://a.test/news/1") is false.
 */
export function isAllowedByRobots(
  rules: RobotsRules,
  url: string,
  productToken = ROBOTS_PRODUCT_TOKEN,
): boolean {
  if (rules.mode !== "rules") return rules.mode === "allow-all";
  const u = new URL(url);
  const path = normalizePath(`${u.pathname}${u.search}`);
  if (u.pathname === "/robots.txt") return true;
  const token = productToken.toLowerCase();
  let groups = rules.groups.filter((g) => g.agents.includes(token));
  if (groups.length === 0) groups = rules.groups.filter((g) => g.agents.includes("*"));
  let best: Rule | null = null;
  for (const group of groups) {
    for (const rule of group.rules) {
      if (!rule.regex.test(path)) continue;
      if (
        !best ||
        rule.pattern.length > best.pattern.length ||
        (rule.pattern.length === best.pattern.length && rule.allow)
      ) {
        best = rule;
      }
    }
  }
  return best ? best.allow : true;
}

export interface RobotsFetchResult {
  status: number;
  body: string;
}

export interface RobotsCacheOptions {
  /** Fetches `${origin}/robots.txt` (through the guarded transport); a throw counts as unreachable. */
  fetchRobots: (origin: string) => Promise<RobotsFetchResult>;
  now?: () => number;
  ttlMs?: number;
  errorTtlMs?: number;
  productToken?: string;
}

export interface RobotsCache {
  /** Whether `url` may be fetched; fetches robots.txt for its origin when the cached copy is missing or stale. */
  isAllowed(url: string): Promise<boolean>;
  /** The cached rules for `origin`, fetching if needed. */
  rulesFor(origin: string): Promise<RobotsRules>;
  /**
   * Whether `url` may be fetched by its origin's cached, fresh rules, without fetching: undefined when they are not
   * at hand (never fetched, stale, or still loading). For redirect hops, which must not wait inside a host slot.
   */
  peek(url: string): boolean | undefined;
}

/** Creates a per-origin robots.txt cache; concurrent lookups for one origin share one fetch. */
export function createRobotsCache(options: RobotsCacheOptions): RobotsCache {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? ROBOTS_CACHE_TTL_MS;
  const errorTtlMs = options.errorTtlMs ?? ROBOTS_ERROR_TTL_MS;
  const entries = new Map<
    string,
    { rules: Promise<RobotsRules>; expiresAt: number; loaded: RobotsRules | null }
  >();

  const load = async (origin: string): Promise<{ rules: RobotsRules; ttl: number }> => {
    try {
      const res = await options.fetchRobots(origin);
      if (res.status >= 200 && res.status < 300) return { rules: parseRobots(res.body), ttl: ttlMs };
      const rules = robotsForStatus(res.status);
      return { rules, ttl: rules.mode === "allow-all" ? ttlMs : errorTtlMs };
    } catch {
      return { rules: robotsForStatus(599), ttl: errorTtlMs };
    }
  };

  const rulesFor = (origin: string): Promise<RobotsRules> => {
    const cached = entries.get(origin);
    if (cached && cached.expiresAt > now()) return cached.rules;
    const entry = {
      rules: Promise.resolve(robotsForStatus(599)),
      expiresAt: Number.POSITIVE_INFINITY,
      loaded: null as RobotsRules | null,
    };
    entry.rules = load(origin).then(({ rules, ttl }) => {
      entry.expiresAt = now() + ttl;
      entry.loaded = rules;
      return rules;
    });
    entries.set(origin, entry);
    return entry.rules;
  };

  return {
    rulesFor,
    async isAllowed(url) {
      const rules = await rulesFor(new URL(url).origin);
      return isAllowedByRobots(rules, url, options.productToken);
    },
    peek(url) {
      const cached = entries.get(new URL(url).origin);
      if (cached?.loaded == null || cached.expiresAt <= now()) return undefined;
      return isAllowedByRobots(cached.loaded, url, options.productToken);
    },
  };
}
