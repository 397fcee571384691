/**
 * Copy precision and recall as a reader meets them on the dev corpus, not as the stratified labels over-sample them.
 * pairs.jsonl was drawn stratified by 5-word surface Jaccard (pair-frames.ts), the hard strata heavily over-sampled;
 * here each labelled pair counts for the pairs of its frame it stands for (frame size / pairs drawn from it; a pair in
 * both frames by the sum of both chances), so tp/fp/fn are population estimates, with a stratified bootstrap 95%
 * interval. Byte-identical texts, left out of the frame, are added as counted (all copies). Also prints where the
 * pairs the system groups lie against the frames, and, once labelled, the direct samples: same-group pairs read for
 * precision (system-copy-pairs.jsonl) and different-group look-alikes read for recall (missed-copy-pairs.jsonl).
 * Benchmark helper, not pure (reads the corpus and labels). Prints ids and counts only.
 * Run: node --import tsx bench/stories/copy-population.ts [--half tune|test|all] [--reps 2000]
 *   [--draw-system N] [--draw-missed N]   (print a seeded draw of N pairs, ids only, for labelling)
 */
import { resolve } from "node:path";
import { compareShingles } from "../../src/stages/dedupe/compare-shingles.ts";
import { shingleText } from "../../src/stages/dedupe/shingle-text.ts";
import { seededRandom } from "../seeded-random.ts";
import {
  applySecondReading,
  halfOf,
  type LabelledPair,
  type PairHalf,
  PROFILE_SHINGLES,
  type SecondReading,
} from "./copy-rule-grid.ts";
import { loadDedupeTree } from "./dedupe-tree.ts";
import { type CopyLink, foldCopyGroups, pairKey } from "./fold-copy-groups.ts";
import { CORPUS_PATH, loadCorpus, loadStream, readLabels } from "./load-corpus.ts";
import {
  candidatePairs,
  HARD_NEGATIVE_MAX_GAP,
  HARD_NEGATIVE_MAX_J5,
  HARD_NEGATIVE_MIN_TITLE_STEMS,
  HARD_NEGATIVE_STRATUM,
  LOOSE_SHINGLES,
  STRATA,
  sharedKeys,
  stratumOf,
  titleKeysOf,
} from "./pair-frames.ts";

/**
 * Frame sizes at the draw: bench/stories/sample-pairs.ts and its hard-negative test run on the code of commit 0dc1533
 * (raw dump, the shingling of the time), which reproduces all 320 pairs of pairs.jsonl with their strata. Today's
 * text and shingling recount them within 0.3% (printed beside).
 */
const DRAW_STRATUM_PAIRS = [26_755, 10_437, 3_949, 2_820, 2_833, 2_812] as const;
const DRAW_HARD_NEGATIVE_PAIRS = 5_400;
/** Seeds of the bootstrap and of the two reading draws (system-copy-pairs.jsonl, missed-copy-pairs.jsonl). */
const BOOTSTRAP_SEED = 20261130;
const SYSTEM_DRAW_SEED = 20261201;
const MISSED_DRAW_SEED = 20261202;
/** The recall probe's look-alikes: 4-word stem containment (the shipped shingling) or near-identical titles. */
const PROBE_MIN_CONTAINMENT = 0.5;
const PROBE_MIN_TITLE_JACCARD = 0.8;
const PROBE_MIN_TITLE_STEMS = 4;
/** Shingles in more articles than this are boilerplate: left out when counting shared shingles for the probe. */
const PROBE_MAX_POSTINGS = 200;

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const half = (arg("--half") ?? "tune") as PairHalf | "all";
const reps = Number(arg("--reps") ?? 2000);
const fmt = (x: number, d = 3) => x.toFixed(d);
const int = (x: number) => Math.round(x).toLocaleString("en-US");

// --- The system's copy groups (the dedupe fold of the working tree, on the text import stores).
const stream = loadStream();
const links: CopyLink[] = [];
const { groupOf } = foldCopyGroups(await loadDedupeTree(resolve("src")), stream, { links });
const found = (a: string, b: string) => groupOf.get(a) === groupOf.get(b);
const members = new Map<string, string[]>();
for (const [id, g] of groupOf) members.set(g, [...(members.get(g) ?? []), id]);
const systemPairs: [string, string][] = [];
for (const ids of members.values())
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) systemPairs.push([ids[i]!, ids[j]!]);

// --- The frames, recounted on the raw dump (as drawn) with today's code.
const docs = loadCorpus(CORPUS_PATH, "raw").filter((a) => a.text.length > 0);
const position = new Map(docs.map((d, i) => [d.id, i]));
const surface = docs.map((a) => shingleText(a.text, PROFILE_SHINGLES));
const titleKeys = docs.map((d) => titleKeysOf(d.title));
const j5 = (a: number, b: number) => compareShingles(surface[a]!, surface[b]!).jaccard;
const stratumOfPair = new Map<string, number>();
const recount = STRATA.map(() => 0);
for (const [a, b] of candidatePairs(docs.map((a) => shingleText(a.text, LOOSE_SHINGLES)))) {
  if (docs[a]!.text === docs[b]!.text) continue;
  const s = stratumOf(j5(a, b));
  if (s < 0) continue;
  recount[s]!++;
  stratumOfPair.set(pairKey(docs[a]!.id, docs[b]!.id), s);
}
const isHardNegativeFrame = (x: number, y: number) =>
  Math.abs(x - y) <= HARD_NEGATIVE_MAX_GAP &&
  sharedKeys(titleKeys[x]!, titleKeys[y]!) >= HARD_NEGATIVE_MIN_TITLE_STEMS &&
  j5(x, y) < HARD_NEGATIVE_MAX_J5;
let hardRecount = 0;
for (let a = 0; a < docs.length; a++)
  for (let b = a + 1; b <= a + HARD_NEGATIVE_MAX_GAP && b < docs.length; b++)
    if (isHardNegativeFrame(a, b)) hardRecount++;
// Byte-identical texts: out of the strata by design, every one a copy.
const byText = new Map<string, string[]>();
for (const d of docs) byText.set(d.text, [...(byText.get(d.text) ?? []), d.id]);
let identical = 0;
let identicalFound = 0;
const identicalKeys = new Set<string>();
for (const ids of byText.values())
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      identical++;
      identicalKeys.add(pairKey(ids[i]!, ids[j]!));
      if (found(ids[i]!, ids[j]!)) identicalFound++;
    }

console.log(
  `frames at the draw (0dc1533): strata ${DRAW_STRATUM_PAIRS.join("/")}, hard negatives ${DRAW_HARD_NEGATIVE_PAIRS}; recounted today (raw dump): ${recount.join("/")}, ${hardRecount}`,
);
console.log(
  `byte-identical pairs (left out of the frame): ${identical}, in one copy group ${identicalFound}`,
);

// Where the system's same-group pairs lie against the frames.
const where = { identical: 0, strata: STRATA.map(() => 0), hardOnly: 0, outside: 0 };
for (const [x, y] of systemPairs) {
  const k = pairKey(x, y);
  const s = stratumOfPair.get(k);
  if (identicalKeys.has(k)) where.identical++;
  else if (s !== undefined) where.strata[s]!++;
  else if (position.has(x) && position.has(y) && isHardNegativeFrame(position.get(x)!, position.get(y)!))
    where.hardOnly++;
  else where.outside++;
}
console.log(
  `same-group pairs: ${systemPairs.length} in ${[...members.values()].filter((m) => m.length > 1).length} groups; byte-identical ${where.identical}, by stratum ${where.strata.join("/")}, hard-negative frame only ${where.hardOnly}, in no frame ${where.outside}`,
);

// --- Weighted precision and recall of the labels.
interface Weighted {
  pair: LabelledPair & { stratum: string };
  frame: string;
  weight: number;
  copy: boolean;
  found: boolean;
}

/** Each labelled pair of `set` in `which` half with its weight: 1 / (sum over frames holding it of drawn / size). */
function weigh(set: readonly (LabelledPair & { stratum: string })[], which: PairHalf | "all"): Weighted[] {
  const inHalf = set.filter((p) => which === "all" || halfOf(p) === which);
  const drawn = new Map<string, number>();
  for (const p of inHalf) drawn.set(p.stratum, (drawn.get(p.stratum) ?? 0) + 1);
  const chance = (frame: string) => {
    const s = STRATA.findIndex((x) => x.name === frame);
    const size = s >= 0 ? DRAW_STRATUM_PAIRS[s]! : DRAW_HARD_NEGATIVE_PAIRS;
    return (drawn.get(frame) ?? 0) / size;
  };
  return inHalf.map((p) => {
    const [x, y] = [position.get(p.a)!, position.get(p.b)!];
    const alsoHard = p.stratum !== HARD_NEGATIVE_STRATUM && isHardNegativeFrame(x, y);
    const alsoStratum =
      p.stratum === HARD_NEGATIVE_STRATUM ? stratumOfPair.get(pairKey(p.a, p.b)) : undefined;
    let pi = chance(p.stratum);
    if (alsoHard) pi += chance(HARD_NEGATIVE_STRATUM);
    if (alsoStratum !== undefined) pi += chance(STRATA[alsoStratum]!.name);
    return { pair: p, frame: p.stratum, weight: 1 / pi, copy: p.label === "copy", found: found(p.a, p.b) };
  });
}

interface Estimate {
  tp: number;
  fp: number;
  fn: number;
}
const sum = (rows: readonly Weighted[], extra: Estimate): Estimate => {
  const e = { ...extra };
  for (const r of rows) {
    if (r.found && r.copy) e.tp += r.weight;
    else if (r.found) e.fp += r.weight;
    else if (r.copy) e.fn += r.weight;
  }
  return e;
};
const precision = (e: Estimate) => e.tp / Math.max(1e-9, e.tp + e.fp);
const recall = (e: Estimate) => e.tp / Math.max(1e-9, e.tp + e.fn);

/** 2.5% and 97.5% quantiles of `f` over bootstrap resamples drawn within each frame. */
function interval(rows: readonly Weighted[], extra: Estimate, f: (e: Estimate) => number): [number, number] {
  const rand = seededRandom(BOOTSTRAP_SEED);
  const byFrame = new Map<string, Weighted[]>();
  for (const r of rows) byFrame.set(r.frame, [...(byFrame.get(r.frame) ?? []), r]);
  const values: number[] = [];
  for (let k = 0; k < reps; k++) {
    const sample: Weighted[] = [];
    for (const list of byFrame.values())
      for (let i = 0; i < list.length; i++) sample.push(list[Math.floor(rand() * list.length)]!);
    values.push(f(sum(sample, extra)));
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(0.025 * reps)]!, values[Math.min(reps - 1, Math.floor(0.975 * reps))]!];
}

const pairs = readLabels<LabelledPair & { stratum: string }>("pairs.jsonl");
const second = readLabels<SecondReading>("pairs-second-reading.jsonl");
const labelSets = [
  {
    name: "second reading",
    pairs: applySecondReading(pairs, second) as (LabelledPair & { stratum: string })[],
  },
  { name: "original labels", pairs },
];
const NONE: Estimate = { tp: 0, fp: 0, fn: 0 };
for (const set of labelSets) {
  for (const which of half === "all" ? (["tune", "test", "all"] as const) : [half]) {
    const rows = weigh(set.pairs, which);
    const plain = sum(
      rows.map((r) => ({ ...r, weight: 1 })),
      NONE,
    );
    const ident: Estimate = { tp: identicalFound, fp: 0, fn: identical - identicalFound };
    console.log(`${set.name}, ${which} half (${rows.length} pairs):`);
    console.log(`  as labelled (stratified)   P ${fmt(precision(plain))} R ${fmt(recall(plain))}`);
    for (const [name, extra] of [
      ["weighted, frame only", NONE],
      ["weighted + identical", ident],
    ] as const) {
      const e = sum(rows, extra);
      const [pLo, pHi] = interval(rows, extra, precision);
      const [rLo, rHi] = interval(rows, extra, recall);
      console.log(
        `  ${name.padEnd(26)} P ${fmt(precision(e))} [${fmt(pLo)}, ${fmt(pHi)}] R ${fmt(recall(e))} [${fmt(rLo)}, ${fmt(rHi)}] (copy pairs ${int(e.tp + e.fn)}, found ${int(e.tp)}, wrongly grouped ${int(e.fp)})`,
      );
    }
    const byFrame = new Map<string, Weighted[]>();
    for (const r of rows) byFrame.set(r.frame, [...(byFrame.get(r.frame) ?? []), r]);
    for (const [frame, list] of byFrame) {
      const c = (f: (r: Weighted) => boolean) => list.filter(f).length;
      console.log(
        `    ${frame.padEnd(14)} n ${String(list.length).padStart(3)} weight ${fmt(list[0]!.weight, 0).padStart(5)}: copies ${c((r) => r.copy)} found ${c((r) => r.copy && r.found)}, non-copies grouped ${c((r) => !r.copy && r.found)}`,
      );
    }
  }
}

// --- Direct samples: a seeded draw for labelling, and the labelled share with a Wilson interval.
/** Wilson 95% interval of k successes in n. Example: wilson(145, 150) -> [0.925, 0.986]. */
function wilson(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [centre - half, centre + half];
}

/** `n` pairs of `list` drawn uniformly without replacement (partial Fisher-Yates), in draw order. */
function draw<T>(list: readonly T[], n: number, seed: number): T[] {
  const rand = seededRandom(seed);
  const a = [...list];
  for (let i = 0; i < Math.min(n, a.length); i++) {
    const k = i + Math.floor(rand() * (a.length - i));
    [a[i], a[k]] = [a[k]!, a[i]!];
  }
  return a.slice(0, n);
}

const drawSystem = arg("--draw-system");
if (drawSystem !== undefined) {
  const sorted = [...systemPairs]
    .map(([x, y]) => (x < y ? [x, y] : [y, x]))
    .sort((p, q) => (pairKey(p[0]!, p[1]!) < pairKey(q[0]!, q[1]!) ? -1 : 1));
  draw(sorted, Number(drawSystem), SYSTEM_DRAW_SEED).forEach(([a, b], n) => {
    console.log(JSON.stringify({ n: n + 1, a, b, group_size: members.get(groupOf.get(a!)!)!.length }));
  });
}

/** The recall probe's frame: pairs in different copy groups that look alike (containment or titles). */
function lookAlikes(): { a: string; b: string; by: string }[] {
  const shingles = stream.map((a) => shingleText(a.text));
  const keys = stream.map((a) => titleKeysOf(a.title));
  const out = new Map<string, { a: string; b: string; by: string }>();
  const postings = new Map<number, number[]>();
  for (let y = 0; y < stream.length; y++) {
    const shared = new Map<number, number>();
    for (const h of new Set(shingles[y]!)) {
      const list = postings.get(h) ?? [];
      if (list.length < PROBE_MAX_POSTINGS) for (const x of list) shared.set(x, (shared.get(x) ?? 0) + 1);
      list.push(y);
      postings.set(h, list);
    }
    for (const [x, c] of shared) {
      const smaller = Math.min(shingles[x]!.length, shingles[y]!.length);
      if (smaller < 3 || c < PROBE_MIN_CONTAINMENT * smaller * 0.9) continue;
      if (found(stream[x]!.id, stream[y]!.id)) continue;
      if (compareShingles(shingles[x]!, shingles[y]!).containment < PROBE_MIN_CONTAINMENT) continue;
      const [a, b] = [stream[x]!.id, stream[y]!.id].sort() as [string, string];
      out.set(pairKey(a, b), { a, b, by: "containment" });
    }
  }
  const byKey = new Map<string, number[]>();
  keys.forEach((ks, d) => {
    for (const k of ks) byKey.set(k, [...(byKey.get(k) ?? []), d]);
  });
  for (let x = 0; x < stream.length; x++) {
    if (keys[x]!.size < PROBE_MIN_TITLE_STEMS) continue;
    const count = new Map<number, number>();
    for (const k of keys[x]!) for (const y of byKey.get(k)!) if (y > x) count.set(y, (count.get(y) ?? 0) + 1);
    for (const [y, c] of count) {
      if (keys[y]!.size < PROBE_MIN_TITLE_STEMS) continue;
      if (c / (keys[x]!.size + keys[y]!.size - c) < PROBE_MIN_TITLE_JACCARD) continue;
      if (found(stream[x]!.id, stream[y]!.id)) continue;
      const [a, b] = [stream[x]!.id, stream[y]!.id].sort() as [string, string];
      const k = pairKey(a, b);
      out.set(k, { a, b, by: out.has(k) ? "both" : "title" });
    }
  }
  return [...out.values()].sort((p, q) => (pairKey(p.a, p.b) < pairKey(q.a, q.b) ? -1 : 1));
}

const drawMissed = arg("--draw-missed");
if (drawMissed !== undefined) {
  const frame = lookAlikes();
  const by = (b: string) => frame.filter((p) => p.by === b).length;
  console.log(
    `look-alike pairs in different groups: ${frame.length} (containment ${by("containment")}, title ${by("title")}, both ${by("both")})`,
  );
  draw(frame, Number(drawMissed), MISSED_DRAW_SEED).forEach((p, n) => {
    console.log(JSON.stringify({ n: n + 1, ...p }));
  });
}

// --- The direct samples, once read: precision of the same-group pairs, and the recall probe.
interface ReadPair {
  n: number;
  a: string;
  b: string;
  label: string;
  reason: string;
}
const readIfAny = (file: string): ReadPair[] => {
  try {
    return readLabels<ReadPair>(file);
  } catch {
    return [];
  }
};
const systemRead = readIfAny("system-copy-pairs.jsonl");
const missedRead = readIfAny("missed-copy-pairs.jsonl");
const share = (rows: readonly ReadPair[], f: (r: ReadPair) => boolean) => rows.filter(f).length / rows.length;
const isCopy = (r: ReadPair) => r.label === "copy";
const isClearCopy = (r: ReadPair) => r.label === "copy" && r.reason !== "borderline";
if (systemRead.length > 0) {
  const still = systemRead.filter((r) => found(r.a, r.b)).length;
  for (const [name, f] of [
    ["copies", isCopy],
    ["copies, borderline ones counted as not", isClearCopy],
  ] as const) {
    const k = systemRead.filter(f).length;
    const [lo, hi] = wilson(k, systemRead.length);
    console.log(
      `same-group pairs read (system-copy-pairs.jsonl, ${still} of ${systemRead.length} still in one group): ${name} ${k} of ${systemRead.length}, precision ${fmt(k / systemRead.length)} [${fmt(lo)}, ${fmt(hi)}]`,
    );
  }
}
// How two members share a group: a verified copy link between them (either way, containments left out), or only
// through other members (A copies B, B copies C). A group rule can only cut the second kind.
const copyLinked = new Set(links.filter((l) => l.test !== "contained").map((l) => pairKey(l.id, l.copyId)));
const isLinked = (a: string, b: string) => copyLinked.has(pairKey(a, b));
{
  const linked = systemPairs.filter(([a, b]) => isLinked(a, b)).length;
  console.log(
    `same-group pairs by link: a direct copy link ${int(linked)} of ${int(systemPairs.length)}, only through other members ${int(systemPairs.length - linked)} (${fmt((systemPairs.length - linked) / systemPairs.length)})`,
  );
}
if (systemRead.length > 0) {
  for (const [name, f] of [
    ["a direct copy link", (r: ReadPair) => isLinked(r.a, r.b)],
    [
      "no direct copy link (only through other members)",
      (r: ReadPair) => found(r.a, r.b) && !isLinked(r.a, r.b),
    ],
  ] as const) {
    const rows = systemRead.filter(f);
    const k = rows.filter(isCopy).length;
    console.log(
      `same-group pairs read with ${name}: ${rows.length}, copies ${k} (${fmt(k / Math.max(rows.length, 1))}), not copies: n ${
        rows
          .filter((r) => !isCopy(r))
          .map((r) => r.n)
          .join(", ") || "-"
      }`,
    );
  }
}
if (missedRead.length > 0 && systemRead.length > 0) {
  const frame = lookAlikes();
  const inFrame = new Set(frame.map((p) => pairKey(p.a, p.b)));
  const stillIn = missedRead.filter((r) => inFrame.has(pairKey(r.a, r.b))).length;
  const rand = seededRandom(BOOTSTRAP_SEED);
  const resample = (rows: readonly ReadPair[]) => rows.map(() => rows[Math.floor(rand() * rows.length)]!);
  for (const [name, f] of [
    ["copies", isCopy],
    ["borderline counted as not", isClearCopy],
  ] as const) {
    const recallOf = (sys: readonly ReadPair[], miss: readonly ReadPair[]) => {
      const foundCopies = systemPairs.length * share(sys, f);
      return foundCopies / (foundCopies + frame.length * share(miss, f));
    };
    const values: number[] = [];
    for (let k = 0; k < reps; k++) values.push(recallOf(resample(systemRead), resample(missedRead)));
    values.sort((x, y) => x - y);
    const k = missedRead.filter(f).length;
    const [lo, hi] = wilson(k, missedRead.length);
    console.log(
      `look-alikes in different groups read (missed-copy-pairs.jsonl, ${stillIn} of ${missedRead.length} still in the frame of ${frame.length}): ${name} ${k} of ${missedRead.length} (${fmt(k / missedRead.length, 2)} [${fmt(lo, 2)}, ${fmt(hi, 2)}]) -> about ${int(frame.length * (k / missedRead.length))} missed copy pairs [${int(frame.length * lo)}, ${int(frame.length * hi)}] against ${int(systemPairs.length * share(systemRead, f))} found; recall within the probe's reach ${fmt(recallOf(systemRead, missedRead))} [${fmt(values[Math.floor(0.025 * reps)]!)}, ${fmt(values[Math.floor(0.975 * reps)]!)}]`,
    );
  }
  // What the probe can see of the misses the labels know (this half's labelled copies in different groups).
  const labelled = applySecondReading(pairs, second).filter((p) => half === "all" || halfOf(p) === half);
  const missed = labelled.filter((p) => p.label === "copy" && !found(p.a, p.b));
  console.log(
    `labelled copies (second reading, ${half} half) in different groups: ${missed.length}, of them in the probe's frame ${missed.filter((p) => inFrame.has(pairKey(p.a, p.b))).length}`,
  );
}
