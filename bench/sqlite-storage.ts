/**
 * Benchmark of the SQLite storage adapter: write throughput on synthetic articles, then write and search
 * latency on the SaudiNewsNet dev corpus (read at run time from ../shared/data/corpus; never copied).
 * Script (IO). Run: npm run bench:storage [-- corpus.jsonl.gz]. The corpus goes through the real analyzer
 * (stages/arabic) first, so the store and search figures are for the index the product builds.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { openSqliteStorage } from "../src/adapters/sqlite/open-sqlite-storage.ts";
import type { ArticleWrite, MatchText } from "../src/domain/article.ts";
import { EMPTY_QUERY, type QueryTerm, type SearchQuery } from "../src/domain/search.ts";
import { analyzeWord, buildIndexFields } from "../src/stages/arabic/analyze-text.ts";
import { normalizeArabic } from "../src/stages/arabic/normalize-arabic.ts";
import { tokenizeNormalized } from "../src/stages/arabic/tokenize.ts";

const BATCH_SIZE = 500;
const SYNTHETIC_ARTICLES = 20_000;
const SYNTHETIC_VOCABULARY = 30_000;
const QUERY_REPEATS = 3;
const CORPUS_DEFAULT = "/work/shared/data/corpus/saudinewsnet.dev.jsonl.gz";

const dir = mkdtempSync(join(tmpdir(), "akhbar-bench-"));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

function fmt(ms: number): string {
  return ms.toFixed(2);
}

function makeRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The analyzer's tokens of a text: normalized, split into words. */
function foldArabic(text: string): string[] {
  return tokenizeNormalized(normalizeArabic(text));
}

function stem(token: string): string {
  return analyzeWord(token).stem;
}

function toQueryTerm(word: string): QueryTerm | null {
  const [surface] = foldArabic(word);
  if (surface === undefined) return null;
  return { display: word, surface, stems: [stem(surface)] };
}

function query(partial: Partial<SearchQuery>): SearchQuery {
  return {
    ...EMPTY_QUERY,
    limit: 10,
    ...partial,
  };
}

async function benchSyntheticWrites(): Promise<void> {
  const rnd = makeRandom(42);
  const vocab = Array.from({ length: SYNTHETIC_VOCABULARY }, (_, i) => {
    let w = "";
    for (let n = 3 + (i % 5); n > 0; n--) w += String.fromCharCode(0x0628 + Math.floor(rnd() * 30));
    return w;
  });
  // Zipf-like draw: frequent words are frequent, as in real text.
  const word = () => vocab[Math.floor(SYNTHETIC_VOCABULARY * rnd() ** 3)] ?? "";
  const sentence = (n: number) => Array.from({ length: n }, word).join(" ");
  const writes: ArticleWrite[] = [];
  for (let i = 0; i < SYNTHETIC_ARTICLES; i++) {
    const title = sentence(8);
    const text = sentence(370); // ≈2 KB of text in characters (5.5 chars per word with the space)
    const id = `syn-${i}`;
    writes.push({
      article: {
        id,
        url: `http://synthetic.example/${i}`,
        canonicalUrl: `http://synthetic.example/${i}`,
        sourceId: `src${i % 14}`,
        citedSource: null,
        title,
        publishedAt: null,
        fetchedAt: new Date(Date.UTC(2015, 6, 21) + i * 60_000).toISOString(),
        language: "ar",
        text,
        html: null,
        byline: null,
        imageUrl: null,
        contentHash: id,
        extra: {},
      },
      index: { title: title as MatchText, body: text as MatchText, surface: `${title} ${text}` as MatchText },
    });
  }
  const storage = await openSqliteStorage(join(dir, "synthetic", "akhbar.sqlite"));
  const t0 = performance.now();
  for (let i = 0; i < writes.length; i += BATCH_SIZE)
    await storage.articles.writeArticles(writes.slice(i, i + BATCH_SIZE));
  const insertMs = performance.now() - t0;
  const t1 = performance.now();
  for (let i = 0; i < writes.length; i += BATCH_SIZE)
    await storage.articles.writeArticles(writes.slice(i, i + BATCH_SIZE));
  const rewriteMs = performance.now() - t1;
  console.log(
    `synthetic: ${SYNTHETIC_ARTICLES} articles (${writes[0]?.article.text.length} chars text), batches of ${BATCH_SIZE}: ` +
      `insert ${Math.round((SYNTHETIC_ARTICLES / insertMs) * 1000)}/s, re-write unchanged ${Math.round((SYNTHETIC_ARTICLES / rewriteMs) * 1000)}/s`,
  );
  await storage.close();
}

interface CorpusRecord {
  id: string;
  source: string;
  url: string;
  title: string;
  date: string;
  text: string;
}

async function benchCorpus(path: string): Promise<void> {
  const records = gunzipSync(readFileSync(path))
    .toString("utf8")
    .split("\n")
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as CorpusRecord);
  const tA = performance.now();
  const writes: ArticleWrite[] = records.map((r) => {
    return {
      article: {
        id: r.id,
        url: r.url,
        canonicalUrl: r.url.replace(/\?(weekly|live)$/, ""),
        sourceId: r.source,
        citedSource: null,
        title: r.title,
        publishedAt: null,
        fetchedAt: r.date,
        language: "ar",
        text: r.text,
        html: null,
        byline: null,
        imageUrl: null,
        contentHash: r.id,
        extra: {},
      },
      index: buildIndexFields(r.title, r.text),
    };
  });
  const analyzeMs = performance.now() - tA;
  const storage = await openSqliteStorage(join(dir, "corpus", "akhbar.sqlite"));
  const t0 = performance.now();
  for (let i = 0; i < writes.length; i += BATCH_SIZE)
    await storage.articles.writeArticles(writes.slice(i, i + BATCH_SIZE));
  const writeMs = performance.now() - t0;
  console.log(
    `corpus: ${writes.length} real articles, analysis ${Math.round((writes.length / analyzeMs) * 1000)}/s, ` +
      `store ${Math.round((writes.length / writeMs) * 1000)}/s (${(writeMs / 1000).toFixed(1)} s)`,
  );

  const tl = performance.now();
  for (let i = 0; i < 100; i++) await storage.sources.listSources();
  console.log(`listSources on ${writes.length} articles: ${fmt((performance.now() - tl) / 100)} ms per call`);

  // Queries: 200 title words drawn at random, 100 adjacent title pairs, and the 20 most frequent stems.
  const rnd = makeRandom(7);
  const titleWords = records.flatMap((r) => r.title.split(/\s+/).filter((w) => foldArabic(w).length === 1));
  const singles: QueryTerm[] = [];
  while (singles.length < 200) {
    const t = toQueryTerm(titleWords[Math.floor(rnd() * titleWords.length)] ?? "");
    if (t !== null) singles.push(t);
  }
  const pairs: QueryTerm[][] = [];
  while (pairs.length < 100) {
    const words = (records[Math.floor(rnd() * records.length)]?.title ?? "").split(/\s+/);
    const i = Math.floor(rnd() * Math.max(0, words.length - 1));
    const a = toQueryTerm(words[i] ?? "");
    const b = toQueryTerm(words[i + 1] ?? "");
    if (a !== null && b !== null) pairs.push([a, b]);
  }
  const df = new Map<string, number>();
  for (const w of writes.slice(0, 5000)) {
    for (const s of new Set(w.index.body.split(" "))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const frequent: QueryTerm[] = [...df.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 20)
    .map(([s]) => ({ display: s, surface: s, stems: [s] }));

  const run = async (label: string, queries: SearchQuery[]) => {
    const times: number[] = [];
    let totalSum = 0;
    for (let rep = 0; rep < QUERY_REPEATS; rep++) {
      for (const q of queries) {
        const t = performance.now();
        const r = await storage.search.search(q);
        times.push(performance.now() - t);
        if (rep === 0) totalSum += r.total;
      }
    }
    times.sort((x, y) => x - y);
    console.log(
      `${label.padEnd(44)} n=${String(queries.length).padStart(3)} mean total=${String(Math.round(totalSum / queries.length)).padStart(6)}  ` +
        `p50 ${fmt(percentile(times, 50))} ms  p95 ${fmt(percentile(times, 95))} ms  p99 ${fmt(percentile(times, 99))} ms  max ${fmt(times.at(-1) ?? 0)} ms`,
    );
  };
  // Warm the page cache and statement cache once.
  for (const t of singles.slice(0, 20)) await storage.search.search(query({ terms: [t] }));
  await run(
    "1 title word",
    singles.map((t) => query({ terms: [t] })),
  );
  await run(
    "2 title words (AND)",
    pairs.map((p) => query({ terms: p })),
  );
  await run(
    "2-word phrase",
    pairs.map((p) => query({ phrases: [p] })),
  );
  await run(
    "20 most frequent stems",
    frequent.map((t) => query({ terms: [t] })),
  );
  await run(
    "20 most frequent stems, recency",
    frequent.map((t) => query({ terms: [t], recency: true })),
  );
  await run(
    "20 most frequent stems, 3 sources + 7 days",
    frequent.map((t) =>
      query({ terms: [t], sources: ["okaz", "sabq", "alriyadh"], from: "2015-08-01", to: "2015-08-08" }),
    ),
  );
  await run(
    "1 title word, recency",
    singles.map((t) => query({ terms: [t], recency: true })),
  );
  await run(
    "browse: 1 source, no terms",
    ["okaz", "sabq", "aawsat"].map((s) => query({ sources: [s] })),
  );
  await storage.close();
}

try {
  await benchSyntheticWrites();
  const corpus = process.argv[2] ?? CORPUS_DEFAULT;
  if (existsSync(corpus)) await benchCorpus(corpus);
  else console.log(`corpus not found at ${corpus}: skipped the real-data part`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
