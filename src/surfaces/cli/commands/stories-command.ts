/**
 * `akhbar stories [--since DATE] [--until DATE] [--limit N] [--json]`: top stories ranked by their recent coverage.
 * Surface: reads stored stories through StoryReaderData, prints.
 */
import { createLogger, openStorage } from "../../../main.ts";
import { toStoryJson } from "../../api/reader-api.ts";
import {
  intParam,
  type ParamReader,
  parseDateBound,
  parseUntilMs,
  singleValue,
} from "../../search-params.ts";
import { TOP_STORIES_WINDOW_HOURS } from "../../web/reader-data.ts";
import { StoryReaderData } from "../../web/story-reader-data.ts";
import { type Command, printJson, printLine, readFlags } from "../command.ts";
import { countNoun } from "../count-noun.ts";
import { formatUtcTime } from "../utc-time.ts";

/** Stories printed when --limit is not given: one screen. */
const DEFAULT_STORIES_LIMIT = 20;

export const storiesCommand: Command = {
  name: "stories",
  summary: "list top stories (ranked by their recent coverage), each once with its article and outlet counts",
  usage: "stories [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--json]",
  options: { since: { type: "string" }, until: { type: "string" }, limit: { type: "string" } },
  positionals: false,
  async run(ctx, values) {
    const flags = readFlags(values);
    const limit = intParam(flags, "limit", DEFAULT_STORIES_LIMIT, 1, 1000, "stories");
    const sinceMs = sinceFlag(flags);
    // --until D: the stories first seen by the end of day D (the reader's time zone, as the home page's ?day=).
    const untilMs = parseUntilMs(singleValue(flags, "until", "stories"), "until", "stories") ?? undefined;
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      const reader = new StoryReaderData(storage);
      const page = await reader.topStories({
        sources: [],
        limit,
        offset: 0,
        ...(sinceMs === undefined ? {} : { sinceMs }),
        ...(untilMs === undefined ? {} : { untilMs }),
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
          `   ${countNoun(s.articleCount, "article")}${recentNote(s.articleCount, s.recentArticleCount, values.until)} · ${countNoun(s.sources.length, "outlet")} (${s.sources.join(", ")}) · ` +
            `${formatUtcTime(s.firstSeen)} → ${formatUtcTime(s.lastUpdate)} · id ${s.id}`,
        );
      });
      return 0;
    } finally {
      await storage.close();
    }
  },
};

/** " (3 in the last 24 h)": a story's recent articles when they are some of its articles, not all; `until` is --until's
 * day, whose last 24 h they are. */
function recentNote(total: number, recent: number | undefined, until: unknown): string {
  if (recent === undefined || recent === 0 || recent >= total) return "";
  return ` (${recent} in the ${typeof until === "string" ? `24 h to the end of ${until}` : "last 24 h"})`;
}

/** --since's time (epoch ms, the day's first instant in the reader's time zone, as --until ends its day in it), undefined when not given; a bad date is stories.bad_param,
 * as a bad --limit. */
function sinceFlag(flags: ParamReader): number | undefined {
  const bound = parseDateBound(singleValue(flags, "since", "stories"), "since", false, "stories");
  return bound === null ? undefined : Date.parse(bound);
}
