/**
 * `akhbar recluster [--json]`: rebuilds every copy group and story from scratch in (time, id) order.
 * Surface: runs reclusterStories over the configured store.
 */
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openStorage } from "../../../main.ts";
import { reclusterStories } from "../../../pipeline/assign-stories.ts";
import { type Command, printJson, printLine } from "../command.ts";
import { countNoun } from "../count-noun.ts";
import { ProgressReporter } from "../progress.ts";

export const reclusterCommand: Command = {
  name: "recluster",
  summary: "rebuild near-duplicate groups and stories from scratch over every stored article",
  usage: "recluster [--json]",
  options: {},
  positionals: false,
  async run(ctx) {
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      if (storage.stories === undefined) {
        throw new AkhbarError(
          "store.stories_unsupported",
          "store: this storage backend keeps no stories yet",
        );
      }
      const started = performance.now();
      const progress = new ProgressReporter(ctx.io, "articles placed");
      const summary = await reclusterStories(storage.stories, (placed, total) =>
        progress.update(placed, placed, total),
      );
      progress.finish();
      const durationMs = Math.round(performance.now() - started);
      if (ctx.json) printJson(ctx.io, { ...summary, duration_ms: durationMs });
      else
        printLine(
          ctx.io,
          `reclustered ${countNoun(summary.articles, "article")} into ${countNoun(summary.stories, "story", "stories")} (${countNoun(summary.copies, "copy", "copies")}) in ${durationMs} ms`,
        );
      return 0;
    } finally {
      await storage.close();
    }
  },
};
