/**
 * Word tokenizer for display text and for already-normalized text (notes §5: runs of letters and digits).
 * Pure. Display tokens carry offsets into the original string so snippets can highlight without re-spelling it.
 */
import {
  INVISIBLE_RULES,
  NORMAL_FORM_UNIT,
  normalizeArabic,
  TASHKEEL_RULES,
  TATWEEL_RULES,
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
 * Splits display text into words with offsets into `display`. A word keeps the harakat, tatweel and
 * zero-width characters written inside it; leading and trailing invisibles are not part of it.
 * `tokenize(s).map(t => t.norm)` equals `tokenizeNormalized(normalizeArabic(s))` for ordinary text.
 * Example: "قال مُحَمَّد" -> [{start 0, end 3, norm "قال"}, {start 4, end 12, norm "محمد"}].
 */
export function tokenize(display: string): Token[] {
  const tokens: Token[] = [];
  const n = display.length;
  let i = 0;
  while (i < n) {
    // A word starts at a letter or digit.
    let c = CLASS[display.charCodeAt(i)]!;
    if (c === HIGH_SURROGATE) c = astralClass(display, i);
    if (c !== LETTER) {
      i++;
      continue;
    }
    const start = i;
    let end = i;
    // True while every unit so far is a letter or digit that normalization leaves as it is.
    let plain = true;
    while (i < n) {
      const code = display.charCodeAt(i);
      let k = CLASS[code]!;
      let width = 1;
      if (k === HIGH_SURROGATE) {
        k = astralClass(display, i);
        width = k === SEP ? 1 : 2;
      }
      if (k === SEP) break;
      if (k !== LETTER || NORMAL_FORM_UNIT[code] === 0) plain = false;
      i += width;
      if (k !== INVISIBLE) end = i;
    }
    if (plain) {
      tokens.push({ start, end, norm: display.slice(start, end) });
      continue;
    }
    const norm = normalizeArabic(display.slice(start, end));
    if (isAllLetters(norm)) {
      if (norm.length > 0) tokens.push({ start, end, norm });
    } else {
      // Slow path: compatibility forms or kept marks inside the run; split the way tokenizeNormalized would.
      for (const piece of norm.match(WORD_RUN) ?? []) tokens.push({ start, end, norm: piece });
    }
  }
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
