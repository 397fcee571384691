/**
 * `akhbar search QUERY...`: ranked Arabic-aware search over the store, printed or as JSON.
 * Surface: validates flags like the HTTP API does, runs the search pipeline.
 */
import { AkhbarError } from "../../../domain/errors.ts";
import { createLogger, openStorage } from "../../../main.ts";
import { searchArticles } from "../../../pipeline/search-articles.ts";
import { toSearchResultJson } from "../../present.ts";
import { parseSearchParams } from "../../search-params.ts";
import { readSearchSources } from "../../source-names.ts";
import { type Command, printJson, printLine, printMarkedLine, readFlags } from "../command.ts";
import { countNoun } from "../count-noun.ts";
import { formatUtcTime } from "../utc-time.ts";

export const searchCommand: Command = {
  name: "search",
  summary: 'search articles: words, "phrases", -excluded, a OR b, source:NAME',
  usage:
    "search QUERY... [--source S] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--offset N] [--recent] [--sort relevance|date] [--json]",
  options: {
    source: { type: "string", multiple: true },
    from: { type: "string" },
    to: { type: "string" },
    limit: { type: "string" },
    offset: { type: "string" },
    recent: { type: "boolean" },
    sort: { type: "string" },
  },
  positionals: true,
  async run(ctx, values, positionals) {
    const flags = readFlags(values);
    const params = parseSearchParams((name) => {
      if (name === "q") return [positionals.join(" ")];
      if (name === "recent") return values.recent === true ? ["true"] : [];
      return flags(name);
    });
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      // --source and source: in the query take an outlet's id or its Arabic name ("عكاظ"); one naming no outlet is
      // an error, not 0 results.
      const named = await readSearchSources(params.query, params.options.sources, () =>
        storage.sources.listSources(),
      );
      if (named.unknown.length > 0)
        throw new AkhbarError(
          "search.usage",
          `search: no source "${named.unknown.join('", "')}" (akhbar sources list)`,
        );
      const options = { ...params.options, sources: named.sources };
      const result = await searchArticles(storage, named.text, options);
      if (ctx.json) {
        printJson(ctx.io, toSearchResultJson(result, options));
        return 0;
      }
      // Results are copy groups (a hit with its copies is one), as offset and total count them.
      const last = params.options.offset + result.hits.length;
      printLine(
        ctx.io,
        `${countNoun(result.total, "result")}${result.total > 0 ? ` (showing ${params.options.offset + 1}-${last})` : ""}`,
      );
      result.hits.forEach((hit, i) => {
        printLine(ctx.io);
        printMarkedLine(
          ctx.io,
          `${params.options.offset + i + 1}. ${hit.title === "" ? "(no title)" : hit.title_highlight}`,
        );
        printLine(ctx.io, `   ${hit.source} · ${formatUtcTime(hit.published_at)} · ${hit.url}`);
        // Marked matches: coloured on a terminal.
        printMarkedLine(ctx.io, `   ${hit.snippet}`);
        if (hit.copies.length > 0) {
          printLine(
            ctx.io,
            `   also published by: ${hit.copies.map((c) => `${c.source} (${c.id})`).join(", ")}`,
          );
        }
      });
      return 0;
    } finally {
      await storage.close();
    }
  },
};
