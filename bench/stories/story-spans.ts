/**
 * Long-range chaining of the clusterer on the whole dev corpus: stories (>= 2 articles) by span between first and
 * last article, the biggest long stories, the largest stories, and the labelled long-range pairs (testdata/labels/long-range-pairs.jsonl:
 * two members of one story >= 2 days apart, judged same story / different event) scored for the current clusterer.
 * `--sample` draws a new pair sample instead and prints it for blind labelling. Benchmark helper, not pure (reads
 * files). Run: node --import tsx bench/stories/story-spans.ts [--sample > bench/.tmp/long-range.txt]
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type * as Recluster from "../../src/stages/stories/recluster.ts";
import { PlacementLog, StoryStream } from "../../src/stages/stories/recluster.ts";
import type { ClusterTuning, Story } from "../../src/stages/stories/story-clusterer.ts";
import { lcg } from "../seeded-random.ts";
import { type CorpusArticle, loadCorpus, timeOf, toStream } from "./load-corpus.ts";

const DAY_MS = 86_400_000;
/** Members this far apart are a long-range pair (the hand-labelled story sets cover 2-3 day windows only). */
const LONG_RANGE_MS = 2 * DAY_MS;
/** Span strata of the sample (days, lower bounds), the lead's table buckets from 2 days up. */
const STRATA = [
  { name: "2-4d", from: 2, to: 4 },
  { name: "4-7d", from: 4, to: 7 },
  { name: ">=7d", from: 7, to: Number.POSITIVE_INFINITY },
] as const;
const PAIRS_PER_STRATUM = 50;
const SEED = 20151129;
const LEAD_CHARS = 220;
const LABELS = join(process.cwd(), "testdata", "labels", "long-range-pairs.jsonl");

export interface LongRangePair {
  a: string;
  b: string;
  stratum: string;
  /** `tune` pairs may steer constants; `test` pairs are only reported. */
  half: "tune" | "test";
  label: "same_story" | "different";
}

/**
 * Streams the whole corpus; returns every story (closed and open) and each article's final story. `code` is another
 * version's recluster.ts module (diff-clusterings.ts --a-module), else this tree's.
 */
export function clusterCorpus(
  corpus: readonly CorpusArticle[],
  tuning: Partial<ClusterTuning> = {},
  code: Pick<typeof Recluster, "StoryStream" | "PlacementLog"> = { StoryStream, PlacementLog },
) {
  const stories: Story[] = [];
  const stream = new code.StoryStream({ tuning, onStoryClosed: (s) => stories.push(s) });
  const log = new code.PlacementLog();
  const articles = toStream(corpus);
  const cpu0 = process.cpuUsage();
  for (const a of articles) log.record(stream.add(a));
  const cpu = process.cpuUsage(cpu0);
  stories.push(...stream.clusterer.listStories());
  return { stories, log, cpuUsPerArticle: (cpu.user + cpu.system) / articles.length };
}

/** The lead's span table: stories with >= 2 articles and their articles, by first-to-last span. */
export function spanTable(stories: readonly Story[]): string[] {
  const buckets = [
    { name: "< 1 d", max: 1 },
    { name: "1-2 d", max: 2 },
    { name: "2-4 d", max: 4 },
    { name: "4-7 d", max: 7 },
    { name: ">= 7 d", max: Number.POSITIVE_INFINITY },
  ].map((b) => ({ ...b, stories: 0, articles: 0 }));
  for (const s of stories) {
    if (s.articleCount < 2) continue;
    const days = (s.lastUpdateMs - s.firstSeenMs) / DAY_MS;
    const b = buckets.find((x) => days < x.max)!;
    b.stories++;
    b.articles += s.articleCount;
  }
  return buckets.map(
    (b) =>
      `${b.name.padEnd(7)} ${String(b.stories).padStart(5)} stories ${String(b.articles).padStart(6)} articles`,
  );
}

/** Long-range pairs still in one story, by label and half: chaining precision and long-range recall. */
export function scoreLongRange(pairs: readonly LongRangePair[], storyOf: (id: string) => string | undefined) {
  const out: Record<string, { together: number; same: number; sameTogether: number; n: number }> = {};
  for (const p of pairs) {
    for (const key of [p.half, "all"]) {
      const r = out[key] ?? { together: 0, same: 0, sameTogether: 0, n: 0 };
      out[key] = r;
      const together = storyOf(p.a) !== undefined && storyOf(p.a) === storyOf(p.b);
      r.n++;
      if (p.label === "same_story") r.same++;
      if (together) r.together++;
      if (together && p.label === "same_story") r.sameTogether++;
    }
  }
  return out;
}

export function readLongRangePairs(): LongRangePair[] {
  if (!existsSync(LABELS)) return [];
  return readFileSync(LABELS, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as LongRangePair);
}

function sample(stories: readonly Story[], byId: Map<string, CorpusArticle>): void {
  const rand = lcg(SEED);
  const rows: { a: string; b: string; stratum: string }[] = [];
  for (const st of STRATA) {
    const inStratum = stories.filter((s) => {
      const d = (s.lastUpdateMs - s.firstSeenMs) / DAY_MS;
      return s.articleCount >= 2 && d >= st.from && d < st.to;
    });
    // Stories drawn uniformly (not by pair count) so a few giant chains do not fill the stratum.
    for (let k = 0, tries = 0; k < PAIRS_PER_STRATUM && tries < 10_000; tries++) {
      const s = inStratum[Math.floor(rand() * inStratum.length)]!;
      const a = s.articleIds[Math.floor(rand() * s.articleIds.length)]!;
      const far = s.articleIds.filter(
        (id) => Math.abs(timeOf(byId.get(id)!) - timeOf(byId.get(a)!)) >= LONG_RANGE_MS,
      );
      if (far.length === 0) continue;
      const b = far[Math.floor(rand() * far.length)]!;
      if (rows.some((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a))) continue;
      rows.push({ a, b, stratum: st.name });
      k++;
    }
  }
  // Shuffled so strata cannot be read from the order while labelling.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  for (const [i, r] of rows.entries()) {
    const show = (id: string) => {
      const x = byId.get(id)!;
      return `  ${x.date} ${x.source} ${id}\n  T: ${x.title}\n  L: ${x.text.replace(/\s+/g, " ").slice(0, LEAD_CHARS)}`;
    };
    console.log(
      `#${i} ${JSON.stringify({ a: r.a, b: r.b, stratum: r.stratum, half: i % 2 === 0 ? "tune" : "test" })}`,
    );
    console.log(show(r.a));
    console.log(show(r.b));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = loadCorpus();
  const byId = new Map(corpus.map((a) => [a.id, a]));
  const { stories, log, cpuUsPerArticle } = clusterCorpus(corpus);
  if (process.argv.includes("--sample")) sample(stories, byId);
  else {
    console.log(
      `stories (>= 2 articles) by span, ${corpus.length} articles, ${cpuUsPerArticle.toFixed(0)} µs CPU/article:`,
    );
    for (const l of spanTable(stories)) console.log(l);
    console.log("longest-lived big stories:");
    for (const s of stories
      .filter((x) => x.articleCount >= 20 && x.lastUpdateMs - x.firstSeenMs >= 4 * DAY_MS)
      .sort((x, y) => y.articleCount - x.articleCount)
      .slice(0, 12)) {
      console.log(
        `  ${s.articleCount} over ${((s.lastUpdateMs - s.firstSeenMs) / DAY_MS).toFixed(1)} d: ${s.headline}`,
      );
    }
    // Template chains (Eid parties of different bodies, issue #5) show as the biggest stories before they show
    // as long ones: list the largest by size whatever their span.
    console.log("largest stories:");
    for (const s of [...stories].sort((x, y) => y.articleCount - x.articleCount).slice(0, 8)) {
      console.log(
        `  ${s.articleCount} over ${((s.lastUpdateMs - s.firstSeenMs) / DAY_MS).toFixed(1)} d, ${s.sources.length} sources: ${s.headline}`,
      );
    }
    const pairs = readLongRangePairs();
    for (const [half, r] of Object.entries(scoreLongRange(pairs, (id) => log.storyOf(id)))) {
      console.log(
        `long-range pairs ${half}: ${r.n} labelled, ${r.same} same story; still together ${r.together}: chaining precision ${(r.sameTogether / Math.max(1, r.together)).toFixed(3)}, same-story pairs kept ${r.sameTogether}/${r.same}, different-event pairs joined ${r.together - r.sameTogether}/${r.n - r.same}`,
      );
    }
  }
}
