/**
 * Review repro: a late arrival N days older than the newest placed article, placed by a new process after an
 * import of every 32nd dev article. Prints the stored snapshot days, whether a rebuild finds a snapshot, and the
 * placements that differ from one fold. --restart: the new process places the late article and everything after it
 * (a restart at its time) instead; --compact: the corpus's calendar gaps closed; --show: the articles that differ.
 * Files under /tmp/review-x. Run: node --import tsx bench/stories/review-late-arrival.ts [daysOlder] [every] [flags]
 */
import { rmSync } from "node:fs";
import { openSqliteStorage, type SqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { closeCalendarGaps, devCorpusRecords } from "../../test/fixtures/dev-corpus.ts";
import { importFixture } from "../../test/fixtures/import-fixture.ts";

const daysOlder = Number(process.argv[2] ?? "2");
const every = Number(process.argv[3] ?? "32");
const sample = await devCorpusRecords({ every });
const records = process.argv.includes("--compact") ? closeCalendarGaps(sample) : sample;
records.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
const newest = Date.parse(records.at(-1)!.date);
const target = newest - daysOlder * 86_400_000;
const late = records.reduce((best, r) =>
  Math.abs(Date.parse(r.date) - target) < Math.abs(Date.parse(best.date) - target) ? r : best,
);
const now = "2015-08-12T00:00:00Z";
const open = async (name: string) => {
  const p = `/tmp/review-x/${name}.db`;
  for (const s of ["", "-wal", "-shm"]) rmSync(p + s, { force: true });
  return openSqliteStorage(p);
};
const placements = (s: SqliteStorage) =>
  new Map(
    (
      s.db.prepare("SELECT article_id, story_id, group_id, duplicate_of FROM article_placements").all() as {
        article_id: string;
        story_id: string;
        group_id: string;
        duplicate_of: string | null;
      }[]
    ).map((r) => [r.article_id, r]),
  );
const first = await open("late-split");
const restartMode = process.argv.includes("--restart");
const lateMs = Date.parse(late.date);
const firstPart = restartMode
  ? records.filter((r) => Date.parse(r.date) < lateMs)
  : records.filter((r) => r !== late);
const secondPart = restartMode ? records.filter((r) => !firstPart.includes(r)) : [late];
await importFixture(first, firstPart, { batchSize: 500, now });
const snaps = first.db.prepare("SELECT time_ms FROM stream_snapshots ORDER BY time_ms").all() as {
  time_ms: number;
}[];
console.log("newest article", new Date(newest).toISOString(), "late", late.date, late.id);
console.log(
  "snapshots",
  snaps.length,
  snaps.map((s) => new Date(s.time_ms).toISOString().slice(0, 16)).join(" "),
);
const need = Date.parse(late.date) - 14 * 86_400_000;
console.log(
  "rebuild needs a snapshot <=",
  new Date(need).toISOString(),
  "found:",
  snaps.some((s) => s.time_ms <= need),
);
await first.close();
const second = await openSqliteStorage("/tmp/review-x/late-split.db");
await importFixture(second, secondPart, { batchSize: 500, now });
const once = await open("late-once");
await importFixture(once, records, { batchSize: 500, now });
const a = placements(second);
const b = placements(once);
// Stories as partitions: compare each article's fellow members.
const members = (m: Map<string, { story_id: string }>) => {
  const by = new Map<string, string[]>();
  for (const [id, r] of m) by.set(r.story_id, [...(by.get(r.story_id) ?? []), id]);
  return new Map([...m].map(([id, r]) => [id, by.get(r.story_id)!.sort().join(",")]));
};
const ma = members(a);
const mb = members(b);
let storyDiff = 0;
for (const [id, s] of ma) if (mb.get(id) !== s) storyDiff++;
let dupDiff = 0;
for (const [id, r] of a) if (b.get(id)?.duplicate_of !== r.duplicate_of) dupDiff++;
console.log("articles", a.size, b.size, "in another story:", storyDiff, "other duplicate_of:", dupDiff);
await Promise.all([second.close(), once.close()]);
if (process.argv.includes("--show")) {
  const reopen = async (p: string) => openSqliteStorage(p);
  const s2 = await reopen("/tmp/review-x/late-split.db");
  const s1 = await reopen("/tmp/review-x/late-once.db");
  const title = s1.db.prepare("SELECT title, time_ms FROM articles WHERE id = ?");
  for (const [id, s] of ma) {
    if (mb.get(id) === s) continue;
    const t = title.get(id) as { title: string; time_ms: number };
    console.log(id, new Date(t.time_ms).toISOString(), t.title);
    console.log("  split:", s.split(",").length, "members; once:", mb.get(id)!.split(",").length, "members");
    console.log("  split story:", a.get(id)!.story_id, " once story:", b.get(id)!.story_id);
  }
  await Promise.all([s1.close(), s2.close()]);
}
