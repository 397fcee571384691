/**
 * Snippets and title highlighting: the part of the display text with the most distinct query matches, marked.
 * Pure (reuses private scratch buffers and a per-query matcher; results depend only on the arguments). Works on the
 * original display string through word offsets, so spelling (tashkeel included) is untouched.
 */
import type { QueryTerm, SearchQuery } from "../../domain/search.ts";
import { analyzeWord, compoundKeyAt, mayBeginCompound, searchKeyNeedles } from "../arabic/analyze-text.ts";
import { COMPOUND_WORDS_MAX } from "../arabic/compound-names.ts";
import { UNIT_DELETED, UNIT_NEEDS_NORMALIZE, unitFoldAt } from "../arabic/normalize-arabic.ts";
import {
  nextWordStart,
  SPAN_NORMALIZED,
  scanWordSpans,
  spanNorm,
  WordSpans,
  wordBoundaryAtOrBefore,
} from "../arabic/tokenize.ts";
import { variantsOf } from "../arabic/variants.ts";

/** Default snippet length in UTF-16 units: about two lines of a result list (~35 Arabic words). */
const SNIPPET_MAX_CHARS = 200;
/** Share of the spare room put before the first match, so it is not the snippet's first word. */
const SNIPPET_LEAD_SHARE = 1 / 3;

/**
 * Match markers: U+E000 and U+E001, PRIVATE USE AREA code points, so a "[[" in an article can never be mistaken for
 * a highlight; a text carrying these code points itself loses them first (withoutMarkers). Surfaces turn them into
 * <mark> or terminal colour.
 */
export const MARK_OPEN = "\ue000";
export const MARK_CLOSE = "\ue001";
/** The markers as a stored text may still carry them (a hostile or careless publisher): dropped before marking. */
const STRAY_MARKERS_RE = /[\ue000\ue001]/g;
const ELLIPSIS = "\u2026"; // HORIZONTAL ELLIPSIS

/** Line breaks: LINE FEED, CARRIAGE RETURN, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
function isLineBreak(unit: number): boolean {
  return unit === 0x0a || unit === 0x0d || unit === 0x2028 || unit === 0x2029;
}

/**
 * True when the word at `at` opens a token: the text's start, or after white space or an opening mark (U+00AB
 * LEFT-POINTING DOUBLE ANGLE QUOTATION MARK, U+201C LEFT DOUBLE QUOTATION MARK, U+2018 LEFT SINGLE QUOTATION MARK,
 * brackets, straight quotes); not after a hyphen, an apostrophe, a digit group's comma or an underscore.
 */
function opensToken(text: string, at: number): boolean {
  if (at === 0) return true;
  const unit = text.charCodeAt(at - 1);
  return IS_SPACE[unit] === 1 || OPENING_MARKS.has(unit);
}
const OPENING_MARKS = new Set([0xab, 0x201c, 0x2018, 0x28, 0x5b, 0x7b, 0x22]);

/** White space as JavaScript's \s matches it (ECMA-262 WhiteSpace and LineTerminator). */
const SPACE = /\s/;
const IS_SPACE = new Uint8Array(0x10000);
for (let unit = 0; unit < 0x10000; unit++) if (SPACE.test(String.fromCharCode(unit))) IS_SPACE[unit] = 1;

/**
 * Replaces every run of white space (JavaScript's \s) that holds a line break with one space, as the regex
 * \s*[\n\r\u2028\u2029]+\s* replacing globally would, without its backtracking at every space.
 * Example: "غزة. \r\n\n رفح" -> "غزة. رفح".
 */
function joinLines(s: string): string {
  let out = "";
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isLineBreak(s.charCodeAt(i))) continue;
    let runStart = i;
    while (runStart > at && IS_SPACE[s.charCodeAt(runStart - 1)] === 1) runStart--;
    let runEnd = i + 1;
    while (runEnd < s.length && IS_SPACE[s.charCodeAt(runEnd)] === 1) runEnd++;
    out += `${s.slice(at, runStart)} `;
    at = runEnd;
    i = runEnd - 1;
  }
  return at === 0 ? s : out + s.slice(at);
}

/** Word spans of the region being marked, reused from call to call (a call never keeps them): saves buffers. */
const SCRATCH_SPANS = new WordSpans();
/** Word spans around one candidate unit, reused like SCRATCH_SPANS. */
const CANDIDATE_SPANS = new WordSpans();
/** The word after a candidate that may begin a compound, reused like SCRATCH_SPANS. */
const NEXT_SPANS = new WordSpans();

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

/** A query compiled for marking words: which term each normal form matches, and the needles that prefilter. */
interface WordMatcher {
  bySurface: Map<string, number>;
  byStem: Map<string, number>;
  needles: string[];
  /** Letter pairs one of which every candidate word holds (see pairTableOf); null when every word is a candidate. */
  pairs: Uint8Array | null;
  hasTerms: boolean;
}

/**
 * Stemming every word of a long article is most of a snippet's cost, so a word is stemmed only when it contains
 * a needle: a query term's surface, or one of its variant stems less the last letter (a light stem is a
 * substring of its word, except that a restored final ه may stand for the word's ت).
 */
function compileMatcher(query: SearchQuery): WordMatcher {
  let matcher = MATCHERS.get(query);
  if (matcher === undefined) {
    matcher = buildMatcher(query);
    MATCHERS.set(query, matcher);
  }
  return matcher;
}

/**
 * Each query's matcher, built on its first snippet: a search cuts a snippet per hit with the same query. Keyed by
 * the query object (parseQuery makes a new one per search, and nothing edits a parsed query), so it holds no
 * result and goes when the query does.
 */
const MATCHERS = new WeakMap<SearchQuery, WordMatcher>();

function buildMatcher(query: SearchQuery): WordMatcher {
  const bySurface = new Map<string, number>();
  const byStem = new Map<string, number>();
  const needles: string[] = [];
  const terms: QueryTerm[] = [...query.terms, ...query.phrases.flat(), ...query.anyOf.flat(2)];
  terms.forEach((term, i) => {
    if (!bySurface.has(term.surface)) bySurface.set(term.surface, i);
    if (term.surface !== "") needles.push(term.surface);
    for (const stem of term.stems) {
      if (!byStem.has(stem)) byStem.set(stem, i);
      for (const variant of variantsOf(stem)) {
        for (const needle of searchKeyNeedles(variant)) if (needle !== "") needles.push(needle);
      }
    }
  });
  return { bySurface, byStem, needles, pairs: pairTableOf(needles), hasTerms: terms.length > 0 };
}

/** The index of the query term a normalized word matches, or -1. */
function termOf(matcher: WordMatcher, norm: string): number {
  // Every surface is a needle too, so most words are ruled out here without hashing them.
  let candidate = false;
  for (const needle of matcher.needles) {
    if (norm.includes(needle)) {
      candidate = true;
      break;
    }
  }
  if (!candidate) return -1;
  const exact = matcher.bySurface.get(norm);
  if (exact !== undefined) return exact;
  return matcher.byStem.get(analyzeWord(norm).stem) ?? -1;
}

/**
 * Per span of a region of the text, the index of the query term it matches, or -1: the matched words found in the
 * whole text, looked up by offset (a run split into pieces is matched again, piece by piece).
 */
function matchSpans(
  display: string,
  spans: WordSpans,
  matcher: WordMatcher,
  matched: MatchedWords,
): Int32Array {
  const matches = new Int32Array(spans.count).fill(-1);
  let m = 0;
  for (let i = 0; i < spans.count; i++) {
    const start = spans.starts[i]!;
    if (spans.kinds[i] === SPAN_NORMALIZED) {
      matches[i] = termOf(matcher, spanNorm(display, spans, i));
      continue;
    }
    while (m < matched.starts.length && matched.starts[m]! < start) m++;
    if (m < matched.starts.length && matched.starts[m] === start) matches[i] = matched.terms[m]!;
  }
  return matches;
}

/** The words of a text that match a query term, in order: offsets and term index (pieces of a run each count). */
interface MatchedWords {
  starts: number[];
  ends: number[];
  terms: number[];
}

/**
 * Finds the matching words of a whole text without splitting it into words: one pass over its units, folded as
 * normalizeArabic would, looks for the needles' letter pairs; only a word holding one is delimited, normalized
 * and matched. Units that need Unicode normalization make their word a candidate too, since its normal form is
 * not their fold.
 */
function findMatchedWords(display: string, matcher: WordMatcher): MatchedWords {
  const found: MatchedWords = { starts: [], ends: [], terms: [] };
  if (!matcher.hasTerms) return found;
  const { pairs } = matcher;
  const spans = CANDIDATE_SPANS;
  const n = display.length;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const unit = unitFoldAt(display, i);
    if (unit === UNIT_DELETED) continue;
    const hit =
      pairs === null || unit === UNIT_NEEDS_NORMALIZE || (prev >= 0 && pairs[pairSlot(prev, unit)] === 1);
    prev = unit;
    if (!hit) continue;
    // The word holding unit i is the last one starting at or before it, if it reaches that far.
    scanWordSpans(display, spans, wordBoundaryAtOrBefore(display, i), i + 1);
    const last = spans.count - 1;
    if (last < 0 || spans.ends[last]! <= i) continue;
    let first = last;
    while (first > 0 && spans.starts[first - 1] === spans.starts[last]) first--;
    const compoundEnd =
      first === last
        ? pushCompound(
            display,
            spanNorm(display, spans, last),
            spans.starts[last]!,
            spans.ends[last]!,
            matcher,
            found,
          )
        : -1;
    if (compoundEnd >= 0) {
      i = compoundEnd - 1;
      prev = -1;
      continue;
    }
    for (let k = first; k <= last; k++) {
      const term = termOf(matcher, spanNorm(display, spans, k));
      if (term < 0) continue;
      found.starts.push(spans.starts[k]!);
      found.ends.push(spans.ends[k]!);
      found.terms.push(term);
    }
    i = spans.ends[last]! - 1;
    prev = -1;
  }
  return found;
}

/**
 * When the word display[start, end), normalized `norm`, begins a compound (compoundKeyAt: "عبد الله", "أبو ظبي", "واتس اب") whose key a
 * query term has, adds each of its words to `found` with that term and returns where its last word ends; else -1.
 * The index holds such words as one key, so a term written either way matches them together. Words are read as the
 * index reads them, punctuation between them skipped; a word of several pieces (compatibility forms) ends a compound.
 */
function pushCompound(
  display: string,
  norm: string,
  start: number,
  end: number,
  matcher: WordMatcher,
  found: MatchedWords,
): number {
  if (!mayBeginCompound(norm)) return -1;
  const words = [norm];
  const starts = [start];
  const ends = [end];
  while (words.length < COMPOUND_WORDS_MAX) {
    const next = nextWordStart(display, ends.at(-1)!);
    if (next === display.length) break;
    scanWordSpans(display, NEXT_SPANS, next, next + 1);
    if (NEXT_SPANS.count !== 1) break;
    words.push(spanNorm(display, NEXT_SPANS, 0));
    starts.push(next);
    ends.push(NEXT_SPANS.ends[0]!);
  }
  const compound = compoundKeyAt(words, 0);
  const term = compound === null ? undefined : matcher.byStem.get(compound.key);
  if (compound === null || term === undefined) return -1;
  for (let k = 0; k < compound.words; k++) {
    found.starts.push(starts[k]!);
    found.ends.push(ends[k]!);
    found.terms.push(term);
  }
  return ends[compound.words - 1]!;
}

/**
 * Letters of Arabic news text, most frequent first (ا ل ي م و ن ه ر ت ب ع د س ف ك ق ح ج): a pair of rarer letters
 * rules out more words. Only speed depends on this order, never a result.
 */
const FREQUENT_LETTERS =
  "\u0627\u0644\u064a\u0645\u0648\u0646\u0647\u0631\u062a\u0628\u0639\u062f\u0633\u0641\u0643\u0642\u062d\u062c";

/** Per code unit, how common it is as a letter (0 = rare), from FREQUENT_LETTERS. */
const LETTER_COMMONNESS = new Uint8Array(0x10000);
for (let i = 0; i < FREQUENT_LETTERS.length; i++) {
  LETTER_COMMONNESS[FREQUENT_LETTERS.charCodeAt(i)] = FREQUENT_LETTERS.length - i;
}

/** How common a letter pair is, for picking the rarest pair of a needle: lower is rarer. */
function pairCommonness(a: number, b: number): number {
  return LETTER_COMMONNESS[a]! + LETTER_COMMONNESS[b]!;
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

/**
 * The text without MARK_OPEN / MARK_CLOSE of its own, so the only markers in a snippet or title are the matches':
 * a stored title "\ue000عاجل" would otherwise open a highlight that no match opened.
 */
function withoutMarkers(text: string): string {
  return text.includes(MARK_OPEN) || text.includes(MARK_CLOSE) ? text.replace(STRAY_MARKERS_RE, "") : text;
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
export function buildSnippet(storedText: string, query: SearchQuery, opts?: SnippetOptions): string {
  const displayText = withoutMarkers(storedText);
  const maxChars = opts?.maxChars ?? SNIPPET_MAX_CHARS;
  const n = displayText.length;
  const firstWordStart = nextWordStart(displayText, 0);
  if (firstWordStart === n) return displayText.slice(0, maxChars).trim();
  const matcher = compileMatcher(query);
  const matched = findMatchedWords(displayText, matcher);

  // Sliding window over matched words: most distinct terms, then most matches, then earliest.
  let bestFirst = 0;
  let bestLast = -1;
  let bestDistinct = 0;
  let bestCount = 0;
  const counts = new Map<number, number>();
  let right = 0;
  const matchCount = matched.starts.length;
  for (let left = 0; left < matchCount; left++) {
    const startOffset = matched.starts[left]!;
    while (right < matchCount && matched.ends[right]! - startOffset <= maxChars) {
      const id = matched.terms[right]!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      right++;
    }
    const count = right - left;
    if (counts.size > bestDistinct || (counts.size === bestDistinct && count > bestCount)) {
      bestDistinct = counts.size;
      bestCount = count;
      bestFirst = left;
      bestLast = right > 0 ? right - 1 : left;
    }
    const id = matched.terms[left]!;
    const c = (counts.get(id) ?? 1) - 1;
    if (c === 0) counts.delete(id);
    else counts.set(id, c);
  }

  // Only the words around the window are delimited: from a word boundary before the lead room to the last word
  // that can start inside the window.
  const spans = SCRATCH_SPANS;
  let regionStart = 0;
  let first = 0;
  let last: number;
  let matches: Int32Array;
  if (bestDistinct === 0) {
    scanWordSpans(displayText, spans, 0, firstWordStart + maxChars + 1);
    matches = matchSpans(displayText, spans, matcher, matched);
    last = lastWordWithin(spans, 0, spans.starts[0]! + maxChars);
  } else {
    // Spend the spare room: some before the first match, the rest after the last.
    const spare = maxChars - (matched.ends[bestLast]! - matched.starts[bestFirst]!);
    const leadLimit = matched.starts[bestFirst]! - Math.floor(Math.max(0, spare) * SNIPPET_LEAD_SHARE);
    regionStart = wordBoundaryAtOrBefore(displayText, Math.max(0, leadLimit));
    scanWordSpans(displayText, spans, regionStart, matched.starts[bestFirst]! + maxChars + 1);
    matches = matchSpans(displayText, spans, matcher, matched);
    // The region's matched words are the text's matched words from the first one that starts in it.
    let offset = 0;
    while (matched.starts[offset]! < regionStart) offset++;
    const spanOfMatch = (m: number): number => {
      let seen = offset - 1;
      for (let i = 0; i < spans.count; i++) if (matches[i]! >= 0 && ++seen === m) return i;
      return -1; // a match before the region: it precedes the window's first word
    };
    const firstMatch = spanOfMatch(bestFirst);
    first = firstMatch;
    while (first > 0 && spans.starts[first - 1]! >= leadLimit) first--;
    // A word inside a longer token ("19" of "كوفيد-19", "t" of "don't", "000" of "1,000") does not open the snippet:
    // it starts at the next word a space opens, never past the first match.
    while (first < firstMatch && !opensToken(displayText, spans.starts[first]!)) first++;
    last = lastWordWithin(spans, Math.max(spanOfMatch(bestLast), first), spans.starts[first]! + maxChars);
  }
  // Start at the beginning of the text when the first word is the text's first word (keep leading quotes).
  const from = first === 0 && firstWordStart >= regionStart ? 0 : spans.starts[first]!;
  const isTextLastWord = last === spans.count - 1 && nextWordStart(displayText, spans.ends[last]!) === n;
  const to = isTextLastWord ? n : spans.ends[last]!;
  // A snippet is one line in a result list: paragraph breaks inside the window become spaces.
  const body = joinLines(markRange(displayText, spans, matches, from, to)).trim();
  return (from > 0 ? ELLIPSIS : "") + body + (to < n ? ELLIPSIS : "");
}

/**
 * Wraps every word of a title that matches a query term in [[ ]]; the rest of the title is unchanged.
 * Example: ("الحكومة تعلن", query "حكومتها") -> "[[الحكومة]] تعلن".
 */
export function highlightTitle(storedTitle: string, query: SearchQuery): string {
  const title = withoutMarkers(storedTitle);
  const matcher = compileMatcher(query);
  const matched = findMatchedWords(title, matcher);
  const spans = scanWordSpans(title, SCRATCH_SPANS);
  return markRange(title, spans, matchSpans(title, spans, matcher, matched), 0, title.length);
}
