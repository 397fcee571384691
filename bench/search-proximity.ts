/**
 * `node --import tsx bench/search-proximity.ts --db PATH [--show]`: precision at 10 of the first search page for the
 * judged queries of testdata/labels/search-proximity.jsonl (two- and three-word queries whose words also stand apart
 * in the dev corpus), on a store already filled with the dev corpus (akhbar import). A hit nobody judged is counted
 * apart, never as relevant. `--show` prints each unjudged hit's title and the stretch of its text where the query's
 * words stand closest, for judging.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openSqliteStorage } from "../src/adapters/sqlite/open-sqlite-storage.ts";
import { searchArticles } from "../src/pipeline/search-articles.ts";
import { MARK_CLOSE, MARK_OPEN } from "../src/stages/search/build-snippet.ts";
import { parseQuery } from "../src/stages/search/parse-query.ts";

const LABELS = join(import.meta.dirname, "../testdata/labels/search-proximity.jsonl");
const PAGE = 10;

interface Judgment {
  query: string;
  id: string;
  relevant: boolean;
  /** The title when judged, for reading the file. */
  title?: string;
}

async function main() {
  const args = process.argv.slice(2);
  const db = args[args.indexOf("--db") + 1] ?? "akhbar.db";
  const show = args.includes("--show");
  const judgments = readFileSync(LABELS, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Judgment);
  const queries = [...new Set(judgments.map((j) => j.query))];
  const verdict = new Map(judgments.map((j) => [`${j.query}\u0000${j.id}`, j.relevant]));
  const storage = await openSqliteStorage(db);
  let relevantSum = 0;
  let unjudgedSum = 0;
  try {
    for (const query of queries) {
      const { hits } = await searchArticles(storage, query, {
        limit: PAGE,
        offset: 0,
        sources: [],
        from: null,
        to: null,
        recency: false,
      });
      let relevant = 0;
      let unjudged = 0;
      const marks: string[] = [];
      for (const hit of hits) {
        const v = verdict.get(`${query}\u0000${hit.id}`);
        if (v === undefined) {
          unjudged++;
          marks.push("?");
          if (show) {
            const plain = (s: string) => s.replaceAll(MARK_OPEN, "[").replaceAll(MARK_CLOSE, "]");
            console.log(`  ? ${JSON.stringify({ query, id: hit.id, title: hit.title })}`);
            console.log(`      ${plain(hit.snippet)}`);
          }
        } else {
          if (v) relevant++;
          marks.push(v ? "+" : "-");
        }
      }
      relevantSum += relevant;
      unjudgedSum += unjudged;
      console.log(`${query.padEnd(28)} P@10 ${(relevant / PAGE).toFixed(1)}  ${marks.join("")}`);
    }
  } finally {
    await storage.close();
  }
  console.log(
    `mean P@10 ${(relevantSum / (PAGE * queries.length)).toFixed(3)} over ${queries.length} queries; ${unjudgedSum} hits unjudged`,
  );
  // parseQuery is the searcher's own: a query the judged file holds must still parse.
  for (const query of queries) parseQuery(query, { limit: 1, offset: 0 });
}

await main();
