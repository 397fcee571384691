/**
 * `akhbar serve [--port N] [--host H] [--crawl]`: the RTL reader and the HTTP JSON API over the configured store until SIGINT/SIGTERM;
 * with --crawl (what `npm start` runs) it also loads the default sources once and crawls on a schedule in the
 * same process. Surface: the only place the API gets a listening socket.
 */

import { once } from "node:events";
import { readFile } from "node:fs/promises";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import defaultSourceList from "../../../config/default-sources.json" with { type: "json" };
import { type Config, parsePort } from "../../../config/load-config.ts";
import { VERSION } from "../../../config/version.ts";
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openCrawler, openStorage, startBackgroundReindex } from "../../../main.ts";
import { runCrawlScheduler } from "../../../pipeline/crawl-scheduler.ts";
import { type DefaultSource, seedDefaultSources } from "../../../pipeline/seed-default-sources.ts";
import { systemClock } from "../../../ports/clock.ts";
import { createApi } from "../../api/create-api.ts";
import { adminTokenFromEnv } from "../../web/admin-auth.ts";
import { answerClientErrors } from "../../web/client-errors.ts";
import { createWebApp } from "../../web/create-web-app.ts";
import type { Command } from "../command.ts";

export const serveCommand: Command = {
  name: "serve",
  summary:
    "serve the reader and JSON API on http://HOST:PORT (--crawl: also load default sources and crawl on a schedule)",
  usage: "serve [--port N] [--host H] [--crawl]",
  options: { port: { type: "string" }, host: { type: "string" }, crawl: { type: "boolean", default: false } },
  positionals: false,
  async run(ctx, values) {
    const port = typeof values.port === "string" ? parsePort(values.port, "--port") : ctx.config.port;
    const host = typeof values.host === "string" ? values.host : ctx.config.host;
    const log = createLogger(ctx.config, ctx.io.stderr);
    // Listening comes first: a store an older analyzer indexed is re-indexed in the background (a minute or more on a
    // large store), searches over it saying they may miss articles until it is done, /health how far it is.
    const storage = await openStorage(ctx.config, log, { reindexInBackground: true });
    const reindex = startBackgroundReindex(storage, log);
    // Whatever fails from here on (the port taken, the source list unreadable) closes the server, stops the re-index
    // and closes the store: either would otherwise keep the process alive (the re-index until the store is current).
    let closeServer = async () => {};
    try {
      const api = createApi({ storage, version: VERSION, startedAt: new Date(), reindex });
      // The reader pages wrap the JSON API so one header, rate-limit and error policy covers every route.
      const app = createWebApp({
        storage,
        api,
        reindex,
        adminToken: adminTokenFromEnv(ctx.io.env),
        remoteImages: ctx.io.env.AKHBAR_READER_REMOTE_IMAGES === "1",
      });
      const server = serve({ fetch: app.fetch, port, hostname: host });
      closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
      answerClientErrors(server as Server);
      await once(server, "listening");
      const address = server.address();
      const actualPort = typeof address === "object" && address !== null ? address.port : port;
      // Never echo the database URL: it may carry a password.
      const store = ctx.config.databaseUrl === null ? ctx.config.dbPath : "PostgreSQL (AKHBAR_DATABASE_URL)";
      ctx.io.stderr.write(`akhbar ${VERSION} serving ${store} on http://${host}:${actualPort}\n`);

      let crawling: Promise<void> = Promise.resolve();
      let closeCrawler = async () => {};
      if (values.crawl === true) {
        const seeded = await seedDefaultSources(storage, await readDefaultSources(ctx.config), systemClock);
        if (seeded.loaded) {
          ctx.io.stderr.write(`akhbar: loaded ${seeded.sources} default sources (${seeded.feeds} feeds)\n`);
        }
        const crawler = await openCrawler(ctx.config, storage, log);
        closeCrawler = crawler.close;
        ctx.io.stderr.write(
          "akhbar: crawling on a schedule; `akhbar sources list` shows each source's health\n",
        );
        // The scheduler never throws for network or feed trouble; a storage failure is logged, and serving goes on.
        crawling = runCrawlScheduler(crawler.context, { signal: ctx.signal }).catch((err: unknown) => {
          log.error({ stage: "crawl", err: (err as Error).message }, "crawler stopped");
        });
      }
      if (!ctx.signal.aborted) await once(ctx.signal, "abort");
      ctx.io.stderr.write("akhbar: shutting down\n");
      await closeServer();
      closeServer = async () => {};
      await crawling;
      await closeCrawler();
      return 0;
    } finally {
      await closeServer();
      await reindex.stop();
      await storage.close();
    }
  },
};

/** The list loaded on first start: AKHBAR_DEFAULT_SOURCES (a file, or "none"), else the built-in one. */
async function readDefaultSources(config: Config): Promise<DefaultSource[]> {
  if (config.defaultSources === null) return defaultSourceList.sources as DefaultSource[];
  if (config.defaultSources === "none") return [];
  try {
    const parsed = JSON.parse(await readFile(config.defaultSources, "utf8")) as { sources?: DefaultSource[] };
    return parsed.sources ?? [];
  } catch (err) {
    throw new AkhbarError(
      "config.invalid",
      `config: AKHBAR_DEFAULT_SOURCES ${config.defaultSources} is not a readable source list`,
      {},
      { cause: err },
    );
  }
}
