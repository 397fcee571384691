/**
 * Story headlines against testdata/labels/story-headlines.jsonl: reclusters the whole dev corpus and counts, per
 * half, the sampled stories whose headline article is one of the members labelled acceptable as its headline. A
 * sample's story is the one holding its first original; a headline article the sample does not hold (another
 * clustering's) is judged by its copy group's original and counted as not labelled. With --half tune (or test) only
 * that half is read, so tuning never reads the other half; with --list each story's headline is printed with its
 * verdict. Benchmark helper, not pure (reads the corpus and labels).
 * Run: node --import tsx bench/stories/story-headlines.ts [--half tune|test|all] [--list]
 *   [--module <recluster.ts path, relative to this file>] (another version's recluster, e.g. an archived main)
 */
import type * as Recluster from "../../src/stages/stories/recluster.ts";
import { loadStream, readLabels } from "./load-corpus.ts";

interface HeadlineSample {
  sample: number;
  half: "tune" | "test";
  /** The story's originals when it was drawn, sorted. */
  originals: string[];
  /** Every member of the story when it was drawn (copies too), sorted. */
  members: string[];
  /** Members whose title names the event itself, sorted. */
  acceptable: string[];
}

const argv = process.argv.slice(2);
const half = argv.includes("--half") ? argv[argv.indexOf("--half") + 1]! : "tune";
const list = argv.includes("--list");
const modulePath = argv.includes("--module")
  ? argv[argv.indexOf("--module") + 1]!
  : "../../src/stages/stories/recluster.ts";
const { recluster } = (await import(modulePath)) as typeof Recluster;

const articles = loadStream();
const titleOf = new Map(articles.map((a) => [a.id, a.title]));
const samples = readLabels<HeadlineSample>("story-headlines.jsonl").filter(
  (s) => half === "all" || s.half === half,
);
const { storyOf, duplicateOf, stories } = recluster(articles);
const headlineOf = new Map(stories.map((s) => [s.id, s.headlineArticleId]));

const score = new Map<string, { acceptable: number; stories: number; unlabelled: number }>();
for (const s of samples) {
  const headlineId = headlineOf.get(storyOf.get(s.originals[0]!)!)!;
  const labelled = s.members.includes(headlineId);
  const judged = labelled ? headlineId : (duplicateOf.get(headlineId) ?? headlineId);
  const ok = s.acceptable.includes(judged);
  const r = score.get(s.half) ?? { acceptable: 0, stories: 0, unlabelled: 0 };
  score.set(s.half, r);
  r.stories++;
  if (ok) r.acceptable++;
  if (!labelled) r.unlabelled++;
  if (list) console.log(`${ok ? "ok " : "BAD"} ${s.half} #${s.sample} ${titleOf.get(headlineId)}`);
}
for (const [h, r] of [...score].sort()) {
  console.log(
    `headlines ${h}: ${r.acceptable}/${r.stories} acceptable (${((100 * r.acceptable) / r.stories).toFixed(1)}%)` +
      (r.unlabelled > 0 ? `, ${r.unlabelled} headed by an article not labelled` : ""),
  );
}
