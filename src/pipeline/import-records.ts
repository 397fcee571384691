/**
 * Import pipeline: JSON lines → record validation → Arabic analysis → batched idempotent store writes.
 * Knows the stage order; takes its ports as arguments. One bad line is reported with its line number and skipped.
 */
import type { ArticleWrite } from "../domain/article.ts";
import { isAkhbarError } from "../domain/errors.ts";
import type { Clock } from "../ports/clock.ts";
import type { Storage } from "../ports/storage.ts";
import { buildIndexFields } from "../stages/arabic/analyze-text.ts";
import { extractArticle } from "../stages/extract/extract-article.ts";
import { type ExtractedFields, recordToDraft } from "../stages/ingest/record-to-draft.ts";

/**
 * Articles per transaction. Larger batches amortize the commit (fsync) cost; 500 × ~2 KB keeps a batch
 * near 1 MB, so a crash loses at most one uncommitted batch, which a re-run writes again.
 */
export const IMPORT_BATCH_SIZE = 500;
/** Rejections kept with their messages; the count covers all of them. */
export const MAX_REPORTED_REJECTIONS = 1_000;

export interface ImportLine {
  file: string;
  lineNo: number;
  text: string;
}

export interface Rejection {
  file: string;
  lineNo: number;
  code: string;
  message: string;
}

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
}

export interface ImportOptions {
  batchSize?: number;
  /** UTC offset assumed for timestamps without one. */
  defaultOffset?: string;
  signal?: AbortSignal;
  /** Called after every committed batch with the running totals. */
  onBatch?: (summary: ImportSummary) => void;
}

/** Imports every line; returns totals. Never throws for bad records, only for storage failures. */
export async function importRecords(
  lines: AsyncIterable<ImportLine>,
  deps: { storage: Storage; clock: Clock },
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const summary: ImportSummary = {
    read: 0,
    imported: 0,
    updated: 0,
    duplicates: 0,
    tombstoned: 0,
    rejected: 0,
    rejections: [],
    interrupted: false,
  };
  const reject = (line: ImportLine, code: string, message: string) => {
    summary.rejected += 1;
    if (summary.rejections.length < MAX_REPORTED_REJECTIONS) {
      summary.rejections.push({ file: line.file, lineNo: line.lineNo, code, message });
    }
  };
  let batch: ArticleWrite[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await deps.storage.sources.ensureSources([...new Set(batch.map((w) => w.article.sourceId))]);
    const outcomes = await deps.storage.articles.writeArticles(batch);
    for (const outcome of outcomes) {
      if (outcome.status === "inserted") summary.imported += 1;
      else if (outcome.status === "updated") summary.updated += 1;
      else if (outcome.status === "tombstoned") summary.tombstoned += 1;
      else summary.duplicates += 1;
    }
    batch = [];
    options.onBatch?.(summary);
  };

  const recordOptions = { defaultOffset: options.defaultOffset ?? "Z", now: deps.clock.now().toISOString() };
  for await (const line of lines) {
    if (line.text.trim() === "") continue;
    summary.read += 1;
    let record: unknown;
    try {
      record = JSON.parse(line.text);
    } catch (err) {
      reject(line, "import.bad_json", `import: line is not valid JSON (${(err as Error).message})`);
      continue;
    }
    try {
      const article = recordToDraft(record, recordOptions, extractFromRecord(record));
      batch.push({ article, index: buildIndexFields(article.title, article.text) });
    } catch (err) {
      if (!isAkhbarError(err)) throw err;
      reject(line, err.code, err.message);
      continue;
    }
    if (batch.length >= batchSize) {
      await flush();
      if (options.signal?.aborted) {
        summary.interrupted = true;
        return summary;
      }
    }
  }
  await flush();
  return summary;
}

/**
 * Runs the extract stage on a record's `html` (a saved page) so the publisher's page yields text, byline,
 * date and cited source; records without `html` pass through. Throws extract's AkhbarError (e.g.
 * `extract.no_content`) only when the record has no text of its own to fall back on.
 */
function extractFromRecord(record: unknown): ExtractedFields | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  const { html, url, text } = record as { html?: unknown; url?: unknown; text?: unknown };
  if (typeof html !== "string" || html.trim() === "") return undefined;
  try {
    return extractArticle(html, typeof url === "string" ? { url } : {});
  } catch (err) {
    if (isAkhbarError(err) && typeof text === "string" && text.trim() !== "") return undefined;
    throw err;
  }
}
