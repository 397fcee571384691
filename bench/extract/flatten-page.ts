/**
 * flattenPage: a whole HTML page as a scraper that kept no markup would save it, one line per block element, menus,
 * lists and footers included (no script, style, head or other hidden-by-nature content). Bench support: the input
 * of the flattened-text segmentation figure. Pure.
 */
import { type HtmlNode, parseHtml } from "../../src/stages/extract/parse-html.ts";

/** Elements that end a line when flattened. */
const BLOCK_TAGS: ReadonlySet<string> = new Set(
  "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split(
    " ",
  ),
);
/** Elements whose text no reader sees. */
const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  "head",
  "iframe",
  "noscript",
  "script",
  "style",
  "svg",
  "template",
]);

export function flattenPage(html: string): string[] {
  const lines: string[] = [];
  let current = "";
  const flush = (): void => {
    const line = current.replace(/\s+/g, " ").trim();
    if (line !== "") lines.push(line);
    current = "";
  };
  // Iterative walk: a deeply nested page must not overflow the stack. A block's end is a marker on the stack.
  const stack: (HtmlNode | "end")[] = [parseHtml(html).root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === "end") {
      flush();
      continue;
    }
    if (node.type === "text") {
      current += node.text;
      continue;
    }
    if (SKIPPED_TAGS.has(node.tag)) continue;
    const block = BLOCK_TAGS.has(node.tag);
    if (block) {
      flush();
      stack.push("end");
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  flush();
  return lines;
}
