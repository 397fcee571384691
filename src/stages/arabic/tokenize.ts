/**
 * Word tokenizer for display text and for already-normalized text (notes §5: runs of letters and digits).
 * Pure. Display tokens carry offsets into the original string so snippets can highlight without re-spelling it.
 */
import {
  INVISIBLE_RULES,
  normalizeArabic,
  TASHKEEL_RULES,
  TATWEEL_RULES,
  UNIT_CONTEXTUAL,
  UNIT_DELETED,
  UNIT_FOLD,
} from "./normalize-arabic.ts";

/** One word of a display string: `display.slice(start, end)` is the word as written, `norm` its match form. */
export interface Token {
  start: number;
  end: number;
  norm: string;
}

/** Separator: ends a word. */
const SEP = 0;
/** Letter or digit (\p{L} or \p{N}) that survives normalization. */
const LETTER = 1;
/** Visible character that normalization deletes (harakat, tatweel, Quranic marks): part of the word. */
const SILENT = 2;
/** Invisible character that normalization deletes: joins a word but is trimmed from its edges. */
const INVISIBLE = 3;
/** Combining mark that normalization keeps (Latin accents, other scripts): needs the slow path. */
const OTHER_MARK = 4;
/** First half of a surrogate pair: classified by its code point. */
const HIGH_SURROGATE = 5;

const CLASS = buildClassTable();

function buildClassTable(): Uint8Array {
  const cls = new Uint8Array(0x10000);
  const letter = /[\p{L}\p{N}]/u;
  const mark = /\p{M}/u;
  for (let cp = 0; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdbff) cls[cp] = HIGH_SURROGATE;
    else if (cp >= 0xdc00 && cp <= 0xdfff) cls[cp] = SEP;
    else {
      const ch = String.fromCharCode(cp);
      if (letter.test(ch)) cls[cp] = LETTER;
      else if (mark.test(ch)) cls[cp] = OTHER_MARK;
    }
  }
  // Presentation forms that compatibility-decompose to letters (U+FDFC RIAL SIGN -> "ريال") are words too.
  for (let cp = 0xfb50; cp <= 0xfefe; cp++) {
    if (cls[cp] === SEP && /[\p{L}\p{N}]/u.test(String.fromCharCode(cp).normalize("NFKC"))) cls[cp] = LETTER;
  }
  for (const [cp] of TASHKEEL_RULES) cls[cp] = SILENT;
  for (const [cp] of TATWEEL_RULES) cls[cp] = SILENT;
  for (const [cp] of INVISIBLE_RULES) cls[cp] = INVISIBLE;
  return cls;
}

/** WordSpans kind: the display slice is its own normal form (most words of news text). */
export const SPAN_PLAIN = 0;
/**
 * WordSpans kind: the normal form is the display slice folded unit by unit with UNIT_FOLD (unitFoldAt for its
 * UNIT_CONTEXTUAL units), deleted units dropped.
 */
export const SPAN_FOLDED = 1;
/** WordSpans kind: the normal form needed Unicode normalization, or is one piece of a split run; see `norms`. */
export const SPAN_NORMALIZED = 2;

/** SCAN: the low bits hold the unit's class, the bits from KIND_SHIFT the span kind the unit asks for. */
const CLASS_BITS = 7;
const KIND_SHIFT = 3;

/**
 * Per code unit, its class and the least span kind a word holding it can have, so the word scanner reads one
 * table per unit. A unit-by-unit fold is a word's normal form only while every letter folds to a letter (or, a
 * UNIT_CONTEXTUAL letter, to a letter or nothing before the letter that decides it) and every other unit is
 * deleted (surrogates, composing marks and presentation forms need normalizeArabic).
 */
const SCAN = buildScanTable();

function buildScanTable(): Uint8Array {
  const scan = new Uint8Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) {
    const k = CLASS[cp]!;
    const folded = UNIT_FOLD[cp]!;
    let kind = SPAN_PLAIN;
    if (folded !== cp || k !== LETTER) {
      const foldsCleanly =
        k === LETTER
          ? folded === UNIT_CONTEXTUAL || (folded >= 0 && CLASS[folded] === LETTER)
          : folded === UNIT_DELETED;
      kind = foldsCleanly ? SPAN_FOLDED : SPAN_NORMALIZED;
    }
    scan[cp] = k | (kind << KIND_SHIFT);
  }
  return scan;
}

const ASTRAL_LETTER = /^[\p{L}\p{N}]$/u;
const ASTRAL_MARK = /^\p{M}$/u;
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** Class of the astral code point starting at `i` (a high surrogate). */
function astralClass(s: string, i: number): number {
  const cp = s.codePointAt(i)!;
  if (cp < 0x10000) return SEP; // unpaired high surrogate
  const ch = String.fromCodePoint(cp);
  if (ASTRAL_LETTER.test(ch)) return LETTER;
  return ASTRAL_MARK.test(ch) ? OTHER_MARK : SEP;
}

/** True when every code unit of a normalized string is a letter or digit (or a letter's surrogate pair). */
function isAllLetters(norm: string): boolean {
  for (let i = 0; i < norm.length; i++) {
    const c = CLASS[norm.charCodeAt(i)]!;
    if (c === LETTER) continue;
    if (c === HIGH_SURROGATE && astralClass(norm, i) === LETTER) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

/**
 * The words of a display string as parallel arrays, with normal forms left unbuilt where they are a unit-by-unit
 * fold of the display slice, so a caller that needs only some words' normal forms (snippets) allocates no string
 * for the others. Word i is display.slice(starts[i], ends[i]); a run split into pieces gives one span per piece,
 * all with the run's offsets.
 */
export class WordSpans {
  count = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** SPAN_PLAIN, SPAN_FOLDED or SPAN_NORMALIZED. */
  kinds = new Uint8Array(256);
  /** The normal form of each SPAN_NORMALIZED span, by span index. */
  norms = new Map<number, string>();

  /** Empties the list and keeps its buffers, so a caller that scans text after text allocates once. */
  clear(): void {
    this.count = 0;
    if (this.norms.size > 0) this.norms.clear();
  }

  push(start: number, end: number, kind: number, norm: string | undefined): void {
    const i = this.count;
    if (i === this.kinds.length) this.#grow();
    this.starts[i] = start;
    this.ends[i] = end;
    this.kinds[i] = kind;
    if (norm !== undefined) this.norms.set(i, norm);
    this.count = i + 1;
  }

  #grow(): void {
    const starts = new Int32Array(this.kinds.length * 2);
    const ends = new Int32Array(starts.length);
    const kinds = new Uint8Array(starts.length);
    starts.set(this.starts);
    ends.set(this.ends);
    kinds.set(this.kinds);
    this.starts = starts;
    this.ends = ends;
    this.kinds = kinds;
  }
}

/**
 * Finds the words of display text that start in [from, until): the spans tokenize() returns, without building
 * their normal forms, written into `into` (emptied first). `from` must be a word boundary (wordBoundaryAtOrBefore). A word keeps the harakat, tatweel and zero-width characters written inside it;
 * leading and trailing invisibles are not part of it.
 * Example: "قال مُحَمَّد" -> starts [0, 4], ends [3, 12], kinds [SPAN_PLAIN, SPAN_FOLDED].
 */
export function scanWordSpans(
  display: string,
  into: WordSpans = new WordSpans(),
  from = 0,
  until = display.length,
): WordSpans {
  into.clear();
  scanWords(display, (start, end, kind, norm) => into.push(start, end, kind, norm), from, until);
  return into;
}

/**
 * The last word boundary at or before `at`: 0, or a position just after a separator. Scanning from a word
 * boundary finds the same words as scanning the whole text (a low surrogate is no boundary: its pair may be a
 * letter). Example: ("قال محمد", 6) -> 4.
 */
export function wordBoundaryAtOrBefore(display: string, at: number): number {
  let i = Math.min(at, display.length);
  while (i > 0) {
    const code = display.charCodeAt(i - 1);
    if (CLASS[code] === SEP && (code < 0xdc00 || code > 0xdfff)) break;
    i--;
  }
  return i;
}

/**
 * Where the next word starts, at or after `from` (outside a word or at a word's end): the first letter or digit,
 * or display.length when no word follows. Example: ("«قال»", 0) -> 1.
 */
export function nextWordStart(display: string, from: number): number {
  const n = display.length;
  for (let i = from; i < n; i++) {
    const c = CLASS[display.charCodeAt(i)]!;
    if (c === LETTER || (c === HIGH_SURROGATE && astralClass(display, i) === LETTER)) return i;
  }
  return n;
}

/** Receives one word: its offsets in the display string, its kind and, for SPAN_NORMALIZED, its normal form. */
type WordVisitor = (start: number, end: number, kind: number, norm: string | undefined) => void;

/**
 * The one word scanner behind scanWordSpans() and tokenize(): visits the words that start in [from, until), from a
 * word boundary (see wordBoundaryAtOrBefore).
 */
function scanWords(display: string, visit: WordVisitor, from = 0, until = display.length): void {
  const n = display.length;
  let i = from;
  while (i < n) {
    // A word starts at a letter or digit.
    let c = SCAN[display.charCodeAt(i)]! & CLASS_BITS;
    if (c === HIGH_SURROGATE) c = astralClass(display, i);
    if (c !== LETTER) {
      i++;
      continue;
    }
    if (i >= until) return;
    const start = i;
    let end = i;
    // SPAN_PLAIN | SPAN_FOLDED | SPAN_NORMALIZED of the word's units: at least SPAN_NORMALIZED when any needs it.
    let kind = SPAN_PLAIN;
    while (i < n) {
      const unit = SCAN[display.charCodeAt(i)]!;
      let k = unit & CLASS_BITS;
      let width = 1;
      if (k === HIGH_SURROGATE) {
        k = astralClass(display, i);
        width = k === SEP ? 1 : 2;
      }
      if (k === SEP) break;
      kind |= unit >> KIND_SHIFT;
      i += width;
      if (k !== INVISIBLE) end = i;
    }
    if (kind < SPAN_NORMALIZED) {
      visit(start, end, kind, undefined);
      continue;
    }
    const norm = normalizeArabic(display.slice(start, end));
    if (isAllLetters(norm)) {
      if (norm.length > 0) visit(start, end, SPAN_NORMALIZED, norm);
    } else {
      // Compatibility forms or kept marks inside the run; split the way tokenizeNormalized would.
      for (const piece of norm.match(WORD_RUN) ?? []) visit(start, end, SPAN_NORMALIZED, piece);
    }
  }
}

/** The normal form of span i: "مُحَمَّد" -> "محمد". */
export function spanNorm(display: string, spans: WordSpans, i: number): string {
  const kind = spans.kinds[i];
  if (kind === SPAN_NORMALIZED) return spans.norms.get(i)!;
  const word = display.slice(spans.starts[i], spans.ends[i]);
  // A folded span holds no unit Unicode normalization changes, so normalizeArabic is its unit-by-unit fold.
  return kind === SPAN_PLAIN ? word : normalizeArabic(word);
}

/** Whether text[from, to) holds only spaces (U+0020, U+00A0 NO-BREAK SPACE): no punctuation, no line break. */
export function isSpaceOnly(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * Splits display text into words with offsets into `display`: scanWordSpans() with each word's normal form; with
 * `from` (a word boundary, wordBoundaryAtOrBefore) and `until`, only the words that start in [from, until).
 * `tokenize(s).map(t => t.norm)` equals `tokenizeNormalized(normalizeArabic(s))` for ordinary text.
 * Example: "قال مُحَمَّد" -> [{start 0, end 3, norm "قال"}, {start 4, end 12, norm "محمد"}].
 */
export function tokenize(display: string, from = 0, until = display.length): Token[] {
  const tokens: Token[] = [];
  scanWords(
    display,
    (start, end, kind, norm) => {
      if (norm === undefined) {
        const word = display.slice(start, end);
        norm = kind === SPAN_PLAIN ? word : normalizeArabic(word);
      }
      tokens.push({ start, end, norm });
    },
    from,
    until,
  );
  return tokens;
}

/**
 * Splits already-normalized text into words: maximal runs of letters and digits.
 * Example: "قال محمد، 2015" -> ["قال", "محمد", "2015"].
 */
export function tokenizeNormalized(norm: string): string[] {
  const words: string[] = [];
  const n = norm.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    let c = CLASS[norm.charCodeAt(i)]!;
    if (c === HIGH_SURROGATE) {
      c = astralClass(norm, i);
      if (c === LETTER) {
        if (start < 0) start = i;
        i++;
        continue;
      }
    }
    if (c === LETTER) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(norm.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(norm.slice(start));
  return words;
}
