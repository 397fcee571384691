/**
 * Tunes the clusterer's join and merge thresholds on the DEV story labels (testdata/labels/stories-dev.jsonl,
 * 2015-07-22..23), never on the held-out stories.jsonl. Streams 2015-07-21..07-25 only, so a grid runs in
 * minutes. Benchmark helper, not pure (reads files). Run: node --import tsx bench/stories/tune-clustering.ts
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scoreClustering } from "../../src/stages/stories/pairwise-scores.ts";
import { compareStreamOrder, PlacementLog, StoryStream } from "../../src/stages/stories/recluster.ts";
import type { ClusterTuning } from "../../src/stages/stories/story-clusterer.ts";
import { loadCorpus, timeOf } from "./load-corpus.ts";

const gold = new Map(
  readFileSync(join(process.cwd(), "testdata", "labels", "stories-dev.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; story: string })
    .map((r) => [r.id, r.story] as const),
);
const articles = loadCorpus()
  .filter((a) => a.date >= "2015-07-21" && a.date < "2015-07-26")
  .map((a) => ({
    id: a.id,
    sourceId: a.source,
    citedSource: null,
    title: a.title,
    text: a.text,
    timeMs: timeOf(a),
  }))
  .sort(compareStreamOrder);

function run(tuning: Partial<ClusterTuning>) {
  const stream = new StoryStream({ tuning });
  const log = new PlacementLog();
  for (const a of articles) log.record(stream.add(a));
  return scoreClustering(gold, new Map([...gold.keys()].map((id) => [id, log.storyOf(id) ?? id])));
}

const rows: { t: Partial<ClusterTuning>; f1: number; line: string }[] = [];
for (const joinMinScore of [0.3, 0.35, 0.4, 0.5])
  for (const titleKeyWeight of [0.3])
    for (const timeSigmaHours of [48])
      for (const mergeMinCosine of [0.55, 0.7]) {
        const t = {
          joinMinScore,
          titleKeyWeight,
          cosineWeight: 1 - titleKeyWeight,
          timeSigmaHours,
          mergeMinCosine,
        };
        const x = run(t);
        const line = `${JSON.stringify(t)} P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)} F1 ${x.f1.toFixed(3)} B3 ${x.bcubedF1.toFixed(3)} clusters ${x.predictedClusters}/${x.goldClusters}`;
        console.log(line);
        rows.push({ t, f1: x.f1, line });
      }
rows.sort((a, b) => b.f1 - a.f1);
console.log(`best: ${rows[0]?.line}`);
