/**
 * Worker-thread entry for ThreadBatchPreparer: runs prepareBatch (or, for story placement, analyzeStreamArticle
 * over rows; for a re-index, analyzeForReindex over rows) on each message and posts the result back. Adapter (thread
 * IO); all logic lives in pipeline/prepare-batch.ts, pipeline/reindex-articles.ts and stages/stories/recluster.ts.
 */
import { parentPort } from "node:worker_threads";
import type { StoryStreamRow } from "../../domain/story.ts";
import { type ImportLine, prepareBatch } from "../../pipeline/prepare-batch.ts";
import { analyzeForReindex } from "../../pipeline/reindex-articles.ts";
import type { ReindexRow } from "../../ports/article-store.ts";
import type { RecordOptions } from "../../stages/ingest/record-to-draft.ts";
import { analyzeStreamArticle } from "../../stages/stories/recluster.ts";

type Job = { id: number } & (
  | { kind: "prepare"; lines: ImportLine[]; options: RecordOptions }
  | { kind: "analyzeStories"; rows: StoryStreamRow[] }
  | { kind: "analyzeForReindex"; rows: ReindexRow[] }
);

function runJob(job: Job): unknown {
  switch (job.kind) {
    case "prepare":
      return prepareBatch(job.lines, job.options);
    case "analyzeStories":
      return job.rows.map(analyzeStreamArticle);
    case "analyzeForReindex":
      return job.rows.map((row) => analyzeForReindex(row.title, row.text));
  }
}

parentPort!.on("message", (job: Job) => {
  try {
    parentPort!.postMessage({ id: job.id, ok: true, result: runJob(job) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, error: (err as Error).stack ?? String(err) });
  }
});
