/**
 * The search_analyzer row both storage adapters keep (SQLite migration 7, PostgreSQL migration 6), the rule that reads
 * it at the start of a re-index batch and the one that moves it after. Adapter helper, pure.
 */

import { AkhbarError } from "../domain/errors.ts";
import { FIRST_ANALYZER_VERSION, type ReindexAnalysis, type ReindexRead } from "../ports/article-store.ts";
import { ANALYZER_VERSION } from "../stages/arabic/analyze-text.ts";

/** The search_analyzer row: the analyzer the index comes from, and the re-index under way with its resume point. */
export interface AnalyzerStateRow {
  version: number;
  reindex_version: number | null;
  reindex_after_seq: number;
}

/**
 * Where a re-index batch to `version` starts: the seq after which it resumes (0 to start over), or null when there is
 * nothing to do: the index already comes from `version` or a newer analyzer, or a re-index to a newer version is under
 * way (another process, newer code), which supersedes this one: taking turns, each would reset the other's resume
 * point and neither would finish.
 * Example: {version 1, reindex_version 2, reindex_after_seq 500} -> 500 for version 2, 0 for 3, null for 1.
 */
export function reindexResumeAfter(state: AnalyzerStateRow, version: number): number | null {
  if (state.version >= version || (state.reindex_version !== null && state.reindex_version > version))
    return null;
  return state.reindex_version === version ? state.reindex_after_seq : 0;
}

/**
 * Where a re-index batch read to `version` starts (reindexResumeAfter), a missing row read as the one migrations write
 * (FIRST_ANALYZER_VERSION, no re-index under way); null when there is nothing to re-index. Both stores' reads.
 */
export function readResumeAfter(state: AnalyzerStateRow | undefined, version: number): number | null {
  const resume = reindexResumeAfter(
    state ?? { version: FIRST_ANALYZER_VERSION, reindex_version: null, reindex_after_seq: 0 },
    version,
  );
  return resume === null ? null : Number(resume);
}

/** Refuses a re-index write whose analyses do not pair one to one with the rows read (`store.bad_request`). */
export function checkReindexAnalyses(read: ReindexRead, analyses: readonly ReindexAnalysis[]): void {
  if (analyses.length !== read.rows.length) {
    throw new AkhbarError("store.bad_request", "store: a re-index batch needs one analysis per article read");
  }
}

/**
 * Where the resume point goes once a read batch is written (`written[i]`: row i was still as read, so its analysis
 * was written): after the batch's last article, or, when some changed or went since the read, after the last article
 * before the first of them, so the next batch reads it again (a deleted one is simply not there to read). At most
 * the rest of the batch is analyzed twice; no article is passed over with the analysis of a text it no longer has.
 * Example: afterSeq 10, rows 11, 12, 13, written [true, false, true] -> 11; [false, ...] -> 10; all true -> 13.
 */
export function resumeAfterWrite(
  read: { afterSeq: number; rows: readonly { seq: number }[] },
  written: readonly boolean[],
): number {
  const firstChanged = written.indexOf(false);
  if (firstChanged === -1) return read.rows.at(-1)?.seq ?? read.afterSeq;
  return firstChanged === 0 ? read.afterSeq : read.rows[firstChanged - 1]!.seq;
}

/**
 * The seq after which stored content hashes may come from an older analyzer than a writer's (ANALYZER_VERSION): the
 * articles a re-index has not reached yet (all of them before its first batch), or null when every hash is current.
 * A writer's exact copy of such an article misses it by hash, so the stores also compare its text with theirs.
 * Example: {version 11, reindex_version 12, reindex_after_seq 500} -> 500; {version 11, null, 0} -> 0 (at 12).
 */
export function olderHashesAfter(
  state: AnalyzerStateRow | undefined,
  current: number = ANALYZER_VERSION,
): number | null {
  if (state === undefined) return null;
  if (state.reindex_version !== null) return Number(state.reindex_after_seq);
  return state.version < current ? 0 : null;
}
