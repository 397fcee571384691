/**
 * Worker-thread entry for ThreadBatchPreparer: runs prepareBatch on each message and posts the result back.
 * Adapter (thread IO); all logic lives in pipeline/prepare-batch.ts.
 */
import { parentPort } from "node:worker_threads";
import { type ImportLine, prepareBatch } from "../../pipeline/prepare-batch.ts";
import type { RecordOptions } from "../../stages/ingest/record-to-draft.ts";

interface Job {
  id: number;
  lines: ImportLine[];
  options: RecordOptions;
}

parentPort!.on("message", (job: Job) => {
  try {
    parentPort!.postMessage({ id: job.id, ok: true, result: prepareBatch(job.lines, job.options) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, error: (err as Error).stack ?? String(err) });
  }
});
