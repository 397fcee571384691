/**
 * Interleaved CPU A/B of the whole dedupe + story fold (StoryStream.add): two versions of recluster.ts (A: a copy
 * of older code, e.g. from `git archive` into bench/.tmp; B: this tree) take the dev corpus in alternating chunks,
 * each chunk's process CPU time charged to its side, so machine load falls on both alike. Also checks that both
 * sides placed every article alike. Benchmark helper, not pure (reads the corpus).
 * Run: node --import tsx bench/stories/ab-stream-cost.ts ../.tmp/base/src/stages/stories/recluster.ts [rounds]
 *   (module path relative to this file)
 */
import type * as Recluster from "../../src/stages/stories/recluster.ts";
import { loadStream } from "./load-corpus.ts";

const CHUNK = 250;
const [oldPath = "../.tmp/base/src/stages/stories/recluster.ts", roundsArg = "1"] = process.argv.slice(2);
const A = (await import(oldPath)) as typeof Recluster;
const B = (await import("../../src/stages/stories/recluster.ts")) as typeof Recluster;
const articles = loadStream();
for (let round = 0; round < Number(roundsArg); round++) {
  const sides = [
    { name: "A (old)", stream: new A.StoryStream(), us: 0, stories: [] as (string | null)[] },
    { name: "B (new)", stream: new B.StoryStream(), us: 0, stories: [] as (string | null)[] },
  ];
  for (let i = 0; i < articles.length; i += CHUNK) {
    const chunk = articles.slice(i, i + CHUNK);
    // Alternate which side goes first so warm caches favour neither.
    const order = (i / CHUNK) % 2 === 0 ? sides : [...sides].reverse();
    for (const s of order) {
      const t0 = process.cpuUsage();
      for (const a of chunk) s.stories.push(s.stream.add(a).storyId);
      const t = process.cpuUsage(t0);
      s.us += t.user + t.system;
    }
  }
  const [a, b] = sides as [(typeof sides)[0], (typeof sides)[0]];
  const same = a.stories.every((id, i) => id === b.stories[i]);
  console.log(
    `round ${round + 1}: A ${(a.us / 1e6).toFixed(2)} s CPU, B ${(b.us / 1e6).toFixed(2)} s CPU, B/A ${(b.us / a.us).toFixed(3)}; story ids ${same ? "identical" : "DIFFER"}`,
  );
}
