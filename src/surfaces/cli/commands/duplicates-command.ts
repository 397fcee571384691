/**
 * `akhbar duplicates [--json]`: copy-group statistics (groups, copies, sizes, cross-outlet groups, stories).
 * Surface: reads StoryStore.duplicateStats, prints.
 */
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openStorage } from "../../../main.ts";
import { toDuplicateStatsJson } from "../../present-stories.ts";
import { type Command, printJson, printLine } from "../command.ts";

export const duplicatesCommand: Command = {
  name: "duplicates",
  summary: "near-duplicate group statistics: groups, copies, sizes, cross-outlet groups",
  usage: "duplicates [--json]",
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
      const s = await storage.stories.duplicateStats();
      if (ctx.json) {
        printJson(ctx.io, toDuplicateStatsJson(s));
        return 0;
      }
      printLine(ctx.io, `${s.placedArticles} articles placed; ${s.copies} are copies of another`);
      printLine(
        ctx.io,
        `${s.copyGroups} copy groups (${s.crossSourceGroups} across outlets), largest ${s.largestGroup}`,
      );
      printLine(
        ctx.io,
        `group sizes: ${s.groupSizes.map((g) => `${g.size}×${g.groups}`).join(", ") || "none"}`,
      );
      printLine(ctx.io, `${s.stories} stories, ${s.multiArticleStories} with more than one article`);
      return 0;
    } finally {
      await storage.close();
    }
  },
};
