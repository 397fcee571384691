/**
 * Interleaved CPU A/B of the fold alone, as an import runs it (StoryStream.add given each article's analysis, made
 * on another thread): like ab-stream-cost.ts, but each chunk is analyzed once outside the timing and each side gets
 * its own structured clone of the analyses (what a worker's message delivers), so the figures are the fold's and
 * its garbage's, without the text analysis. Also checks both sides placed every article alike. Benchmark helper, not
 * pure (reads the corpus).
 * Run: node --import tsx bench/stories/ab-fold-cost.ts <old recluster.ts, absolute or relative to this file> [rounds]
 *   or, to profile this tree's fold alone (`node --cpu-prof`): ... ab-fold-cost.ts --only-new
 */
import type * as Recluster from "../../src/stages/stories/recluster.ts";
import { analyzeStreamArticle } from "../../src/stages/stories/recluster.ts";
import { loadStream } from "./load-corpus.ts";

/** Articles per chunk: the import's STORY_ANALYSIS_CHUNK_ROWS. */
const CHUNK = 250;
const [oldPath = "../.tmp/base/src/stages/stories/recluster.ts", roundsArg = "1"] = process.argv.slice(2);
const onlyNew = oldPath === "--only-new";
const B = (await import("../../src/stages/stories/recluster.ts")) as typeof Recluster;
const A = onlyNew ? null : ((await import(oldPath)) as typeof Recluster);
const articles = loadStream();
for (let round = 0; round < Number(roundsArg); round++) {
  const sides = [
    ...(A === null
      ? []
      : [{ name: "A", stream: new A.StoryStream(), us: 0, stories: [] as (string | null)[] }]),
    { name: "B", stream: new B.StoryStream(), us: 0, stories: [] as (string | null)[] },
  ];
  for (let i = 0; i < articles.length; i += CHUNK) {
    const chunk = articles.slice(i, i + CHUNK);
    const analyses = chunk.map((a) => analyzeStreamArticle(a));
    // Alternate which side goes first so warm caches favour neither.
    const order = (i / CHUNK) % 2 === 0 ? sides : [...sides].reverse();
    for (const s of order) {
      const own = structuredClone(analyses);
      const t0 = process.cpuUsage();
      for (let j = 0; j < chunk.length; j++) s.stories.push(s.stream.add(chunk[j]!, own[j]).storyId);
      const t = process.cpuUsage(t0);
      s.us += t.user + t.system;
    }
  }
  const b = sides[sides.length - 1]!;
  const a = sides.length > 1 ? sides[0]! : null;
  const heap = `heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`;
  if (a === null) console.log(`round ${round + 1}: B ${(b.us / 1e6).toFixed(2)} s CPU; ${heap}`);
  else {
    const same = a.stories.every((id, i) => id === b.stories[i]);
    console.log(
      `round ${round + 1}: A ${(a.us / 1e6).toFixed(2)} s CPU, B ${(b.us / 1e6).toFixed(2)} s CPU, B/A ${(b.us / a.us).toFixed(3)}; story ids ${same ? "identical" : "DIFFER"}; ${heap}`,
    );
  }
}
