/**
 * End-to-end through a real `akhbar serve` process on 127.0.0.1: JSON API over a socket, clean shutdown.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    expect(banner).toContain("shutting down");
  }, 30_000);
});
