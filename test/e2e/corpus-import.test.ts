/**
 * End-to-end on real news: the first 12,000 dev-corpus articles (read in place from ../shared, never copied)
 * through `akhbar import` with story placement. 12,000 spans enough days for the story stream to close its early
 * stories during one placement pass, which once crashed placement (NOT NULL story_id).
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { PassThrough } from "node:stream";
import { createGunzip } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/surfaces/cli/run-cli.ts";

const CORPUS = join(import.meta.dirname, "../../../shared/data/corpus/saudinewsnet.dev.jsonl.gz");
const LINES = 12_000;
const dir = mkdtempSync(join(tmpdir(), "akhbar-corpus-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function firstLines(n: number): Promise<string[]> {
  const reader = createInterface({ input: createReadStream(CORPUS).pipe(createGunzip()) });
  const lines: string[] = [];
  for await (const line of reader) {
    lines.push(line);
    if (lines.length === n) break;
  }
  reader.close();
  return lines;
}

describe("akhbar import on the dev corpus", () => {
  it("places every imported article in a story", async () => {
    expect(existsSync(CORPUS), `the dev corpus is expected at ${CORPUS}`).toBe(true);
    const file = join(dir, "corpus.jsonl");
    writeFileSync(file, `${(await firstLines(LINES)).join("\n")}\n`);
    const db = join(dir, "corpus.db");
    const out = new PassThrough();
    let json = "";
    out.on("data", (c) => (json += c));
    const sink = new PassThrough();
    sink.resume();
    await runCli(["import", file, "--db", db, "--json"], { stdout: out, stderr: sink, env: {} });
    const summary = JSON.parse(json);
    expect(summary.imported).toBeGreaterThan(11_000);
    expect(summary.placedInStories).toBe(summary.imported);
    const conn = new Database(db, { readonly: true });
    const counts = conn
      .prepare(
        "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(story_id) FROM article_placements) AS placed",
      )
      .get() as { articles: number; placed: number };
    conn.close();
    expect(counts.placed).toBe(counts.articles);
  }, 120_000);
});
