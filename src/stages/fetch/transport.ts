/**
 * Transport: the HttpClient over undici, and the only code in akhbar that opens sockets (fetch stage).
 * Impure. Every connection goes through a connector that resolves the host once, vets each address and the
 * socket's actual peer against the address policy; redirects are followed by hand and re-vetted per hop.
 */
import { lookup } from "node:dns/promises";
// biome-ignore lint/style/noRestrictedImports: transport.ts is the one module allowed to touch sockets.
import { isIP, type Socket } from "node:net";
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import { Agent, buildConnector, type Dispatcher } from "undici";
import { AkhbarError, isAkhbarError } from "../../domain/errors.ts";
import type { ContentKind, HttpClient, HttpRequest, HttpResponse } from "../../ports/http-client.ts";
import {
  type AllowList,
  checkDestination,
  DEFAULT_ALLOWED_PORTS,
  type DestinationPolicy,
  EMPTY_ALLOW_LIST,
} from "./address-policy.ts";
import { blockedError, checkFetchUrl, checkRequestHeaders } from "./request-policy.ts";

/** Total wall-clock budget of one request: DNS, connect, headers, redirects and body together. Miniflux 20 s,
 * Discourse 10 s for the whole GET, Media Cloud 30 s; notes/reliability.md section 4 proposes 30 s. Idle
 * timeouts alone do not stop a slow drip (RES-03: undici's bodyTimeout resets on every byte). */
export const FETCH_DEADLINE_MS = 30_000;

/** DNS budget. Mastodon 5 s, Discourse 2 s (notes/reliability.md section 4). */
export const DNS_TIMEOUT_MS = 5_000;

/** TCP+TLS connect budget per address. Miniflux 10 s dial (notes/reliability.md section 4). */
export const CONNECT_TIMEOUT_MS = 10_000;

/** Redirect hops followed. Discourse 5, FreshRSS 4, Mastodon 3; RFC 9309 asks robots fetchers for at least 5. */
export const MAX_REDIRECTS = 5;

/** Decoded body cap for feeds. Miniflux 15 MiB, notes/reliability.md section 4 proposes 10 MiB for feeds. */
export const FEED_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Decoded body cap for article HTML: Discourse 5 MiB (notes/reliability.md section 4). */
export const HTML_MAX_BODY_BYTES = 5 * 1024 * 1024;

/** robots.txt: RFC 9309 section 2.5 asks parsers to read at least 500 KiB; POL-06 tests a 600 KiB file. */
export const ROBOTS_MAX_BODY_BYTES = 1024 * 1024;

/** Addresses tried per connection. Discourse `MAX_ADDRESSES_PER_FAMILY = 5` against DNS answers with
 * hundreds of records (RES-06). */
export const MAX_ADDRESSES_TRIED = 5;

/** Content-Encoding layers undone at most; "gzip, gzip" is real, a dozen layers is an attack. */
export const MAX_CONTENT_ENCODINGS = 3;

/** Identifying User-Agent (POL-07); the composition root should append a contact URL via `buildUserAgent`. */
export const DEFAULT_USER_AGENT = "akhbar/0.1 (self-hosted Arabic news aggregator)";

/** `akhbar/0.1 (+https://news.example/about; self-hosted Arabic news aggregator)`: name, version, contact. */
export function buildUserAgent(contactUrl?: string): string {
  return contactUrl ? `akhbar/0.1 (+${contactUrl}; self-hosted Arabic news aggregator)` : DEFAULT_USER_AGENT;
}

const ACCEPT_BY_KIND: Record<ContentKind, string> = {
  feed: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1",
  html: "text/html, application/xhtml+xml;q=0.9, */*;q=0.1",
  robots: "text/plain, */*;q=0.1",
  any: "*/*",
};

/** Media types accepted per kind; a missing Content-Type is always accepted and sniffed by the parser. Feeds are
 * often served as text/html, text/plain or octet-stream by misconfigured CMSs, so those pass for "feed". */
const CONTENT_TYPE_OK: Record<ContentKind, (mediaType: string) => boolean> = {
  feed: (t) =>
    /[/+](xml|json)$/.test(t) || ["text/html", "text/plain", "application/octet-stream"].includes(t),
  html: (t) => t === "text/html" || t === "application/xhtml+xml",
  robots: (t) => t.startsWith("text/"),
  any: () => true,
};

const DEFAULT_BODY_CAP: Record<ContentKind, number> = {
  feed: FEED_MAX_BODY_BYTES,
  html: HTML_MAX_BODY_BYTES,
  robots: ROBOTS_MAX_BODY_BYTES,
  any: FEED_MAX_BODY_BYTES,
};

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Headers that must not follow a redirect to another origin (SSRF-10; FreshRSS drops Cookie on origin change). */
const CREDENTIAL_HEADERS: readonly string[] = ["authorization", "cookie"];

export interface ConnectEvent {
  /** URL host as requested. */
  host: string;
  /** Address tried (resolved or literal). */
  address: string;
  port: number;
  /** Peer address of the socket when connected. */
  remoteAddress?: string;
  outcome: "connected" | "blocked" | "failed";
}

export interface TransportOptions {
  /** Admin allow-list (AKHBAR_FETCH_ALLOW); empty by default. */
  allow?: AllowList;
  allowedPorts?: readonly number[];
  /** Resolver returning addresses for a host name; default the system resolver. Tests inject one. */
  resolve?: (host: string) => Promise<string[]>;
  userAgent?: string;
  deadlineMs?: number;
  /** Default decoded body cap; otherwise per kind (feed 10 MiB, html 5 MiB, robots 1 MiB). */
  maxBodyBytes?: number;
  maxRedirects?: number;
  connectTimeoutMs?: number;
  dnsTimeoutMs?: number;
  /** Extra trusted CA certificates in PEM (tests with a private CA). */
  ca?: string | readonly string[];
  /** Follow https -> http redirects; off by default (SSRF-10, Fastladder #575 downgrades). */
  allowHttpsDowngrade?: boolean;
  /** Observer of every connection attempt (logs, metrics, tests). */
  onConnect?: (event: ConnectEvent) => void;
}

async function systemResolve(host: string): Promise<string[]> {
  const answers = await lookup(host, { all: true, verbatim: true });
  return answers.map((a) => a.address);
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type Connector = ReturnType<typeof buildConnector>;

/** The guarded connector: resolve once, vet, connect to the vetted address, then vet the socket's peer. */
function buildGuardedConnector(options: TransportOptions, policy: DestinationPolicy): Connector {
  const base = buildConnector({
    timeout: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    ...(options.ca ? { ca: options.ca as string[] } : {}),
  });
  const resolve = options.resolve ?? systemResolve;
  const dnsTimeoutMs = options.dnsTimeoutMs ?? DNS_TIMEOUT_MS;
  const emit = options.onConnect ?? (() => {});

  const connectOnce = (opts: Parameters<Connector>[0], address: string, servername: string | null) =>
    new Promise<Socket>((resolvePromise, reject) => {
      base({ ...opts, hostname: address, host: address, servername: servername ?? "" }, (err, socket) => {
        if (err || !socket) reject(err ?? new Error("no socket"));
        else resolvePromise(socket as Socket);
      });
    });

  const connect = async (opts: Parameters<Connector>[0]): Promise<Socket> => {
    const host = opts.hostname.replace(/^\[|\]$/g, "");
    const port = Number(opts.port) || (opts.protocol === "https:" ? 443 : 80);
    const literal = isIP(host) !== 0;
    const addresses = literal
      ? [host]
      : await withTimeout(
          resolve(host),
          dnsTimeoutMs,
          () => new AkhbarError("fetch.timeout", "fetch: DNS lookup timed out", { phase: "dns" }),
        ).catch((err: unknown) => {
          if (isAkhbarError(err)) throw err;
          throw new AkhbarError("fetch.dns", "fetch: host name did not resolve", { host }, { cause: err });
        });
    // Mixed answers: only the addresses that pass are tried (Discourse, ssrf_filter); none passing is a block.
    const vetted = addresses.filter((address) => {
      const ok = checkDestination({ host, address, port }, policy).ok;
      if (!ok) emit({ host, address, port, outcome: "blocked" });
      return ok;
    });
    if (vetted.length === 0) throw blockedError("fetch.blocked_address");
    let lastError: unknown = null;
    for (const address of vetted.slice(0, MAX_ADDRESSES_TRIED)) {
      let socket: Socket;
      try {
        socket = await connectOnce(opts, address, literal ? null : host);
      } catch (err) {
        emit({ host, address, port, outcome: "failed" });
        lastError = err;
        continue;
      }
      // The peer actually reached is checked too: a connector bug or a local redirect must not slip through.
      const remoteAddress = socket.remoteAddress ?? "";
      if (!checkDestination({ host, address: remoteAddress, port: socket.remotePort ?? port }, policy).ok) {
        socket.destroy();
        emit({ host, address, port, remoteAddress, outcome: "blocked" });
        throw blockedError("fetch.blocked_address");
      }
      emit({ host, address, port, remoteAddress, outcome: "connected" });
      return socket;
    }
    throw lastError;
  };

  return ((opts, callback) => {
    connect(opts).then(
      (socket) => callback(null, socket as never),
      (err: unknown) => callback(err as Error, null),
    );
  }) as Connector;
}

function mediaTypeOf(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const t = contentType.split(";")[0]!.trim().toLowerCase();
  return t === "" ? null : t;
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

function buildDecoders(contentEncoding: string | undefined): zlib.Gunzip[] {
  const encodings = (contentEncoding ?? "")
    .split(",")
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== "" && e !== "identity");
  if (encodings.length > MAX_CONTENT_ENCODINGS) {
    throw new AkhbarError(
      "fetch.bad_encoding",
      `fetch: more than ${MAX_CONTENT_ENCODINGS} content encodings`,
    );
  }
  // Encodings are listed in the order applied, so they are undone last-first (RFC 9110 section 8.4).
  return encodings.reverse().map((e) => {
    // SYNC_FLUSH: a truncated stream yields what it has instead of failing, as browsers do.
    const opts = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
    if (e === "gzip" || e === "x-gzip") return zlib.createGunzip(opts);
    if (e === "deflate") return zlib.createInflate(opts);
    if (e === "br") {
      return zlib.createBrotliDecompress({
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      }) as unknown as zlib.Gunzip;
    }
    throw new AkhbarError("fetch.bad_encoding", `fetch: unsupported content encoding ${JSON.stringify(e)}`);
  });
}

/** Reads `body` through the decoders, stopping as soon as decoded bytes exceed `cap` (bounded memory). */
async function readDecoded(body: Readable, decoders: zlib.Gunzip[], cap: number): Promise<Uint8Array> {
  const source: Readable =
    decoders.length === 0 ? body : (pipeline([body, ...decoders], () => {}) as unknown as Readable);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > cap) {
        throw new AkhbarError("fetch.too_large", `fetch: decoded body exceeds ${cap} bytes`, {
          capBytes: cap,
        });
      }
      chunks.push(buf);
    }
  } catch (err) {
    discard(body);
    for (const d of decoders) discard(d);
    const code = (err as { code?: string }).code ?? "";
    if (code.startsWith("Z_") || code.startsWith("ERR_BROTLI") || code.startsWith("ERR__ERROR_FORMAT")) {
      throw new AkhbarError(
        "fetch.bad_encoding",
        "fetch: body does not decode",
        { reason: code },
        { cause: err },
      );
    }
    throw err;
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

/** Drops a body we will not read; the abort error undici then emits is expected, not a crash. */
function discard(stream: Readable): void {
  stream.on("error", () => {});
  stream.destroy();
}

function toFetchError(err: unknown, signal: AbortSignal): AkhbarError {
  if (signal.aborted && isAkhbarError(signal.reason)) return signal.reason;
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isAkhbarError(e)) return e;
  }
  const code = (err as { code?: string }).code ?? "";
  if (
    code === "UND_ERR_CONNECT_TIMEOUT" ||
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT"
  ) {
    return new AkhbarError("fetch.timeout", "fetch: timed out", { phase: code }, { cause: err });
  }
  if (code.startsWith("ERR_TLS") || code.includes("CERT") || code === "DEPTH_ZERO_SELF_SIGNED_CERT") {
    return new AkhbarError("fetch.tls", "fetch: TLS handshake failed", { reason: code }, { cause: err });
  }
  return new AkhbarError(
    "fetch.network",
    `fetch: connection failed (${code || "unknown"})`,
    { reason: code },
    {
      cause: err,
    },
  );
}

/** Dispatch options carrying the caller's "head written" callback through undici to the request's handler. */
type SentAwareOptions = Agent.DispatchOptions & { onSent?: () => void };

/**
 * The pooled Agent with one addition: a request's `onSent` runs when undici has written the request head to the
 * socket (its `onRequestSent` handler hook, called right after `socket.write`). `agent.request()` dispatches
 * through `this.dispatch` with a legacy handler of its own, which undici hands to the request unwrapped.
 */
class SentReportingAgent extends Agent {
  override dispatch(options: SentAwareOptions, handler: Dispatcher.DispatchHandler): boolean {
    const onSent = options.onSent;
    if (onSent !== undefined) {
      const h = handler as Dispatcher.DispatchHandler & { onRequestSent?: () => void };
      const inner = h.onRequestSent?.bind(h);
      h.onRequestSent = () => {
        onSent();
        inner?.();
      };
    }
    return super.dispatch(options, handler);
  }
}

/**
 * Creates the guarded HttpClient. One instance per process (it pools connections per origin).
 * Example: `createTransport({ allow: parseAllowList(process.env.AKHBAR_FETCH_ALLOW) }).request({ url, expect: "feed" })`.
 */
export function createTransport(options: TransportOptions = {}): HttpClient {
  const policy: DestinationPolicy = {
    allow: options.allow ?? EMPTY_ALLOW_LIST,
    allowedPorts: options.allowedPorts ?? DEFAULT_ALLOWED_PORTS,
  };
  const deadlineDefault = options.deadlineMs ?? FETCH_DEADLINE_MS;
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const agent = new SentReportingAgent({
    connect: buildGuardedConnector(options, policy),
    // The total deadline below is what bounds a request; these only stop a connection idling forever.
    headersTimeout: deadlineDefault,
    bodyTimeout: deadlineDefault,
    keepAliveTimeout: 4_000,
    connections: 8,
  });

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const startedAt = Date.now();
    const started = performance.now();
    const kind = req.expect ?? "any";
    const cap = req.maxBodyBytes ?? options.maxBodyBytes ?? DEFAULT_BODY_CAP[kind];
    const deadlineMs = req.deadlineMs ?? deadlineDefault;
    const method = req.method ?? "GET";
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new AkhbarError("fetch.timeout", `fetch: no complete response within ${deadlineMs} ms`),
        ),
      deadlineMs,
    );
    const onCallerAbort = () =>
      controller.abort(new AkhbarError("fetch.aborted", "fetch: request cancelled"));
    if (req.signal?.aborted) onCallerAbort();
    req.signal?.addEventListener("abort", onCallerAbort, { once: true });
    try {
      let url = checkFetchUrl(req.url, policy);
      const callerHeaders = checkRequestHeaders(req.headers);
      const redirects = [url.href];
      let permanent = false;
      for (let hop = 0; ; hop++) {
        const headers: Record<string, string> = {
          "user-agent": userAgent,
          accept: ACCEPT_BY_KIND[kind],
          "accept-encoding": "gzip, deflate, br",
          ...callerHeaders,
        };
        const res = await agent.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method,
          headers,
          signal: controller.signal,
          ...(req.onSent ? { onSent: req.onSent } : {}),
        } as SentAwareOptions);
        const resHeaders = flattenHeaders(res.headers);
        const location = resHeaders.location;
        if (REDIRECT_STATUSES.has(res.statusCode) && location !== undefined) {
          discard(res.body);
          if (hop >= maxRedirects) {
            throw new AkhbarError("fetch.too_many_redirects", `fetch: more than ${maxRedirects} redirects`, {
              redirects,
            });
          }
          const next = checkFetchUrl(location, policy, url);
          if (url.protocol === "https:" && next.protocol === "http:" && !options.allowHttpsDowngrade) {
            throw new AkhbarError("fetch.insecure_redirect", "fetch: refusing a redirect from https to http");
          }
          if (next.origin !== url.origin) for (const h of CREDENTIAL_HEADERS) delete callerHeaders[h];
          const isPermanent = res.statusCode === 301 || res.statusCode === 308;
          permanent = hop === 0 ? isPermanent : permanent && isPermanent;
          url = next;
          redirects.push(url.href);
          // A deadline passed meanwhile fails the hop's dispatch: undici refuses an aborted signal before sending.
          await req.beforeHop?.(url.href);
          continue;
        }
        const headersMs = performance.now() - started;
        const base = {
          status: res.statusCode,
          headers: resHeaders,
          url: url.href,
          redirects,
          permanentRedirect: permanent,
        };
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        if (!ok || method === "HEAD" || res.statusCode === 204) {
          // Error pages and 304s carry nothing the crawler uses; not reading them saves the cap for real bodies.
          discard(res.body);
          return { ...base, body: new Uint8Array(0), timing: { startedAt, headersMs, totalMs: headersMs } };
        }
        const mediaType = mediaTypeOf(resHeaders["content-type"]);
        if (mediaType !== null && !CONTENT_TYPE_OK[kind](mediaType)) {
          discard(res.body);
          throw new AkhbarError(
            "fetch.bad_content_type",
            `fetch: content type ${mediaType} is not a ${kind}`,
            {
              contentType: mediaType,
            },
          );
        }
        const declared = Number(resHeaders["content-length"]);
        if (Number.isFinite(declared) && declared > cap) {
          discard(res.body);
          throw new AkhbarError("fetch.too_large", `fetch: Content-Length ${declared} exceeds ${cap} bytes`, {
            capBytes: cap,
          });
        }
        let decoders: zlib.Gunzip[];
        try {
          decoders = buildDecoders(resHeaders["content-encoding"]);
        } catch (err) {
          discard(res.body);
          throw err;
        }
        const body = await readDecoded(res.body, decoders, cap);
        return { ...base, body, timing: { startedAt, headersMs, totalMs: performance.now() - started } };
      }
    } catch (err) {
      throw toFetchError(err, controller.signal);
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener("abort", onCallerAbort);
    }
  }

  return {
    request,
    close: () => agent.close(),
  };
}
