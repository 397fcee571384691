/**
 * The copy pairs the rewrite test adds (NearDuplicateIndex matches whose `test` is "rewrite") over the whole dev
 * corpus, and their precision on the hand-labelled sample testdata/labels/rewrite-added-pairs.jsonl: a stricter rule
 * adds a subset of these pairs, so the sample drawn at the shipped rule of 2026-11-29 scores any stricter one.
 * Benchmark helper, not pure (reads the corpus and labels).
 * Run: node --import tsx bench/stories/rewrite-pairs.ts [--rule key=value ...] [--features] [--curve] [--draw N] [--show i-j]
 *   --curve     added pairs and sample precision for time windows up to the rule's (a shorter window keeps a subset);
 *               the samples were drawn with rewriteMaxHours=24, so pass --rule rewriteMaxHours=24 for the whole curve
 *   --features  one line per sample pair with its overlaps (ids and figures only)
 *   --draw N    print N pairs drawn at random (LCG seed 20151130) among the added pairs, as JSONL ids (no text)
 *   --show i-j  print titles and full texts of sample pairs i..j to the terminal, for labelling (never commit them)
 *   --hours lo-hi  with --draw: only pairs more than lo and at most hi hours apart, none of the sample's
 *   --late      --features and --show read testdata/labels/rewrite-added-late-pairs.jsonl instead
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareShingles } from "../../src/stages/dedupe/compare-shingles.ts";
import {
  fingerprintText,
  NEAR_DUPLICATE_WINDOW_DAYS,
  NearDuplicateIndex,
} from "../../src/stages/dedupe/near-duplicate-index.ts";
import { ShingleFrequency, STOCK_PHRASE_MIN_TEXTS } from "../../src/stages/dedupe/shingle-frequency.ts";
import {
  REWRITE_SHINGLE_WORDS,
  SHINGLE_WORDS,
  toLeadHashes,
  toShingleHashesOfWords,
  toShingleWords,
  toWordHashes,
} from "../../src/stages/dedupe/shingle-text.ts";
import { ruleFromArgs } from "./copy-rule-grid.ts";
import { loadCorpus, toStream } from "./load-corpus.ts";

const SAMPLE_PATH = join(process.cwd(), "testdata", "labels", "rewrite-added-pairs.jsonl");
const LATE_SAMPLE_PATH = join(process.cwd(), "testdata", "labels", "rewrite-added-late-pairs.jsonl");
const DAY_MS = 86_400_000;
const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const rule = ruleFromArgs(argv, "rewrite-pairs");
const fmt = (x: number, d = 2) => x.toFixed(d);

interface SamplePair {
  a: string;
  b: string;
  label?: "copy" | "same_story" | "different";
  reason?: string;
}

function readSample(path: string): SamplePair[] {
  return existsSync(path)
    ? readFileSync(path, "utf8")
        .trim()
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l) as SamplePair)
    : [];
}

const corpus = loadCorpus();
const byId = new Map(corpus.map((a) => [a.id, a]));
const articles = toStream(corpus);
const timeMsOf = new Map(articles.map((a) => [a.id, a.timeMs]));
const index = new NearDuplicateIndex({ rule });
/** Overlaps the index does not return, recomputed on a mirror of its window (same counts, same eviction). */
interface Extra {
  /** Containment on shingles that are not stock phrases (the overlap tests' `distinctive`). */
  d4: number;
  hoursApart: number;
}
const added: { a: string; b: string; extra: Extra }[] = [];
const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
const shingleFrequency = new ShingleFrequency();
const windowed: { timeMs: number; shingles: Uint32Array }[] = [];
const kept = new Map<string, Uint32Array>();
let head = 0;
for (const a of articles) {
  const { fingerprint: fp } = fingerprintText(a.text, a.sourceId, a.title);
  const { shingles } = fp;
  for (const m of index.query(fp, a.timeMs)) {
    if (m.test !== "rewrite") continue;
    const d4 = compareShingles(
      shingleFrequency.distinctiveOf(shingles, STOCK_PHRASE_MIN_TEXTS),
      shingleFrequency.distinctiveOf(kept.get(m.id)!, STOCK_PHRASE_MIN_TEXTS),
    ).containment;
    const hoursApart = (a.timeMs - timeMsOf.get(m.id)!) / 3_600_000;
    added.push({ a: m.id, b: a.id, extra: { d4, hoursApart: Math.abs(hoursApart) } });
  }
  index.add(a.id, a.timeMs, fp);
  while (head < windowed.length && windowed[head]!.timeMs < a.timeMs - NEAR_DUPLICATE_WINDOW_DAYS * DAY_MS) {
    shingleFrequency.removeText(windowed[head]!.shingles);
    head++;
  }
  if (shingles.length > 0) {
    shingleFrequency.addText(shingles);
    windowed.push({ timeMs: a.timeMs, shingles });
    kept.set(a.id, shingles);
  }
}
const addedKeys = new Set(added.map((p) => key(p.a, p.b)));
const extraOf = new Map(added.map((p) => [key(p.a, p.b), p.extra]));
console.log(`rewrite-test pairs over ${articles.length} articles: ${added.length}`);

const drawN = arg("--draw");
if (drawN !== undefined) {
  let s = 20151130;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  // --hours lo-hi draws among pairs more than lo and at most hi hours apart, leaving out the sample's pairs.
  const [lo, hi] = (arg("--hours") ?? "-1-Infinity").split(/-(?=[\dI])/).map(Number);
  const inSample = new Set(readSample(SAMPLE_PATH).map((p) => key(p.a, p.b)));
  const pool = added.filter(
    (p) => p.extra.hoursApart > lo! && p.extra.hoursApart <= hi! && !inSample.has(key(p.a, p.b)),
  );
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  for (const p of pool.slice(0, Number(drawN))) console.log(JSON.stringify({ a: p.a, b: p.b }));
}

const sample = readSample(SAMPLE_PATH);
const lateSample = readSample(LATE_SAMPLE_PATH);
for (const [name, pairs] of [
  ["sample", sample],
  ["late sample", lateSample],
] as const) {
  if (pairs.length === 0) continue;
  const kept = pairs.filter((p) => addedKeys.has(key(p.a, p.b)));
  const labelled = kept.filter((p) => p.label !== undefined);
  const copies = labelled.filter((p) => p.label === "copy").length;
  console.log(
    `${name}: ${kept.length} of ${pairs.length} still added; labelled ${labelled.length}, copy ${copies}, precision ${fmt(copies / Math.max(1, labelled.length), 3)} (same_story ${labelled.filter((p) => p.label === "same_story").length}, different ${labelled.filter((p) => p.label === "different").length})`,
  );
}

// A shorter window keeps exactly the added pairs at most that many hours apart (the other tests do not read time).
if (argv.includes("--curve")) {
  for (const hours of [4, 6, 8, 10, 12, 16, 20, 24]) {
    if (hours > rule.rewriteMaxHours) break;
    const pairs = added.filter((p) => p.extra.hoursApart <= hours);
    const inSample = sample.filter((p) => (extraOf.get(key(p.a, p.b))?.hoursApart ?? Infinity) <= hours);
    const copies = inSample.filter((p) => p.label === "copy").length;
    console.log(
      `max ${String(hours).padStart(2)} h: ${String(pairs.length).padStart(4)} added pairs; sample ${copies}/${inSample.length} copy, precision ${fmt(copies / Math.max(1, inSample.length), 3)}`,
    );
  }
  // The late sample was drawn among pairs more than 10 h apart: with the random sample's pairs there, that band.
  const late = [...sample, ...lateSample].filter((p) => (extraOf.get(key(p.a, p.b))?.hoursApart ?? 0) > 10);
  const lateCopies = late.filter((p) => p.label === "copy").length;
  console.log(
    `pairs > 10 h apart: ${added.filter((p) => p.extra.hoursApart > 10).length}; both samples ${lateCopies}/${late.length} copy, precision ${fmt(lateCopies / Math.max(1, late.length), 3)}`,
  );
}

/** --features and --show read the late-band sample with --late. */
const shown = argv.includes("--late") ? lateSample : sample;

const features = (p: SamplePair): string => {
  const x = byId.get(p.a)!;
  const y = byId.get(p.b)!;
  const wx = toWordHashes(toShingleWords(x.text));
  const wy = toWordHashes(toShingleWords(y.text));
  const o = compareShingles(
    toShingleHashesOfWords(wx, SHINGLE_WORDS),
    toShingleHashesOfWords(wy, SHINGLE_WORDS),
  );
  const bi = compareShingles(
    toShingleHashesOfWords(wx, REWRITE_SHINGLE_WORDS),
    toShingleHashesOfWords(wy, REWRITE_SHINGLE_WORDS),
  );
  const lead = compareShingles(toLeadHashes(toShingleWords(x.text)), toLeadHashes(toShingleWords(y.text)));
  const dt = Math.abs(Date.parse(`${x.date}Z`) - Date.parse(`${y.date}Z`)) / 3_600_000;
  const e = extraOf.get(key(p.a, p.b));
  const extra = e === undefined ? "" : `D4 ${fmt(e.d4)} `;
  return `${extra}C4 ${fmt(o.containment)} J4 ${fmt(o.jaccard)} C2 ${fmt(bi.containment)} J2 ${fmt(bi.jaccard)} lead ${fmt(lead.containment)} dt ${fmt(dt, 0)}h n ${wx.length}/${wy.length} ${x.source}/${y.source}`;
};

if (argv.includes("--features"))
  shown.forEach((p, i) => {
    console.log(
      `${i} ${p.label ?? "-"} ${addedKeys.has(key(p.a, p.b)) ? "added" : "dropped"} ${features(p)}`,
    );
  });

const show = arg("--show");
if (show !== undefined) {
  const [from, to] = show.split("-").map(Number);
  for (let i = from!; i <= (to ?? from!); i++) {
    const p = shown[i]!;
    console.log(`\n=== ${i} ${p.a} ${p.b} ${features(p)}`);
    for (const id of [p.a, p.b]) {
      const x = byId.get(id)!;
      console.log(`--- ${id} ${x.source} ${x.date}\n# ${x.title}\n${x.text}`);
    }
  }
}
