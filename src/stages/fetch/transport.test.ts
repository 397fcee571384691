import { spawn } from "node:child_process";
// biome-ignore lint/style/noRestrictedImports: the test reads its own certificate fixtures.
import { readFileSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { Readable } from "node:stream";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AkhbarError, isAkhbarError } from "../../domain/errors.ts";
import type { HttpClient } from "../../ports/http-client.ts";
import { parseAllowList } from "./address-policy.ts";
import { type LocalServer, startLocalServer } from "./local-test-server.ts";
import { type ConnectEvent, createTransport, type TransportOptions } from "./transport.ts";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (err) {
    if (isAkhbarError(err)) return err.code;
    throw err;
  }
}

/** A lazily generated stream of zeros: a 1 GB body is never held anywhere. */
function zeros(totalBytes: number): Readable {
  const chunk = Buffer.alloc(64 * 1024);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= totalBytes) this.push(null);
      else {
        sent += chunk.length;
        this.push(chunk);
      }
    },
  });
}

const GIB = 1024 * 1024 * 1024;

/** A one-route server streaming 1 GiB of zeros through gzip on demand (backpressure: only what is read is made). */
const BOMB_SERVER_SOURCE = `
import { createServer } from "node:http";
import { Readable } from "node:stream";
import zlib from "node:zlib";
const chunk = Buffer.alloc(65536);
const server = createServer((req, res) => {
  let sent = 0;
  const zeros = new Readable({ read() { if (sent >= ${GIB}) this.push(null); else { sent += chunk.length; this.push(chunk); } } });
  const gz = zlib.createGzip({ level: 9 });
  gz.on("error", () => {});
  res.on("error", () => {});
  res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" });
  zeros.pipe(gz).pipe(res);
  res.on("close", () => zeros.destroy());
});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port)));
`;
const MIB = 1024 * 1024;

// "public" stands for a public web server: a loopback listener admitted only by an explicit test allow-list
// entry for its exact address and port. "internal" plays the private service an attacker wants to reach.
let pub: LocalServer;
let pub2: LocalServer;
let internal: LocalServer;
let internalAt3: LocalServer;
let ipv6 = true;

beforeAll(async () => {
  pub = await startLocalServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    const to = u.searchParams.get("to");
    switch (u.pathname) {
      case "/redirect":
        res.writeHead(Number(u.searchParams.get("status") ?? 302), { location: to ?? "/" }).end();
        return;
      case "/feed":
        res.writeHead(200, { "content-type": "application/rss+xml" }).end("<rss/>");
        return;
      case "/close":
        res.writeHead(200, { "content-type": "text/plain", connection: "close" }).end("ok");
        return;
      case "/chain": {
        const n = Number(u.searchParams.get("n") ?? 0);
        res.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
        return;
      }
      case "/loop-a":
        res.writeHead(302, { location: "/loop-b" }).end();
        return;
      case "/loop-b":
        res.writeHead(302, { location: "/loop-a" }).end();
        return;
      case "/bomb": {
        const enc = u.searchParams.get("enc") ?? "gzip";
        const layers: zlib.Gzip[] =
          enc === "br"
            ? [zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } }) as never]
            : enc === "deflate"
              ? [zlib.createDeflate({ level: 9 })]
              : enc === "gzip, gzip"
                ? [zlib.createGzip({ level: 9 }), zlib.createGzip({ level: 9 })]
                : [zlib.createGzip({ level: 9 })];
        res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": enc });
        // Double gzip holds output back until its window fills, so a smaller (still 64 MiB) payload keeps it quick.
        let stream: Readable = zeros(enc === "gzip, gzip" ? 64 * MIB : GIB);
        for (const layer of layers) {
          layer.on("error", () => {});
          stream = stream.pipe(layer);
        }
        stream.pipe(res);
        res.on("close", () => stream.destroy());
        return;
      }
      case "/lying-length":
        res.writeHead(200, { "content-type": "application/rss+xml", "content-length": "1000000000" });
        res.write("<rss>");
        return;
      case "/chunked-50mib": {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        const z = zeros(50 * MIB);
        z.pipe(res);
        res.on("close", () => z.destroy());
        return;
      }
      case "/drip": {
        res.writeHead(200, { "content-type": "text/plain" });
        const t = setInterval(() => res.write("x"), 100);
        res.on("close", () => clearInterval(t));
        return;
      }
      case "/stall":
        return;
      case "/not-modified":
        res.writeHead(304, { etag: '"abc"' }).end();
        return;
      case "/busy":
        res.writeHead(429, { "retry-after": "120", "content-type": "text/plain" }).end("slow down");
        return;
      case "/image":
        res.writeHead(200, { "content-type": "image/png" }).end(Buffer.alloc(100));
        return;
      case "/cp1256":
        // "\u0627\u0644\u0633\u0644\u0627\u0645" (al-salam) in windows-1256 bytes.
        res
          .writeHead(200, { "content-type": "text/html; charset=windows-1256" })
          .end(Buffer.from([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3]));
        return;
      case "/echo":
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(req.headers));
        return;
      default:
        res.writeHead(404).end();
    }
  });
  pub2 = await startLocalServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(req.headers));
  });
  try {
    internal = await startLocalServer((_req, res) => res.end("secret"), "::");
  } catch {
    ipv6 = false;
    internal = await startLocalServer((_req, res) => res.end("secret"), "0.0.0.0");
  }
  internalAt3 = await startLocalServer((_req, res) => res.end("secret"), "127.0.0.3", pub.port);
});

afterAll(async () => {
  await Promise.all([pub.close(), pub2.close(), internal.close(), internalAt3.close()]);
});

function makeClient(extra: Partial<TransportOptions> = {}, events: ConnectEvent[] = []): HttpClient {
  return createTransport({
    allow: parseAllowList(`127.0.0.1:${pub.port}, 127.0.0.1:${pub2.port}`),
    // The internal port is admitted as a port, so every refusal below is the address check at work.
    allowedPorts: [80, 443, internal.port],
    resolve: async (host) => {
      if (host === "public.test") return ["127.0.0.1"];
      if (host === "internal.test") return ["127.0.0.3"];
      if (host === "evil.test") return ["127.0.0.2"];
      throw Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" });
    },
    onConnect: (e) => events.push(e),
    ...extra,
  });
}

describe("SSRF guard (notes/reliability.md section A)", () => {
  it("refuses loopback IP literals in every spelling without opening a connection (SSRF-01)", async () => {
    const client = makeClient();
    const P = internal.port;
    const urls = [
      `http://127.0.0.1:${P}/`,
      `http://[::1]:${P}/`,
      `http://0.0.0.0:${P}/`,
      `http://2130706433:${P}/`,
      `http://0x7f.1:${P}/`,
      `http://0177.0.0.1:${P}/`,
      `http://127.1:${P}/`,
      `http://[::ffff:127.0.0.1]:${P}/`,
      `http://[::ffff:7f00:1]:${P}/`,
      `http://[::127.0.0.1]:${P}/`,
    ];
    for (const url of urls)
      expect([url, await codeOf(client.request({ url }))]).toEqual([url, "fetch.blocked_address"]);
    await client.close();
    // "localhost" goes through the system resolver, as in production.
    const system = createTransport({ allowedPorts: [80, 443, P] });
    expect(await codeOf(system.request({ url: `http://localhost:${P}/` }))).toBe("fetch.blocked_address");
    await system.close();
    expect(internal.hits).toBe(0);
  });

  it("refuses host names that resolve to special-purpose addresses (SSRF-02)", async () => {
    const answers = [
      "10.0.0.5",
      "127.0.0.3",
      "169.254.169.254",
      "100.100.100.200",
      "fd00:ec2::254",
      "fe80::1",
      "64:ff9b::7f00:1",
      "2002:7f00:1::",
      "::ffff:10.0.0.1",
    ];
    for (const answer of answers) {
      const events: ConnectEvent[] = [];
      const client = makeClient({ resolve: async () => [answer] }, events);
      expect([answer, await codeOf(client.request({ url: `http://x.test:${internal.port}/` }))]).toEqual([
        answer,
        "fetch.blocked_address",
      ]);
      expect(events.map((e) => e.outcome)).toEqual(["blocked"]);
      await client.close();
    }
    expect(internal.hits).toBe(0);
  });

  it("connects only to the allowed address of a mixed DNS answer (SSRF-02 policy)", async () => {
    const events: ConnectEvent[] = [];
    const client = makeClient({ resolve: async () => ["10.0.0.5", "127.0.0.1"] }, events);
    const res = await client.request({ url: `http://mixed.test:${pub.port}/feed` });
    expect(res.status).toBe(200);
    expect(events.map((e) => [e.address, e.outcome])).toEqual([
      ["10.0.0.5", "blocked"],
      ["127.0.0.1", "connected"],
    ]);
    await client.close();
  });

  it("re-checks every redirect hop, so a public page cannot bounce the fetcher inward (SSRF-03)", async () => {
    const client = makeClient();
    const P = internal.port;
    const targets = [
      `http://127.0.0.2:${P}/`,
      `http://internal.test:${P}/`,
      `http://[::ffff:127.0.0.1]:${P}/`,
      `http://[::1]:${P}/`,
    ];
    for (const status of [301, 302, 307, 308]) {
      for (const to of targets) {
        const url = `${pub.url("/redirect")}?status=${status}&to=${encodeURIComponent(to)}`;
        expect([to, await codeOf(client.request({ url }))]).toEqual([to, "fetch.blocked_address"]);
      }
    }
    // The first hop really was fetched: the test is not vacuous.
    expect(pub.requests.filter((r) => r.path.startsWith("/redirect")).length).toBe(16);
    expect(internal.hits).toBe(0);
    await client.close();
  });

  it("reports a permanent redirect only for hops that passed the guard (SSRF-03)", async () => {
    const client = makeClient();
    const ok = await client.request({ url: `${pub.url("/redirect")}?status=301&to=/feed` });
    expect(ok.permanentRedirect).toBe(true);
    expect(ok.url).toBe(pub.url("/feed"));
    const temp = await client.request({ url: `${pub.url("/redirect")}?status=302&to=/feed` });
    expect(temp.permanentRedirect).toBe(false);
    await client.close();
  });

  it("connects to the vetted address even when DNS rebinds between lookups (SSRF-04)", async () => {
    let calls = 0;
    const events: ConnectEvent[] = [];
    const client = makeClient(
      { resolve: async () => (calls++ === 0 ? ["127.0.0.1"] : ["127.0.0.3"]) },
      events,
    );
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++)
      outcomes.push(await codeOf(client.request({ url: `http://rebind.test:${pub.port}/close` })));
    expect(outcomes[0]).toBe("ok");
    expect(outcomes.slice(1).every((o) => o === "fetch.blocked_address")).toBe(true);
    for (const e of events.filter((e) => e.outcome === "connected"))
      expect(e.remoteAddress).toBe("127.0.0.1");
    expect(internalAt3.hits).toBe(0);
    await client.close();
  });

  it("refuses non-HTTP schemes and scheme-relative URLs before any IO (SSRF-05)", async () => {
    let resolved = 0;
    const client = makeClient({
      resolve: async () => {
        resolved++;
        return ["127.0.0.1"];
      },
    });
    const urls = [
      "file:///etc/passwd",
      "ftp://public.test/",
      "gopher://public.test:70/",
      "data:text/xml,<rss/>",
      "javascript:alert(1)",
      "ws://public.test/",
      "jar:http://public.test/x.jar!/",
      "blob:http://public.test/uuid",
      "//public.test/",
    ];
    for (const url of urls)
      expect([url, await codeOf(client.request({ url }))]).toEqual([url, "fetch.bad_url"]);
    expect(resolved).toBe(0);
    await client.close();
  });

  it("refuses ports outside 80/443 unless allow-listed, before resolving (SSRF-06)", async () => {
    let resolved = 0;
    const client = createTransport({
      resolve: async () => {
        resolved++;
        return ["127.0.0.1"];
      },
    });
    expect(await codeOf(client.request({ url: "http://public.test:6379/" }))).toBe("fetch.port_not_allowed");
    expect(resolved).toBe(0);
    await client.close();
  });

  it("connects to the host it checked, whatever the URL spelling (SSRF-07)", async () => {
    const events: ConnectEvent[] = [];
    const client = makeClient(
      {
        resolve: async (host) => {
          if (host === "evil.test") return ["127.0.0.2"];
          return ["127.0.0.1"];
        },
        allowedPorts: [80, 443, pub.port],
      },
      events,
    );
    expect(await codeOf(client.request({ url: `http://evil.test\\@127.0.0.1:${pub.port}/` }))).toBe(
      "fetch.blocked_address",
    );
    expect(events.at(-1)?.host).toBe("evil.test");
    expect(await codeOf(client.request({ url: `https:/\\evil.test:${pub.port}/` }))).toBe(
      "fetch.blocked_address",
    );
    expect(events.at(-1)?.host).toBe("evil.test");
    expect(await codeOf(client.request({ url: "http://[public.test]/" }))).toBe("fetch.bad_url");
    expect(await codeOf(client.request({ url: `http://user:pw@127.0.0.1:${pub.port}/feed` }))).toBe(
      "fetch.bad_url",
    );
    const idn = `http://\u0623\u062e\u0628\u0627\u0631.test:${pub.port}/feed`;
    const res = await client.request({ url: idn });
    expect(res.status).toBe(200);
    expect(events.at(-1)?.host).toBe(new URL(idn).hostname);
    expect(events.at(-1)?.remoteAddress).toBe("127.0.0.1");
    await client.close();
  });

  it("refuses caller headers that smuggle CR/LF or reroute the request (SSRF-08)", async () => {
    const client = makeClient();
    const url = pub.url("/echo");
    expect(await codeOf(client.request({ url, headers: { "x-a": "1\r\nHost: evil" } }))).toBe(
      "fetch.bad_header",
    );
    expect(await codeOf(client.request({ url, headers: { Host: "internal.test" } }))).toBe(
      "fetch.bad_header",
    );
    expect(await codeOf(client.request({ url, headers: { "Proxy-Authorization": "x" } }))).toBe(
      "fetch.bad_header",
    );
    await client.close();
  });

  it("drops Authorization and Cookie when a redirect changes origin (SSRF-10)", async () => {
    const client = makeClient();
    const to = pub2.url("/");
    const res = await client.request({
      url: `${pub.url("/redirect")}?to=${encodeURIComponent(to)}`,
      headers: { authorization: "Bearer secret", cookie: "session=1" },
    });
    const seen = JSON.parse(Buffer.from(res.body).toString()) as Record<string, string>;
    expect(seen.authorization).toBeUndefined();
    expect(seen.cookie).toBeUndefined();
    expect(seen["user-agent"]).toMatch(/^akhbar\//);
    await client.close();
  });

  it("fails a blocked fetch with a generic message that names no address (SSRF-11)", async () => {
    const client = makeClient();
    try {
      await client.request({
        url: `${pub.url("/redirect")}?to=${encodeURIComponent(`http://internal.test:${internal.port}/`)}`,
      });
      expect.unreachable();
    } catch (err) {
      expect(isAkhbarError(err, "fetch.blocked_address")).toBe(true);
      expect(String((err as Error).message)).not.toMatch(/127\.|internal/);
      expect(JSON.stringify((err as { details?: unknown }).details ?? {})).not.toMatch(/127\./);
    }
    expect(internal.hits).toBe(0);
    await client.close();
  });

  it("listens on IPv6 too when the machine has it, so [::1] refusals are meaningful", () => {
    expect(typeof ipv6).toBe("boolean");
  });
});

/** RES-01's bound on the fetcher's RSS growth, in decoded caps: the cap itself, the decoder's windows and slack. */
const RES01_MAX_RSS_GROWTH_CAPS = 6;

describe("resource limits (notes/reliability.md section B)", () => {
  it("cuts a 1 GB gzip bomb at the decoded cap with bounded memory (RES-01)", async () => {
    // The bomb is served from a child process, so the RSS measured here is the fetcher's alone.
    const child = spawn(process.execPath, ["--input-type=module", "-e", BOMB_SERVER_SOURCE], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const port = await new Promise<number>((resolve) =>
      child.stdout.once("data", (d: Buffer) => resolve(Number(d.toString()))),
    );
    try {
      const cap = 10 * MIB;
      const client = makeClient({ maxBodyBytes: cap, allow: parseAllowList(`127.0.0.1:${port}`) });
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 2);
      const t0 = performance.now();
      const code = await codeOf(client.request({ url: `http://127.0.0.1:${port}/`, expect: "feed" }));
      const ms = performance.now() - t0;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(code).toBe("fetch.too_large");
      const growth = peak - before;
      console.log(
        `RES-01 1 GB gzip bomb: cut after ${ms.toFixed(0)} ms, peak RSS growth ${(growth / MIB).toFixed(1)} MiB (cap 10 MiB)`,
      );
      // Bounded, not exact: RSS also holds the allocator's and GC's slack, which grows on a loaded machine (33 MiB
      // once at load 15 with a 10 MiB cap); a bomb decoded in full would add about 1 GiB.
      expect(growth).toBeLessThan(RES01_MAX_RSS_GROWTH_CAPS * cap);
      await client.close();
    } finally {
      child.kill();
    }
  });

  it("cuts br, deflate and double-gzip bombs at the decoded cap (RES-01)", async () => {
    const client = makeClient({ maxBodyBytes: 2 * MIB });
    for (const enc of ["br", "deflate", "gzip, gzip"]) {
      const t0 = performance.now();
      expect([
        enc,
        await codeOf(client.request({ url: pub.url(`/bomb?enc=${encodeURIComponent(enc)}`) })),
      ]).toEqual([enc, "fetch.too_large"]);
      console.log(`RES-01 ${enc} bomb cut after ${(performance.now() - t0).toFixed(0)} ms`);
    }
    await client.close();
  });

  it("refuses an oversized Content-Length before reading the body (RES-02)", async () => {
    const client = makeClient();
    const t0 = performance.now();
    expect(await codeOf(client.request({ url: pub.url("/lying-length"), expect: "feed" }))).toBe(
      "fetch.too_large",
    );
    expect(performance.now() - t0).toBeLessThan(1000);
    await client.close();
  });

  it("aborts a chunked body without length at the cap (RES-02)", async () => {
    const client = makeClient({ maxBodyBytes: 5 * MIB });
    expect(await codeOf(client.request({ url: pub.url("/chunked-50mib") }))).toBe("fetch.too_large");
    await client.close();
  });

  it("cuts a slow-drip body at the total deadline although every read is fast (RES-03)", async () => {
    const client = makeClient();
    const deadlineMs = 1000;
    const t0 = performance.now();
    const code = await codeOf(client.request({ url: pub.url("/drip"), deadlineMs }));
    const ms = performance.now() - t0;
    console.log(`RES-03 slow drip: deadline ${deadlineMs} ms, aborted after ${ms.toFixed(0)} ms`);
    expect(code).toBe("fetch.timeout");
    expect(ms).toBeGreaterThanOrEqual(deadlineMs - 5);
    expect(ms).toBeLessThan(deadlineMs * 1.1);
    await client.close();
  });

  it("times out a server that accepts and never answers (RES-04)", async () => {
    const client = makeClient();
    const t0 = performance.now();
    expect(await codeOf(client.request({ url: pub.url("/stall"), deadlineMs: 300 }))).toBe("fetch.timeout");
    expect(performance.now() - t0).toBeLessThan(400);
    await client.close();
  });

  it("times out a hanging DNS resolver at the DNS budget (RES-04)", async () => {
    const client = makeClient({ resolve: () => new Promise<string[]>(() => {}), dnsTimeoutMs: 200 });
    const t0 = performance.now();
    expect(await codeOf(client.request({ url: `http://hang.test:${pub.port}/` }))).toBe("fetch.timeout");
    expect(performance.now() - t0).toBeLessThan(400);
    await client.close();
  });

  it("stops redirect loops and long chains after 5 hops (RES-05)", async () => {
    const client = makeClient();
    const before = pub.requests.length;
    expect(await codeOf(client.request({ url: pub.url("/loop-a") }))).toBe("fetch.too_many_redirects");
    expect(pub.requests.length - before).toBe(6);
    expect(await codeOf(client.request({ url: pub.url("/chain?n=0") }))).toBe("fetch.too_many_redirects");
    await client.close();
  });

  it("tries at most 5 addresses of a DNS answer with 100 records (RES-06)", async () => {
    const events: ConnectEvent[] = [];
    const hundred = Array.from({ length: 100 }, (_, i) => `127.0.1.${i + 1}`);
    const client = makeClient(
      { resolve: async () => hundred, allow: parseAllowList(`127.0.1.0/24:${internal.port + 1}`) },
      events,
    );
    const code = await codeOf(client.request({ url: `http://many.test:${internal.port + 1}/` }));
    expect(code).toBe("fetch.network");
    expect(events.filter((e) => e.outcome === "failed").length).toBeLessThanOrEqual(5);
    await client.close();
  });
});

describe("responses", () => {
  it("returns 304 with its validators and an empty body", async () => {
    const client = makeClient();
    const res = await client.request({
      url: pub.url("/not-modified"),
      headers: { "if-none-match": '"abc"' },
    });
    expect(res.status).toBe(304);
    expect(res.headers.etag).toBe('"abc"');
    expect(res.body.length).toBe(0);
    await client.close();
  });

  it("returns 429 with Retry-After for the politeness layer to honour", async () => {
    const client = makeClient();
    const res = await client.request({ url: pub.url("/busy") });
    expect(res.status).toBe(429);
    expect(res.headers["retry-after"]).toBe("120");
    await client.close();
  });

  it("refuses an image where a feed was expected (content-type check)", async () => {
    const client = makeClient();
    expect(await codeOf(client.request({ url: pub.url("/image"), expect: "feed" }))).toBe(
      "fetch.bad_content_type",
    );
    await client.close();
  });

  it("returns windows-1256 bodies as the exact bytes served", async () => {
    const client = makeClient();
    const res = await client.request({ url: pub.url("/cp1256"), expect: "html" });
    expect([...res.body]).toEqual([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3]);
    expect(res.headers["content-type"]).toBe("text/html; charset=windows-1256");
    await client.close();
  });

  it("sends an identifying User-Agent and no Cookie or Referer (POL-07)", async () => {
    const client = makeClient();
    const res = await client.request({ url: pub.url("/echo") });
    const seen = JSON.parse(Buffer.from(res.body).toString()) as Record<string, string>;
    expect(seen["user-agent"]).toMatch(/^akhbar\/\d/);
    expect(seen.cookie).toBeUndefined();
    expect(seen.referer).toBeUndefined();
    expect(seen["accept-encoding"]).toBe("gzip, deflate, br");
    await client.close();
  });

  it("reports each request head as written, after DNS and connect, once per redirect hop", async () => {
    // A 150 ms DNS answer stands for everything between calling request() and the bytes leaving.
    const client = makeClient({
      resolve: async () => {
        await new Promise((r) => setTimeout(r, 150));
        return ["127.0.0.1"];
      },
    });
    const started = performance.now();
    const sentAfterMs: number[] = [];
    const arrivalsBefore = pub.requests.length;
    const res = await client.request({
      url: `http://slow-dns.test:${pub.port}/redirect?status=302&to=/feed`,
      onSent: () => sentAfterMs.push(performance.now() - started),
    });
    expect(res.status).toBe(200);
    expect(sentAfterMs).toHaveLength(2);
    expect(sentAfterMs[0]).toBeGreaterThanOrEqual(145);
    // Each head was reported before the server saw the request.
    const arrivals = pub.requests.slice(arrivalsBefore).map((r) => r.at - started);
    expect(arrivals).toHaveLength(2);
    expect(sentAfterMs[0]!).toBeLessThanOrEqual(arrivals[0]!);
    expect(sentAfterMs[1]!).toBeLessThanOrEqual(arrivals[1]!);
    await client.close();
  });

  it("awaits beforeHop with each vetted hop URL before sending that hop, and not before the first request", async () => {
    const client = makeClient();
    const arrivalsBefore = pub.requests.length;
    const hops: { url: string; arrivals: number }[] = [];
    const res = await client.request({
      url: `${pub.url("/redirect")}?status=301&to=${encodeURIComponent("/redirect?to=/feed")}`,
      beforeHop: async (url) => {
        // The hop is held here for 50 ms: the server must not see it before the hook resolves.
        await new Promise((r) => setTimeout(r, 50));
        hops.push({ url, arrivals: pub.requests.length - arrivalsBefore });
      },
    });
    expect(res.status).toBe(200);
    expect(hops).toEqual([
      { url: pub.url("/redirect?to=/feed"), arrivals: 1 },
      { url: pub.url("/feed"), arrivals: 2 },
    ]);
    expect(pub.requests.length - arrivalsBefore).toBe(3);
    await client.close();
  });

  it("fails the request with beforeHop's error and does not send the hop", async () => {
    const client = makeClient();
    const arrivalsBefore = pub.requests.length;
    const refused = client.request({
      url: `${pub.url("/redirect")}?to=/feed`,
      beforeHop: async () => {
        throw new AkhbarError("fetch.host_paused", "fetch: host paused");
      },
    });
    expect(await codeOf(refused)).toBe("fetch.host_paused");
    expect(pub.requests.slice(arrivalsBefore).map((r) => r.path)).toEqual(["/redirect?to=/feed"]);
    await client.close();
  });

  it("fails with the deadline when beforeHop outlasts it, without sending the hop", async () => {
    const client = makeClient({ deadlineMs: 300 });
    const arrivalsBefore = pub.requests.length;
    const late = client.request({
      url: `${pub.url("/redirect")}?to=/feed%3Flate`,
      beforeHop: () => new Promise((r) => setTimeout(r, 600)),
    });
    expect(await codeOf(late)).toBe("fetch.timeout");
    await new Promise((r) => setTimeout(r, 50));
    expect(pub.requests.slice(arrivalsBefore).map((r) => r.path)).not.toContain("/feed?late");
    await client.close();
  });

  it("refuses URLs longer than 2048 characters", async () => {
    const client = makeClient();
    expect(await codeOf(client.request({ url: pub.url(`/${"a".repeat(2100)}`) }))).toBe("fetch.url_too_long");
    await client.close();
  });
});

describe("TLS when connecting by vetted address", () => {
  const read = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8");

  it("verifies the certificate against the host name, not the address connected to", async () => {
    const server = createHttpsServer(
      { key: read("feed-test.key"), cert: read("feed-test.pem") },
      (req, res) => {
        if (req.url === "/downgrade") res.writeHead(302, { location: pub.url("/feed") }).end();
        else res.writeHead(200, { "content-type": "text/plain" }).end("tls ok");
      },
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const port = (server.address() as { port: number }).port;
    const client = createTransport({
      // The http listener is allowed too, so the downgrade rule (not the port) is what refuses below.
      allow: parseAllowList(`127.0.0.1:${port}, 127.0.0.1:${pub.port}`),
      resolve: async () => ["127.0.0.1"],
      ca: read("ca.pem"),
    });
    const res = await client.request({ url: `https://feed.test:${port}/` });
    expect(Buffer.from(res.body).toString()).toBe("tls ok");
    expect(await codeOf(client.request({ url: `https://other.test:${port}/` }))).toBe("fetch.tls");
    // SSRF-10: an https page may not send the fetcher to plain http.
    const before = pub.requests.length;
    expect(await codeOf(client.request({ url: `https://feed.test:${port}/downgrade` }))).toBe(
      "fetch.insecure_redirect",
    );
    expect(pub.requests.length).toBe(before);
    await client.close();
    await new Promise<void>((r) => server.close(() => r()));
  });
});
