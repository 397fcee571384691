/**
 * `akhbar extract FILE...`: the article of each saved HTML page (charset detected), as text or JSON.
 * Surface: reads files, runs decodeHtml + extractArticle, prints; one bad file never stops the rest.
 */
import { readFile } from "node:fs/promises";
import { AkhbarError, isAkhbarError } from "../../../domain/errors.ts";
import { decodeHtml } from "../../../stages/extract/decode-html.ts";
import { type ExtractedArticle, extractArticle } from "../../../stages/extract/extract-article.ts";
import { type Command, printError, printJson, printLine } from "../command.ts";
import { toTerminalJson } from "../terminal-text.ts";

/** Files larger than this are refused before reading: no news page is 64 MB, a mistaken file could be. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export const extractCommand: Command = {
  name: "extract",
  summary:
    "extract the article (title, date, byline, publisher, cited source, clean text) from saved HTML pages",
  usage: "extract FILE... [--url URL] [--json | --jsonl]",
  options: { url: { type: "string" }, jsonl: { type: "boolean" } },
  positionals: true,
  async run(ctx, values, files) {
    if (files.length === 0) throw new AkhbarError("extract.usage", "extract: name at least one HTML FILE");
    const url = typeof values.url === "string" ? values.url : undefined;
    const jsonl = values.jsonl === true;
    const records: Record<string, unknown>[] = [];
    let failures = 0;
    for (const file of files) {
      const record = await extractFile(file, url);
      if ("error" in record) failures += 1;
      if (jsonl) ctx.io.stdout.write(`${toTerminalJson(record)}\n`);
      else if (ctx.json) records.push(record);
      else printHuman(ctx.io, record, files.length > 1);
    }
    if (ctx.json && !jsonl) printJson(ctx.io, files.length === 1 ? records[0] : records);
    return failures > 0 ? 1 : 0;
  },
};

/** `{file, ...article}` or `{file, error: {code, message}}`. */
async function extractFile(file: string, url: string | undefined): Promise<Record<string, unknown>> {
  try {
    const bytes = await readFile(file);
    if (bytes.byteLength > MAX_FILE_BYTES) {
      throw new AkhbarError("extract.too_large", `extract: ${file} is larger than ${MAX_FILE_BYTES} bytes`);
    }
    const { text, charset } = decodeHtml(bytes);
    return { file, charset, ...toJson(extractArticle(text, { url })) };
  } catch (err) {
    if (isAkhbarError(err)) return { file, error: { code: err.code, message: err.message } };
    if ((err as NodeJS.ErrnoException).code !== undefined) {
      return {
        file,
        error: {
          code: "extract.unreadable",
          message: `extract: cannot read ${file}: ${(err as Error).message}`,
        },
      };
    }
    throw err;
  }
}

function toJson(a: ExtractedArticle) {
  return {
    title: a.title,
    byline: a.byline,
    published_at: a.publishedAt,
    language: a.language,
    direction: a.direction,
    site_name: a.siteName,
    cited_source: a.citedSource,
    canonical_url: a.canonicalUrl,
    image: a.imageUrl,
    paragraphs: a.paragraphs,
    text: a.text,
    html: a.html,
    removed: a.removed,
  };
}

function printHuman(io: Parameters<typeof printLine>[0], record: Record<string, unknown>, header: boolean) {
  if (header) printLine(io, `== ${String(record.file)}`);
  if ("error" in record) {
    const error = record.error as { code: string; message: string };
    printError(io, `${error.message} [${error.code}]`);
    return;
  }
  const field = (label: string, value: unknown) => {
    if (value !== null && value !== undefined && value !== "") printLine(io, `${label}: ${String(value)}`);
  };
  field("title", record.title);
  field("published", record.published_at);
  field("byline", record.byline);
  field("publisher", record.site_name);
  field("source", record.cited_source);
  field("canonical", record.canonical_url);
  field("image", record.image);
  const removed = record.removed as { kind: string }[];
  if (removed.length > 0) {
    const counts = new Map<string, number>();
    for (const r of removed) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    field("removed", [...counts].map(([k, n]) => `${k} ×${n}`).join(", "));
  }
  printLine(io);
  printLine(io, String(record.text));
  printLine(io);
}
