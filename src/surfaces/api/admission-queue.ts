/**
 * Admission queue middleware: requests start their handler in arrival order, a few at a time, so a flood of
 * connections is served first come, first served instead of by whichever sockets Node happens to read first.
 * Surface code; the queue lives in the process.
 */
import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";

/**
 * Handlers running at once. A SQLite handler runs to its end without yielding, so one would do; four let handlers
 * on an asynchronous store (PostgreSQL) overlap their queries without a flood interleaving hundreds of requests.
 */
export const ADMISSION_CONCURRENCY = 4;

export interface AdmissionQueueOptions {
  concurrency?: number;
  /** Defers admission to the next turn of the event loop; default setImmediate (tests pass their own). */
  defer?: (run: () => void) => void;
}

/**
 * Why a queue: with 200 keep-alive connections and handlers of a few milliseconds, Node serves the sockets it reads
 * first again and again (measured with a plain node:http server and a 7 ms handler: median 0.3 s, but 13% of
 * requests waited past autocannon's 10 s timeout). Here a request only joins the queue when it arrives, and handlers
 * start from a setImmediate turn, after the event loop has read every socket that is ready, so a request waits for
 * the ones that came before it and no longer (the same test: no timeout, p99 3.3 s = 200 requests × 7 ms and noise).
 * A request whose client went away while it waited is answered without running its handler.
 */
export function admissionQueue(options: AdmissionQueueOptions = {}): MiddlewareHandler {
  const concurrency = options.concurrency ?? ADMISSION_CONCURRENCY;
  const defer = options.defer ?? setImmediate;
  const waiting: (() => void)[] = [];
  let running = 0;
  let scheduled = false;

  const admit = () => {
    scheduled = false;
    while (running < concurrency && waiting.length > 0) {
      running += 1;
      waiting.shift()?.();
    }
  };
  const schedule = () => {
    if (scheduled || waiting.length === 0 || running >= concurrency) return;
    scheduled = true;
    defer(admit);
  };

  return async (c, next) => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      schedule();
    });
    try {
      // The client gave up while queued (e.g. its timeout): nobody will read the answer, so do no work for it.
      if (isClientGone(c)) return c.body(null, 503);
      await next();
    } finally {
      running -= 1;
      schedule();
    }
  };
}

/** True when the Node server's socket for this request is closed (never under `app.request()`, which has none). */
function isClientGone(c: Context): boolean {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket?.destroyed === true;
}
