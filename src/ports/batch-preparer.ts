/**
 * BatchPreparer port: where the CPU half of import (parse, extract, analyze) runs — in the importing thread
 * or in worker threads. Results come back in the order batches were handed in.
 */

import type { StoryStreamRow } from "../domain/story.ts";
import type { ImportLine, PreparedBatch } from "../pipeline/prepare-batch.ts";
import type { RecordOptions } from "../stages/ingest/record-to-draft.ts";
import type { StreamAnalysis } from "../stages/stories/recluster.ts";
import type { ReindexAnalysis, ReindexRow } from "./article-store.ts";

export interface BatchPreparer {
  /** How many batches may be in flight at once for the preparer to stay busy. */
  readonly parallelism: number;
  prepare(lines: ImportLine[], options: RecordOptions): Promise<PreparedBatch>;
  /**
   * analyzeStreamArticle of each row, in order: the text analysis of story placement, run on another thread while
   * the placing thread folds earlier rows. Called after the last batch is in. Absent: placement analyzes in its own
   * thread.
   */
  analyzeStories?(rows: readonly StoryStreamRow[]): Promise<StreamAnalysis[]>;
  /**
   * Announces analyzeStories after the last batch is prepared, so the preparer can get ready for it (start its
   * thread) while the store finishes the import; analyzeStories works without it.
   */
  readyStoryAnalysis?(): void;
  /**
   * pipeline/reindex-articles analyzeForReindex of each row, in order: a re-index batch's analysis, run on another
   * thread so the one that serves is not held by it. Absent: the re-index analyzes in its own thread.
   */
  analyzeForReindex?(rows: readonly ReindexRow[]): Promise<ReindexAnalysis[]>;
  close(): Promise<void>;
}
