/**
 * Shingles: the set of overlapping w-word windows of an article's story text, as sorted distinct 32-bit hashes.
 * Dedupe stage, pure. Words come from the shared Arabic analyzer, so house spellings (أميركا/أمريكا) meet.
 */
import { matchKeyOf } from "../arabic/analyze-text.ts";
import { isStopWord } from "../arabic/stop-words.ts";
import { tokenize, wordBoundaryAtOrBefore } from "../arabic/tokenize.ts";
import { stripSyndicationMarks } from "./strip-syndication-marks.ts";

/**
 * Words per shingle. Chosen on the 320 labelled pairs of testdata/labels/pairs.jsonl (bench/stories/run.ts,
 * "copy-rule grid"): 4-word shingles of stop-word-free stems after stripping reached recall 0.855 at precision
 * 0.987; 5-word surface shingles (the corpus profile's choice) reached 0.704 at 0.984, 3-word stems 0.765.
 */
export const SHINGLE_WORDS = 4;

/** Words per shingle of the rewrite test's word pairs (compare-shingles.ts REWRITE_MIN_BIGRAM_CONTAINMENT). */
export const REWRITE_SHINGLE_WORDS = 2;

/**
 * Words of the lead compared by the copy rule (compare-shingles.ts COPY_MIN_LEAD_AGREEMENT): 30 stop-word-free
 * stems are the first sentence or two of a news text, the part a republishing outlet keeps.
 */
export const LEAD_WORDS = 30;

/** Sorted distinct hashes of the first LEAD_WORDS words (toShingleWords output): what copy verification compares. */
export function toLeadHashes(words: readonly string[]): Uint32Array {
  return toShingleHashes(words.slice(0, LEAD_WORDS), 1);
}

/**
 * Sorted distinct hashes of the figures (digit runs) in the first LEAD_WORDS words as written (toShingleWords
 * `surfaceOut`, digits folded to ASCII): what a template's next instance changes in its lead (the 5th relief flight's
 * "12 طناً" against the 4th's "10 أطنان"). Example: ["وصلت", "محمله", "ب", "12", "طنا", "و1436"] -> hashes of "12", "1436".
 */
export function toLeadFigureHashes(surface: readonly string[]): Uint32Array {
  const figures: string[] = [];
  for (const w of surface.slice(0, LEAD_WORDS)) for (const m of w.matchAll(/[0-9]+/g)) figures.push(m[0]);
  return toShingleHashes(figures, 1);
}

/** How words are spelled before shingling. */
export type ShingleWordForm = "surface" | "stem";

export interface ShingleOptions {
  words: number;
  form: ShingleWordForm;
  /** Drop function words first: outlets add and drop و/ف/قد/أن freely when they edit. */
  dropStopWords: boolean;
  /** Drop the words outlets add, drop or swap when they republish (EDIT_WORDS: days, honorifics, "percent"). */
  dropEditWords: boolean;
  /** Strip datelines, agency tags and boilerplate lines first (strip-syndication-marks.ts). */
  stripMarks: boolean;
}

export const DEFAULT_SHINGLE_OPTIONS: ShingleOptions = {
  words: SHINGLE_WORDS,
  form: "stem",
  dropStopWords: true,
  dropEditWords: true,
  stripMarks: true,
};

/**
 * Words a republishing outlet adds, drops or swaps without changing the text (read in the copy pairs of
 * testdata/labels/pairs.jsonl that the copy rule missed): honorifics ("صاحب السمو الملكي الأمير" becomes "الأمير",
 * "حفظه الله", "المفدى", "معالي", "فخامة"), "percent" spelled three ways, and "next" (القادم/المقبل). Each edit
 * breaks SHINGLE_WORDS shingles; without these words the shingles of a lightly edited copy meet again (pairwise on
 * the labelled pairs, stock phrases left out: recall 0.827 -> 0.849 at precision 1.0, both label sets). Day words
 * ("اليوم" becoming "أمس", an added weekday) are edits too, but they are what tells one day's template text from
 * the next day's, and leaving them out gained no labelled copy, so they stay. Matched on normalized words,
 * optionally behind و/ف.
 */
const EDIT_WORDS: ReadonlySet<string> = new Set(
  tokenize(
    [
      "صاحب السمو الملكي سموه معالي فخامة سعادة المفدى حفظه رعاه الله الشريفين",
      "المائة المئة بالمائة بالمئة % القادم المقبل",
    ].join(" "),
  ).map((t) => t.norm),
);

function isEditWord(norm: string): boolean {
  if (EDIT_WORDS.has(norm)) return true;
  const c = norm.charCodeAt(0);
  // \u0648 ARABIC LETTER WAW, \u0641 ARABIC LETTER FEH: the conjunction prefixed to the word.
  return (c === 0x0648 || c === 0x0641) && norm.length > 3 && EDIT_WORDS.has(norm.slice(1));
}

/** FNV-1a over UTF-16 code units, then the murmur3 finalizer so every bit depends on every character. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** The murmur3 32-bit finalizer (fmix32): a bijection with full avalanche. */
export function mix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Characters of story text tokenized at a time when only the first words are wanted: about 150 kept words of
 * news text (the story vector's lead, BODY_MAX_WORDS) span 1,000 to 1,500 characters.
 */
const LEAD_STRETCH_CHARS = 1500;

/**
 * The words of story text in the chosen form; with `maxWords`, only the first `maxWords` of them (the same
 * prefix), and the text past them is never tokenized or stemmed. With `surfaceOut`, the same words as written
 * (normalized, not stemmed) are pushed to it in one pass (dedupe/lead-places.ts reads place names from them).
 */
export function toShingleWords(
  text: string,
  options: ShingleOptions = DEFAULT_SHINGLE_OPTIONS,
  maxWords = Number.POSITIVE_INFINITY,
  surfaceOut?: string[],
): string[] {
  const story = options.stripMarks ? stripSyndicationMarks(text) : text;
  const stem = options.form === "stem";
  const words: string[] = [];
  // Stretches end at word boundaries, so they hold the same words as the whole text, each once.
  for (let from = 0; from < story.length && words.length < maxWords; ) {
    const bounded = Number.isFinite(maxWords) && from + LEAD_STRETCH_CHARS < story.length;
    const boundary = bounded ? wordBoundaryAtOrBefore(story, from + LEAD_STRETCH_CHARS) : story.length;
    const until = boundary > from ? boundary : story.length;
    for (const t of tokenize(story, from, until)) {
      const w = t.norm;
      if ((options.dropStopWords && isStopWord(w)) || (options.dropEditWords && isEditWord(w))) continue;
      // Stems word by word: the same keys as toMatchKeys(kept.join(" ")) (checked on 5,000 dev articles) without a
      // second tokenizer pass.
      words.push(stem ? matchKeyOf(w) : w);
      surfaceOut?.push(w);
      if (words.length >= maxWords) break;
    }
    from = until;
  }
  return words;
}

/** Sorted distinct shingle hashes of a word sequence; a text shorter than one shingle gives one hash of it all. */
export function toShingleHashes(words: readonly string[], size: number): Uint32Array {
  return toShingleHashesOfWords(toWordHashes(words), size);
}

/** Each word's hash, in text order: hash words once for shingles of several sizes (toShingleHashesOfWords). */
export function toWordHashes(words: readonly string[]): Uint32Array {
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hashWord(words[i]!);
  return wordHashes;
}

/** toShingleHashes from word hashes (toWordHashes): the same sorted distinct shingle hashes. */
export function toShingleHashesOfWords(wordHashes: Uint32Array, size: number): Uint32Array {
  if (wordHashes.length === 0) return new Uint32Array(0);
  const n = Math.max(1, wordHashes.length - size + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = size;
    const end = Math.min(wordHashes.length, i + size);
    for (let j = i; j < end; j++) h = Math.imul(h ^ wordHashes[j]!, 0x9e3779b1) + j - i;
    out[i] = mix32(h);
  }
  out.sort();
  let w = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[w - 1]) out[w++] = out[i]!;
  return out.slice(0, w);
}

/**
 * Shingles of an article's display text (title excluded: outlets rewrite headlines). Example: two copies of
 * "قال وزير الصحة (واس) إن ..." that differ only in the agency tag and أ/ا spelling give identical arrays.
 */
export function shingleText(text: string, options: ShingleOptions = DEFAULT_SHINGLE_OPTIONS): Uint32Array {
  return toShingleHashes(toShingleWords(text, options), options.words);
}
