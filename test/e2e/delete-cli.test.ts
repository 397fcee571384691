/**
 * End-to-end through the CLI: `akhbar delete` takes an article out of search, stories and export for good, and its
 * tombstone keeps a re-import (or a crawl of the same entry) from bringing it back. Real SQLite files, in-process.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureJsonl } from "../fixtures/arabic-articles.ts";
import { runCliCaptured } from "../fixtures/run-cli-captured.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "akhbar-delete-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  return runCliCaptured(args, {});
}

describe("akhbar delete", () => {
  const db = () => join(dir, "delete.db");
  const file = () => join(dir, "fixture.jsonl");
  beforeAll(async () => {
    writeFileSync(file(), fixtureJsonl());
    expect((await cli(["import", file(), "--db", db()])).code).toBe(0);
  });

  const searchIds = async (query: string) => {
    const result = await cli(["search", query, "--db", db(), "--json"]);
    const hits = JSON.parse(result.out).hits as { id: string; copies: { id: string }[] }[];
    return hits.flatMap((h) => [h.id, ...h.copies.map((c) => c.id)]).sort();
  };

  it("deletes an article named by its id or its reader link, and says which", async () => {
    expect(await searchIds("أمريكا")).toEqual(["fx-001", "fx-002", "fx-008"]);
    const byId = await cli(["delete", "fx-002", "--reason", "publisher's takedown", "--db", db()]);
    expect(byId).toMatchObject({ code: 0, err: "" });
    expect(byId.out).toMatch(/^deleted fx-002 \([a-z0-9.-]+\): .+\n$/);
    const byLink = await cli([
      "delete",
      "http://127.0.0.1:8080/article/fx-008?from=search",
      "--db",
      db(),
      "--json",
    ]);
    expect(byLink.code).toBe(0);
    expect(JSON.parse(byLink.out)).toMatchObject({ deleted: [{ id: "fx-008" }], unknown: [] });
    expect(await searchIds("أمريكا")).toEqual(["fx-001"]);
    const similar = await cli(["similar", "fx-002", "--db", db()]);
    expect(similar.code).not.toBe(0);
    expect(similar.err).toContain('no article with id "fx-002"');
    const exported = await cli(["export", "--jsonl", "--db", db()]);
    expect(exported.out).not.toContain('"fx-002"');
  });

  it("keeps deleted articles out when the same file is imported again", async () => {
    const again = await cli(["import", file(), "--db", db(), "--json"]);
    expect(again.code).toBe(0);
    // fx-002, fx-008, and fx-007: fx-002's text again from its source under another URL (its content hash).
    expect(JSON.parse(again.out)).toMatchObject({ read: 8, imported: 0, tombstoned: 3 });
    expect(await searchIds("أمريكا")).toEqual(["fx-001"]);
  });

  it("deletes the ids it knows and reports the others, exiting 1", async () => {
    const result = await cli(["delete", "fx-003", "fx-nope", "fx-002", "--db", db()]);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^deleted fx-003 /);
    expect(result.err).toContain('no article with id "fx-nope"');
    expect(result.err).toContain('no article with id "fx-002"');
    expect(await searchIds("الحكومات")).toEqual(["fx-001"]);
  });

  it("deletes an article named by its outlet's link in another form, and reports a link no article has", async () => {
    const before = await cli(["export", "--jsonl", "--db", db()]);
    expect(before.out).toContain('"fx-004"');
    // Stored as http://alriyadh.example/4: https and a tracking key fold to the same canonical URL.
    const result = await cli([
      "delete",
      "https://alriyadh.example/4?utm_campaign=x",
      "https://alriyadh.example/999",
      "--db",
      db(),
      "--json",
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toEqual({
      deleted: [{ id: "fx-004", source: expect.any(String), title: expect.any(String) }],
      unknown: ["https://alriyadh.example/999"],
    });
    const after = await cli(["export", "--jsonl", "--db", db()]);
    expect(after.out).not.toContain('"fx-004"');
    const text = await cli(["delete", "http://alriyadh.example/999", "--db", db()]);
    expect(text.code).toBe(1);
    expect(text.err).toContain("no stored article has the link http://alriyadh.example/999");
  });

  it("refuses no id, a reference that names no article, and a blank reason, deleting nothing", async () => {
    expect((await cli(["delete", "--db", db()])).code).toBe(64);
    const path = await cli(["delete", "fx-001", "not an id", "--db", db()]);
    expect(path.code).toBe(64);
    expect(path.err).toContain('"not an id" names no article');
    const blank = await cli(["delete", "fx-001", "--reason", " ", "--db", db()]);
    expect(blank.code).toBe(64);
    expect(blank.err).toContain("delete.bad_param");
    expect(await searchIds("أمريكا")).toEqual(["fx-001"]);
  });
});
