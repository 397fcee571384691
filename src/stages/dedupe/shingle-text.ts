/**
 * Shingles: the set of overlapping w-word windows of an article's story text, as sorted distinct 32-bit hashes.
 * Dedupe stage, pure. Words come from the shared Arabic analyzer, so house spellings (أميركا/أمريكا) meet.
 */
import { analyzeWord } from "../arabic/analyze-text.ts";
import { isStopWord } from "../arabic/stop-words.ts";
import { tokenize } from "../arabic/tokenize.ts";
import { stripSyndicationMarks } from "./strip-syndication-marks.ts";

/**
 * Words per shingle. Chosen on the 320 labelled pairs of testdata/labels/pairs.jsonl (bench/stories/run.ts,
 * "copy-rule grid"): 4-word shingles of stop-word-free stems after stripping reached recall 0.855 at precision
 * 0.987; 5-word surface shingles (the corpus profile's choice) reached 0.704 at 0.984, 3-word stems 0.765.
 */
export const SHINGLE_WORDS = 4;

/**
 * Words of the lead compared by the copy rule (compare-shingles.ts COPY_MIN_LEAD_AGREEMENT): 30 stop-word-free
 * stems are the first sentence or two of a news text, the part a republishing outlet keeps.
 */
export const LEAD_WORDS = 30;

/** Sorted distinct hashes of the first LEAD_WORDS words (toShingleWords output): what copy verification compares. */
export function toLeadHashes(words: readonly string[]): Uint32Array {
  return toShingleHashes(words.slice(0, LEAD_WORDS), 1);
}

/** How words are spelled before shingling. */
export type ShingleWordForm = "surface" | "stem";

export interface ShingleOptions {
  words: number;
  form: ShingleWordForm;
  /** Drop function words first: outlets add and drop و/ف/قد/أن freely when they edit. */
  dropStopWords: boolean;
  /** Strip datelines, agency tags and boilerplate lines first (strip-syndication-marks.ts). */
  stripMarks: boolean;
}

export const DEFAULT_SHINGLE_OPTIONS: ShingleOptions = {
  words: SHINGLE_WORDS,
  form: "stem",
  dropStopWords: true,
  stripMarks: true,
};

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

/** The words of story text in the chosen form. */
export function toShingleWords(text: string, options: ShingleOptions = DEFAULT_SHINGLE_OPTIONS): string[] {
  const story = options.stripMarks ? stripSyndicationMarks(text) : text;
  const norms = tokenize(story).map((t) => t.norm);
  const kept = options.dropStopWords ? norms.filter((w) => !isStopWord(w)) : norms;
  // Stems word by word: the same keys as toMatchKeys(kept.join(" ")) (checked on 5,000 dev articles) without a
  // second tokenizer pass.
  return options.form === "stem" ? kept.map((w) => analyzeWord(w).stem) : kept;
}

/** Sorted distinct shingle hashes of a word sequence; a text shorter than one shingle gives one hash of it all. */
export function toShingleHashes(words: readonly string[], size: number): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hashWord(words[i]!);
  const n = Math.max(1, words.length - size + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = size;
    const end = Math.min(words.length, i + size);
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
