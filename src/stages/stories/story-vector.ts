/**
 * Story vectors: sublinear TF-IDF over variant-folded stems (title weighted) plus the title's name keys, and the
 * stream's document-frequency table. Stories stage, pure in-memory; shared by stories/ and related/.
 */
import { matchKeyOf } from "../arabic/analyze-text.ts";
import { placeNameOf } from "../arabic/proper-names.ts";
import { isStopWord } from "../arabic/stop-words.ts";
import { tokenize } from "../arabic/tokenize.ts";
import { DEFAULT_SHINGLE_OPTIONS, toShingleWords } from "../dedupe/shingle-text.ts";
import { isOpinionColumn, isReportOpening } from "./opinion-column.ts";

/** A title word counts this many body occurrences: headlines name the event (notes §5.6, Miranda's title sub-vector). */
export const TITLE_TERM_WEIGHT = 3;
/** Body words read, from the lead: the lead carries who/what/where; later paragraphs add background that chains stories. */
export const BODY_MAX_WORDS = 150;
/** Terms kept per vector, by weight: bounds cosine cost; 40 covers the title and the lead's content words. */
export const VECTOR_MAX_TERMS = 40;
/**
 * Content words of the text's start read as its lead keys. A reaction or follow-up whose headline names a person
 * ("نائب خادم الحرمين يتلقى اتصالاً من ملك المغرب") names the event it reacts to in its first sentence ("...معزياً في
 * شهداء التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ بعسير"): 30-40 content words hold that sentence.
 */
export const LEAD_KEY_WORDS = 40;
/**
 * Body words (the shingle stems the body terms read: stop and edit words dropped) of the text's start read as its
 * opening keys: the lead and the paragraph after it. A statement or a
 * meeting reported the days after an event opens with who met whom and the condolences passed on, and names the
 * event it answers only then ("ترأس نائب خادم الحرمين الشريفين ... اجتماعا مع قادة القطاعات الأمنية ... ونقل ...
 * تعازي ... لأسر ... شهداء ... التفجير ... قوات الطوارئ ... بعسير": the keys at content words 55-70 of 12 such reports).
 */
export const OPENING_KEY_WORDS = 80;
/** Characters of the text tokenized for its lead keys: LEAD_KEY_WORDS content words fit well inside. */
const LEAD_KEY_CHARS = 800;
/** Stems shorter than this are clitic debris of the light stemmer, not content. */
const MIN_STEM_CHARS = 2;
/**
 * Distinct content terms, numbers aside, an article needs before its words can place it in a story: fewer is a
 * label, not a report ("كاريكاتير 2015/8/10", "صور اقتصادية", "ركن الإرشاد": a cartoon or gallery without text). In
 * the dev corpus 130 of 27,989 articles have fewer (1: 46, 2: 33; 3 with a date's numbers: the daily cartoons),
 * and the daily cartoons of three outlets made 13 stories of 2-13 "articles", two of them on the home page.
 */
export const MIN_PLACEABLE_TERMS = 3;
/** A term that is a number (dates, figures), in ASCII digits as normalization leaves them. */
const NUMBER_TERM = /^[0-9]+$/;

/** A sparse unit vector: terms sorted by code unit order, weights L2-normalized. */
export interface SparseVector {
  terms: string[];
  weights: Float64Array;
}

/** Content keys of an article before weighting (document frequency is counted on these). */
export interface StoryTerms {
  /** Term frequencies (title words weighted). */
  tf: Map<string, number>;
  /** Distinct variant-folded title stems (أميركا/أمريكا meet): the "name keys" of the headline. */
  titleKeys: string[];
  /**
   * Distinct keys of the text's first LEAD_KEY_WORDS content words, folded as title keys are (a place after a
   * particle keys as the bare name): what the lead names, for a reference to an event the headline does not name.
   * Absent: not analyzed (no lead reference is read).
   */
  leadKeys?: string[];
  /**
   * Distinct keys of the text's first OPENING_KEY_WORDS body words, a place after a particle keyed as the bare name
   * as in leadKeys: what a story's members name, for the merge pass's reference to a story still reported. Absent:
   * not analyzed.
   */
  openingKeys?: string[];
  /** The text reads as an opinion column (opinion-column.ts). Absent: not analyzed (read as news). */
  opinion?: boolean;
  /** The text opens as a report of who said what (opinion-column.ts isReportOpening). Absent: not analyzed. */
  reportOpening?: boolean;
}

/**
 * The text's first LEAD_KEY_CHARS characters, cut back to a space so no word is cut: the opening the lead-reference
 * rule reads, photo captions and all (not the reader's lead paragraph, surfaces/web leadOf).
 */
function leadCharsOf(text: string): string {
  if (text.length <= LEAD_KEY_CHARS) return text;
  const cut = text.lastIndexOf(" ", LEAD_KEY_CHARS);
  return text.slice(0, cut > 0 ? cut : LEAD_KEY_CHARS);
}

/**
 * Distinct keys of the first OPENING_KEY_WORDS body words (shingle stems), a place after a particle keyed as the bare
 * name as in title keys. From the stems the body terms already read: tokenizing 1600 characters for them instead
 * cost 5-10% of the whole fold's CPU (ab-stream-cost.ts against this: B/A 0.895, 0.945, the same stories).
 */
function openingKeysOf(body: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const w of body.slice(0, OPENING_KEY_WORDS)) {
    const place = placeNameOf(w);
    keys.add(place === null ? w : matchKeyOf(place));
  }
  return [...keys];
}

/** The first `maxWords` words of a text that are not stop words, normalized, in text order. */
function contentWords(display: string, maxWords: number): string[] {
  const words: string[] = [];
  for (const t of tokenize(display)) {
    if (words.length >= maxWords) break;
    if (!isStopWord(t.norm)) words.push(t.norm);
  }
  return words;
}

/** The key of each content word long enough to carry content, in text order. */
function keysOf(words: readonly string[]): string[] {
  const keys: string[] = [];
  for (const w of words) {
    // A place name after a particle keys as the bare name: the light stemmer strips neither ب nor ل alone, so
    // "تفجير مسجد الطوارئ بعسير" and "تفجير عسير" shared no place key (proper-names.ts placeNameOf).
    const k = matchKeyOf(placeNameOf(w) ?? w);
    if (k.length >= MIN_STEM_CHARS) keys.push(k);
  }
  return keys;
}

/**
 * True when an article says too little to be placed by its words: fewer than MIN_PLACEABLE_TERMS distinct terms
 * that are not numbers. Example: "كاريكاتير 2015/8/10" without text -> true (one term and two numbers);
 * "مقتل 13 في تفجير مسجد بعسير" -> false.
 */
export function isThinArticle(terms: StoryTerms): boolean {
  let n = 0;
  for (const t of terms.tf.keys()) if (!NUMBER_TERM.test(t) && ++n >= MIN_PLACEABLE_TERMS) return false;
  return true;
}

/**
 * Title and lead terms of an article. Example: title "أميركا تدين الهجوم" -> titleKeys ["امريك", "دين", "هجوم"];
 * a title place name keys alike with or without a particle ("بعسير", "لعسير", "وعسير" -> "عسير").
 * Body terms are the shingle words (shingle-text.ts toShingleWords with the default options: stripped text, no stop
 * words or edit words); `bodyStems`, when given, are those words, so a caller that shingles the text anyway does
 * not analyze it twice.
 */
export function toStoryTerms(title: string, text: string, bodyStems?: readonly string[]): StoryTerms {
  const { tf, titleTerms, body } = analyzeVectorTerms(title, text, bodyStems);
  const leadKeys = [...new Set(keysOf(contentWords(leadCharsOf(text), LEAD_KEY_WORDS)))];
  return {
    tf,
    titleKeys: [...new Set(titleTerms)],
    leadKeys,
    openingKeys: openingKeysOf(body),
    opinion: isOpinionColumn(text),
    reportOpening: isReportOpening(text),
  };
}

/** The part of an article's StoryTerms its vector and its document frequencies are made of. */
export type VectorTerms = Pick<StoryTerms, "tf">;

/**
 * toStoryTerms' term frequencies alone, for a caller that only vectorizes (stages/related's pools): about half the
 * analysis, the lead, opening keys and opinion tests being left out. Example: title "أميركا تدين الهجوم", empty text
 * -> tf {"امريك" 3, "دين" 3, "هجوم" 3}, exactly toStoryTerms' `tf`.
 */
export function toVectorTerms(title: string, text: string): VectorTerms {
  return { tf: analyzeVectorTerms(title, text).tf };
}

/** Title keys (TITLE_TERM_WEIGHT each) and the first BODY_MAX_WORDS body stems (1 each), counted into `tf`. */
function analyzeVectorTerms(
  title: string,
  text: string,
  bodyStems?: readonly string[],
): { tf: Map<string, number>; titleTerms: string[]; body: string[] } {
  const tf = new Map<string, number>();
  const titleTerms = keysOf(contentWords(title, 64));
  for (const k of titleTerms) tf.set(k, (tf.get(k) ?? 0) + TITLE_TERM_WEIGHT);
  const body = (bodyStems ?? toShingleWords(text, DEFAULT_SHINGLE_OPTIONS, BODY_MAX_WORDS))
    .slice(0, BODY_MAX_WORDS)
    .filter((k) => k.length >= MIN_STEM_CHARS);
  for (const k of body) tf.set(k, (tf.get(k) ?? 0) + 1);
  return { tf, titleTerms, body };
}

/**
 * Document frequencies counted over the stream so far, in stream order: the IDF an article sees depends only on
 * the articles before it, never on how the stream was batched.
 */
export class TermStats {
  /**
   * Each term counted so far -> its id (dense, in order of first sight): one lookup per term finds its frequency,
   * and the story clusterer indexes its postings and centroids by id instead of hashing the strings again.
   */
  private readonly ids = new Map<string, number>();
  /** Document frequency by term id. */
  private readonly df: number[] = [];
  /** Term by id. */
  private readonly termById: string[] = [];
  private docs = 0;

  /** Counts one article's distinct terms; returns their ids in `terms.tf` order (for toIdentifiedVector). */
  addDocument(terms: VectorTerms): Int32Array {
    this.docs++;
    const out = new Int32Array(terms.tf.size);
    let k = 0;
    for (const t of terms.tf.keys()) {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.df.length;
        this.ids.set(t, id);
        this.df.push(1);
        this.termById.push(t);
      } else this.df[id]!++;
      out[k++] = id;
    }
    return out;
  }

  /**
   * Counts `documents` more articles that hold none of the counted terms. For a pool gathered around one article
   * (its search neighbours) that stands for the rest of the collection: IDF then keeps the scale of a stream's
   * (which the related stage's thresholds were tuned on) instead of a dozen-document pool's, where every word the
   * neighbours were found by looks common.
   */
  addEmptyDocuments(documents: number): void {
    this.docs += Math.max(0, Math.floor(documents));
  }

  /** Smoothed IDF: ln(1 + (N + 1) / (df + 1)); an unseen term is as rare as can be. */
  idf(term: string): number {
    return this.idfOfId(this.idOf(term));
  }

  /** IDF by term id (-1: a term never counted). */
  idfOfId(id: number): number {
    return Math.log(1 + (this.docs + 1) / ((id < 0 ? 0 : this.df[id]!) + 1));
  }

  /** The id of a counted term, else -1. */
  idOf(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** The term of an id `idOf` gave. */
  termOf(id: number): string {
    return this.termById[id]!;
  }

  /** Distinct terms counted: ids run from 0 to termCount - 1. */
  get termCount(): number {
    return this.df.length;
  }

  get documents(): number {
    return this.docs;
  }

  /** What the counts hold, as plain data (terms in id order): a stream's carry-over (StoryStream.carryOver). */
  toSnapshot(): TermStatsSnapshot {
    return { terms: [...this.termById], df: [...this.df], docs: this.docs };
  }

  /** Takes the counts of a snapshot (same ids, so postings and centroids index alike); only on empty stats. */
  restore(snapshot: TermStatsSnapshot): void {
    if (this.docs !== 0 || this.df.length !== 0) throw new Error("stories: restore into term stats in use");
    for (let id = 0; id < snapshot.terms.length; id++) {
      const term = snapshot.terms[id]!;
      this.ids.set(term, id);
      this.termById.push(term);
      this.df.push(snapshot.df[id]!);
    }
    this.docs = snapshot.docs;
  }
}

/** TermStats as plain data: `df[i]` is the document frequency of `terms[i]` (term id i). */
export interface TermStatsSnapshot {
  terms: string[];
  df: number[];
  docs: number;
}

/** Weights terms by (1 + ln tf) · idf, keeps the VECTOR_MAX_TERMS heaviest and L2-normalizes. */
export function toSparseVector(terms: VectorTerms, stats: TermStats): SparseVector {
  return toIdentifiedVector(terms, stats).vector;
}

/**
 * toSparseVector, with the stats' id of each kept term (parallel to `vector.terms`; -1 for a term `stats` never
 * counted): the story clusterer indexes its postings and centroids by id. `termIds`, when given, are what
 * `stats.addDocument(terms)` returned, so no term is looked up again.
 */
export function toIdentifiedVector(
  terms: VectorTerms,
  stats: TermStats,
  termIds?: Int32Array,
): { vector: SparseVector; ids: Int32Array } {
  const n = terms.tf.size;
  const all: string[] = new Array(n);
  const allIds = new Int32Array(n);
  const allWeights = new Float64Array(n);
  let k = 0;
  for (const [t, f] of terms.tf) {
    const id = termIds === undefined ? stats.idOf(t) : termIds[k]!;
    all[k] = t;
    allIds[k] = id;
    allWeights[k++] = (1 + Math.log(f)) * stats.idfOfId(id);
  }
  const kept = heaviestIndexes(allWeights, VECTOR_MAX_TERMS, (i) => all[i]!);
  kept.sort((a, b) => (all[a]! < all[b]! ? -1 : all[a]! > all[b]! ? 1 : 0));
  let norm = 0;
  for (const i of kept) norm += allWeights[i]! * allWeights[i]!;
  norm = Math.sqrt(norm) || 1;
  const vector: SparseVector = { terms: new Array(kept.length), weights: new Float64Array(kept.length) };
  const ids = new Int32Array(kept.length);
  for (let j = 0; j < kept.length; j++) {
    const i = kept[j]!;
    vector.terms[j] = all[i]!;
    vector.weights[j] = allWeights[i]! / norm;
    ids[j] = allIds[i]!;
  }
  return { vector, ids };
}

/**
 * Indexes of the `max` heaviest `weights`, ties by term (`termAt`, code-unit order), in no particular order: the
 * first `max` of a sort by (weight descending, term), found with one numeric sort of the weights instead of a
 * comparator sort of every term. `ascending`, when given, is the weights sorted ascending (the caller needs them too).
 */
export function heaviestIndexes(
  weights: Float64Array,
  max: number,
  termAt: (i: number) => string,
  ascending?: Float64Array,
): number[] {
  const n = weights.length;
  const kept: number[] = [];
  if (n <= max) {
    for (let i = 0; i < n; i++) kept.push(i);
    return kept;
  }
  // The max-th heaviest weight: every heavier one is kept, and the lightest terms of its ties fill the rest.
  const cut = (ascending ?? weights.slice().sort())[n - max]!;
  const tied: number[] = [];
  for (let i = 0; i < n; i++) {
    if (weights[i]! > cut) kept.push(i);
    else if (weights[i] === cut) tied.push(i);
  }
  const room = max - kept.length;
  if (tied.length > room) tied.sort((a, b) => (termAt(a) < termAt(b) ? -1 : 1));
  for (let i = 0; i < room; i++) kept.push(tied[i]!);
  return kept;
}

/** Cosine of two sparse unit vectors (a sorted merge). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** Time constant of a title key's recent rate: one day, a daily paper's news cycle. */
export const BURST_RECENT_HOURS = 24;
/** Time constant of its long-run rate: two weeks, long enough that daily templates look steady. */
export const BURST_BASELINE_HOURS = 14 * 24;
/**
 * Headlines per hour added to both rates: a key first seen once is not yet a burst (one title in 20 hours).
 * BURST_* values were set by reasoning, not tuned: only TITLE_KEY_*_POWER in story-clusterer.ts were.
 */
export const BURST_PRIOR_PER_HOUR = 0.05;
/** Largest burst ratio: a brand-new name should outweigh a common word, not silence the rest of the headline. */
export const BURST_RATIO_CAP = 8;

/**
 * Keys are forgotten once their two-week count has decayed below this (a key last seen about 7 weeks earlier):
 * memory follows the window, not the stream. A forgotten key reads as never seen, which moves its ratio by less
 * than 0.1% against BURST_PRIOR_PER_HOUR. Checked every BURST_PRUNE_EVERY added articles (stream positions, so
 * batching cannot change it).
 */
export const BURST_PRUNE_BELOW = 0.01;
export const BURST_PRUNE_EVERY = 5_000;

/** An exponentially decayed count: `value` as of `atMs`. */
interface DecayedCount {
  value: number;
  atMs: number;
}

const HOUR_MS = 3_600_000;

function decayed(c: DecayedCount | undefined, nowMs: number, tauHours: number): number {
  return c === undefined ? 0 : c.value * Math.exp(-(nowMs - c.atMs) / HOUR_MS / tauHours);
}

/** Hours' worth of a steady rate a decayed count with time constant `tauHours` holds after `elapsedHours`. */
function filledHours(elapsedHours: number, tauHours: number): number {
  return tauHours * (1 - Math.exp(-elapsedHours / tauHours));
}

function bump(counts: Map<string, DecayedCount>, key: string, nowMs: number, tauHours: number): void {
  const c = counts.get(key);
  if (c === undefined) counts.set(key, { value: 1, atMs: nowMs });
  else {
    c.value = decayed(c, nowMs, tauHours) + 1;
    c.atMs = nowMs;
  }
}

/** KeyBursts as plain data: [key, decayed count, as of ms] per key, in insertion order. */
export interface KeyBurstsSnapshot {
  recent: [string, number, number][];
  baseline: [string, number, number][];
  firstMs: number | null;
  lastMs: number | null;
  added: number;
}

/**
 * Headline burstiness of title keys, counted over the stream so far in stream order (so batching cannot change
 * it): each key's headline rate over the last day against its rate over the last two weeks. Daily templates
 * (market close, forecast, Eid greetings) stay near 1; an event's names (a bombed town, a visiting minister)
 * jump. Example: a key in 30 of today's titles and 2 a day before -> ratio about 9.
 */
export class KeyBursts {
  private readonly recent = new Map<string, DecayedCount>();
  private readonly baseline = new Map<string, DecayedCount>();
  private firstMs = Number.NaN;
  private lastMs = Number.NaN;

  private added = 0;

  /** Counts one article's distinct title keys at its time (call in stream order). */
  add(keys: readonly string[], timeMs: number): void {
    if (Number.isNaN(this.firstMs)) this.firstMs = timeMs;
    this.lastMs = timeMs;
    for (const k of keys) {
      bump(this.recent, k, timeMs, BURST_RECENT_HOURS);
      bump(this.baseline, k, timeMs, BURST_BASELINE_HOURS);
    }
    if (++this.added % BURST_PRUNE_EVERY === 0) this.prune(timeMs);
  }

  /** The decayed counts and stream times, as plain data (JSON-safe: null for "no article yet"). */
  toSnapshot(): KeyBurstsSnapshot {
    const counts = (m: Map<string, DecayedCount>) =>
      [...m].map(([k, c]) => [k, c.value, c.atMs] as [string, number, number]);
    return {
      recent: counts(this.recent),
      baseline: counts(this.baseline),
      firstMs: Number.isNaN(this.firstMs) ? null : this.firstMs,
      lastMs: Number.isNaN(this.lastMs) ? null : this.lastMs,
      added: this.added,
    };
  }

  /** Takes a snapshot's counts; only on a KeyBursts nothing was added to. */
  restore(snapshot: KeyBurstsSnapshot): void {
    if (this.added !== 0) throw new Error("stories: restore into key bursts in use");
    for (const [k, value, atMs] of snapshot.recent) this.recent.set(k, { value, atMs });
    for (const [k, value, atMs] of snapshot.baseline) this.baseline.set(k, { value, atMs });
    this.firstMs = snapshot.firstMs ?? Number.NaN;
    this.lastMs = snapshot.lastMs ?? Number.NaN;
    this.added = snapshot.added;
  }

  /** Keys tracked (the benchmark's memory check). */
  get size(): number {
    return this.baseline.size;
  }

  private prune(nowMs: number): void {
    for (const [k, c] of this.baseline) {
      if (decayed(c, nowMs, BURST_BASELINE_HOURS) >= BURST_PRUNE_BELOW) continue;
      this.baseline.delete(k);
      this.recent.delete(k);
    }
  }

  /**
   * Headlines that named `key` over the long run: its decayed count (time constant BURST_BASELINE_HOURS) as of the
   * newest article added, this one's own included; 0 before any. Example: a key in 10 headlines spread over the last
   * day and none before reads between 9.3 and 10.
   */
  longRunCount(key: string): number {
    if (Number.isNaN(this.lastMs)) return 0;
    return decayed(this.baseline.get(key), this.lastMs, BURST_BASELINE_HOURS);
  }

  /**
   * Recent over long-run headlines per hour, both smoothed by BURST_PRIOR_PER_HOUR, at most BURST_RATIO_CAP; 1 when
   * nothing is known.
   */
  ratio(key: string): number {
    if (Number.isNaN(this.lastMs)) return 1;
    // Each decayed count of a steady rate r tends to r·τ·(1 − e^(−elapsed/τ)); dividing by that factor makes a
    // steady key read 1 from the stream's first hours on.
    const elapsedHours = (this.lastMs - this.firstMs) / HOUR_MS + 1;
    const recent =
      decayed(this.recent.get(key), this.lastMs, BURST_RECENT_HOURS) /
      filledHours(elapsedHours, BURST_RECENT_HOURS);
    const baseline =
      decayed(this.baseline.get(key), this.lastMs, BURST_BASELINE_HOURS) /
      filledHours(elapsedHours, BURST_BASELINE_HOURS);
    return Math.min(BURST_RATIO_CAP, (recent + BURST_PRIOR_PER_HOUR) / (baseline + BURST_PRIOR_PER_HOUR));
  }
}
