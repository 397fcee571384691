/**
 * What a clusterer setting joins that another keeps apart, on the whole dev corpus: streams it under tuning A and
 * tuning B, counts the article pairs A puts in one story and B does not (and the reverse), and prints a seeded
 * sample of A's joins, each as the B stories it unites (size and headline), for reading. The DEV story sets hold
 * both sides of few such joins, so a looser merge can gain DEV F1 while joining different events across the corpus
 * (testdata/labels/README.md, the place-gated sibling merge). Prints titles to the terminal only. Benchmark
 * helper, not pure (reads the corpus).
 * Run: node --import tsx bench/stories/diff-clusterings.ts '{"mergeMinScore":0.3}' ['{}'] [--sample 30]
 * (A first, B defaults to the shipped tuning; each piece is shown by its earliest article's title.)
 * With `--a-module` / `--b-module <recluster.ts path, relative to this file>` A or B runs another version of the
 * code, e.g. main's unpacked by `git archive main src | tar -x -C bench/.tmp/main` as
 * ../.tmp/main/src/stages/stories/recluster.ts. With `--a-raw-text` / `--b-raw-text` A or B reads the dump's raw text
 * instead of the text import stores: what a text rule at import (plainDisplayText) changes. With `--hide-window
 * 2015-07-24,2015-07-28` (first and last day, UTC; more pairs after them: `...,2015-08-06,2015-08-08`) A's joins holding an article of those days are counted but not
 * shown: the held-out story sets' window, whose errors stay closed.
 */
import type * as Recluster from "../../src/stages/stories/recluster.ts";
import type { ClusterTuning } from "../../src/stages/stories/story-clusterer.ts";
import { lcg } from "../seeded-random.ts";
import { CORPUS_PATH, loadCorpus, timeOf } from "./load-corpus.ts";
import { clusterCorpus } from "./story-spans.ts";

const SEED = 20151129;
const TITLE_CHARS = 80;

const args = process.argv.slice(2);
const sampleAt = args.indexOf("--sample");
const sampleSize = sampleAt >= 0 ? Number(args[sampleAt + 1]) : 30;
const aModuleAt = args.indexOf("--a-module");
const bModuleAt = args.indexOf("--b-module");
const hideAt = args.indexOf("--hide-window");
/** Hidden windows as [from, to) ms: first and last day of each, pairs in one comma list (both held-out windows). */
const hidden: [number, number][] = [];
if (hideAt >= 0) {
  const days = args[hideAt + 1]!.split(",");
  for (let i = 0; i + 1 < days.length; i += 2)
    hidden.push([Date.parse(`${days[i]}T00:00:00Z`), Date.parse(`${days[i + 1]}T00:00:00Z`) + 86_400_000]);
}
const aModule = aModuleAt >= 0 ? args[aModuleAt + 1] : undefined;
const bModule = bModuleAt >= 0 ? args[bModuleAt + 1] : undefined;
// The flags' values: an absent flag (index -1) must not take the first argument with it.
const flagValues = new Set([sampleAt, aModuleAt, bModuleAt, hideAt].filter((i) => i >= 0).map((i) => i + 1));
const tunings = args.filter((a, i) => a.startsWith("{") && !flagValues.has(i));
const tuningA = JSON.parse(tunings[0] ?? "{}") as Partial<ClusterTuning>;
const tuningB = JSON.parse(tunings[1] ?? "{}") as Partial<ClusterTuning>;

const corpus = loadCorpus();
const rawCorpus = args.some((a) => a.endsWith("-raw-text")) ? loadCorpus(CORPUS_PATH, "raw") : corpus;
const corpusA = args.includes("--a-raw-text") ? rawCorpus : corpus;
const corpusB = args.includes("--b-raw-text") ? rawCorpus : corpus;
const titleOf = new Map(corpus.map((a) => [a.id, a.title]));
const timeOfId = new Map(corpus.map((a) => [a.id, timeOf(a)]));
/** The piece's earliest article (its headline as a reader first saw it). */
const earliest = (ids: readonly string[]) =>
  ids.reduce((p, q) =>
    timeOfId.get(q)! < timeOfId.get(p)! || (timeOfId.get(q) === timeOfId.get(p) && q < p) ? q : p,
  );
/** Clusters the corpus with the code at `modulePath` (a recluster.ts), or this checkout's. */
const clusterWith = async (
  articles: typeof corpus,
  tuning: Partial<ClusterTuning>,
  modulePath: string | undefined,
) =>
  modulePath === undefined
    ? clusterCorpus(articles, tuning)
    : clusterCorpus(articles, tuning, (await import(modulePath)) as typeof Recluster);
const a = await clusterWith(corpusA, tuningA, aModule);
const b = await clusterWith(corpusB, tuningB, bModule);

/** For each story of `x`, its articles grouped by their story in `y`. */
function piecesOf(x: typeof a, y: typeof a): { story: string; pieces: Map<string, string[]> }[] {
  const byStory = new Map<string, Map<string, string[]>>();
  for (const id of titleOf.keys()) {
    const sx = x.log.storyOf(id);
    const sy = y.log.storyOf(id);
    if (sx === undefined || sy === undefined) continue;
    let pieces = byStory.get(sx);
    if (pieces === undefined) {
      pieces = new Map();
      byStory.set(sx, pieces);
    }
    pieces.set(sy, [...(pieces.get(sy) ?? []), id]);
  }
  return [...byStory].map(([story, pieces]) => ({ story, pieces }));
}

/** Article pairs one story of `x` holds across different stories of `y`. */
function crossPairs(joins: { pieces: Map<string, string[]> }[]): number {
  let n = 0;
  for (const { pieces } of joins) {
    let total = 0;
    let within = 0;
    for (const ids of pieces.values()) {
      total += ids.length;
      within += (ids.length * (ids.length - 1)) / 2;
    }
    n += (total * (total - 1)) / 2 - within;
  }
  return n;
}

const joinsA = piecesOf(a, b).filter((s) => s.pieces.size > 1);
const joinsB = piecesOf(b, a).filter((s) => s.pieces.size > 1);
console.log(
  `A ${JSON.stringify(tuningA)}${aModule ? ` (${aModule})` : ""} vs B ${JSON.stringify(tuningB)}${bModule ? ` (${bModule})` : ""}`,
);
console.log(
  `A joins what B keeps apart: ${joinsA.length} stories, ${crossPairs(joinsA)} article pairs; B joins what A keeps apart: ${joinsB.length} stories, ${crossPairs(joinsB)} article pairs`,
);
const inHidden = (s: { pieces: Map<string, string[]> }) =>
  [...s.pieces.values()].some((ids) =>
    ids.some((id) => hidden.some(([from, to]) => timeOfId.get(id)! >= from && timeOfId.get(id)! < to)),
  );
const shown = joinsA.filter((s) => !inHidden(s));
if (hideAt >= 0)
  console.log(
    `A's joins holding an article of ${args[hideAt + 1]} (counted, not shown): ${joinsA.length - shown.length} stories; B's: ${joinsB.filter(inHidden).length}`,
  );
const random = lcg(SEED);
const sample = [...shown].sort((x, y) => (x.story < y.story ? -1 : 1));
for (let i = 0; i < Math.min(sampleSize, sample.length); i++) {
  const j = i + Math.floor(random() * (sample.length - i));
  [sample[i], sample[j]] = [sample[j]!, sample[i]!];
  const { story, pieces } = sample[i]!;
  console.log(`--- A story ${story} joins ${pieces.size} B stories`);
  for (const ids of [...pieces.values()].sort((x, y) => y.length - x.length)) {
    console.log(`  ${String(ids.length).padStart(3)} | ${titleOf.get(earliest(ids))!.slice(0, TITLE_CHARS)}`);
  }
}
