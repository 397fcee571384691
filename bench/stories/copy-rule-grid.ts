/**
 * Chooses shingling and the copy rule on the labelled pairs: for each shingle setting, the (Jaccard, containment)
 * thresholds with the best recall at a minimum precision on "copy" vs the rest, with the lead check of the default
 * rule (stock phrases need the stream's frequencies, so this pairwise grid reads containment on all shingles).
 * Benchmark helper, pure over its input.
 */
import {
  type CopyRule,
  compareShingles,
  DEFAULT_COPY_RULE,
  isCopy,
} from "../../src/stages/dedupe/compare-shingles.ts";
import {
  type ShingleOptions,
  toLeadHashes,
  toShingleHashes,
  toShingleWords,
} from "../../src/stages/dedupe/shingle-text.ts";

export type PairLabel = "copy" | "same_story" | "different";

export interface LabelledPair {
  a: string;
  b: string;
  label: PairLabel;
}

/** A pair read a second time (testdata/labels/pairs-second-reading.jsonl): its label then and now. */
export interface SecondReading {
  a: string;
  b: string;
  was: PairLabel;
  label: PairLabel;
}

/** The pairs with the second reading's labels where a pair was read again. */
export function applySecondReading(
  pairs: readonly LabelledPair[],
  second: readonly SecondReading[],
): LabelledPair[] {
  const now = new Map(second.map((r) => [`${r.a} ${r.b}`, r.label]));
  return pairs.map((p) => ({ ...p, label: now.get(`${p.a} ${p.b}`) ?? p.label }));
}

/** Halves of the labelled pairs: constants are tuned on `tune` and checked on `test`, so a rule fitted to a pair shows. */
export type PairHalf = "tune" | "test";

/**
 * The half a pair belongs to, by a hash (FNV-1a) of its two ids: fixed for a pair whatever else the file holds.
 * Example: {a: "snn-1", b: "snn-2"} is always in the same half.
 */
export function halfOf(pair: { a: string; b: string }): PairHalf {
  const key = `${pair.a} ${pair.b}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 === 0 ? "tune" : "test";
}

/**
 * The copy rule with `--rule key=value` overrides from the command line (any CopyRule field, as a number).
 * Example: ["--rule", "rewriteMaxHours=24"] -> DEFAULT_COPY_RULE with rewriteMaxHours 24.
 */
export function ruleFromArgs(argv: readonly string[], tool: string): CopyRule {
  const rule: CopyRule = { ...DEFAULT_COPY_RULE };
  argv.forEach((a, i) => {
    if (a !== "--rule") return;
    const [key, value] = (argv[i + 1] ?? "").split("=");
    if (key === undefined || !(key in rule)) throw new Error(`${tool}: unknown rule field ${key}`);
    (rule as unknown as Record<string, number>)[key] = Number(value);
  });
  return rule;
}

/** Counts of a copy decision against "copy" labels. */
export interface CopyCounts {
  tp: number;
  fp: number;
  fn: number;
}

/**
 * tp/fp/fn of `isFound` (the pair was put in one copy group, or judged a copy) against the "copy" labels, over the
 * pairs of one half or all of them. Example: scoreCopies(pairs, "tune", found) -> {tp: 67, fp: 1, fn: 14}.
 */
export function scoreCopies(
  pairs: readonly LabelledPair[],
  half: PairHalf | "all",
  isFound: (p: LabelledPair) => boolean,
): CopyCounts {
  const counts = { tp: 0, fp: 0, fn: 0 };
  for (const p of pairs) {
    if (half !== "all" && halfOf(p) !== half) continue;
    const found = isFound(p);
    const copy = p.label === "copy";
    if (found && copy) counts.tp++;
    else if (found) counts.fp++;
    else if (copy) counts.fn++;
  }
  return counts;
}

export interface GridRow {
  setting: string;
  minJaccard: number;
  minContainment: number;
  precision: number;
  recall: number;
}

/** The corpus profile's measure: 5-word shingles of the surface words, nothing dropped or stripped. */
export const PROFILE_SHINGLES: ShingleOptions = {
  words: 5,
  form: "surface",
  dropStopWords: false,
  dropEditWords: false,
  stripMarks: false,
};

const SETTINGS: readonly ShingleOptions[] = [
  PROFILE_SHINGLES,
  { words: 5, form: "surface", dropStopWords: false, dropEditWords: false, stripMarks: true },
  { words: 3, form: "surface", dropStopWords: false, dropEditWords: false, stripMarks: true },
  { words: 4, form: "stem", dropStopWords: true, dropEditWords: false, stripMarks: true },
  { words: 4, form: "stem", dropStopWords: true, dropEditWords: true, stripMarks: true },
  { words: 3, form: "stem", dropStopWords: true, dropEditWords: true, stripMarks: true },
  { words: 2, form: "stem", dropStopWords: true, dropEditWords: true, stripMarks: true },
];
const JACCARDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8];
const CONTAINMENTS = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9];

export function describeSetting(s: ShingleOptions): string {
  return `${s.words}w-${s.form}${s.dropStopWords ? "-nostop" : ""}${s.dropEditWords ? "-noedit" : ""}${s.stripMarks ? "-strip" : ""}`;
}

/** The best rule per setting: highest recall with precision ≥ `minPrecision`, ties to stricter thresholds. */
export function runCopyRuleGrid(
  pairs: readonly LabelledPair[],
  textOf: (id: string) => string,
  minPrecision: number,
): GridRow[] {
  const rows: GridRow[] = [];
  for (const setting of SETTINGS) {
    const cache = new Map<string, { shingles: Uint32Array; lead: Uint32Array }>();
    const sh = (id: string) => {
      let s = cache.get(id);
      if (s === undefined) {
        const words = toShingleWords(textOf(id), setting);
        s = { shingles: toShingleHashes(words, setting.words), lead: toLeadHashes(words) };
        cache.set(id, s);
      }
      return s;
    };
    const overlaps = pairs.map((p) => ({
      o: compareShingles(sh(p.a).shingles, sh(p.b).shingles),
      leadAgreement: compareShingles(sh(p.a).lead, sh(p.b).lead).containment,
      copy: p.label === "copy",
    }));
    let best: GridRow | null = null;
    for (const minJaccard of JACCARDS) {
      for (const minContainment of CONTAINMENTS) {
        let tp = 0;
        let fp = 0;
        let fn = 0;
        for (const { o, leadAgreement, copy } of overlaps) {
          const hit = isCopy(o, { ...DEFAULT_COPY_RULE, minJaccard, minContainment }, { leadAgreement });
          if (hit && copy) tp++;
          else if (hit) fp++;
          else if (copy) fn++;
        }
        const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
        const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
        if (precision < minPrecision) continue;
        if (best === null || recall > best.recall) {
          best = { setting: describeSetting(setting), minJaccard, minContainment, precision, recall };
        }
      }
    }
    if (best !== null) rows.push(best);
  }
  return rows;
}
