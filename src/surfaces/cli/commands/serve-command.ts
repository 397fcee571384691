/**
 * `akhbar serve [--port N] [--host H]`: the HTTP JSON API over the configured store until SIGINT/SIGTERM.
 * Surface: the only place the API gets a listening socket.
 */

import { once } from "node:events";
import { serve } from "@hono/node-server";
import { parsePort } from "../../../config/load-config.ts";
import { VERSION } from "../../../config/version.ts";
import { openStorage } from "../../../main.ts";
import { createApi } from "../../api/create-api.ts";
import type { Command } from "../command.ts";

export const serveCommand: Command = {
  name: "serve",
  summary: "serve the JSON API (and the reader, when built) on http://HOST:PORT",
  usage: "serve [--port N] [--host H]",
  options: { port: { type: "string" }, host: { type: "string" } },
  positionals: false,
  async run(ctx, values) {
    const port = typeof values.port === "string" ? parsePort(values.port, "--port") : ctx.config.port;
    const host = typeof values.host === "string" ? values.host : ctx.config.host;
    const storage = await openStorage(ctx.config);
    const app = createApi({ storage, version: VERSION, startedAt: new Date() });
    const server = serve({ fetch: app.fetch, port, hostname: host });
    await once(server, "listening");
    const address = server.address();
    const actualPort = typeof address === "object" && address !== null ? address.port : port;
    ctx.io.stderr.write(`akhbar ${VERSION} serving ${ctx.config.dbPath} on http://${host}:${actualPort}\n`);
    if (!ctx.signal.aborted) await once(ctx.signal, "abort");
    ctx.io.stderr.write("akhbar: shutting down\n");
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await storage.close();
    return 0;
  },
};
