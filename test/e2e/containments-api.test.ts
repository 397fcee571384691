/**
 * Containments through the JSON API: an item a roundup carries after a lead of its own is no copy of it, and the
 * related route names both sides (as `akhbar similar` does), on a real SQLite file over the fixture app.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureRecord } from "../fixtures/arabic-articles.ts";
import { type FixtureApp, openFixtureApp } from "../web/fixture-app.ts";

// biome-ignore lint/suspicious/noExplicitAny: test reads JSON bodies by field.
const json = (res: Response): Promise<any> => res.json();

/** Invented words the analyzer keeps apart: w(0) = "بببب", w(1) = "ببجب", …, so only the shared runs overlap. */
function w(i: number): string {
  const letters = "بجدرزسشصضطظعغقكمن";
  let out = "ب";
  for (let k = 0, n = i; k < 3; k++, n = Math.floor(n / letters.length)) out += letters[n % letters.length];
  return out;
}
const words = (from: number, count: number) => Array.from({ length: count }, (_, k) => w(from + k)).join(" ");
const record = (id: string, date: string, title: string, text: string): FixtureRecord => ({
  id,
  source: `src-${id}`,
  url: `http://news.example/${id}`,
  title,
  date,
  text,
});

let fx: FixtureApp;
beforeAll(async () => {
  fx = await openFixtureApp({
    extra: [
      record("item-a", "2015-07-24T08:00:00", words(0, 5), words(0, 60)),
      record("item-b", "2015-07-24T09:00:00", words(1000, 5), words(1000, 60)),
      record(
        "roundup",
        "2015-07-24T10:00:00",
        words(5000, 5),
        `${words(5000, 70)} ${words(0, 60)} ${words(1000, 60)}`,
      ),
    ],
  });
}, 60_000);
afterAll(async () => fx.close());

describe("GET /api/articles/:id/related", () => {
  const ids = (list: { id: string }[]) => list.map((a) => a.id);

  it("names the roundup an item is inside, apart from its copies and its story's coverage", async () => {
    const related = await json(await fx.app.request("/api/articles/item-a/related"));
    expect(ids(related.contained_in)).toEqual(["roundup"]);
    expect(ids(related.contains)).toEqual([]);
    expect(ids(related.same_story)).not.toContain("roundup");
  });

  it("names the items a roundup carries", async () => {
    const related = await json(await fx.app.request("/api/articles/roundup/related"));
    expect(ids(related.contains)).toEqual(["item-a", "item-b"]);
    expect(ids(related.contained_in)).toEqual([]);
  });

  it("gives an article with neither two empty lists", async () => {
    const related = await json(await fx.app.request("/api/articles/fx-001/related"));
    expect(related.contained_in).toEqual([]);
    expect(related.contains).toEqual([]);
  });
});
