/**
 * `akhbar export [--jsonl] [--output FILE]`: every stored article with its stored fields, one JSON record a line.
 * Surface: pages through the store in seq order so memory stays flat on any size of store.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { createLogger, openStorage } from "../../../main.ts";
import { toExportRecord } from "../../present.ts";
import type { Command } from "../command.ts";
import { countNoun } from "../count-noun.ts";

/** Articles fetched per page: big enough to amortize the query, small enough to keep memory flat. */
const EXPORT_PAGE_SIZE = 1_000;

export const exportCommand: Command = {
  name: "export",
  summary: "write every article as JSONL (import's format; re-importable)",
  usage: "export [--jsonl] [--output FILE]",
  options: { jsonl: { type: "boolean" }, output: { type: "string" } },
  positionals: false,
  async run(ctx, values) {
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    const out = typeof values.output === "string" ? createWriteStream(values.output) : ctx.io.stdout;
    let count = 0;
    try {
      let after = 0;
      for (;;) {
        const page = await storage.articles.listArticlesAfter(after, EXPORT_PAGE_SIZE);
        if (page.length === 0) break;
        const placed = new Map(
          (await storage.stories?.getPlacements(page.map((a) => a.id)))?.map((p) => [p.articleId, p]) ?? [],
        );
        let chunk = "";
        for (const article of page) {
          const p = placed.get(article.id);
          // Story fields are derived (recluster rebuilds them); a re-import keeps them only in `extra`.
          const record = {
            ...toExportRecord(article),
            story_id: p?.storyId ?? null,
            duplicate_of: p?.duplicateOf ?? null,
          };
          chunk += `${JSON.stringify(record)}\n`;
        }
        if (!out.write(chunk)) await once(out, "drain");
        count += page.length;
        after = page[page.length - 1]!.seq;
      }
    } finally {
      await storage.close();
      if (out !== ctx.io.stdout) {
        out.end();
        await once(out, "finish");
      }
    }
    if (typeof values.output === "string")
      ctx.io.stderr.write(`exported ${countNoun(count, "article")} to ${values.output}\n`);
    return 0;
  },
};
