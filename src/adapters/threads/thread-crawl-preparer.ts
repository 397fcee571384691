/**
 * ThreadCrawlPreparer: the CrawlPreparer port on worker threads with a hard wall-clock limit per task — a feed
 * that hangs the parser gets its worker terminated and replaced (RES-07, Q-02). Adapter (thread IO).
 */
import { Worker } from "node:worker_threads";
import { AkhbarError } from "../../domain/errors.ts";
import type { CrawlItemInput, FeedParseInput, PreparedCrawlItem } from "../../pipeline/prepare-crawl-item.ts";
import type { CrawlPreparer } from "../../ports/crawl-preparer.ts";
import type { FeedDocument } from "../../stages/feeds/feed-document.ts";
import { FEED_PARSE_BUDGET_MS } from "../../stages/feeds/xml-tree.ts";

/** Hard limit on one task, past which its worker is killed: the parser's own cooperative budget (5 s, notes/
 * reliability.md section 4) plus room for extraction of a 5 MiB page (about 1 s) on a busy machine. A worker's
 * start-up (loading the TypeScript of the pipeline, seconds on a loaded machine) is not counted: tasks go only to
 * workers that said they are ready. */
export const CRAWL_TASK_LIMIT_MS = FEED_PARSE_BUDGET_MS + 3_000;

type Task =
  | { kind: "feed"; input: FeedParseInput; resolve: (v: FeedDocument) => void; reject: (e: Error) => void }
  | {
      kind: "item";
      input: CrawlItemInput;
      resolve: (v: PreparedCrawlItem) => void;
      reject: (e: Error) => void;
    };

interface Slot {
  worker: Worker;
  /** True once the worker has loaded its entry (boot-worker.mjs posts `{ ready: true }`). */
  ready: boolean;
  busy: { id: number; task: Task; timer: NodeJS.Timeout } | null;
}

interface Reply {
  ready?: true;
  id: number;
  ok: boolean;
  result?: unknown;
  code?: string | null;
  message?: string;
}

export class ThreadCrawlPreparer implements CrawlPreparer {
  readonly #slots: Slot[] = [];
  readonly #queue: Task[] = [];
  readonly #limitMs: number;
  #nextId = 0;
  #closed = false;

  constructor(workers = 1, limitMs = CRAWL_TASK_LIMIT_MS) {
    this.#limitMs = limitMs;
    for (let i = 0; i < Math.max(1, workers); i++) this.#slots.push(this.#spawn());
  }

  parseFeed(input: FeedParseInput): Promise<FeedDocument> {
    return new Promise((resolve, reject) => this.#enqueue({ kind: "feed", input, resolve, reject }));
  }

  prepareItem(input: CrawlItemInput): Promise<PreparedCrawlItem> {
    return new Promise((resolve, reject) => this.#enqueue({ kind: "item", input, resolve, reject }));
  }

  async close(): Promise<void> {
    this.#closed = true;
    const closed = new AkhbarError("crawl.closed", "crawl: the worker pool is closed");
    for (const task of this.#queue.splice(0)) task.reject(closed);
    for (const slot of this.#slots) {
      if (slot.busy) {
        clearTimeout(slot.busy.timer);
        slot.busy.task.reject(closed);
        slot.busy = null;
      }
    }
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  #spawn(): Slot {
    const entry = new URL("./crawl-prepare-worker.ts", import.meta.url).href;
    const worker = new Worker(new URL("./boot-worker.mjs", import.meta.url), { workerData: { entry } });
    const slot: Slot = { worker, ready: false, busy: null };
    worker.on("message", (msg: Reply) => {
      if (msg.ready === true) {
        slot.ready = true;
        this.#dispatch();
      } else this.#settle(slot, msg);
    });
    worker.on("error", (err) => this.#replace(slot, err));
    worker.on("exit", (code) => {
      if (!this.#closed && this.#slots.includes(slot)) {
        this.#replace(slot, new Error(`crawl: a worker thread exited with code ${code}`));
      }
    });
    return slot;
  }

  #enqueue(task: Task): void {
    if (this.#closed) {
      task.reject(new AkhbarError("crawl.closed", "crawl: the worker pool is closed"));
      return;
    }
    this.#queue.push(task);
    this.#dispatch();
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (!slot.ready || slot.busy !== null) continue;
      const task = this.#queue.shift();
      if (task === undefined) return;
      const id = this.#nextId++;
      // The clock starts when a ready worker gets the task, so neither a queue behind a slow task nor the worker's
      // start-up is counted against it.
      const timer = setTimeout(() => {
        const code = task.kind === "feed" ? "feed.parse_timeout" : "extract.timeout";
        this.#replace(
          slot,
          new AkhbarError(code, `crawl: ${task.kind} preparation took over ${this.#limitMs} ms`),
        );
      }, this.#limitMs);
      slot.busy = { id, task, timer };
      slot.worker.postMessage({ id, kind: task.kind, input: task.input });
    }
  }

  #settle(slot: Slot, msg: Reply): void {
    const busy = slot.busy;
    if (busy === null || busy.id !== msg.id) return;
    clearTimeout(busy.timer);
    slot.busy = null;
    if (msg.ok) (busy.task.resolve as (v: unknown) => void)(msg.result);
    else if (msg.code) busy.task.reject(new AkhbarError(msg.code, msg.message ?? msg.code));
    else busy.task.reject(new Error(`crawl: a worker failed: ${msg.message}`));
    this.#dispatch();
  }

  /** Fails the slot's task with `err`, terminates its worker and starts a fresh one in its place. */
  #replace(slot: Slot, err: Error): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0 || this.#closed) return;
    if (slot.busy) {
      clearTimeout(slot.busy.timer);
      slot.busy.task.reject(err);
      slot.busy = null;
    }
    this.#slots.splice(index, 1);
    slot.worker.terminate().catch(() => {});
    this.#slots.push(this.#spawn());
    this.#dispatch();
  }
}
