/**
 * Child process of the crawl benchmark: crawls the fixture site until no feed is due and no item is pending.
 * Bench support (IO). Usage: node --import tsx crawl-child.ts DB PORT HOST_INTERVAL_MS FEED_CONCURRENCY
 */
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { ThreadCrawlPreparer } from "../../src/adapters/threads/thread-crawl-preparer.ts";
import { createCrawlContext } from "../../src/pipeline/crawl-context.ts";
import { crawlRound } from "../../src/pipeline/crawl-round.ts";
import { systemClock } from "../../src/ports/clock.ts";
import { silentLogger } from "../../src/ports/logger.ts";
import { parseAllowList } from "../../src/stages/fetch/address-policy.ts";
import { createTransport } from "../../src/stages/fetch/transport.ts";

const [db, port, interval, concurrency] = process.argv.slice(2);
if (concurrency === undefined)
  throw new Error("usage: crawl-child.ts DB PORT HOST_INTERVAL_MS FEED_CONCURRENCY");
const storage = await openSqliteStorage(db!);
// Every virtual host name resolves to the loopback listener, which only this allow-list admits.
const http = createTransport({
  allow: parseAllowList(`127.0.0.1:${port}`),
  resolve: async () => ["127.0.0.1"],
});
const preparer = new ThreadCrawlPreparer(1);
const ctx = createCrawlContext(
  { storage, http, preparer, clock: systemClock, log: silentLogger },
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
