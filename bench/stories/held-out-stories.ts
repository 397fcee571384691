/**
 * The held-out story-label sets and how bench:stories scores one: the clusterer's placements against hand labels,
 * beside a brute-force TF-IDF nearest-neighbour peer run on the days around the set. Benchmark helper, not pure
 * (prints).
 */
import { scoreClustering } from "../../src/stages/stories/pairwise-scores.ts";
import type { StreamArticle } from "../../src/stages/stories/recluster.ts";
import {
  cosine,
  type SparseVector,
  TermStats,
  toSparseVector,
  toStoryTerms,
} from "../../src/stages/stories/story-vector.ts";

export interface HeldOutStorySet {
  /** Printed in the block's heading; empty for the first set, whose heading predates the second. */
  name: string;
  /** testdata/labels/<file>, one {id, story} a line. */
  file: string;
  /** The peer's window (crawl time, UTC): the set's days and the corpus day before them, so an article's earlier
   * copies and reports are there to join, as the clusterer's window has them. */
  peerFrom: string;
  peerTo: string;
}

/** Each set is labelled in a window no DEV set uses (testdata/labels/README.md says how each was drawn). */
export const HELD_OUT_STORY_SETS: readonly HeldOutStorySet[] = [
  { name: "", file: "stories.jsonl", peerFrom: "2015-08-04T00:00:00Z", peerTo: "2015-08-08T00:00:00Z" },
  {
    name: "held-out 2, 2015-07-25..27",
    file: "stories-heldout2.jsonl",
    peerFrom: "2015-07-24T00:00:00Z",
    peerTo: "2015-07-28T00:00:00Z",
  },
];

/** Cosine at or above which the peer joins an article to its nearest earlier one (the value bench:stories has always
 * run the peer at; one peer setting for every set so their figures compare). */
export const PEER_MIN_COSINE = 0.3;

const fmt = (x: number, d = 3) => x.toFixed(d);

/**
 * Prints one set's block: pairwise P/R/F1, B-cubed F1 and cluster counts of the clusterer (`storyOf`: an article's
 * story, or undefined when it was not placed) and of the peer, then the ratios. `usPerArticle` is the clusterer's cost.
 */
export function printStorySetScores(
  set: HeldOutStorySet,
  gold: ReadonlyMap<string, string>,
  storyOf: (id: string) => string | undefined,
  stream: readonly StreamArticle[],
  usPerArticle: number,
): void {
  const ourScores = scoreClustering(gold, new Map([...gold.keys()].map((id) => [id, storyOf(id) ?? id])));
  const from = Date.parse(set.peerFrom);
  const to = Date.parse(set.peerTo);
  const window = stream.filter((a) => a.timeMs >= from && a.timeMs < to);
  const peer = runNearestNeighbourPeer(window, PEER_MIN_COSINE);
  const peerScores = scoreClustering(gold, peer.storyOf);
  const about = `${gold.size} articles, ${ourScores.goldClusters} gold stories`;
  console.log(`\n== clustering vs hand labels (${set.name === "" ? about : `${set.name}: ${about}`}) ==`);
  const line = (name: string, x: ReturnType<typeof scoreClustering>, us: number) =>
    console.log(
      `${name.padEnd(34)} pairwise P ${fmt(x.precision)} R ${fmt(x.recall)} F1 ${fmt(x.f1)} | B3 F1 ${fmt(x.bcubedF1)} | clusters ${x.predictedClusters}/${x.goldClusters} | ${fmt(us, 0)} µs/article`,
    );
  line("akhbar online clusterer", ourScores, usPerArticle);
  line(`peer: brute-force TF-IDF 1-NN (${window.length} art.)`, peerScores, peer.usPerArticle);
  console.log(
    `ratios akhbar/peer: F1 ${fmt(ourScores.f1 / Math.max(1e-9, peerScores.f1))}, B3 F1 ${fmt(ourScores.bcubedF1 / Math.max(1e-9, peerScores.bcubedF1))}, cost ${fmt(usPerArticle / peer.usPerArticle)}`,
  );
}

/** Peer: each article joins the story of its most similar earlier article (cosine ≥ threshold), brute force. */
function runNearestNeighbourPeer(articles: readonly StreamArticle[], threshold: number) {
  const stats = new TermStats();
  const seen: { id: string; v: SparseVector; story: string }[] = [];
  const storyOf = new Map<string, string>();
  const t0 = performance.now();
  for (const a of articles) {
    const terms = toStoryTerms(a.title, a.text);
    stats.addDocument(terms);
    const v = toSparseVector(terms, stats);
    let best = threshold;
    let story = a.id;
    for (const o of seen) {
      const c = cosine(v, o.v);
      if (c >= best) {
        best = c;
        story = o.story;
      }
    }
    seen.push({ id: a.id, v, story });
    storyOf.set(a.id, story);
  }
  return { storyOf, usPerArticle: ((performance.now() - t0) * 1000) / Math.max(1, articles.length) };
}
