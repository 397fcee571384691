/**
 * Wire continuation parts ("… إضافة ثانية") in a store: for each, the release's first part (same source, same headline
 * once the desk section and part mark are off, within WIRE_PART_MAX_HOURS), and whether the two share a story and a
 * card (copy group). Benchmark helper, not pure (reads a SQLite file).
 * Run: node --import tsx bench/stories/wire-parts.ts --db PATH [--list]
 */
import Database from "better-sqlite3";
import {
  isWirePart,
  stripWireHeadlineMarks,
  wirePartNumber,
} from "../../src/stages/dedupe/strip-syndication-marks.ts";
import { linkWireParts, WIRE_PART_MAX_HOURS } from "../../src/stages/dedupe/wire-release-parts.ts";

const args = process.argv.slice(2);
const DB = args.includes("--db") ? args[args.indexOf("--db") + 1]! : "";
const LIST = args.includes("--list");

interface Row {
  id: string;
  source_id: string;
  title: string;
  head: string;
  time_ms: number;
  story_id: string | null;
  group_id: string | null;
  duplicate_of: string | null;
}

const db = new Database(DB, { readonly: true });
const rows = db
  .prepare(
    `SELECT a.id, a.source_id, a.title, substr(a.text, 1, 80) AS head, a.time_ms, p.story_id, p.group_id, p.duplicate_of
     FROM articles a LEFT JOIN article_placements p ON p.article_id = a.id`,
  )
  .all() as Row[];
const key = (r: Row) => `${r.source_id}\u0000${stripWireHeadlineMarks(r.title)}`;
const byKey = new Map<string, Row[]>();
for (const r of rows) byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r]);
const groupSize = new Map<string, number>();
for (const r of rows)
  if (r.group_id !== null) groupSize.set(r.group_id, (groupSize.get(r.group_id) ?? 0) + 1);
const storySize = new Map<string, number>();
for (const r of rows)
  if (r.story_id !== null) storySize.set(r.story_id, (storySize.get(r.story_id) ?? 0) + 1);

const parts = rows.filter((r) => isWirePart(r.title, r.head));
const tally = { parts: parts.length, withFirst: 0, sameStory: 0, ownStory: 0, partCopies: 0 };
for (const p of parts) {
  const near = (byKey.get(key(p)) ?? []).filter(
    (r) =>
      r !== p &&
      !isWirePart(r.title, r.head) &&
      Math.abs(r.time_ms - p.time_ms) <= WIRE_PART_MAX_HOURS * 3_600_000,
  );
  near.sort((a, b) => Math.abs(a.time_ms - p.time_ms) - Math.abs(b.time_ms - p.time_ms));
  const first = near[0];
  if (first !== undefined) tally.withFirst++;
  if (first !== undefined && first.story_id === p.story_id) tally.sameStory++;
  if (p.story_id !== null && storySize.get(p.story_id) === 1) tally.ownStory++;
  const copies = (groupSize.get(p.group_id ?? "") ?? 1) - 1;
  tally.partCopies += copies;
  if (LIST)
    console.log(
      [
        p.id,
        first?.id ?? "(no first part)",
        first === undefined ? "" : first.story_id === p.story_id ? "same story" : "other story",
        `story of ${storySize.get(p.story_id ?? "") ?? 0}`,
        `${copies} copies`,
        p.title.slice(0, 90),
      ].join(" | "),
    );
}
console.log(
  `corpus-wide, same outlet and headline within ${WIRE_PART_MAX_HOURS} h: ${JSON.stringify(tally)}`,
);

// What the story page folds: linkWireParts over each story's members (as toStoryCoverage runs it).
const byStory = new Map<string, Row[]>();
for (const r of rows)
  if (r.story_id !== null) byStory.set(r.story_id, [...(byStory.get(r.story_id) ?? []), r]);
let linked = 0;
let maxGapS = 0;
let crossOutlet = 0;
const storiesWithParts = new Set<string>();
for (const [story, members] of byStory) {
  const links = linkWireParts(
    members.map((m) => ({
      id: m.id,
      sourceId: m.source_id,
      title: m.title,
      part: wirePartNumber(m.title, m.head),
      timeMs: m.time_ms,
    })),
  );
  const byId = new Map(members.map((m) => [m.id, m]));
  for (const l of links) {
    const part = byId.get(l.partId)!;
    const first = byId.get(l.firstId)!;
    linked++;
    storiesWithParts.add(story);
    maxGapS = Math.max(maxGapS, Math.abs(part.time_ms - first.time_ms) / 1000);
    if (part.source_id !== first.source_id) crossOutlet++;
    if (LIST)
      console.log(
        `linked ${l.partId} (part ${l.part}) -> ${l.firstId} ${first.source_id} ${part.title.slice(0, 60)}`,
      );
  }
}
console.log(
  `linkWireParts within stories: ${linked} parts linked in ${storiesWithParts.size} stories, ${crossOutlet} to another outlet's copy of the first part, largest gap ${maxGapS} s`,
);
