/**
 * Where title-only articles (stored with a title and no text: print-edition items, videos, cartoons) rank in search
 * against the articles with text a reader wants first. Reads a SQLite store of the dev corpus (`akhbar import`) and
 * prints (1) for each title-only article whose story holds articles with text ("twins"), the search of its title:
 * does it rank above every twin; (2) over the 60 bench queries, title-only hits in the first page of 10.
 * Usage: node --import tsx bench/search-title-only.ts --db FILE [--pg URL] [--chars N] [--words N] [--list] (--pg: run
 * the searches on a PostgreSQL import of the same corpus; --chars 60: texts under 60 characters, a caption or a line of
 * names, count as none; --words 2: search the title's two rarest words).
 */
import { parseArgs } from "node:util";
import { openPostgresStorage } from "../src/adapters/postgres/open-postgres-storage.ts";
import { openSqliteStorage } from "../src/adapters/sqlite/open-sqlite-storage.ts";
import { searchArticles } from "../src/pipeline/search-articles.ts";
import type { Storage } from "../src/ports/storage.ts";
import { BENCH_QUERIES } from "./search-queries.ts";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    list: { type: "boolean" },
    chars: { type: "string", default: "1" },
    words: { type: "string", default: "0" },
    pg: { type: "string" },
  },
});
if (values.db === undefined)
  throw new Error("usage: search-title-only.ts --db FILE [--pg URL] [--chars N] [--words N] [--list]");
/** Texts shorter than this many characters count as none (1: only empty texts). */
const chars = Number.parseInt(values.chars, 10);
/** Searched by the title's this many rarest words (by matching articles), as a reader types a story's names; 0: all. */
const words = Number.parseInt(values.words, 10);
const sqlite = await openSqliteStorage(values.db, { readonly: true });
const { db } = sqlite;
// Searches run on PostgreSQL when --pg names a store of the same import; the articles' facts come from --db.
const storage: Storage = values.pg === undefined ? sqlite : await openPostgresStorage(values.pg);

/** Results per search read for ranks: two reader pages. */
const SEARCH_DEPTH = 20;
const PAGE = 10;

const titleOnly = new Set(
  (db.prepare("SELECT id FROM articles WHERE length(text) < ?").all(chars) as { id: string }[]).map(
    (r) => r.id,
  ),
);
const twinsOf = db.prepare<[string], { id: string }>(
  `SELECT b.id FROM article_placements p JOIN article_placements q ON q.story_id = p.story_id
   JOIN articles b ON b.id = q.article_id WHERE p.article_id = ? AND length(b.text) >= ${chars}`,
);
const titleOf = db.prepare<[string], { title: string }>("SELECT title FROM articles WHERE id = ?");

/** The title, or its `words` rarest words (fewest matching articles), in title order. */
async function queryOf(title: string): Promise<string> {
  if (words === 0) return title;
  const counted: { word: string; i: number; n: number }[] = [];
  for (const [i, word] of title.split(/\s+/).entries()) {
    try {
      counted.push({ word, i, n: (await searchArticles(storage, word, { ...options, limit: 1 })).total });
    } catch {
      // A stop word or punctuation: nothing searchable.
    }
  }
  const rare = counted.sort((a, b) => a.n - b.n || a.i - b.i).slice(0, words);
  return rare
    .sort((a, b) => a.i - b.i)
    .map((w) => w.word)
    .join(" ");
}

const options = { sources: [], from: null, to: null, limit: SEARCH_DEPTH, offset: 0, recency: false };
/** The 0-based position of the first hit holding any of `ids` (as its hit or a copy), or -1. */
const rankOf = (hits: { id: string; copies: { id: string }[] }[], ids: Set<string>) =>
  hits.findIndex((h) => ids.has(h.id) || h.copies.some((c) => ids.has(c.id)));

let withTwins = 0;
let above = 0;
let below = 0;
let twinMissing = 0;
let selfMissing = 0;
/** Score of the title-only hit over its best twin's, where both are listed. */
const ratios: number[] = [];
for (const id of titleOnly) {
  const twins = new Set(twinsOf.all(id).map((r) => r.id));
  if (twins.size === 0) continue;
  withTwins++;
  const title = await queryOf(titleOf.get(id)?.title ?? "");
  let hits: { id: string; score: number; copies: { id: string }[] }[];
  try {
    hits = (await searchArticles(storage, title, options)).hits;
  } catch {
    continue;
  }
  const self = rankOf(hits, new Set([id]));
  const twin = rankOf(hits, twins);
  if (self >= 0 && twin >= 0) ratios.push(hits[self]!.score / hits[twin]!.score);
  if (self < 0) selfMissing++;
  else if (twin < 0) twinMissing++;
  else if (self < twin) above++;
  else below++;
  if (values.list === true)
    console.log(
      `${self}\t${twin}\t${self >= 0 && twin >= 0 ? (hits[self]!.score / hits[twin]!.score).toFixed(3) : "-"}\t${id}\t${title}`,
    );
}
console.log(
  `title-only articles: ${titleOnly.size}; with twins: ${withTwins}; searched by title: above every twin ${above}, ` +
    `below a twin ${below}, no twin in the first ${SEARCH_DEPTH} ${twinMissing}, itself not in them ${selfMissing}`,
);
ratios.sort((a, b) => a - b);
console.log(`score over the best twin's: ${ratios.map((r) => r.toFixed(3)).join(" ")}`);

let pageHits = 0;
let titleOnlyHits = 0;
let queriesWith = 0;
let firstHits = 0;
for (const q of BENCH_QUERIES) {
  const { hits } = await searchArticles(storage, q, { ...options, limit: PAGE });
  const n = hits.filter((h) => titleOnly.has(h.id)).length;
  pageHits += hits.length;
  titleOnlyHits += n;
  if (n > 0) queriesWith++;
  if (hits[0] !== undefined && titleOnly.has(hits[0].id)) firstHits++;
  if (values.list === true && n > 0)
    console.log(
      `${q}\t${hits.map((h, i) => (titleOnly.has(h.id) ? i + 1 : null)).filter((i) => i !== null)}`,
    );
}
console.log(
  `bench queries: ${BENCH_QUERIES.length}; title-only hits on their first pages ${titleOnlyHits} of ${pageHits} ` +
    `(${queriesWith} queries), first hit title-only ${firstHits}`,
);
await storage.close();
if (storage !== sqlite) await sqlite.close();
