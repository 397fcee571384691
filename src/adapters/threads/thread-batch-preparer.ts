/**
 * ThreadBatchPreparer: the BatchPreparer port on worker threads, so parsing and Arabic analysis run beside the
 * thread that writes to the store. Adapter (thread IO). Batches go round-robin; answers are matched by id.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { AkhbarError } from "../../domain/errors.ts";
import type { ImportLine, PreparedBatch } from "../../pipeline/prepare-batch.ts";
import type { BatchPreparer } from "../../ports/batch-preparer.ts";
import type { RecordOptions } from "../../stages/ingest/record-to-draft.ts";

/**
 * Default worker count: every core but the one the store writer needs. On the 2-core reference machine that is
 * one worker, which took the dev-corpus import from one thread doing everything to two threads each half busy.
 */
export function defaultImportWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface Pending {
  resolve: (batch: PreparedBatch) => void;
  reject: (err: Error) => void;
}

export class ThreadBatchPreparer implements BatchPreparer {
  readonly parallelism: number;
  readonly #workers: Worker[];
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #failure: Error | null = null;

  constructor(workers = defaultImportWorkers()) {
    this.parallelism = workers * 2;
    const entry = new URL("./prepare-batch-worker.ts", import.meta.url).href;
    this.#workers = Array.from({ length: workers }, () => {
      const worker = new Worker(new URL("./boot-worker.mjs", import.meta.url), { workerData: { entry } });
      worker.on(
        "message",
        (msg: { ready?: true; id: number; ok: boolean; result?: PreparedBatch; error?: string }) => {
          // Batches carry no time limit, so they may be posted before the worker is ready; the signal is not needed.
          if (msg.ready === true) return;
          const pending = this.#pending.get(msg.id);
          this.#pending.delete(msg.id);
          if (msg.ok) pending?.resolve(msg.result!);
          else pending?.reject(new Error(`import: a worker failed on a batch: ${msg.error}`));
        },
      );
      worker.on("error", (err) => this.#fail(err));
      worker.on("exit", (code) => {
        if (code !== 0) this.#fail(new Error(`import: a worker thread exited with code ${code}`));
      });
      return worker;
    });
  }

  prepare(lines: ImportLine[], options: RecordOptions): Promise<PreparedBatch> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    const worker = this.#workers[id % this.#workers.length]!;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.postMessage({ id, lines, options });
    });
  }

  async close(): Promise<void> {
    this.#failure ??= new AkhbarError("import.closed", "import: the worker pool is closed");
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }

  #fail(err: Error): void {
    if (this.#failure !== null) return;
    this.#failure = err;
    for (const pending of this.#pending.values()) pending.reject(err);
    this.#pending.clear();
  }
}
