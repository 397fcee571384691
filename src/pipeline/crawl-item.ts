/**
 * crawlItem: one pending feed item -> robots.txt check -> page fetch under the host limiter -> prepare (decode,
 * extract, draft, index fields; off the main thread) -> ArticleStore.writeArticles -> item done. One commit per
 * item, so one bad item never aborts the batch. Pipeline: stage order lives here.
 *
 * Restart safety: the article write is idempotent (the id derives from the canonical URL; the store dedupes by id
 * and URL), and the item is marked done only after it. A kill between the two re-runs the item once more, which
 * the store reports as unchanged or duplicate: stored exactly once.
 */

import { AkhbarError, isAkhbarError } from "../domain/errors.ts";
import type { PendingItem } from "../domain/feed.ts";
import type { HttpResponse } from "../ports/http-client.ts";
import { hostKeyOf } from "../stages/fetch/host-limiter.ts";
import { MAX_REDIRECTS } from "../stages/fetch/transport.ts";
import { type CrawlContext, describeError, MAX_ITEM_ATTEMPTS } from "./crawl-context.ts";
import type { CrawlItemInput } from "./prepare-crawl-item.ts";

export type ItemResult =
  | { status: "stored"; outcome: string; articleId: string; pageError: string | null }
  | { status: "skipped"; reason: string }
  | { status: "deferred"; reason: string }
  | { status: "failed"; reason: string };

/** Processes one claimed item. Never throws for page, extraction or record problems; storage errors propagate. */
export async function crawlItem(ctx: CrawlContext, item: PendingItem): Promise<ItemResult> {
  const started = performance.now();
  const url = item.entry.url;
  const now = ctx.clock.now().toISOString();
  const fields = { stage: "crawl", source_id: item.sourceId, article_url: url };
  if (url === null) {
    await ctx.storage.feeds.completeItem(
      item.seq,
      { articleId: null, outcome: "skipped", error: "no link" },
      now,
    );
    return { status: "skipped", reason: "no link" };
  }
  let page: CrawlItemInput["page"] = null;
  let pageError: string | null = null;
  if (item.attempts > MAX_ITEM_ATTEMPTS) {
    pageError = `crawl.gave_up: page not fetched after ${MAX_ITEM_ATTEMPTS} interrupted attempts`;
  } else {
    const hostKey = hostKeyOf(url);
    if (ctx.limiter.nextStartAt(hostKey) - Date.now() > ctx.settings.maxHostWaitMs) {
      await ctx.storage.feeds.releaseItem(item.seq);
      return { status: "deferred", reason: `host ${hostKey} is paused` };
    }
    try {
      const res = await fetchPageRobotsAllow(ctx, url);
      if (res === "disallowed") {
        pageError = "robots.disallowed: robots.txt disallows this page; the feed's content is kept";
      } else if (res.status >= 200 && res.status < 300) {
        page = { bytes: res.body, contentType: res.headers["content-type"], url: res.url };
      } else pageError = `http.${res.status}: the server answered HTTP ${res.status}`;
    } catch (err) {
      if (isAkhbarError(err, "fetch.host_paused")) {
        await ctx.storage.feeds.releaseItem(item.seq);
        return { status: "deferred", reason: err.message };
      }
      const { code, message } = describeError(err);
      pageError = `${code}: ${message}`;
    }
  }

  let prepared: Awaited<ReturnType<typeof ctx.preparer.prepareItem>>;
  try {
    const context = { sourceId: item.sourceId, url, feedUrl: item.feedUrl, now };
    prepared = await ctx.preparer.prepareItem({ entry: item.entry, context, page, pageError });
    if (prepared.write === null && page !== null) {
      // Nothing on the page nor in the feed: say so rather than hide it behind the page's success.
      prepared = { ...prepared, pageError: prepared.pageError ?? "page had no usable content" };
    }
  } catch (err) {
    // The worker died on this page (a timeout, a crash): fall back to the feed's content without the page.
    const { code, message } = describeError(err);
    pageError = `${code}: ${message}`;
    try {
      const context = { sourceId: item.sourceId, url, feedUrl: item.feedUrl, now };
      prepared = await ctx.preparer.prepareItem({ entry: item.entry, context, page: null, pageError });
    } catch (again) {
      const reason = describeError(again);
      await ctx.storage.feeds.completeItem(
        item.seq,
        { articleId: null, outcome: "failed", error: `${reason.code}: ${reason.message}` },
        now,
      );
      ctx.log.error({ ...fields, code: reason.code }, "item failed");
      return { status: "failed", reason: reason.message };
    }
  }

  if (prepared.write === null) {
    const reason = prepared.skipReason ?? "nothing to store";
    await ctx.storage.feeds.completeItem(
      item.seq,
      { articleId: null, outcome: "skipped", error: reason },
      now,
    );
    ctx.log.info({ ...fields, reason }, "item skipped");
    return { status: "skipped", reason };
  }
  let outcome: Awaited<ReturnType<typeof ctx.storage.articles.writeArticles>>[number] | undefined;
  try {
    [outcome] = await ctx.storage.articles.writeArticles([prepared.write]);
  } catch (err) {
    if (!isAkhbarError(err)) throw err;
    const reason = `${err.code}: ${err.message}`;
    await ctx.storage.feeds.completeItem(
      item.seq,
      { articleId: null, outcome: "failed", error: reason },
      now,
    );
    ctx.log.warn({ ...fields, code: err.code }, "item refused by the store");
    return { status: "failed", reason };
  }
  const articleId =
    outcome === undefined
      ? prepared.write.article.id
      : "existingId" in outcome
        ? outcome.existingId
        : outcome.id;
  const status = outcome?.status ?? "unchanged";
  await ctx.storage.feeds.completeItem(
    item.seq,
    { articleId, outcome: status, error: prepared.pageError },
    now,
  );
  ctx.log.debug(
    {
      ...fields,
      outcome: status,
      page_error: prepared.pageError,
      duration_ms: Math.round(performance.now() - started),
    },
    "item stored",
  );
  return { status: "stored", outcome: status, articleId, pageError: prepared.pageError };
}

/**
 * Fetches an item's page when robots.txt allows it and every redirect hop's target: a hop to a path its origin's
 * rules disallow stops there. A hop to an origin whose rules are not at hand stops too (its robots.txt must not be
 * fetched while the page's host slot is held); that robots.txt is then fetched on its own and the page fetched
 * again from the hop's target, so the redirect already answered is not asked twice.
 */
async function fetchPageRobotsAllow(ctx: CrawlContext, url: string): Promise<HttpResponse | "disallowed"> {
  let target = url;
  for (let restarts = 0; ; restarts++) {
    if (!(await ctx.robots.isAllowed(target))) return "disallowed";
    // Where a hop was stopped, and whether its rules disallow it (else they were not at hand).
    const stopped: { hop?: string; disallowed?: boolean } = {};
    try {
      return await ctx.fetchPolitely({
        url: target,
        expect: "html",
        beforeHop: async (hop) => {
          const allowed = ctx.robots.peek(hop);
          if (allowed === true) return;
          stopped.hop = hop;
          stopped.disallowed = allowed === false;
          throw new AkhbarError(
            "robots.hop_stopped",
            `robots: redirect to ${hop} stopped for its robots.txt`,
          );
        },
      });
    } catch (err) {
      if (stopped.hop === undefined) throw err;
      if (stopped.disallowed === true) return "disallowed";
      if (restarts >= MAX_REDIRECTS) {
        throw new AkhbarError("fetch.too_many_redirects", `fetch: more than ${MAX_REDIRECTS} redirects`);
      }
      target = stopped.hop;
    }
  }
}
