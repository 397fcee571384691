/**
 * Whether each story's originalCount (story-clusterer.ts describe) agrees with a recount of its members from the copy
 * groups as they end (PlacementLog.duplicateOf: what the stores count), over the whole dev corpus. A disagreeing story
 * is counted by where it goes wrong: the clusterer read members otherwise than the copy groups did when they were
 * placed (a copy found by the rewrite test only is placed as an original), or members' copy status changed after they
 * were placed (a later article became their group's original, or their group merged into another).
 * Benchmark helper, not pure (reads the corpus). Run: node --import tsx bench/stories/original-counts.ts [--list]
 * (--list: each disagreeing story's id, both counts and its members' copy status when placed and at the end)
 */
import { PlacementLog, StoryStream } from "../../src/stages/stories/recluster.ts";
import type { Story } from "../../src/stages/stories/story-clusterer.ts";
import { loadStream } from "./load-corpus.ts";

/** The stories sample-story-headlines.ts draws from: 3+ originals. */
const MIN_ORIGINALS = 3;

const stories: Story[] = [];
const stream = new StoryStream({ onStoryClosed: (s) => stories.push(s) });
const log = new PlacementLog();
const placedAsCopy = new Map<string, boolean>();
for (const a of loadStream()) {
  const p = stream.add(a);
  log.record(p);
  placedAsCopy.set(a.id, p.duplicateOf !== null);
}
stories.push(...stream.clusterer.listStories());

let off = 0;
let offLarge = 0;
let large = 0;
/** Of the disagreeing stories: the clusterer's count differs from the members' status when placed (copies the
 * clusterer read as originals: found by the rewrite test only); the status when placed differs from the final one. */
let offAtPlacement = 0;
let changedLater = 0;
for (const s of stories) {
  const recount = s.articleIds.filter((id) => log.duplicateOf(id) === null).length;
  const whenPlaced = s.articleIds.filter((id) => !placedAsCopy.get(id)).length;
  if (recount >= MIN_ORIGINALS) large++;
  if (recount === s.originalCount) continue;
  off++;
  if (recount >= MIN_ORIGINALS) offLarge++;
  if (whenPlaced !== s.originalCount) offAtPlacement++;
  if (whenPlaced !== recount) changedLater++;
  if (process.argv.includes("--list")) {
    const status = s.articleIds.map(
      (id) => `${id}:${placedAsCopy.get(id) ? "c" : "o"}>${log.duplicateOf(id) ?? "o"}`,
    );
    console.log(`${s.id} counted ${s.originalCount} recount ${recount} ${status.join(" ")}`);
  }
}
console.log(
  JSON.stringify({
    stories: stories.length,
    storiesOff: off,
    storiesWith3PlusOriginals: large,
    storiesWith3PlusOriginalsOff: offLarge,
    offAtPlacement,
    changedLater,
  }),
);
