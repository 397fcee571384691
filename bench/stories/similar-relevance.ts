/**
 * Relevance of "مقالات مشابهة" against hand labels (testdata/labels/similar-relevance.jsonl), beside a "more like
 * this" peer: plain TF-IDF cosine nearest neighbours within ±RELATED_WINDOW_DAYS on the same normalized stems, the
 * anchor's own copies left out and nothing else (no story diversity, no MMR, no freshness). akhbar's lists come from
 * findRelatedArticles on a real SQLite store of the imported dev corpus. Not pure (reads files, opens a store).
 * Run: node --import tsx bench/stories/similar-relevance.ts [--db PATH] [--half tune|test] [--list]
 *      [--draw N --sheet FILE]   (draw anchors and write an unlabelled, shuffled labelling sheet; see the README)
 * Without --db the corpus is imported through the pipeline (stories on) into bench/.tmp/similar-relevance.db once.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSqliteStorage, type SqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { articleTimeMs } from "../../src/domain/parse-iso-time.ts";
import { findRelatedArticles, RELATED_WINDOW_DAYS } from "../../src/pipeline/find-related-articles.ts";
import {
  DEFAULT_SIMILAR_RANKING,
  SIMILAR_MAX_ITEMS,
  type SimilarRanking,
} from "../../src/stages/related/find-related.ts";
import {
  cosine,
  type SparseVector,
  TermStats,
  toSparseVector,
  toStoryTerms,
} from "../../src/stages/stories/story-vector.ts";
import { seededRandom } from "../seeded-random.ts";
import { importCorpusOnce } from "./corpus-store.ts";

const args = process.argv.slice(2);
const argOf = (name: string, fallback: string) =>
  args.includes(name) ? args[args.indexOf(name) + 1]! : fallback;
const DB = argOf("--db", join(process.cwd(), "bench", ".tmp", "similar-relevance.db"));
const LABELS = join(process.cwd(), "testdata", "labels", "similar-relevance.jsonl");
const HALF = argOf("--half", "all");
/** Seed of the anchor draw (mulberry32): fixed so the labelled anchors can be drawn again. */
const DRAW_SEED = 20261130;
/** Largest stories (by stored articles) the "big event" anchors are drawn from, one anchor per story. */
const BIG_STORY_POOL = 60;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type RelevanceLabel = "related" | "same_event" | "weak" | "unrelated";
interface LabelRow {
  anchor: string;
  item: string;
  label: RelevanceLabel;
}

/** Tune or test half of an anchor, by a hash of its id (stable under any redraw). */
export function halfOf(anchorId: string): "tune" | "test" {
  return createHash("sha1").update(anchorId).digest()[0]! % 2 === 0 ? "tune" : "test";
}

async function ensureStore(): Promise<SqliteStorage> {
  await importCorpusOnce(DB, { assignStories: true });
  return openSqliteStorage(DB);
}

interface Doc {
  id: string;
  title: string;
  text: string;
  timeMs: number;
  story: string;
  group: string;
  vector: SparseVector;
}

/** Every stored article with its placement and a TF-IDF vector over the whole store (the peer's index). */
function readDocs(storage: SqliteStorage): Doc[] {
  const rows = storage.db
    .prepare(
      `SELECT a.id, a.title, a.text, a.published_at, a.fetched_at, p.story_id, p.group_id
       FROM articles a LEFT JOIN article_placements p ON p.article_id = a.id ORDER BY a.id`,
    )
    .all() as {
    id: string;
    title: string;
    text: string;
    published_at: string | null;
    fetched_at: string;
    story_id: string | null;
    group_id: string | null;
  }[];
  const stats = new TermStats();
  const terms = rows.map((r) => toStoryTerms(r.title, r.text));
  for (const t of terms) stats.addDocument(t);
  return rows.map((r, i) => ({
    id: r.id,
    title: r.title,
    text: r.text,
    timeMs: articleTimeMs({ publishedAt: r.published_at, fetchedAt: r.fetched_at }) ?? 0,
    story: r.story_id ?? r.id,
    group: r.group_id ?? r.id,
    vector: toSparseVector(terms[i]!, stats),
  }));
}

/** The peer's top SIMILAR_MAX_ITEMS: cosine nearest neighbours in the window, the anchor's copy group left out. */
function peerList(anchor: Doc, docs: readonly Doc[]): string[] {
  const w = RELATED_WINDOW_DAYS * DAY_MS;
  return docs
    .filter((d) => d.group !== anchor.group && Math.abs(d.timeMs - anchor.timeMs) <= w)
    .map((d) => ({ id: d.id, c: cosine(anchor.vector, d.vector) }))
    .filter((x) => x.c > 0)
    .sort((a, b) => b.c - a.c || (a.id < b.id ? -1 : 1))
    .slice(0, SIMILAR_MAX_ITEMS)
    .map((x) => x.id);
}

interface Lists {
  similar: string[];
  readAlso: string | null;
  ms: number;
}

async function akhbarLists(
  storage: SqliteStorage,
  id: string,
  ranking: SimilarRanking = DEFAULT_SIMILAR_RANKING,
): Promise<Lists> {
  const t = performance.now();
  const out = await findRelatedArticles(storage, id, { coverage: false, ranking });
  const ms = performance.now() - t;
  return {
    similar: (out?.similar ?? []).slice(0, SIMILAR_MAX_ITEMS).map((r) => r.article.id),
    readAlso: out?.readAlso?.article.id ?? null,
    ms,
  };
}

const lead = (text: string, chars: number) => text.replace(/\s+/g, " ").slice(0, chars);

async function draw(storage: SqliteStorage, docs: Doc[], n: number, sheet: string): Promise<void> {
  const rand = seededRandom(DRAW_SEED);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const byStory = new Map<string, Doc[]>();
  for (const d of docs) byStory.set(d.story, [...(byStory.get(d.story) ?? []), d]);
  const big = [...byStory.values()]
    .sort((a, b) => b.length - a.length || (a[0]!.id < b[0]!.id ? -1 : 1))
    .slice(0, BIG_STORY_POOL);
  const picked: Doc[] = [];
  const usedStories = new Set<string>();
  const tryAnchor = async (d: Doc): Promise<boolean> => {
    if (usedStories.has(d.story)) return false;
    const lists = await akhbarLists(storage, d.id);
    if (lists.similar.length === 0) return false;
    picked.push(d);
    usedStories.add(d.story);
    return true;
  };
  // Half big-event anchors (a random member of a random big story), half random articles.
  const bigOrder = big.map((s) => ({ s, k: rand() })).sort((a, b) => a.k - b.k);
  for (const { s } of bigOrder) {
    if (picked.length >= n / 2) break;
    await tryAnchor(s[Math.floor(rand() * s.length)]!);
  }
  while (picked.length < n) await tryAnchor(docs[Math.floor(rand() * docs.length)]!);
  const pool: { anchor: string; items: string[] }[] = [];
  for (const a of picked) {
    const ours = await akhbarLists(storage, a.id);
    const items = new Set([
      ...ours.similar,
      ...(ours.readAlso === null ? [] : [ours.readAlso]),
      ...peerList(a, docs),
    ]);
    const shuffled = [...items].map((id) => ({ id, k: rand() })).sort((x, y) => x.k - y.k);
    pool.push({ anchor: a.id, items: shuffled.map((x) => x.id) });
  }
  writeSheet(sheet, pool, byId);
}

/** A labelling sheet: each anchor's title and lead, then its items' (no word of which system listed them). */
function writeSheet(
  sheet: string,
  pool: { anchor: string; items: string[] }[],
  byId: Map<string, Doc>,
): void {
  const out: string[] = [];
  for (const { anchor, items } of pool) {
    const a = byId.get(anchor)!;
    out.push(`=== ANCHOR ${a.id} | ${new Date(a.timeMs).toISOString().slice(0, 16)} | ${a.title}`);
    out.push(`    ${lead(a.text, 300)}`);
    for (const id of items) {
      const d = byId.get(id)!;
      out.push(`  - ${id} | ${new Date(d.timeMs).toISOString().slice(0, 16)} | ${d.title}`);
      out.push(`      ${lead(d.text, 220)}`);
    }
  }
  writeFileSync(sheet, `${out.join("\n")}\n`);
  writeFileSync(`${sheet}.pool.json`, JSON.stringify(pool));
  console.log(
    `${pool.length} anchors, ${pool.reduce((s, p) => s + p.items.length, 0)} items to label -> ${sheet}`,
  );
}

interface Score {
  anchors: number;
  listed: number;
  counts: Record<RelevanceLabel | "unjudged", number>;
  precisionAt5: number;
  distinctStories: number;
  ageGapH: number;
}

function scoreLists(
  lists: Map<string, string[]>,
  labels: Map<string, RelevanceLabel>,
  byId: Map<string, Doc>,
): Score {
  const counts = { related: 0, same_event: 0, weak: 0, unrelated: 0, unjudged: 0 };
  let listed = 0;
  let p5 = 0;
  let distinct = 0;
  let age = 0;
  for (const [anchor, items] of lists) {
    const a = byId.get(anchor)!;
    let rel = 0;
    for (const id of items) {
      const l = labels.get(`${anchor} ${id}`) ?? "unjudged";
      counts[l]++;
      if (l === "related") rel++;
      age += Math.abs(byId.get(id)!.timeMs - a.timeMs) / HOUR_MS;
    }
    listed += items.length;
    p5 += rel / SIMILAR_MAX_ITEMS;
    distinct += new Set(items.map((id) => byId.get(id)!.story)).size;
  }
  const n = lists.size;
  return {
    anchors: n,
    listed,
    counts,
    precisionAt5: p5 / n,
    distinctStories: distinct / n,
    ageGapH: age / Math.max(1, listed),
  };
}

async function main(): Promise<void> {
  const storage = await ensureStore();
  const docs = readDocs(storage);
  const byId = new Map(docs.map((d) => [d.id, d]));
  if (args.includes("--draw")) {
    await draw(
      storage,
      docs,
      Number(argOf("--draw", "40")),
      argOf("--sheet", "bench/.tmp/similar-sheet.txt"),
    );
    await storage.close();
    return;
  }
  const rows = readFileSync(LABELS, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as LabelRow);
  const labels = new Map(rows.map((r) => [`${r.anchor} ${r.item}`, r.label]));
  const anchors = [...new Set(rows.map((r) => r.anchor))].filter((a) => HALF === "all" || halfOf(a) === HALF);
  if (args.includes("--grid")) {
    await sweep(storage, anchors, labels, byId);
    await storage.close();
    return;
  }
  const ours = new Map<string, string[]>();
  const readAlso = new Map<string, string[]>();
  const peer = new Map<string, string[]>();
  const times: number[] = [];
  for (const a of anchors) {
    const l = await akhbarLists(storage, a);
    times.push(l.ms);
    ours.set(a, l.similar);
    readAlso.set(a, l.readAlso === null ? [] : [l.readAlso]);
    peer.set(a, peerList(byId.get(a)!, docs));
  }
  times.sort((x, y) => x - y);
  // Items of these lists the labels never saw, shuffled per anchor, as a labelling sheet (the format --draw writes).
  const sheet = argOf("--sheet", "");
  if (sheet !== "") {
    const rand = seededRandom(DRAW_SEED + 2);
    const pool = anchors
      .map((a) => {
        const seen = [...(ours.get(a) ?? []), ...(readAlso.get(a) ?? []), ...(peer.get(a) ?? [])];
        const ids = [...new Set(seen)].filter((id) => !labels.has(`${a} ${id}`));
        return {
          anchor: a,
          items: ids
            .map((id) => ({ id, k: rand() }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.id),
        };
      })
      .filter((p) => p.items.length > 0);
    writeSheet(sheet, pool, byId);
  }
  const show = (name: string, s: Score) => {
    const share = (k: keyof Score["counts"]) => (s.counts[k] / Math.max(1, s.listed)).toFixed(3);
    console.log(
      `${name.padEnd(26)} items ${String(s.listed).padStart(3)} | P@5 ${s.precisionAt5.toFixed(3)} | related ${share("related")} same_event ${share("same_event")} weak ${share("weak")} unrelated ${share("unrelated")} unjudged ${s.counts.unjudged} | stories/top5 ${s.distinctStories.toFixed(2)} | age gap ${s.ageGapH.toFixed(1)} h`,
    );
  };
  const so = scoreLists(ours, labels, byId);
  const sp = scoreLists(peer, labels, byId);
  console.log(`\n== similar-article relevance (${anchors.length} anchors, half ${HALF}, hand labels) ==`);
  show("akhbar مقالات مشابهة", so);
  show("akhbar اقرأ أيضاً", scoreLists(readAlso, labels, byId));
  show("peer: TF-IDF more-like-this", sp);
  const share = (s: Score, k: keyof Score["counts"]) => s.counts[k] / Math.max(1, s.listed);
  console.log(
    `ratios akhbar/peer: P@5 ${(so.precisionAt5 / Math.max(1e-9, sp.precisionAt5)).toFixed(3)}, same_event share ${(share(so, "same_event") / Math.max(1e-9, share(sp, "same_event"))).toFixed(3)}, weak+unrelated share ${((share(so, "weak") + share(so, "unrelated")) / Math.max(1e-9, share(sp, "weak") + share(sp, "unrelated"))).toFixed(3)}, age gap ${(so.ageGapH / Math.max(1e-9, sp.ageGapH)).toFixed(3)}`,
  );
  console.log(
    `findRelatedArticles on SQLite (coverage off): p50 ${times[Math.floor(times.length * 0.5)]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms`,
  );
  if (args.includes("--list")) {
    for (const a of anchors) {
      console.log(`\n${a} ${byId.get(a)!.title}`);
      for (const [name, m] of [
        ["akhbar", ours],
        ["readAlso", readAlso],
        ["peer", peer],
      ] as const) {
        for (const id of m.get(a) ?? []) {
          console.log(
            `  ${name.padEnd(8)} ${(labels.get(`${a} ${id}`) ?? "UNJUDGED").padEnd(10)} ${id} ${byId.get(id)!.title}`,
          );
        }
      }
    }
  }
  await storage.close();
}

/**
 * The similar list's relevance over a grid of rankings (tune on the tune half only). Items the labels never saw are
 * counted as unjudged: P@5 counts them as not related (a lower bound), P@5max as related (an upper bound).
 */
async function sweep(
  storage: SqliteStorage,
  anchors: readonly string[],
  labels: Map<string, RelevanceLabel>,
  byId: Map<string, Doc>,
): Promise<void> {
  const grid: SimilarRanking[] = [];
  for (const freshnessTauHours of [48, 96, 1e9])
    for (const minCosine of [0.08, 0.1, 0.12, 0.14, 0.16])
      for (const maxListedCosine of [1, 0.5, 0.35])
        grid.push({ freshnessTauHours, minCosine, maxListedCosine });
  console.log(`\n== grid over ${anchors.length} anchors (half ${HALF}) ==`);
  const unjudged = new Map<string, Set<string>>();
  for (const r of grid) {
    const lists = new Map<string, string[]>();
    for (const a of anchors) lists.set(a, (await akhbarLists(storage, a, r)).similar);
    for (const [a, items] of lists)
      for (const id of items)
        if (!labels.has(`${a} ${id}`)) unjudged.set(a, (unjudged.get(a) ?? new Set()).add(id));
    const s = scoreLists(lists, labels, byId);
    const share = (k: keyof Score["counts"]) => (s.counts[k] / Math.max(1, s.listed)).toFixed(3);
    console.log(
      `tau ${r.freshnessTauHours >= 1e9 ? "inf" : r.freshnessTauHours} min ${r.minCosine} cap ${r.maxListedCosine} | items ${s.listed} P@5 ${s.precisionAt5.toFixed(3)} P@5max ${(s.precisionAt5 + s.counts.unjudged / SIMILAR_MAX_ITEMS / s.anchors).toFixed(3)} | same ${share("same_event")} weak ${share("weak")} unrel ${share("unrelated")} unjudged ${s.counts.unjudged} | age ${s.ageGapH.toFixed(1)} h`,
    );
  }
  // The grid's unjudged items, shuffled per anchor, as a labelling sheet (the same format --draw writes).
  const sheet = argOf("--sheet", "");
  if (sheet !== "") {
    const rand = seededRandom(DRAW_SEED + 1);
    const pool = [...unjudged].map(([anchor, ids]) => ({
      anchor,
      items: [...ids]
        .map((id) => ({ id, k: rand() }))
        .sort((x, y) => x.k - y.k)
        .map((x) => x.id),
    }));
    writeSheet(sheet, pool, byId);
  }
}

await main();
