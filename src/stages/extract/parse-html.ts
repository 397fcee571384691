/**
 * parseHtml: HTML text -> a small, depth-capped element tree (extract stage, step 1).
 * Pure. Our own tokenizer and tree builder, written to build exactly the tree htmlparser2's Parser (10.x, HTML mode)
 * builds, but scanning with indexOf instead of a character-at-a-time state machine: about half the time of
 * extraction went into htmlparser2. No code here recurses over the document depth.
 */
import { decodeHTML, decodeHTMLAttribute } from "entities";
import { AkhbarError } from "../../domain/errors.ts";

/** Deepest element kept as its own node; deeper tags fold into the element at this depth. Real pages
 * stay under ~60 levels; DOMPurify caps nesting at 255 (CVE-2024-45801), we keep the same order. */
export const MAX_DOM_DEPTH = 256;

/** Open elements at which parsing stops with `extract.too_deep`. Each open element costs a stack entry and a
 * closing tag searches the stack, so 100k unclosed tags would cost seconds; real pages, even with unclosed <font>
 * runs, stay far below. */
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

/** Raw-text elements: their body is text up to the matching end tag, markup inside is not parsed (WHATWG HTML
 * 13.2.5.2-5, as htmlparser2 reads them). Only the title's body has its character references decoded. */
const RAW_TEXT_END: ReadonlyMap<string, RegExp> = new Map([
  ["script", /<\/script[\t\n\f\r >]/gi],
  ["style", /<\/style[\t\n\f\r >]/gi],
  ["textarea", /<\/textarea[\t\n\f\r >]/gi],
  ["title", /<\/title[\t\n\f\r >]/gi],
  ["xmp", /<\/xmp[\t\n\f\r >]/gi],
]);

/** Elements that never have content or an end tag (htmlparser2's list), sorted. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

const P_ONLY: ReadonlySet<string> = new Set(["p"]);
const FORM_TAGS: ReadonlySet<string> = new Set([
  "button",
  "datalist",
  "input",
  "optgroup",
  "option",
  "select",
  "textarea",
]);
const DD_DT: ReadonlySet<string> = new Set(["dd", "dt"]);
const RT_RP: ReadonlySet<string> = new Set(["rp", "rt"]);
const TABLE_SECTIONS: ReadonlySet<string> = new Set(["tbody", "thead"]);

/** Open elements an opening tag closes while they are the innermost open element ("<p>a<p>b", "<li>a<li>b"):
 * htmlparser2's table, a simplification of WHATWG HTML 13.2.6.4.7. Sorted by tag. */
const OPEN_IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ["address", P_ONLY],
  ["article", P_ONLY],
  ["aside", P_ONLY],
  ["blockquote", P_ONLY],
  ["body", new Set(["head", "link", "script"])],
  ["button", FORM_TAGS],
  ["datalist", FORM_TAGS],
  ["dd", DD_DT],
  ["details", P_ONLY],
  ["div", P_ONLY],
  ["dl", P_ONLY],
  ["dt", DD_DT],
  ["fieldset", P_ONLY],
  ["figcaption", P_ONLY],
  ["figure", P_ONLY],
  ["footer", P_ONLY],
  ["form", P_ONLY],
  ["h1", P_ONLY],
  ["h2", P_ONLY],
  ["h3", P_ONLY],
  ["h4", P_ONLY],
  ["h5", P_ONLY],
  ["h6", P_ONLY],
  ["header", P_ONLY],
  ["hr", P_ONLY],
  ["input", FORM_TAGS],
  ["li", new Set(["li"])],
  ["main", P_ONLY],
  ["nav", P_ONLY],
  ["ol", P_ONLY],
  ["optgroup", new Set(["optgroup", "option"])],
  ["option", new Set(["option"])],
  ["output", FORM_TAGS],
  ["p", P_ONLY],
  ["pre", P_ONLY],
  ["rp", RT_RP],
  ["rt", RT_RP],
  ["section", P_ONLY],
  ["select", FORM_TAGS],
  ["table", P_ONLY],
  ["tbody", TABLE_SECTIONS],
  ["td", new Set(["td", "th", "thead"])],
  ["textarea", FORM_TAGS],
  ["tfoot", TABLE_SECTIONS],
  ["th", new Set(["th"])],
  ["tr", new Set(["td", "th", "tr"])],
  ["ul", P_ONLY],
]);

/** Elements whose content is SVG or MathML, where "<x/>" closes x at once. */
const FOREIGN_ELEMENTS: ReadonlySet<string> = new Set(["math", "svg"]);
/** Elements inside SVG/MathML whose content is HTML again, where "<x/>" is an ordinary open tag. */
const HTML_INTEGRATION_ELEMENTS: ReadonlySet<string> = new Set([
  "annotation-xml",
  "desc",
  "foreignobject",
  "mi",
  "mn",
  "mo",
  "ms",
  "mtext",
  "title",
]);

const CHAR = {
  tab: 0x09,
  newline: 0x0a,
  formFeed: 0x0c,
  carriageReturn: 0x0d,
  space: 0x20,
  bang: 0x21,
  doubleQuote: 0x22,
  singleQuote: 0x27,
  dash: 0x2d,
  slash: 0x2f,
  equals: 0x3d,
  gt: 0x3e,
  question: 0x3f,
  openBracket: 0x5b,
} as const;

/** White space between tag parts: HTML's ASCII whitespace (WHATWG Infra), as htmlparser2 reads it. */
function isSpace(c: number): boolean {
  return (
    c === CHAR.space ||
    c === CHAR.newline ||
    c === CHAR.tab ||
    c === CHAR.formFeed ||
    c === CHAR.carriageReturn
  );
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** Ends a tag or attribute name: white space, "/" or ">". */
function endsName(c: number): boolean {
  return c === CHAR.slash || c === CHAR.gt || isSpace(c);
}

/**
 * Parses HTML into a tree of elements and text nodes, lower-case tag and attribute names, entities decoded.
 * Script/style/noscript/template text is dropped (JSON-LD bodies are returned apart).
 * Throws AkhbarError `extract.too_deep` past MAX_OPEN_ELEMENTS open elements.
 * Example: parseHtml("<p>مرحبا</p>").root.children[0] is the `p` element.
 */
export function parseHtml(html: string): HtmlDocument {
  const builder = new TreeBuilder();
  readTokens(html, builder);
  builder.end();
  return {
    root: builder.root,
    titleText: builder.titleText,
    jsonLd: builder.jsonLd,
    indexed: builder.indexed,
  };
}

/** What the tree builder does with a raw-text element's body. */
type RawMode = "none" | "drop" | "jsonld" | "script" | "title";

/**
 * Builds the tree from tokens: implied end tags, void and self-closing elements, stray end tags and the depth cap,
 * each as htmlparser2's Parser decides them.
 */
class TreeBuilder {
  readonly root: HtmlElement = { type: "element", tag: "#root", attrs: {}, children: [], parent: null };
  titleText = "";
  readonly jsonLd: string[] = [];
  readonly indexed: HtmlElement[] = [];
  /** Names of the open elements, innermost last. */
  private readonly names: string[] = [];
  /** Whether each open SVG/MathML or HTML-integration level reads "<x/>" as closed; innermost last. */
  private readonly foreign: boolean[] = [false];
  /** One entry per opened element; a capped or implied one pushes the element it folded into. */
  private readonly stack: HtmlElement[] = [this.root];
  private current: HtmlElement = this.root;
  private rawMode: RawMode = "none";
  /** Text of the JSON-LD or title body being read. */
  private rawBuffer = "";
  private titleSeen = false;

  /** Whether the body of the raw-text element just opened is read at all (JSON-LD, the first title). */
  get keepsRawText(): boolean {
    return this.rawMode === "jsonld" || this.rawMode === "title";
  }

  /** A start tag's name is read: close what it implies, then count it open. */
  openName(name: string): void {
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes !== undefined) {
      const names = this.names;
      while (names.length > 0 && closes.has(names[names.length - 1]!)) {
        this.closeElement(names.pop()!);
      }
    }
    if (VOID_ELEMENTS.has(name)) return;
    this.names.push(name);
    if (FOREIGN_ELEMENTS.has(name)) this.foreign.push(true);
    else if (HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.push(false);
  }

  /** A start tag ends (">" or "/>"); returns whether the element is already closed (void, or self-closed in
   * SVG/MathML: in HTML the slash is ignored, so "<script/>" still has a body, as in browsers). */
  openTag(name: string, attrs: Record<string, string>, selfClosing: boolean): boolean {
    this.openElement(name, attrs, false);
    if (VOID_ELEMENTS.has(name)) {
      this.closeElement(name);
      return true;
    }
    if (!selfClosing || this.foreign[this.foreign.length - 1] !== true) return false;
    if (this.names[this.names.length - 1] === name) {
      this.names.pop();
      this.closeElement(name);
    }
    return true;
  }

  /** An end tag: closes the innermost open element of that name and everything inside it. */
  closeTag(name: string): void {
    if (FOREIGN_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name)) this.foreign.pop();
    if (VOID_ELEMENTS.has(name)) {
      // "</br>" reads as an (empty, implied) line break; other void end tags mean nothing.
      if (name === "br") {
        this.openElement("br", {}, true);
        this.closeElement("br");
      }
      return;
    }
    const names = this.names;
    const pos = names.lastIndexOf(name);
    if (pos !== -1) {
      while (names.length > pos) this.closeElement(names.pop()!);
    } else if (name === "p") {
      // "</p>" without an open p is an empty paragraph nobody wrote.
      this.openName("p");
      this.openElement("p", {}, true);
      if (names[names.length - 1] === "p") {
        names.pop();
        this.closeElement("p");
      }
    }
  }

  text(data: string): void {
    if (this.rawMode !== "none") {
      if (this.keepsRawText) this.rawBuffer += data;
      return;
    }
    const children = this.current.children;
    const last = children[children.length - 1];
    if (last !== undefined && last.type === "text") last.text += data;
    else children.push({ type: "text", text: data, parent: this.current });
  }

  end(): void {
    const names = this.names;
    while (names.length > 0) this.closeElement(names.pop()!);
  }

  private openElement(name: string, attrs: Record<string, string>, implied: boolean): void {
    const stack = this.stack;
    if (stack.length >= MAX_OPEN_ELEMENTS) {
      throw new AkhbarError("extract.too_deep", `extract: more than ${MAX_OPEN_ELEMENTS} nested elements`);
    }
    if (name === "script") {
      this.rawMode = (attrs.type ?? "").toLowerCase().includes("ld+json") ? "jsonld" : "script";
      this.rawBuffer = "";
    } else if (name === "title" && this.rawMode === "none") {
      this.rawMode = "title";
      this.rawBuffer = "";
    } else if (name === "style" || name === "textarea" || name === "xmp") {
      this.rawMode = "drop";
    }
    // Implied opens come from stray end tags ("</p>" -> "<p></p>"): an empty element nobody wrote.
    if (implied || stack.length > MAX_DOM_DEPTH) {
      stack.push(this.current);
      return;
    }
    const el: HtmlElement = { type: "element", tag: name, attrs, children: [], parent: this.current };
    this.current.children.push(el);
    stack.push(el);
    this.current = el;
    if (INDEXED_TAGS.has(name)) this.indexed.push(el);
  }

  private closeElement(name: string): void {
    if (RAW_TEXT_END.has(name)) {
      if (this.rawMode === "jsonld") this.jsonLd.push(this.rawBuffer);
      if (this.rawMode === "title" && !this.titleSeen) {
        this.titleText = this.rawBuffer;
        this.titleSeen = true;
      }
      this.rawMode = "none";
      this.rawBuffer = "";
    }
    const stack = this.stack;
    if (stack.length > 1) stack.pop();
    this.current = stack[stack.length - 1] ?? this.root;
  }
}

/**
 * Reads the tokens of `html` in one pass and hands them to the tree builder. Text runs, attribute values and
 * raw-text bodies are found with indexOf and sliced whole; character references are decoded only in runs that hold
 * an "&". Comments, doctypes, CDATA and processing instructions produce nothing. Markup cut off by the end of the
 * page is dropped, except what htmlparser2 reads back as text ("</" or "<!x" at the very end).
 */
function readTokens(html: string, builder: TreeBuilder): void {
  const n = html.length;
  let pos = 0;
  // Start of the text run not yet handed to the builder: a "<" that opens no markup stays part of it.
  let textStart = 0;
  const emitText = (end: number): void => {
    if (end <= textStart) return;
    const raw = html.slice(textStart, end);
    textStart = end;
    builder.text(raw.includes("&") ? decodeHTML(raw) : raw);
  };
  while (pos < n) {
    const lt = html.indexOf("<", pos);
    if (lt < 0) break;
    const c = html.charCodeAt(lt + 1);
    if (!(isAsciiAlpha(c) || c === CHAR.slash || c === CHAR.bang || c === CHAR.question)) {
      pos = lt + 1;
      continue;
    }
    emitText(lt);
    if (isAsciiAlpha(c)) pos = readStartTag(html, lt, builder);
    else if (c === CHAR.slash) {
      pos = readEndTag(html, lt, builder);
      // "</>" and "</ >" stay text.
      if (pos < 0) {
        pos = -pos;
        continue;
      }
    } else if (c === CHAR.bang) pos = readBangMarkup(html, lt, builder);
    else pos = skipTo(html, lt + 2, builder);
    textStart = pos;
  }
  emitText(n);
}

/** Position just past the next ">" from `from`. Without one, the rest of the page from `textFrom` is text (an
 * unterminated doctype, bogus comment or processing instruction, as htmlparser2 reads it). */
function skipTo(html: string, from: number, builder: TreeBuilder, textFrom = from): number {
  const gt = html.indexOf(">", from);
  if (gt >= 0) return gt + 1;
  if (textFrom < html.length) builder.text(html.slice(textFrom));
  return html.length;
}

function lowerName(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return name.toLowerCase();
  }
  return name;
}

/** "<name attrs>" from `lt`; returns the position after it (and after a raw-text body). */
function readStartTag(html: string, lt: number, builder: TreeBuilder): number {
  const n = html.length;
  let i = lt + 1;
  while (i < n && !endsName(html.charCodeAt(i))) i++;
  if (i >= n) return n;
  const name = lowerName(html.slice(lt + 1, i));
  builder.openName(name);
  const attrs: Record<string, string> = {};
  let selfClosing = false;
  for (;;) {
    if (i >= n) return n;
    const c = html.charCodeAt(i);
    if (c === CHAR.gt) break;
    if (c === CHAR.slash) {
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      if (i < n && html.charCodeAt(i) === CHAR.gt) {
        selfClosing = true;
        break;
      }
      continue;
    }
    if (isSpace(c)) {
      i++;
      continue;
    }
    // An attribute name runs to "=", white space, "/" or ">"; its first character is taken whatever it is.
    const nameStart = i++;
    while (i < n) {
      const d = html.charCodeAt(i);
      if (d === CHAR.equals || endsName(d)) break;
      i++;
    }
    const attrName = lowerName(html.slice(nameStart, i));
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    if (i >= n) return n;
    let value = "";
    if (html.charCodeAt(i) === CHAR.equals) {
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      if (i >= n) return n;
      const q = html.charCodeAt(i);
      if (q === CHAR.doubleQuote || q === CHAR.singleQuote) {
        const close = html.indexOf(q === CHAR.doubleQuote ? '"' : "'", i + 1);
        if (close < 0) return n;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const start = i;
        while (i < n) {
          const d = html.charCodeAt(i);
          if (d === CHAR.gt || isSpace(d)) break;
          i++;
        }
        if (i >= n) return n;
        value = html.slice(start, i);
      }
      if (value.includes("&")) value = decodeHTMLAttribute(value);
    }
    // The first of repeated attributes wins. Own values are strings; what Object.prototype lends ("constructor")
    // never is, so one lookup tells a repeat apart.
    if (typeof attrs[attrName] !== "string") attrs[attrName] = value;
  }
  i++;
  const closed = builder.openTag(name, attrs, selfClosing);
  // Browsers ignore the slash of "<script src=x/>" in HTML and read a body up to "</script>"; htmlparser2 reads
  // markup after a self-closed title, textarea or xmp, and so do we.
  const hasBody = !closed && (!selfClosing || name === "script" || name === "style");
  const rawEnd = hasBody ? RAW_TEXT_END.get(name) : undefined;
  if (rawEnd === undefined) return i;
  rawEnd.lastIndex = i;
  const found = rawEnd.exec(html);
  // Without an end tag the body runs to the end of the page.
  const bodyEnd = found === null ? n : found.index;
  if (bodyEnd > i && builder.keepsRawText) {
    const body = html.slice(i, bodyEnd);
    builder.text(name === "title" && body.includes("&") ? decodeHTML(body) : body);
  }
  if (found === null) return n;
  builder.closeTag(name);
  const gt = html.indexOf(">", bodyEnd + 2 + name.length);
  return gt < 0 ? n : gt + 1;
}

/** "</name ...>" from `lt`; "</ 1 ...>" is a bogus comment. Returns the position after it, or minus that position
 * when it is text ("</>", as htmlparser2 reads it). */
function readEndTag(html: string, lt: number, builder: TreeBuilder): number {
  const n = html.length;
  let i = lt + 2;
  while (i < n && isSpace(html.charCodeAt(i))) i++;
  if (i >= n) {
    builder.text(html.slice(lt));
    return n;
  }
  const c = html.charCodeAt(i);
  if (c === CHAR.gt) return -(i + 1);
  if (!isAsciiAlpha(c)) return skipTo(html, i, builder);
  const start = i;
  while (i < n) {
    const d = html.charCodeAt(i);
    if (d === CHAR.gt || isSpace(d)) break;
    i++;
  }
  if (i >= n) return n;
  builder.closeTag(lowerName(html.slice(start, i)));
  const gt = html.indexOf(">", i);
  return gt < 0 ? n : gt + 1;
}

const CDATA_OPEN = "CDATA[";

/** "<!-- comment -->", "<![CDATA[ ... ]]>" or a declaration ("<!DOCTYPE html>"), from `lt`. */
function readBangMarkup(html: string, lt: number, builder: TreeBuilder): number {
  const n = html.length;
  const i = lt + 2;
  if (i >= n) return n;
  const c = html.charCodeAt(i);
  if (c === CHAR.openBracket) {
    let k = 0;
    while (k < CDATA_OPEN.length && i + 1 + k < n && html[i + 1 + k] === CDATA_OPEN[k]) k++;
    if (k === CDATA_OPEN.length) {
      const end = html.indexOf("]]>", i + 1 + k);
      return end < 0 ? n : end + 3;
    }
    if (i + 1 + k >= n) {
      builder.text(html.slice(i));
      return n;
    }
    return skipTo(html, i + 1 + k, builder, i);
  }
  if (c === CHAR.dash) {
    if (i + 1 >= n) {
      builder.text(html.slice(i));
      return n;
    }
    if (html.charCodeAt(i + 1) === CHAR.dash) {
      // The comment's own opening dashes count: "<!-->" is a whole (empty) comment.
      const end = html.indexOf("-->", i);
      return end < 0 ? n : end + 3;
    }
    return skipTo(html, i + 2, builder, i);
  }
  // The character after "<!" is part of the declaration even when it is ">".
  return skipTo(html, i + 1, builder, i);
}

/** Whether `el` is `ancestor` or inside it. */
export function isInside(el: HtmlElement, ancestor: HtmlElement): boolean {
  for (let cur: HtmlElement | null = el; cur !== null; cur = cur.parent) if (cur === ancestor) return true;
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

/** Concatenated text below `el`, in document order, without recursion; reading stops past `maxChars`. */
export function textOf(el: HtmlElement, maxChars = Number.POSITIVE_INFINITY): string {
  let out = "";
  walkHtml(el, (node) => {
    if (out.length > maxChars) return false;
    if (node.type === "text") out += node.text;
    return true;
  });
  return out;
}
