/**
 * Draws the candidate pairs labelled in testdata/labels/pairs.jsonl: pairs sharing sampled shingles, stratified
 * by 5-word surface Jaccard, plus same-headline-words hard negatives. Prints ids and measures only (no text).
 * Not pure. Run: node --import tsx bench/stories/sample-pairs.ts > /tmp/pair-candidates.jsonl
 */
import { toMatchKeys } from "../../src/stages/arabic/analyze-text.ts";
import { isStopWord } from "../../src/stages/arabic/stop-words.ts";
import { tokenize } from "../../src/stages/arabic/tokenize.ts";
import { compareShingles } from "../../src/stages/dedupe/compare-shingles.ts";
import { shingleText } from "../../src/stages/dedupe/shingle-text.ts";
import { seededRandom as rng } from "../seeded-random.ts";
import { PROFILE_SHINGLES } from "./copy-rule-grid.ts";
import { loadCorpus } from "./load-corpus.ts";

/** Pairs drawn per Jaccard stratum (5-word surface shingles), and hard negatives. Sum ≈ 340. */
const STRATA: readonly [lo: number, hi: number, n: number][] = [
  [0.0, 0.1, 50],
  [0.1, 0.3, 60],
  [0.3, 0.45, 50],
  [0.45, 0.6, 50],
  [0.6, 0.8, 40],
  [0.8, 1.01, 30],
];
const HARD_NEGATIVES = 40;
const SEED = 20150721;

const docs = loadCorpus().filter((a) => a.text.length > 0);
const surface = docs.map((a) => shingleText(a.text, PROFILE_SHINGLES));
const loose = docs.map((a) =>
  shingleText(a.text, {
    words: 2,
    form: "stem",
    dropStopWords: true,
    dropEditWords: false,
    stripMarks: true,
  }),
);
// Pairs sharing at least 3 sampled 2-word stem shingles: every copy and most same-story pairs.
const postings = new Map<number, number[]>();
const pairs = new Map<string, [number, number]>();
for (let d = 0; d < docs.length; d++) {
  const count = new Map<number, number>();
  for (const h of loose[d]!) {
    if ((h & 7) !== 0) continue;
    const list = postings.get(h) ?? [];
    if (list.length < 40) for (const o of list) count.set(o, (count.get(o) ?? 0) + 1);
    list.push(d);
    postings.set(h, list);
  }
  for (const [o, c] of count) if (c >= 3) pairs.set(`${o}:${d}`, [o, d]);
}
const rand = rng(SEED);
const byStratum: [number, number, number][][] = STRATA.map(() => []);
for (const [a, b] of pairs.values()) {
  const j = compareShingles(surface[a]!, surface[b]!).jaccard;
  const s = STRATA.findIndex(([lo, hi]) => j >= lo && j < hi);
  if (s >= 0 && docs[a]!.text !== docs[b]!.text) byStratum[s]!.push([a, b, j]);
}
const out: { a: string; b: string; stratum: string }[] = [];
for (let s = 0; s < STRATA.length; s++) {
  const list = byStratum[s]!;
  for (let i = list.length - 1; i > 0; i--) {
    const k = Math.floor(rand() * (i + 1));
    [list[i], list[k]] = [list[k]!, list[i]!];
  }
  for (const [a, b] of list.slice(0, STRATA[s]![2])) {
    out.push({ a: docs[a]!.id, b: docs[b]!.id, stratum: `j5:${STRATA[s]![0]}-${STRATA[s]![1]}` });
  }
}
// Hard negatives: different texts whose titles share at least 3 content stems.
const titleKeys = docs.map(
  (d) =>
    new Set(
      toMatchKeys(
        tokenize(d.title)
          .map((t) => t.norm)
          .filter((w) => !isStopWord(w))
          .join(" "),
      ),
    ),
);
let hard = 0;
for (let tries = 0; hard < HARD_NEGATIVES && tries < 2_000_000; tries++) {
  const a = Math.floor(rand() * docs.length);
  const b = a + 1 + Math.floor(rand() * 300);
  if (b >= docs.length) continue;
  let shared = 0;
  for (const k of titleKeys[a]!) if (titleKeys[b]!.has(k)) shared++;
  if (shared < 3) continue;
  if (compareShingles(surface[a]!, surface[b]!).jaccard >= 0.1) continue;
  out.push({ a: docs[a]!.id, b: docs[b]!.id, stratum: "hard-negative" });
  hard++;
}
for (const p of out) console.log(JSON.stringify(p));
console.error(
  `candidate pairs ${pairs.size}, strata ${byStratum.map((l) => l.length).join("/")}, out ${out.length}`,
);
