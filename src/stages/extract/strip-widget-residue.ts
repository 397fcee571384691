/**
 * stripWidgetResidue: plain article text -> the same text without the page widgets that scraping glued to its start
 * and end (share bars, print and font-size buttons, pager arrows, read-more links, tag lines, permalink boxes).
 * Pure; extract stage, run once where plain text enters akhbar (record-to-draft.ts). Labels live in extract-rules.ts.
 * Reads only the edges: the residue and a few words past it at each end, whatever the text's length.
 */

import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { isWhiteSpace } from "./collect-blocks.ts";
import { type FoldedWidgetLabel, WIDGET_LABELS, type WidgetRole } from "./extract-rules.ts";
import { foldMatchText } from "./fold-match-text.ts";

/** Control labels in a row that make widget residue when glued to prose on one line: one alone is a word of the
 * text ("شارك فريق ...", "... على تويتر"); two are a share bar ("شارك من خلال تويتر فيسبوك"). */
export const CONTROL_RUN_MIN_LABELS = 2;
/** Most words a tag line holds after its heading (3alyoum's "سمات ..." lines hold 1 to 18, mostly 3 to 6). */
export const TAG_LINE_MAX_WORDS = 20;
/** Most words between a permalink label and its colon ("رابط الخبر بصحيفة الوئام:" has two). */
export const PERMALINK_LABEL_MAX_WORDS = 4;
/** Longest permalink target after the colon: a URL or the story's own headline (alweeam's reach 104). */
export const PERMALINK_TARGET_MAX_CHARS = 200;
/** Characters read first at the start and at the end of a long text: more than residue usually holds (okaz's share
 * bar is 44; a permalink box with a long headline after a control run, or a full tag line, stays under 400). When the
 * rule reads a window's inner edge, the residue may go on past it: that window grows (WINDOW_GROWTH) until the rule
 * stops inside it or both windows cover the text, so a window never changes the result, only what is read. */
export const HEAD_SCAN_CHARS = 200;
export const TAIL_SCAN_CHARS = 400;
const WINDOW_GROWTH = 4;
/** Words from the end searched for a tag line's heading or a permalink label. */
const TAIL_WINDOW_WORDS = PERMALINK_LABEL_MAX_WORDS + 40;
/** Longest word the quick tests read at a text's edge: the longest label word with separators glued to it
 * ("...المزيد", "|طباعة|") stays under it; a longer edge word is prose and the text is not tokenized. */
const EDGE_WORD_MAX_CHARS = 32;
/** Longest text isPermalinkOnly reads: a label of up to four words and PERMALINK_LABEL_MAX_WORDS more before its
 * colon, each at most EDGE_WORD_MAX_CHARS, then the target; a longer text holds more than a permalink box. */
const PERMALINK_BOX_MAX_CHARS =
  PERMALINK_TARGET_MAX_CHARS + (PERMALINK_LABEL_MAX_WORDS + 4) * (EDGE_WORD_MAX_CHARS + 1);
/** Characters at the end searched for a tag or permalink heading by the quick test: a tag line of TAG_LINE_MAX_WORDS
 * words of at most EDGE_WORD_MAX_CHARS (a longer word is prose) after a two-word heading, written with single
 * spaces; a permalink box (PERMALINK_TARGET_MAX_CHARS after its label) is shorter. */
const BOX_SCAN_CHARS = (TAG_LINE_MAX_WORDS + 2) * (EDGE_WORD_MAX_CHARS + 1);
/** Most pieces of residue (runs, tag lines, boxes) stripped from one end: the dev corpus has at most one at the start
 * and two at the end. An end holding more is no page's residue (a list of platform names, a hostile input) and is
 * kept as it is, which also bounds what the rule reads. */
const EDGE_RESIDUES_MAX = 4;
/** Most bare separators in a row inside a run ("شارك | طباعة" has one): a longer row is no button bar. */
const SEPARATORS_MAX_IN_ROW = 3;
/** Words of running prose that never stand in a tag line ("سمات الشخصية القيادية لدى الشباب" is a sentence): none of
 * the 1,503 tag lines stripped from 3alyoum's dev texts holds one. "في", "من", "على", "عن" and "of" do stand in
 * tags ("تحرش بفتاتين في جدة", 17 of those lines) and are not listed. */
const TAG_LINE_FORBIDDEN_WORDS = [
  "إلى",
  "لدى",
  "هي",
  "هو",
  "أن",
  "إن",
  "التي",
  "الذي",
  "قد",
  "كان",
  "the",
  "to",
  "are",
];

const PATTERNS = {
  token: /\S+/g,
  // Separators between buttons and the dots of "...المزيد": never words, never a label. A final dot ends a
  // sentence and stays ("... على تويتر.").
  leadingSeparators: /^[|\u2022\u00B7\-\u2013\u2014\u2026.]+/,
  trailingSeparators: /[|\u2022\u00B7\u2013\u2014]+$/,
  // A label's own colon ("وسوم:", "رابط الخبر:").
  trailingColon: /:$/,
  // Punctuation only prose carries: a word holding it is never a button.
  prosePunctuation: /[\u060C,\u061B;:!?\u061F"\u00AB\u00BB\u201C\u201D()]/,
  sentenceEnd: /[.!?\u061F\u06D4"\u201D\u00BB)]$/,
  // A permalink box's target when it is a link rather than the headline.
  url: /^(?:https?:\/\/|www\.)\S+$/i,
} as const;

/** The characters PATTERNS' separators take off a token's ends (a quick test before the regexes). */
const SEPARATOR_CHARS = "|\u2022\u00B7-\u2013\u2014\u2026.";

interface Token {
  start: number;
  end: number;
  /** A line break separates this token from the one before it. */
  lineStart: boolean;
  /** Ends with sentence punctuation. */
  sentenceEnd: boolean;
  /** Ends with a colon (after separators are taken off). */
  colon: boolean;
  /** Separators glued to the token's start ("|طباعة") or end ("شارك|"). */
  leadSeparator: boolean;
  trailSeparator: boolean;
  /** The token as written, separators and colon taken off. */
  word: string;
  /** Folded word (see keyOf), computed on first use: only tokens near the edges are ever read. */
  key?: string | null;
}

/** The whole tokens of one window of a text, and the lowest and highest token index the rule read: a window whose
 * first (tail) or last (head) token was read may cut residue short. */
class TokenWindow {
  low = Number.POSITIVE_INFINITY;
  high = -1;
  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {}
  get length(): number {
    return this.tokens.length;
  }
  at(i: number): Token {
    if (i < this.low) this.low = i;
    if (i > this.high) this.high = i;
    return this.tokens[i]!;
  }
}

/**
 * Strips widget residue from both ends of a plain text; the rest keeps its spelling. A control label counts as
 * residue in a run of CONTROL_RUN_MIN_LABELS on the line the prose starts or ends, or on lines of its own; a run
 * never repeats a button and keeps its separators the same between buttons. A tag line counts only at the end,
 * after a sentence, a line break or a control, and without words of running prose; a permalink box (label, colon,
 * one short line) only at the end and only when it holds a link or the article's own `title`. Never returns an
 * empty text for a non-empty one; idempotent.
 * Examples: "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد الوزير أن ..." -> "أكد الوزير أن ...";
 * "... في الرياض. سمات الرياض العيد" -> "... في الرياض."; "وقال في تغريدة على تويتر" stays as it is.
 */
export function stripWidgetResidue(text: string, title = ""): string {
  const first = edgeWord(text, true);
  if (first === undefined) return text;
  const atHead = first !== null && mayOpenRun(first);
  const atTail = mayCloseText(text);
  if (!atHead && !atTail) return text;
  let headChars = HEAD_SCAN_CHARS;
  let tailChars = TAIL_SCAN_CHARS;
  for (;;) {
    const pass = stripInWindows(text, title, headChars, tailChars, atHead, atTail);
    if (pass.text !== undefined) return pass.text;
    if (pass.headShort) headChars *= WINDOW_GROWTH;
    if (pass.tailShort) tailChars *= WINDOW_GROWTH;
  }
}

/**
 * Whether a plain text is nothing but a permalink box: a permalink label, its colon within PERMALINK_LABEL_MAX_WORDS
 * words, and one short line that is a link or folds equal to the article's own `title`. Such a text names the
 * article and says nothing of it: 15 alweeam dev texts are only "رابط الخبر بصحيفة الوئام: <title>". stripWidgetResidue
 * keeps it (it never empties a text); ingest stores the article without a body (record-to-draft.ts plainDisplayText).
 * Examples: ("رابط الخبر بصحيفة الوئام: رمضان في ليبيا", "رمضان في ليبيا") -> true;
 * ("رابط الخبر: http://example.com/?p=1") -> true; ("رابط الخبر بصحيفة الوئام: عنوان آخر", "رمضان في ليبيا") -> false.
 */
export function isPermalinkOnly(text: string, title = ""): boolean {
  if (text.length > PERMALINK_BOX_MAX_CHARS) return false;
  const w = tokenize(text, 0, text.length);
  return w.length > 0 && isPermalinkBox(w, 0, w.length, title);
}

/** One pass over the head and tail windows (the whole text once they meet); `text` undefined when a window was read
 * to its inner edge and must grow. */
function stripInWindows(
  text: string,
  title: string,
  headChars: number,
  tailChars: number,
  atHead: boolean,
  atTail: boolean,
): { text?: string; headShort: boolean; tailShort: boolean } {
  const whole = headChars + tailChars >= text.length;
  const none = new TokenWindow(text, []);
  const head = whole || atHead ? tokenize(text, 0, whole ? text.length : headChars) : none;
  const tail = whole ? head : atTail ? tokenize(text, text.length - tailChars, text.length) : none;
  let firstKept = 0;
  for (let runs = 0; atHead; runs++) {
    const kept = headResidueEnd(head, firstKept);
    if (kept === firstKept) break;
    firstKept = runs < EDGE_RESIDUES_MAX ? kept : 0;
    if (firstKept === 0) break;
  }
  let lastKept = tail.length;
  for (let runs = 0; atTail; runs++) {
    const cut = tailResidueStart(tail, whole ? firstKept : 0, lastKept, title);
    if (cut === lastKept) break;
    lastKept = runs < EDGE_RESIDUES_MAX ? cut : tail.length;
    if (lastKept === tail.length) break;
  }
  const headShort = !whole && atHead && head.high >= head.length - 1;
  // The tail's last search for a tag line or a box starts TAIL_WINDOW_WORDS before what it keeps, or at the window's
  // first token when fewer stand there: then a heading may stand before the window.
  const tailShort = !whole && atTail && (tail.low <= 0 || lastKept - TAIL_WINDOW_WORDS <= 0);
  if (headShort || tailShort) return { headShort, tailShort };
  if (firstKept === 0 && lastKept === tail.length) return { text, headShort, tailShort };
  const start = firstKept === 0 ? 0 : head.tokens[firstKept]!.start;
  const end = lastKept === tail.length ? text.length : tail.tokens[lastKept - 1]!.end;
  return { text: text.slice(start, end).trim(), headShort, tailShort };
}

/** The whole tokens of text[from, to) with their offsets in text; a word cut by either bound is left out. */
function tokenize(text: string, from: number, to: number): TokenWindow {
  const out: Token[] = [];
  let previousEnd = from;
  // The first line break at or after previousEnd: a token starts a line when one lies before it.
  let lineBreak = text.indexOf("\n", from);
  for (const m of text.slice(from, to).matchAll(PATTERNS.token)) {
    const raw = m[0];
    const start = from + m.index;
    const end = start + raw.length;
    const cut =
      (start === from && from > 0 && !isWhiteSpace(text.charCodeAt(from - 1))) ||
      (end === to && to < text.length && !isWhiteSpace(text.charCodeAt(to)));
    if (!cut) {
      out.push({
        start,
        end,
        lineStart: start === 0 || (lineBreak !== -1 && lineBreak < start),
        sentenceEnd: PATTERNS.sentenceEnd.test(raw),
        ...bareWord(raw),
      });
    }
    previousEnd = end;
    while (lineBreak !== -1 && lineBreak < previousEnd) lineBreak = text.indexOf("\n", lineBreak + 1);
  }
  return new TokenWindow(text, out);
}

/** A token without the separators around it and its own colon. */
function bareWord(raw: string): Pick<Token, "word" | "colon" | "leadSeparator" | "trailSeparator"> {
  let bare = raw;
  let leadSeparator = false;
  let trailSeparator = false;
  if (SEPARATOR_CHARS.includes(raw[0]!)) {
    bare = bare.replace(PATTERNS.leadingSeparators, "");
    leadSeparator = bare.length < raw.length;
  }
  if (bare !== "" && SEPARATOR_CHARS.includes(bare[bare.length - 1]!)) {
    const before = bare.length;
    bare = bare.replace(PATTERNS.trailingSeparators, "");
    trailSeparator = bare.length < before;
  }
  const colon = PATTERNS.trailingColon.test(bare);
  return { word: colon ? bare.slice(0, -1) : bare, colon, leadSeparator, trailSeparator };
}

/** A bare word folded for label matching (normalizeArabic: foldMatchText's folding, whose white-space collapse a
 * single word does not need and which costs more than the folding on a text's tail); null when it holds prose
 * punctuation or is longer than any label word, "" for a bare separator or an invisible mark. */
function foldWord(word: string): string | null {
  if (word.length > EDGE_WORD_MAX_CHARS || PATTERNS.prosePunctuation.test(word)) return null;
  return normalizeArabic(word).trim();
}

function keyOf(token: Token): string | null {
  if (token.key === undefined) token.key = foldWord(token.word);
  return token.key;
}

/** First and last words of control labels, first words of tag and permalink labels: the quick tests' data. */
const CONTROL_FIRST_WORDS = new Set(
  WIDGET_LABELS.filter((l) => l.role === "control").map((l) => l.words[0]!),
);
const CONTROL_LAST_WORDS = new Set(
  WIDGET_LABELS.filter((l) => l.role === "control").map((l) => l.words.at(-1)!),
);
const BOX_FIRST_WORDS = [
  ...new Set(WIDGET_LABELS.filter((l) => l.role !== "control").map((l) => l.words[0]!)),
];
const TAG_LINE_FORBIDDEN_KEYS = new Set(TAG_LINE_FORBIDDEN_WORDS.map((w) => foldWord(w)));

/** Quick test before tokenizing the head: the first word could open a control run (or is a separator). */
function mayOpenRun(first: string): boolean {
  const key = foldWord(bareWord(first).word);
  return key === "" || (key !== null && CONTROL_FIRST_WORDS.has(key));
}

/** Quick test before tokenizing the tail: the last word could close a control run (or is a separator), or the
 * last BOX_SCAN_CHARS hold the first word of a tag or permalink label. Most texts fail both quick tests and are
 * never tokenized. */
function mayCloseText(text: string): boolean {
  const last = edgeWord(text, false);
  const key = last ? foldWord(bareWord(last).word) : null;
  if (key === "" || (key !== null && CONTROL_LAST_WORDS.has(key))) return true;
  // Raw, lowercased only: folding the whole tail costs more than the rest of the rule, and widget labels are
  // written plainly (no tashkeel or tatweel to fold away).
  const tail = text.slice(-BOX_SCAN_CHARS).toLowerCase();
  return BOX_FIRST_WORDS.some((word) => tail.includes(word));
}

/** The text's first (or last) whitespace-separated word; undefined for a blank text, null when the word is longer
 * than EDGE_WORD_MAX_CHARS (read no further: a text of one long word costs no more than a short one). */
function edgeWord(text: string, atStart: boolean): string | null | undefined {
  const step = atStart ? 1 : -1;
  let i = atStart ? 0 : text.length - 1;
  while (i >= 0 && i < text.length && isWhiteSpace(text.charCodeAt(i))) i += step;
  if (i < 0 || i >= text.length) return undefined;
  const from = i;
  while (i >= 0 && i < text.length && !isWhiteSpace(text.charCodeAt(i))) {
    i += step;
    if (Math.abs(i - from) > EDGE_WORD_MAX_CHARS) return null;
  }
  return atStart ? text.slice(from, i) : text.slice(i + 1, from + 1);
}

/** A token of separators only; a bare dot ends the sentence before it (" .") and stays with it. */
function isBareSeparator(token: Token): boolean {
  return !token.sentenceEnd && keyOf(token) === "";
}

/** Index after the bare separators from i on; -1 when more than SEPARATORS_MAX_IN_ROW stand in a row. */
function separatorsAfter(w: TokenWindow, i: number): number {
  let j = i;
  // A bare dot after a button or opening the text ends no sentence: it is a separator here.
  while (j < w.length && keyOf(w.at(j)) === "") {
    if (j - i === SEPARATORS_MAX_IN_ROW) return -1;
    j++;
  }
  return j;
}

/** Index of the first of the bare separators ending just before j, never at or before `first`; -1 when more than
 * SEPARATORS_MAX_IN_ROW stand in a row. */
function separatorsBefore(w: TokenWindow, j: number, first: number): number {
  let i = j;
  while (i - 1 > first && isBareSeparator(w.at(i - 1))) {
    if (j - i === SEPARATORS_MAX_IN_ROW) return -1;
    i--;
  }
  return i;
}

/** The first (or last) token of [from, to] that starts a line, -1 when none does. */
function lineStartIn(w: TokenWindow, from: number, to: number, last: boolean): number {
  let found = -1;
  for (let i = from; i <= to; i++) {
    if (!w.at(i).lineStart) continue;
    found = i;
    if (!last) break;
  }
  return found;
}

/** Buttons on both sides of a gap stand between separators ("شارك | طباعة", "|شارك طباعة|"). */
function separatedGap(w: TokenWindow, endBefore: number, startAfter: number): boolean {
  return startAfter > endBefore || w.at(endBefore - 1).trailSeparator || w.at(startAfter).leadSeparator;
}

/**
 * Index of the first token after the control run opening the text at `from` (`from` when there is none to strip).
 * The run stops at a button it already took and where its separators change (a share bar is written the same way
 * throughout), so a bar said twice is two runs and a platform name or a verb after the bar is prose ("... اكتب رأيك
 * شارك المئات من ..."). A run that crosses a line break and then runs into prose on its last line keeps only its
 * whole lines unless that line holds a run of its own.
 */
function headResidueEnd(w: TokenWindow, from: number): number {
  let i = separatorsAfter(w, from);
  const taken = new Set<string>();
  let runEnd = from;
  let labels = 0;
  let labelsOnLine = 0;
  let wholeLinesEnd = from;
  let separated: boolean | undefined;
  while (i >= 0 && i < w.length) {
    const length = labelLengthAt(w, i, "control");
    if (length === 0) break;
    const key = keyOf(w.at(i))!;
    if (taken.has(key)) break;
    if (labels > 0) {
      const gap = separatedGap(w, runEnd, i);
      if (separated !== undefined && gap !== separated) break;
      separated = gap;
      const lineBreak = lineStartIn(w, runEnd, i, true);
      if (lineBreak !== -1) {
        wholeLinesEnd = lineBreak;
        labelsOnLine = 0;
      }
    }
    taken.add(key);
    i += length;
    runEnd = i;
    labels++;
    labelsOnLine++;
    i = separatorsAfter(w, i);
  }
  if (labels === 0) return from;
  const end = separatorsAfter(w, runEnd);
  const kept = end === -1 ? runEnd : end;
  // Only buttons (kept whole rather than emptied), or the window's edge (the window grows).
  if (kept >= w.length) return from;
  if (w.at(kept).lineStart) return kept;
  return labelsOnLine >= CONTROL_RUN_MIN_LABELS ? kept : wholeLinesEnd;
}

/**
 * Index of the first token of the residue ending the text at `last` (exclusive), `last` when there is none: a
 * control run, a tag line or a permalink box. Never cuts at or before `first`.
 */
function tailResidueStart(w: TokenWindow, first: number, last: number, title: string): number {
  const run = tailRunStart(w, first, last);
  if (run < last) return run;
  for (let k = Math.max(first + 1, last - TAIL_WINDOW_WORDS); k < last; k++) {
    // A permalink box is its own proof (label, colon, one short line to the end holding a link or the headline); a
    // tag line's heading is a word of prose too ("سمات الشخصية"), so it must open its line or follow a sentence or
    // a control.
    if (isPermalinkBox(w, k, last, title) || (isTagLine(w, k, last) && followsProse(w, k))) {
      const before = separatorsBefore(w, k, first);
      return before === -1 ? k : before;
    }
  }
  return last;
}

/** Index of the first token of the control run ending the text at `last`, `last` when there is none; the mirror of
 * headResidueEnd ("... عبر تويتر\nشارك | طباعة" keeps its platform name). */
function tailRunStart(w: TokenWindow, first: number, last: number): number {
  let j = separatorsBefore(w, last, first);
  const taken = new Set<string>();
  let runStart = last;
  let labels = 0;
  let labelsOnLine = 0;
  let wholeLinesStart = last;
  let separated: boolean | undefined;
  while (j > first) {
    const length = labelLengthBefore(w, j, "control");
    if (length === 0) break;
    const start = j - length;
    if (start <= first) break;
    const key = keyOf(w.at(start))!;
    if (taken.has(key)) break;
    if (labels > 0) {
      const gap = separatedGap(w, j, runStart);
      if (separated !== undefined && gap !== separated) break;
      separated = gap;
      const lineBreak = lineStartIn(w, j, runStart, false);
      if (lineBreak !== -1) {
        wholeLinesStart = lineBreak;
        labelsOnLine = 0;
      }
    }
    taken.add(key);
    runStart = start;
    labels++;
    labelsOnLine++;
    j = separatorsBefore(w, start, first);
    if (j === -1) break;
  }
  if (labels === 0) return last;
  const before = separatorsBefore(w, runStart, first);
  const cut = before === -1 ? runStart : before;
  if (w.at(cut).lineStart) return cut;
  return labelsOnLine >= CONTROL_RUN_MIN_LABELS ? cut : wholeLinesStart;
}

/** A tag heading at k, then 1 to TAG_LINE_MAX_WORDS words to the end without prose punctuation or words. */
function isTagLine(w: TokenWindow, k: number, last: number): boolean {
  const length = labelLengthAt(w, k, "tags");
  if (length === 0) return false;
  const words = last - k - length;
  if (words < 1 || words > TAG_LINE_MAX_WORDS) return false;
  for (let i = k + length; i < last; i++) {
    const t = w.at(i);
    const key = keyOf(t);
    if (key === null || t.colon || t.sentenceEnd || TAG_LINE_FORBIDDEN_KEYS.has(key)) return false;
  }
  return true;
}

/** A permalink label at k, its colon within PERMALINK_LABEL_MAX_WORDS words, then one short line to the end that is
 * a link or folds equal to the article's title. */
function isPermalinkBox(w: TokenWindow, k: number, last: number, title: string): boolean {
  const length = labelLengthAt(w, k, "permalink");
  if (length === 0) return false;
  let colon = k + length - 1;
  while (!w.at(colon).colon && colon < Math.min(last - 1, k + length + PERMALINK_LABEL_MAX_WORDS - 1))
    colon++;
  if (!w.at(colon).colon || colon >= last - 1) return false;
  for (let i = colon + 1; i < last; i++) if (w.at(i).lineStart) return false;
  const target = w.text.slice(w.at(colon + 1).start, w.at(last - 1).end);
  if (target.length > PERMALINK_TARGET_MAX_CHARS) return false;
  return PATTERNS.url.test(target) || (title !== "" && foldMatchText(target) === foldMatchText(title));
}

/** Token k opens a line or follows a finished sentence, a bare separator or a control ("Next Previous سمات"). */
function followsProse(w: TokenWindow, k: number): boolean {
  if (k === 0 || w.at(k).lineStart) return true;
  const previous = w.at(k - 1);
  return previous.sentenceEnd || keyOf(previous) === "" || labelLengthBefore(w, k, "control") > 0;
}

/** Labels by role and first word, and by role and last word, longest first (WIDGET_LABELS' order). */
const BY_FIRST_WORD = indexLabels((words) => words[0]!);
const BY_LAST_WORD = indexLabels((words) => words[words.length - 1]!);

function indexLabels(
  wordOf: (words: readonly string[]) => string,
): Map<WidgetRole, Map<string, FoldedWidgetLabel[]>> {
  const index = new Map<WidgetRole, Map<string, FoldedWidgetLabel[]>>();
  for (const label of WIDGET_LABELS) {
    const byWord = index.get(label.role) ?? new Map<string, FoldedWidgetLabel[]>();
    index.set(label.role, byWord);
    byWord.set(wordOf(label.words), [...(byWord.get(wordOf(label.words)) ?? []), label]);
  }
  return index;
}

/** Words of the longest label with `role` starting at token i, 0 when none does. */
function labelLengthAt(w: TokenWindow, i: number, role: WidgetRole): number {
  const key = keyOf(w.at(i));
  if (key === null || key === "") return 0;
  for (const label of BY_FIRST_WORD.get(role)?.get(key) ?? []) {
    if (matchesAt(w, i, label)) return label.words.length;
  }
  return 0;
}

/** Words of the longest label with `role` ending just before token j, 0 when none does. */
function labelLengthBefore(w: TokenWindow, j: number, role: WidgetRole): number {
  const key = j > 0 ? keyOf(w.at(j - 1)) : null;
  if (key === null || key === "") return 0;
  for (const label of BY_LAST_WORD.get(role)?.get(key) ?? []) {
    const i = j - label.words.length;
    if (i >= 0 && matchesAt(w, i, label)) return label.words.length;
  }
  return 0;
}

function matchesAt(w: TokenWindow, i: number, label: FoldedWidgetLabel): boolean {
  if (i + label.words.length > w.length) return false;
  for (let n = 0; n < label.words.length; n++) {
    const token = w.at(i + n);
    if (keyOf(token) !== label.words[n]) return false;
    // A colon may only close the label; a line break may not split it.
    if ((token.colon && n < label.words.length - 1) || (n > 0 && token.lineStart)) return false;
  }
  return true;
}
