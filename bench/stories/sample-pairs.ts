/**
 * Draws the candidate pairs labelled in testdata/labels/pairs.jsonl: pairs sharing sampled shingles, stratified
 * by 5-word surface Jaccard, plus same-headline-words hard negatives (frames in pair-frames.ts). Prints ids and
 * measures only (no text). The draw itself ran at commit 0dc1533 on the raw dump; today's text and shingling give a
 * slightly different frame and so another draw (copy-population.ts measures the difference). Not pure.
 * Run: node --import tsx bench/stories/sample-pairs.ts > /tmp/pair-candidates.jsonl
 */
import { compareShingles } from "../../src/stages/dedupe/compare-shingles.ts";
import { shingleText } from "../../src/stages/dedupe/shingle-text.ts";
import { seededRandom as rng } from "../seeded-random.ts";
import { PROFILE_SHINGLES } from "./copy-rule-grid.ts";
import { loadCorpus } from "./load-corpus.ts";
import {
  candidatePairs,
  HARD_NEGATIVE_MAX_GAP,
  HARD_NEGATIVE_MAX_J5,
  HARD_NEGATIVE_MIN_TITLE_STEMS,
  HARD_NEGATIVE_STRATUM,
  HARD_NEGATIVES,
  LOOSE_SHINGLES,
  STRATA,
  sharedKeys,
  stratumOf,
  titleKeysOf,
} from "./pair-frames.ts";

const SEED = 20150721;

const docs = loadCorpus().filter((a) => a.text.length > 0);
const surface = docs.map((a) => shingleText(a.text, PROFILE_SHINGLES));
const pairs = candidatePairs(docs.map((a) => shingleText(a.text, LOOSE_SHINGLES)));
const rand = rng(SEED);
const byStratum: [number, number, number][][] = STRATA.map(() => []);
for (const [a, b] of pairs) {
  const j = compareShingles(surface[a]!, surface[b]!).jaccard;
  const s = stratumOf(j);
  if (s >= 0 && docs[a]!.text !== docs[b]!.text) byStratum[s]!.push([a, b, j]);
}
const out: { a: string; b: string; stratum: string }[] = [];
for (let s = 0; s < STRATA.length; s++) {
  const list = byStratum[s]!;
  for (let i = list.length - 1; i > 0; i--) {
    const k = Math.floor(rand() * (i + 1));
    [list[i], list[k]] = [list[k]!, list[i]!];
  }
  for (const [a, b] of list.slice(0, STRATA[s]!.drawn)) {
    out.push({ a: docs[a]!.id, b: docs[b]!.id, stratum: STRATA[s]!.name });
  }
}
// Hard negatives: different texts whose titles share at least 3 content stems.
const titleKeys = docs.map((d) => titleKeysOf(d.title));
let hard = 0;
for (let tries = 0; hard < HARD_NEGATIVES && tries < 2_000_000; tries++) {
  const a = Math.floor(rand() * docs.length);
  const b = a + 1 + Math.floor(rand() * HARD_NEGATIVE_MAX_GAP);
  if (b >= docs.length) continue;
  if (sharedKeys(titleKeys[a]!, titleKeys[b]!) < HARD_NEGATIVE_MIN_TITLE_STEMS) continue;
  if (compareShingles(surface[a]!, surface[b]!).jaccard >= HARD_NEGATIVE_MAX_J5) continue;
  out.push({ a: docs[a]!.id, b: docs[b]!.id, stratum: HARD_NEGATIVE_STRATUM });
  hard++;
}
for (const p of out) console.log(JSON.stringify(p));
console.error(
  `candidate pairs ${pairs.length}, strata ${byStratum.map((l) => l.length).join("/")}, out ${out.length}`,
);
