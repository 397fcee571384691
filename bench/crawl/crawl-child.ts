/**
 * Child process of the crawl benchmark: crawls the fixture site until no feed is due and no item is pending, without
 * assigning stories; appends "host path time" to SEND_LOG each time a request head is written (transport's onSent).
 * Bench support (IO). Usage: node --import tsx crawl-child.ts DB PORT HOST_INTERVAL_MS FEED_CONCURRENCY SEND_LOG
 */
import { appendFileSync } from "node:fs";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { ThreadCrawlPreparer } from "../../src/adapters/threads/thread-crawl-preparer.ts";
import { createCrawlContext } from "../../src/pipeline/crawl-context.ts";
import { crawlRound } from "../../src/pipeline/crawl-round.ts";
import { systemClock } from "../../src/ports/clock.ts";
import type { HttpClient } from "../../src/ports/http-client.ts";
import { silentLogger } from "../../src/ports/logger.ts";
import { parseAllowList } from "../../src/stages/fetch/address-policy.ts";
import { createTransport } from "../../src/stages/fetch/transport.ts";

const [db, port, interval, concurrency, sendLog] = process.argv.slice(2);
if (sendLog === undefined)
  throw new Error("usage: crawl-child.ts DB PORT HOST_INTERVAL_MS FEED_CONCURRENCY SEND_LOG");
const storage = await openSqliteStorage(db!);
// Every virtual host name resolves to the loopback listener, which only this allow-list admits.
const transport = createTransport({
  allow: parseAllowList(`127.0.0.1:${port}`),
  resolve: async () => ["127.0.0.1"],
});
// Written at once, one line per request, so the log survives the SIGKILL.
const http: HttpClient = {
  request: (req) =>
    transport.request({
      ...req,
      onSent: () => {
        const u = new URL(req.url);
        appendFileSync(sendLog, `${u.host} ${u.pathname} ${performance.timeOrigin + performance.now()}\n`);
        req.onSent?.();
      },
    }),
  close: () => transport.close(),
};
const preparer = new ThreadCrawlPreparer(1);
// Story assignment is left out: it is not what this bench measures (bench:stories does), and placing the 6,000
// articles the restarted crawler stores in one round took over 14 minutes on a busy 2-core machine.
const { stories: _notMeasured, ...crawlStorage } = storage;
const ctx = createCrawlContext(
  { storage: crawlStorage, http, preparer, clock: systemClock, log: silentLogger },
  { hostIntervalMs: Number(interval), feedConcurrency: Number(concurrency) },
);
await storage.feeds.releaseLeases();
for (;;) {
  const round = await crawlRound(ctx);
  process.stdout.write(`${JSON.stringify({ feeds: round.feeds.length, items: round.items })}\n`);
  const due = await storage.feeds.claimDueFeeds(systemClock.now().getTime(), 1, 0);
  if (round.feeds.length === 0 && due.length === 0 && (await storage.feeds.countPendingItems()) === 0) break;
}
await preparer.close();
await http.close();
await storage.close();
