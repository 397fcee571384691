/**
 * Containments end to end: an item a roundup carries after a lead of its own is no copy of it; `akhbar similar`
 * (text and JSON) on a real SQLite file and the JSON API over the fixture app name both sides, apart from copies.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureRecord, fixtureJsonl } from "../fixtures/arabic-articles.ts";
import { inventedWords as words } from "../fixtures/invented-words.ts";
import { runCliCaptured } from "../fixtures/run-cli-captured.ts";
import { type FixtureApp, openFixtureApp } from "../web/fixture-app.ts";

// biome-ignore lint/suspicious/noExplicitAny: test reads JSON bodies by field.
const json = (res: Response): Promise<any> => res.json();

const record = (id: string, date: string, title: string, text: string): FixtureRecord => ({
  id,
  source: `src-${id}`,
  url: `http://news.example/${id}`,
  title,
  date,
  text,
});

/** Two items and a roundup carrying both after its own lead; item-b is published first, item-a is copied. */
const RECORDS: FixtureRecord[] = [
  record("item-a", "2015-07-24T08:00:00", words(0, 5), words(0, 60)),
  record("item-b", "2015-07-24T07:00:00", words(1000, 5), words(1000, 60)),
  record("copy-a", "2015-07-24T09:00:00", words(0, 5), words(0, 60)),
  record(
    "roundup",
    "2015-07-24T10:00:00",
    words(5000, 5),
    `${words(5000, 70)} ${words(0, 60)} ${words(1000, 60)}`,
  ),
];

let fx: FixtureApp;
let dir: string;
beforeAll(async () => {
  fx = await openFixtureApp({ extra: RECORDS });
  dir = mkdtempSync(join(tmpdir(), "akhbar-contain-"));
  writeFileSync(join(dir, "r.jsonl"), fixtureJsonl(RECORDS));
  expect((await cli(["import", join(dir, "r.jsonl"), "--workers", "0"])).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await fx.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[]) {
  return runCliCaptured([...args, "--db", join(dir, "c.db")]);
}

const ids = (list: { id: string }[]) => list.map((a) => a.id);

describe("GET /api/articles/:id/related", () => {
  it("names the roundup an item is inside, apart from its copies and its story's coverage", async () => {
    const related = await json(await fx.app.request("/api/articles/item-a/related"));
    expect(ids(related.contained_in)).toEqual(["roundup"]);
    expect(ids(related.copies)).toEqual(["copy-a"]);
    expect(ids(related.contains)).toEqual([]);
    expect(ids(related.same_story)).not.toContain("roundup");
  });

  it("names the items a roundup carries, earliest first", async () => {
    const related = await json(await fx.app.request("/api/articles/roundup/related"));
    // copy-a is item-a's copy, so the roundup holds its text too.
    expect(ids(related.contains)).toEqual(["item-b", "item-a", "copy-a"]);
    expect(ids(related.contained_in)).toEqual([]);
    expect(ids(related.copies)).toEqual([]);
  });

  it("gives an article with neither two empty lists", async () => {
    const related = await json(await fx.app.request("/api/articles/fx-001/related"));
    expect(related.contained_in).toEqual([]);
    expect(related.contains).toEqual([]);
  });
});

describe("akhbar similar", () => {
  it("prints the texts a roundup holds and the roundup an item is inside", async () => {
    const roundup = await cli(["similar", "roundup"]);
    expect(roundup.code).toBe(0);
    expect(roundup.out).toContain("holds the texts of: src-item-b (item-b), src-item-a (item-a)");
    const item = await cli(["similar", "item-a"]);
    expect(item.out).toContain("inside longer texts: src-roundup (roundup)");
    expect(item.out).toContain("copies of this article: src-copy-a (copy-a)");
  });

  it("lists them in --json", async () => {
    const item = JSON.parse((await cli(["similar", "item-a", "--json"])).out);
    expect(ids(item.contained_in)).toEqual(["roundup"]);
    expect(ids(item.contains)).toEqual([]);
  });
});
