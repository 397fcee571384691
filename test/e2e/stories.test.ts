/**
 * Stories end to end: the CLI commands (stories, story, similar, duplicates, export) on a real SQLite file, the
 * JSON API and the reader's story page over the fixture app.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRelatedArticles } from "../../src/pipeline/find-related-articles.ts";
import { runCli } from "../../src/surfaces/cli/run-cli.ts";
import { FIXTURE_RECORDS, fixtureJsonl, STORY_RECORDS } from "../fixtures/arabic-articles.ts";
import { runCliCaptured } from "../fixtures/run-cli-captured.ts";
import { type FixtureApp, openFixtureApp } from "../web/fixture-app.ts";

// biome-ignore lint/suspicious/noExplicitAny: test reads JSON bodies by field.
const json = (res: Response): Promise<any> => res.json();
const ROOT = join(import.meta.dirname, "../..");
let dir: string;
let db: string;
let fx: FixtureApp;

async function cli(args: string[]) {
  return runCliCaptured([...args, "--db", db]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "akhbar-stories-"));
  db = join(dir, "s.db");
  const file = join(dir, "f.jsonl");
  writeFileSync(file, fixtureJsonl([...FIXTURE_RECORDS, ...STORY_RECORDS]));
  expect((await cli(["import", file, "--workers", "0"])).code).toBe(0);
  fx = await openFixtureApp({ extra: [...STORY_RECORDS] });
});
afterAll(async () => {
  await fx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("story CLI", () => {
  it("exits 1 for a story id nothing has, 2 for a store it cannot open and 64 for a missing id", async () => {
    // The real process, as a script sees it.
    const child = spawnSync(process.execPath, [join(ROOT, "bin/akhbar"), "story", "99999999", "--db", db], {
      encoding: "utf8",
    });
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('no story with id "99999999"');
    expect(child.stdout).toBe("");
    const quiet = { stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
    // A directory is no SQLite file: the store cannot be opened.
    expect(await runCli(["story", "st-001", "--db", dir], quiet)).toBe(2);
    expect(await runCli(["story", "--db", db], quiet)).toBe(64);
    expect(await runCli(["story", "st-001", "--db", db, "--frobnicate"], quiet)).toBe(64);
    expect((await cli(["story", "st-001"])).code).toBe(0);
    expect((await cli(["similar", "nope-0"])).code).toBe(1);
  });

  it("lists the four-outlet story first", async () => {
    const { code, out } = await cli(["stories", "--json", "--since", "2015-07-20"]);
    expect(code).toBe(0);
    const top = JSON.parse(out).stories[0];
    expect(top.id).toBe("st-001");
    expect(top.sources[0]).toBe("was");
    expect(top.article_count).toBeGreaterThanOrEqual(3);
  });
  it("shows a story with copies marked and prints them under the original", async () => {
    const json = JSON.parse((await cli(["story", "st-001", "--json"])).out);
    expect(json.articles.find((a: { id: string }) => a.id === "st-002").duplicate_of).toBe("st-001");
    const text = (await cli(["story", "st-001"])).out;
    expect(text).toContain("copies: okaz (st-002), sabq (st-003)");
    // The places and the body the originals name (the copies add nothing): each with the originals naming it.
    expect(text).toMatch(/places: .*ينبع \(2\)/);
    expect(json.entities).toContainEqual(
      expect.objectContaining({ kind: "organization", name: "المؤسسة العامة لتحلية المياه المالحة" }),
    );
    // "اليوم" in the originals of 26 July is that day.
    expect(json.dates).toContainEqual(expect.objectContaining({ day: "2015-07-26" }));
    expect(text).toMatch(/dates: 2015-07-26 \(\d\)/);
  });
  it("lists a story's coverage newest first with --sort newest, sort=newest on the API and the page alike", async () => {
    const time = (a: { published_at: string | null }) => Date.parse(a.published_at ?? "");
    const oldest = JSON.parse((await cli(["story", "st-001", "--json"])).out);
    const newest = JSON.parse((await cli(["story", "st-001", "--json", "--sort", "newest"])).out);
    expect(oldest.sort).toBe("oldest");
    expect(newest.sort).toBe("newest");
    expect(oldest.articles.length).toBeGreaterThanOrEqual(3);
    const times = newest.articles.map(time);
    expect(times).toEqual([...times].sort((a: number, b: number) => b - a));
    expect(new Set(newest.articles.map((a: { id: string }) => a.id))).toEqual(
      new Set(oldest.articles.map((a: { id: string }) => a.id)),
    );
    // The text lists the cards in that order, copies still under their original.
    const text = (await cli(["story", "st-001", "--sort", "newest"])).out;
    const cardLines = text.split("\n").filter((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d UTC/.test(l));
    expect(cardLines.length).toBeGreaterThanOrEqual(2);
    expect(cardLines).toEqual([...cardLines].sort().reverse());
    expect(text).toContain("copies: okaz (st-002), sabq (st-003)");
    expect((await cli(["story", "st-001", "--sort", "latest"])).code).toBe(64);

    const api = await json(await fx.app.request("/api/stories/st-001?sort=newest"));
    expect(api.sort).toBe("newest");
    expect(api.articles.map((a: { id: string }) => a.id)).toEqual(
      newest.articles.map((a: { id: string }) => a.id),
    );
    const paged = await json(await fx.app.request("/api/stories/st-001?sort=newest&limit=1&offset=1"));
    expect(paged.articles).toEqual([api.articles[1]]);
    const badApi = await fx.app.request("/api/stories/st-001?sort=latest");
    expect(badApi.status).toBe(400);
    expect((await json(badApi)).error.code).toBe("api.bad_param");

    const page = await (await fx.app.request("/story/st-001?sort=newest")).text();
    // The control: both orders linked, the current one marked, the default without a parameter.
    expect(page).toContain('<nav class="sort-choice" aria-label="ترتيب التغطية">');
    expect(page).toContain('<a class="sort-link" href="/story/st-001">الأقدم أولًا</a>');
    expect(page).toContain(
      '<a class="sort-link" href="/story/st-001?sort=newest" aria-current="true">الأحدث أولًا</a>',
    );
    // The first card is the newest original, as the API lists it.
    const coverage = page.slice(page.indexOf('id="coverage-h"'));
    const firstCard = /href="\/article\/([^"]+)"/.exec(coverage)?.[1];
    const firstApiCard = api.articles.find(
      (a: { duplicate_of: string | null }) => a.duplicate_of === null,
    ).id;
    expect(firstCard).toBe(firstApiCard);
    expect((await fx.app.request("/story/st-001?sort=latest")).status).toBe(400);
  });

  it("prints times in UTC and says so, in story, similar, search and stories alike", async () => {
    const utc = /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/;
    const story = (await cli(["story", "st-001"])).out;
    const st001 = FIXTURE_RECORDS.concat(STORY_RECORDS).find((r) => r.id === "st-001")!;
    // The fixture's date has no zone and is read as UTC: the printed time is the same minute.
    expect(story).toContain(`${st001.date.slice(0, 16).replace("T", " ")} UTC  was`);
    for (const out of [
      story,
      (await cli(["similar", "st-004"])).out,
      (await cli(["search", "تحلية"])).out,
      (await cli(["stories", "--since", "2015-07-20"])).out,
    ]) {
      const times = out.match(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}( UTC)?/g) ?? [];
      expect(times.length).toBeGreaterThan(0);
      for (const t of times) expect(t).toMatch(utc);
    }
  });
  it("prints a wire release's continuation parts under its first part, and says part_of in JSON", async () => {
    const headline = "عام / نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء";
    const record = (id: string, title: string, s: number, text: string) => ({
      id,
      source: "was",
      url: `http://spa.example/${id}`,
      title,
      date: `2015-08-10T23:27:${s}`,
      text,
    });
    const file = join(dir, "release.jsonl");
    writeFileSync(
      file,
      fixtureJsonl([
        record(
          "wp-first",
          headline,
          16,
          "جدة واس\nرأس نائب خادم الحرمين الشريفين جلسة مجلس الوزراء في قصر السلام بجدة.",
        ),
        record(
          "wp-2",
          `${headline} إضافة ثانية`,
          14,
          "وافق مجلس الوزراء على تفويض وزير الخارجية بالتباحث مع الجانب الألماني.",
        ),
        record(
          "wp-1",
          `${headline} إضافة أولى`,
          15,
          "قرر مجلس الوزراء الموافقة على مذكرة تفاهم للتعاون الأمني بعد الاطلاع.",
        ),
      ]),
    );
    expect((await cli(["import", file, "--workers", "0"])).code).toBe(0);
    const exported = (await cli(["export", "--jsonl"])).out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; story_id: string });
    const story = exported.find((a) => a.id === "wp-first")!.story_id;
    const json = JSON.parse((await cli(["story", story, "--json"])).out);
    const byId = new Map(json.articles.map((a: { id: string }) => [a.id, a]));
    expect(byId.get("wp-2")).toMatchObject({ wire_part: 2, part_of: "wp-first" });
    const text = (await cli(["story", story])).out;
    expect(text).toMatch(
      /\n {3}> part 1: [^\n]*إضافة أولى\n {5}wp-1 [^\n]*\n {3}> part 2: [^\n]*إضافة ثانية/,
    );
  });
  it("lists similar articles without the article's copies", async () => {
    const json = JSON.parse((await cli(["similar", "st-002", "--json"])).out);
    expect(json.copies.map((c: { id: string }) => c.id)).toContain("st-001");
    const ids = [...json.same_story, ...json.similar].map((c: { id: string }) => c.id);
    expect(ids).not.toContain("st-003");
    const text = (await cli(["similar", "st-002"])).out;
    expect(text).toContain("\u0645\u0642\u0627\u0644\u0627\u062a \u0645\u0634\u0627\u0628\u0647\u0629");
    // A copy names its original apart, and the group's other members as other copies, not as its own copies.
    expect(text).toContain("copy of: was (st-001)");
    expect(text).toContain("other copies: sabq (st-003)");
    expect(text).not.toContain("copies of this article");
    expect((await cli(["stories", "--since", "2015-07-20"])).out).toMatch(
      /^\d+ stories? updated since 2015-07-20/,
    );
  });
  it("lists the top stories as they stood at the end of a past day, and refuses a date that is none", async () => {
    // st-001 was first seen on 07-26: not yet a story at the end of 07-25, the top one at the end of 07-26.
    const before = JSON.parse((await cli(["stories", "--json", "--until", "2015-07-25"])).out);
    expect(before.stories.map((s: { id: string }) => s.id)).not.toContain("st-001");
    expect(before.stories.every((s: { first_seen: string }) => s.first_seen < "2015-07-26")).toBe(true);
    const onDay = JSON.parse((await cli(["stories", "--json", "--until", "2015-07-26"])).out);
    expect(onDay.stories[0].id).toBe("st-001");
    expect((await cli(["stories", "--until", "2015-07-26"])).out).toMatch(
      /^\d+ stories? updated in the 72 h before the end of 2015-07-26/,
    );
    const bad = await cli(["stories", "--until", "2015-13-01"]);
    expect(bad.code).not.toBe(0);
  });
  it("reports duplicate groups and exports story fields", async () => {
    const stats = JSON.parse((await cli(["duplicates", "--json"])).out);
    expect(stats).toMatchObject({ copies: 3, cross_source_groups: 2 });
    const lines = (await cli(["export", "--jsonl"])).out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.find((r) => r.id === "st-003")).toMatchObject({
      story_id: "st-001",
      duplicate_of: "st-001",
    });
  });
});

describe("story API and page", () => {
  it("serves stories, a story, related lists and duplicate statistics", async () => {
    const stories = await json(await fx.app.request("/api/stories"));
    expect(stories.clustered).toBe(true);
    expect(stories.stories[0].id).toBe("st-001");
    const story = await json(await fx.app.request("/api/stories/st-001"));
    expect(story.articles.length).toBeGreaterThanOrEqual(3);
    expect(story.dates).toContainEqual(expect.objectContaining({ day: "2015-07-26" }));
    expect(story.article_total).toBe(story.articles.length);
    const second = await json(await fx.app.request("/api/stories/st-001?limit=1&offset=1"));
    expect(second).toMatchObject({ article_total: story.article_total, limit: 1, offset: 1 });
    expect(second.articles).toEqual([story.articles[1]]);
    // The numbers an article writes with words, with their values and offsets into the field.
    const article = await json(await fx.app.request("/api/articles/st-001"));
    expect(article.numbers).toEqual([
      { field: "title", text: "مليون", start: 38, end: 43, value: 1_000_000 },
      expect.objectContaining({ field: "text", text: "مليون", value: 1_000_000 }),
      expect.objectContaining({ field: "text", text: "ثلاثة مليارات", value: 3_000_000_000 }),
    ]);
    const bad = await fx.app.request("/api/stories/st-001?limit=0");
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBeDefined();
    // The top stories as they stood at the end of a past day: st-001 (first seen 07-26) not yet on 07-25.
    const past = await json(await fx.app.request("/api/stories?until=2015-07-25"));
    expect(past.stories.map((s: { id: string }) => s.id)).not.toContain("st-001");
    expect((await json(await fx.app.request("/api/stories?until=2015-07-26"))).stories[0].id).toBe("st-001");
    // The reader's home page for a past day (Riyadh's): what ran that day, with links to the days around it.
    const day25 = await (await fx.app.request("/?day=2015-07-25")).text();
    expect(day25).toContain("أهم أخبار <bdi>السبت، 25 يوليو 2015</bdi>");
    expect(day25).toContain("<title>أهم أخبار السبت، 25 يوليو 2015 — أخبار</title>");
    expect(day25).not.toContain('href="/story/st-001"');
    expect(day25).toContain('href="/?day=2015-07-24" rel="prev"');
    expect(day25).toContain('href="/?day=2015-07-26" rel="next"');
    const day26 = await (await fx.app.request("/?day=2015-07-26")).text();
    expect(day26).toContain('href="/story/st-001"');
    // 26 July is the archive's last day (now is the 27th): no link on to a day without news.
    expect(day26).toContain('href="/?day=2015-07-25" rel="prev"');
    expect(day26).not.toContain('rel="next"');
    // A day past it says so and links the last day.
    const day30 = await (await fx.app.request("/?day=2015-07-30")).text();
    expect(day30).toContain("لا أخبار في هذا اليوم");
    expect(day30).toContain(
      'آخر يوم في الأرشيف <a href="/?day=2015-07-26"><bdi>الأحد، 26 يوليو 2015</bdi></a>',
    );
    expect(day30).not.toContain('rel="next"');
    // Filtered by an outlet, a card names that outlet first (the story's first reporter, was, otherwise leads).
    const bySabq = await (await fx.app.request("/?source=sabq")).text();
    const card = bySabq.slice(bySabq.indexOf('href="/story/st-001"'));
    expect(card.slice(card.indexOf('<ul class="meta">'))).toMatch(
      /^<ul class="meta">\s*<li><bdi>سبق<\/bdi>، /,
    );
    // A day that is no date is refused in words naming the field, over the newest stories shown instead.
    const refused = await fx.app.request("/?day=2015-02-30");
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('<div class="error-box" role="alert"><p>«اليوم» ليس تاريخًا صحيحًا.');
    expect(refusedPage).toContain("تُعرض أحدث الأخبار بدلًا منه.");
    expect(refusedPage).toContain("<h1>أهم الأخبار</h1>");
    expect(refusedPage).toContain('href="/story/st-001"');
    const twice = await (await fx.app.request("/?day=2015-07-25&day=2015-07-26")).text();
    expect(twice).toContain("«اليوم» مكرّر في الرابط");
    // /api/stories?day= lists the home page's stories for that day, in its order, filtered alike.
    const cardIds = (page: string) =>
      [
        ...page
          .slice(page.indexOf('<ol class="cards">'))
          .matchAll(/<h2 dir="\w+"><a href="\/story\/([^"]+)">/g),
      ].map((m) => m[1]);
    for (const query of [
      "day=2015-07-24",
      "day=2015-07-25",
      "day=2015-07-26",
      "day=2015-07-26&source=sabq",
    ]) {
      const home = cardIds(await (await fx.app.request(`/?${query}`)).text());
      const api = await json(await fx.app.request(`/api/stories?${query}`));
      expect(home.length).toBeGreaterThan(0);
      expect(api.stories.map((s: { id: string }) => s.id)).toEqual(home);
    }
    expect((await json(await fx.app.request("/api/stories?day=2015-07-25"))).stories).not.toContainEqual(
      expect.objectContaining({ id: "st-001" }),
    );
    const both = await fx.app.request("/api/stories?day=2015-07-25&until=2015-07-26");
    expect(both.status).toBe(400);
    expect((await json(both)).error.message).toContain('"day" names a whole window');
    const badDay = await fx.app.request("/api/stories?until=2015-13-01");
    expect(badDay.status).toBe(400);
    expect((await json(badDay)).error).toMatchObject({
      code: "api.bad_param",
      message: expect.stringContaining('"until" is not a real date'),
    });
    const related = await json(await fx.app.request("/api/articles/st-004/related"));
    expect(related.same_story.map((a: { id: string }) => a.id)).toEqual(["st-001"]);
    // The article page's call: the same similar list and pick, the story's coverage left unread.
    const lists = await findRelatedArticles(fx.storage, "st-004");
    const pageLists = await findRelatedArticles(fx.storage, "st-004", { coverage: false });
    expect(lists?.sameStory.map((r) => r.article.id)).toEqual(["st-001"]);
    expect(pageLists?.sameStory).toEqual([]);
    expect(pageLists?.similar.map((r) => r.article.id)).toEqual(lists?.similar.map((r) => r.article.id));
    expect(pageLists?.readAlso?.article.id).toBe(lists?.readAlso?.article.id);
    const dup = await fx.app.request("/api/duplicates");
    expect(dup.status).toBe(200);
  });
  it("renders a multi-article story with copies collapsed under the original", async () => {
    const res = await fx.app.request("/story/st-001");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("okaz");
    expect(page).toContain("alyaum");
    expect(page).not.toContain("\u0644\u0645 \u062a\u064f\u062c\u0645\u0651\u064e\u0639");
  });
});
