/**
 * The write transactions of akhbar's SQLite stores. Adapter (IO).
 */
import type Database from "better-sqlite3";

/**
 * `fn` as one transaction that takes the write lock at BEGIN (IMMEDIATE), waiting for another connection's
 * (busy_timeout) if it holds it. A deferred transaction reads first and upgrades at its first write; if another
 * connection (`akhbar serve --crawl` beside an import) committed in between, its snapshot is stale and SQLite fails
 * the upgrade at once with "database is locked", without waiting (src/adapters/sqlite/concurrent-writers.test.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: any function's parameters, as better-sqlite3's own Transaction type.
export function writeTransaction<F extends (...args: any[]) => any>(db: Database.Database, fn: F): F {
  return db.transaction(fn).immediate as unknown as F;
}
