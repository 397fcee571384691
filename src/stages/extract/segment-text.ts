/**
 * segmentText: flattened page text (one paragraph per line) -> the main article and the foreign parts around
 * and inside it (read-also inserts, headline lists, other stories, credit lines). Pure; extract stage, used on
 * scraped text that has lost its HTML.
 */
import { findCitedSource } from "./find-cited-source.ts";
import { foldMatchText } from "./fold-match-text.ts";

export type SegmentKind = "main" | "attribution" | "read_also" | "other_story" | "headline_list";

export interface Segment {
  kind: SegmentKind;
  /** 0-based index of the first non-empty line, inclusive. */
  start: number;
  /** 0-based index of the last non-empty line, inclusive. */
  end: number;
  /** The segment's lines; run-together headlines are split onto their own lines. */
  text: string;
}

export interface SegmentedText {
  segments: Segment[];
  main: { start: number; end: number; source: string | null; cited_sources: string[] };
}

/** Markers that open a read-also insert (display spelling, folded at load), sorted. */
const READ_ALSO_MARKERS: readonly string[] = [
  "read also",
  "read more",
  "see also",
  "اقرأ أيضا",
  "اقرأ المزيد",
  "انظر أيضا",
  "شاهد أيضا",
  "طالع أيضا",
].map(foldMatchText);

/** Headings of similar-article lists, sorted. */
const LIST_MARKERS: readonly string[] = [
  "related",
  "آخر الأخبار",
  "أخبار ذات صلة",
  "أخبار متعلقة",
  "اخترنا لك",
  "الأكثر قراءة",
  "الأكثر مشاهدة",
  "المزيد من الأخبار",
  "مقالات ذات صلة",
  "مقالات مشابهة",
  "مواضيع ذات صلة",
  "مواضيع ذات علاقة",
  "مواضيع متعلقة",
].map(foldMatchText);

/** Arabic function words ignored when comparing a paragraph's vocabulary to the main story's. Sorted, folded. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    "أن",
    "إلى",
    "التي",
    "الذي",
    "بعد",
    "بين",
    "حيث",
    "خلال",
    "على",
    "عن",
    "في",
    "قال",
    "كان",
    "كما",
    "لم",
    "ما",
    "مع",
    "من",
    "هذا",
    "هذه",
    "وقال",
    "ولم",
  ].map(foldMatchText),
);

/** A line up to this long without closing punctuation reads as a headline. */
export const HEADLINE_MAX_CHARS = 120;

/** Headlines taken after a bare read-also marker or list heading. */
export const LIST_MAX_ITEMS = 10;

/** Share of a paragraph's content words already used by the main story above which it continues that story. */
export const SAME_STORY_MIN_OVERLAP = 0.2;

/** Letters kept of each word when comparing vocabularies (a prefix stem). */
export const STEM_CHARS = 5;

/** Words that must precede a second verb before a run-together line is split there. */
export const SPLIT_MIN_WORDS = 4;

/** A line this long, or a sentence this long, is prose (a paragraph of the story or of another text). */
export const PROSE_MIN_CHARS = 80;
export const PROSE_SENTENCE_MIN_CHARS = 40;

/** What each short line inside the story's region costs it, in characters of prose: a flattened page's menus and
 * link lists sit between texts, a read-also insert of two or three lines inside one. */
export const SHORT_LINE_COST = 40;
/** Characters of each prose line that count for nothing: a teaser of 80–100 characters between headlines adds
 * little, a story paragraph of 200 a lot. */
export const PROSE_BASELINE_CHARS = 50;

/** Lines in a row without a sentence end that make a list (menus, tickers, link lists), not prose, however long each
 * line: a story's paragraphs end their sentences, its subheadings stand alone. */
export const LIST_RUN_MIN_LINES = 3;

/** Lines before the story's prose searched for its headline (a date, byline or share line may sit between). */
export const TITLE_LOOKBACK_LINES = 6;
/** Shortest headline taken before the story's prose: menu items and section labels are shorter. */
export const TITLE_MIN_CHARS = 20;

const PATTERNS = {
  afterMarker: /^[\s:.\u2026\u2013\u2014\-|»«>]+/,
  bullet: /^(?:[\u2022\u25AA\u25CF\u25E6\u00B7*\u2013\u2014-]|\d{1,2}\s*[-.)])\s*/,
  // Sentence ends of the scripts news is written in: Latin and Arabic marks, quotes closing a sentence, U+3002
  // IDEOGRAPHIC FULL STOP, U+FF01/U+FF1F FULLWIDTH EXCLAMATION/QUESTION MARK, U+0964 DEVANAGARI DANDA.
  sentenceEnd: /[.!?\u061F\u06D4:;\u061B"”»)\u3002\uFF01\uFF1F\u0964]$/u,
  // Datelines opening a story: "القاهرة - ", "عمان 18 نيسان (بترا)-", "وطنية -", "الرياض (واس) -", "MADRID —". A
  // hyphen-minus between two Latin letters joins a compound ("tech-based", "16-inch"), never a dateline.
  dateline:
    /^[\p{L}\s/]{2,30}(?:\d{1,2}\s+[\p{L}]+\s*)?(?:\([^)]{2,20}\)\s*)?(?:[\u2013\u2014]|(?<!\p{Script=Latin})-|-(?!\p{Script=Latin}))\s*\S/u,
  creditSeparator: /[:\-\u2013]/,
  sourceLine: /^(?:المصدر|مصدر الخبر|source)\s*[:\-\u2013]\s*(.+)$/i,
  word: /[\p{L}\p{N}]+/gu,
  // Present-tense verb-like word: starts with yeh or teh (يبحث، يستقبل، تعلن).
  presentVerb: /^[\u064A\u062A][\u0600-\u06FF]{2,}$/,
  space: /\s+/,
  // Folded clitics: wa-, fa-, bi-, li-, ka- with or without the article al-, and the article alone.
  cliticPrefix: /^(?:وال|فال|بال|كال|لل|ال|و|ف|ب)(?=[\u0600-\u06FF]{3,})/,
  negation: /^(?:ان|لن|لم|لا|قد|سوف)$/,
} as const;

type LineKind = SegmentKind | "title";

/**
 * Splits flattened text into segments. Example: ["عنوان", "نص الخبر ...", "اقرأ أيضًا.. خبر آخر", "بقية الخبر ..."]
 * gives main 0-1, read_also 2-2, main 3-3 when the last line shares the story's vocabulary.
 */
export function segmentText(text: string): SegmentedText {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const folded = lines.map(foldMatchText);
  const kinds: LineKind[] = lines.map(() => "main");
  const splits = new Map<number, string[]>();
  const vocab = new Set<string>();
  let mainStarted = false;
  let foreign = false;
  let source: string | null = null;
  // A whole flattened page has menus before the story and link lists and footers after it: only the region
  // holding the most prose (and its headline) can be the story, with a last sentence that continues it; markers
  // (read-also, lists, credits) are read everywhere.
  const region = storyRegion(lines, folded);
  const prose = proseCharsBefore(lines);
  let mainFirst = -1;
  let titleTaken = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = folded[i]!;
    const readAlso = READ_ALSO_MARKERS.find((m) => f.startsWith(m));
    if (readAlso !== undefined) {
      kinds[i] = "read_also";
      const rest = f.slice(readAlso.length).replace(PATTERNS.afterMarker, "");
      if (rest === "") {
        // A bare marker: the headlines follow on their own lines.
        let j = i + 1;
        for (
          ;
          j < lines.length && j <= i + LIST_MAX_ITEMS && isHeadline(lines[j]!) && !isMarker(folded[j]!);
          j++
        ) {
          kinds[j] = "read_also";
          splitRunTogether(lines[j]!, j, splits);
        }
        i = j - 1;
      }
      continue;
    }
    if (isListHeading(line, f)) {
      kinds[i] = "headline_list";
      let j = i + 1;
      for (
        ;
        j < lines.length &&
        (isHeadline(lines[j]!) || PATTERNS.bullet.test(lines[j]!)) &&
        !isMarker(folded[j]!);
        j++
      ) {
        // A headline followed by a dateline paragraph opens another story rather than closing the list.
        if (opensStory(lines, j)) break;
        kinds[j] = "headline_list";
        splitRunTogether(lines[j]!, j, splits);
      }
      i = j - 1;
      if (mainStarted) foreign = true;
      continue;
    }
    const credit = PATTERNS.sourceLine.exec(f);
    if (credit !== null && line.length <= HEADLINE_MAX_CHARS) {
      kinds[i] = "attribution";
      source ??=
        findCitedSource([line], null) ?? line.slice(line.search(PATTERNS.creditSeparator) + 1).trim();
      continue;
    }
    // Two or more bulleted headlines in a row after the story: a similar-articles list without a heading. Bulleted
    // sentences are prose (an interview's "*question؟" / "-answer." turns), never a list.
    if (
      mainStarted &&
      isBulletedHeadline(line) &&
      i + 1 < lines.length &&
      isBulletedHeadline(lines[i + 1]!)
    ) {
      let j = i;
      for (; j < lines.length && isBulletedHeadline(lines[j]!); j++) kinds[j] = "headline_list";
      i = j - 1;
      foreign = true;
      continue;
    }
    const words = contentWords(f);
    if (i < region.start || (i > region.end && !continuesStory(line, words, vocab, foreign))) {
      // Another story: a headline over a dateline paragraph, or prose; else a menu or link list.
      kinds[i] = opensStory(lines, i) || isProse(line) ? "other_story" : "headline_list";
      if (i > region.end) foreign = true;
      continue;
    }
    if (!mainStarted) {
      if (isHeadline(line)) {
        // Below the headline and above the first paragraph, a line shorter than any headline is a button or a label
        // ("Tweet", "Listen", "Print"), as in a menu.
        kinds[i] = titleTaken && line.length < TITLE_MIN_CHARS ? "headline_list" : "title";
        titleTaken = true;
      } else {
        mainStarted = true;
        mainFirst = i;
      }
      for (const w of words) vocab.add(w);
      continue;
    }
    // After the story has started: does this line continue it or start another one?
    const overlap = words.length === 0 ? 1 : words.filter((w) => vocab.has(w)).length / words.length;
    // While the story so far holds less prose than the rest of the region (a caption, a teaser, a byline), a headline
    // over a dateline paragraph or a line after a read-also link is the story's own lead: what came before was its
    // preamble.
    const preamble = prose[i]! - prose[mainFirst]! < prose[region.end + 1]! - prose[i]!;
    const headlineThenDateline = opensStory(lines, i) && !preamble;
    const afterForeign =
      !preamble &&
      i > 0 &&
      kinds[i - 1] !== "main" &&
      kinds[i - 1] !== "title" &&
      kinds[i - 1] !== "attribution";
    if (foreign || headlineThenDateline || (afterForeign && overlap < SAME_STORY_MIN_OVERLAP)) {
      if (overlap >= SAME_STORY_MIN_OVERLAP * 2 && !headlineThenDateline && !foreign) {
        for (const w of words) vocab.add(w);
        continue;
      }
      foreign = true;
      kinds[i] = "other_story";
      continue;
    }
    for (const w of words) vocab.add(w);
  }
  return toResult(lines, kinds, splits, source);
}

/**
 * The lines that can hold the story: the run with the most prose net of SHORT_LINE_COST per short line in it
 * (a maximum-sum run), widened back to the longest headline-like line among the TITLE_LOOKBACK_LINES before it.
 * Text without prose is all region (a short item is still read as one).
 */
function storyRegion(lines: readonly string[], folded: readonly string[]): { start: number; end: number } {
  let best = { start: 0, end: lines.length - 1, sum: 0 };
  let start = 0;
  let sum = 0;
  const listed = listRunLines(lines);
  const repeated = repeatedLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (sum <= 0) {
      start = i;
      sum = 0;
    }
    // A list's heading ("الأكثر قراءة", "مقالات ذات صلة") ends whatever story came before it.
    if (isListHeading(line, folded[i]!)) sum = Number.NEGATIVE_INFINITY;
    else
      sum +=
        isProse(line) && !listed[i] && !repeated[i] ? line.length - PROSE_BASELINE_CHARS : -SHORT_LINE_COST;
    if (sum > best.sum) best = { start, end: i, sum };
  }
  if (best.sum === 0) return { start: 0, end: lines.length - 1 };
  let title = -1;
  for (let i = best.start - 1; i >= Math.max(0, best.start - TITLE_LOOKBACK_LINES); i--) {
    const line = lines[i]!;
    if (isHeadline(line) && line.length >= TITLE_MIN_CHARS && line.length > (lines[title]?.length ?? 0))
      title = i;
  }
  return { start: title >= 0 ? title : best.start, end: best.end };
}

/**
 * Marks the lines of each run of LIST_RUN_MIN_LINES or more lines in a row that end no sentence: a menu flattened
 * to one long line per column, a ticker of "headline - date" lines. Example: ["Home", "World news in brief", "Sport"]
 * gives [true, true, true]; a headline over two paragraphs ending in "." gives [false, false, false].
 */
export function listRunLines(lines: readonly string[]): boolean[] {
  const out = lines.map(() => false);
  let runStart = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !PATTERNS.sentenceEnd.test(lines[i]!)) continue;
    if (i - runStart >= LIST_RUN_MIN_LINES) out.fill(true, runStart, i);
    runStart = i + 1;
  }
  return out;
}

/**
 * Marks each line that repeats an earlier line of the page word for word: a cookie notice printed again, a sidebar
 * repeated for another screen size. The first copy stays unmarked, so a page that holds its story twice keeps one.
 * Example: ["This site uses cookies.", "Necessary", "This site uses cookies."] gives [false, false, true].
 */
export function repeatedLines(lines: readonly string[]): boolean[] {
  const seen = new Set<string>();
  return lines.map((line) => {
    if (seen.has(line)) return true;
    seen.add(line);
    return false;
  });
}

/** Characters of prose (isProse) in the lines before each index; one entry more than the lines. */
function proseCharsBefore(lines: readonly string[]): number[] {
  const out = [0];
  for (const line of lines) out.push(out[out.length - 1]! + (isProse(line) ? line.length : 0));
  return out;
}

/** A sentence right after the story's prose region that shares its vocabulary: a last short answer or remark. */
function continuesStory(
  line: string,
  words: readonly string[],
  vocab: ReadonlySet<string>,
  foreign: boolean,
): boolean {
  if (foreign || words.length === 0 || !PATTERNS.sentenceEnd.test(line)) return false;
  return words.filter((w) => vocab.has(w)).length / words.length >= SAME_STORY_MIN_OVERLAP;
}

function isListHeading(line: string, folded: string): boolean {
  return line.length <= HEADLINE_MAX_CHARS && LIST_MARKERS.some((m) => folded.startsWith(m));
}

function isProse(line: string): boolean {
  return (
    line.length >= PROSE_MIN_CHARS ||
    (line.length >= PROSE_SENTENCE_MIN_CHARS && PATTERNS.sentenceEnd.test(line))
  );
}

function toResult(
  lines: string[],
  kinds: LineKind[],
  splits: Map<number, string[]>,
  source: string | null,
): SegmentedText {
  const segments: Segment[] = [];
  let mainStart = -1;
  let mainEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const kind: SegmentKind = kinds[i] === "title" ? "main" : (kinds[i] as SegmentKind);
    if (kind === "main") {
      if (mainStart < 0) mainStart = i;
      mainEnd = i;
    }
    const lineText = (splits.get(i) ?? [lines[i]!]).join("\n");
    const last = segments[segments.length - 1];
    // A new other story starts at each headline that opens one.
    const newStory =
      kind === "other_story" &&
      isHeadline(lines[i]!) &&
      last?.kind === "other_story" &&
      !isHeadline(lines[i - 1] ?? "");
    if (last !== undefined && last.kind === kind && last.end === i - 1 && !newStory) {
      last.end = i;
      last.text += `\n${lineText}`;
    } else {
      segments.push({ kind, start: i, end: i, text: lineText });
    }
  }
  const mainLines = lines.filter((_, i) => kinds[i] === "main");
  return {
    segments,
    main: { start: mainStart, end: mainEnd, source, cited_sources: citedSources(mainLines, source) },
  };
}

/** Every distinct origin credited inside the main story, in order of first mention. */
function citedSources(lines: readonly string[], source: string | null): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const name = findCitedSource([line], null);
    if (name !== null && name !== source && !out.includes(name)) out.push(name);
  }
  return out;
}

/** A headline (TITLE_MIN_CHARS or more: a share button or menu label over the story's own dateline opens nothing)
 * over a dateline paragraph. */
function opensStory(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  return (
    isHeadline(line) &&
    line.length >= TITLE_MIN_CHARS &&
    next !== undefined &&
    PATTERNS.dateline.test(next) &&
    !isHeadline(next)
  );
}

/** A bulleted line that reads as a list's headline: short (two headlines run together allowed), no sentence end. */
function isBulletedHeadline(line: string): boolean {
  return (
    PATTERNS.bullet.test(line) && line.length <= HEADLINE_MAX_CHARS * 2 && !PATTERNS.sentenceEnd.test(line)
  );
}

function isHeadline(line: string): boolean {
  return line.length <= HEADLINE_MAX_CHARS && !PATTERNS.sentenceEnd.test(line);
}

function isMarker(folded: string): boolean {
  return (
    READ_ALSO_MARKERS.some((m) => folded.startsWith(m)) || LIST_MARKERS.some((m) => folded.startsWith(m))
  );
}

/** Content words reduced to a crude stem (clitic prefixes off, first STEM_CHARS letters) so "برنامجا" and
 * "والبرنامج" meet. Only used to compare paragraphs with each other, never shown. */
function contentWords(folded: string): string[] {
  return (folded.match(PATTERNS.word) ?? [])
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w))
    .map((w) => w.replace(PATTERNS.cliticPrefix, "").slice(0, STEM_CHARS))
    .filter((w) => w.length >= 3);
}

/**
 * Splits a line holding two headlines run together ("... يبحثان تعزيز التعاون الاقتصادي وزير الخارجية يستقبل
 * نظيره ...") before the subject of its second present-tense verb. Leaves the line alone when unsure.
 */
function splitRunTogether(line: string, index: number, splits: Map<number, string[]>): void {
  if (line.length <= HEADLINE_MAX_CHARS / 2) return;
  const words = line.split(PATTERNS.space);
  const verbs: number[] = [];
  words.forEach((w, i) => {
    const f = foldMatchText(w);
    if (PATTERNS.presentVerb.test(f) && !PATTERNS.negation.test(foldMatchText(words[i - 1] ?? "")))
      verbs.push(i);
  });
  // The second headline's verb comes a few words after the first one (skip masdars like "تعزيز" next to it).
  const second = verbs.find((v) => v >= verbs[0]! + SPLIT_MIN_WORDS);
  if (second === undefined) return;
  // The second headline's subject is the two words before its verb ("وزير الخارجية يستقبل").
  const cut = second - 2;
  if (cut < SPLIT_MIN_WORDS || cut - verbs[0]! < 2) return;
  splits.set(index, [words.slice(0, cut).join(" "), words.slice(cut).join(" ")]);
}
