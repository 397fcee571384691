/**
 * `akhbar stories [--since DATE] [--limit N] [--json]`: top stories ranked by size, outlets and recency.
 * Surface: reads stored stories through StoryReaderData, prints.
 */
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openStorage } from "../../../main.ts";
import { toStoryJson } from "../../api/reader-api.ts";
import { parseDateBound } from "../../search-params.ts";
import { StoryReaderData, TOP_STORIES_WINDOW_HOURS } from "../../web/story-reader-data.ts";
import { type Command, printJson, printLine } from "../command.ts";
import { countNoun } from "../count-noun.ts";

/** Stories printed when --limit is not given: one screen. */
const DEFAULT_STORIES_LIMIT = 20;

export const storiesCommand: Command = {
  name: "stories",
  summary: "list top stories (size, outlets, recency), each once with its article and outlet counts",
  usage: "stories [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--json]",
  options: { since: { type: "string" }, until: { type: "string" }, limit: { type: "string" } },
  positionals: false,
  async run(ctx, values) {
    const limit = typeof values.limit === "string" ? Number(values.limit) : DEFAULT_STORIES_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new AkhbarError("stories.usage", "stories: --limit must be a whole number from 1 to 1000");
    }
    const sinceMs = dateFlag(values.since, "since", false);
    // --until names its whole day: the top stories as they stood at its end.
    const untilMs = dateFlag(values.until, "until", true);
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      const reader = new StoryReaderData(storage);
      const page = await reader.topStories({
        sources: [],
        limit,
        offset: 0,
        ...(sinceMs === undefined ? {} : { sinceMs }),
        ...(untilMs === undefined ? {} : { untilMs: untilMs - 1 }),
      });
      if (ctx.json) {
        printJson(ctx.io, {
          total: page.total,
          ...(page.windowTotal === undefined ? {} : { window_total: page.windowTotal }),
          stories: page.stories.map(toStoryJson),
        });
        return 0;
      }
      const window =
        sinceMs === undefined
          ? `updated in the ${TOP_STORIES_WINDOW_HOURS} h before ${untilMs === undefined ? "the newest" : `the end of ${values.until}`} (--since for more)`
          : `updated since ${values.since}${untilMs === undefined ? "" : ` and first seen by the end of ${values.until}`}`;
      const counted =
        page.windowTotal === undefined
          ? `${countNoun(page.total, "story", "stories")} ${window}`
          : `${countNoun(page.windowTotal, "story", "stories")} ${window}; the ${page.total} most recently updated ranked (--until for an earlier window)`;
      printLine(
        ctx.io,
        `${counted}${page.total > page.stories.length ? ` (showing ${page.stories.length})` : ""}`,
      );
      page.stories.forEach((s, i) => {
        printLine(ctx.io);
        printLine(ctx.io, `${i + 1}. ${s.headline || "(no headline)"}`);
        printLine(
          ctx.io,
          `   ${countNoun(s.articleCount, "article")} · ${countNoun(s.sources.length, "outlet")} (${s.sources.join(", ")}) · ` +
            `${s.firstSeen?.slice(0, 16).replace("T", " ")} → ${s.lastUpdate?.slice(0, 16).replace("T", " ")} UTC · id ${s.id}`,
        );
      });
      return 0;
    } finally {
      await storage.close();
    }
  },
};

/** A date flag's time (epoch ms; an upper bound is the next midnight), undefined when not given; a bad date is a usage
 * error. */
function dateFlag(value: unknown, name: string, upper: boolean): number | undefined {
  if (typeof value !== "string") return undefined;
  try {
    return Date.parse(parseDateBound(value, name, upper)!);
  } catch {
    throw new AkhbarError(
      "stories.usage",
      `stories: --${name} must be a date like 2015-07-21, got "${value.slice(0, 40)}"`,
    );
  }
}
