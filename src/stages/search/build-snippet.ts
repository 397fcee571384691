/**
 * Snippets and title highlighting: the part of the display text with the most distinct query matches, marked.
 * Pure. Works on the original display string through token offsets, so spelling (tashkeel included) is untouched.
 */
import type { QueryTerm, SearchQuery } from "../../domain/search.ts";
import { analyzeWord } from "../arabic/analyze-text.ts";
import { UNIT_DELETED, UNIT_FOLD } from "../arabic/normalize-arabic.ts";
import { SPAN_NORMALIZED, scanWordSpans, spanNorm, WordSpans } from "../arabic/tokenize.ts";
import { variantsOf } from "../arabic/variants.ts";

/** Default snippet length in UTF-16 units: about two lines of a result list (~35 Arabic words). */
const SNIPPET_MAX_CHARS = 200;
/** Share of the spare room put before the first match, so it is not the snippet's first word. */
const SNIPPET_LEAD_SHARE = 1 / 3;

/**
 * Match markers: U+E000 and U+E001, PRIVATE USE AREA code points, which no publisher's text uses, so a
 * "[[" in an article can never be mistaken for a highlight. Surfaces turn them into <mark> or terminal colour.
 */
export const MARK_OPEN = "\ue000";
export const MARK_CLOSE = "\ue001";
const ELLIPSIS = "\u2026"; // HORIZONTAL ELLIPSIS
const LINE_BREAKS = /\s*[\n\r\u2028\u2029]+\s*/g;

/** Word spans of the text being marked, reused from call to call (a call never keeps them): saves the buffers. */
const SCRATCH_SPANS = new WordSpans();

export interface SnippetOptions {
  maxChars?: number;
}

/**
 * Size of the table of needle letter pairs: 64 x 64, indexed by the low six bits of both units, which tell
 * apart all the letters of the Arabic block (U+0621..U+064A span 42 units), so Arabic pairs never collide.
 */
const PAIR_TABLE_SIZE = 4096;

/** Slot of the letter pair (a, b) in a pair table. */
function pairSlot(a: number, b: number): number {
  return ((a & 63) << 6) | (b & 63);
}

/**
 * Per word, the index of the query term it matches, or -1.
 * Stemming every word of a long article is most of a snippet's cost, so a word is stemmed only when it contains
 * a needle: a query term's surface, or one of its variant stems less the last letter (a light stem is a
 * substring of its word, except that a restored final ه may stand for the word's ت). A word's normal form is
 * built only when it holds a needle's first two letters (a normal form that contains a needle contains those),
 * checked on the fly from its display units: most words of an article are never copied.
 */
function matchWords(display: string, spans: WordSpans, query: SearchQuery): Int32Array {
  const bySurface = new Map<string, number>();
  const byStem = new Map<string, number>();
  const needles: string[] = [];
  const terms: QueryTerm[] = [...query.terms, ...query.phrases.flat()];
  terms.forEach((term, i) => {
    if (!bySurface.has(term.surface)) bySurface.set(term.surface, i);
    if (term.surface !== "") needles.push(term.surface);
    for (const stem of term.stems) {
      if (!byStem.has(stem)) byStem.set(stem, i);
      for (const variant of variantsOf(stem)) {
        const needle = variant.slice(0, Math.max(2, variant.length - 1));
        if (needle !== "") needles.push(needle);
      }
    }
  });
  const matches = new Int32Array(spans.count).fill(-1);
  if (terms.length === 0) return matches;
  const pairs = pairTableOf(needles);
  for (let i = 0; i < spans.count; i++) {
    if (pairs !== null && !holdsPair(display, spans, i, pairs)) continue;
    const norm = spanNorm(display, spans, i);
    // Every surface is a needle too, so most candidates are ruled out here without hashing them.
    let candidate = false;
    for (const needle of needles) {
      if (norm.includes(needle)) {
        candidate = true;
        break;
      }
    }
    if (!candidate) continue;
    const exact = bySurface.get(norm);
    if (exact !== undefined) {
      matches[i] = exact;
      continue;
    }
    const id = byStem.get(analyzeWord(norm).stem);
    if (id !== undefined) matches[i] = id;
  }
  return matches;
}

/**
 * Letters of Arabic news text, most frequent first (ا ل ي م و ن ه ر ت ب ع د س ف ك ق ح ج): a pair of rarer letters
 * rules out more words. Only speed depends on this order, never a result.
 */
const FREQUENT_LETTERS =
  "\u0627\u0644\u064a\u0645\u0648\u0646\u0647\u0631\u062a\u0628\u0639\u062f\u0633\u0641\u0643\u0642\u062d\u062c";

/** How common a letter pair is, for picking the rarest pair of a needle: lower is rarer. */
function pairCommonness(a: number, b: number): number {
  const rank = (unit: number) => {
    const i = FREQUENT_LETTERS.indexOf(String.fromCharCode(unit));
    return i < 0 ? 0 : FREQUENT_LETTERS.length - i;
  };
  return rank(a) + rank(b);
}

/**
 * Marks one letter pair per needle, the rarest it holds, leaving out needles that hold another needle (a word
 * holding them holds that one). Returns null when a needle is a single letter: every word is then a candidate.
 */
function pairTableOf(needles: readonly string[]): Uint8Array | null {
  if (needles.some((needle) => needle.length < 2)) return null;
  const pairs = new Uint8Array(PAIR_TABLE_SIZE);
  needles.forEach((needle, i) => {
    if (needles.some((other, j) => j !== i && other.length < needle.length && needle.includes(other))) return;
    let best = 1;
    for (let j = 2; j < needle.length; j++) {
      const commonness = pairCommonness(needle.charCodeAt(j - 1), needle.charCodeAt(j));
      if (commonness < pairCommonness(needle.charCodeAt(best - 1), needle.charCodeAt(best))) best = j;
    }
    pairs[pairSlot(needle.charCodeAt(best - 1), needle.charCodeAt(best))] = 1;
  });
  return pairs;
}

/** True when the normal form of span i holds two adjacent units marked in `pairs`. */
function holdsPair(display: string, spans: WordSpans, i: number, pairs: Uint8Array): boolean {
  if (spans.kinds[i] === SPAN_NORMALIZED) {
    const norm = spans.norms.get(i)!;
    for (let j = 1; j < norm.length; j++)
      if (pairs[pairSlot(norm.charCodeAt(j - 1), norm.charCodeAt(j))] === 1) return true;
    return false;
  }
  const end = spans.ends[i]!;
  let prev = -1;
  for (let j = spans.starts[i]!; j < end; j++) {
    const unit = UNIT_FOLD[display.charCodeAt(j)]!;
    if (unit === UNIT_DELETED) continue;
    if (prev >= 0 && pairs[pairSlot(prev, unit)] === 1) return true;
    prev = unit;
  }
  return false;
}

/** Copies display[from, to) with every matched word wrapped in markers. */
function markRange(display: string, spans: WordSpans, matches: Int32Array, from: number, to: number): string {
  let out = "";
  let at = from;
  for (let i = 0; i < spans.count; i++) {
    const start = spans.starts[i]!;
    const end = spans.ends[i]!;
    if (matches[i]! < 0 || start < from || end > to) continue;
    out += display.slice(at, start) + MARK_OPEN + display.slice(start, end) + MARK_CLOSE;
    at = end;
  }
  return out + display.slice(at, to);
}

/** Index of the last word that ends within `limit`, scanning from word `first`. */
function lastWordWithin(spans: WordSpans, first: number, limit: number): number {
  let j = first;
  while (j + 1 < spans.count && spans.ends[j + 1]! <= limit) j++;
  return j;
}

/**
 * Picks the window of `displayText` (at most maxChars, cut at word boundaries) holding the most distinct query
 * terms, wraps each matching word in [[ ]] and adds … where the text was cut. Without matches, returns the text's
 * start. Example: ("قالت وزارة الصحة إن ...", query "الوزارة") -> "قالت [[وزارة]] الصحة إن ...".
 */
export function buildSnippet(displayText: string, query: SearchQuery, opts?: SnippetOptions): string {
  const maxChars = opts?.maxChars ?? SNIPPET_MAX_CHARS;
  const spans = scanWordSpans(displayText, SCRATCH_SPANS);
  if (spans.count === 0) return displayText.slice(0, maxChars).trim();
  const { starts, ends } = spans;
  const matches = matchWords(displayText, spans, query);

  // Sliding window over matched tokens: most distinct terms, then most matches, then earliest.
  const matched: number[] = [];
  for (let i = 0; i < spans.count; i++) if (matches[i]! >= 0) matched.push(i);
  let bestFirst = 0;
  let bestLast = -1;
  let bestDistinct = 0;
  let bestCount = 0;
  const counts = new Map<number, number>();
  let right = 0;
  for (let left = 0; left < matched.length; left++) {
    const startOffset = starts[matched[left]!]!;
    while (right < matched.length && ends[matched[right]!]! - startOffset <= maxChars) {
      const id = matches[matched[right]!]!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      right++;
    }
    const count = right - left;
    if (counts.size > bestDistinct || (counts.size === bestDistinct && count > bestCount)) {
      bestDistinct = counts.size;
      bestCount = count;
      bestFirst = matched[left]!;
      bestLast = matched[right - 1] ?? matched[left]!;
    }
    const id = matches[matched[left]!]!;
    const c = (counts.get(id) ?? 1) - 1;
    if (c === 0) counts.delete(id);
    else counts.set(id, c);
  }

  let first = 0;
  let last: number;
  if (bestDistinct === 0) {
    last = lastWordWithin(spans, 0, starts[0]! + maxChars);
  } else {
    // Spend the spare room: some before the first match, the rest after the last.
    const spare = maxChars - (ends[bestLast]! - starts[bestFirst]!);
    const leadLimit = starts[bestFirst]! - Math.floor(Math.max(0, spare) * SNIPPET_LEAD_SHARE);
    first = bestFirst;
    while (first > 0 && starts[first - 1]! >= leadLimit) first--;
    last = lastWordWithin(spans, Math.max(bestLast, first), starts[first]! + maxChars);
  }
  // Start at the beginning of the text when the first word is the text's first word (keep leading quotes).
  const from = first === 0 ? 0 : starts[first]!;
  const to = last === spans.count - 1 ? displayText.length : ends[last]!;
  // A snippet is one line in a result list: paragraph breaks inside the window become spaces.
  const body = markRange(displayText, spans, matches, from, to).replace(LINE_BREAKS, " ").trim();
  return (from > 0 ? ELLIPSIS : "") + body + (to < displayText.length ? ELLIPSIS : "");
}

/**
 * Wraps every word of a title that matches a query term in [[ ]]; the rest of the title is unchanged.
 * Example: ("الحكومة تعلن", query "حكومتها") -> "[[الحكومة]] تعلن".
 */
export function highlightTitle(title: string, query: SearchQuery): string {
  const spans = scanWordSpans(title, SCRATCH_SPANS);
  return markRange(title, spans, matchWords(title, spans, query), 0, title.length);
}
