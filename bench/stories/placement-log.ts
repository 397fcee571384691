/**
 * Writes the full placement log of the dev corpus (every StoryStream.add result, then every article's final story,
 * group and original, then all stories) so two versions of the dedupe and story stages can be compared with `cmp`.
 * Benchmark helper, not pure (reads the corpus, writes a file). Old code goes in via `git archive` into bench/.tmp.
 * Run: node --import tsx bench/stories/placement-log.ts <recluster.ts module path> <out file>
 *   e.g. ../../src/stages/stories/recluster.ts bench/.tmp/placements.new.txt (module path relative to this file)
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import type * as Recluster from "../../src/stages/stories/recluster.ts";
import { loadStream } from "./load-corpus.ts";

const [modulePath = "../../src/stages/stories/recluster.ts", outPath = "bench/.tmp/placements.txt"] =
  process.argv.slice(2);
const { StoryStream, PlacementLog } = (await import(modulePath)) as typeof Recluster;
const articles = loadStream();
const closed: unknown[] = [];
const stream = new StoryStream({ onStoryClosed: (s) => closed.push(s) });
const log = new PlacementLog();
const lines: string[] = [];
const digest = (u: Uint32Array) =>
  createHash("sha1")
    .update(Buffer.from(u.buffer, u.byteOffset, u.byteLength))
    .digest("hex")
    .slice(0, 16);
for (const a of articles) {
  const p = stream.add(a);
  log.record(p);
  lines.push(
    JSON.stringify({
      ...p,
      shingles: `${p.shingles.length}:${digest(p.shingles)}`,
      signature: digest(p.signature),
    }),
  );
}
for (const a of articles)
  lines.push(`${a.id} ${log.storyOf(a.id)} ${log.groupOf(a.id)} ${log.duplicateOf(a.id)}`);
const stories = [...closed, ...stream.clusterer.listStories()];
const plain = (_key: string, v: unknown) =>
  v instanceof Map || v instanceof Set ? [...v] : ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v;
lines.push(JSON.stringify(stories, plain));
writeFileSync(outPath, lines.join("\n"));
console.log(
  `${articles.length} articles, ${stories.length} stories, ${stream.nearDuplicates.verifiedCount} candidates verified -> ${outPath}`,
);
