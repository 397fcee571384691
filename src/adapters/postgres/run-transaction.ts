/**
 * Write transactions on PostgreSQL: source advisory locks taken in one global order, and whole-transaction retry
 * when a concurrent writer got there first. Adapter (IO); every store that writes articles or sources uses it.
 */
import type pg from "pg";

/**
 * Attempts per write before the error reaches the caller. A retry happens only when two writers touched the same
 * key at the same moment (or a writer found a row of a source it had not locked); 5 leaves room for a burst of
 * such collisions on one hot key, and each attempt backs off a little longer.
 */
export const WRITE_ATTEMPTS_MAX = 5;

/** Base back-off between attempts, times the attempt number, plus jitter: two colliding writers desynchronize. */
const RETRY_BACKOFF_MS = 5;

/**
 * SQLSTATEs that mean "a concurrent transaction won; run again": unique_violation (the same id or URL key
 * inserted by a writer of another source), deadlock_detected, serialization_failure.
 */
const RETRYABLE_SQLSTATES = new Set(["23505", "40P01", "40001"]);

/** Thrown inside a transaction to start it over, holding the advisory locks of `sources` from the start. */
export class RetryTransaction extends Error {
  readonly sources: readonly string[];
  constructor(reason: string, sources: readonly string[] = []) {
    super(`store: retrying write: ${reason}`);
    this.sources = sources;
  }
}

/**
 * Runs `body` in a READ COMMITTED transaction on one pooled connection and commits it. `body` receives the source
 * ids it must lock in addition to its own (those asked for by earlier attempts). Rolls back and runs again on
 * RetryTransaction or a retryable SQLSTATE, at most WRITE_ATTEMPTS_MAX times.
 */
export async function runTransaction<T>(
  pool: pg.Pool,
  body: (client: pg.PoolClient, extraSources: ReadonlySet<string>) => Promise<T>,
): Promise<T> {
  const extra = new Set<string>();
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let release: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await body(client, extra);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      try {
        await client.query("ROLLBACK");
      } catch (rollbackErr) {
        // A connection that cannot roll back is broken: drop it from the pool instead of reusing it.
        release = rollbackErr as Error;
      }
      const retryable = err instanceof RetryTransaction || RETRYABLE_SQLSTATES.has(sqlState(err));
      if (!retryable || attempt >= WRITE_ATTEMPTS_MAX) throw err;
      if (err instanceof RetryTransaction) for (const s of err.sources) extra.add(s);
    } finally {
      client.release(release);
    }
    await sleep(RETRY_BACKOFF_MS * attempt * (1 + Math.random()));
  }
}

/**
 * Takes the transaction-scoped advisory lock of every source in `ids`, in sorted order, so two writers never wait
 * on each other in a cycle. Rule of this adapter: whoever writes a source's row or its articles holds this lock.
 * Returns the set of locked ids.
 */
export async function lockSources(client: pg.ClientBase, ids: Iterable<string>): Promise<Set<string>> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length > 0) {
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtextextended('akhbar.source:' || s, 0)) FROM unnest($1::text[]) AS s",
      [sorted],
    );
  }
  return new Set(sorted);
}

function sqlState(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
