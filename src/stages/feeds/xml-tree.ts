/**
 * parseXmlTree: untrusted XML text -> a small element tree, safely (feeds stage, first step of every XML format).
 * Pure. saxes never resolves external entities; documents declaring entities are refused outright (XXE and
 * billion laughs, XML-01/02); work is bounded by an element cap and a time budget (wall time and the process's CPU
 * time both past it: ParseClock).
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import { AkhbarError } from "../../domain/errors.ts";
import { HTML_ENTITIES } from "./feed-text.ts";

/**
 * Time budget for parsing one document: notes/reliability.md section 4 proposes 5 s in a worker thread. What it bounds
 * is the parser's work on a hostile document, so it counts the process's CPU time as well as wall time (ParseClock):
 * on a loaded machine a parse waiting for a core no longer runs out of wall time on a good feed.
 */
export const FEED_PARSE_BUDGET_MS = 5_000;

/**
 * The clocks a parse budget is read on, in ms from an arbitrary origin: wall time, and the CPU time of the process
 * (Node 20 measures no thread's own; process.cpuUsage counts every thread, so it runs no slower than the parse's own).
 */
export interface ParseClock {
  wallMs(): number;
  cpuMs(): number;
}

/** performance.now and process.cpuUsage (user + system). */
export const systemParseClock: ParseClock = {
  wallMs: () => performance.now(),
  cpuMs: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

/** Elements kept; past it the tree is cut and marked truncated. 2000 items (MAX_ENTRIES_PER_FEED) of up to 50
 * elements each fit; a 100k-item feed is cut early instead of building a huge tree (RES-07). */
export const MAX_XML_ELEMENTS = 100_000;

/** Nesting depth refused beyond: feeds are shallow; deep nesting is an attack on recursive consumers. */
export const MAX_XML_DEPTH = 256;

/** Characters fed to the parser per step, between budget checks. */
const CHUNK_CHARS = 64 * 1024;

export interface XmlElement {
  /** Local name, e.g. "item" for both `<item>` and `<rdf:item>`. */
  local: string;
  /** Namespace URI, or "" when none. An unbound prefix leaves the prefix here. */
  ns: string;
  prefix: string;
  /** Attributes by qualified name as written (e.g. "href", "xml:base", "rdf:about"). */
  attrs: ReadonlyMap<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export interface XmlDocument {
  root: XmlElement;
  /** True when the element cap cut the document. */
  truncated: boolean;
}

const PATTERNS = {
  entityDecl: /<!ENTITY/i,
  // Characters XML 1.0 forbids (section 2.2): stripped first, as Miniflux's filterValidXMLChars does.
  invalidChars: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
} as const;

class StopParsing extends Error {}

function parseError(message: string, details?: Record<string, unknown>): AkhbarError {
  return new AkhbarError("feed.parse_error", `feed: ${message}`, details);
}

/**
 * Parses XML text into a tree. Throws AkhbarError `feed.parse_error` for documents with DTD entity
 * declarations, without a root element or cut short (unclosed root), `feed.parse_timeout` past the budget.
 * Recoverable well-formedness slips (undeclared prefixes, stray `&`) are tolerated as browsers and feed
 * readers do. Example: parseXmlTree("<rss><channel/></rss>").root.local -> "rss".
 */
export function parseXmlTree(
  text: string,
  budgetMs = FEED_PARSE_BUDGET_MS,
  clock: ParseClock = systemParseClock,
): XmlDocument {
  const wallDeadline = clock.wallMs() + budgetMs;
  const cpuDeadline = clock.cpuMs() + budgetMs;
  // Over budget only when both clocks say so: wall time alone counts the time a loaded machine kept the parse waiting,
  // and the process's CPU time alone counts other threads' work (a worker pool's siblings) as the parse's.
  const overBudget = () => clock.wallMs() > wallDeadline && clock.cpuMs() > cpuDeadline;
  const parser = new SaxesParser({ xmlns: true, position: false });
  Object.assign(parser.ENTITIES, HTML_ENTITIES);
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let rootClosed = false;
  let elements = 0;
  let truncated = false;
  let events = 0;

  const tick = () => {
    if (++events % 4096 === 0 && overBudget()) {
      throw new AkhbarError("feed.parse_timeout", `feed: parsing took longer than ${budgetMs} ms`, {
        budgetMs,
      });
    }
  };

  parser.on("error", () => {
    // Recoverable by design: saxes reports and continues; only a missing or unclosed root is fatal (below).
  });
  parser.on("doctype", (doctype) => {
    if (PATTERNS.entityDecl.test(doctype)) {
      throw parseError("documents declaring DTD entities are refused (XXE / entity expansion)");
    }
  });
  parser.on("opentag", (tag) => {
    tick();
    if (rootClosed) return;
    if (++elements > MAX_XML_ELEMENTS) {
      truncated = true;
      throw new StopParsing();
    }
    if (stack.length >= MAX_XML_DEPTH) throw parseError(`elements nested deeper than ${MAX_XML_DEPTH}`);
    const t = tag as SaxesTagNS;
    const attrs = new Map<string, string>();
    for (const [name, attr] of Object.entries(t.attributes)) attrs.set(name, attr.value);
    const el: XmlElement = { local: t.local, ns: t.uri ?? "", prefix: t.prefix, attrs, children: [] };
    const parent = stack.at(-1);
    if (parent) parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on("closetag", () => {
    tick();
    stack.pop();
    if (stack.length === 0 && root) rootClosed = true;
  });
  const onText = (t: string) => {
    tick();
    stack.at(-1)?.children.push(t);
  };
  parser.on("text", onText);
  parser.on("cdata", onText);

  const clean = text.replace(PATTERNS.invalidChars, "");
  try {
    for (let i = 0; i < clean.length; i += CHUNK_CHARS) {
      parser.write(clean.slice(i, i + CHUNK_CHARS));
      if (overBudget()) {
        throw new AkhbarError("feed.parse_timeout", `feed: parsing took longer than ${budgetMs} ms`, {
          budgetMs,
        });
      }
    }
    parser.close();
  } catch (err) {
    if (!(err instanceof StopParsing)) throw err;
  }
  if (!root) throw parseError("no root element (empty or not XML)");
  if (!rootClosed && !truncated) throw parseError("document ends before its root element closes (truncated)");
  return { root, truncated };
}

/** Child elements with local name `local`, in namespace `ns` (or with `prefix` when the prefix was unbound). */
export function childrenOf(el: XmlElement, local: string, ns?: string, prefix?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === "string" || c.local !== local) continue;
    if (ns === undefined || c.ns === ns || (prefix !== undefined && c.prefix === prefix && c.ns === prefix))
      out.push(c);
  }
  return out;
}

export function childOf(el: XmlElement, local: string, ns?: string, prefix?: string): XmlElement | null {
  return childrenOf(el, local, ns, prefix)[0] ?? null;
}

/** Concatenated descendant text, trimmed. */
export function textOf(el: XmlElement | null): string {
  if (!el) return "";
  let out = "";
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === "string") out += c;
      else walk(c);
    }
  };
  walk(el);
  return out.trim();
}

/** Serializes the children of `el` back to XML text (for Atom `type="xhtml"` content). */
export function innerXmlOf(el: XmlElement): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const attrEsc = (s: string) => esc(s).replace(/"/g, "&quot;");
  const ser = (n: XmlNode): string => {
    if (typeof n === "string") return esc(n);
    const attrs = [...n.attrs]
      .filter(([k]) => !k.startsWith("xmlns"))
      .map(([k, v]) => ` ${k}="${attrEsc(v)}"`);
    return `<${n.local}${attrs.join("")}>${n.children.map(ser).join("")}</${n.local}>`;
  };
  return el.children.map(ser).join("").trim();
}
