/**
 * readPageMetadata: page-level facts from <head>, JSON-LD and the root element (meta tags, canonical link,
 * language, direction, headings). Pure; extract stage, run on the parsed tree before body selection.
 */
import { type HtmlDocument, type HtmlElement, textOf, walkHtml } from "./parse-html.ts";

/** Longest JSON-LD body parsed; larger ones are skipped (a 5 MB inline blob is not article metadata). */
export const MAX_JSON_LD_CHARS = 512 * 1024;

/** JSON-LD types that describe an article, sorted. */
const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  "AnalysisNewsArticle",
  "Article",
  "BackgroundNewsArticle",
  "BlogPosting",
  "NewsArticle",
  "OpinionNewsArticle",
  "ReportageNewsArticle",
  "ReviewNewsArticle",
  "WebPage",
]);

const PATTERNS = {
  space: /\s+/g,
  // White space other than a lone U+0020 SPACE: what collapse has to replace.
  spaceToFold: /[^\S ]| {2}/,
} as const;

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  authors: string[];
  publisher: string | null;
  image: string | null;
  url: string | null;
}

export interface PageMetadata {
  /** Lower-cased `property`/`name`/`itemprop` -> first non-empty `content`. */
  meta: Map<string, string>;
  canonicalHref: string | null;
  htmlLang: string | null;
  htmlDir: string | null;
  titleText: string;
  /** Text of h1..h3 headings with their level, in page order. */
  headings: { level: number; text: string }[];
  /** `datetime` of `<time>` elements, in page order. */
  timeValues: string[];
  jsonLd: JsonLdArticle | null;
}

/** Collects page metadata. Example: for `<html lang="ar" dir="rtl">` htmlLang is "ar" and htmlDir "rtl". */
export function readPageMetadata(doc: HtmlDocument): PageMetadata {
  const meta = new Map<string, string>();
  let canonicalHref: string | null = null;
  let htmlLang: string | null = null;
  let htmlDir: string | null = null;
  const headings: { level: number; text: string }[] = [];
  const timeValues: string[] = [];
  for (const el of doc.indexed) {
    // Headings are read whole: tags nested in one are part of its text, not page metadata.
    if (isInsideHeading(el)) continue;
    const { tag, attrs } = el;
    if (tag === "meta") {
      const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? "").toLowerCase().trim();
      const content = (attrs.content ?? "").trim();
      if (key !== "" && content !== "" && !meta.has(key)) meta.set(key, content);
      if (attrs["http-equiv"]?.toLowerCase() === "content-language" && content !== "") {
        meta.set("content-language", content);
      }
    } else if (tag === "link") {
      if ((attrs.rel ?? "").toLowerCase().split(" ").includes("canonical") && canonicalHref === null) {
        canonicalHref = attrs.href?.trim() || null;
      }
    } else if (tag === "html") {
      htmlLang = attrs.lang ?? attrs["xml:lang"] ?? null;
      htmlDir = attrs.dir ?? null;
    } else if (tag === "body") {
      htmlDir ??= attrs.dir ?? null;
    } else if (tag === "h1" || tag === "h2" || tag === "h3") {
      const text = collapse(textOf(el));
      if (text !== "") headings.push({ level: Number(tag[1]), text });
    } else if (tag === "time") {
      const value = attrs.datetime ?? attrs.content;
      if (value !== undefined && value.trim() !== "") timeValues.push(value.trim());
    }
  }
  return {
    meta,
    canonicalHref,
    htmlLang,
    htmlDir,
    titleText: collapse(doc.titleText),
    headings,
    timeValues,
    jsonLd: readJsonLd(doc.jsonLd),
  };
}

function isInsideHeading(el: HtmlElement): boolean {
  for (let cur = el.parent; cur !== null; cur = cur.parent) {
    if (cur.tag === "h1" || cur.tag === "h2" || cur.tag === "h3") return true;
  }
  return false;
}

/** Collapses whitespace runs to one space and trims. Most page text already has single spaces only, so the
 * replace (a new string per call) runs only when a run or another white space character is there.
 * Example: collapse(" a \n  b ") === "a b". */
export function collapse(text: string): string {
  return PATTERNS.spaceToFold.test(text) ? text.replace(PATTERNS.space, " ").trim() : text.trim();
}

function readJsonLd(bodies: readonly string[]): JsonLdArticle | null {
  let best: JsonLdArticle | null = null;
  for (const body of bodies) {
    if (body.length > MAX_JSON_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      continue;
    }
    // Breadth-first over arrays and @graph, bounded by the (already capped) body size.
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) {
        queue.push(...item);
        continue;
      }
      if (typeof item !== "object" || item === null) continue;
      const obj = item as Record<string, unknown>;
      if (Array.isArray(obj["@graph"])) queue.push(...obj["@graph"]);
      const types = ([] as unknown[]).concat(obj["@type"] ?? []);
      if (!types.some((t) => typeof t === "string" && ARTICLE_TYPES.has(t))) continue;
      const candidate: JsonLdArticle = {
        headline: str(obj.headline) ?? str(obj.name),
        datePublished: str(obj.datePublished) ?? str(obj.dateCreated),
        authors: names(obj.author),
        publisher: names(obj.publisher)[0] ?? null,
        image: urlOf(obj.image),
        url: str(obj.url) ?? urlOf(obj.mainEntityOfPage),
      };
      // A WebPage entry only fills what no article entry gave.
      if (best === null || (types.includes("WebPage") === false && best.datePublished === null)) {
        best = best === null ? candidate : { ...candidate, ...pickDefined(best) };
      }
    }
  }
  return best;
}

function pickDefined(a: JsonLdArticle): Partial<JsonLdArticle> {
  const out: Partial<JsonLdArticle> = {};
  if (a.headline !== null) out.headline = a.headline;
  if (a.datePublished !== null) out.datePublished = a.datePublished;
  if (a.authors.length > 0) out.authors = a.authors;
  if (a.publisher !== null) out.publisher = a.publisher;
  if (a.image !== null) out.image = a.image;
  if (a.url !== null) out.url = a.url;
  return out;
}

function str(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? collapse(value) : null;
}

function names(value: unknown): string[] {
  const out: string[] = [];
  for (const item of ([] as unknown[]).concat(value ?? [])) {
    if (typeof item === "string" && item.trim() !== "") out.push(collapse(item));
    else if (typeof item === "object" && item !== null) {
      const name = str((item as Record<string, unknown>).name);
      if (name !== null) out.push(name);
    }
  }
  return out;
}

function urlOf(value: unknown): string | null {
  const first = ([] as unknown[]).concat(value ?? [])[0];
  if (typeof first === "string") return first.trim() || null;
  if (typeof first === "object" && first !== null) {
    const rec = first as Record<string, unknown>;
    return str(rec.url) ?? str(rec["@id"]);
  }
  return null;
}

/** Finds the first element with the given tag, or null. */
export function findFirst(root: HtmlElement, tag: string): HtmlElement | null {
  let found: HtmlElement | null = null;
  walkHtml(root, (node) => {
    if (found !== null) return false;
    if (node.type === "element" && node.tag === tag) found = node;
    return true;
  });
  return found;
}
