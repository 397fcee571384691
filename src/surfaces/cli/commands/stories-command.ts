/**
 * `akhbar stories [--since DATE] [--limit N] [--json]`: top stories ranked by size, outlets and recency.
 * Surface: reads stored stories through StoryReaderData, prints.
 */
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openStorage } from "../../../main.ts";
import { toStoryJson } from "../../api/reader-api.ts";
import { StoryReaderData, TOP_STORIES_WINDOW_HOURS } from "../../web/story-reader-data.ts";
import { type Command, printJson, printLine } from "../command.ts";
import { countNoun } from "../count-noun.ts";

/** Stories printed when --limit is not given: one screen. */
const DEFAULT_STORIES_LIMIT = 20;

export const storiesCommand: Command = {
  name: "stories",
  summary: "list top stories (size, outlets, recency), each once with its article and outlet counts",
  usage: "stories [--since YYYY-MM-DD] [--limit N] [--json]",
  options: { since: { type: "string" }, limit: { type: "string" } },
  positionals: false,
  async run(ctx, values) {
    const limit = typeof values.limit === "string" ? Number(values.limit) : DEFAULT_STORIES_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new AkhbarError("stories.usage", "stories: --limit must be a whole number from 1 to 1000");
    }
    let sinceMs: number | undefined;
    if (typeof values.since === "string") {
      sinceMs = Date.parse(values.since.length === 10 ? `${values.since}T00:00:00Z` : values.since);
      if (Number.isNaN(sinceMs)) {
        throw new AkhbarError(
          "stories.usage",
          `stories: --since must be a date like 2015-07-21, got "${values.since}"`,
        );
      }
    }
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      const reader = new StoryReaderData(storage);
      const page = await reader.topStories({
        sources: [],
        limit,
        offset: 0,
        ...(sinceMs === undefined ? {} : { sinceMs }),
      });
      if (ctx.json) {
        printJson(ctx.io, { total: page.total, stories: page.stories.map(toStoryJson) });
        return 0;
      }
      printLine(
        ctx.io,
        `${countNoun(page.total, "story", "stories")} ${
          sinceMs === undefined
            ? `updated in the ${TOP_STORIES_WINDOW_HOURS} h before the newest (--since for more)`
            : `updated since ${values.since}`
        }${page.total > page.stories.length ? ` (showing ${page.stories.length})` : ""}`,
      );
      page.stories.forEach((s, i) => {
        printLine(ctx.io);
        printLine(ctx.io, `${i + 1}. ${s.headline || "(no headline)"}`);
        printLine(
          ctx.io,
          `   ${countNoun(s.articleCount, "article")} · ${countNoun(s.sources.length, "outlet")} (${s.sources.join(", ")}) · ` +
            `${s.firstSeen?.slice(0, 16).replace("T", " ")} → ${s.lastUpdate?.slice(0, 16).replace("T", " ")} · id ${s.id}`,
        );
      });
      return 0;
    } finally {
      await storage.close();
    }
  },
};
