/**
 * The crawl benchmark's fixture site in a process of its own: serves FEEDS feeds x ITEMS items on HOSTS virtual
 * hosts and logs each request's arrival, so the figures come from a process that does nothing else (bench
 * support, IO). Driven over IPC by run.ts. Usage: fork(site-process.ts, [FEEDS, ITEMS, HOSTS])
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { feedReply, makeItems, startCrawlSite } from "../../test/fixtures/crawl-site.ts";
import { benchFeedFormat, benchHostName } from "./bench-site.ts";

export type SiteCommand = { type: "watch"; articles: number } | { type: "mark" } | { type: "report" };

export interface SiteReport {
  type: "report";
  /** Arrival of each request (performance.now() of this process), in arrival order. */
  requests: { host: string; path: string; at: number }[];
  maxInFlight: [string, number][];
  /** performance.now() when run.ts said the first crawler was gone. */
  markAt: number | null;
  /** How late this process's event loop ran (ms): a bound on how late an arrival can have been logged. */
  loopDelayMs: { p50: number; p99: number; max: number };
}

export type SiteMessage = { type: "ready"; port: number } | { type: "reached" } | SiteReport;

const [feeds, items, hosts] = process.argv.slice(2).map(Number);
if (feeds === undefined || items === undefined || hosts === undefined)
  throw new Error("usage: site-process.ts FEEDS ITEMS HOSTS");
const send = (message: SiteMessage, then?: () => void) =>
  process.send?.(message, undefined, {}, () => then?.());

const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
const site = await startCrawlSite();
for (let f = 0; f < feeds; f++) {
  const base = site.base(benchHostName(f % hosts));
  site.route(`/feed/${f}`, feedReply(benchFeedFormat(f), makeItems(base, `f${f}`, items)));
}

let articles = 0;
let scanned = 0;
let markAt: number | null = null;
// Incremental, so watching for the kill point costs the server's event loop almost nothing (a full scan of the
// log every 2 ms delayed request handling and bunched the arrival times the politeness figures come from).
const watch = (target: number) => {
  const timer = setInterval(() => {
    const log = site.server.requests;
    for (; scanned < log.length; scanned++) if (log[scanned]!.path.startsWith("/a/")) articles++;
    if (articles >= target) {
      clearInterval(timer);
      send({ type: "reached" });
    }
  }, 2);
};
process.on("message", (command: SiteCommand) => {
  if (command.type === "watch") watch(command.articles);
  else if (command.type === "mark") markAt = performance.now();
  else {
    loopDelay.disable();
    const ms = (ns: number) => ns / 1e6;
    send(
      {
        type: "report",
        requests: site.server.requests.map((r) => ({
          host: String(r.headers.host ?? ""),
          path: r.path,
          at: r.at,
        })),
        maxInFlight: [...site.maxInFlight],
        markAt,
        loopDelayMs: {
          p50: ms(loopDelay.percentile(50)),
          p99: ms(loopDelay.percentile(99)),
          max: ms(loopDelay.max),
        },
      },
      async () => {
        await site.close();
        process.disconnect();
      },
    );
  }
});
send({ type: "ready", port: site.server.port });
