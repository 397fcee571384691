/**
 * End-to-end through `akhbar import` and a real `akhbar serve` process: a store of wire items republished by several
 * outlets, paged through the JSON API and the reader's search page. Every item is one hit (its republications its
 * copies), every page full but the last, no item skipped or repeated, and the count the page shows is the items'.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/surfaces/cli/run-cli.ts";
import { SEARCH_PAGE_SIZE } from "../../src/surfaces/web/create-web-app.ts";
import { copyGroupRecords, fixtureJsonl } from "../fixtures/arabic-articles.ts";

const ROOT = join(import.meta.dirname, "../..");
/** Items (copy groups): 3 full reader pages and a short one, and 85 articles in all. */
const ITEMS = 34;
const { records, items } = copyGroupRecords(ITEMS);
const itemOf = new Map(items.flatMap((ids, i) => ids.map((id) => [id, i] as const)));
const OIL = encodeURIComponent("النفط");

let dir: string;
let child: ChildProcess;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "akhbar-search-paging-"));
  const file = join(dir, "copies.jsonl");
  writeFileSync(file, fixtureJsonl(records));
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  const code = await runCli(["import", file, "--db", join(dir, "paging.db")], {
    stdout: sink,
    stderr: sink,
    env: {},
  });
  expect(code).toBe(0);
  child = spawn(
    process.execPath,
    [join(ROOT, "bin/akhbar"), "serve", "--db", join(dir, "paging.db"), "--port", "0"],
    {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, AKHBAR_HOST: "127.0.0.1" },
    },
  );
  let banner = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (c: string) => (banner += c));
  const deadline = Date.now() + 20_000;
  while (!/http:\/\/127\.0\.0\.1:(\d+)/.test(banner) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  base = `http://127.0.0.1:${/http:\/\/127\.0\.0\.1:(\d+)/.exec(banner)?.[1]}`;
}, 60_000);

afterAll(async () => {
  if (child !== undefined && child.exitCode === null) {
    child.kill("SIGTERM");
    await once(child, "exit");
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("search paging over copies, through a real server", () => {
  it("pages the JSON API by items: each page full but the last, every item once with its republications", async () => {
    const limit = 6;
    const seen: number[] = [];
    for (let offset = 0; ; offset += limit) {
      const res = await fetch(`${base}/api/search?q=${OIL}&limit=${limit}&offset=${offset}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { total: number; hits: { id: string; copies: { id: string }[] }[] };
      expect(body.total).toBe(ITEMS);
      if (offset + limit <= ITEMS) expect(body.hits).toHaveLength(limit);
      for (const hit of body.hits) {
        const item = itemOf.get(hit.id)!;
        seen.push(item);
        // The hit's copies are exactly the item's other outlets, wherever they rank.
        expect([hit.id, ...hit.copies.map((c) => c.id)].sort()).toEqual([...items[item]!].sort());
      }
      if (body.hits.length < limit) break;
    }
    expect(seen.sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
  }, 60_000);

  it("pages the reader's search page by items, and says an item's republications count once", async () => {
    const pages = Math.ceil(ITEMS / SEARCH_PAGE_SIZE);
    const seen: string[] = [];
    for (let p = 0; p < pages; p++) {
      const res = await fetch(`${base}/search?q=${OIL}${p === 0 ? "" : `&offset=${p * SEARCH_PAGE_SIZE}`}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      const results = html.slice(
        html.indexOf('<ol class="cards results">'),
        html.indexOf("</ol>", html.indexOf('<ol class="cards results">')),
      );
      const ids = [...results.matchAll(/<h3 dir="rtl"><a href="\/article\/([^"]+)">/g)].map((m) => m[1]!);
      expect(ids).toHaveLength(p < pages - 1 ? SEARCH_PAGE_SIZE : ITEMS - (pages - 1) * SEARCH_PAGE_SIZE);
      seen.push(...ids);
      // The pager ends at the items' last page: nothing past it, and no next link from it.
      expect(html).not.toContain(`الصفحة ${pages + 1}"`);
      if (p === pages - 1) {
        expect(html).toContain(`<span aria-current="page">${pages}</span>`);
        expect(html).not.toContain('rel="next"');
      }
      if (p === 0) {
        expect(html).toContain(`${ITEMS} نتيجة`);
        expect(html).toContain('<p class="note" id="count-note">');
      }
    }
    expect(new Set(seen.map((id) => itemOf.get(id))).size).toBe(ITEMS);
  }, 60_000);
});
