/**
 * Counts the cited sources import finds in the dev corpus's plain text (recordToDraft, as `akhbar import` stores them):
 * articles with one, per outlet and per cited name; `--sample N` also prints N seeded-random finds (id, outlet, name)
 * to read against the texts. Not pure (reads the corpus). Run: node --import tsx bench/import/cited-sources.ts
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { isAkhbarError } from "../../src/domain/errors.ts";
import { recordToDraft } from "../../src/stages/ingest/record-to-draft.ts";
import { seededRandom } from "../seeded-random.ts";
import { CORPUS_PATH } from "../stories/load-corpus.ts";

const args = process.argv.slice(2);
const SAMPLE = args.includes("--sample") ? Number(args[args.indexOf("--sample") + 1]) : 0;
/** Corpus dates carry no offset (see load-corpus.ts). */
const OPTIONS = { defaultOffset: "Z", now: "2026-01-01T00:00:00.000Z" };

const bySource = new Map<string, { articles: number; cited: number }>();
const byName = new Map<string, number>();
const found: { id: string; source: string; name: string }[] = [];
for (const line of gunzipSync(readFileSync(CORPUS_PATH)).toString("utf8").split("\n")) {
  if (line.trim() === "") continue;
  let draft: ReturnType<typeof recordToDraft>;
  try {
    draft = recordToDraft(JSON.parse(line), OPTIONS);
  } catch (err) {
    if (isAkhbarError(err, "import.bad_record")) continue;
    throw err;
  }
  const counts = bySource.get(draft.sourceId) ?? { articles: 0, cited: 0 };
  counts.articles++;
  bySource.set(draft.sourceId, counts);
  if (draft.citedSource === null) continue;
  counts.cited++;
  byName.set(draft.citedSource, (byName.get(draft.citedSource) ?? 0) + 1);
  found.push({ id: draft.id, source: draft.sourceId, name: draft.citedSource });
}
const total = [...bySource.values()].reduce((n, c) => n + c.articles, 0);
console.log(`articles ${total}, with a cited source ${found.length}`);
console.log("per outlet (cited / articles):");
for (const [source, c] of [...bySource].sort((a, b) => b[1].cited - a[1].cited))
  console.log(`  ${source} ${c.cited} / ${c.articles}`);
console.log("per cited name:");
for (const [name, n] of [...byName].sort((a, b) => b[1] - a[1])) console.log(`  ${name} ${n}`);
if (SAMPLE > 0) {
  const random = seededRandom(20261130);
  const pool = [...found];
  console.log(`sample of ${SAMPLE}:`);
  for (let i = 0; i < SAMPLE && pool.length > 0; i++) {
    const [pick] = pool.splice(Math.floor(random() * pool.length), 1);
    console.log(`  ${pick!.id} ${pick!.source} ${pick!.name}`);
  }
}
