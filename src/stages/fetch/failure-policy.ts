/**
 * failurePolicy: counts a feed's consecutive failures, classifies them and disables the feed with a visible
 * reason when they pile up (fetch stage, after each feed run). Pure.
 */
import { backoffDelayMs } from "./host-limiter.ts";

/** Consecutive failures before a feed is paused (soft failures count half). notes/reliability.md section 4
 * proposes 10, between Miniflux's 3 parse errors and Media Cloud's 30. */
export const FAILURES_BEFORE_PAUSE = 10;

/** Weight of a soft failure: Media Cloud counts 404, 429 and 5xx as +0.5 (POL-04). */
export const SOFT_FAILURE_WEIGHT = 0.5;

/** soft: the server may recover (404, 429, 5xx); hard: network, timeout, parse; fatal: can never succeed as
 * configured (blocked destination, bad URL, 410 Gone) and pauses at once. */
export type FailureClass = "soft" | "hard" | "fatal";

const FATAL_CODES: ReadonlySet<string> = new Set([
  "fetch.blocked_address",
  "fetch.port_not_allowed",
  "fetch.bad_url",
  "fetch.url_too_long",
]);

export interface FetchFailure {
  /** AkhbarError code, when the run threw. */
  code?: string;
  /** HTTP status, when the server answered with an error. */
  status?: number;
  message: string;
}

/** Classifies a failure. Example: { status: 503 } -> "soft"; { code: "fetch.blocked_address" } -> "fatal". */
export function classifyFailure(failure: FetchFailure): FailureClass {
  if (failure.code !== undefined && FATAL_CODES.has(failure.code)) return "fatal";
  if (failure.status !== undefined) {
    if (failure.status === 410) return "fatal";
    if (failure.status === 404 || failure.status === 429 || failure.status >= 500) return "soft";
    return "hard";
  }
  return "hard";
}

export interface FeedHealth {
  /** Weighted count of failures since the last success. */
  failureScore: number;
  consecutiveFailures: number;
  disabled: boolean;
  /** Shown in `sources list` and the API when disabled. */
  disabledReason: string | null;
  lastError: string | null;
  lastErrorCode: string | null;
}

export const HEALTHY: FeedHealth = {
  failureScore: 0,
  consecutiveFailures: 0,
  disabled: false,
  disabledReason: null,
  lastError: null,
  lastErrorCode: null,
};

/**
 * Folds one run's outcome into the health record. Success resets the counters (but does not re-enable a
 * disabled feed: that is an admin action). Example: 10 hard failures -> disabled with reason
 * "paused after 10 consecutive failures; last: fetch.timeout: fetch: ...".
 */
export function recordFetchOutcome(
  health: FeedHealth,
  outcome: { ok: true } | { ok: false; failure: FetchFailure },
): FeedHealth {
  if (outcome.ok)
    return { ...health, failureScore: 0, consecutiveFailures: 0, lastError: null, lastErrorCode: null };
  const { failure } = outcome;
  const cls = classifyFailure(failure);
  const failureScore = health.failureScore + (cls === "soft" ? SOFT_FAILURE_WEIGHT : 1);
  const consecutiveFailures = health.consecutiveFailures + 1;
  const code = failure.code ?? (failure.status !== undefined ? `http.${failure.status}` : "unknown");
  const last = `${code}: ${failure.message}`;
  const disable = !health.disabled && (cls === "fatal" || failureScore >= FAILURES_BEFORE_PAUSE);
  return {
    failureScore,
    consecutiveFailures,
    disabled: health.disabled || disable,
    disabledReason: disable
      ? cls === "fatal"
        ? `paused: cannot succeed as configured; ${last}`
        : `paused after ${consecutiveFailures} consecutive failures; last: ${last}`
      : health.disabledReason,
    lastError: failure.message,
    lastErrorCode: code,
  };
}

/** Delay before retrying a failing feed: exponential with jitter on the consecutive failure count. */
export function failureRetryDelayMs(health: FeedHealth, random: () => number = Math.random): number {
  return backoffDelayMs(Math.max(1, health.consecutiveFailures), random);
}
