/**
 * Review repro: folds the stored articles of /tmp/review-x/late-once.db once (StoryStream), and again from a fresh
 * stream restored from the one fold's carry-over at `--snap` (time ms of an article) fed the articles after it;
 * prints where the two first decide an article's story differently, and whether the carry-over at the end agrees.
 * Run: node --import tsx bench/stories/review-snapshot-exact.ts <snapIso> <untilIso>
 */
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { StoryStream } from "../../src/stages/stories/recluster.ts";

const snapMs = Date.parse(process.argv[2]!);
const untilMs = Date.parse(process.argv[3]!);
const s = await openSqliteStorage("/tmp/review-x/late-once.db");
const rows = (await s.stories.listStreamRowsSince(0)).filter((r) => r.timeMs <= untilMs);
await s.close();
const one = new StoryStream();
let two: StoryStream | null = null;
const partOne = new Map<string, string | null>();
const partTwo = new Map<string, string | null>();
let diffs = 0;
for (const r of rows) {
  if (two === null && r.timeMs >= snapMs) {
    two = new StoryStream();
    two.restore(JSON.parse(JSON.stringify(one.carryOver())));
  }
  const p1 = one.add(r);
  partOne.set(r.id, p1.storyId);
  if (two !== null) {
    const p2 = two.add(r);
    partTwo.set(r.id, p2.storyId);
    // Compare decisions as partitions: the one fold's story of the article vs the restored one's, by co-members.
    const co1 = [...partTwo.keys()]
      .filter((id) => one.clusterer.storyOf(id) === one.clusterer.storyOf(r.id))
      .sort()
      .join();
    const co2 = [...partTwo.keys()]
      .filter((id) => two!.clusterer.storyOf(id) === two!.clusterer.storyOf(r.id))
      .sort()
      .join();
    if (co1 !== co2 && diffs++ < 5)
      console.log("differs at", r.id, new Date(r.timeMs).toISOString(), r.title.slice(0, 50));
  }
}
console.log("articles after the snapshot:", partTwo.size, "placement differences:", diffs);
console.log(
  "carry-over equal at the end:",
  JSON.stringify(one.carryOver()) === JSON.stringify(two!.carryOver()),
);
