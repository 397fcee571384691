/**
 * End-to-end through the CLI: import, re-import, search, export and a kill -9 mid-import,
 * on real SQLite files. Most cases run `runCli` in-process; the crash case runs the real `bin/akhbar`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANALYZER_VERSION, analyzeForIndex } from "../../src/stages/arabic/analyze-text.ts";
import { runCli } from "../../src/surfaces/cli/run-cli.ts";
import { UNDO_SQLITE_ARTICLE_GROUPS } from "../contract/story-store-contract.ts";
import { FIXTURE_RECORDS, fixtureJsonl, syntheticRecords } from "../fixtures/arabic-articles.ts";
import { runCliCaptured } from "../fixtures/run-cli-captured.ts";

const ROOT = join(import.meta.dirname, "../..");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "akhbar-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: Record<string, string> = {}) {
  return runCliCaptured(args, env);
}

describe("akhbar import", () => {
  it("imports a JSONL file, skips the same-source copy and reports a summary", async () => {
    const db = join(dir, "import.db");
    const file = join(dir, "fixture.jsonl");
    writeFileSync(file, fixtureJsonl());
    const first = await cli(["import", file, "--db", db, "--json"]);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.out);
    expect(summary).toMatchObject({ read: 8, imported: 7, duplicates: 1, rejected: 0 });
  });

  it("adds nothing when the same file is imported again, gzipped", async () => {
    const db = join(dir, "reimport.db");
    const file = join(dir, "fixture2.jsonl");
    writeFileSync(file, fixtureJsonl());
    writeFileSync(`${file}.gz`, gzipSync(fixtureJsonl()));
    await cli(["import", file, "--db", db]);
    const again = await cli(["import", `${file}.gz`, "--db", db, "--json"]);
    expect(JSON.parse(again.out)).toMatchObject({ read: 8, imported: 0, updated: 0, duplicates: 8 });
  });

  it("shows story placement's progress: plain lines in a log, a redrawn bar with its ETA on a terminal", async () => {
    const file = join(dir, "placing.jsonl");
    writeFileSync(file, fixtureJsonl());
    const plain = await cli(["import", file, "--db", join(dir, "placing-plain.db")]);
    expect(plain.err).toContain("placing 7 new articles in stories…\n");
    // The first line of a phase is written at once (then one every 5 s): the first article placed, of 7 (no rate yet).
    expect(plain.err).toMatch(/^\[#+-+\] +14% +1 articles placed$/m);
    expect(plain.err).not.toContain("\r");

    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    let err = "";
    stderr.on("data", (c) => (err += c));
    const code = await runCli(["import", file, "--db", join(dir, "placing-tty.db")], {
      stdout: new PassThrough(),
      stderr,
      env: {},
    });
    expect(code).toBe(0);
    expect(err).toMatch(/\r\x1b\[2K\[#+-+\] +14% +1 articles placed/);
  });

  it("shows a second import re-reading the stored window before it places", async () => {
    const db = join(dir, "placing-again.db");
    const [first, second] = [join(dir, "placing-a.jsonl"), join(dir, "placing-b.jsonl")];
    writeFileSync(first, fixtureJsonl(FIXTURE_RECORDS.slice(0, 4)));
    writeFileSync(second, fixtureJsonl(FIXTURE_RECORDS.slice(4)));
    await cli(["import", first, "--db", db]);
    const again = await cli(["import", second, "--db", db]);
    expect(again.err).toMatch(/stored articles re-read[^\n]*\n(.*\n)*.*articles placed/);
  });

  it("names the line of a malformed record and still imports the rest", async () => {
    const db = join(dir, "bad.db");
    const file = join(dir, "bad.jsonl");
    const lines = fixtureJsonl().trim().split("\n");
    lines.splice(2, 0, "{not json", JSON.stringify({ id: "x", source: "s", title: "t", text: "n" }), "[1,2]");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const result = await cli(["import", file, "--db", db]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${file}:3: import: line is not valid JSON`);
    expect(result.err).toMatch(new RegExp(`${file}:4: import: "url" is missing`));
    expect(result.err).toMatch(new RegExp(`${file}:5: import: expected a JSON object`));
    expect(result.out).toContain("imported 7");
    expect(result.out).toContain("rejected 3");
  });

  it("stores the same articles in the same order whether batches are prepared in 0, 1 or 3 worker threads", async () => {
    const file = join(dir, "threads.jsonl");
    const lines = syntheticRecords(1_200).map((r) => JSON.stringify(r));
    lines.splice(700, 0, "{broken");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const exports: string[] = [];
    for (const workers of ["0", "1", "3"]) {
      const db = join(dir, `threads-${workers}.db`);
      const result = await cli([
        "import",
        file,
        "--db",
        db,
        "--workers",
        workers,
        "--batch",
        "100",
        "--json",
      ]);
      expect(JSON.parse(result.out)).toMatchObject({ imported: 1_200, rejected: 1 });
      expect(JSON.parse(result.out).rejections[0].lineNo).toBe(701);
      const out = join(dir, `threads-${workers}.jsonl`);
      await cli(["export", "--db", db, "--output", out]);
      exports.push(
        readFileSync(out, "utf8")
          .trim()
          .split("\n")
          .map((l) => {
            const { stored_at: _s, ...rest } = JSON.parse(l);
            return JSON.stringify(rest);
          })
          .join("\n"),
      );
    }
    expect(exports[1]).toBe(exports[0]);
    expect(exports[2]).toBe(exports[0]);
  }, 120_000); // boots worker threads, which load TypeScript: seconds each on a loaded machine

  it("refuses a missing file with a clear error and no database damage", async () => {
    const result = await cli(["import", join(dir, "nope.jsonl"), "--db", join(dir, "nope.db")]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/cannot read .*nope\.jsonl/);
  });
});

describe("opening a database indexed by an older analyzer", () => {
  it("re-indexes its articles on open, once, so a search finds them with the current analyzer", async () => {
    const db = join(dir, "old-analyzer.db");
    const file = join(dir, "old-analyzer.jsonl");
    writeFileSync(file, fixtureJsonl());
    await cli(["import", file, "--db", db]);
    // Make it a database from before analyzer versioning: no migration 7 (nor the later ones), and index rows no
    // query term matches.
    const raw = new Database(db);
    raw.exec(`${UNDO_SQLITE_ARTICLE_GROUPS}
      ALTER TABLE stories DROP COLUMN rank_source_count; DELETE FROM schema_migrations WHERE version = 13;
      ALTER TABLE article_placements DROP COLUMN late; DELETE FROM schema_migrations WHERE version = 12;
      DROP TABLE stream_snapshots; DELETE FROM schema_migrations WHERE version = 11;
      DROP TABLE story_state; DELETE FROM schema_migrations WHERE version = 10;
      DROP TABLE article_containments; DELETE FROM schema_migrations WHERE version = 9;
      ALTER TABLE stories DROP COLUMN headline_article_id; DELETE FROM schema_migrations WHERE version = 8;
      DROP TABLE search_analyzer; DELETE FROM schema_migrations WHERE version = 7;`);
    const seqs = raw.prepare("SELECT seq FROM articles").pluck().all() as number[];
    for (const seq of seqs) {
      raw.prepare("DELETE FROM articles_fts WHERE rowid = ?").run(seq);
      raw
        .prepare("INSERT INTO articles_fts (rowid, title, body, surface) VALUES (?, 'old', 'old', 'old')")
        .run(seq);
    }
    raw.close();

    const first = await cli(["search", "أبها", "--db", db, "--json"]);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out).hits.map((h: { id: string }) => h.id)).toEqual(["fx-006"]);
    const logged = first.err
      .trim()
      .split("\n")
      .map(
        (line) => JSON.parse(line) as { stage?: string; articles?: number; to_version?: number; msg: string },
      );
    expect(logged.at(-1)).toMatchObject({
      stage: "reindex",
      articles: seqs.length,
      to_version: ANALYZER_VERSION,
    });

    const second = await cli(["search", "أبها", "--db", db, "--json"]);
    expect(second.err).toBe("");
    const check = new Database(db, { readonly: true });
    expect(check.prepare("SELECT version FROM search_analyzer").get()).toEqual({ version: ANALYZER_VERSION });
    check.close();
  });
});

describe("opening a database of analyzer 7, which read ى before ء as yeh", () => {
  it("re-indexes it on open, so a search for الطوارئ finds the article that writes الطوارىء", async () => {
    const db = join(dir, "analyzer-7.db");
    const file = join(dir, "analyzer-7.jsonl");
    const record = {
      ...FIXTURE_RECORDS[0]!,
      id: "fx-seat",
      url: "http://okaz.example/news/seat",
      title: "قوات الطوارىء الخاصة تنهي تمرينا في عسير",
      text: "أنهت قوات الطوارىء الخاصة اليوم تمرينا ميدانيا في منطقة عسير.",
    };
    writeFileSync(file, `${JSON.stringify(record)}\n`);
    await cli(["import", file, "--db", db]);
    // Analyzer 7 differed from 8 only in reading ى before ء as ي (9 keeps this text's seats), so its fields are the
    // current ones of the text with يء.
    const asYeh = (s: string) => s.replaceAll("\u0649\u0621", "\u064a\u0621");
    const old = analyzeForIndex(asYeh(record.title), asYeh(record.text));
    const raw = new Database(db);
    const { seq } = raw.prepare("SELECT seq FROM articles WHERE id = ?").get("fx-seat") as { seq: number };
    raw.prepare("DELETE FROM articles_fts WHERE rowid = ?").run(seq);
    raw
      .prepare("INSERT INTO articles_fts (rowid, title, body, surface) VALUES (?, ?, ?, ?)")
      .run(seq, old.index.title, old.index.body, old.index.surface);
    raw.prepare("UPDATE articles SET index_digest = ? WHERE seq = ?").run(old.indexDigest, seq);
    raw.close();
    const hits = (out: string) => JSON.parse(out).hits.map((h: { id: string }) => h.id);
    // Analyzer 7's fields miss the query (the store still says the current version, so nothing re-indexes them yet).
    expect(hits((await cli(["search", "الطوارئ", "--db", db, "--json"])).out)).toEqual([]);

    const stale = new Database(db);
    stale.prepare("UPDATE search_analyzer SET version = 7").run();
    stale.close();
    const found = await cli(["search", "الطوارئ", "--db", db, "--json"]);
    expect(found.code).toBe(0);
    expect(hits(found.out)).toEqual(["fx-seat"]);
    expect(found.err).toContain(`"to_version":${ANALYZER_VERSION}`);
  });
});

describe("opening a database from before stories kept their headline's article", () => {
  it("gives each stored story the member whose title its headline is (schema 8's backfill)", async () => {
    const db = join(dir, "old-headlines.db");
    const file = join(dir, "old-headlines.jsonl");
    writeFileSync(file, fixtureJsonl());
    await cli(["import", file, "--db", db]);
    const raw = new Database(db);
    const expected = raw.prepare("SELECT id, headline_article_id FROM stories ORDER BY id").all() as {
      id: string;
      headline_article_id: string;
    }[];
    expect(expected.length).toBeGreaterThan(3);
    // One headline's article carries a wire desk's section the story's headline was shown without.
    const desk = expected[0]!;
    raw
      .prepare(
        "UPDATE articles SET title = 'عام / ' || (SELECT headline FROM stories WHERE id = ?) WHERE id = ?",
      )
      .run(desk.id, desk.headline_article_id);
    raw.exec(`${UNDO_SQLITE_ARTICLE_GROUPS}
      ALTER TABLE stories DROP COLUMN rank_source_count; DELETE FROM schema_migrations WHERE version = 13;
      ALTER TABLE article_placements DROP COLUMN late; DELETE FROM schema_migrations WHERE version = 12;
      DROP TABLE stream_snapshots; DELETE FROM schema_migrations WHERE version = 11;
      DROP TABLE story_state; DELETE FROM schema_migrations WHERE version = 10;
      DROP TABLE article_containments; DELETE FROM schema_migrations WHERE version = 9;
      ALTER TABLE stories DROP COLUMN headline_article_id; DELETE FROM schema_migrations WHERE version = 8;`);
    raw.close();

    expect((await cli(["stories", "--db", db, "--json"])).code).toBe(0);
    const check = new Database(db, { readonly: true });
    expect(check.prepare("SELECT id, headline_article_id FROM stories ORDER BY id").all()).toEqual(expected);
    check.close();
  });
});

describe("akhbar search and export", () => {
  const db = () => join(dir, "search.db");
  beforeAll(async () => {
    const file = join(dir, "search.jsonl");
    writeFileSync(file, fixtureJsonl());
    await cli(["import", file, "--db", db()]);
  });

  const ids = async (query: string, extra: string[] = []) => {
    const result = await cli(["search", query, "--db", db(), "--json", ...extra]);
    expect(result.err).toBe("");
    // Every matching article of the page, listed or folded under a hit of its copy group.
    const hits = JSON.parse(result.out).hits as { id: string; copies: { id: string }[] }[];
    return hits.flatMap((h) => [h.id, ...h.copies.map((c) => c.id)]).sort();
  };

  it("finds both house spellings of America with either spelling", async () => {
    const a = await ids("أمريكا");
    const b = await ids("أميركا");
    expect(a).toEqual(b);
    expect(a).toEqual(["fx-001", "fx-002", "fx-008"]);
  });

  it("finds the singular and suffixed forms from a plural query", async () => {
    expect(await ids("الحكومات")).toEqual(["fx-001", "fx-003"]);
  });

  it("does not match وزارة for the verb زار", async () => {
    expect(await ids("زار")).toEqual(["fx-005"]);
  });

  it("matches careless spellings of ة, ى and hamza", async () => {
    expect(await ids("هيئة الصحة")).toEqual(["fx-006"]);
    expect(await ids("أبها")).toEqual(["fx-006"]);
  });

  it("matches Arabic-Indic digits with Western digits and tashkeel-free queries", async () => {
    expect(await ids("2015")).toEqual(["fx-003"]);
    expect(await ids("محمد الكتاب")).toEqual(["fx-004"]);
  });

  it("filters by source and date and prints JSON in the documented shape", async () => {
    expect(await ids("أميركا", ["--source", "alyaum"])).toEqual(["fx-008"]);
    // The outlet's Arabic name names it too; a name naming no outlet is an error, not an empty result.
    expect(await ids("أميركا", ["--source", "اليوم"])).toEqual(["fx-008"]);
    // source: typed in the query reads the same way (it used to pass the Arabic name through as an id: 0 results).
    expect(await ids("أميركا source:اليوم")).toEqual(["fx-008"]);
    const unknown = await cli(["search", "أميركا", "--db", db(), "--source", "nope"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('no source "nope"');
    expect(await ids("أمريكا", ["--from", "2015-07-22", "--to", "2015-07-22"])).toEqual(["fx-002", "fx-008"]);
    const result = await cli(["search", "معرض", "--db", db(), "--json"]);
    const json = JSON.parse(result.out);
    expect(json.total).toBe(1);
    expect(Object.keys(json.hits[0]).sort()).toEqual([
      "copies",
      "id",
      "published_at",
      "score",
      "snippet",
      "source",
      "title",
      "title_html",
      "url",
    ]);
    expect(json.hits[0].snippet).toContain("<mark>");
    expect(json.hits[0].snippet).toContain("مُحَمَّد");
  });

  it("rejects a bad date with a usage-level error instead of a crash", async () => {
    const result = await cli(["search", "النفط", "--db", db(), "--from", "yesterday"]);
    expect(result.code).toBe(64);
    expect(result.err).toContain('parameter "from"');
  });

  it("exports every article with its stored fields, re-importable without changes", async () => {
    const out = join(dir, "export.jsonl");
    const result = await cli(["export", "--jsonl", "--db", db(), "--output", out]);
    expect(result.code).toBe(0);
    const records = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(7);
    const fx006 = records.find((r) => r.id === "fx-006");
    expect(fx006).toMatchObject({
      source: "sabq",
      byline: "محرر سبق",
      section: "محليات",
      text: FIXTURE_RECORDS[5]!.text,
    });
    const reimport = await cli(["import", out, "--db", db(), "--json"]);
    expect(JSON.parse(reimport.out)).toMatchObject({ imported: 0, updated: 0, duplicates: 7 });
  });
});

describe("akhbar output of hostile text stored before ingest dropped controls", () => {
  // ESC U+001B with an OSC 8 link and a screen clear, BEL U+0007, C1 U+009B CONTROL SEQUENCE INTRODUCER,
  // U+202E RIGHT-TO-LEFT OVERRIDE: a row written by an older akhbar, or straight into the database.
  const HOSTILE = "\u001b]8;;http://evil.example\u0007\u001b[2J\u009b31m\u202e";
  const db = () => join(dir, "hostile.db");
  beforeAll(async () => {
    const file = join(dir, "hostile.jsonl");
    writeFileSync(file, fixtureJsonl());
    await cli(["import", file, "--db", db()]);
    const raw = new Database(db());
    raw.prepare("UPDATE articles SET title = ? || title, byline = ?").run(HOSTILE, HOSTILE);
    raw.prepare("UPDATE stories SET headline = ? || headline").run(HOSTILE);
    raw.prepare("UPDATE sources SET name = ? || name").run(HOSTILE);
    raw.close();
  });

  /** Runs a command as if on a terminal (so search colours its matches); returns stdout and stderr. */
  async function onTerminal(args: string[]) {
    const stdout = Object.assign(new PassThrough(), { isTTY: true });
    let out = "";
    stdout.on("data", (c) => (out += c));
    const stderr = new PassThrough();
    let err = "";
    stderr.on("data", (c) => (err += c));
    const code = await runCli([...args, "--db", db()], { stdout, stderr, env: {} });
    return { code, out, err };
  }

  /** What a terminal would act on, once the CLI's own match colouring (bold yellow, reset) is taken out. */
  const controls = (text: string) =>
    text
      .replaceAll("\x1b[1;33m", "")
      .replaceAll("\x1b[0m", "")
      .match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g) ?? [];

  it("prints every stored title, headline and name with its controls neutralized, as text and as JSON", async () => {
    const story = (JSON.parse((await onTerminal(["stories", "--json"])).out) as { stories: { id: string }[] })
      .stories[0]!.id;
    const runs = [
      ["search", "الخارجية"],
      ["stories"],
      ["story", story],
      ["similar", "fx-001"],
      ["duplicates"],
      ["sources", "list"],
    ];
    for (const args of runs) {
      for (const json of [false, true]) {
        const { code, out, err } = await onTerminal(json ? [...args, "--json"] : args);
        expect({ args, json, code, err }).toEqual({ args, json, code: 0, err: "" });
        expect({ args, json, controls: controls(out) }).toEqual({ args, json, controls: [] });
      }
    }
    // Shown, not executed: the ESC of the link and of the screen clear become U+FFFD REPLACEMENT CHARACTER.
    expect((await onTerminal(["search", "الخارجية"])).out).toContain(
      "\ufffd]8;;http://evil.example\ufffd\ufffd[2J",
    );
    // JSON readers get the same value back.
    const hits = JSON.parse((await onTerminal(["search", "الخارجية", "--json"])).out).hits as {
      title: string;
    }[];
    expect(hits[0]!.title.startsWith(HOSTILE)).toBe(true);
  });
});

describe("akhbar search by day", () => {
  it("reads --from and --to as days in Riyadh time, the days the reader prints beside each article", async () => {
    const db = join(dir, "days.db");
    const file = join(dir, "days.jsonl");
    // A print edition stamped 23:45 UTC on 31 July is on the stands on 1 August (2:45 in Riyadh), and one stamped
    // 22:30 UTC on 1 August on the 2nd: read as UTC days, --to 2015-08-01 listed the second and --from 2015-08-01
    // missed the first.
    const record = (id: string, date: string) => ({
      id,
      source: "okaz",
      url: `http://okaz.example/days/${id}`,
      title: `الميزانية العامة للدولة ${id}`,
      date,
      text: `ناقش المجلس الميزانية العامة للدولة في جلسته ${id} وأقر بنودها.`,
    });
    writeFileSync(
      file,
      [
        record("day-1", "2015-07-31T23:45:00Z"),
        record("day-2", "2015-08-01T22:30:00Z"),
        record("day-0", "2015-07-31T20:30:00Z"),
      ]
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    expect((await cli(["import", file, "--db", db, "--no-stories"])).code).toBe(0);
    const ids = async (extra: string[]) => {
      const result = await cli(["search", "الميزانية", "--db", db, "--json", "--sort", "date", ...extra]);
      expect(result.err).toBe("");
      const hits = JSON.parse(result.out).hits as { id: string; copies: { id: string }[] }[];
      return hits.flatMap((h) => [h.id, ...h.copies.map((c) => c.id)]).sort();
    };
    expect(await ids(["--from", "2015-08-01", "--to", "2015-08-01"])).toEqual(["day-1"]);
    expect(await ids(["--to", "2015-07-31"])).toEqual(["day-0"]);
    expect(await ids(["--from", "2015-08-02"])).toEqual(["day-2"]);
    // An ISO time is that instant, as before.
    expect(await ids(["--from", "2015-07-31T23:00:00Z", "--to", "2015-08-01T23:00:00Z"])).toEqual([
      "day-1",
      "day-2",
    ]);
  });
  it("reads them in AKHBAR_TIME_ZONE when a deployment sets its own, and refuses a zone that does not exist", async () => {
    const db = join(dir, "days-zone.db");
    const file = join(dir, "days-zone.jsonl");
    // 22:30 UTC on 1 August is 2 August in Riyadh but still 1 August in Casablanca (UTC+1 in 2015's summer).
    writeFileSync(
      file,
      JSON.stringify({
        id: "late-1",
        source: "hespress",
        url: "http://hespress.example/days/late-1",
        title: "الميزانية العامة للدولة",
        date: "2015-08-01T22:30:00Z",
        text: "ناقش المجلس الميزانية العامة للدولة في جلسته وأقر بنودها.",
      }),
    );
    expect((await cli(["import", file, "--db", db, "--no-stories"])).code).toBe(0);
    const ids = async (env: Record<string, string>) => {
      const result = await cli(["search", "الميزانية", "--db", db, "--json", "--to", "2015-08-01"], env);
      expect(result.err).toBe("");
      return (JSON.parse(result.out).hits as { id: string }[]).map((h) => h.id);
    };
    expect(await ids({})).toEqual([]);
    expect(await ids({ AKHBAR_TIME_ZONE: "Africa/Casablanca" })).toEqual(["late-1"]);
    const bad = await cli(["search", "الميزانية", "--db", db], { AKHBAR_TIME_ZONE: "Mars/Olympus" });
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("AKHBAR_TIME_ZONE");
  });
});

describe("akhbar export of an article stored with its page", () => {
  it("re-imports its own export unchanged, the widget residue stripped from the page's text once", async () => {
    const db = join(dir, "page.db");
    const file = join(dir, "page.jsonl");
    const story = "أكد الوزير أن الخطة تبدأ الأسبوع المقبل وأن العمل سيستمر حتى نهاية العام في جميع المناطق.";
    const more = "وأضاف أن الوزارة ستعلن تفاصيل المرحلة الثانية من الخطة بعد اكتمال الدراسات الفنية.";
    const html = `<html><head><title>الوزير يعلن الخطة</title></head><body><article><h1>الوزير يعلن الخطة</h1><p>${story}</p><p>${more} شارك | طباعة | واتساب</p></article></body></html>`;
    writeFileSync(file, `${JSON.stringify({ id: "pg-1", url: "https://news.example/a/1", html })}\n`);
    expect((await cli(["import", file, "--db", db])).code).toBe(0);
    const out = join(dir, "page-export.jsonl");
    expect((await cli(["export", "--jsonl", "--db", db, "--output", out])).code).toBe(0);
    const [record] = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(record.text).toContain(more);
    expect(record.text).not.toContain("طباعة");
    expect(record.html).toBeTruthy();
    const reimport = await cli(["import", out, "--db", db, "--json"]);
    expect(JSON.parse(reimport.out)).toMatchObject({ imported: 0, updated: 0, duplicates: 1 });
  });
});

describe("akhbar import after kill -9", () => {
  it("loses and duplicates nothing when killed mid-import and run again", async () => {
    const db = join(dir, "crash.db");
    const file = join(dir, "synthetic.jsonl");
    const records = syntheticRecords(8_000);
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n"));
    // Article durability is what this checks; story placement runs after the last batch and is tested elsewhere.
    const child: ChildProcess = spawn(
      process.execPath,
      [join(ROOT, "bin/akhbar"), "import", file, "--db", db, "--batch", "100", "--no-stories"],
      {
        stdio: "ignore",
      },
    );
    // Wait until some batches are committed, then kill without warning.
    const started = Date.now();
    let stored = 0;
    while (Date.now() - started < 20_000) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        const conn = new Database(db, { readonly: true, fileMustExist: true });
        stored = (conn.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
        conn.close();
      } catch {
        stored = 0;
      }
      if (stored > 500) break;
    }
    child.kill("SIGKILL");
    await once(child, "exit");
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(records.length);

    const rerun = await cli(["import", file, "--db", db, "--json", "--no-stories"]);
    const summary = JSON.parse(rerun.out);
    expect(summary.rejected).toBe(0);
    expect(summary.imported + summary.duplicates).toBe(records.length);
    const conn = new Database(db, { readonly: true });
    const total = conn.prepare("SELECT count(*) AS n, count(DISTINCT id) AS d FROM articles").get() as {
      n: number;
      d: number;
    };
    conn.close();
    expect(total).toEqual({ n: records.length, d: records.length });
    const search = await cli(["search", "رقم", "--db", db, "--json", "--limit", "1"]);
    expect(JSON.parse(search.out).total).toBe(records.length);
  }, 90_000);
});

describe("akhbar extract and segment", () => {
  const page = join(ROOT, "testdata/extract/arabic-news-read-also/source.html");
  const legacy = join(ROOT, "testdata/extract/windows-1256-table-layout/source.html");

  it("extracts several pages in one run as JSONL with a file field, and keeps going past a bad file", async () => {
    const garbage = join(dir, "garbage.html");
    writeFileSync(garbage, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8]));
    const result = await cli(["extract", page, garbage, legacy, "--jsonl"]);
    expect(result.code).toBe(1);
    const records = result.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.file)).toEqual([page, garbage, legacy]);
    expect(records[0].removed.some((r: { kind: string }) => r.kind === "read_also")).toBe(true);
    expect(records[0].text).not.toMatch(/اقرأ أيضا/);
    expect(records[1].error.code).toMatch(/^extract\./);
    expect(records[2]).toMatchObject({ charset: "windows-1256", cited_source: "واس" });
  });

  it("segments flattened text into the documented JSON shape", async () => {
    const fixture = join(ROOT, "testdata/extract/segment/other-stories-after");
    const result = await cli(["segment", join(fixture, "input.txt"), "--json"]);
    expect(result.code).toBe(0);
    const expected = JSON.parse(readFileSync(join(fixture, "expected.json"), "utf8"));
    const json = JSON.parse(result.out);
    expect(json.main).toEqual(expected.main);
    expect(
      json.segments.map((s: { kind: string; start: number; end: number }) => ({
        kind: s.kind,
        start: s.start,
        end: s.end,
      })),
    ).toEqual(expected.segments);
  });

  it("imports records that carry a page's html through extraction, publisher and cited source apart", async () => {
    const db = join(dir, "html.db");
    const file = join(dir, "html.jsonl");
    const html = readFileSync(legacy, "latin1");
    const utf8Page = readFileSync(page, "utf8");
    writeFileSync(
      file,
      `${[
        JSON.stringify({ id: "h1", source: "wadi", url: "https://wadi.example/news/1", html: utf8Page }),
        JSON.stringify({
          id: "h2",
          source: "spa",
          url: "https://spa.example/2",
          html: "<html><body></body></html>",
        }),
      ].join("\n")}\n`,
    );
    const result = await cli(["import", file, "--db", db, "--json"]);
    const summary = JSON.parse(result.out);
    expect(summary).toMatchObject({ imported: 1, rejected: 1 });
    expect(summary.rejections[0].code).toBe("extract.no_content");
    const shown = await cli(["search", "النقل العام", "--db", db, "--json"]);
    expect(JSON.parse(shown.out).hits.map((h: { id: string }) => h.id)).toEqual(["h1"]);
    const conn = new Database(db, { readonly: true });
    const row = conn
      .prepare("SELECT source_id, cited_source, byline, html FROM articles WHERE id = 'h1'")
      .get() as Record<string, string>;
    conn.close();
    expect(row).toMatchObject({ source_id: "wadi", cited_source: "وكالات", byline: "سارة المصري" });
    expect(row.html).toContain("<p");
    expect(row.html).not.toContain("<script");
    expect(html.length).toBeGreaterThan(0);
  });
});

describe("akhbar global options", () => {
  it("takes --db before the command, as the usage line shows", async () => {
    const db = join(dir, "global-before.db");
    const file = join(dir, "global-before.jsonl");
    writeFileSync(file, fixtureJsonl());
    const imported = await cli(["--db", db, "import", file]);
    expect(imported.err).not.toContain("unknown command");
    expect(imported.code).toBe(0);
    const before = await cli(["--db", db, "--json", "search", "أمريكا"]);
    const after = await cli(["search", "أمريكا", "--db", db, "--json"]);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out).total).toBeGreaterThan(0);
    expect(before.out).toBe(after.out);
  });

  it("still reports an unknown command by its name", async () => {
    const r = await cli(["--db", join(dir, "x.db"), "frobnicate"]);
    expect(r.code).toBe(64);
    expect(r.err).toContain('unknown command "frobnicate"');
  });

  it("says why a store cannot be opened, not only that it cannot", async () => {
    const r = await cli(["search", "أمريكا", "--db", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `akhbar search: store: cannot open SQLite database ${dir}: unable to open database file [store.open_failed]\n`,
    );
  });

  it("names a file it cannot read or write, without a stack, exiting 2", async () => {
    const db = join(dir, "files.db");
    const missing = join(dir, "no-such.opml");
    const opml = await cli(["sources", "import-opml", missing, "--db", db]);
    expect(opml.code).toBe(2);
    expect(opml.err).toBe(
      `akhbar sources: ENOENT: no such file or directory, open '${missing}' [fs.ENOENT]\n`,
    );
    const unwritable = join(dir, "no-such-dir", "out.opml");
    const out = await cli(["sources", "export-opml", "--output", unwritable, "--db", db]);
    expect(out.code).toBe(2);
    expect(out.err).toContain(`'${unwritable}' [fs.ENOENT]`);
    expect(out.err).not.toContain("unexpected error");
  });
});

describe("akhbar integer flags", () => {
  // Each flag is read by intParam, as `limit=` is over HTTP: Number() took "1e3" for 1000 and " 5" for 5.
  const cases: [string, string[], string][] = [
    ["import --batch", ["import", "FILE", "--batch"], "batch"],
    ["import --workers", ["import", "FILE", "--workers"], "workers"],
    ["stories --limit", ["stories", "--limit"], "limit"],
    ["search --limit", ["search", "النفط", "--limit"], "limit"],
    ["search --offset", ["search", "النفط", "--offset"], "offset"],
    ["jobs --failed --limit", ["jobs", "--failed", "--limit"], "limit"],
  ];
  const redis = { AKHBAR_REDIS_URL: "redis://127.0.0.1:6379", AKHBAR_QUEUE_PREFIX: "akhbar-cli-flags" };

  it.each(cases)(
    "%s refuses an exponent and a padded number, naming the flag and the value",
    async (_f, args, flag) => {
      const db = join(dir, "flags.db");
      const file = join(dir, "flags.jsonl");
      writeFileSync(file, fixtureJsonl());
      const argv = args.map((a) => (a === "FILE" ? file : a));
      for (const bad of ["1e3", " 5", "5 ", "0x10", "2.0"]) {
        const r = await cli([...argv, bad, "--db", db], redis);
        expect({ bad, code: r.code, out: r.out }).toEqual({ bad, code: 64, out: "" });
        expect(r.err).toContain(`parameter "${flag}" must be a whole number, got "${bad}"`);
        expect(r.err).toMatch(/\[(import|stories|search|jobs)\.bad_param\]/);
      }
      // Refused before the store is opened: no database file was made.
      expect(existsSync(db)).toBe(false);
    },
  );

  it("still takes a plain whole number and says the bounds of one out of range", async () => {
    const db = join(dir, "flags-ok.db");
    const file = join(dir, "flags-ok.jsonl");
    writeFileSync(file, fixtureJsonl());
    const imported = await cli(["import", file, "--db", db, "--batch", "3", "--workers", "0", "--json"]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ imported: 7 });
    const stories = await cli(["stories", "--db", db, "--limit", "2", "--json"]);
    expect(JSON.parse(stories.out).stories).toHaveLength(2);
    const tooMany = await cli(["stories", "--db", db, "--limit", "1001"]);
    expect(tooMany.code).toBe(64);
    expect(tooMany.err).toContain('parameter "limit" must be between 1 and 1000, got 1001');
  });
});
