/**
 * End-to-end through a real `akhbar serve` process on 127.0.0.1: JSON API over a socket, answers to requests the HTTP
 * parser refuses (raw bytes written on a socket), clean shutdown.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/surfaces/cli/run-cli.ts";
import { fixtureJsonl } from "../fixtures/arabic-articles.ts";

const ROOT = join(import.meta.dirname, "../..");
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "akhbar-serve-"));
  const file = join(dir, "fixture.jsonl");
  writeFileSync(file, fixtureJsonl());
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  await runCli(["import", file, "--db", join(dir, "serve.db")], { stdout: sink, stderr: sink, env: {} });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("akhbar serve", () => {
  it("answers the JSON API on a real socket and exits cleanly on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, "bin/akhbar"), "serve", "--db", join(dir, "serve.db"), "--port", "0"],
      { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, AKHBAR_HOST: "127.0.0.1" } },
    );
    let banner = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (c: string) => (banner += c));
    const deadline = Date.now() + 20_000;
    while (!/http:\/\/127\.0\.0\.1:(\d+)/.test(banner) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(banner)?.[1];
    expect(port).toBeDefined();
    const base = `http://127.0.0.1:${port}`;

    const health = await (await fetch(`${base}/health`)).json();
    expect(health).toMatchObject({ status: "ok", articles: 7 });
    const res = await fetch(`${base}/api/search?q=${encodeURIComponent("أميركا")}`);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as { total: number };
    // Three articles match; fx-008 republishes fx-002, so the two are one result.
    expect(body.total).toBe(2);
    const bad = await fetch(`${base}/api/search?q=x&limit=-3`);
    expect(bad.status).toBe(400);

    // What curl sends for a typed Arabic query: raw UTF-8 bytes, which Node's parser refuses before any route.
    const typed = await rawRequest(port!, "GET /search?q=سوريا HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(typed).toMatch(/^HTTP\/1\.1 301 /);
    expect(typed).toContain("\r\nLocation: /search?q=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7\r\n");
    expect(typed).toContain('<html lang="ar" dir="rtl"');
    const typedSearch = await rawRequest(port!, "GET /api/search?q=أميركا HTTP/1.1\r\nHost: x\r\n\r\n");
    const location = /\r\nLocation: (\S+)\r\n/.exec(typedSearch)?.[1];
    expect(((await (await fetch(`${base}${location}`)).json()) as { total: number }).total).toBe(2);
    const typedApi = await rawRequest(port!, "POST /api/search?q=سوريا HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(typedApi).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(bodyOf(typedApi))).toMatchObject({ error: { code: "http.bad_request" } });
    const long = await rawRequest(
      port!,
      `GET /api/search?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(long).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(bodyOf(long))).toMatchObject({ error: { code: "http.too_large" } });
    const longPage = await rawRequest(
      port!,
      `GET /search?q=a HTTP/1.1\r\nX-A: ${"a".repeat(20_000)}\r\n\r\n`,
    );
    expect(longPage).toMatch(/^HTTP\/1\.1 431 /);
    expect(bodyOf(longPage)).toContain("أطول مما يقبله الخادم");
    const garbage = await rawRequest(port!, "\u0001\u0002hello\r\n\r\n");
    expect(garbage).toMatch(/^HTTP\/1\.1 400 [\s\S]*content-type: text\/plain/i);
    expect(bodyOf(garbage)).toContain("not valid HTTP");

    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(banner).toContain("shutting down");
  }, 30_000);
});

/** Writes `request` as it is on a socket to 127.0.0.1 and reads the whole answer until the server closes. */
async function rawRequest(port: string, request: string): Promise<string> {
  const socket = connect(Number(port), "127.0.0.1");
  const chunks: Buffer[] = [];
  socket.on("data", (c: Buffer) => chunks.push(c));
  socket.write(Buffer.from(request, "utf8"));
  await once(socket, "close");
  return Buffer.concat(chunks).toString("utf8");
}

function bodyOf(answer: string): string {
  return answer.slice(answer.indexOf("\r\n\r\n") + 4);
}
