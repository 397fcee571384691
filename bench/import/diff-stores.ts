/**
 * Whether two SQLite stores hold the same articles, index and stories: a sha256 per table over every row (in key
 * order) and every column but the ones that record when a run happened (stored_at, fetched_at, applied_at,
 * created_at, set_at, deleted_at), the search index's segments included. For a change that must not alter what an
 * import stores (issue #5's import speed): import the dev corpus with main and with the change, then compare.
 * Benchmark helper, not pure (reads the files). Run: node --import tsx bench/import/diff-stores.ts A.db B.db
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";

/** Columns whose value is the time a run wrote the row, not what it wrote. */
const RUN_TIME_COLUMNS = new Set([
  "stored_at",
  "fetched_at",
  "applied_at",
  "created_at",
  "set_at",
  "deleted_at",
]);

function tableDigests(path: string): Map<string, string> {
  const db = new Database(path, { readonly: true });
  try {
    const digests = new Map<string, string>();
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all();
    for (const { name } of tables) {
      const columns = db
        .prepare<[], { name: string; pk: number }>(`PRAGMA table_info("${name}")`)
        .all()
        .filter((c) => !RUN_TIME_COLUMNS.has(c.name));
      if (columns.length === 0) continue;
      const list = columns.map((c) => `"${c.name}"`).join(", ");
      const hash = createHash("sha256");
      let rows = 0;
      for (const row of db.prepare(`SELECT ${list} FROM "${name}" ORDER BY ${list}`).iterate()) {
        for (const value of Object.values(row as Record<string, unknown>)) {
          hash.update(Buffer.isBuffer(value) ? value : String(value));
          hash.update("\u0000");
        }
        rows++;
      }
      digests.set(name, `${rows} ${hash.digest("hex").slice(0, 16)}`);
    }
    return digests;
  } finally {
    db.close();
  }
}

const [a, b] = process.argv.slice(2);
if (a === undefined || b === undefined) throw new Error("usage: diff-stores.ts A.db B.db");
const left = tableDigests(a);
const right = tableDigests(b);
let differ = 0;
for (const name of new Set([...left.keys(), ...right.keys()])) {
  const same = left.get(name) === right.get(name);
  if (!same) differ++;
  console.log(
    `${same ? "same" : "DIFF"} ${name.padEnd(24)} ${left.get(name) ?? "-"}  ${right.get(name) ?? "-"}`,
  );
}
console.log(differ === 0 ? "stores hold the same rows" : `${differ} tables differ`);
process.exitCode = differ === 0 ? 0 : 1;
