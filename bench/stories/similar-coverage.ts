/**
 * Why "مقالات مشابهة" is empty and "اقرأ أيضاً" missing for some articles: over random anchors of an imported store,
 * each list's outcome by cause (no title words to search, no search neighbours in the window, neighbours only in the
 * anchor's own story, every neighbour under the cosine floor, one story only), and for the empty ones the best
 * other-story cosine a whole-store TF-IDF peer finds in the same window. Benchmark helper, not pure (opens a store).
 * Run: node --import tsx bench/stories/similar-coverage.ts --db PATH [--anchors N] [--list] [--peer-window-days D]
 */
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { articleTimeMs } from "../../src/domain/parse-iso-time.ts";
import {
  findRelatedArticles,
  RELATED_WINDOW_DAYS,
  searchNeighbourIds,
  titleTerms,
} from "../../src/pipeline/find-related-articles.ts";
import { DEFAULT_SIMILAR_RANKING, SIMILAR_MIN_COSINE } from "../../src/stages/related/find-related.ts";
import { cosine, TermStats, toSparseVector, toStoryTerms } from "../../src/stages/stories/story-vector.ts";
import { seededRandom } from "../seeded-random.ts";

const args = process.argv.slice(2);
const argOf = (name: string, fallback: string) =>
  args.includes(name) ? args[args.indexOf(name) + 1]! : fallback;
const DB = argOf("--db", "");
const ANCHORS = Number(argOf("--anchors", "600"));
const LIST = args.includes("--list");
/** The peer's window, in days either side (default: the lists' own, RELATED_WINDOW_DAYS). */
const PEER_WINDOW_DAYS = Number(argOf("--peer-window-days", String(RELATED_WINDOW_DAYS)));
/** Seed of the anchor draw (mulberry32). */
const SEED = 20261201;
const DAY_MS = 86_400_000;

const storage = await openSqliteStorage(DB);
const rows = storage.db
  .prepare(
    `SELECT a.id, a.title, a.text, a.published_at, a.fetched_at, p.story_id, p.group_id
     FROM articles a JOIN article_placements p ON p.article_id = a.id ORDER BY a.id`,
  )
  .all() as {
  id: string;
  title: string;
  text: string;
  published_at: string | null;
  fetched_at: string;
  story_id: string;
  group_id: string;
}[];
const rand = seededRandom(SEED);
const anchors = new Set<number>();
while (anchors.size < Math.min(ANCHORS, rows.length)) anchors.add(Math.floor(rand() * rows.length));

const similarCause = new Map<string, number>();
const readAlsoCause = new Map<string, number>();
const count = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const empties: number[] = [];
/** The search neighbours of each empty anchor: is the peer's best candidate among them? */
const hitsOf = new Map<number, Set<string>>();
const byStory = new Map<string, number>();
for (const r of rows) byStory.set(r.story_id, (byStory.get(r.story_id) ?? 0) + 1);
let similarItems = 0;
for (const i of anchors) {
  const a = rows[i]!;
  const lists = (await findRelatedArticles(storage, a.id, { coverage: false }))!;
  similarItems += lists.similar.length;
  const terms = titleTerms(a.title).length;
  const hits =
    terms === 0
      ? []
      : await searchNeighbourIds(
          storage.search,
          { ...a, publishedAt: a.published_at, fetchedAt: a.fetched_at },
          80,
        );
  const placements = await storage.stories!.getPlacements(hits);
  const outside = new Set(placements.filter((p) => p.storyId !== a.story_id).map((p) => p.storyId));
  let cause: string;
  if (lists.similar.length > 0) cause = "listed";
  else if (terms === 0) cause = "no title words to search";
  else if (hits.length === 0) cause = "no search neighbour in the window";
  else if (outside.size === 0) cause = "neighbours only in its own story";
  else {
    const loose = await findRelatedArticles(storage, a.id, {
      coverage: false,
      ranking: { ...DEFAULT_SIMILAR_RANKING, minCosine: 0 },
    });
    cause =
      (loose?.similar.length ?? 0) > 0 ? `every neighbour under the floor (${SIMILAR_MIN_COSINE})` : "other";
  }
  count(similarCause, cause);
  if (cause !== "listed") {
    empties.push(i);
    hitsOf.set(i, new Set(hits));
  }
  const stories = lists.similar.length + (lists.readAlso === null ? 0 : 1);
  count(
    readAlsoCause,
    lists.readAlso !== null
      ? "picked"
      : stories === 0
        ? "no similar story at all"
        : stories === 1
          ? "one similar story only (listed under مقالات مشابهة)"
          : "other",
  );
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, n] of [...m].sort((x, y) => y[1] - x[1]))
    console.log(`  ${String(n).padStart(4)}  ${((100 * n) / anchors.size).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(
  `${anchors.size} random anchors (seed ${SEED}) of ${rows.length} placed articles; ${(similarItems / anchors.size).toFixed(2)} similar items per list`,
);
show("مقالات مشابهة", similarCause);
show("اقرأ أيضاً", readAlsoCause);

// The peer over the empty ones: whole-store TF-IDF, other stories within the window, best cosine.
const stats = new TermStats();
const terms = rows.map((r) => toStoryTerms(r.title, r.text));
for (const t of terms) stats.addDocument(t);
const vectors = terms.map((t) => toSparseVector(t, stats));
const times = rows.map((r) => articleTimeMs({ publishedAt: r.published_at, fetchedAt: r.fetched_at }) ?? 0);
const bands = [0.12, 0.2, 0.3];
const atLeast = bands.map(() => 0);
let singletons = 0;
let bestInHits = 0;
for (const i of empties) {
  let best = 0;
  let bestJ = -1;
  for (let j = 0; j < rows.length; j++) {
    if (
      rows[j]!.story_id === rows[i]!.story_id ||
      Math.abs(times[j]! - times[i]!) > PEER_WINDOW_DAYS * DAY_MS
    )
      continue;
    const c = cosine(vectors[i]!, vectors[j]!);
    if (c > best) {
      best = c;
      bestJ = j;
    }
  }
  const found = bestJ >= 0 && hitsOf.get(i)!.has(rows[bestJ]!.id);
  if (best >= bands[0]! && found) bestInHits++;
  if (LIST && bestJ >= 0)
    console.log(
      `${best.toFixed(3)} ${found ? "in hits" : "not in hits"} ${rows[i]!.id} ${rows[i]!.title.slice(0, 70)} || ${rows[bestJ]!.id} ${rows[bestJ]!.title.slice(0, 70)}`,
    );
  bands.forEach((b, k) => {
    if (best >= b) atLeast[k]!++;
  });
  if (byStory.get(rows[i]!.story_id) === 1) singletons++;
}
console.log(
  `\nempty lists: ${empties.length}; stories of one article among them ${singletons}; whole-store TF-IDF peer's best other-story cosine in ±${PEER_WINDOW_DAYS} d: ${bands.map((b, k) => `>= ${b}: ${atLeast[k]}`).join(", ")}; of those >= ${bands[0]}, among the anchor's search neighbours: ${bestInHits}`,
);
await storage.close();
