/**
 * The search_analyzer row both storage adapters keep (SQLite migration 7, PostgreSQL migration 6) and the one rule
 * that reads it at the start of a re-index batch. Adapter helper, pure.
 */

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
