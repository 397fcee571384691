/**
 * `akhbar segment FILE`: splits the plain text of a scraped page (one paragraph a line) into the main article,
 * attribution, read-also inserts, other stories and headline lists. Surface over stages/extract/segment-text.
 */
import { readFile } from "node:fs/promises";
import { AkhbarError } from "../../../domain/errors.ts";
import { segmentText } from "../../../stages/extract/segment-text.ts";
import { type Command, printJson, printLine } from "../command.ts";

/** Plain text of one page; anything larger is not a page. */
const MAX_TEXT_BYTES = 16 * 1024 * 1024;

export const segmentCommand: Command = {
  name: "segment",
  summary:
    "split a page's flattened text into main article, attribution, read-also, other stories, headline lists",
  usage: "segment FILE [--json]",
  options: {},
  positionals: true,
  async run(ctx, _values, files) {
    const [file] = files;
    if (file === undefined || files.length > 1)
      throw new AkhbarError("segment.usage", "segment: name exactly one FILE");
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      throw new AkhbarError("segment.unreadable", `segment: cannot read ${file}: ${(err as Error).message}`);
    }
    if (bytes.byteLength > MAX_TEXT_BYTES) {
      throw new AkhbarError("segment.too_large", `segment: ${file} is larger than ${MAX_TEXT_BYTES} bytes`);
    }
    const result = segmentText(new TextDecoder("utf-8").decode(bytes));
    if (ctx.json) {
      printJson(ctx.io, result);
      return 0;
    }
    for (const s of result.segments) {
      printLine(ctx.io, `[${s.kind} ${s.start}-${s.end}]`);
      printLine(ctx.io, s.text);
      printLine(ctx.io);
    }
    const { main } = result;
    printLine(
      ctx.io,
      `main: lines ${main.start}-${main.end}; source: ${main.source ?? "-"}; cited: ${main.cited_sources.join("، ") || "-"}`,
    );
    return 0;
  },
};
