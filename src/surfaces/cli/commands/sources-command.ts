/**
 * `akhbar sources [list]`: the publishers in the store with their article counts.
 * Surface over the SourceStore port.
 */
import { AkhbarError } from "../../../domain/errors.ts";
import { openStorage } from "../../../main.ts";
import { toSourceJson } from "../../present.ts";
import { type Command, printJson, printLine } from "../command.ts";

export const sourcesCommand: Command = {
  name: "sources",
  summary: "list sources with their article counts",
  usage: "sources [list] [--json]",
  options: {},
  positionals: true,
  async run(ctx, _values, positionals) {
    const action = positionals[0] ?? "list";
    if (action !== "list")
      throw new AkhbarError("sources.usage", `sources: unknown action "${action}" (try: list)`);
    const storage = await openStorage(ctx.config);
    try {
      const sources = await storage.sources.listSources();
      if (ctx.json) {
        printJson(ctx.io, { sources: sources.map(toSourceJson) });
        return 0;
      }
      const width = Math.max(4, ...sources.map((s) => s.id.length));
      printLine(ctx.io, `${"id".padEnd(width)}  ${"articles".padStart(8)}  last article       name`);
      for (const s of sources) {
        const last = s.lastArticleAt?.slice(0, 16).replace("T", " ") ?? "-";
        printLine(
          ctx.io,
          `${s.id.padEnd(width)}  ${String(s.articleCount).padStart(8)}  ${last.padEnd(17)}  ${s.name}`,
        );
      }
      return 0;
    } finally {
      await storage.close();
    }
  },
};
