/**
 * The CPU half of import: raw JSON lines → validated, extracted, analyzed ArticleWrites plus rejections.
 * Pure (no IO), so it can run in the importing thread or in a worker thread (adapters/threads).
 */
import type { ArticleWrite } from "../domain/article.ts";
import { isAkhbarError } from "../domain/errors.ts";
import { buildArticleWrite } from "../stages/arabic/analyze-text.ts";
import { extractArticle } from "../stages/extract/extract-article.ts";
import { type ExtractedFields, type RecordOptions, recordToDraft } from "../stages/ingest/record-to-draft.ts";

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

export interface PreparedBatch {
  /** Non-blank lines seen. */
  read: number;
  writes: ArticleWrite[];
  rejections: Rejection[];
}

/**
 * Parses, validates and analyzes one batch of lines; a bad line becomes a Rejection naming its line, never an
 * exception. Only unexpected (non-AkhbarError) failures throw.
 */
export function prepareBatch(lines: readonly ImportLine[], options: RecordOptions): PreparedBatch {
  const prepared: PreparedBatch = { read: 0, writes: [], rejections: [] };
  for (const line of lines) {
    if (line.text.trim() === "") continue;
    prepared.read += 1;
    let record: unknown;
    try {
      record = JSON.parse(line.text);
    } catch (err) {
      prepared.rejections.push({
        file: line.file,
        lineNo: line.lineNo,
        code: "import.bad_json",
        message: `import: line is not valid JSON (${(err as Error).message})`,
      });
      continue;
    }
    try {
      const article = recordToDraft(record, options, extractFromRecord(record));
      prepared.writes.push(buildArticleWrite(article));
    } catch (err) {
      if (!isAkhbarError(err)) throw err;
      prepared.rejections.push({
        file: line.file,
        lineNo: line.lineNo,
        code: err.code,
        message: err.message,
      });
    }
  }
  return prepared;
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
