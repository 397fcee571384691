/**
 * `akhbar delete ARTICLE_ID... [--reason TEXT] [--json]`: deletes articles for good (a takedown, a wrong import);
 * a tombstone keeps each from coming back. Surface: runs pipeline/delete-articles, prints.
 */
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openStorage } from "../../../main.ts";
import { deleteArticles } from "../../../pipeline/delete-articles.ts";
import { articleIdOf } from "../../article-reference.ts";
import { type Command, printError, printJson, printLine } from "../command.ts";

/** The reason a tombstone keeps when none is given. */
const DEFAULT_REASON = "deleted with akhbar delete";

export const deleteCommand: Command = {
  name: "delete",
  summary: "delete articles for good (takedowns, wrong imports); they do not come back from feeds or imports",
  usage: "delete ARTICLE_ID... [--reason TEXT] [--json]",
  options: { reason: { type: "string" } },
  positionals: true,
  async run(ctx, values, positionals) {
    if (positionals.length === 0)
      throw new AkhbarError("delete.usage", "delete: name one or more ARTICLE_IDs (or reader links to them)");
    const ids = positionals.map((p) => {
      const id = articleIdOf(p);
      if (id === null) throw new AkhbarError("delete.usage", `delete: "${p}" names no article`);
      return id;
    });
    const reason = typeof values.reason === "string" ? values.reason : DEFAULT_REASON;
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      const result = await deleteArticles(storage, ids, reason);
      if (ctx.json) {
        printJson(ctx.io, {
          deleted: result.deleted.map((d) => ({ id: d.id, source: d.sourceId, title: d.title })),
          unknown: result.unknown,
        });
      } else {
        for (const d of result.deleted) printLine(ctx.io, `deleted ${d.id} (${d.sourceId}): ${d.title}`);
        for (const id of result.unknown) printError(ctx.io, `akhbar delete: no article with id "${id}"`);
      }
      return result.unknown.length === 0 ? 0 : 1;
    } finally {
      await storage.close();
    }
  },
};
