/**
 * Which names the entities stage counts as one person or body on a whole store: every short name merged into a
 * longer one within an article, within a story (toStoryEntities) and across stories (topEntities over every story, as
 * /entities reads its top stories), so a change of the merge rules can be read merge by merge.
 * Benchmark helper, not pure (reads a SQLite store, writes a JSON file).
 * Run: node --import tsx bench/entities/entity-merges.ts dump STORE.sqlite OUT.json
 *      node --import tsx bench/entities/entity-merges.ts diff BEFORE.json AFTER.json [--show=N]
 * STORE.sqlite: the dev corpus imported with stories (bench/stories/corpus-store.ts importCorpusOnce).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import type { CombinedEntity, NameMerge } from "../../src/stages/entities/extract-entities.ts";
import { STORY_ENTITY_ARTICLES_MAX, toStoryEntities } from "../../src/stages/entities/story-entities.ts";
import { rankStories } from "../../src/stages/stories/rank-stories.ts";
import {
  type ReaderData,
  type StoryDetail,
  type StorySummary,
  TOP_STORIES_WINDOW_HOURS,
} from "../../src/surfaces/web/reader-data.ts";
import { withPublishers } from "../../src/surfaces/web/storage-reader-data.ts";
import { toStoryCoverage } from "../../src/surfaces/web/story-coverage.ts";
import { StoryReaderData } from "../../src/surfaces/web/story-reader-data.ts";
import { TOP_ENTITY_STORIES, topEntities } from "../../src/surfaces/web/top-entities.ts";

/** A merge as read on the store: where (a story id, or "*" across stories) and at which level. */
interface StoreMerge extends NameMerge {
  level: "story" | "stories";
  storyId: string;
}

interface Dump {
  stories: { id: string; headline: string; entities: CombinedEntity[] }[];
  merges: StoreMerge[];
  top: { kind: string; name: string; storyCount: number }[];
  /** /entities as each day of the corpus shows it: its top stories (TOP_ENTITY_STORIES) at the day's end. */
  days: { day: string; merges: NameMerge[]; people: string[] }[];
}

async function dump(storePath: string, outPath: string): Promise<void> {
  const storage = await openSqliteStorage(storePath);
  const reader = new StoryReaderData(storage);
  const stored = await storage.stories!.listStories({ limit: 1_000_000 });
  const out: Dump = { stories: [], merges: [], top: [], days: [] };
  let mismatches = 0;
  for (const s of stored) {
    const detail = await reader.story(s.id);
    if (detail === null) continue;
    // The originals StoryReaderData reads entities from: each card's head and its parts, earliest card first.
    const ids = toStoryCoverage(detail.articles).cards.flatMap((c) =>
      [c, ...c.parts].map((card) => card.head.id),
    );
    const rows = new Map((await storage.articles.getArticleSummaries(ids)).map((a) => [a.id, a]));
    const originals = await withPublishers(
      storage,
      ids.slice(0, STORY_ENTITY_ARTICLES_MAX).map((id) => rows.get(id)!),
    );
    const merges: NameMerge[] = [];
    const entities = toStoryEntities(originals, merges);
    // The bench must read what the reader shows.
    if (JSON.stringify(entities) !== JSON.stringify(detail.entities)) mismatches++;
    for (const m of merges) out.merges.push({ ...m, level: "story", storyId: s.id });
    out.stories.push({ id: s.id, headline: detail.headline, entities });
  }
  // /entities over every story instead of the top 30: the merges it would make on any day's top stories.
  const byId = new Map(out.stories.map((s) => [s.id, s]));
  const summaries = out.stories.map((s) => ({ id: s.id, headline: s.headline }) as StorySummary);
  const all: ReaderData = {
    ...reader,
    capabilities: reader.capabilities,
    topStories: async () => ({ total: summaries.length, stories: summaries }),
    story: async (id) => (byId.get(id) ?? null) as StoryDetail | null,
    storyEntities: async (id) => byId.get(id) ?? null,
    storyOfArticle: async () => null,
    related: async () => ({ similar: [], readAlso: null }),
  };
  const across: NameMerge[] = [];
  const top = await topEntities(all, [], across);
  for (const m of across) out.merges.push({ ...m, level: "stories", storyId: "*" });
  out.top = top.entities.map((e) => ({ kind: e.kind, name: e.name, storyCount: e.storyCount }));
  // Each day's /entities: the stories with an article within the home page's window before the day's end, ranked at
  // its end as topStories ranks them.
  const ranks = await storage.stories!.listStories({ limit: 1_000_000 });
  const days = [...new Set(ranks.map((r) => new Date(r.lastUpdateMs).toISOString().slice(0, 10)))].sort();
  for (const day of days) {
    const endMs = Date.parse(`${day}T23:59:59Z`);
    const window = await storage.stories!.listRankMembers({
      sinceMs: endMs - TOP_STORIES_WINDOW_HOURS * 3_600_000,
      untilMs: endMs,
      limit: 1_000_000,
    });
    const ranked = rankStories(window, endMs).slice(0, TOP_ENTITY_STORIES);
    const daily: ReaderData = {
      ...all,
      topStories: async () => ({
        total: ranked.length,
        stories: ranked.map((r) => ({ id: r.id, headline: byId.get(r.id)?.headline ?? "" }) as StorySummary),
      }),
    };
    const merges: NameMerge[] = [];
    const listed = await topEntities(daily, [], merges);
    const people = listed.entities.filter((e) => e.kind === "person").map((e) => `${e.name} ${e.storyCount}`);
    out.days.push({ day, merges, people });
  }
  await storage.close();
  writeFileSync(outPath, JSON.stringify(out));
  const story = out.merges.filter((m) => m.level === "story").length;
  console.log(
    `${out.stories.length} stories (${mismatches} whose entities differ from the reader's); merges: ${story} within` +
      ` stories (articles and stories), ${out.merges.length - story} across stories`,
  );
}

/** One merge pair as counted on the whole store: short key into long key, of a kind, at a level. */
const pairOf = (m: StoreMerge) => `${m.level}\t${m.kind}\t${m.shortKey}\t${m.intoKey}`;

function diff(beforePath: string, afterPath: string, show: number): void {
  const [a, b] = [beforePath, afterPath].map((p) => JSON.parse(readFileSync(p, "utf8")) as Dump);
  const pairs = (d: Dump) => {
    const out = new Map<string, { m: StoreMerge; stories: Set<string> }>();
    for (const m of d.merges) {
      const k = pairOf(m);
      const e = out.get(k) ?? { m, stories: new Set<string>() };
      e.stories.add(m.storyId);
      out.set(k, e);
    }
    return out;
  };
  const [pa, pb] = [pairs(a!), pairs(b!)];
  for (const level of ["story", "stories"]) {
    const count = (p: typeof pa) => [...p.values()].filter((x) => x.m.level === level).length;
    const only = (p: typeof pa, q: typeof pa) =>
      [...p.entries()].filter(([k, x]) => x.m.level === level && !q.has(k));
    console.log(`\n== ${level}: distinct merge pairs before ${count(pa)}, after ${count(pb)}`);
    for (const [label, list] of [
      ["only before", only(pa, pb)],
      ["only after", only(pb, pa)],
    ] as const) {
      console.log(
        `-- ${label}: ${list.length} pairs in ${list.reduce((n, [, x]) => n + x.stories.size, 0)} places`,
      );
      for (const [, x] of list.slice(0, show))
        console.log(
          `  ${x.m.kind}\t${x.m.shortName} -> ${x.m.intoName}\t(${x.stories.size}: ${[...x.stories].slice(0, 3).join(",")})`,
        );
    }
  }
  // Stories whose shown entities changed.
  const before = new Map(a!.stories.map((s) => [s.id, s]));
  let changed = 0;
  const lines: string[] = [];
  for (const s of b!.stories) {
    const o = before.get(s.id);
    const show1 = (e: CombinedEntity[]) => e.map((x) => `${x.kind[0]}:${x.name}:${x.articles}`).join(" | ");
    if (o === undefined || show1(o.entities) === show1(s.entities)) continue;
    changed++;
    if (lines.length < show)
      lines.push(`  ${s.id} ${s.headline}\n    - ${show1(o.entities)}\n    + ${show1(s.entities)}`);
  }
  console.log(`\n== stories whose entities changed: ${changed} of ${b!.stories.length}`);
  console.log(lines.join("\n"));
  // Each day's /entities: merges only one side makes, and days whose people differ.
  const daysB = new Map(b!.days.map((d) => [d.day, d]));
  const merged = (m: NameMerge) => `${m.shortName} -> ${m.intoName}`;
  let dayMergesA = 0;
  let dayMergesB = 0;
  const dayLines: string[] = [];
  for (const d of a!.days) {
    const e = daysB.get(d.day);
    if (e === undefined) continue;
    dayMergesA += d.merges.length;
    dayMergesB += e.merges.length;
    const [ma, mb] = [d.merges.map(merged), e.merges.map(merged)];
    const lost = ma.filter((m) => !mb.includes(m));
    const gained = mb.filter((m) => !ma.includes(m));
    if (lost.length + gained.length > 0)
      dayLines.push(`  ${d.day}: only before [${lost.join("; ")}] only after [${gained.join("; ")}]`);
    if (d.people.join() !== e.people.join())
      dayLines.push(`    people before: ${d.people.join(", ")}\n    people after:  ${e.people.join(", ")}`);
  }
  console.log(
    `\n== /entities day by day (${a!.days.length} days): merges before ${dayMergesA}, after ${dayMergesB}`,
  );
  console.log(dayLines.join("\n"));
  const top = (d: Dump) => d.top.map((e) => `${e.kind[0]}:${e.name}:${e.storyCount}`).join(", ");
  console.log(`\n== /entities over every story\n  before ${top(a!)}\n  after  ${top(b!)}`);
}

const [command, x, y] = process.argv.slice(2);
const showArg = process.argv.find((s) => s.startsWith("--show="));
if (command === "dump" && x !== undefined && y !== undefined) await dump(x, y);
else if (command === "diff" && x !== undefined && y !== undefined)
  diff(x, y, showArg === undefined ? 40 : Number(showArg.slice(7)));
else {
  console.error(
    "usage: entity-merges.ts dump STORE.sqlite OUT.json | diff BEFORE.json AFTER.json [--show=N]",
  );
  process.exit(2);
}
