/**
 * Where the clusterer disagrees with the DEV story labels (stories-dev, -dev2, -dev3, -dev4, -dev5, -dev6; never the held-out
 * stories.jsonl): every labelled multi-article story with the pieces it is split into (each predicted story's first
 * time, size over the whole stream, labelled members and headline), then the predicted story of each member, its
 * arrival score, whether it opened a story or followed its copy group's original, and its best TF-IDF cosine to
 * another member; then every predicted story that joins labelled stories. Prints titles to the terminal only (corpus text
 * is never written to the repo). Benchmark helper, not pure (reads files).
 * Run: node --import tsx bench/stories/split-stories.ts ['{"joinMinScore":0.32}']
 */
import { toShingleWords } from "../../src/stages/dedupe/shingle-text.ts";
import { PlacementLog, StoryStream } from "../../src/stages/stories/recluster.ts";
import type { ClusterTuning, Story } from "../../src/stages/stories/story-clusterer.ts";
import {
  cosine,
  type StoryTerms,
  TermStats,
  toSparseVector,
  toStoryTerms,
} from "../../src/stages/stories/story-vector.ts";
import { loadStream, readStoryLabels } from "./load-corpus.ts";

const DEV_SETS = [
  "stories-dev.jsonl",
  "stories-dev2.jsonl",
  "stories-dev3.jsonl",
  "stories-dev4.jsonl",
  "stories-dev5.jsonl",
  "stories-dev6.jsonl",
];
const TITLE_CHARS = 90;

const tuning = JSON.parse(process.argv[2] ?? "{}") as Partial<ClusterTuning>;
const gold = DEV_SETS.map((file) => ({ file, stories: readStoryLabels(file) }));
const labelled = new Set(gold.flatMap((g) => [...g.stories.keys()]));
const described: Story[] = [];
const stream = new StoryStream({ tuning, onStoryClosed: (s) => described.push(s) });
const log = new PlacementLog();
const articles = loadStream();
const byId = new Map(articles.map((a) => [a.id, a]));
const arrival = new Map<string, { score: number; opened: boolean; copy: boolean }>();
// Cosines between labelled members use one IDF table over the whole stream (a diagnostic, not the clusterer's view).
const stats = new TermStats();
const termsOf = new Map<string, StoryTerms>();
for (const a of articles) {
  const p = stream.add(a);
  log.record(p);
  const terms = toStoryTerms(a.title, a.text, toShingleWords(a.text));
  stats.addDocument(terms);
  if (!labelled.has(a.id)) continue;
  termsOf.set(a.id, terms);
  arrival.set(a.id, { score: p.assignment.score, opened: p.assignment.opened, copy: p.duplicateOf !== null });
}
described.push(...stream.clusterer.listStories());
const storyById = new Map(described.map((s) => [s.id, s]));
const vectorOf = (id: string) => toSparseVector(termsOf.get(id)!, stats);
const when = (id: string) => new Date(byId.get(id)!.timeMs).toISOString().slice(5, 16);

for (const { file, stories } of gold) {
  console.log(`===== ${file}`);
  const members = new Map<string, string[]>();
  for (const [id, st] of stories) members.set(st, [...(members.get(st) ?? []), id]);
  const names = new Map<string, string>();
  const nameOf = (story: string) => {
    if (!names.has(story)) names.set(story, `P${names.size}`);
    return names.get(story)!;
  };
  for (const [st, ids] of members) {
    if (ids.length < 2) continue;
    ids.sort((x, y) => byId.get(x)!.timeMs - byId.get(y)!.timeMs || (x < y ? -1 : 1));
    const predicted = new Set(ids.map((id) => log.storyOf(id)));
    console.log(`--- ${st} (${ids.length}) in ${predicted.size} predicted`);
    if (predicted.size > 1) {
      for (const p of [...predicted].sort(
        (x, y) => storyById.get(x!)!.firstSeenMs - storyById.get(y!)!.firstSeenMs,
      )) {
        const s = storyById.get(p!)!;
        const inGold = ids.filter((id) => log.storyOf(id) === p).length;
        console.log(
          `  piece ${nameOf(p!).padEnd(4)} from ${new Date(s.firstSeenMs).toISOString().slice(5, 16)} size ${String(s.articleCount).padStart(3)} labelled ${String(inGold).padStart(2)} | ${s.headline.slice(0, TITLE_CHARS)}`,
        );
      }
    }
    for (const id of ids) {
      const a = byId.get(id)!;
      const r = arrival.get(id)!;
      const v = vectorOf(id);
      const maxCos = Math.max(...ids.filter((o) => o !== id).map((o) => cosine(v, vectorOf(o))));
      console.log(
        `  ${nameOf(log.storyOf(id)!).padEnd(4)} ${when(id)} ${a.sourceId.slice(0, 12).padEnd(12)} score ${r.score.toFixed(2)} ${r.opened ? "opened" : r.copy ? "copy  " : "joined"} max cos ${maxCos.toFixed(2)} | ${a.title.slice(0, TITLE_CHARS)}`,
      );
    }
  }
  console.log("--- predicted stories joining labelled stories");
  const byPredicted = new Map<string, string[]>();
  for (const id of stories.keys()) {
    const p = log.storyOf(id)!;
    byPredicted.set(p, [...(byPredicted.get(p) ?? []), id]);
  }
  for (const [p, ids] of byPredicted) {
    if (new Set(ids.map((id) => stories.get(id))).size < 2) continue;
    console.log(
      `  ${nameOf(p)}: ${ids.length} labelled from ${new Set(ids.map((id) => stories.get(id))).size} stories`,
    );
    for (const id of ids) {
      console.log(
        `    ${stories.get(id)!.padEnd(28)} ${when(id)} score ${arrival.get(id)!.score.toFixed(2)} | ${byId.get(id)!.title.slice(0, TITLE_CHARS)}`,
      );
    }
  }
}
