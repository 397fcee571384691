/**
 * Worker-thread entry for ThreadBatchPreparer: runs prepareBatch (or, for story placement, analyzeStreamArticle
 * over rows) on each message and posts the result back. Adapter (thread IO); all logic lives in
 * pipeline/prepare-batch.ts and stages/stories/recluster.ts.
 */
import { parentPort } from "node:worker_threads";
import type { StoryStreamRow } from "../../domain/story.ts";
import { type ImportLine, prepareBatch } from "../../pipeline/prepare-batch.ts";
import type { RecordOptions } from "../../stages/ingest/record-to-draft.ts";
import { analyzeStreamArticle } from "../../stages/stories/recluster.ts";

type Job = { id: number } & (
  | { kind: "prepare"; lines: ImportLine[]; options: RecordOptions }
  | { kind: "analyzeStories"; rows: StoryStreamRow[] }
);

parentPort!.on("message", (job: Job) => {
  try {
    const result =
      job.kind === "prepare" ? prepareBatch(job.lines, job.options) : job.rows.map(analyzeStreamArticle);
    parentPort!.postMessage({ id: job.id, ok: true, result });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, error: (err as Error).stack ?? String(err) });
  }
});
