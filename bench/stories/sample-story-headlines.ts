/**
 * Draws the stories of testdata/labels/story-headlines.jsonl and prints their member titles for labelling, each
 * story's distinct titles in random order, so no rule's pick is visible: the 10 stories with most originals, 50 more
 * with probability by the square root of their originals, then 30 at random among those with 8+ originals not drawn
 * yet (all among the stories with 3+ originals of a whole-corpus recluster at commit 6a0f88c). With --copies it prints
 * instead the titles of the drawn stories' copies that no original carries. Benchmark helper, not pure (reads the
 * corpus).
 * Run: node --import tsx bench/stories/sample-story-headlines.ts [--copies] > bench/.tmp/headline-sample.txt
 */

import { recluster } from "../../src/stages/stories/recluster.ts";
import { seededRandom } from "../seeded-random.ts";
import { loadStream } from "./load-corpus.ts";

/** Seeds of the two draws (the second added to give the halves more stories that tell rules apart). */
const SEED_WEIGHTED = 20261130;
const SEED_LARGE = 20261201;
const SEED_COPIES = 7;

const articles = loadStream();
const titleOf = new Map(articles.map((a) => [a.id, a.title]));
const { duplicateOf, stories } = recluster(articles);
const drawable = stories
  .map((s) => ({
    id: s.id,
    members: s.articleIds,
    originals: s.articleIds.filter((id) => duplicateOf.get(id) === null),
  }))
  .filter((s) => s.originals.length >= 3)
  .sort((a, b) => b.originals.length - a.originals.length || (a.id < b.id ? -1 : 1));

const picked = drawable.slice(0, 10);
const rest = drawable.slice(10);
const weighted = seededRandom(SEED_WEIGHTED);
while (picked.length < 60) {
  const w = rest.map((s) => Math.sqrt(s.originals.length));
  let x = weighted() * w.reduce((a, b) => a + b, 0);
  let i = 0;
  while (x >= w[i]!) x -= w[i++]!;
  picked.push(rest.splice(i, 1)[0]!);
}
const large = rest.filter((s) => s.originals.length >= 8);
const uniform = seededRandom(SEED_LARGE);
for (let n = 0; n < 30 && large.length > 0; n++)
  picked.push(large.splice(Math.floor(uniform() * large.length), 1)[0]!);

/** Fisher-Yates with `rnd`. */
function shuffled<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const copies = process.argv.includes("--copies");
// Each draw shuffles with its own generator, continued from the draw, as the labelled listing was printed.
const copyRnd = seededRandom(SEED_COPIES);
for (const [n, s] of picked.entries()) {
  const originalTitles = new Set(s.originals.map((id) => titleOf.get(id)!));
  if (copies) {
    const own = [...new Set(s.members.map((id) => titleOf.get(id)!).filter((t) => !originalTitles.has(t)))];
    if (own.length > 0)
      console.log(
        `\n=== S${n + 1} copies\n${shuffled(own, copyRnd)
          .map((t, i) => `${i + 1}. ${t}`)
          .join("\n")}`,
      );
  } else {
    const titles = shuffled([...originalTitles], n < 60 ? weighted : uniform);
    console.log(
      `\n=== S${n + 1} originals ${s.originals.length}\n${titles.map((t, i) => `${i + 1}. ${t}`).join("\n")}`,
    );
  }
}
