/**
 * ISO 8601 text to epoch milliseconds: the one time scale articles are sorted and filtered on, by the storage
 * adapters, pipelines and surfaces alike. Pure domain rule.
 */

/** Date, optional time, optional offset; the crawler of the SaudiNewsNet dump writes times without offset. */
const ISO_TIME_RE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parses an ISO 8601 date or date-time. A time without an offset is read as UTC (not the machine's zone),
 * so the same text gives the same number on every host. Returns null for anything else.
 *
 * Example: `2015-07-21T02:16:13` → 1437444973000, `2015-07-21` → 1437436800000, `yesterday` → null.
 */
export function parseIsoTimeMs(iso: string): number | null {
  const m = ISO_TIME_RE.exec(iso.trim());
  if (m === null) return null;
  const [, date, time, offset] = m;
  // Date.parse wants "+03:00"; ISO 8601 also allows "+0300".
  const zone =
    offset === undefined ? "Z" : offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset;
  const text = time === undefined ? `${date}T00:00:00Z` : `${date}T${time}${zone.toUpperCase()}`;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * An article's time on that scale: its published time, else its fetched time, the same number the stores keep as
 * `time_ms`. Null when neither parses (a StoryArticle carries no fetched time); callers pick where those sort.
 *
 * Example: publishedAt `2015-07-21T02:16:13`, fetchedAt `2015-07-22` → 1437444973000.
 */
export function articleTimeMs(a: {
  readonly publishedAt: string | null;
  readonly fetchedAt?: string;
}): number | null {
  const published = a.publishedAt === null ? null : parseIsoTimeMs(a.publishedAt);
  if (published !== null) return published;
  return a.fetchedAt === undefined ? null : parseIsoTimeMs(a.fetchedAt);
}
