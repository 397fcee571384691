/**
 * Snippets and title highlighting: the part of the display text with the most distinct query matches, marked.
 * Pure. Works on the original display string through token offsets, so spelling (tashkeel included) is untouched.
 */
import type { QueryTerm, SearchQuery } from "../../domain/search.ts";
import { analyzeWord } from "../arabic/analyze-text.ts";
import { type Token, tokenize } from "../arabic/tokenize.ts";
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

export interface SnippetOptions {
  maxChars?: number;
}

/**
 * Per token, the index of the query term it matches, or -1.
 * Stemming every word of a long article is most of a snippet's cost, so a word is stemmed only when it contains
 * a needle: a query term's surface, or one of its variant stems less the last letter (a light stem is a
 * substring of its word, except that a restored final ه may stand for the word's ت).
 */
function matchTokens(tokens: readonly Token[], query: SearchQuery): Int32Array {
  const bySurface = new Map<string, number>();
  const byStem = new Map<string, number>();
  const needles: string[] = [];
  const terms: QueryTerm[] = [...query.terms, ...query.phrases.flat()];
  terms.forEach((term, i) => {
    if (!bySurface.has(term.surface)) bySurface.set(term.surface, i);
    needles.push(term.surface);
    for (const stem of term.stems) {
      if (!byStem.has(stem)) byStem.set(stem, i);
      for (const variant of variantsOf(stem)) needles.push(variant.slice(0, Math.max(2, variant.length - 1)));
    }
  });
  const matches = new Int32Array(tokens.length).fill(-1);
  if (terms.length === 0) return matches;
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm;
    // Every surface is a needle too, so most words are ruled out here without hashing them.
    let candidate = false;
    for (const needle of needles) {
      if (needle !== "" && norm.includes(needle)) {
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

/** Copies display[from, to) with every matched token wrapped in markers. */
function markRange(
  display: string,
  tokens: readonly Token[],
  matches: Int32Array,
  from: number,
  to: number,
): string {
  let out = "";
  let at = from;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (matches[i]! < 0 || t.start < from || t.end > to) continue;
    out += display.slice(at, t.start) + MARK_OPEN + display.slice(t.start, t.end) + MARK_CLOSE;
    at = t.end;
  }
  return out + display.slice(at, to);
}

/** Index of the last token that ends within `limit`, scanning from token `first`. */
function lastTokenWithin(tokens: readonly Token[], first: number, limit: number): number {
  let j = first;
  while (j + 1 < tokens.length && tokens[j + 1]!.end <= limit) j++;
  return j;
}

/**
 * Picks the window of `displayText` (at most maxChars, cut at word boundaries) holding the most distinct query
 * terms, wraps each matching word in [[ ]] and adds … where the text was cut. Without matches, returns the text's
 * start. Example: ("قالت وزارة الصحة إن ...", query "الوزارة") -> "قالت [[وزارة]] الصحة إن ...".
 */
export function buildSnippet(displayText: string, query: SearchQuery, opts?: SnippetOptions): string {
  const maxChars = opts?.maxChars ?? SNIPPET_MAX_CHARS;
  const tokens = tokenize(displayText);
  if (tokens.length === 0) return displayText.slice(0, maxChars).trim();
  const matches = matchTokens(tokens, query);

  // Sliding window over matched tokens: most distinct terms, then most matches, then earliest.
  const matched: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (matches[i]! >= 0) matched.push(i);
  let bestFirst = 0;
  let bestLast = -1;
  let bestDistinct = 0;
  let bestCount = 0;
  const counts = new Map<number, number>();
  let right = 0;
  for (let left = 0; left < matched.length; left++) {
    const startOffset = tokens[matched[left]!]!.start;
    while (right < matched.length && tokens[matched[right]!]!.end - startOffset <= maxChars) {
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
    last = lastTokenWithin(tokens, 0, tokens[0]!.start + maxChars);
  } else {
    // Spend the spare room: some before the first match, the rest after the last.
    const spare = maxChars - (tokens[bestLast]!.end - tokens[bestFirst]!.start);
    const leadLimit = tokens[bestFirst]!.start - Math.floor(Math.max(0, spare) * SNIPPET_LEAD_SHARE);
    first = bestFirst;
    while (first > 0 && tokens[first - 1]!.start >= leadLimit) first--;
    last = lastTokenWithin(tokens, Math.max(bestLast, first), tokens[first]!.start + maxChars);
  }
  // Start at the beginning of the text when the first word is the text's first word (keep leading quotes).
  const from = first === 0 ? 0 : tokens[first]!.start;
  const to = last === tokens.length - 1 ? displayText.length : tokens[last]!.end;
  // A snippet is one line in a result list: paragraph breaks inside the window become spaces.
  const body = markRange(displayText, tokens, matches, from, to).replace(LINE_BREAKS, " ").trim();
  return (from > 0 ? ELLIPSIS : "") + body + (to < displayText.length ? ELLIPSIS : "");
}

/**
 * Wraps every word of a title that matches a query term in [[ ]]; the rest of the title is unchanged.
 * Example: ("الحكومة تعلن", query "حكومتها") -> "[[الحكومة]] تعلن".
 */
export function highlightTitle(title: string, query: SearchQuery): string {
  const tokens = tokenize(title);
  return markRange(title, tokens, matchTokens(tokens, query), 0, title.length);
}
