/**
 * parseHtml: HTML text -> a small, depth-capped element tree (extract stage, step 1).
 * Pure. Built on htmlparser2's streaming Parser so no code here recurses over the document depth.
 */
import { Parser } from "htmlparser2";
import { AkhbarError } from "../../domain/errors.ts";

/** Deepest element kept as its own node; deeper tags fold into the element at this depth. Real pages
 * stay under ~60 levels; DOMPurify caps nesting at 255 (CVE-2024-45801), we keep the same order. */
export const MAX_DOM_DEPTH = 256;

/** Raw-text elements (htmlparser2 tokenizes their body as text) whose text is never content. Script text is
 * kept only for JSON-LD metadata; noscript/template/iframe are parsed as markup and skipped by the walkers. */
const RAW_TEXT_DROPPED = new Set(["style", "textarea", "xmp"]);

/** Open elements at which parsing stops with `extract.too_deep`. htmlparser2 keeps its open-element stack with
 * Array.unshift, so cost grows with the square of the depth: 10k levels parse in ~50 ms, 100k in ~3 s. Real
 * pages, even with unclosed <font> runs, stay far below. */
export const MAX_OPEN_ELEMENTS = 10_000;

export interface HtmlText {
  type: "text";
  text: string;
  parent: HtmlElement;
}

export interface HtmlElement {
  type: "element";
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}

export type HtmlNode = HtmlElement | HtmlText;

export interface HtmlDocument {
  root: HtmlElement;
  /** Text of the first `<title>` (not part of the tree). */
  titleText: string;
  /** Bodies of `<script type="application/ld+json">`, in page order. */
  jsonLd: string[];
  /** Elements whose tag is in INDEXED_TAGS, in page order: collected while parsing so metadata needs no walk. */
  indexed: HtmlElement[];
}

/** Tags readPageMetadata reads (meta and link tags, the root and body, dated elements, top headings), sorted. */
export const INDEXED_TAGS: ReadonlySet<string> = new Set([
  "body",
  "h1",
  "h2",
  "h3",
  "html",
  "link",
  "meta",
  "time",
]);

/**
 * Parses HTML into a tree of elements and text nodes, lower-case tag and attribute names, entities decoded.
 * Script/style/noscript/template text is dropped (JSON-LD bodies are returned apart).
 * Throws AkhbarError `extract.too_deep` past MAX_OPEN_ELEMENTS open elements.
 * Example: parseHtml("<p>مرحبا</p>").root.children[0] is the `p` element.
 */
export function parseHtml(html: string): HtmlDocument {
  const root: HtmlElement = { type: "element", tag: "#root", attrs: {}, children: [], parent: null };
  // One entry per open tag htmlparser2 reports; a capped tag pushes the element it folded into.
  const stack: HtmlElement[] = [root];
  let current = root;
  let rawMode: "none" | "drop" | "jsonld" | "script" | "title" = "none";
  // The raw-text element being read, when its body is never kept (a script that is not JSON-LD, a style).
  let skippableRaw: string | null = null;
  let rawBuffer = "";
  let titleText = "";
  let titleSeen = false;
  const jsonLd: string[] = [];
  const indexed: HtmlElement[] = [];

  const parser = new Parser(
    {
      onopentag(name, rawAttrs, isImplied) {
        const attrs = lowerCaseNames(rawAttrs);
        if (stack.length >= MAX_OPEN_ELEMENTS) {
          throw new AkhbarError(
            "extract.too_deep",
            `extract: more than ${MAX_OPEN_ELEMENTS} nested elements`,
          );
        }
        if (name === "script") {
          const type = (attrs.type ?? "").toLowerCase();
          rawMode = type.includes("ld+json") ? "jsonld" : "script";
          skippableRaw = rawMode === "script" ? name : null;
          rawBuffer = "";
        } else if (name === "title" && rawMode === "none") {
          rawMode = "title";
          rawBuffer = "";
        } else if (RAW_TEXT_DROPPED.has(name)) {
          rawMode = "drop";
          skippableRaw = name === "style" ? name : null;
        }
        // Implied opens come from stray end tags ("</p>" -> "<p></p>"): an empty element nobody wrote.
        if (isImplied || stack.length > MAX_DOM_DEPTH) {
          stack.push(current);
          return;
        }
        const el: HtmlElement = { type: "element", tag: name, attrs, children: [], parent: current };
        current.children.push(el);
        stack.push(el);
        current = el;
        if (INDEXED_TAGS.has(name)) indexed.push(el);
      },
      ontext(data) {
        if (rawMode !== "none") {
          if (rawMode === "jsonld" || rawMode === "title") rawBuffer += data;
          return;
        }
        const last = current.children[current.children.length - 1];
        if (last !== undefined && last.type === "text") last.text += data;
        else current.children.push({ type: "text", text: data, parent: current });
      },
      onclosetag(name) {
        if (name === "script" || name === "title" || RAW_TEXT_DROPPED.has(name)) {
          if (rawMode === "jsonld") jsonLd.push(rawBuffer);
          if (rawMode === "title" && !titleSeen) {
            titleText = rawBuffer;
            titleSeen = true;
          }
          rawMode = "none";
          skippableRaw = null;
          rawBuffer = "";
        }
        if (stack.length > 1) stack.pop();
        current = stack[stack.length - 1] ?? root;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: false },
  );
  writeSkippingRawBodies(parser, html, () => skippableRaw);
  parser.end();
  return { root, titleText, jsonLd, indexed };
}

/** Where a script or style body may start: the tokenizer decides whether it really does. */
const RAW_OPEN_CANDIDATE = /<(?:script|style)/gi;

/** The end tag that closes a script or style body, as htmlparser2's tokenizer finds it: the name, case-insensitive,
 * then white space or ">". */
const RAW_END: Readonly<Record<string, RegExp>> = {
  script: /<\/script[\t\n\f\r >]/gi,
  style: /<\/style[\t\n\f\r >]/gi,
};

/**
 * Feeds `html` to the parser, jumping over the bodies of scripts and styles that are never kept. Scripts and styles
 * are half the bytes of a typical news page, and the tokenizer reads them a character at a time, while
 * RegExp search skips them natively. Each chunk ends at the first ">" after a candidate "<script" or "<style"; if
 * the tokenizer is then inside a skippable body (`openRaw` names it), the text up to its end tag is not written.
 * Candidates inside comments, attribute values or other raw text open nothing and are simply written on.
 */
function writeSkippingRawBodies(parser: Parser, html: string, openRaw: () => string | null): void {
  let pos = 0;
  while (pos < html.length) {
    RAW_OPEN_CANDIDATE.lastIndex = pos;
    const candidate = RAW_OPEN_CANDIDATE.exec(html);
    const gt = candidate === null ? -1 : html.indexOf(">", candidate.index);
    if (gt < 0) break;
    parser.write(html.slice(pos, gt + 1));
    pos = gt + 1;
    const raw = openRaw();
    const end = raw === null ? undefined : RAW_END[raw];
    if (end === undefined) continue;
    end.lastIndex = pos;
    const found = end.exec(html);
    // Without an end tag the body runs to the end of the page, as the tokenizer would read it.
    pos = found === null ? html.length : found.index;
  }
  if (pos < html.length) parser.write(html.slice(pos));
}

/** htmlparser2's own attribute lower-casing costs about a third of parse time; almost every page already
 * writes lower-case names, so only the rare upper-case ones are rebuilt. */
function lowerCaseNames(attrs: Record<string, string>): Record<string, string> {
  let upper = false;
  for (const key in attrs) {
    if (hasAsciiUpper(key)) {
      upper = true;
      break;
    }
  }
  if (!upper) return attrs;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) {
    const lower = key.toLowerCase();
    if (!(lower in out)) out[lower] = value;
  }
  return out;
}

function hasAsciiUpper(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

/** Visits every node below `root` in document order without recursion; return false to skip children. */
export function walkHtml(root: HtmlElement, visit: (node: HtmlNode) => boolean | undefined): void {
  const pending: HtmlNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) pending.push(root.children[i]!);
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (visit(node) === false || node.type === "text") continue;
    for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
  }
}

/** Concatenated text below `el`, in document order, without recursion. */
export function textOf(el: HtmlElement): string {
  let out = "";
  walkHtml(el, (node) => {
    if (node.type === "text") out += node.text;
    return true;
  });
  return out;
}
