/**
 * Chooses shingling and the copy rule on the labelled pairs: for each shingle setting, the (Jaccard, containment)
 * thresholds with the best recall at precision 1.0 on "copy" vs the rest. Benchmark helper, pure over its input.
 */
import { compareShingles, isCopy } from "../../src/stages/dedupe/compare-shingles.ts";
import { type ShingleOptions, shingleText } from "../../src/stages/dedupe/shingle-text.ts";

export interface LabelledPair {
  a: string;
  b: string;
  label: "copy" | "same_story" | "different";
}

export interface GridRow {
  setting: string;
  minJaccard: number;
  minContainment: number;
  precision: number;
  recall: number;
}

const SETTINGS: readonly ShingleOptions[] = [
  { words: 5, form: "surface", dropStopWords: false, stripMarks: false },
  { words: 5, form: "surface", dropStopWords: false, stripMarks: true },
  { words: 3, form: "surface", dropStopWords: false, stripMarks: true },
  { words: 4, form: "stem", dropStopWords: true, stripMarks: true },
  { words: 3, form: "stem", dropStopWords: true, stripMarks: true },
  { words: 2, form: "stem", dropStopWords: true, stripMarks: true },
];
const JACCARDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8];
const CONTAINMENTS = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9];

export function describeSetting(s: ShingleOptions): string {
  return `${s.words}w-${s.form}${s.dropStopWords ? "-nostop" : ""}${s.stripMarks ? "-strip" : ""}`;
}

/** The best rule per setting: highest recall with precision ≥ `minPrecision`, ties to stricter thresholds. */
export function runCopyRuleGrid(
  pairs: readonly LabelledPair[],
  textOf: (id: string) => string,
  minPrecision: number,
): GridRow[] {
  const rows: GridRow[] = [];
  for (const setting of SETTINGS) {
    const cache = new Map<string, Uint32Array>();
    const sh = (id: string) => {
      let s = cache.get(id);
      if (s === undefined) {
        s = shingleText(textOf(id), setting);
        cache.set(id, s);
      }
      return s;
    };
    const overlaps = pairs.map((p) => ({ o: compareShingles(sh(p.a), sh(p.b)), copy: p.label === "copy" }));
    let best: GridRow | null = null;
    for (const minJaccard of JACCARDS) {
      for (const minContainment of CONTAINMENTS) {
        let tp = 0;
        let fp = 0;
        let fn = 0;
        for (const { o, copy } of overlaps) {
          const hit = isCopy(o, { minJaccard, minContainment, containmentMinShingles: 12 });
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
