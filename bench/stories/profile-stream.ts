/**
 * Profiling helper for the stories stages: streams the dev corpus (optionally replayed with shifted dates)
 * through StoryStream and prints per-phase cost per 10k articles, for `node --cpu-prof`. Not pure (reads files).
 * Run: node --import tsx bench/stories/profile-stream.ts [replays]
 */
import { StoryStream, type StreamArticle } from "../../src/stages/stories/recluster.ts";
import { loadStream } from "./load-corpus.ts";

const replays = Number(process.argv[2] ?? "1");
const base: StreamArticle[] = loadStream();
const stream = new StoryStream();
let n = 0;
let last = { dedupeMs: 0, clusterMs: 0 };
for (let r = 0; r < replays; r++) {
  const shift = r * 30 * 86_400_000;
  for (const a of base) {
    stream.add(r === 0 ? a : { ...a, id: `${a.id}~${r}`, timeMs: a.timeMs + shift });
    if (++n % 10_000 === 0) {
      const t = stream.timings;
      console.log(
        `${n}: dedupe ${(((t.dedupeMs - last.dedupeMs) * 1000) / 10_000).toFixed(0)} µs, cluster ${(((t.clusterMs - last.clusterMs) * 1000) / 10_000).toFixed(0)} µs, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`,
      );
      last = { ...t };
    }
  }
}
