/**
 * parseOpml / renderOpml: OPML 1.0/2.0 subscription lists <-> feed outlines (feeds stage, for
 * `akhbar sources import-opml` and `export-opml`). Pure. Imported URLs still go through the fetch guard.
 */
import { AkhbarError } from "../../domain/errors.ts";
import { cleanDisplayLine } from "../ingest/clean-display.ts";
import { resolveLink } from "./feed-text.ts";
import { parseXmlTree, type XmlElement } from "./xml-tree.ts";

export interface OpmlOutline {
  title: string | null;
  /** The feed URL (absolute http(s)). */
  xmlUrl: string;
  htmlUrl: string | null;
  /** Names of the enclosing outline folders, outermost first. */
  categories: string[];
}

export interface OpmlDocument {
  title: string | null;
  outlines: OpmlOutline[];
  /** Outlines skipped because their xmlUrl was missing, not http(s), or unparsable. */
  skipped: number;
}

/**
 * Parses OPML text. Nested folders become `categories`; outlines without a usable http(s) `xmlUrl` are
 * counted in `skipped`. Throws AkhbarError `feed.parse_error` when the root is not `<opml>`.
 */
export function parseOpml(text: string): OpmlDocument {
  const { root } = parseXmlTree(text);
  if (root.local !== "opml") throw new AkhbarError("feed.parse_error", "feed: not an OPML document");
  const el = (parent: XmlElement, local: string) =>
    parent.children.find((c): c is XmlElement => typeof c !== "string" && c.local === local) ?? null;
  const head = el(root, "head");
  const titleEl = head ? el(head, "title") : null;
  const body = el(root, "body");
  const outlines: OpmlOutline[] = [];
  let skipped = 0;
  const walk = (parent: XmlElement, path: string[]) => {
    for (const c of parent.children) {
      if (typeof c === "string" || c.local !== "outline") continue;
      const label = c.attrs.get("title") ?? c.attrs.get("text") ?? null;
      const rawXml = c.attrs.get("xmlUrl") ?? c.attrs.get("xmlurl");
      if (rawXml !== undefined) {
        const xmlUrl = resolveLink(rawXml, null);
        if (xmlUrl)
          outlines.push({
            title: label,
            xmlUrl,
            htmlUrl: resolveLink(c.attrs.get("htmlUrl"), null),
            categories: path,
          });
        else skipped++;
      }
      walk(c, label !== null && rawXml === undefined ? [...path, label] : path);
    }
  };
  if (body) walk(body, []);
  const title = titleEl
    ? titleEl.children
        .filter((c) => typeof c === "string")
        .join("")
        .trim()
    : "";
  return { title: title === "" ? null : title, outlines, skipped };
}

/** A feed to export; `categories[0]` becomes its folder. */
export interface OpmlFeed {
  title: string | null;
  xmlUrl: string;
  htmlUrl: string | null;
  categories?: string[];
}

/**
 * Attribute text: escaped, and as display text enters akhbar (cleanDisplayLine): a name stored before ingest dropped
 * controls would otherwise make the document invalid XML (C0) or reverse a reader's list (bidi overrides).
 */
const esc = (s: string) =>
  cleanDisplayLine(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/**
 * Renders OPML 2.0 with one `<outline type="rss">` per feed, grouped by first category.
 * Example: renderOpml("akhbar", [{ title: "\u0648\u0627\u0633", xmlUrl: "https://spa.test/rss", ... }]).
 */
export function renderOpml(title: string, outlines: readonly OpmlFeed[]): string {
  const line = (o: OpmlFeed, indent: string) => {
    const t = esc(o.title ?? o.xmlUrl);
    const html = o.htmlUrl ? ` htmlUrl="${esc(o.htmlUrl)}"` : "";
    return `${indent}<outline type="rss" text="${t}" title="${t}" xmlUrl="${esc(o.xmlUrl)}"${html}/>`;
  };
  const groups = new Map<string, OpmlFeed[]>();
  for (const o of outlines) {
    const key = o.categories?.[0] ?? "";
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const body: string[] = [];
  for (const [group, list] of groups) {
    if (group === "") body.push(...list.map((o) => line(o, "    ")));
    else {
      body.push(`    <outline text="${esc(group)}" title="${esc(group)}">`);
      body.push(...list.map((o) => line(o, "      ")));
      body.push("    </outline>");
    }
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${esc(title)}</title></head>`,
    "  <body>",
    ...body,
    "  </body>",
    "</opml>",
    "",
  ].join("\n");
}
