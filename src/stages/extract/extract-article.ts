/**
 * extractArticle: one HTML page -> the article in it (metadata, paragraphs, plain text, sanitized HTML) plus
 * what was dropped and why. The extract stage's entry point for HTML; pure (no IO, no clock).
 */
import type { SanitizedHtml } from "../../domain/article.ts";
import { AkhbarError } from "../../domain/errors.ts";
import { type Block, collectBlocks } from "./collect-blocks.ts";
import { BOILERPLATE_MARKERS, type FoldedMarker, type RemovedKind } from "./extract-rules.ts";
import { bylineAgency, findCitedSource } from "./find-cited-source.ts";
import { foldMatchText } from "./fold-match-text.ts";
import { type HtmlElement, isInside, parseHtml, textOf } from "./parse-html.ts";
import { parseVisibleDate, toIsoTimestamp } from "./parse-visible-date.ts";
import { collapse, type PageMetadata, readPageMetadata } from "./read-page-metadata.ts";
import { resolveUrl } from "./resolve-url.ts";
import { sanitizeTree } from "./sanitize-html.ts";
import { type BodyImage, selectBodyImages } from "./select-body-images.ts";

/** Longest HTML accepted, in UTF-16 code units. decodeHtml already caps bytes at 32 MiB; this guards callers
 * that pass strings directly. Parsing runs at roughly 20-40 MB/s, so the cap bounds a call to about a second. */
export const MAX_HTML_CHARS = 32 * 1024 * 1024;

/** A block at least this long, with low link density, is article-like prose. Chosen on arabic-dev and
 * scrapinghub-aeb: Arabic paragraphs run 120-400 characters, teasers and captions under 80. */
export const PROSE_MIN_CHARS = 80;

/** Characters of each prose block that bring nothing to its container's score: long paragraphs decide where
 * the article is, headline-length teasers and ticker items (80-120 characters) barely count (aps.dz ticker). */
export const PROSE_BASE_CHARS = 50;

/** A block up to HEADLINE_MAX_CHARS whose last characters hold a date is a list entry ("headline - 26 أيلول 2020"). */
export const DATE_TAIL_CHARS = 40;

/** Shorter blocks still count as prose when they end a sentence (". ؟ ! :" etc.). */
export const SENTENCE_MIN_CHARS = 30;

/** Link characters over block characters at or above which a block is a link list, not prose. */
export const LINK_DENSITY_MAX = 0.5;

/** Link density below which a long block counts as prose for container scoring. */
export const PROSE_LINK_DENSITY_MAX = 0.3;

/** Power of (1 − link density) a container's prose is multiplied by. 3 makes a half-links container worth an eighth
 * of its prose, so menus and teaser grids around the story lose, while a story with some links keeps most. Swept
 * 1..4 on the benchmark sets: 3 and 4 tie; 1-2 let page-wide wrappers win. */
export const LINK_DENSITY_EXPONENT = 3;

/** Share of its ancestor's score a descendant needs to win over it. An ancestor that only adds a few sentences (a
 * login modal, a newsletter box, the next story's teaser) is not worth the rest it drags in; swept 0-0.3 on the
 * benchmark sets: 0.2 balanced precision and recall. */
export const DESCENDANT_MARGIN = 0.2;

/** A sibling of the chosen element scoring at least this share of it joins the container (lead paragraph in its own
 * div before the body), as in Readability's sibling pass (0.2 there too). */
export const SIBLING_SCORE_RATIO = 0.2;

/** A paragraph-level sibling (p, li, ...) below this link density joins the container whatever its score, as in
 * Readability (0.25 there). */
export const SIBLING_PARAGRAPH_LINK_DENSITY_MAX = 0.25;

/** Own (non-link) characters a link-dense block needs, with a closing sentence mark, to stay as a linked list item
 * of the story (businessinsider "10 things" lists, Arabic "أبرز القرارات" lists of linked decisions). */
export const LINKED_SENTENCE_OWN_CHARS_MIN = 20;

/** Prefix markers only fire on blocks at most this long, so a sentence that starts with a marker word stays. */
export const MARKER_PREFIX_MAX_CHARS = 160;

/** How much longer than the longest marker or the title a block may be and still fold to it: folding only
 * deletes marks, tatweel and invisible characters and collapses spaces, which never halves real text. */
export const FOLD_SLACK = 2;

/** Lines a tail marker's own wrapper may hold before it and still be read as one notice with it (a welcome line and
 * house rules above a comment disclaimer, arabic.cnn.com 2013). */
export const NOTICE_LEAD_IN_MAX_BLOCKS = 2;

/** Headlines dropped after a read-also or related-list heading before text counts as the article again. */
export const LIST_MAX_ITEMS = 12;

/** Headline-like lines (no closing punctuation) are at most this long. */
export const HEADLINE_MAX_CHARS = 160;

/** A line at the article's edge shorter than this without sentence punctuation is a label, date or byline. */
export const EDGE_LINE_MAX_CHARS = 70;

/** Lines searched before the article for a visible date or byline. */
export const HEADER_LOOKBACK_BLOCKS = 25;

/** Longest page line read as a possible headline, in characters. */
const TITLE_LINE_MAX_CHARS = 300;
/** Longest byline name kept, in characters. */
export const BYLINE_MAX_CHARS = 60;

/** Most `removed` entries reported per page. */
export const REMOVED_MAX_ITEMS = 200;

/** Languages written right to left (BCP 47 primary subtags), sorted. */
const RTL_LANGUAGES: ReadonlySet<string> = new Set([
  "ar",
  "arc",
  "ckb",
  "dv",
  "fa",
  "he",
  "ks",
  "ku",
  "ps",
  "sd",
  "ug",
  "ur",
  "yi",
]);

/** Elements that hold one paragraph, never a whole story: the container is at least their parent, as in
 * Readability (a list of linked headlines with blurbs must not shrink the choice to its best item). Sorted. */
const PARAGRAPH_TAGS: ReadonlySet<string> = new Set([
  "blockquote",
  "caption",
  "dd",
  "dt",
  "figcaption",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "p",
  "pre",
]);

const PATTERNS = {
  // Latin, Arabic (\u061F QUESTION MARK, \u06D4 FULL STOP, \u061B SEMICOLON) and CJK (\u3002 IDEOGRAPHIC FULL
  // STOP, \uFF01 / \uFF1F FULLWIDTH EXCLAMATION / QUESTION MARK, \u300D RIGHT CORNER BRACKET) sentence ends.
  sentenceEnd: /[.!?\u061F\u06D4:;\u061B"”»…\u3002\uFF01\uFF1F\u300D]$/u,
  // Not ":" — Arabic headlines use it inside the title ("الأمن : ضبط ...").
  titleSeparator: /\s+[|\u2013\u2014\-»«•·~]\s+/,
  byline: /^(?:كتبت|كتب|بقلم|إعداد|اعداد|حوار|تقرير|by)\s*[:\-\u2013]?\s*(.{3,})$/i,
  // Where a byline's name ends when the date or counters share its line.
  bylineEnd:
    /\s(?:[|\u2013\u2014-]|\S*\d|(?:ال)?(?:أحد|الأحد|اثنين|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)(?=\s|$))/u,
  arabicLetter: /[\u0600-\u06FF]/g,
  latinLetter: /[A-Za-z]/g,
  userName: /^(?:admin|administrator|editor|webmaster|user\d*|staff)$/i,
  counter:
    /^(?:\d[\d,.]*\s*)?(?:مشاهده|مشاهدات|قراءه|قراءات|views?|reads?|comments?|تعليق|تعليقات)(?:\s*\d[\d,.]*)?$/,
  readingTime: /^(?:وقت القراءه\s*)?:?\s*\d+\s*(?:دقيقه|دقائق|min)/,
  relativeTime: /^(?:منذ\s+\d+|\d+\s+(?:ساعه|ساعات|دقيقه|دقائق|يوم|ايام|اسبوع|اسابيع|شهر|اشهر)\s+مضت)/,
  // A block made only of tags written as text: markup escaped into the page by a broken serializer
  // (washingtonexaminer.com's noscript pixel as "&lt;img ...&gt;"). Tags amid prose (HTML tutorials) stay.
  markupText: /^(?:\s*<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>)+$/i,
  langSeparator: /[-_]/,
  notLetterOrDigit: /[^\p{L}\p{N}]+/gu,
  spaces: /\s+/g,
  wwwPrefix: /^www\./,
} as const;

export interface RemovedPart {
  kind: RemovedKind;
  text: string;
}

export interface ExtractedArticle {
  title: string;
  byline: string | null;
  /** ISO 8601 date or timestamp as the page states it (time zone kept), null when none is found. */
  publishedAt: string | null;
  /** BCP 47 primary language ("ar"), null when unknown. */
  language: string | null;
  direction: "rtl" | "ltr";
  /** Publisher name (og:site_name, JSON-LD publisher), or the host. */
  siteName: string | null;
  /** Origin the story credits ("رويترز", "واس"), null for own reporting. */
  citedSource: string | null;
  canonicalUrl: string | null;
  imageUrl: string | null;
  paragraphs: string[];
  /** Paragraphs joined by "\n". */
  text: string;
  html: SanitizedHtml;
  removed: RemovedPart[];
}

export interface ExtractOptions {
  /** Where the page was fetched from; resolves relative canonical and image URLs and selects site rules. */
  url?: string;
}

/**
 * Extracts the article of one page. Workflow:
 *  1. refuse oversized input; 2. parse (depth-capped, no recursion); 3. read head/JSON-LD metadata;
 *  4. flatten into text blocks, pruning never-content and hidden subtrees; 5. choose the container (most prose
 *  discounted by link density, plus story-like siblings; hidden text, then short lines, as fallbacks);
 *  6. drop markers, read-also boxes, related lists, repeated titles and edge labels;
 *  7. derive title, byline, date, cited source; 8. render and sanitize HTML last.
 * Throws AkhbarError `extract.too_large` or `extract.no_content`.
 * Example: extractArticle('<h1>عنوان</h1><p>نص طويل ...</p><p>اقرأ أيضا: خبر آخر</p>').paragraphs -> ["نص طويل ..."].
 */
export function extractArticle(html: string, opts: ExtractOptions = {}): ExtractedArticle {
  if (html.length > MAX_HTML_CHARS) {
    throw new AkhbarError(
      "extract.too_large",
      `extract: page is ${html.length} characters, over ${MAX_HTML_CHARS}`,
      {
        chars: html.length,
      },
    );
  }
  const doc = parseHtml(html);
  const meta = readPageMetadata(doc);
  const baseUrl = opts.url ?? null;
  const canonicalUrl = resolveUrl(
    meta.canonicalHref ?? meta.meta.get("og:url") ?? meta.jsonLd?.url ?? null,
    baseUrl,
  );
  const host = hostOf(baseUrl ?? canonicalUrl);
  let collection = collectBlocks(doc.root, host);
  let container = chooseContainer(collection.blocks, collection.elements, false);
  if (container === null) {
    // Some pages hide the whole story until a script shows it; read them as they are written.
    collection = collectBlocks(doc.root, host, { keepHidden: true });
    container = chooseContainer(collection.blocks, collection.elements, false);
  }
  if (container === null) {
    // Others write it only for readers without scripts.
    collection = collectBlocks(doc.root, host, { keepHidden: true, keepNoscript: true });
    container = chooseContainer(collection.blocks, collection.elements, false);
  }
  // A page of short lines only (a form, a notice, a product card) still has text a reader came for.
  container ??= chooseContainer(collection.blocks, collection.elements, true);
  const { blocks, pruned } = collection;
  if (container === null)
    throw new AkhbarError("extract.no_content", "extract: no article text found on the page");

  const siteName =
    meta.meta.get("og:site_name") ?? meta.jsonLd?.publisher ?? meta.meta.get("application-name") ?? host;
  const title = chooseTitle(meta, siteName, blocks);
  const roots = new Set(container.roots);
  const inContainer = blocks.filter((b) => isInsideAny(b.owner, roots));
  let selection = selectBody(inContainer, title);
  if (selection.kept.length === 0 && container.lenient) {
    // Nothing but labels: they are the page's text (a notice, a form), so keep its non-link lines.
    selection = {
      kept: inContainer.filter((b) => b.heading !== 1 && b.linkChars / b.chars < LINK_DENSITY_MAX),
      removed: [],
    };
  }
  if (selection.kept.length === 0)
    throw new AkhbarError("extract.no_content", "extract: no article text found on the page");

  const removed: RemovedPart[] = [];
  for (const p of pruned) if (p.text !== "") removed.push({ kind: p.kind, text: p.text });
  removed.push(...selection.removed);

  const paragraphs = selection.kept.map((b) => b.text);
  // Images go to the HTML only: the plain text stays exactly the kept blocks.
  const images = selectBodyImages(collection.images, {
    roots,
    inContainer,
    kept: selection.kept,
    baseUrl,
  });
  const firstIndex = selection.kept[0]!.index;
  const header = blocks.slice(Math.max(0, firstIndex - HEADER_LOOKBACK_BLOCKS), firstIndex).reverse();
  const edgeLines = selection.removed
    .filter((r) => r.kind === "edge_line" || r.kind === "date_line")
    .map((r) => r.text);
  const language = detectLanguage(meta, paragraphs.join(" "));
  const direction = toDirection(meta.htmlDir, language);
  const metaLines = selection.removed
    .filter((r) => r.kind === "meta_line" || r.kind === "edge_line")
    .map((r) => r.text);
  const credit = chooseByline(meta, {
    nearLines: [...edgeLines, ...header.map((b) => b.text)],
    authorMarked: authorMarkedTexts(collection.elements),
    visibleText: () => [...blocks.map((b) => b.text), ...pruned.map((p) => p.text)].join("\n"),
    siteName,
    host,
  });
  return {
    title,
    byline: credit.byline,
    publishedAt: choosePublished(meta, [...edgeLines, ...header.map((b) => b.text)]),
    language,
    direction,
    siteName,
    citedSource: findCitedSource([...metaLines, ...paragraphs], host) ?? credit.agency,
    canonicalUrl,
    imageUrl: chooseImage(meta, images, baseUrl),
    paragraphs,
    text: paragraphs.join("\n"),
    // Sanitizing is the last step: nothing built after it can escape the allow-list.
    html: sanitizeTree(renderBody(selection.kept, images, language, direction, baseUrl)),
    removed: removed.slice(0, REMOVED_MAX_ITEMS),
  };
}

/**
 * Picks the element whose subtree holds the most prose, discounted by its link density:
 * score = prose × (1 − link chars / chars)^LINK_DENSITY_EXPONENT. Links dilute a container in proportion (a story
 * with a list of linked headlines inside keeps most of its score) instead of subtracting their length, which let a
 * long in-article link list push the choice down to a single paragraph (lithub.com book lists).
 */
function chooseContainer(
  blocks: readonly Block[],
  elements: readonly HtmlElement[],
  lenient: boolean,
): Container | null {
  const sums = new Map<HtmlElement, ContainerSums>();
  const sumsOf = (el: HtmlElement): ContainerSums => {
    let s = sums.get(el);
    if (s === undefined) {
      s = { prose: 0, proseBlocks: 0, chars: 0, linkChars: 0 };
      sums.set(el, s);
    }
    return s;
  };
  for (const b of blocks) {
    const s = sumsOf(b.owner);
    if (lenient ? b.heading !== 1 && b.linkChars / b.chars < LINK_DENSITY_MAX : isProseBlock(b)) {
      s.prose += Math.max(lenient ? 1 : 0, b.chars - b.linkChars - (lenient ? 0 : PROSE_BASE_CHARS));
      s.proseBlocks++;
    }
    s.chars += b.chars;
    s.linkChars += b.linkChars;
  }
  // Children come after parents in pre-order, so one reverse pass sums every subtree without recursion.
  const sizes = new Map<HtmlElement, number>();
  for (let i = elements.length - 1; i > 0; i--) {
    const el = elements[i]!;
    if (el.parent !== null) sizes.set(el.parent, (sizes.get(el.parent) ?? 1) + (sizes.get(el) ?? 1));
    const own = sums.get(el);
    if (el.parent === null || own === undefined) continue;
    const up = sumsOf(el.parent);
    up.prose += own.prose;
    up.proseBlocks += own.proseBlocks;
    up.chars += own.chars;
    up.linkChars += own.linkChars;
  }
  const scoreOf = (el: HtmlElement): number => {
    const s = sums.get(el);
    if (s === undefined || s.proseBlocks === 0) return 0;
    return s.prose * (1 - s.linkChars / s.chars) ** LINK_DENSITY_EXPONENT;
  };
  let best: HtmlElement | null = null;
  let bestScore = 0;
  // Pre-order index just past the best element's subtree.
  let bestEnd = 0;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    if (PARAGRAPH_TAGS.has(el.tag)) continue;
    const score = scoreOf(el);
    // Pre-order visits an ancestor before its descendants: a descendant wins unless the ancestor scores clearly more.
    const needed = i < bestEnd ? bestScore * (1 - DESCENDANT_MARGIN) : bestScore;
    if (score >= needed && score > 0) {
      best = el;
      bestScore = score;
      bestEnd = i + (sizes.get(el) ?? 1);
    }
  }
  if (best === null) return null;
  return { roots: withSiblings(best, bestScore, scoreOf, sums), lenient };
}

/** The chosen element plus those of its siblings that read as more of the same story, in page order. */
function withSiblings(
  best: HtmlElement,
  bestScore: number,
  scoreOf: (el: HtmlElement) => number,
  sums: ReadonlyMap<HtmlElement, ContainerSums>,
): HtmlElement[] {
  const parent = best.parent;
  if (parent === null) return [best];
  const roots: HtmlElement[] = [];
  for (const child of parent.children) {
    if (child.type !== "element") continue;
    if (child === best) {
      roots.push(child);
      continue;
    }
    const s = sums.get(child);
    if (s === undefined || s.proseBlocks === 0) continue;
    const density = s.linkChars / s.chars;
    if (
      scoreOf(child) >= bestScore * SIBLING_SCORE_RATIO ||
      (PARAGRAPH_TAGS.has(child.tag) && density < SIBLING_PARAGRAPH_LINK_DENSITY_MAX)
    )
      roots.push(child);
  }
  return roots;
}

interface Container {
  /** Subtrees holding the story, in page order: the best-scoring element and its story-like siblings. */
  roots: HtmlElement[];
  /** Chosen with every non-link line counted as prose: the page has no paragraph at all. */
  lenient: boolean;
}

interface ContainerSums {
  prose: number;
  proseBlocks: number;
  chars: number;
  linkChars: number;
}

function isProseBlock(b: Block): boolean {
  if (b.heading === 1) return false;
  const density = b.linkChars / b.chars;
  if (density >= PROSE_LINK_DENSITY_MAX) return false;
  if (
    b.chars <= HEADLINE_MAX_CHARS &&
    b.chars >= PROSE_MIN_CHARS &&
    parseVisibleDate(b.text.slice(-DATE_TAIL_CHARS)) !== null
  ) {
    return false;
  }
  if (b.chars >= PROSE_MIN_CHARS) return true;
  return b.chars >= SENTENCE_MIN_CHARS && PATTERNS.sentenceEnd.test(b.text);
}

function isInsideAny(el: HtmlElement, roots: ReadonlySet<HtmlElement>): boolean {
  for (let cur: HtmlElement | null = el; cur !== null; cur = cur.parent) if (roots.has(cur)) return true;
  return false;
}

interface Selection {
  kept: Block[];
  removed: RemovedPart[];
}

/** Drops boilerplate inside the chosen container, keeping page order. */
function selectBody(blocks: readonly Block[], title: string): Selection {
  const foldedTitle = foldMatchText(title);
  // Markers, meta lines and repeated titles are short; longer blocks skip folding, the costliest step per block,
  // and their empty fold matches no rule.
  const foldMaxChars = FOLD_SLACK * Math.max(MARKER_PREFIX_MAX_CHARS, title.length);
  const foldOf = (b: Block): string =>
    b.text.length <= foldMaxChars && mayMatchFolded(b, foldedTitle) ? foldMatchText(b.text) : "";
  const verdict: (RemovedKind | null)[] = blocks.map(() => null);
  let listMode = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (PATTERNS.markupText.test(b.text)) {
      verdict[i] = "markup";
      continue;
    }
    const folded = foldOf(b);
    const marker = matchMarker(folded);
    if (marker !== null) {
      verdict[i] = marker.kind;
      if (marker.scope === "tail" && i > 0 && hasProseBefore(blocks, verdict, i)) {
        for (let j = i + 1; j < blocks.length; j++) verdict[j] = marker.kind;
        markNoticeLeadIn(blocks, verdict, i, marker.kind);
        break;
      }
      if (marker.scope === "list") {
        markBox(blocks, verdict, i, marker.kind);
        listMode = LIST_MAX_ITEMS;
      }
      continue;
    }
    if (b.linkChars / b.chars >= LINK_DENSITY_MAX && (listMode > 0 || !isLinkedSentence(b))) {
      verdict[i] = listMode > 0 ? "read_also" : "link_list";
      listMode = Math.max(0, listMode - 1);
      continue;
    }
    if (listMode > 0) {
      if (isHeadlineLike(b)) {
        verdict[i] = "read_also";
        listMode--;
        continue;
      }
      listMode = 0;
    }
    if (
      foldedTitle !== "" &&
      (folded === foldedTitle || (b.heading > 0 && foldedTitle.includes(folded) && folded.length > 20))
    ) {
      verdict[i] = "title_repeat";
      continue;
    }
    if (b.chars <= EDGE_LINE_MAX_CHARS && isMetaLine(folded)) verdict[i] = "meta_line";
    else if (
      b.chars <= EDGE_LINE_MAX_CHARS &&
      !PATTERNS.sentenceEnd.test(b.text) &&
      parseVisibleDate(b.text) !== null
    ) {
      verdict[i] = "date_line";
    }
  }
  trimEdges(blocks, verdict);
  const kept: Block[] = [];
  const removed: RemovedPart[] = [];
  blocks.forEach((b, i) => {
    const v = verdict[i];
    if (v === null || v === undefined) kept.push(b);
    else removed.push({ kind: v, text: b.text.slice(0, 300) });
  });
  return { kept, removed };
}

/** Raw characters folded first to see whether a block can start like a marker or the title. */
export const FOLD_HEAD_CHARS = 24;

/** Longest head compared; a folded head shorter than this plus one (its last character may change when the rest
 * of the block follows) is folded in full. */
const HEAD_KEY_MAX_CHARS = 4;

/** First folded characters of every marker (all of a shorter one). */
const MARKER_HEADS: ReadonlySet<string> = new Set(
  BOILERPLATE_MARKERS.map((m) => m.folded.slice(0, HEAD_KEY_MAX_CHARS)),
);
const MARKER_HEAD_LENGTHS: readonly number[] = [...new Set([...MARKER_HEADS].map((h) => h.length))];

/**
 * Whether a block's full fold can matter to selectBody: short lines (meta lines, exact markers), headings (the
 * title repeated in part), and blocks whose folded head starts like a marker or the title. Example: a paragraph
 * "الحكومة تقر ..." under the title "وزير ..." is never folded in full.
 */
function mayMatchFolded(b: Block, foldedTitle: string): boolean {
  if (b.chars <= EDGE_LINE_MAX_CHARS || b.heading > 0) return true;
  const head = foldMatchText(b.text.slice(0, FOLD_HEAD_CHARS));
  if (head.length <= HEAD_KEY_MAX_CHARS) return true;
  for (const n of MARKER_HEAD_LENGTHS) if (MARKER_HEADS.has(head.slice(0, n))) return true;
  return foldedTitle.length > 0 && head.startsWith(foldedTitle.slice(0, HEAD_KEY_MAX_CHARS));
}

function matchMarker(folded: string): FoldedMarker | null {
  for (const m of BOILERPLATE_MARKERS) {
    if (m.match === "exact") {
      if (folded === m.folded || stripTrailingPunctuation(folded) === m.folded) return m;
    } else if (folded.length <= MARKER_PREFIX_MAX_CHARS && folded.startsWith(m.folded)) {
      return m;
    }
  }
  return null;
}

function stripTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && ":.…-|\u2013 ".includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

function hasProseBefore(
  blocks: readonly Block[],
  verdict: readonly (RemovedKind | null)[],
  i: number,
): boolean {
  for (let j = 0; j < i; j++) if (verdict[j] === null && isProseBlock(blocks[j]!)) return true;
  return false;
}

/**
 * Marks the lines a tail marker's own wrapper holds before it: a comment notice opens with a welcome or house rules
 * ("ترحب شبكة CNN بالنقاش ...") before the disclaimer that is the marker. Only a small wrapper after the story
 * counts; one that also holds story text is the story's own.
 */
function markNoticeLeadIn(
  blocks: readonly Block[],
  verdict: (RemovedKind | null)[],
  i: number,
  kind: RemovedKind,
): void {
  const box = blocks[i]!.owner.parent;
  if (box === null) return;
  let first = i;
  while (first > 0 && isInside(blocks[first - 1]!.owner, box)) first--;
  if (first === i || i - first > NOTICE_LEAD_IN_MAX_BLOCKS || !hasProseBefore(blocks, verdict, first)) return;
  for (let j = first; j < i; j++) verdict[j] = kind;
}

/** Marks every block of the small box a list marker sits in (the promo's own wrapper). */
function markBox(
  blocks: readonly Block[],
  verdict: (RemovedKind | null)[],
  i: number,
  kind: RemovedKind,
): void {
  const marker = blocks[i]!;
  let box: HtmlElement | null = null;
  for (let cur = marker.owner.parent; cur !== null; cur = cur.parent) {
    const inside = blocks.filter((b) => isInside(b.owner, cur!));
    if (
      inside.some(
        (b) => isProseBlock(b) && !isHeadlineLike(b) && b.linkChars / b.chars < PROSE_LINK_DENSITY_MAX,
      )
    )
      break;
    box = cur;
  }
  if (box === null) return;
  blocks.forEach((b, j) => {
    if (j !== i && verdict[j] === null && isInside(b.owner, box!)) verdict[j] = kind;
  });
}

/** A link followed by words of its own that end a sentence: an item of the story's own list ("<a>Tax relief</a>
 * for new firms in border provinces."), not a menu entry or a related headline. */
function isLinkedSentence(b: Block): boolean {
  return b.chars - b.linkChars >= LINKED_SENTENCE_OWN_CHARS_MIN && PATTERNS.sentenceEnd.test(b.text);
}

function isHeadlineLike(b: Block): boolean {
  return (
    b.chars <= HEADLINE_MAX_CHARS &&
    (!PATTERNS.sentenceEnd.test(b.text) || b.linkChars / b.chars >= LINK_DENSITY_MAX)
  );
}

function isMetaLine(folded: string): boolean {
  return (
    PATTERNS.counter.test(folded) || PATTERNS.readingTime.test(folded) || PATTERNS.relativeTime.test(folded)
  );
}

/** Removes label-like lines (category, date, byline, dateline, desk codes) before the first and after the last
 * prose block. */
function trimEdges(blocks: readonly Block[], verdict: (RemovedKind | null)[]): void {
  const isLabel = (b: Block): boolean =>
    b.heading === 0 &&
    b.chars <= EDGE_LINE_MAX_CHARS &&
    !PATTERNS.sentenceEnd.test(b.text) &&
    !isProseBlock(b);
  for (let i = 0; i < blocks.length; i++) {
    if (verdict[i] !== null) continue;
    const b = blocks[i]!;
    if (b.heading === 1 || isLabel(b)) verdict[i] = "edge_line";
    else if (b.heading === 0) break;
  }
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (verdict[i] !== null) continue;
    const b = blocks[i]!;
    if (isLabel(b) || b.heading > 0) verdict[i] = "edge_line";
    else break;
  }
}

/**
 * The on-page headline when it agrees with the declared title (og:title, JSON-LD, twitter:title, meta title, else
 * `<title>`, its site name stripped), compared without punctuation (quotes an outlet drops from og:title); else
 * the declared title's part the page shows as a line of its own ("صحيفة التاخي - X" with X shown alone); else
 * the stripped declared title; else the first h1.
 */
function chooseTitle(meta: PageMetadata, siteName: string | null, blocks: readonly Block[]): string {
  const metaTitle =
    meta.meta.get("og:title") ??
    meta.jsonLd?.headline ??
    meta.meta.get("twitter:title") ??
    meta.meta.get("title") ??
    meta.titleText;
  const stripped = stripSiteName(metaTitle, siteName);
  const keyMeta = titleKey(metaTitle);
  const keyStripped = titleKey(stripped);
  // The on-page headline is the reader's title; use it when it agrees with the declared one.
  for (const level of [1, 2, 3]) {
    for (const h of meta.headings) {
      if (h.level !== level) continue;
      const key = titleKey(h.text);
      if (key === "") continue;
      if (key === keyStripped || (keyMeta.includes(key) && key.length >= keyStripped.length * 0.6)) {
        return h.text;
      }
    }
  }
  const parts = metaTitle.split(PATTERNS.titleSeparator).map((p) => p.trim());
  // The page's lines are keyed only when no headline agreed and the declared title has parts to look for.
  const pageLines = parts.length > 1 ? shortLineKeys(blocks) : null;
  const shown = parts
    .filter((p) => p.length < metaTitle.length && pageLines?.has(titleKey(p)) === true)
    .sort((a, b) => b.length - a.length)[0];
  if (shown !== undefined && shown.length >= stripped.length * 0.5) return shown;
  if (stripped !== "") return stripped;
  return meta.headings.find((h) => h.level === 1)?.text ?? "";
}

/** Title keys of the page's lines short enough to be a headline. */
function shortLineKeys(blocks: readonly Block[]): Set<string> {
  const keys = new Set<string>();
  for (const b of blocks) if (b.text.length <= TITLE_LINE_MAX_CHARS) keys.add(titleKey(b.text));
  return keys;
}

/** A title compared without case, spelling variants of letters, punctuation or spacing. */
function titleKey(text: string): string {
  return foldMatchText(text).replace(PATTERNS.notLetterOrDigit, " ").replace(PATTERNS.spaces, " ").trim();
}

function stripSiteName(title: string, siteName: string | null): string {
  const parts = title.split(PATTERNS.titleSeparator);
  if (parts.length < 2) return title.trim();
  const site = siteName === null ? "" : foldMatchText(siteName);
  const isSite = (p: string): boolean => {
    const f = foldMatchText(p);
    return site !== "" && (f === site || site.includes(f) || f.includes(site));
  };
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (isSite(last)) return parts.slice(0, -1).join(" - ").trim();
  if (isSite(first)) return parts.slice(1).join(" - ").trim();
  // "Headline | Site" with an unknown site name: a short last part after a pipe is the site.
  if (title.includes(" | ") && last.split(" ").length <= 4)
    return title.slice(0, title.lastIndexOf(" | ")).trim();
  return title.trim();
}

interface BylineInputs {
  /** Edge and header lines around the article's start, nearest first. */
  nearLines: readonly string[];
  /** Texts of short elements marked as the author (class, itemprop or rel). */
  authorMarked: ReadonlySet<string>;
  /** The page's visible text (blocks and pruned parts), asked for only when a declared author is weighed. */
  visibleText: () => string;
  siteName: string | null;
  host: string | null;
}

/**
 * The byline: a "كتب: X" line near the article, else a header line the page marks as the author (a leading or
 * trailing dateline city dropped), else a declared author (JSON-LD, meta) the page also shows; a declared name
 * it never shows is a CMS account ("Boussadia fouzia" on aps.dz). A credit in the byline's place ("واس - الرياض",
 * "اليوم - وكالات") is no person: it is returned as `agency` (unless the agency is the publisher) and the search
 * goes on.
 */
function chooseByline(
  meta: PageMetadata,
  inputs: BylineInputs,
): { byline: string | null; agency: string | null } {
  let agency: string | null = null;
  const person = (name: string): string | null => {
    if (name.length < 3 || name.length > BYLINE_MAX_CHARS) return null;
    const credit = bylineAgency(name, inputs.host);
    if (credit === null) return name;
    if (!credit.own) agency ??= credit.name;
    return null;
  };
  for (const line of inputs.nearLines) {
    const m = PATTERNS.byline.exec(collapse(line));
    if (m?.[1] !== undefined) {
      const tail = m[1];
      const end = tail.search(PATTERNS.bylineEnd);
      const name = person((end < 0 ? tail : tail.slice(0, end)).trim());
      if (name !== null) return { byline: name, agency };
    }
  }
  for (const line of inputs.nearLines) {
    const text = collapse(line);
    if (!inputs.authorMarked.has(text)) continue;
    const name = person(withoutDatelineCity(text));
    if (name !== null) return { byline: name, agency };
  }
  const site = inputs.siteName === null ? "" : foldMatchText(inputs.siteName);
  const candidates = [
    ...(meta.jsonLd?.authors ?? []),
    meta.meta.get("author") ?? "",
    meta.meta.get("article:author") ?? "",
  ];
  let visible: string | null = null;
  for (const c of candidates) {
    const name = c.trim();
    if (name === "" || name.includes("://") || name.includes("@") || PATTERNS.userName.test(name)) continue;
    const folded = foldMatchText(name);
    if (site !== "" && (folded === site || site.includes(folded))) continue;
    if (person(name) === null) continue;
    visible ??= foldMatchText(inputs.visibleText());
    if (visible.includes(folded)) return { byline: name, agency };
  }
  return { byline: null, agency };
}

/**
 * "سوهاج – ياسمين حربى عبد الهادى" -> the name: when a dash splits a byline into parts, the part with strictly the
 * most words is the person (a dateline city is one or two words); otherwise the line is kept whole.
 */
function withoutDatelineCity(text: string): string {
  const parts = text.split(PATTERNS.titleSeparator).map((p) => p.trim());
  if (parts.length < 2) return text;
  const words = parts.map((p) => p.split(" ").length);
  const most = Math.max(...words);
  return words.filter((w) => w === most).length === 1 ? parts[words.indexOf(most)]! : text;
}

/** Class, itemprop or rel values that mark an element as the author's name. */
const AUTHOR_MARK = /author|byline|writer|articleuser/i;

/** Texts of short elements marked as the author, collapsed: matched against the header's lines. */
function authorMarkedTexts(elements: readonly HtmlElement[]): Set<string> {
  const texts = new Set<string>();
  for (const el of elements) {
    const mark = `${el.attrs.class ?? ""} ${el.attrs.itemprop ?? ""} ${el.attrs.rel ?? ""}`;
    if (!AUTHOR_MARK.test(mark)) continue;
    const text = collapse(textOf(el, BYLINE_MAX_CHARS * 2));
    if (text !== "" && text.length <= BYLINE_MAX_CHARS * 2) texts.add(text);
  }
  return texts;
}

function choosePublished(meta: PageMetadata, nearLines: readonly string[]): string | null {
  const declared = [
    meta.jsonLd?.datePublished,
    meta.meta.get("article:published_time"),
    meta.meta.get("og:published_time"),
    meta.meta.get("datepublished"),
    meta.meta.get("pubdate"),
    meta.meta.get("publishdate"),
    meta.meta.get("date"),
    meta.meta.get("dc.date"),
    meta.meta.get("dc.date.issued"),
    meta.meta.get("sailthru.date"),
    meta.timeValues[0],
  ];
  for (const value of declared) {
    if (value === undefined || value === null) continue;
    const iso = toIsoTimestamp(value);
    if (iso !== null) return iso;
  }
  for (const line of nearLines) {
    if (line.length > EDGE_LINE_MAX_CHARS * 2) continue;
    const date = parseVisibleDate(line);
    if (date !== null) return date;
  }
  return null;
}

/** The declared lead image, else the body's first image (never an avatar, logo or a read-also thumbnail: those
 * selectBodyImages leaves out). */
function chooseImage(
  meta: PageMetadata,
  images: readonly BodyImage[],
  baseUrl: string | null,
): string | null {
  const declared = meta.meta.get("og:image") ?? meta.meta.get("twitter:image") ?? meta.jsonLd?.image ?? null;
  if (declared !== null) return resolveUrl(declared, baseUrl);
  return images[0]?.src ?? null;
}

function detectLanguage(meta: PageMetadata, text: string): string | null {
  const declared = meta.htmlLang ?? meta.meta.get("content-language") ?? meta.meta.get("og:locale") ?? null;
  if (declared !== null && declared.trim() !== "")
    return declared.trim().toLowerCase().split(PATTERNS.langSeparator)[0] ?? null;
  const sample = text.slice(0, 2000);
  const arabic = sample.match(PATTERNS.arabicLetter)?.length ?? 0;
  const latin = sample.match(PATTERNS.latinLetter)?.length ?? 0;
  if (arabic === 0 && latin === 0) return null;
  return arabic > latin ? "ar" : null;
}

function toDirection(declared: string | null, language: string | null): "rtl" | "ltr" {
  const d = declared?.trim().toLowerCase();
  if (d === "rtl" || d === "ltr") return d;
  return language !== null && RTL_LANGUAGES.has(language) ? "rtl" : "ltr";
}

/** Inline elements whose markup a kept paragraph keeps (links, emphasis); sorted. The sanitizer still runs last. */
const INLINE_MARKUP_TAGS: ReadonlySet<string> = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "cite",
  "code",
  "em",
  "i",
  "mark",
  "q",
  "s",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "time",
  "u",
]);

/** A detached element for the rendered body; the sanitizer reads it like a parsed one. */
function bodyElement(tag: string, attrs: Record<string, string>, parent: HtmlElement): HtmlElement {
  const el: HtmlElement = { type: "element", tag, attrs, children: [], parent };
  parent.children.push(el);
  return el;
}

function appendText(parent: HtmlElement, text: string): void {
  if (text !== "") parent.children.push({ type: "text", text, parent });
}

/**
 * Copies the block's owner content with its inline markup (links absolute) into `into`, or returns false when that
 * content is not exactly the block's text: another block, a dropped insert or a line break inside it, or any
 * non-inline element. Then the block is written as plain text, so nothing the extractor removed can come back
 * through the markup. White space at both ends of the copy is trimmed.
 */
function copyInline(block: Block, into: HtmlElement, baseUrl: string | null): boolean {
  const copied = { text: "" };
  if (!copyInlineChildren(block.owner, into, baseUrl, copied) || collapse(copied.text) !== block.text) {
    into.children.length = 0;
    return false;
  }
  const first = into.children[0];
  if (first?.type === "text") first.text = first.text.trimStart();
  const last = into.children[into.children.length - 1];
  if (last?.type === "text") last.text = last.text.trimEnd();
  return true;
}

/** copyInline's walk (depth stays under MAX_DOM_DEPTH); `copied.text` collects the text copied so far. */
function copyInlineChildren(
  from: HtmlElement,
  to: HtmlElement,
  baseUrl: string | null,
  copied: { text: string },
): boolean {
  for (const child of from.children) {
    if (child.type === "text") {
      appendText(to, child.text);
      copied.text += child.text;
      continue;
    }
    if (!INLINE_MARKUP_TAGS.has(child.tag)) return false;
    const href = child.tag === "a" ? resolveUrl(child.attrs.href ?? null, baseUrl) : null;
    if (
      !copyInlineChildren(child, bodyElement(child.tag, href === null ? {} : { href }, to), baseUrl, copied)
    )
      return false;
  }
  return true;
}

/**
 * The kept blocks as a detached tree under a "#root": one rtl/ltr div of paragraphs, headings, quotes and lists, with
 * each image as a figure before the block it precedes on the page; kept lines of an image's own figcaption become
 * that figure's caption.
 */
function renderBody(
  kept: readonly Block[],
  images: readonly BodyImage[],
  language: string | null,
  direction: "rtl" | "ltr",
  baseUrl: string | null,
): HtmlElement {
  const root: HtmlElement = { type: "element", tag: "#root", attrs: {}, children: [], parent: null };
  const body = bodyElement(
    "div",
    language === null ? { dir: direction } : { dir: direction, lang: language },
    root,
  );
  let list: HtmlElement | null = null;
  let nextImage = 0;
  // The last figure written, with the source figcaption its caption lines come from.
  let figure: { el: HtmlElement; source: HtmlElement; caption: HtmlElement | null } | null = null;
  for (const b of kept) {
    while (nextImage < images.length && images[nextImage]!.position <= b.index) {
      const image = images[nextImage++]!;
      list = null;
      const el = bodyElement("figure", {}, body);
      bodyElement("img", imageAttributes(image), el);
      if (image.droppedCaption !== null) appendText(bodyElement("figcaption", {}, el), image.droppedCaption);
      figure = image.caption === null ? null : { el, source: image.caption, caption: null };
    }
    if (figure !== null && isInside(b.owner, figure.source)) {
      if (figure.caption === null) figure.caption = bodyElement("figcaption", {}, figure.el);
      else bodyElement("br", {}, figure.caption);
      const line = bodyElement("span", {}, figure.caption);
      if (!copyInline(b, line, baseUrl)) appendText(line, b.text);
      continue;
    }
    figure = null;
    if (!b.listItem) list = null;
    else list ??= bodyElement("ul", {}, body);
    const tag = b.listItem
      ? "li"
      : b.heading >= 2
        ? `h${Math.min(b.heading, 6)}`
        : b.owner.tag === "blockquote"
          ? "blockquote"
          : "p";
    const el = bodyElement(tag, {}, list ?? body);
    if (!copyInline(b, el, baseUrl)) appendText(el, b.text);
  }
  return root;
}

function imageAttributes(image: BodyImage): Record<string, string> {
  const attrs: Record<string, string> = { src: image.src, alt: image.alt };
  if (image.width !== null) attrs.width = image.width;
  if (image.height !== null) attrs.height = image.height;
  return attrs;
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.replace(PATTERNS.wwwPrefix, "");
  } catch {
    return null;
  }
}
