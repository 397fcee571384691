/**
 * crawlFeed: one feed run — conditional GET under the host limiter -> parse (CrawlPreparer, off the main thread)
 * -> entry keys -> commit the feed's new state and its new items (pending) in one transaction. Items are fetched
 * afterwards by crawlItem. Pipeline: stage order lives here; ports come in through the CrawlContext.
 */
import type { Feed, FeedRunRecord, PendingItemDraft } from "../domain/feed.ts";
import type { HttpResponse } from "../ports/http-client.ts";
import type { FeedDocument, FeedEntry } from "../stages/feeds/feed-document.ts";
import {
  conditionalHeaders,
  updateValidators,
  type ValidatorState,
} from "../stages/fetch/conditional-get.ts";
import {
  type FeedHealth,
  type FetchFailure,
  failureRetryDelayMs,
  recordFetchOutcome,
} from "../stages/fetch/failure-policy.ts";
import { hostKeyOf, retryPauseMs } from "../stages/fetch/host-limiter.ts";
import { nextPollInterval, parseMaxAge } from "../stages/fetch/poll-interval.ts";
import { toEntryKeys } from "../stages/ingest/entry-keys.ts";
import { type CrawlContext, describeError } from "./crawl-context.ts";

/** Child sitemaps of a sitemap index read per run, newest lastmod first: news sitemap indexes list one child per
 * day or month, and only the latest hold new stories. */
export const MAX_CHILD_SITEMAPS_PER_RUN = 3;

/** Longest retry delay while the machine looks offline, so crawling resumes soon after the network returns. */
export const OFFLINE_RETRY_MAX_MS = 15 * 60 * 1000;

export interface FeedRunSummary {
  feedId: number;
  sourceId: string;
  url: string;
  status: FeedRunRecord["status"];
  /** Entries in the document. */
  entries: number;
  /** Entries accepted as new (pending items). */
  newItems: number;
  httpStatus: number | null;
  error: string | null;
  /** Set when the run disabled the feed. */
  disabledReason: string | null;
  nextPollMs: number;
  durationMs: number;
}

/** Polls `feed` once and commits the outcome. Never throws for network, HTTP or parse failures; only storage
 * failures propagate. */
export async function crawlFeed(ctx: CrawlContext, feed: Feed): Promise<FeedRunSummary> {
  const started = performance.now();
  const nowMs = ctx.clock.now().getTime();
  const nowIso = new Date(nowMs).toISOString();
  const hostKey = hostKeyOf(feed.url);
  const validators: ValidatorState = {
    etag: feed.etag,
    lastModified: feed.lastModified,
    bodyHash: feed.bodyHash,
    ignoreValidators: feed.ignoreValidators,
    lastFullFetchAt: feed.lastFullFetchMs,
  };
  const headers = conditionalHeaders(validators, nowMs);
  const sentConditional = Object.keys(headers).length > 0;

  let res: HttpResponse;
  try {
    res = await ctx.fetchPolitely({ url: feed.url, expect: "feed", headers });
  } catch (err) {
    const { code, message } = describeError(err);
    ctx.offline.observe(hostKey, code);
    return finishFailure(ctx, feed, { code, message }, null, nowMs, started);
  }
  ctx.offline.observe(hostKey, null);
  if (res.status !== 304 && (res.status < 200 || res.status >= 300)) {
    const pause = retryPauseMs(res.status, res.headers["retry-after"], nowMs);
    const failure = { status: res.status, message: `fetch: the server answered HTTP ${res.status}` };
    return finishFailure(ctx, feed, failure, pause, nowMs, started);
  }
  const update = updateValidators(validators, res, sentConditional, nowMs);
  const base = {
    etag: update.state.etag,
    lastModified: update.state.lastModified,
    bodyHash: update.state.bodyHash,
    ignoreValidators: update.state.ignoreValidators,
    lastFullFetchMs: update.state.lastFullFetchAt,
    lastFetchAt: nowIso,
    httpStatus: res.status,
    errorCode: null,
    error: null,
    failureScore: 0,
    consecutiveFailures: 0,
    disabledReason: feed.disabledReason,
    // A feed that moved for good is polled at its new address from now on (the store keeps one feed per URL).
    movedTo: res.permanentRedirect && res.url !== feed.url ? res.url : null,
  };
  const hadPreviousPoll =
    feed.lastFetchAt !== null && (feed.status === "ok" || feed.status === "not_modified");
  if (!update.changed) {
    // 304 or a byte-identical body: nothing to parse, nothing new; the feed is as quiet as it can be.
    const interval = nextPollInterval(
      feed.pollIntervalMs,
      {
        newItems: 0,
        totalItems: 1,
        hadPreviousPoll,
        maxAgeSeconds: parseMaxAge(res.headers["cache-control"]),
      },
      ctx.settings.random,
    );
    const run: FeedRunRecord = {
      ...base,
      status: "not_modified",
      nextPollMs: nowMs + interval,
      pollIntervalMs: interval,
    };
    await ctx.storage.feeds.recordFeedRun(feed.id, run, [], 0);
    return summarize(feed, run, 0, 0, null, started);
  }

  let doc: FeedDocument;
  let entries: FeedEntry[];
  try {
    doc = await ctx.preparer.parseFeed({
      bytes: res.body,
      contentType: res.headers["content-type"],
      url: res.url,
    });
    entries = doc.kind === "sitemap-index" ? await readChildSitemaps(ctx, doc) : doc.entries;
  } catch (err) {
    // Validators of an unparsable body are not kept: the next poll must fetch it again in full.
    return finishFailure(ctx, feed, describeError(err), null, nowMs, started);
  }
  const candidates = toCandidates(entries);
  const accepted = await ctx.storage.feeds.recordFeedRun(
    feed.id,
    {
      ...base,
      status: "ok",
      // Provisional schedule, replaced below once the new-item count is known; both commit before items run.
      nextPollMs: nowMs + feed.pollIntervalMs,
      pollIntervalMs: feed.pollIntervalMs,
      kind: doc.kind,
      title: doc.title,
    },
    candidates,
    ctx.settings.maxNewItemsPerRun,
  );
  const interval = nextPollInterval(
    feed.pollIntervalMs,
    {
      newItems: accepted,
      totalItems: candidates.length,
      hadPreviousPoll,
      ttlMinutes: doc.ttlMinutes,
      maxAgeSeconds: parseMaxAge(res.headers["cache-control"]),
    },
    ctx.settings.random,
  );
  const run: FeedRunRecord = {
    ...base,
    status: "ok",
    nextPollMs: nowMs + interval,
    pollIntervalMs: interval,
  };
  // A crash before this line leaves the provisional schedule (the old interval): harmless.
  await ctx.storage.feeds.rescheduleFeed(feed.id, run.nextPollMs, interval);
  ctx.log.info(
    {
      stage: "crawl",
      source_id: feed.sourceId,
      feed_url: feed.url,
      entries: entries.length,
      new_items: accepted,
      duration_ms: Math.round(performance.now() - started),
    },
    "feed polled",
  );
  return summarize(feed, run, entries.length, accepted, null, started);
}

/** Entries with a usable link, keyed; the entry's link is the resolved one so items need no re-keying. */
function toCandidates(entries: readonly FeedEntry[]): PendingItemDraft[] {
  const keys = toEntryKeys(entries);
  const out: PendingItemDraft[] = [];
  entries.forEach((entry, i) => {
    const key = keys[i];
    if (key) out.push({ itemKey: key.itemKey, urlKey: key.urlKey, entry: { ...entry, url: key.url } });
  });
  return out;
}

async function readChildSitemaps(ctx: CrawlContext, index: FeedDocument): Promise<FeedEntry[]> {
  const children = [...index.sitemaps]
    .sort((a, b) => (b.lastmod ?? "").localeCompare(a.lastmod ?? ""))
    .slice(0, MAX_CHILD_SITEMAPS_PER_RUN);
  const entries: FeedEntry[] = [];
  for (const child of children) {
    const res = await ctx.fetchPolitely({ url: child.url, expect: "feed" });
    if (res.status < 200 || res.status >= 300) continue;
    const doc = await ctx.preparer.parseFeed({
      bytes: res.body,
      contentType: res.headers["content-type"],
      url: res.url,
    });
    entries.push(...doc.entries);
  }
  return entries;
}

async function finishFailure(
  ctx: CrawlContext,
  feed: Feed,
  failure: FetchFailure,
  retryPause: number | null,
  nowMs: number,
  started: number,
): Promise<FeedRunSummary> {
  const health: FeedHealth = {
    failureScore: feed.failureScore,
    consecutiveFailures: feed.consecutiveFailures,
    disabled: feed.disabledReason !== null,
    disabledReason: feed.disabledReason,
    lastError: feed.error,
    lastErrorCode: feed.errorCode,
  };
  const offline = ctx.offline.isOfflineFailure(failure.code);
  const next = recordFetchOutcome(health, { ok: false, failure });
  // Offline: the failure is the machine's, not the feed's; count it for backoff only, never toward disabling.
  const kept: FeedHealth = offline
    ? {
        ...next,
        failureScore: feed.failureScore,
        disabled: health.disabled,
        disabledReason: health.disabledReason,
      }
    : next;
  let delay = failureRetryDelayMs(kept, ctx.settings.random);
  if (offline) delay = Math.min(delay, OFFLINE_RETRY_MAX_MS);
  if (retryPause !== null) delay = Math.max(delay, retryPause);
  const run: FeedRunRecord = {
    etag: feed.etag,
    lastModified: feed.lastModified,
    bodyHash: feed.bodyHash,
    ignoreValidators: feed.ignoreValidators,
    lastFullFetchMs: feed.lastFullFetchMs,
    lastFetchAt: new Date(nowMs).toISOString(),
    status: offline ? "offline" : "error",
    httpStatus: failure.status ?? null,
    errorCode: kept.lastErrorCode,
    error: kept.lastError,
    failureScore: kept.failureScore,
    consecutiveFailures: kept.consecutiveFailures,
    disabledReason: kept.disabledReason,
    nextPollMs: nowMs + delay,
    pollIntervalMs: feed.pollIntervalMs,
  };
  await ctx.storage.feeds.recordFeedRun(feed.id, run, [], 0);
  const fields = {
    stage: "crawl",
    source_id: feed.sourceId,
    feed_url: feed.url,
    code: kept.lastErrorCode,
    duration_ms: Math.round(performance.now() - started),
  };
  if (kept.disabledReason !== null && feed.disabledReason === null) {
    ctx.log.warn({ ...fields, reason: kept.disabledReason }, "feed disabled");
  } else ctx.log.warn(fields, `feed poll failed: ${kept.lastError}`);
  return summarize(feed, run, 0, 0, `${kept.lastErrorCode}: ${kept.lastError}`, started);
}

function summarize(
  feed: Feed,
  run: FeedRunRecord,
  entries: number,
  newItems: number,
  error: string | null,
  started: number,
): FeedRunSummary {
  return {
    feedId: feed.id,
    sourceId: feed.sourceId,
    url: feed.url,
    status: run.status,
    entries,
    newItems,
    httpStatus: run.httpStatus,
    error,
    disabledReason: run.disabledReason,
    nextPollMs: run.nextPollMs,
    durationMs: Math.round(performance.now() - started),
  };
}
