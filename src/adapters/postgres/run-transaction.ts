/**
 * Write transactions on PostgreSQL: advisory locks taken in one global order (sources, then content keys), and
 * whole-transaction retry when a concurrent writer got there first. Adapter (IO); every store that writes articles or
 * sources uses it.
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
 * inserted by a concurrent writer), deadlock_detected, serialization_failure.
 */
const RETRYABLE_SQLSTATES = new Set(["23505", "40P01", "40001"]);

/** Thrown inside a transaction to roll it back and run it again from the start. */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(`store: retrying write: ${reason}`);
  }
}

/**
 * Runs `body` in a READ COMMITTED transaction on one pooled connection and commits it. Rolls back and runs again on
 * RetryTransaction or a retryable SQLSTATE, at most WRITE_ATTEMPTS_MAX times.
 */
export async function runTransaction<T>(
  pool: pg.Pool,
  body: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let release: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await body(client);
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
    } finally {
      client.release(release);
    }
    await sleep(RETRY_BACKOFF_MS * attempt * (1 + Math.random()));
  }
}

/**
 * Takes the transaction-scoped advisory lock of every source in `ids`, in sorted order, so two writers never wait
 * on each other in a cycle. Rule of this adapter: whoever changes a source's row holds its lock exclusively;
 * writers of its articles hold it shared (they run side by side, and a source is never removed under them).
 * Source locks come before content locks (lockContentKeys) in every transaction. Returns the set of locked ids.
 */
export async function lockSources(
  client: pg.ClientBase,
  ids: Iterable<string>,
  mode: "exclusive" | "shared" = "exclusive",
): Promise<Set<string>> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length > 0) {
    const fn = mode === "shared" ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock";
    await client.query(
      `SELECT ${fn}(hashtextextended('akhbar.source:' || s, 0)) FROM unnest($1::text[]) AS s`,
      [sorted],
    );
  }
  return new Set(sorted);
}

/**
 * Takes the exclusive transaction-scoped advisory lock of every (source, content hash) pair, in sorted order, after
 * the transaction's source locks: two writers of one text from one source run one after another, so content-hash
 * dedupe (which no unique index can hold: a rewrite may give two stored articles one hash) sees the first one's
 * row. Ids and URL keys need no lock: their unique indexes make a concurrent second insert wait for the first and
 * then start over (RetryTransaction). One lock-table entry per pair: PostgreSQL's shared lock table holds
 * max_locks_per_transaction x max_connections entries (6400 by default), far above a few workers' 500-article batches.
 */
export async function lockContentKeys(
  client: pg.ClientBase,
  pairs: readonly { sourceId: string; contentHash: string }[],
): Promise<void> {
  // Two pairs sharing a key (or a 64-bit lock hash) only wait for each other: never a wrong outcome.
  const keys = [...new Set(pairs.map((p) => `${p.sourceId}:${p.contentHash}`))].sort();
  if (keys.length === 0) return;
  await client.query(
    "SELECT pg_advisory_xact_lock(hashtextextended('akhbar.content:' || k, 0)) FROM unnest($1::text[]) AS k",
    [keys],
  );
}

function sqlState(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
