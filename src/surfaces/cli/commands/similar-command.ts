/**
 * `akhbar similar ARTICLE_ID [--json]`: the article's story coverage (copies collapsed, original first), its
 * "مقالات مشابهة" from other stories and one "اقرأ أيضاً" pick. Surface: runs find-related-articles, prints.
 */

import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openStorage } from "../../../main.ts";
import { findRelatedArticles, type RelatedArticle } from "../../../pipeline/find-related-articles.ts";
import {
  stripWireDeskPrefix,
  stripWireHeadlineMarks,
} from "../../../stages/dedupe/strip-syndication-marks.ts";
import { toRelatedListsJson } from "../../present-stories.ts";
import { type Command, printJson, printLine } from "../command.ts";
import { formatUtcTime } from "../utc-time.ts";

/** One article of a list; `title` shows its title: the same story's keep a wire release's part marks, which tell its
 * parts apart, while other stories' lose them too (stripWireHeadlineMarks). */
function line(r: RelatedArticle, title: (t: string) => string = stripWireDeskPrefix): string {
  return `  ${formatUtcTime(r.article.publishedAt ?? r.article.fetchedAt)}  ${r.article.sourceId}  ${title(r.article.title)}  (${r.article.id})`;
}

export const similarCommand: Command = {
  name: "similar",
  summary: "show an article's story coverage, similar articles from other stories, and a read-also pick",
  usage: "similar ARTICLE_ID [--json]",
  options: {},
  positionals: true,
  async run(ctx, _values, positionals) {
    const id = positionals[0];
    if (id === undefined || positionals.length > 1) {
      throw new AkhbarError("similar.usage", "similar: name one ARTICLE_ID");
    }
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      const lists = await findRelatedArticles(storage, id);
      if (lists === null) throw new AkhbarError("similar.not_found", `similar: no article with id "${id}"`);
      if (ctx.json) {
        printJson(ctx.io, toRelatedListsJson(lists));
        return 0;
      }
      printLine(
        ctx.io,
        `${stripWireDeskPrefix(lists.anchor.article.title)} (${lists.anchor.article.sourceId})`,
      );
      printLine(ctx.io, `story ${lists.anchor.placement?.storyId ?? "(not placed)"}`);
      const named = (rs: readonly RelatedArticle[]) =>
        rs.map((c) => `${c.article.sourceId} (${c.article.id})`).join(", ");
      // A copy names its original apart: the group's other members are copies of that original, not of this one.
      const original = lists.original;
      if (original !== null) printLine(ctx.io, `copy of: ${named([original])}`);
      const others = lists.copies.filter((c) => c.article.id !== original?.article.id);
      if (others.length > 0)
        printLine(
          ctx.io,
          `${original === null ? "copies of this article" : "other copies"}: ${named(others)}`,
        );
      if (lists.containedIn.length > 0) printLine(ctx.io, `inside longer texts: ${named(lists.containedIn)}`);
      if (lists.contains.length > 0) printLine(ctx.io, `holds the texts of: ${named(lists.contains)}`);
      printLine(ctx.io);
      printLine(ctx.io, `same story (${lists.sameStory.length}, copies collapsed, earliest first):`);
      for (const r of lists.sameStory) printLine(ctx.io, line(r));
      printLine(ctx.io);
      printLine(
        ctx.io,
        `\u0645\u0642\u0627\u0644\u0627\u062a \u0645\u0634\u0627\u0628\u0647\u0629 (${lists.similar.length}):`,
      );
      for (const r of lists.similar) printLine(ctx.io, line(r, stripWireHeadlineMarks));
      printLine(ctx.io);
      printLine(ctx.io, "\u0627\u0642\u0631\u0623 \u0623\u064a\u0636\u0627\u064b:");
      printLine(ctx.io, lists.readAlso === null ? "  (none)" : line(lists.readAlso, stripWireHeadlineMarks));
      return 0;
    } finally {
      await storage.close();
    }
  },
};
