/**
 * Tunes the clusterer on DEV labels only: the story sets stories-dev.jsonl (2015-07-22..23), stories-dev2.jsonl
 * (08-02..04), stories-dev3.jsonl (08-09..11, drawn like the held-out set), stories-dev4.jsonl (07-31..08-01,
 * multi-day events), stories-dev5.jsonl (07-21, the corpus's first day, events begun before it) and stories-dev6.jsonl
 * (07-31..08-02, drawn like the held-out stories-heldout2.jsonl among articles no other DEV set holds), and the `tune` halves of the long-range
 * pairs (long-range-pairs.jsonl) and of the story purity pairs (story-purity.jsonl; each `test` half is printed for the
 * record, never chosen on). Streams the whole corpus per setting, since chaining shows over weeks; never
 * reads the held-out stories.jsonl. Benchmark helper, not pure (reads files).
 * Run: node --import tsx bench/stories/tune-clustering.ts
 */
import { scoreClustering } from "../../src/stages/stories/pairwise-scores.ts";
import type { ClusterTuning } from "../../src/stages/stories/story-clusterer.ts";
import { loadCorpus, readStoryLabels } from "./load-corpus.ts";
import { formatPurity, readPurityPairs, scorePurity } from "./story-purity.ts";
import { clusterCorpus, readLongRangePairs, scoreLongRange, spanTable } from "./story-spans.ts";

const devSets = [
  { name: "dev", gold: readStoryLabels("stories-dev.jsonl") },
  { name: "dev2", gold: readStoryLabels("stories-dev2.jsonl") },
  { name: "dev3", gold: readStoryLabels("stories-dev3.jsonl") },
  { name: "dev4", gold: readStoryLabels("stories-dev4.jsonl") },
  { name: "dev5", gold: readStoryLabels("stories-dev5.jsonl") },
  { name: "dev6", gold: readStoryLabels("stories-dev6.jsonl") },
];
/** Means over the first sets too, so a figure reads against those printed before DEV5 and DEV6 were added. */
const EARLIER_MEANS = [5, 4];
const pairs = readLongRangePairs();
const purityPairs = readPurityPairs();
const corpus = loadCorpus();
const fmt = (x: number) => x.toFixed(3);
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Settings to compare, as JSON on the command line (one per argument), else the shipped defaults. */
const settings: Partial<ClusterTuning>[] =
  process.argv.length > 2 ? process.argv.slice(2).map((a) => JSON.parse(a) as Partial<ClusterTuning>) : [{}];
for (const tuning of settings) {
  const { stories, log, cpuUsPerArticle } = clusterCorpus(corpus, tuning);
  const parts: string[] = [];
  const f1s: number[] = [];
  for (const set of devSets) {
    const x = scoreClustering(
      set.gold,
      new Map([...set.gold.keys()].map((id) => [id, log.storyOf(id) ?? id])),
    );
    f1s.push(x.f1);
    parts.push(`${set.name} P ${fmt(x.precision)} R ${fmt(x.recall)} F1 ${fmt(x.f1)}`);
  }
  // All sets as one (story names prefixed): pairs weigh by story size, as on the held-out set.
  const pooledGold = new Map(
    devSets.flatMap((set) => [...set.gold].map(([id, st]) => [id, `${set.name}/${st}`] as const)),
  );
  const pooled = scoreClustering(
    pooledGold,
    new Map([...pooledGold.keys()].map((id) => [id, log.storyOf(id) ?? id])),
  );
  parts.push(`pooled P ${fmt(pooled.precision)} R ${fmt(pooled.recall)} F1 ${fmt(pooled.f1)}`);
  const lr = scoreLongRange(pairs, (id) => log.storyOf(id));
  for (const half of ["tune", "test"]) {
    const r = lr[half];
    if (r === undefined) continue;
    parts.push(
      `long-range ${half}: chaining P ${fmt(r.sameTogether / Math.max(1, r.together))} kept ${r.sameTogether}/${r.same} wrong ${r.together - r.sameTogether}/${r.n - r.same}`,
    );
  }
  parts.push(...formatPurity(scorePurity(purityPairs, (id) => log.storyOf(id))));
  console.log(
    `${JSON.stringify(tuning)} mean dev F1 ${fmt(meanOf(f1s))} (${EARLIER_MEANS.map((n) => `${n} sets ${fmt(meanOf(f1s.slice(0, n)))}`).join(", ")}) | ${parts.join(" | ")} | ${cpuUsPerArticle.toFixed(0)} µs CPU/article`,
  );
  console.log(`  spans: ${spanTable(stories).join(" | ")}`);
}
