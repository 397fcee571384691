/**
 * Issue #5, "the result must not depend on how the work is batched": folds the whole dev corpus once (recluster) and
 * again as several processes' worth of steps, a fresh StoryAssigner at each restart point, through the real
 * assign-stories.ts and a SQLite store (files under /tmp), and counts the articles whose story (as a partition: the
 * set of its fellow members), copy group (as a partition) or duplicate_of differs from the one fold, and the stories
 * whose stored counts (articles, originals: what the home page ranks by) differ. A restarted
 * process sees only the articles stored before its restart point: a filter over the store's reads stands in for the
 * later articles not being stored yet. Benchmark, not pure (reads the corpus, writes SQLite files).
 * Run: node --import tsx bench/stories/restart-replay.ts [--restart 2015-07-28,2015-08-04,2015-08-07] [--batch 500]
 *   [--tmp /tmp/replay] (path prefix of the SQLite files: give each concurrent run its own)
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { basename, dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { openSqliteStorage, type SqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { reclusterStories, StoryAssigner } from "../../src/pipeline/assign-stories.ts";
import type { StoryStore } from "../../src/ports/story-store.ts";
import { importCorpusOnce } from "./corpus-store.ts";
import { CORPUS_PATH } from "./load-corpus.ts";

const args = process.argv.slice(2);
const argOf = (name: string, fallback: string) =>
  args.includes(name) ? args[args.indexOf(name) + 1]! : fallback;
const RESTARTS = argOf("--restart", "2015-07-28,2015-08-04,2015-08-07")
  .split(",")
  .map((d) => Date.parse(`${d}T00:00:00Z`));
/** Articles per assignment step, as an import batch places them. */
const BATCH = Number(argOf("--batch", "500"));
const TMP = argOf("--tmp", "/tmp/replay");

/** SHA-1 of the corpus and of every file under src/: what the stored base depends on (import's text rules, the
 * store's schema), so a base imported by other code is never reused. */
function baseDigest(): string {
  const hash = createHash("sha1").update(readFileSync(CORPUS_PATH));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(process.cwd(), "src"));
  return hash.digest("hex").slice(0, 12);
}

const BASE = `${TMP}-base-${baseDigest()}.db`;
const ONE = `${TMP}-one.db`;
const SPLIT = `${TMP}-split.db`;

function copyDb(from: string, to: string): void {
  for (const suffix of ["", "-wal", "-shm"]) {
    rmSync(to + suffix, { force: true });
    if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix);
  }
}

/** The corpus stored once without stories (reused across runs of the same code: the import is not what is
 * measured). Written under a temporary name and renamed when complete, so an interrupted import is never reused. */
async function ensureBase(): Promise<void> {
  if (!(await importCorpusOnce(BASE, { assignStories: false }))) return;
  // Bases of older trees (another digest, same prefix; ~200 MB each) would fill /tmp: keep only this one.
  const dir = dirname(TMP);
  const stem = `${basename(TMP)}-base-`;
  for (const name of readdirSync(dir))
    if (name.startsWith(stem) && name.endsWith(".db") && join(dir, name) !== BASE)
      rmSync(join(dir, name), { force: true });
}

interface Placed {
  story: string;
  group: string;
  duplicateOf: string | null;
}

function readPlacements(storage: SqliteStorage): Map<string, Placed> {
  const rows = storage.db
    .prepare("SELECT article_id, story_id, group_id, duplicate_of FROM article_placements")
    .all() as { article_id: string; story_id: string; group_id: string; duplicate_of: string | null }[];
  return new Map(
    rows.map((r) => [r.article_id, { story: r.story_id, group: r.group_id, duplicateOf: r.duplicate_of }]),
  );
}

/** Each stored story's article and original counts, keyed by its members (sorted), so differing story ids match. */
function readStoryCounts(storage: SqliteStorage): Map<string, string> {
  const members = new Map<string, string[]>();
  for (const r of storage.db.prepare("SELECT story_id, article_id FROM article_placements").all() as {
    story_id: string;
    article_id: string;
  }[]) {
    const list = members.get(r.story_id) ?? [];
    list.push(r.article_id);
    members.set(r.story_id, list);
  }
  const rows = storage.db.prepare("SELECT id, article_count, original_count FROM stories").all() as {
    id: string;
    article_count: number;
    original_count: number;
  }[];
  return new Map(
    rows.map((r) => [(members.get(r.id) ?? []).sort().join(","), `${r.article_count}/${r.original_count}`]),
  );
}

/** Articles whose fellow members under `key` differ between the two runs (ids of the parts may differ). */
function partitionDiffers(
  a: Map<string, Placed>,
  b: Map<string, Placed>,
  key: (p: Placed) => string,
): string[] {
  const members = (m: Map<string, Placed>) => {
    const by = new Map<string, string[]>();
    for (const [id, p] of m) {
      const k = key(p);
      let list = by.get(k);
      if (list === undefined) {
        list = [];
        by.set(k, list);
      }
      list.push(id);
    }
    const sig = new Map<string, string>();
    for (const list of by.values()) {
      const s = list.sort().join(",");
      for (const id of list) sig.set(id, s);
    }
    return sig;
  };
  const sa = members(a);
  const sb = members(b);
  return [...a.keys()].filter((id) => sa.get(id) !== sb.get(id)).sort();
}

/** The store as a process sees it at a time when only articles before `cutoffMs` are stored. */
function storedBefore(store: StoryStore, cutoff: { ms: number }, timeOf: Map<string, number>): StoryStore {
  const before = (id: string) => (timeOf.get(id) ?? Number.POSITIVE_INFINITY) < cutoff.ms;
  // Methods bound to the real store (its private fields need it as `this`), three of them filtered.
  const view: Record<string, unknown> = {};
  for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(store))) {
    const method = (store as unknown as Record<string, unknown>)[name];
    if (name !== "constructor" && typeof method === "function") view[name] = method.bind(store);
  }
  return Object.assign(view as unknown as StoryStore, {
    getUnplacedStreamRows: async (ids: readonly string[], options?: { everyUnplaced?: boolean }) =>
      (await store.getUnplacedStreamRows(ids.filter(before), options)).filter((r) => r.timeMs < cutoff.ms),
    listStreamRowsSince: async (fromMs: number) =>
      (await store.listStreamRowsSince(fromMs)).filter((r) => r.timeMs < cutoff.ms),
    listUnplacedIds: async () => (await store.listUnplacedIds()).filter(before),
  });
}

await ensureBase();
console.log(
  `load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);

copyDb(BASE, ONE);
const one = await openSqliteStorage(ONE);
let t0 = performance.now();
await reclusterStories(one.stories!);
console.log(`one fold (recluster): ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const once = readPlacements(one);

copyDb(BASE, SPLIT);
const split = await openSqliteStorage(SPLIT);
const store = split.stories!;
const rows = await store.listStreamRowsSince(Number.NEGATIVE_INFINITY);
const timeOf = new Map(rows.map((r) => [r.id, r.timeMs]));
const bounds = [...RESTARTS, Number.POSITIVE_INFINITY];
const cutoff = { ms: bounds[0]! };
t0 = performance.now();
let start = 0;
for (const end of bounds) {
  cutoff.ms = end;
  // A new process: a fresh assigner, which rebuilds its stream from the store on its first step.
  const assigner = new StoryAssigner(storedBefore(store, cutoff, timeOf));
  const ids = rows.filter((r) => r.timeMs >= start && r.timeMs < end).map((r) => r.id);
  let rebuilt = 0;
  const s0 = performance.now();
  for (let i = 0; i < ids.length; i += BATCH) {
    const summary = await assigner.assign(ids.slice(i, i + BATCH));
    rebuilt += summary.rebuiltRows;
  }
  console.log(
    `process up to ${Number.isFinite(end) ? new Date(end).toISOString().slice(0, 10) : "end"}: ${ids.length} articles, ` +
      `${rebuilt} stored rows replayed, ${((performance.now() - s0) / 1000).toFixed(1)} s`,
  );
  start = end;
}
console.log(`restarted fold: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const restarted = readPlacements(split);

const stories = partitionDiffers(once, restarted, (p) => p.story);
const groups = partitionDiffers(once, restarted, (p) => p.group);
const originals = [...once.keys()].filter(
  (id) => once.get(id)!.duplicateOf !== restarted.get(id)?.duplicateOf,
);
console.log(`placed: one fold ${once.size}, restarted ${restarted.size}`);
console.log(`articles in a different story: ${stories.length}`);
console.log(`articles in a different copy group: ${groups.length}`);
console.log(`articles with a different duplicate_of: ${originals.length}`);
const countsOnce = readStoryCounts(one);
const countsRestarted = readStoryCounts(split);
const countsDiffer = [...countsOnce].filter(([members, n]) => countsRestarted.get(members) !== n);
console.log(
  `stories whose stored article or original count differs: ${countsDiffer.length}` +
    (countsDiffer.length > 0 ? ` (e.g. ${countsDiffer[0]![0].slice(0, 60)})` : ""),
);
if (stories.length > 0) {
  const first = stories.map((id) => timeOf.get(id)!).sort((x, y) => x - y)[0]!;
  console.log(
    `first differing article at ${new Date(first).toISOString()}; e.g. ${stories.slice(0, 5).join(" ")}`,
  );
}
await Promise.all([one.close(), split.close()]);
