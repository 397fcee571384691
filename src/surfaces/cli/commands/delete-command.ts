/**
 * `akhbar delete ARTICLE... [--reason TEXT] [--json]`: deletes articles for good (a takedown, a wrong import), each
 * named by its id, its reader link or its outlet's link;
 * a tombstone keeps each from coming back. Surface: runs pipeline/delete-articles, prints.
 */
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openStorage } from "../../../main.ts";
import { deleteArticles } from "../../../pipeline/delete-articles.ts";
import { articleIdOf, isLinkReference, resolveArticleReference } from "../../article-reference.ts";
import { type Command, printError, printJson, printLine } from "../command.ts";

/** The reason a tombstone keeps when none is given. */
const DEFAULT_REASON = "deleted with akhbar delete";

export const deleteCommand: Command = {
  name: "delete",
  summary: "delete articles for good (takedowns, wrong imports); they do not come back from feeds or imports",
  usage: "delete ARTICLE... [--reason TEXT] [--json]   (ARTICLE: an id, a reader link or the outlet's link)",
  options: { reason: { type: "string" } },
  positionals: true,
  async run(ctx, values, positionals) {
    if (positionals.length === 0)
      throw new AkhbarError(
        "delete.usage",
        "delete: name one or more articles (an id, a reader link or the outlet's link)",
      );
    for (const p of positionals)
      if (!isLinkReference(p) && articleIdOf(p) === null)
        throw new AkhbarError("delete.usage", `delete: "${p}" names no article`);
    const reason = typeof values.reason === "string" ? values.reason : DEFAULT_REASON;
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      const ids: string[] = [];
      // Links that are no stored article's URL and no reader link: reported with the unknown ids.
      const unmatched: string[] = [];
      for (const p of positionals) {
        const id = await resolveArticleReference(storage.articles, p);
        if (id === null) unmatched.push(p.trim());
        else ids.push(id);
      }
      const result = await deleteArticles(storage, ids, reason);
      if (ctx.json) {
        printJson(ctx.io, {
          deleted: result.deleted.map((d) => ({ id: d.id, source: d.sourceId, title: d.title })),
          unknown: [...unmatched, ...result.unknown],
        });
      } else {
        for (const d of result.deleted) printLine(ctx.io, `deleted ${d.id} (${d.sourceId}): ${d.title}`);
        for (const link of unmatched)
          printError(ctx.io, `akhbar delete: no stored article has the link ${link}`);
        for (const id of result.unknown) printError(ctx.io, `akhbar delete: no article with id "${id}"`);
      }
      return result.unknown.length === 0 && unmatched.length === 0 ? 0 : 1;
    } finally {
      await storage.close();
    }
  },
};
