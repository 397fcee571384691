/**
 * Import pipeline: JSON lines → batches → prepare (parse, validate, extract, analyze; see prepare-batch.ts,
 * possibly in worker threads) → idempotent store writes, one transaction per batch, in input order → story
 * placement of the new articles once all batches are in (assign-stories.ts; placement does not depend on batching,
 * so one pass at the end equals placing each batch, and keeps the store writer free while batches stream in).
 * Knows the stage order; takes its ports as arguments. One bad line is reported with its line number and skipped.
 */
import { knownOutlet } from "../config/known-outlets.ts";
import type { BatchPreparer } from "../ports/batch-preparer.ts";
import type { Clock } from "../ports/clock.ts";
import type { Storage } from "../ports/storage.ts";
import type { RecordOptions } from "../stages/ingest/record-to-draft.ts";
import { assignPendingStories, type PlacementProgress, STORY_ANALYSIS_CHUNK_ROWS } from "./assign-stories.ts";
import { type ImportLine, type PreparedBatch, prepareBatch, type Rejection } from "./prepare-batch.ts";

export type { ImportLine, Rejection } from "./prepare-batch.ts";

/**
 * Articles per transaction. Larger batches amortize the commit cost; 500 × ~2 KB keeps a batch near 1 MB,
 * so a crash loses at most the uncommitted batches, which a re-run writes again (writes are idempotent).
 */
export const IMPORT_BATCH_SIZE = 500;
/** New or changed articles from which an import compacts the search index at its end (SearchIndex.optimize):
 * below it the engine's own incremental merging keeps up. */
export const OPTIMIZE_MIN_ARTICLES = 5_000;
/** Rejections kept with their messages; the count covers all of them. */
export const MAX_REPORTED_REJECTIONS = 1_000;

export interface ImportSummary {
  /** Non-blank lines read. */
  read: number;
  /** New articles stored. */
  imported: number;
  /** Known articles whose content changed. */
  updated: number;
  /** Already stored (same id, canonical URL or same text from the same source): skipped. */
  duplicates: number;
  /** Refused because the article was deleted before. */
  tombstoned: number;
  rejected: number;
  rejections: Rejection[];
  /** True when the run stopped early on a signal; everything counted above is committed. */
  interrupted: boolean;
  /** Articles placed in stories after the import (0 when the storage keeps no stories). */
  placedInStories: number;
}

export interface ImportOptions {
  batchSize?: number;
  /** UTC offset assumed for timestamps without one. */
  defaultOffset?: string;
  signal?: AbortSignal;
  /** Called after every committed batch with the running totals. */
  onBatch?: (summary: ImportSummary) => void;
  /** Where batches are prepared; in this thread when not given. */
  preparer?: BatchPreparer;
  /** Place the new articles in stories after the last batch (assign-stories.ts); default true. */
  assignStories?: boolean;
  /** Called when story placement of `count` new articles starts (it can take a while on a large import). */
  onStories?: (count: number) => void;
  /** Called as story placement goes on (assign-stories.ts PlacementProgress), after every article it folds. */
  onStoriesProgress?: PlacementProgress;
}

/** Prepares batches in the importing thread: the default, and what tests and small imports use. */
export const inThreadPreparer: BatchPreparer = {
  parallelism: 1,
  prepare: async (lines, options) => prepareBatch(lines, options),
  close: async () => {},
};

export function emptyImportSummary(): ImportSummary {
  return {
    read: 0,
    imported: 0,
    updated: 0,
    duplicates: 0,
    tombstoned: 0,
    rejected: 0,
    rejections: [],
    interrupted: false,
    placedInStories: 0,
  };
}

/** Adds the counts of several runs (one per file); rejections stay capped at MAX_REPORTED_REJECTIONS. */
export function mergeImportSummaries(all: readonly ImportSummary[]): ImportSummary {
  const merged = emptyImportSummary();
  for (const s of all) {
    merged.read += s.read;
    merged.imported += s.imported;
    merged.updated += s.updated;
    merged.duplicates += s.duplicates;
    merged.tombstoned += s.tombstoned;
    merged.rejected += s.rejected;
    merged.rejections.push(...s.rejections.slice(0, MAX_REPORTED_REJECTIONS - merged.rejections.length));
    merged.interrupted ||= s.interrupted;
    merged.placedInStories += s.placedInStories;
  }
  return merged;
}

/**
 * A function that, before a batch is written, creates the sources it names that akhbar knows by id (knownOutlet:
 * "alriyadh" -> "الرياض") and nobody registered yet; each id is looked up once per import. Unknown ids are left to
 * the store, which creates them with their id as name.
 */
function sourceNamer(storage: Storage): (ids: readonly string[]) => Promise<void> {
  const seen = new Set<string>();
  return async (ids) => {
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const known = knownOutlet(id);
      if (known !== null && (await storage.sources.getSource(id)) === null)
        await storage.sources.upsertSource(known);
    }
  };
}

/** Imports every line; returns totals. Never throws for bad records, only for storage or preparer failures. */
export async function importRecords(
  lines: AsyncIterable<ImportLine>,
  deps: { storage: Storage; clock: Clock },
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const preparer = options.preparer ?? inThreadPreparer;
  const recordOptions: RecordOptions = {
    defaultOffset: options.defaultOffset ?? "Z",
    now: deps.clock.now().toISOString(),
  };
  const summary = emptyImportSummary();
  const inserted: string[] = [];
  // Batches are prepared concurrently but written strictly in input order, so the store sees the same
  // sequence of writes however many threads prepared them.
  const inFlight: Promise<PreparedBatch>[] = [];
  const nameSources = sourceNamer(deps.storage);
  const writeOldest = async () => {
    const prepared = await inFlight.shift()!;
    summary.read += prepared.read;
    summary.rejected += prepared.rejections.length;
    const room = MAX_REPORTED_REJECTIONS - summary.rejections.length;
    if (room > 0) summary.rejections.push(...prepared.rejections.slice(0, room));
    if (prepared.writes.length > 0) {
      await nameSources(prepared.writes.map((w) => w.article.sourceId));
      const outcomes = await deps.storage.articles.writeArticles(prepared.writes);
      for (const o of outcomes) if (o.status === "inserted") inserted.push(o.id);
      for (const outcome of outcomes) {
        if (outcome.status === "inserted") summary.imported += 1;
        else if (outcome.status === "updated") summary.updated += 1;
        else if (outcome.status === "tombstoned") summary.tombstoned += 1;
        else summary.duplicates += 1;
      }
    }
    options.onBatch?.(summary);
  };

  try {
    let batch: ImportLine[] = [];
    for await (const line of lines) {
      batch.push(line);
      if (batch.length < batchSize) continue;
      inFlight.push(preparer.prepare(batch, recordOptions));
      batch = [];
      if (inFlight.length > preparer.parallelism) await writeOldest();
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
    }
    if (!summary.interrupted && batch.length > 0) inFlight.push(preparer.prepare(batch, recordOptions));
    while (inFlight.length > 0) await writeOldest();
  } finally {
    // A failed write leaves prepared batches behind; settle them so none rejects unobserved.
    await Promise.allSettled(inFlight);
  }
  const placing =
    options.assignStories !== false && !summary.interrupted && deps.storage.stories !== undefined;
  // Placement's analysis thread boots (~0.5-0.8 s) while the store compacts its index and reads the rows to place,
  // instead of while placement waits for its first analyses. Below a chunk placement analyzes in this thread.
  if (placing && inserted.length >= STORY_ANALYSIS_CHUNK_ROWS) preparer.readyStoryAnalysis?.();
  // A large load leaves the search index in many segments: compact it once, so searches after it read fewer.
  if (!summary.interrupted && summary.imported + summary.updated >= OPTIMIZE_MIN_ARTICLES) {
    await deps.storage.search.optimize?.();
  }
  // Stories after the articles commit, with every article still unplaced: one a killed earlier run stored but did
  // not place is placed by the re-run even when it stores nothing new (one anti-join when there is none).
  if (placing) {
    if (inserted.length > 0) options.onStories?.(inserted.length);
    // The preparer analyzes the text on another thread while this thread folds the stream.
    const placed = await assignPendingStories(deps.storage, inserted, preparer, options.onStoriesProgress);
    if (placed !== null) summary.placedInStories = placed.placed;
  }
  return summary;
}
