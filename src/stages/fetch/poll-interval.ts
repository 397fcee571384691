/**
 * nextPollInterval: how long until a feed is polled again, adapted to how many new items the last poll found
 * (fetch stage, after each feed run). Pure; randomness injectable.
 */

/** Bounds and default of the poll interval: min 15 min, default 60 min, max 24 h (notes/reliability.md
 * section 4, from Miniflux, Media Cloud, FreshRSS and Rachel by the Bay's reader guidance). */
export const MIN_POLL_INTERVAL_MS = 15 * 60 * 1000;
export const DEFAULT_POLL_INTERVAL_MS = 60 * 60 * 1000;
export const MAX_POLL_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Media Cloud (POL-08): shorten when fewer than a third of the items were already known, lengthen above two
 * thirds. The factors move a feed between the bounds in about five polls. */
export const SHORTEN_BELOW_DUPLICATE_RATIO = 1 / 3;
export const LENGTHEN_ABOVE_DUPLICATE_RATIO = 2 / 3;
export const SHORTEN_FACTOR = 0.5;
export const LENGTHEN_FACTOR = 1.5;

/** Spread of the jitter around the interval, so feeds added together do not poll together. */
export const POLL_JITTER_RATIO = 0.1;

export interface PollObservation {
  /** Items in this document not seen before. */
  newItems: number;
  /** Items in this document. */
  totalItems: number;
  /** Whether the previous poll succeeded (a first poll cannot show a gap). */
  hadPreviousPoll: boolean;
  /** RSS `<ttl>` in minutes, if given. */
  ttlMinutes?: number | null;
  /** `Cache-Control: max-age` in seconds, if given. */
  maxAgeSeconds?: number | null;
}

/** True when every item was new after an earlier poll: the window probably scrolled past items (POL-08). */
export function hasWindowGap(obs: PollObservation): boolean {
  return obs.hadPreviousPoll && obs.totalItems > 0 && obs.newItems === obs.totalItems;
}

/**
 * The next interval in ms: shortened when most items were new (or a gap shows), lengthened when most were
 * duplicates, at least the publisher's TTL/max-age, clamped to [15 min, 24 h], with +-10 % jitter.
 * Example: current 60 min, 20 of 20 items known -> about 90 min.
 */
export function nextPollInterval(
  currentMs: number,
  obs: PollObservation,
  random: () => number = Math.random,
): number {
  const total = Math.max(0, obs.totalItems);
  const duplicateRatio = total === 0 ? 1 : 1 - Math.min(obs.newItems, total) / total;
  let next = currentMs > 0 ? currentMs : DEFAULT_POLL_INTERVAL_MS;
  if (hasWindowGap(obs) || duplicateRatio < SHORTEN_BELOW_DUPLICATE_RATIO) next *= SHORTEN_FACTOR;
  else if (duplicateRatio > LENGTHEN_ABOVE_DUPLICATE_RATIO) next *= LENGTHEN_FACTOR;
  const publisherFloor = Math.max((obs.ttlMinutes ?? 0) * 60_000, (obs.maxAgeSeconds ?? 0) * 1000);
  next = Math.max(next, publisherFloor);
  next *= 1 - POLL_JITTER_RATIO + 2 * POLL_JITTER_RATIO * random();
  return Math.round(Math.min(MAX_POLL_INTERVAL_MS, Math.max(MIN_POLL_INTERVAL_MS, next)));
}

/** `max-age` seconds from a Cache-Control header, or null. Example: "public, max-age=10800" -> 10800. */
export function parseMaxAge(cacheControl: string | undefined): number | null {
  const m = /(?:^|[,\s])max-age\s*=\s*"?(\d+)/i.exec(cacheControl ?? "");
  return m ? Number(m[1]) : null;
}
