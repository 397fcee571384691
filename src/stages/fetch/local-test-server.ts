/**
 * localTestServer: a real node:http listener on a loopback address for fetch and crawl tests.
 * Test support only (never imported by production code). Counts TCP connections ("hits") and logs requests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** performance.now() when the request arrived. */
  at: number;
}

export interface LocalServer {
  host: string;
  port: number;
  /** `http://host:port` + path; IPv6 hosts are bracketed. */
  url(path?: string): string;
  /** Accepted TCP connections so far. */
  readonly hits: number;
  readonly requests: LoggedRequest[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Starts a listener on `host` (default 127.0.0.1) and `port` (default 0: any free port).
 * Example: `const s = await startLocalServer((req, res) => res.end("ok"))`, then fetch `s.url("/")`.
 */
export async function startLocalServer(handler: Handler, host = "127.0.0.1", port = 0): Promise<LocalServer> {
  const server: Server = createServer((req, res) => {
    requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      at: performance.now(),
    });
    res.on("error", () => {});
    handler(req, res);
  });
  const requests: LoggedRequest[] = [];
  const sockets = new Set<Duplex>();
  let hits = 0;
  server.on("connection", (socket) => {
    hits++;
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    host,
    port: actual,
    url: (path = "/") => `http://${shown}:${actual}${path}`,
    get hits() {
      return hits;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
