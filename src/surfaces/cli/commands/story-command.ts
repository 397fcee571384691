/**
 * `akhbar story ID [--sort oldest|newest] [--json]`: one story with all its coverage as the story page draws it
 * (toStoryCoverage): copies collapsed under their original, a wire release's continuation parts under its first part;
 * earliest first, or newest first with `--sort newest` (the story page's and the API's `sort`).
 * Surface: reads the story through StoryReaderData, prints.
 */

import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openStorage } from "../../../main.ts";
import { stripWireDeskPrefix, WIRE_PART_LAST } from "../../../stages/dedupe/strip-syndication-marks.ts";
import { toCoverageArticlesJson, toEntityJson, toStoryJson } from "../../api/reader-api.ts";
import { coverageOrderParam } from "../../web/page-params.ts";
import type { StoryArticle } from "../../web/reader-data.ts";
import { coverageTimeMs, inCoverageOrder, toStoryCoverage } from "../../web/story-coverage.ts";
import { StoryReaderData } from "../../web/story-reader-data.ts";
import { type Command, printJson, printLine, readFlags } from "../command.ts";
import { countNoun } from "../count-noun.ts";
import { formatUtcTime } from "../utc-time.ts";

/** Line labels of the story's entities, by kind. */
const ENTITY_LABELS = { person: "people", place: "places", organization: "organizations" } as const;

export const storyCommand: Command = {
  name: "story",
  summary:
    "show one story: every outlet's coverage, originals with their copies under them, oldest first (--sort newest)",
  usage: "story ID [--sort oldest|newest] [--json]",
  options: { sort: { type: "string" } },
  positionals: true,
  async run(ctx, values, positionals) {
    const id = positionals[0];
    if (id === undefined || positionals.length > 1)
      throw new AkhbarError("story.usage", "story: name one story ID");
    const order = coverageOrderParam(readFlags(values), "story");
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      const story = await new StoryReaderData(storage).story(id);
      if (story === null) throw new AkhbarError("story.not_found", `story: no story with id "${id}"`);
      if (ctx.json) {
        printJson(ctx.io, {
          ...toStoryJson(story),
          entities: story.entities.map(toEntityJson),
          dates: story.dates,
          sort: order,
          articles: toCoverageArticlesJson(inCoverageOrder(story.articles, order, coverageTimeMs)),
        });
        return 0;
      }
      printLine(ctx.io, story.headline);
      printLine(
        ctx.io,
        `${countNoun(story.articleCount, "article")} · outlets: ${story.sources.join(", ")} · id ${story.id}`,
      );
      for (const kind of ["person", "place", "organization"] as const) {
        const named = story.entities.filter((e) => e.kind === kind);
        if (named.length === 0) continue;
        printLine(
          ctx.io,
          `${ENTITY_LABELS[kind]}: ${named.map((e) => `${e.name} (${e.articles})`).join("، ")}`,
        );
      }
      if (story.dates.length > 0)
        printLine(ctx.io, `dates: ${story.dates.map((d) => `${d.day} (${d.articles})`).join(", ")}`);
      // One entry per card of the story page: copies under their original, a wire release's parts under its first part.
      const line = (a: StoryArticle) =>
        `${formatUtcTime(a.publishedAt)}  ${a.sourceId}  ${stripWireDeskPrefix(a.title)}`;
      const copiesLine = (copies: readonly StoryArticle[], indent: string) => {
        if (copies.length > 0)
          printLine(
            ctx.io,
            `${indent}+ ${countNoun(copies.length, "copy", "copies")}: ${copies.map((c) => `${c.sourceId} (${c.id})`).join(", ")}`,
          );
      };
      for (const card of toStoryCoverage(story.articles, order).cards) {
        printLine(ctx.io);
        printLine(ctx.io, line(card.head));
        printLine(ctx.io, `   ${card.head.id} · ${card.head.url}`);
        copiesLine(card.copies, "   ");
        for (const part of card.parts) {
          printLine(
            ctx.io,
            `   > part ${part.head.wirePart === WIRE_PART_LAST ? "last" : (part.head.wirePart ?? "?")}: ${line(part.head)}`,
          );
          printLine(ctx.io, `     ${part.head.id} · ${part.head.url}`);
          copiesLine(part.copies, "     ");
        }
      }
      return 0;
    } finally {
      await storage.close();
    }
  },
};
