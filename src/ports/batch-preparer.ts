/**
 * BatchPreparer port: where the CPU half of import (parse, extract, analyze) runs — in the importing thread
 * or in worker threads. Results come back in the order batches were handed in.
 */
import type { ImportLine, PreparedBatch } from "../pipeline/prepare-batch.ts";
import type { RecordOptions } from "../stages/ingest/record-to-draft.ts";

export interface BatchPreparer {
  /** How many batches may be in flight at once for the preparer to stay busy. */
  readonly parallelism: number;
  prepare(lines: ImportLine[], options: RecordOptions): Promise<PreparedBatch>;
  close(): Promise<void>;
}
