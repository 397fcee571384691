/**
 * Rate limiting middleware: an in-memory token bucket per client IP (the socket's peer address; X-Forwarded-For
 * only when the operator says a proxy sets it). Surface code; state lives in the process.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { apiError } from "./api-error.ts";

/** Burst a client may spend at once: a page view costs one request plus cached assets. */
export const RATE_LIMIT_BURST = 60;
/** Sustained requests per second per client: ten times a fast human reader, well under a scraper's pace. */
export const RATE_LIMIT_PER_SECOND = 10;
/** Clients tracked at once; beyond it the least recently seen are forgotten (a forgotten client starts full). */
export const RATE_LIMIT_MAX_CLIENTS = 10_000;

export interface RateLimitOptions {
  burst?: number;
  perSecond?: number;
  maxClients?: number;
  /** Trust the first X-Forwarded-For address (only behind a proxy that sets it; reliability notes API-01). */
  trustProxy?: boolean;
  now?: () => number;
  /** The response for a refused request; default `{error:{code:"api.rate_limited"}}` with status 429. */
  onLimited?: (c: Context, retryAfterS: number) => Response | Promise<Response>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Middleware that refuses a client's requests with 429 and Retry-After once its bucket is empty. */
export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler {
  const burst = options.burst ?? RATE_LIMIT_BURST;
  const perSecond = options.perSecond ?? RATE_LIMIT_PER_SECOND;
  const maxClients = options.maxClients ?? RATE_LIMIT_MAX_CLIENTS;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const key = clientKey(c, options.trustProxy ?? false);
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    // Re-insert so Map order is least recently seen first.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxClients) {
      const oldest = buckets.keys().next().value;
      if (oldest !== undefined) buckets.delete(oldest);
    }
    if (bucket.tokens < 1) {
      const retryAfterS = Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
      c.header("Retry-After", String(retryAfterS));
      return options.onLimited
        ? options.onLimited(c, retryAfterS)
        : apiError(c, 429, "api.rate_limited", `api: too many requests, retry after ${retryAfterS} s`);
    }
    bucket.tokens -= 1;
    await next();
  };
}

/** The peer address of the socket, or the first X-Forwarded-For hop when trusted; "unknown" without a socket. */
export function clientKey(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
