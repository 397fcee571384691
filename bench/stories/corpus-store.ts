/**
 * The dev corpus imported once into a SQLite file for benches that read a whole store (bench:similar,
 * restart-replay): built under a temporary name and renamed when complete, so an interrupted import is never reused.
 * Benchmark helper, not pure (files).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { gunzipSync } from "node:zlib";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { importRecords } from "../../src/pipeline/import-records.ts";
import { CORPUS_PATH } from "./load-corpus.ts";

/** The import's clock: the day after the corpus's last article. */
const CORPUS_IMPORT_NOW = new Date("2015-08-12T00:00:00Z");

/**
 * Imports the corpus into `path` unless the file is there; `assignStories` false stores articles only (a base a
 * replay places itself). Returns whether it built the file.
 */
export async function importCorpusOnce(path: string, options: { assignStories: boolean }): Promise<boolean> {
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  const building = `${path}.${process.pid}.tmp`;
  const storage = await openSqliteStorage(building);
  const lines = gunzipSync(readFileSync(CORPUS_PATH)).toString("utf8").split("\n");
  await importRecords(
    (async function* () {
      for (let i = 0; i < lines.length; i++)
        if (lines[i]!.trim() !== "") yield { file: "corpus", lineNo: i + 1, text: lines[i]! };
    })(),
    { storage, clock: { now: () => CORPUS_IMPORT_NOW } },
    { assignStories: options.assignStories },
  );
  await storage.close();
  for (const suffix of ["-wal", "-shm"]) rmSync(building + suffix, { force: true });
  renameSync(building, path);
  return true;
}
