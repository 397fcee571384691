/**
 * `akhbar import FILE...`: streams JSONL / JSONL.gz dumps into the store with progress and a summary.
 * Surface: opens files and the store, runs the import pipeline, prints.
 */

import {
  defaultImportWorkers,
  ThreadBatchPreparer,
} from "../../../adapters/threads/thread-batch-preparer.ts";
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openStorage } from "../../../main.ts";
import {
  IMPORT_BATCH_SIZE,
  type ImportSummary,
  importRecords,
  inThreadPreparer,
  mergeImportSummaries,
} from "../../../pipeline/import-records.ts";
import { systemClock } from "../../../ports/clock.ts";
import { intParam } from "../../search-params.ts";
import { type Command, printError, printJson, printLine, readFlags } from "../command.ts";
import { PhasedProgress, ProgressReporter } from "../progress.ts";
import { readLines } from "../read-lines.ts";

/** What a placement progress line counts, per phase (assign-stories.ts PlacementProgress). */
const PLACEMENT_UNITS = {
  rebuild: "stored articles re-read",
  place: "articles placed",
} as const;

/** Rejected lines printed one by one before the rest are only counted; the JSON summary has up to 1,000. */
const PRINTED_REJECTIONS = 20;

export const importCommand: Command = {
  name: "import",
  summary: "import articles from JSONL or JSONL.gz files ({id, source, url, title, date, text})",
  usage: "import FILE... [--timezone +03:00] [--batch N] [--workers N] [--no-stories] [--json]",
  options: {
    timezone: { type: "string" },
    batch: { type: "string" },
    workers: { type: "string" },
    "no-stories": { type: "boolean" },
  },
  positionals: true,
  async run(ctx, values, files) {
    if (files.length === 0) throw new AkhbarError("import.usage", "import: name at least one FILE to import");
    const timezone = typeof values.timezone === "string" ? values.timezone : "Z";
    if (timezone !== "Z" && !/^[+-]\d{2}:\d{2}$/.test(timezone)) {
      throw new AkhbarError(
        "import.usage",
        `import: --timezone must look like +03:00 or Z, got "${timezone}"`,
      );
    }
    const flags = readFlags(values);
    const batchSize = intParam(flags, "batch", IMPORT_BATCH_SIZE, 1, 10_000, "import");
    // 0: no threads.
    const workers = intParam(flags, "workers", defaultImportWorkers(), 0, 64, "import");
    const sources = await Promise.all(files.map((file) => readLines(file)));
    const totalBytes = sources.reduce((sum, s) => sum + s.totalBytes, 0);
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    const preparer = workers === 0 ? inThreadPreparer : new ThreadBatchPreparer(workers);
    const progress = new ProgressReporter(ctx.io);
    const placing = new PhasedProgress(ctx.io, PLACEMENT_UNITS);
    let bytesBefore = 0;
    let readBefore = 0;
    const totals: ImportSummary[] = [];
    try {
      for (const source of sources) {
        const summary = await importRecords(
          source.lines,
          { storage, clock: systemClock },
          {
            batchSize,
            defaultOffset: timezone,
            signal: ctx.signal,
            preparer,
            onBatch: (s) =>
              progress.update(readBefore + s.read, bytesBefore + source.bytesRead(), totalBytes),
            assignStories: values["no-stories"] !== true,
            onStories: (count) => {
              progress.finish();
              ctx.io.stderr.write(`placing ${count} new articles in stories…\n`);
            },
            onStoriesProgress: (phase, done, total) => placing.update(phase, done, total),
          },
        );
        bytesBefore += source.totalBytes;
        readBefore += summary.read;
        totals.push(summary);
        if (summary.interrupted) break;
      }
    } finally {
      progress.finish();
      placing.finish();
      await preparer.close();
      await storage.close();
    }
    const summary = mergeImportSummaries(totals);
    if (ctx.json) {
      printJson(ctx.io, summary);
    } else {
      for (const r of summary.rejections.slice(0, PRINTED_REJECTIONS)) {
        printError(ctx.io, `${r.file}:${r.lineNo}: ${r.message} [${r.code}]`);
      }
      if (summary.rejected > PRINTED_REJECTIONS) {
        ctx.io.stderr.write(
          `… and ${summary.rejected - PRINTED_REJECTIONS} more rejected lines (--json lists them)\n`,
        );
      }
      printLine(
        ctx.io,
        `${summary.interrupted ? "interrupted: " : ""}imported ${summary.imported}, updated ${summary.updated}, ` +
          `duplicates skipped ${summary.duplicates}, tombstoned ${summary.tombstoned}, rejected ${summary.rejected} ` +
          `(${summary.read} records read); ${summary.placedInStories} placed in stories`,
      );
    }
    return summary.rejected > 0 || summary.interrupted ? 1 : 0;
  },
};
