/**
 * Near-duplicates against the labelled pairs with the dedupe fold alone (the first half of StoryStream.add:
 * fingerprint, NearDuplicateIndex query/add, DuplicateGroups), so copy-rule changes are measured in seconds, not a
 * full stories run. Prints precision/recall per label set and half, and with --list every labelled pair the
 * groups get wrong with its overlaps. Benchmark helper, not pure (reads the corpus and labels).
 * Run: node --import tsx bench/stories/copy-pairs.ts [--list] [--half tune|test|all] [--rule key=value ...]
 *   (--rule overrides a CopyRule field, e.g. --rule rewriteMaxHours=36; Infinity is accepted)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type CopyRule,
  compareShingles,
  DEFAULT_COPY_RULE,
} from "../../src/stages/dedupe/compare-shingles.ts";
import { DuplicateGroups } from "../../src/stages/dedupe/duplicate-groups.ts";
import {
  fingerprintText,
  NEAR_DUPLICATE_WINDOW_DAYS,
  NearDuplicateIndex,
} from "../../src/stages/dedupe/near-duplicate-index.ts";
import {
  SHINGLE_WORDS,
  toLeadHashes,
  toShingleHashes,
  toShingleWords,
} from "../../src/stages/dedupe/shingle-text.ts";
import type { StreamArticle } from "../../src/stages/stories/recluster.ts";
import {
  applySecondReading,
  halfOf,
  type LabelledPair,
  ruleFromArgs,
  type SecondReading,
  scoreCopies,
} from "./copy-rule-grid.ts";
import { loadStream } from "./load-corpus.ts";

const LABELS_DIR = join(process.cwd(), "testdata", "labels");
const DAY_MS = 86_400_000;
const argv = process.argv.slice(2);
const list = argv.includes("--list");
const halfArg = argv.includes("--half") ? argv[argv.indexOf("--half") + 1] : "all";
const fmt = (x: number, d = 3) => x.toFixed(d);
const rule = ruleFromArgs(argv, "copy-pairs");

/** Group key of every article after one dedupe pass (later group merges applied). */
export function groupArticles(
  articles: readonly StreamArticle[],
  rule: CopyRule = DEFAULT_COPY_RULE,
): Map<string, string> {
  const index = new NearDuplicateIndex({ rule });
  const groups = new DuplicateGroups();
  const groupOf = new Map<string, string>();
  const mergedInto = new Map<string, string>();
  for (const a of articles) {
    const { fingerprint } = fingerprintText(a.text, a.sourceId);
    const copies = index.query(fingerprint, a.timeMs);
    index.add(a.id, a.timeMs, fingerprint);
    groups.evictBefore(a.timeMs - NEAR_DUPLICATE_WINDOW_DAYS * DAY_MS);
    const g = groups.add(
      { id: a.id, sourceId: a.sourceId, citedSource: a.citedSource, timeMs: a.timeMs },
      copies.map((c) => c.id),
      groups.mergeIdsOf(copies, a.timeMs),
    );
    groupOf.set(a.id, g.groupId);
    for (const from of g.mergedGroups ?? []) mergedInto.set(from, g.groupId);
  }
  const resolve = (g: string): string => {
    let x = g;
    for (let next = mergedInto.get(x); next !== undefined; next = mergedInto.get(x)) x = next;
    return x;
  };
  return new Map([...groupOf].map(([id, g]) => [id, resolve(g)]));
}

const articles = loadStream();
const byId = new Map(articles.map((a) => [a.id, a]));
const readJsonl = <T>(name: string): T[] =>
  readFileSync(join(LABELS_DIR, name), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as T);
const pairs = readJsonl<LabelledPair>("pairs.jsonl");
const second = readJsonl<SecondReading>("pairs-second-reading.jsonl");
const sets = [
  { name: "original labels", pairs },
  { name: "second reading", pairs: applySecondReading(pairs, second) },
];

const t0 = process.cpuUsage();
const groupOf = groupArticles(articles, rule);
const cpu = process.cpuUsage(t0);
console.log(
  `dedupe fold: ${articles.length} articles, ${fmt((cpu.user + cpu.system) / articles.length, 0)} µs CPU/article`,
);
const found = (p: LabelledPair) => groupOf.get(p.a) !== undefined && groupOf.get(p.a) === groupOf.get(p.b);
for (const set of sets) {
  for (const half of ["all", "tune", "test"] as const) {
    const { tp, fp, fn } = scoreCopies(set.pairs, half, found);
    console.log(
      `${(half === "all" ? set.name : `  ${half} half`).padEnd(16)} P ${fmt(tp / Math.max(1, tp + fp))} R ${fmt(tp / Math.max(1, tp + fn))} (tp ${tp} fp ${fp} fn ${fn})`,
    );
  }
}

if (list) {
  const labelled = sets[1]!.pairs;
  const original = new Map(pairs.map((p) => [`${p.a} ${p.b}`, p.label]));
  for (const p of labelled) {
    if (halfArg !== "all" && halfOf(p) !== halfArg) continue;
    const f = found(p);
    if (f === (p.label === "copy")) continue;
    const a = byId.get(p.a)!;
    const b = byId.get(p.b)!;
    const wa = toShingleWords(a.text);
    const wb = toShingleWords(b.text);
    const o = compareShingles(toShingleHashes(wa, SHINGLE_WORDS), toShingleHashes(wb, SHINGLE_WORDS));
    const lead = compareShingles(toLeadHashes(wa), toLeadHashes(wb)).containment;
    console.log(
      `${f ? "FP" : "FN"} ${halfOf(p)} ${p.a} ${p.b} label ${p.label} (was ${original.get(`${p.a} ${p.b}`)}) J ${fmt(o.jaccard, 2)} C ${fmt(o.containment, 2)} n ${o.smaller} lead ${fmt(lead, 2)} dt ${fmt(Math.abs(a.timeMs - b.timeMs) / 3_600_000, 0)} h ${a.sourceId}/${b.sourceId}`,
    );
  }
}
