/**
 * Latency of the whole related-articles lookup (pipeline/find-related-articles) on a SQLite store, per phase, with an
 * optional interleaved A/B against older code and a check that both sides list the same articles in the same order.
 * Benchmark helper, not pure (opens a store).
 * Run: node --import tsx bench/stories/similar-latency.ts --db PATH [--anchors N] [--base DIR]
 *   --base DIR: a tree holding older src/ (e.g. `git archive <commit> src | tar -x -C bench/.tmp/base`); its
 *   findRelatedArticles and SQLite adapters run as side A, this tree's as side B, anchor by anchor in alternating
 *   order so machine load falls on both alike. Without it only this tree runs.
 * Modes, each over the same anchors: "no cache" is what bench:similar times (coverage off, no terms cache); "page
 * cold" and "page warm" are the article page (coverage off, one StoryTermsCache kept across anchors: first visits,
 * then the same anchors again); "api" is GET /api/articles/:id/related (coverage on, the same cache, warm).
 */
import { resolve } from "node:path";
import type * as OpenSqlite from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import type * as FindRelated from "../../src/pipeline/find-related-articles.ts";
import type * as TermsCache from "../../src/pipeline/story-terms-cache.ts";
import type { Storage } from "../../src/ports/storage.ts";
import { seededRandom } from "../seeded-random.ts";

const args = process.argv.slice(2);
const argOf = (name: string, fallback: string) =>
  args.includes(name) ? args[args.indexOf(name) + 1]! : fallback;
const DB = argOf("--db", "");
const ANCHORS = Number(argOf("--anchors", "320"));
const BASE = argOf("--base", "");
/** Anchors drawn from the biggest stories besides the random ones, one per story, timed apart as well. */
const BIG_STORY_ANCHORS = 40;
/** Seed of the anchor draw (mulberry32): the same anchors on every run. */
const ANCHOR_SEED = 20261130;

interface Side {
  name: string;
  find: typeof FindRelated.findRelatedArticles;
  newCache: (maxEntries?: number) => TermsCache.StoryTermsCache;
  storage: Storage;
  /** ms per phase of the current call, reset before each. */
  phases: Map<string, number>;
}

/** Wraps every method of `port` so its time is added to `phases` under `phase`. */
function timed<T extends object>(port: T, phase: string, phases: Map<string, number>): T {
  return new Proxy(port, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return async (...callArgs: unknown[]) => {
        const t = performance.now();
        try {
          return await value.apply(target, callArgs);
        } finally {
          phases.set(phase, (phases.get(phase) ?? 0) + performance.now() - t);
        }
      };
    },
  });
}

async function openSide(name: string, root: string): Promise<Side> {
  const open = (await import(
    resolve(root, "src/adapters/sqlite/open-sqlite-storage.ts")
  )) as typeof OpenSqlite;
  const related = (await import(
    resolve(root, "src/pipeline/find-related-articles.ts")
  )) as typeof FindRelated;
  const cacheModule = (await import(resolve(root, "src/pipeline/story-terms-cache.ts"))) as typeof TermsCache;
  const raw = await open.openSqliteStorage(DB, { readonly: true });
  const phases = new Map<string, number>();
  const storage: Storage = {
    ...raw,
    articles: timed(raw.articles, "rows", phases),
    search: timed(raw.search, "search", phases),
    stories: timed(raw.stories, "placements", phases),
    close: () => raw.close(),
  };
  // Analysis is timed through the terms cache: a cache of 0 entries analyzes every article afresh, as no cache does.
  class TimedCache extends cacheModule.StoryTermsCache {
    override termsOf(a: TermsCache.AnalyzableArticle) {
      const t = performance.now();
      const out = super.termsOf(a);
      phases.set("analysis", (phases.get("analysis") ?? 0) + performance.now() - t);
      return out;
    }
  }
  return {
    name,
    find: related.findRelatedArticles,
    newCache: (maxEntries) => new TimedCache(maxEntries),
    storage,
    phases,
  };
}

/** Every list of one lookup as ids in order, for comparing sides. */
function listKey(out: FindRelated.RelatedArticleLists | null): string {
  if (out === null) return "null";
  const ids = (xs: readonly FindRelated.RelatedArticle[]) => xs.map((x) => x.article.id).join(",");
  return [
    `similar ${ids(out.similar)}`,
    `readAlso ${out.readAlso?.article.id ?? "-"}`,
    `sameStory ${ids(out.sameStory)}`,
    `copies ${ids(out.copies)}`,
    `containedIn ${ids(out.containedIn)}`,
    `contains ${ids(out.contains)}`,
  ].join(" | ");
}

interface Mode {
  name: string;
  coverage: boolean;
  cache: "none" | "page" | "keep";
}

const MODES: Mode[] = [
  { name: "no cache (bench:similar)", coverage: false, cache: "none" },
  { name: "cache cold (first visits)", coverage: false, cache: "page" },
  { name: "cache warm (same anchors)", coverage: false, cache: "keep" },
  { name: "api (coverage on, warm)", coverage: true, cache: "keep" },
];
const PHASES = ["search", "placements", "rows", "analysis", "rest"] as const;

interface Samples {
  total: number[];
  /** Process CPU time of each call, ms: less hostage to other processes than wall time on a shared machine. */
  cpu: number[];
  phases: Map<string, number[]>;
  lists: string[];
}

const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
};
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function main(): Promise<void> {
  if (DB === "") throw new Error("similar-latency: --db PATH is required (an imported store)");
  const sides = [
    ...(BASE === "" ? [] : [await openSide("A (base)", BASE)]),
    await openSide(BASE === "" ? "this tree" : "B (this tree)", process.cwd()),
  ];
  const { openSqliteStorage } = await import("../../src/adapters/sqlite/open-sqlite-storage.ts");
  const probe = await openSqliteStorage(DB, { readonly: true });
  const all = (probe.db.prepare("SELECT id FROM articles ORDER BY id").all() as { id: string }[]).map(
    (r) => r.id,
  );
  // One member of each of the biggest stories: the articles readers open most, whose coverage is hundreds of rows.
  const big = (
    probe.db
      .prepare(
        `SELECT min(article_id) AS id FROM article_placements GROUP BY story_id ORDER BY count(*) DESC, story_id
         LIMIT ?`,
      )
      .all(BIG_STORY_ANCHORS) as { id: string }[]
  ).map((r) => r.id);
  await probe.close();
  const rand = seededRandom(ANCHOR_SEED);
  const anchors = [
    ...new Set([...Array.from({ length: ANCHORS * 2 }, () => all[Math.floor(rand() * all.length)]!)]),
  ]
    .filter((id) => !big.includes(id))
    .slice(0, ANCHORS)
    .concat(big);
  const isBig = anchors.map((id) => big.includes(id));
  // Warm-up outside the samples: statements compiled, the file's pages mapped.
  for (const side of sides) for (const a of anchors.slice(0, 10)) await side.find(side.storage, a, {});
  const results = sides.map(() => new Map<string, Samples>());
  for (const mode of MODES) {
    const caches = sides.map((s) => (mode.cache === "none" ? s.newCache(0) : s.newCache()));
    if (mode.cache === "keep") {
      // The same anchors visited before: every pool article's terms are kept.
      for (const [i, side] of sides.entries())
        for (const a of anchors) await side.find(side.storage, a, { coverage: false, termsCache: caches[i] });
    }
    for (const [i] of sides.entries())
      results[i]!.set(mode.name, {
        total: [],
        cpu: [],
        phases: new Map(PHASES.map((p) => [p, []])),
        lists: [],
      });
    for (const [k, a] of anchors.entries()) {
      const order = k % 2 === 0 ? [...sides.keys()] : [...sides.keys()].reverse();
      for (const i of order) {
        const side = sides[i]!;
        side.phases.clear();
        const c = process.cpuUsage();
        const t = performance.now();
        const out = await side.find(side.storage, a, { coverage: mode.coverage, termsCache: caches[i] });
        const ms = performance.now() - t;
        const cpu = process.cpuUsage(c);
        const r = results[i]!.get(mode.name)!;
        r.total.push(ms);
        r.cpu.push((cpu.user + cpu.system) / 1000);
        r.lists.push(listKey(out));
        let io = 0;
        for (const p of PHASES) {
          if (p === "rest") continue;
          const v = side.phases.get(p) ?? 0;
          io += v;
          r.phases.get(p)!.push(v);
        }
        r.phases.get("rest")!.push(ms - io);
      }
    }
  }
  console.log(
    `\n== findRelatedArticles on SQLite, ${anchors.length - big.length} random anchors + ${big.length} of the biggest stories (${DB}) ==`,
  );
  for (const mode of MODES) {
    console.log(`\n${mode.name}`);
    for (const [i, side] of sides.entries()) {
      const r = results[i]!.get(mode.name)!;
      const phases = PHASES.map((p) => `${p} ${mean(r.phases.get(p)!).toFixed(2)}`).join(", ");
      // The slowest tenth of the calls, per phase: what the p95 is made of.
      const floor = pct(r.total, 0.9);
      const slow = [...r.total.keys()].filter((k) => r.total[k]! >= floor);
      const tail = PHASES.map((p) => `${p} ${mean(slow.map((k) => r.phases.get(p)![k]!)).toFixed(2)}`).join(
        ", ",
      );
      console.log(
        `  ${side.name.padEnd(14)} p50 ${pct(r.total, 0.5).toFixed(1)} ms  p95 ${pct(r.total, 0.95).toFixed(1)} ms  mean ${mean(r.total).toFixed(2)} ms | CPU p50 ${pct(r.cpu, 0.5).toFixed(1)} ms  p95 ${pct(r.cpu, 0.95).toFixed(1)} ms  mean ${mean(r.cpu).toFixed(2)} ms\n    mean per phase (ms): ${phases}\n    slowest 10% (ms):    ${tail}`,
      );
    }
    for (const [i, side] of sides.entries()) {
      const r = results[i]!.get(mode.name)!;
      const pick = (xs: number[]) => xs.filter((_, k) => isBig[k]);
      console.log(
        `  ${side.name.padEnd(14)} big-story anchors: p50 ${pct(pick(r.total), 0.5).toFixed(1)} ms  p95 ${pct(pick(r.total), 0.95).toFixed(1)} ms | CPU mean ${mean(pick(r.cpu)).toFixed(2)} ms`,
      );
    }
    if (sides.length === 2) {
      const [a, b] = [results[0]!.get(mode.name)!, results[1]!.get(mode.name)!];
      const differ = a.lists.filter((l, k) => l !== b.lists[k]);
      console.log(
        `  B/A p50 ${(pct(b.total, 0.5) / pct(a.total, 0.5)).toFixed(3)}, p95 ${(pct(b.total, 0.95) / pct(a.total, 0.95)).toFixed(3)}, CPU mean ${(mean(b.cpu) / mean(a.cpu)).toFixed(3)}; lists differing: ${differ.length} of ${a.lists.length}`,
      );
      for (const [k, l] of a.lists.entries())
        if (l !== b.lists[k]) console.log(`    ${anchors[k]}\n      A ${l}\n      B ${b.lists[k]}`);
    }
  }
  for (const side of sides) await side.storage.close();
}

await main();
