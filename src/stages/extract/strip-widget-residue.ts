/**
 * stripWidgetResidue: plain article text -> the same text without the page widgets that scraping glued to its start
 * and end (share bars, print and font-size buttons, pager arrows, read-more links, tag lines, permalink boxes).
 * Pure; extract stage, run once where plain text enters akhbar (record-to-draft.ts). Labels live in extract-rules.ts.
 */

import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { type FoldedWidgetLabel, WIDGET_LABELS, type WidgetRole } from "./extract-rules.ts";

/** Control labels in a row that make widget residue when glued to prose on one line: one alone is a word of the
 * text ("شارك فريق ...", "... على تويتر"); two are a share bar ("شارك من خلال تويتر فيسبوك"). */
export const CONTROL_RUN_MIN_LABELS = 2;
/** Most words a tag line holds after its heading (3alyoum's "سمات ..." lines hold 1 to 18, mostly 3 to 6). */
export const TAG_LINE_MAX_WORDS = 20;
/** Most words between a permalink label and its colon ("رابط الخبر بصحيفة الوئام:" has two). */
export const PERMALINK_LABEL_MAX_WORDS = 4;
/** Longest permalink target after the colon: a URL or the story's own headline (alweeam's reach 104). */
export const PERMALINK_TARGET_MAX_CHARS = 200;
/** Characters read at the start and at the end of a long text: more than any residue there holds (okaz's share bar
 * is 44; a permalink box with a long headline after a control run, or a full tag line, stays under 400), so the
 * middle of a text is never tokenized and the rule costs the same for any length. */
export const HEAD_SCAN_CHARS = 200;
export const TAIL_SCAN_CHARS = 400;
/** Words from the end searched for a tag line's heading or a permalink label. */
const TAIL_WINDOW_WORDS = PERMALINK_LABEL_MAX_WORDS + 40;

const PATTERNS = {
  token: /\S+/g,
  firstWord: /\S+/,
  space: /\s/,
  // Separators between buttons and the dots of "...المزيد": never words, never a label. A final dot ends a
  // sentence and stays ("... على تويتر.").
  separators: /^[|\u2022\u00B7\-\u2013\u2014\u2026.]+|[|\u2022\u00B7\u2013\u2014]+$/g,
  // A label's own colon ("وسوم:", "رابط الخبر:").
  trailingColon: /:$/,
  // Punctuation only prose carries: a word holding it is never a button.
  prosePunctuation: /[\u060C,\u061B;:!?\u061F"\u00AB\u00BB\u201C\u201D()]/,
  sentenceEnd: /[.!?\u061F\u06D4"\u201D\u00BB)]$/,
} as const;

/** The characters PATTERNS.separators takes off a token's ends (a quick test before the regex). */
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
  /** The token as written, separators and colon taken off. */
  word: string;
  /** Folded word (see keyOf), computed on first use: only tokens near the edges are ever read. */
  key?: string | null;
}

/**
 * Strips widget residue from both ends of a plain text; the rest keeps its spelling. A control label counts as
 * residue in a run of CONTROL_RUN_MIN_LABELS or alone on its line; a tag line only at the end, after a sentence, a
 * line break or a control; a permalink box (label, colon, one short line) only at the end. Never returns an empty
 * text for a non-empty one.
 * Examples: "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد الوزير أن ..." -> "أكد الوزير أن ...";
 * "... في الرياض. سمات الرياض العيد" -> "... في الرياض."; "وقال في تغريدة على تويتر" stays as it is.
 */
export function stripWidgetResidue(text: string): string {
  const first = PATTERNS.firstWord.exec(text)?.[0];
  if (first === undefined) return text;
  const atHead = mayOpenRun(first);
  const atTail = mayCloseText(text);
  if (!atHead && !atTail) return text;
  const whole = text.length <= HEAD_SCAN_CHARS + TAIL_SCAN_CHARS;
  const head = whole || atHead ? tokenize(text, 0, whole ? text.length : HEAD_SCAN_CHARS) : [];
  const tail = whole ? head : atTail ? tokenize(text, text.length - TAIL_SCAN_CHARS, text.length) : [];
  const firstKept = atHead ? headResidueEnd(head) : 0;
  let lastKept = tail.length;
  while (atTail) {
    const cut = tailResidueStart(tail, whole ? firstKept : 0, lastKept);
    if (cut === lastKept) break;
    lastKept = cut;
  }
  if (firstKept === 0 && lastKept === tail.length) return text;
  const start = firstKept === 0 ? 0 : head[firstKept]!.start;
  const end = lastKept === tail.length ? text.length : tail[lastKept - 1]!.end;
  return text.slice(start, end).trim();
}

/** The whole tokens of text[from, to) with their offsets in text; a word cut by either bound is left out. */
function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let previousEnd = from;
  // The first line break at or after previousEnd: a token starts a line when one lies before it.
  let lineBreak = text.indexOf("\n", from);
  for (const m of text.slice(from, to).matchAll(PATTERNS.token)) {
    const raw = m[0];
    const start = from + m.index;
    const end = start + raw.length;
    const cut =
      (start === from && from > 0 && !isSpace(text[from - 1]!)) ||
      (end === to && to < text.length && !isSpace(text[to]!));
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
  return out;
}

/** A token without the separators around it and its own colon. */
function bareWord(raw: string): { word: string; colon: boolean } {
  const bare =
    SEPARATOR_CHARS.includes(raw[0]!) || SEPARATOR_CHARS.includes(raw[raw.length - 1]!)
      ? raw.replace(PATTERNS.separators, "")
      : raw;
  const colon = PATTERNS.trailingColon.test(bare);
  return { word: colon ? bare.slice(0, -1) : bare, colon };
}

/** A bare word folded for label matching (normalizeArabic: foldMatchText's folding, whose white-space collapse a
 * single word does not need and which costs more than the folding on a text's tail); null when it holds prose
 * punctuation, "" for a bare separator or an invisible mark. */
function foldWord(word: string): string | null {
  return PATTERNS.prosePunctuation.test(word) ? null : normalizeArabic(word).trim();
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

/** Quick test before tokenizing the head: the first word could open a control run (or is a separator). */
function mayOpenRun(first: string): boolean {
  const key = foldWord(bareWord(first).word);
  return key === "" || (key !== null && CONTROL_FIRST_WORDS.has(key));
}

/** Quick test before tokenizing the tail: the last word could close a control run (or is a separator), or the
 * last TAIL_SCAN_CHARS hold the first word of a tag or permalink label. Most texts fail both quick tests and are
 * never tokenized. */
function mayCloseText(text: string): boolean {
  const key = foldWord(bareWord(lastWord(text)).word);
  if (key === "" || (key !== null && CONTROL_LAST_WORDS.has(key))) return true;
  // Raw, lowercased only: folding the whole tail costs more than the rest of the rule, and widget labels are
  // written plainly (no tashkeel or tatweel to fold away).
  const tail = text.slice(-TAIL_SCAN_CHARS).toLowerCase();
  return BOX_FIRST_WORDS.some((word) => tail.includes(word));
}

/** The text's last whitespace-separated word (the text holds one). */
function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !isSpace(text[start - 1]!)) start--;
  return text.slice(start, end);
}

function isSpace(c: string): boolean {
  return PATTERNS.space.test(c);
}

/** Index of the first token after the control run opening the text (0 when there is none to strip). */
function headResidueEnd(tokens: readonly Token[]): number {
  let i = 0;
  let runEnd = 0;
  let labels = 0;
  while (i < tokens.length) {
    if (keyOf(tokens[i]!) === "") {
      i++;
      continue;
    }
    const length = labelLengthAt(tokens, i, "control");
    if (length === 0) break;
    i += length;
    runEnd = i;
    labels++;
  }
  if (runEnd === 0 || runEnd >= tokens.length) return 0;
  const wholeLine = tokens[runEnd]!.lineStart;
  return labels >= CONTROL_RUN_MIN_LABELS || wholeLine ? runEnd : 0;
}

/**
 * Index of the first token of the residue ending the text at `last` (exclusive), `last` when there is none: a
 * control run, a tag line or a permalink box. Never cuts at or before `first`.
 */
function tailResidueStart(tokens: readonly Token[], first: number, last: number): number {
  let j = last;
  let runStart = last;
  let labels = 0;
  while (j > first) {
    if (keyOf(tokens[j - 1]!) === "") {
      j--;
      continue;
    }
    const length = labelLengthBefore(tokens, j, "control");
    if (length === 0) break;
    j -= length;
    runStart = j;
    labels++;
  }
  if (runStart < last && runStart > first) {
    if (labels >= CONTROL_RUN_MIN_LABELS || tokens[runStart]!.lineStart) return runStart;
  }
  for (let k = Math.max(first + 1, last - TAIL_WINDOW_WORDS); k < last; k++) {
    // A permalink box is its own proof (label, colon, one short line to the end); a tag line's heading is a word of
    // prose too ("سمات الشخصية"), so it must open its line or follow a sentence or a control.
    if (isPermalinkBox(tokens, k, last) || (isTagLine(tokens, k, last) && followsProse(tokens, k))) return k;
  }
  return last;
}

/** A tag heading at k, then 1 to TAG_LINE_MAX_WORDS words without prose punctuation to the end. */
function isTagLine(tokens: readonly Token[], k: number, last: number): boolean {
  const length = labelLengthAt(tokens, k, "tags");
  if (length === 0) return false;
  const words = last - k - length;
  if (words < 1 || words > TAG_LINE_MAX_WORDS) return false;
  for (let i = k + length; i < last; i++) {
    const t = tokens[i]!;
    if (keyOf(t) === null || t.colon || t.sentenceEnd) return false;
  }
  return true;
}

/** A permalink label at k, its colon within PERMALINK_LABEL_MAX_WORDS words, then one short line to the end. */
function isPermalinkBox(tokens: readonly Token[], k: number, last: number): boolean {
  const length = labelLengthAt(tokens, k, "permalink");
  if (length === 0) return false;
  let colon = k + length - 1;
  while (!tokens[colon]!.colon && colon < Math.min(last - 1, k + length + PERMALINK_LABEL_MAX_WORDS - 1))
    colon++;
  if (!tokens[colon]!.colon || colon >= last - 1) return false;
  for (let i = colon + 1; i < last; i++) if (tokens[i]!.lineStart) return false;
  return tokens[last - 1]!.end - tokens[colon + 1]!.start <= PERMALINK_TARGET_MAX_CHARS;
}

/** Token k opens a line or follows a finished sentence, a bare separator or a control ("Next Previous سمات"). */
function followsProse(tokens: readonly Token[], k: number): boolean {
  const previous = tokens[k - 1];
  if (tokens[k]!.lineStart || previous === undefined) return true;
  return previous.sentenceEnd || keyOf(previous) === "" || labelLengthBefore(tokens, k, "control") > 0;
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
function labelLengthAt(tokens: readonly Token[], i: number, role: WidgetRole): number {
  const key = keyOf(tokens[i]!);
  if (key === null || key === "") return 0;
  for (const label of BY_FIRST_WORD.get(role)?.get(key) ?? []) {
    if (matchesAt(tokens, i, label)) return label.words.length;
  }
  return 0;
}

/** Words of the longest label with `role` ending just before token j, 0 when none does. */
function labelLengthBefore(tokens: readonly Token[], j: number, role: WidgetRole): number {
  const key = j > 0 ? keyOf(tokens[j - 1]!) : null;
  if (key === null || key === "") return 0;
  for (const label of BY_LAST_WORD.get(role)?.get(key) ?? []) {
    const i = j - label.words.length;
    if (i >= 0 && matchesAt(tokens, i, label)) return label.words.length;
  }
  return 0;
}

function matchesAt(tokens: readonly Token[], i: number, label: FoldedWidgetLabel): boolean {
  if (i + label.words.length > tokens.length) return false;
  for (let w = 0; w < label.words.length; w++) {
    const token = tokens[i + w]!;
    if (keyOf(token) !== label.words[w]) return false;
    // A colon may only close the label; a line break may not split it.
    if ((token.colon && w < label.words.length - 1) || (w > 0 && token.lineStart)) return false;
  }
  return true;
}
