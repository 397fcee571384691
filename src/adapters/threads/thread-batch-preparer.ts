/**
 * ThreadBatchPreparer: the BatchPreparer port on worker threads, so parsing and Arabic analysis run beside the
 * thread that writes to the store, the text analysis of story placement beside the thread that folds the stream, and
 * a re-index's analysis beside the thread that serves (`serve`'s background re-index).
 * Adapter (thread IO). Batches go round-robin over the import workers; story analysis goes to its own worker, started
 * as the import workers are released.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AkhbarError } from "../../domain/errors.ts";
import type { StoryStreamRow } from "../../domain/story.ts";
import type { ImportLine, PreparedBatch } from "../../pipeline/prepare-batch.ts";
import type { ReindexAnalysis, ReindexRow } from "../../ports/article-store.ts";
import type { BatchPreparer } from "../../ports/batch-preparer.ts";
import type { RecordOptions } from "../../stages/ingest/record-to-draft.ts";
import type { StreamAnalysis } from "../../stages/stories/recluster.ts";

/**
 * Default worker count: every core but the one the store writer needs. On the 2-core reference machine that is
 * one worker, which took the dev-corpus import from one thread doing everything to two threads each half busy.
 */
export function defaultImportWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Young generation of an import worker (V8's resourceLimits; three 64 MB semi-space units): batch preparation
 * allocates many short-lived objects (parsed records, analyzed terms, fingerprints), and a larger young generation
 * means fewer scavenges. Measured on the dev corpus import with stories (quiet, two runs each, then set as the
 * process-wide --max-semi-space-size=64, which reaches only the isolates made after it, i.e. these workers): 28.1
 * and 28.4 s -> 27.2 and 26.3 s wall, user 32.5 -> 29.4-30.5 s, peak RSS 1.02-1.07 -> 1.17-1.21 GB.
 */
export const IMPORT_WORKER_YOUNG_GENERATION_MB = 192;

/**
 * Young generation of the story-analysis worker: an import worker's, for the same reason (its analysis allocates many
 * short-lived objects). The dev corpus's analysis as this worker runs it (chunks of 250 structured-cloned in and out,
 * bench/.tmp, load ~12): 22.1 and 18.8 s CPU with 16 MB semi-spaces (V8's default, the 48 MB this was), 20.5 and
 * 17.6 s with 64 MB. It works while the placing thread's heap is at its largest: 48 MB kept it off that peak while
 * the assigner held its stream snapshots as objects (~200 MB on the dev corpus; now encoded as taken).
 */
export const STORY_ANALYSIS_YOUNG_GENERATION_MB = IMPORT_WORKER_YOUNG_GENERATION_MB;

interface Pending {
  resolve: (result: never) => void;
  reject: (err: Error) => void;
}

export class ThreadBatchPreparer implements BatchPreparer {
  readonly parallelism: number;
  #workers: Worker[];
  /** Started on the first analyzeStories, so an import without stories never pays for it. */
  #analysisWorker: Worker | null = null;
  readonly #pending = new Map<number, Pending>();
  readonly #workerCount: number;
  #nextId = 0;
  #failure: Error | null = null;

  constructor(workers = defaultImportWorkers()) {
    this.parallelism = workers * 2;
    this.#workerCount = workers;
    this.#workers = this.#spawnImportWorkers();
  }

  prepare(lines: ImportLine[], options: RecordOptions): Promise<PreparedBatch> {
    return this.#post(this.#nextImportWorker(), { kind: "prepare", lines, options });
  }

  analyzeForReindex(rows: readonly ReindexRow[]): Promise<ReindexAnalysis[]> {
    return this.#post(this.#nextImportWorker(), { kind: "analyzeForReindex", rows });
  }

  /** Round-robin over the import workers. */
  #nextImportWorker(): Worker {
    // Story analysis released the import workers; a later import (the CLI's next file) starts them again.
    if (this.#workers.length === 0) this.#workers = this.#spawnImportWorkers();
    return this.#workers[this.#nextId % this.#workers.length]!;
  }

  analyzeStories(rows: readonly StoryStreamRow[]): Promise<StreamAnalysis[]> {
    return this.#post(this.#readyAnalysisWorker(), { kind: "analyzeStories", rows });
  }

  readyStoryAnalysis(): void {
    this.#readyAnalysisWorker();
  }

  #readyAnalysisWorker(): Worker {
    // Placement comes after the last batch: the idle import workers' heaps would only add to its peak.
    if (this.#workers.length > 0 && this.#pending.size === 0) void this.#releaseImportWorkers();
    this.#analysisWorker ??= this.#spawn(STORY_ANALYSIS_YOUNG_GENERATION_MB);
    return this.#analysisWorker;
  }

  async close(): Promise<void> {
    this.#failure ??= new AkhbarError("import.closed", "import: the worker pool is closed");
    const all = this.#analysisWorker === null ? this.#workers : [...this.#workers, this.#analysisWorker];
    await Promise.all(all.map((w) => w.terminate()));
  }

  #spawnImportWorkers(): Worker[] {
    return Array.from({ length: this.#workerCount }, () => this.#spawn(IMPORT_WORKER_YOUNG_GENERATION_MB));
  }

  async #releaseImportWorkers(): Promise<void> {
    const idle = this.#workers;
    this.#workers = [];
    for (const w of idle) w.removeAllListeners("exit");
    await Promise.all(idle.map((w) => w.terminate()));
  }

  #spawn(youngGenerationMb: number): Worker {
    const entry = new URL("./prepare-batch-worker.ts", import.meta.url).href;
    const worker = new Worker(new URL("./boot-worker.mjs", import.meta.url), {
      workerData: { entry },
      resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
    });
    worker.on("message", (msg: { ready?: true; id: number; ok: boolean; result?: never; error?: string }) => {
      // Jobs carry no time limit, so they may be posted before the worker is ready; the signal is not needed.
      if (msg.ready === true) return;
      const pending = this.#pending.get(msg.id);
      this.#pending.delete(msg.id);
      if (msg.ok) pending?.resolve(msg.result!);
      else pending?.reject(new Error(`import: a worker failed on a batch: ${msg.error}`));
    });
    worker.on("error", (err) => this.#fail(err));
    worker.on("exit", (code) => {
      if (code !== 0) this.#fail(new Error(`import: a worker thread exited with code ${code}`));
    });
    return worker;
  }

  /** Posts one job to a worker; resolves with its result (answers are matched by id). */
  #post<T>(worker: Worker, job: object): Promise<T> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (result: never) => void, reject });
      worker.postMessage({ id, ...job });
    });
  }

  #fail(err: Error): void {
    if (this.#failure !== null) return;
    this.#failure = err;
    for (const pending of this.#pending.values()) pending.reject(err);
    this.#pending.clear();
  }
}
