/**
 * Interleaved CPU A/B of the clusterer alone: two StoryClusterers (A: the given tuning, B: the shipped defaults)
 * take the dev corpus in alternating chunks, each chunk's process CPU time charged to its side, so machine load
 * falls on both alike. Terms and each article's copy relation (`duplicateOf` at arrival, from one dedupe + stories
 * fold) are computed once, outside the timing, so the copy rule is exercised. Benchmark helper, not pure (reads the
 * corpus).
 * Run: node --import tsx bench/stories/ab-cluster-cost.ts '{"ageGraceHours":1e9,"mergeMaxStartGapHours":1e9}'
 */

import { toHeadlineOrdinals } from "../../src/stages/entities/headline-ordinals.ts";
import { toHeadlineSubjects } from "../../src/stages/stories/headline-subjects.ts";
import { StoryStream } from "../../src/stages/stories/recluster.ts";
import {
  type ClusterInput,
  type ClusterTuning,
  StoryClusterer,
} from "../../src/stages/stories/story-clusterer.ts";
import { toStoryTerms } from "../../src/stages/stories/story-vector.ts";
import { loadCorpus, timeOf, toStream } from "./load-corpus.ts";

const CHUNK = 250;
const tuningA = JSON.parse(process.argv[2] ?? "{}") as Partial<ClusterTuning>;
const corpus = loadCorpus();
const copyOf = new Map<string, string | null>();
const fold = new StoryStream();
for (const a of toStream(corpus)) copyOf.set(a.id, fold.add(a).duplicateOf);
const inputs: ClusterInput[] = corpus
  .map((a) => ({
    id: a.id,
    sourceId: a.source,
    title: a.title,
    timeMs: timeOf(a),
    terms: toStoryTerms(a.title, a.text),
    subjects: toHeadlineSubjects(a.title),
    ordinals: toHeadlineOrdinals(a.title),
    duplicateOf: copyOf.get(a.id) ?? null,
  }))
  .sort((x, y) => x.timeMs - y.timeMs || (x.id < y.id ? -1 : 1));
const sides = [
  { name: "A", c: new StoryClusterer({ tuning: tuningA }), us: 0 },
  { name: "B (defaults)", c: new StoryClusterer(), us: 0 },
];
for (let i = 0; i < inputs.length; i += CHUNK) {
  const chunk = inputs.slice(i, i + CHUNK);
  // Alternate which side goes first so warm caches favour neither.
  const order = (i / CHUNK) % 2 === 0 ? sides : [...sides].reverse();
  for (const s of order) {
    const t0 = process.cpuUsage();
    for (const a of chunk) s.c.add(a);
    const t = process.cpuUsage(t0);
    s.us += t.user + t.system;
  }
}
for (const s of sides) console.log(`${s.name}: ${(s.us / inputs.length).toFixed(1)} µs CPU/article`);
console.log(
  `B/A: ${(sides[1]!.us / sides[0]!.us).toFixed(3)} (${inputs.length} articles, ${JSON.stringify(tuningA)} as A)`,
);
