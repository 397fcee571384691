/**
 * NearDuplicateIndex: finds earlier articles whose story text is a copy of a new one (MinHash LSH for
 * resemblance, a sampled-shingle index for containment, every candidate verified exactly, containment on the
 * shingles that are not stock phrases of the window). Dedupe stage, in-memory and deterministic; its state is
 * rebuilt by re-adding the articles in (time, id) order.
 */
import { AkhbarError } from "../../domain/errors.ts";
import { namesOtherInstance, namesSameInstances, toHeadlineOrdinals } from "../entities/headline-ordinals.ts";
import {
  type CopyRule,
  type CopyTest,
  compareShingles,
  copyTestOf,
  DAILY_TEMPLATE_MAX_OWN_SHARE,
  DAILY_TEMPLATE_MIN_DAYS,
  DAILY_TEMPLATE_MIN_HOURS,
  DEFAULT_COPY_RULE,
  type PairEvidence,
  REWRITE_LATE_MIN_TITLE_STEMS,
  rareLeadAgreementOf,
  rewriteMaxHoursOf,
  type ShingleOverlap,
} from "./compare-shingles.ts";
import { namesOtherPlaces, type TextPlaces, toTextPlaces } from "./lead-places.ts";
import { MINHASH_PERMUTATIONS, minhashSignature } from "./minhash-signature.ts";
import { isRecordedShingle, OutletPhraseDays } from "./outlet-phrase-days.ts";
import { PostingLists } from "./posting-lists.ts";
import { ShingleFrequency, STOCK_PHRASE_MIN_TEXTS } from "./shingle-frequency.ts";
import {
  DEFAULT_SHINGLE_OPTIONS,
  mix32,
  REWRITE_SHINGLE_WORDS,
  SHINGLE_WORDS,
  toLeadFigureHashes,
  toLeadHashes,
  toShingleHashes,
  toShingleHashesOfWords,
  toShingleWords,
  toWordHashes,
} from "./shingle-text.ts";

/**
 * LSH bands × rows (42 × 3 = 126 of the 128 slots): threshold ≈ (1/42)^(1/3) = 0.29; a pair is a candidate
 * with probability 0.94 at J = 0.4, 0.996 at J = 0.5 and 1.000 at J ≥ 0.6, so every resemblance the copy rule
 * accepts is almost surely seen, while unrelated news (J ≈ 0.01) almost never is (4e-5 per pair).
 */
export const LSH_BANDS = 42;
export const LSH_ROWS = 3;

/**
 * Containment index: shingles whose hash has its low SAMPLE_BITS bits zero (1 in 4) are posted; a shorter
 * copy's sampled shingles are then all inside the longer text's, whatever their resemblance (Broder 1997 §4).
 */
const SAMPLE_BITS = 2;
const SAMPLE_MASK = (1 << SAMPLE_BITS) - 1;

/**
 * Share of the smaller text's sampled shingles that must be shared for containment verification. Below the
 * copy rule's containment (0.7) with room for sampling noise on short texts.
 */
const CONTAINMENT_CANDIDATE_SHARE = 0.4;

/**
 * PostingLists longer than this are boilerplate shingles ("وكالة الانباء السعودية") and are not followed; a
 * real copy shares many other sampled shingles. Keeps per-article cost flat as the window fills.
 */
const MAX_FOLLOWED_POSTINGS = 48;

/**
 * A lead word found in at most this many leads of the window is rare (a name, a place, a figure) for the rewrite
 * test (compare-shingles.ts REWRITE_MIN_RARE_LEAD_AGREEMENT); formula words of a template lead ("بعث خادم الحرمين
 * الشريفين برقية تهنئة") are in dozens.
 */
export const RARE_LEAD_WORD_MAX_TEXTS = 8;

/**
 * A lead word found in more than this many leads of the window is a formula word for the containment tests
 * (compare-shingles.ts PairEvidence.distinctiveLeadAgreement): the titles of an office ("صاحب السمو الملكي الأمير
 * محمد بن سلمان ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع") or the wording every reaction to a
 * running story repeats ("تصريحات نائب الرئيس العراقي نوري المالكي ... راعية وداعمة للإرهاب") open each item of a
 * roundup as they open the item itself, so on all lead words a roundup "starts as" every item it carries. Measured on
 * the whole dev corpus (bench/stories/copy-diff.ts, 2026-11-30): 386 same-group pairs fewer (74 of 80 read were no
 * copies: roundups of the Cairo and Amman visits, the Maliki condemnations), 2 more; labelled copy groups and the
 * floor unchanged. About 1.5% of the window's leads; testdata/labels/README.md has the variants read.
 */
export const COMMON_LEAD_WORD_MAX_TEXTS = 100;

/**
 * Containment (of the shorter) below which two texts that a longer one carries are different items, so the longer one
 * is a roundup (NearDuplicateIndex.withoutRoundupCopies): alyaum's Gulf-reactions roundup carries the Kuwaiti
 * speaker's statement and the OIC's (about 1% alike), and as a copy of the first (lead agreement 0.56) it merged the
 * OIC statement's group into the speaker's, so the speaker's statement became a "copy" of the OIC's. Versions of one
 * text a longer one carries share most of the shorter. Measured (2026-11-30, helper "copyfix"; testdata/labels/
 * README.md, "Copies that name another instance, and roundups of different items"): 35 articles of the dev corpus read
 * as roundups; bench/stories/copy-diff.ts 11 same-group pairs fewer, none more, all 11 right (the crown prince's cable
 * to Oman apart from the King's cables, the Asir-bombing condemnation roundups apart from Bahrain's statement).
 */
export const ROUNDUP_ITEMS_MAX_CONTAINMENT = 0.2;

/**
 * Lead agreement (on words outside formulas, as for containment copies: COMMON_LEAD_WORD_MAX_TEXTS) a roundup needs
 * with a carried text to open with it and stay its copy (an item printed with another appended). Above the copy
 * rule's 0.5 (compare-shingles.ts COPY_MIN_LEAD_AGREEMENT) because a roundup's lead sums up every item it carries (the
 * Gulf-reactions roundup against the speaker's statement: 0.56). Without it (no carried text stays a copy) copy-diff
 * removed 44 pairs, among them pieces that open with the release they carry (the Google app item, the OPEC report, a
 * royal cable printed with another); with the share of the opening's shingles instead (0.8) 14, 3 of them wrong (print
 * editions that reword the first words of a release they keep: lead agreement 0.79-0.93).
 */
export const ROUNDUP_HEAD_MIN_LEAD_AGREEMENT = 0.75;

/**
 * Recorded shingles (OutletPhraseDays) two texts must share before the share of daily phrases among them decides
 * (compare-shingles.ts DAILY_TEMPLATE_*): about 4 × this many shingles in common.
 */
const DAILY_TEMPLATE_MIN_SHARED = 4;

/** True when both headlines name instances and none conflicts (entities/headline-ordinals.ts namesOtherInstance). */
function namesOneInstance(a: string[] | undefined, b: string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length > 0 && b.length > 0 && !namesOtherInstance(a, b);
}

/** Days an article stays in the index: copies in the dev corpus appear within days; notes §5.5 says 7–14. */
export const NEAR_DUPLICATE_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** What the index needs of an article: its shingles (sorted, distinct) and optionally a precomputed signature. */
export interface NearDuplicateFingerprint {
  shingles: Uint32Array;
  signature?: Uint32Array;
  /** Lead word hashes (shingle-text.ts toLeadHashes); without them leads count as agreeing. */
  lead?: Uint32Array;
  /**
   * Word hashes in text order (shingle-text.ts toWordHashes) for the rewrite test's word pairs, which the index
   * derives only for pairs that reach that test; without them the test never passes.
   */
  wordHashes?: Uint32Array;
  /** Publishing source, for the rewrite test: an outlet's second text on a release is its own update, not a copy. */
  sourceId?: string;
  /** Places its lead and text name (lead-places.ts toTextPlaces); without them no pair is a template by its places. */
  places?: TextPlaces;
  /** Headline words (sorted distinct stem hashes, toTitleHashes); without them the late rewrite test never passes. */
  title?: Uint32Array;
  /** Figures of the lead (shingle-text.ts toLeadFigureHashes); read with `lead` by the late copy test (mayJoinLate). */
  leadFigures?: Uint32Array;
  /**
   * The instances the headline names (entities/headline-ordinals.ts toHeadlineOrdinals); without them no pair is a
   * template by its ordinals.
   */
  ordinals?: string[];
}

/** Sorted distinct hashes of a headline's stop-word-free stems, what the late rewrite test compares. */
export function toTitleHashes(title: string): Uint32Array {
  return toShingleHashes(toShingleWords(title, DEFAULT_SHINGLE_OPTIONS, Number.POSITIVE_INFINITY), 1);
}

/**
 * An article's full fingerprint from its display text and headline (the late rewrite test reads the headline), and the
 * shingle words it was built from (the story stage reuses them as body terms). Example: two copies of one wire text
 * from two outlets give equal `shingles`.
 */
export function fingerprintText(
  text: string,
  sourceId: string,
  title = "",
): { words: string[]; fingerprint: Required<NearDuplicateFingerprint> } {
  const surface: string[] = [];
  const words = toShingleWords(text, DEFAULT_SHINGLE_OPTIONS, Number.POSITIVE_INFINITY, surface);
  const wordHashes = toWordHashes(words);
  const shingles = toShingleHashesOfWords(wordHashes, SHINGLE_WORDS);
  return {
    words,
    fingerprint: {
      shingles,
      signature: minhashSignature(shingles),
      lead: toLeadHashes(words),
      wordHashes,
      sourceId,
      places: toTextPlaces(surface),
      title: toTitleHashes(title),
      leadFigures: toLeadFigureHashes(surface),
      ordinals: toHeadlineOrdinals(title),
    },
  };
}

export interface NearDuplicateMatch extends ShingleOverlap {
  id: string;
  /** How the candidate was found: LSH band collision, sampled-containment postings, or both. */
  via: "lsh" | "containment" | "both";
  /** Which test of the copy rule it passed (compare-shingles.ts copyTestOf). */
  test: CopyTest;
}

/** What the index derives from a fingerprint: LSH band keys and the sampled shingles it posts. */
interface Derived {
  bandKeys: Uint32Array;
  samples: Uint32Array;
}

/** What verification derives once from the text being compared, reused across its candidates (evidenceOf). */
interface EvidenceScratch {
  distinctive?: Uint32Array;
  bigrams?: Uint32Array;
  words?: Uint32Array;
}

interface Entry {
  id: string;
  timeMs: number;
  shingles: Uint32Array;
  lead: Uint32Array | undefined;
  wordHashes: Uint32Array | undefined;
  /** Word pairs (REWRITE_SHINGLE_WORDS shingles), derived from `wordHashes` when first compared. */
  bigrams: Uint32Array | undefined;
  /** Distinct words (sorted hashes), derived from `wordHashes` when first compared by the rewrite test. */
  words: Uint32Array | undefined;
  sourceId: string | undefined;
  places: TextPlaces | undefined;
  title: Uint32Array | undefined;
  leadFigures: Uint32Array | undefined;
  ordinals: string[] | undefined;
  bandKeys: Uint32Array;
  samples: Uint32Array;
  alive: boolean;
}

function sampleOf(shingles: Uint32Array): Uint32Array {
  let n = 0;
  for (let i = 0; i < shingles.length; i++) if ((shingles[i]! & SAMPLE_MASK) === 0) n++;
  const out = new Uint32Array(n);
  n = 0;
  for (let i = 0; i < shingles.length; i++) if ((shingles[i]! & SAMPLE_MASK) === 0) out[n++] = shingles[i]!;
  return out;
}

function bandKeysOf(signature: Uint32Array): Uint32Array {
  const keys = new Uint32Array(LSH_BANDS);
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = b + 1;
    for (let r = 0; r < LSH_ROWS; r++) h = Math.imul(h ^ signature[b * LSH_ROWS + r]!, 0x9e3779b1);
    keys[b] = mix32(h);
  }
  return keys;
}

export interface NearDuplicateIndexOptions {
  windowDays?: number;
  rule?: CopyRule;
  /** Texts above which a shingle is a stock phrase (STOCK_PHRASE_MIN_TEXTS; Infinity turns the filter off). */
  stockPhraseMinTexts?: number;
}

/**
 * Usage: for each article in (time, id) order, `query` then `add`. `query` returns the verified copies among
 * indexed articles, best first (containment, then resemblance, then earlier insertion). Deterministic: the same
 * stream gives the same answers however it is batched.
 */
export class NearDuplicateIndex {
  /** Entries from slot `base` on; slots are stream positions, so postings never need renumbering. */
  private entries: Entry[] = [];
  private base = 0;
  private head = 0;
  private readonly bands: PostingLists[] = [];
  private readonly samplePostingLists = new PostingLists();
  private readonly slotById = new Map<string, number>();
  private readonly windowMs: number;
  private readonly rule: CopyRule;
  private readonly frequency = new ShingleFrequency();
  /** How many leads of the window contain each lead word (rare lead words for the rewrite test). */
  private readonly leadFrequency = new ShingleFrequency();
  /** On which days each outlet printed each recorded shingle (daily templates, DAILY_TEMPLATE_*). */
  private readonly phraseDays = new OutletPhraseDays();
  private readonly stockPhraseMinTexts: number;
  /** Candidates verified since construction (for the benchmark's cost breakdown). */
  verifiedCount = 0;
  /**
   * Per-query scratch indexed by entry position (slot - base), valid where `seenAt` holds the current query's
   * number: found by an LSH band, sampled shingles shared. Typed arrays instead of a Set and Maps per query.
   */
  private seenAt = new Uint32Array(0);
  private viaLsh = new Uint8Array(0);
  private sharedSamples = new Uint32Array(0);
  private queryNumber = 0;
  /** The last queried fingerprint and what query derived from it, so `add` right after does not derive it again. */
  private lastQueried: { fp: NearDuplicateFingerprint; derived: Derived } | undefined;

  constructor(options: NearDuplicateIndexOptions = {}) {
    this.windowMs = (options.windowDays ?? NEAR_DUPLICATE_WINDOW_DAYS) * DAY_MS;
    this.rule = options.rule ?? DEFAULT_COPY_RULE;
    this.stockPhraseMinTexts = options.stockPhraseMinTexts ?? STOCK_PHRASE_MIN_TEXTS;
    for (let b = 0; b < LSH_BANDS; b++) this.bands.push(new PostingLists());
  }

  /** Articles currently indexed. */
  get size(): number {
    return this.slotById.size;
  }

  /**
   * Verified copies of `fp` among indexed articles (all of them, best first). `timeMs` is the new article's time,
   * for the rewrite test (compare-shingles.ts REWRITE_MAX_HOURS); without it only overlap counts. With it, articles
   * older than the window before `timeMs` are evicted first, so the copies and the lead-word frequencies are those of
   * this article's window, as a stream replayed from that window's start holds them (evicting only at `add` had
   * left the previous article's window in place for the query: a restart found fewer copies).
   */
  query(fp: NearDuplicateFingerprint, timeMs?: number): NearDuplicateMatch[] {
    if (timeMs !== undefined) this.evictBefore(timeMs - this.windowMs);
    if (fp.shingles.length === 0) return [];
    const { bandKeys, samples } = this.derive(fp);
    this.lastQueried = { fp, derived: { bandKeys, samples } };
    const number = this.startQuery();
    const touched: number[] = [];
    const touch = (slot: number): number => {
      const at = slot - this.base;
      if (this.seenAt[at] !== number) {
        this.seenAt[at] = number;
        this.viaLsh[at] = 0;
        this.sharedSamples[at] = 0;
        touched.push(at);
      }
      return at;
    };
    for (let b = 0; b < LSH_BANDS; b++) {
      const list = this.bands[b]!.at(bandKeys[b]!);
      if (list === undefined) continue;
      if (typeof list === "number") this.viaLsh[touch(list)] = 1;
      else for (let i = 0; i < list.length; i++) this.viaLsh[touch(list[i]!)] = 1;
    }
    for (let s = 0; s < samples.length; s++) {
      const list = this.samplePostingLists.at(samples[s]!);
      if (list === undefined) continue;
      if (typeof list === "number") this.sharedSamples[touch(list)]!++;
      else if (list.length <= MAX_FOLLOWED_POSTINGS) {
        for (let i = 0; i < list.length; i++) this.sharedSamples[touch(list[i]!)]!++;
      }
    }
    const matches: (NearDuplicateMatch & { slot: number })[] = [];
    const scratch: EvidenceScratch = {};
    for (const at of touched) {
      const other = this.entries[at]!;
      const lsh = this.viaLsh[at] === 1;
      const count = this.sharedSamples[at]!;
      const need = Math.max(1, CONTAINMENT_CANDIDATE_SHARE * Math.min(samples.length, other.samples.length));
      const contained = count > 0 && count >= need;
      if (!lsh && !contained) continue;
      if (!other.alive) continue;
      const via: NearDuplicateMatch["via"] = lsh ? (contained ? "both" : "lsh") : "containment";
      this.verifiedCount++;
      const overlap = compareShingles(fp.shingles, other.shingles);
      // Stock phrases and leads are read only for pairs that resemblance and sure containment leave open.
      const evidence = (): PairEvidence => this.evidenceOf(fp, scratch, other, overlap, timeMs);
      const test = copyTestOf(overlap, this.rule, evidence);
      if (test !== null) matches.push({ id: other.id, via, test, slot: this.base + at, ...overlap });
    }
    const kept = this.withoutRoundupCopies(fp, matches);
    kept.sort((a, b) => b.containment - a.containment || b.jaccard - a.jaccard || a.slot - b.slot);
    return kept.map(({ slot: _slot, ...m }) => m);
  }

  /**
   * What verification reads of a pair beyond its overlap (PairEvidence), for a text `fp` at `timeMs` against an indexed
   * `other`; `scratch` keeps what is derived from `fp` once per query.
   */
  private evidenceOf(
    fp: NearDuplicateFingerprint,
    scratch: EvidenceScratch,
    other: Entry,
    overlap: ShingleOverlap,
    timeMs: number | undefined,
  ): PairEvidence {
    scratch.distinctive ??= this.distinctiveOf(fp.shingles);
    const leadAgreement =
      fp.lead === undefined || other.lead === undefined
        ? 1
        : compareShingles(fp.lead, other.lead).containment;
    const out: PairEvidence = {
      distinctive: compareShingles(scratch.distinctive, this.distinctiveOf(other.shingles)),
      leadAgreement,
    };
    if (fp.lead !== undefined && other.lead !== undefined) {
      out.distinctiveLeadAgreement = this.distinctiveLeadAgreementOf(fp.lead, other.lead, leadAgreement);
    }
    if (fp.places !== undefined && other.places !== undefined) {
      out.namesOtherPlaces = namesOtherPlaces(fp.places, other.places);
    }
    if (fp.ordinals !== undefined && other.ordinals !== undefined) {
      out.namesOtherInstance = namesOtherInstance(fp.ordinals, other.ordinals);
    }
    // Word pairs are compared only for pairs the rewrite test could pass on time, source and lead.
    const hoursApart =
      timeMs === undefined ? Number.POSITIVE_INFINITY : Math.abs(timeMs - other.timeMs) / HOUR_MS;
    // Daily phrases are read only for pairs on different days below the floor whose headlines name no one instance
    // (the relief flights' statements are one template too, and the sixth flight's versions a day apart are copies),
    // and only once another test has passed (copyTestOf calls it).
    if (
      timeMs !== undefined &&
      hoursApart >= DAILY_TEMPLATE_MIN_HOURS &&
      overlap.jaccard < this.rule.dailyTemplateMaxJaccard &&
      fp.sourceId !== undefined &&
      other.sourceId !== undefined
    ) {
      const sourceId = fp.sourceId;
      out.dailyTemplate = () =>
        !namesOneInstance(fp.ordinals, other.ordinals) &&
        this.sharesDailyPhrases(fp.shingles, sourceId, other, timeMs);
    }
    // Headlines are read only past the rewrite window; two empty ones compare as 0 (no headline, no late rewrite),
    // and so does a shorter headline under REWRITE_LATE_MIN_TITLE_STEMS ("حالة الطقس" heads every day's text).
    if (
      hoursApart > this.rule.rewriteMaxHours &&
      fp.title !== undefined &&
      other.title !== undefined &&
      Math.min(fp.title.length, other.title.length) >= REWRITE_LATE_MIN_TITLE_STEMS
    ) {
      out.titleAgreement = compareShingles(fp.title, other.title).containment;
    }
    if (
      fp.wordHashes !== undefined &&
      other.wordHashes !== undefined &&
      (fp.sourceId === undefined || fp.sourceId !== other.sourceId) &&
      hoursApart <= rewriteMaxHoursOf(out.titleAgreement, this.rule) &&
      leadAgreement >= this.rule.rewriteMinLeadAgreement
    ) {
      out.hoursApart = hoursApart;
      scratch.bigrams ??= toShingleHashesOfWords(fp.wordHashes, REWRITE_SHINGLE_WORDS);
      other.bigrams ??= toShingleHashesOfWords(other.wordHashes, REWRITE_SHINGLE_WORDS);
      out.bigrams = compareShingles(scratch.bigrams, other.bigrams);
      if (fp.ordinals !== undefined && other.ordinals !== undefined) {
        out.sameInstances = namesSameInstances(fp.ordinals, other.ordinals);
      }
      if (fp.lead !== undefined && other.lead !== undefined) {
        scratch.words ??= toShingleHashesOfWords(fp.wordHashes, 1);
        other.words ??= toShingleHashesOfWords(other.wordHashes, 1);
        out.rareLeadAgreement = rareLeadAgreementOf(
          this.rareOf(fp.lead),
          scratch.words,
          this.rareOf(other.lead),
          other.words,
        );
      }
    }
    return out;
  }

  /**
   * The matches of a new text `fp`, read as a roundup's when it carries two shorter texts that are different items
   * (ROUNDUP_ITEMS_MAX_CONTAINMENT): then it is a copy only of the carried texts it opens with
   * (ROUNDUP_HEAD_MIN_LEAD_AGREEMENT: an item with another appended), not of the others, those it holds whole (sure
   * containment) staying as containments. Carried: shorter, and matched on containment (resemblance below the copy
   * rule's). Returns `matches` itself when it is no roundup.
   */
  private withoutRoundupCopies<T extends NearDuplicateMatch & { slot: number }>(
    fp: NearDuplicateFingerprint,
    matches: T[],
  ): T[] {
    const carried = matches.filter(
      (m) =>
        m.test !== "rewrite" &&
        m.jaccard < this.rule.minJaccard &&
        this.entries[m.slot - this.base]!.shingles.length < fp.shingles.length,
    );
    if (carried.length < 2 || !this.holdsDifferentItems(carried)) return matches;
    const opensWith = (m: T): boolean => {
      const lead = this.entries[m.slot - this.base]!.lead;
      if (fp.lead === undefined || lead === undefined) return true;
      const agreement = compareShingles(fp.lead, lead).containment;
      return this.distinctiveLeadAgreementOf(fp.lead, lead, agreement) >= ROUNDUP_HEAD_MIN_LEAD_AGREEMENT;
    };
    const out: T[] = [];
    for (const m of matches) {
      if (!carried.includes(m) || opensWith(m)) out.push(m);
      else if (m.containment >= this.rule.sureContainment) out.push({ ...m, test: "contained" });
    }
    return out;
  }

  /** True when two of the texts are different items: each shares under ROUNDUP_ITEMS_MAX_CONTAINMENT of the other. */
  private holdsDifferentItems(texts: readonly { slot: number }[]): boolean {
    for (let i = 0; i < texts.length; i++) {
      const a = this.entries[texts[i]!.slot - this.base]!.shingles;
      for (let j = i + 1; j < texts.length; j++) {
        const b = this.entries[texts[j]!.slot - this.base]!.shingles;
        if (compareShingles(a, b).containment < ROUNDUP_ITEMS_MAX_CONTAINMENT) return true;
      }
    }
    return false;
  }

  /** Band keys and sampled shingles of a fingerprint (reused from the query just before for the same object). */
  private derive(fp: NearDuplicateFingerprint, id?: string): Derived {
    if (this.lastQueried?.fp === fp) return this.lastQueried.derived;
    const signature = fp.signature ?? minhashSignature(fp.shingles);
    if (signature.length !== MINHASH_PERMUTATIONS) {
      throw new AkhbarError(
        "dedupe.bad_signature",
        `dedupe: signature${id === undefined ? "" : ` of ${id}`} has ${signature.length} slots`,
      );
    }
    return { bandKeys: bandKeysOf(signature), samples: sampleOf(fp.shingles) };
  }

  /** A fresh query number, with the scratch arrays covering every entry position. */
  private startQuery(): number {
    if (this.seenAt.length < this.entries.length) {
      const size = Math.max(1024, this.entries.length * 2);
      this.seenAt = new Uint32Array(size);
      this.viaLsh = new Uint8Array(size);
      this.sharedSamples = new Uint32Array(size);
      this.queryNumber = 0;
    }
    if (this.queryNumber === 0xffffffff) {
      this.seenAt.fill(0);
      this.queryNumber = 0;
    }
    return ++this.queryNumber;
  }

  /**
   * Lead agreement of two leads on their words in at most COMMON_LEAD_WORD_MAX_TEXTS leads of the window, at most
   * `leadAgreement` (the agreement on all words); `leadAgreement` when either lead has no such word.
   */
  private distinctiveLeadAgreementOf(a: Uint32Array, b: Uint32Array, leadAgreement: number): number {
    const da = this.leadFrequency.distinctiveOf(a, COMMON_LEAD_WORD_MAX_TEXTS);
    const db = this.leadFrequency.distinctiveOf(b, COMMON_LEAD_WORD_MAX_TEXTS);
    if (da.length === 0 || db.length === 0) return leadAgreement;
    return Math.min(leadAgreement, compareShingles(da, db).containment);
  }

  /**
   * True when the shingles a new text (`shingles`, from `sourceId`, at `timeMs`) shares with `other` are mostly
   * phrases some outlet printed on DAILY_TEMPLATE_MIN_DAYS days of the window, the new text's outlet counting this day
   * (OutletPhraseDays, recorded shingles only): the share of the others is under DAILY_TEMPLATE_MAX_OWN_SHARE, over at
   * least DAILY_TEMPLATE_MIN_SHARED recorded shingles.
   */
  private sharesDailyPhrases(shingles: Uint32Array, sourceId: string, other: Entry, timeMs: number): boolean {
    const isDaily = this.phraseDays.dailyPhraseTest(
      timeMs - this.windowMs,
      timeMs,
      DAILY_TEMPLATE_MIN_DAYS,
      sourceId,
    );
    const b = other.shingles;
    let shared = 0;
    let daily = 0;
    for (let i = 0, j = 0; i < shingles.length && j < b.length; ) {
      const x = shingles[i]!;
      const y = b[j]!;
      if (x < y) i++;
      else if (y < x) j++;
      else {
        if (isRecordedShingle(x)) {
          shared++;
          if (isDaily(x)) daily++;
        }
        i++;
        j++;
      }
    }
    return shared >= DAILY_TEMPLATE_MIN_SHARED && (shared - daily) / shared < DAILY_TEMPLATE_MAX_OWN_SHARE;
  }

  /** Lead words in at most RARE_LEAD_WORD_MAX_TEXTS leads of the window; all of them when none is rare. */
  private rareOf(lead: Uint32Array): Uint32Array {
    const rare = this.leadFrequency.distinctiveOf(lead, RARE_LEAD_WORD_MAX_TEXTS);
    return rare.length === 0 ? lead : rare;
  }

  private distinctiveOf(shingles: Uint32Array): Uint32Array {
    return this.stockPhraseMinTexts === Number.POSITIVE_INFINITY
      ? shingles
      : this.frequency.distinctiveOf(shingles, this.stockPhraseMinTexts);
  }

  /**
   * Indexes an article (its shingles count towards the stock-phrase frequencies) and evicts those older than the
   * window before `timeMs`. Throws `dedupe.duplicate_id` if the id is already indexed.
   */
  add(id: string, timeMs: number, fp: NearDuplicateFingerprint): void {
    if (this.slotById.has(id)) {
      throw new AkhbarError(
        "dedupe.duplicate_id",
        `dedupe: article ${id} is already in the near-duplicate index`,
      );
    }
    this.evictBefore(timeMs - this.windowMs);
    if (fp.shingles.length === 0) return;
    const { bandKeys, samples } = this.derive(fp, id);
    this.lastQueried = undefined;
    const slot = this.base + this.entries.length;
    const entry: Entry = {
      id,
      timeMs,
      shingles: fp.shingles,
      lead: fp.lead,
      wordHashes: fp.wordHashes,
      bigrams: undefined,
      words: undefined,
      sourceId: fp.sourceId,
      places: fp.places,
      title: fp.title,
      leadFigures: fp.leadFigures,
      ordinals: fp.ordinals,
      bandKeys,
      samples,
      alive: true,
    };
    this.frequency.addText(fp.shingles);
    if (fp.sourceId !== undefined) this.phraseDays.addText(fp.sourceId, timeMs, fp.shingles);
    if (fp.lead !== undefined) this.leadFrequency.addText(fp.lead);
    this.entries.push(entry);
    this.slotById.set(id, slot);
    for (let b = 0; b < LSH_BANDS; b++) this.bands[b]!.push(bandKeys[b]!, slot);
    for (let i = 0; i < samples.length; i++) this.samplePostingLists.push(samples[i]!, slot);
  }

  /**
   * True when two indexed articles are copies of each other under the copy rule, verified as the later one's query
   * verified its candidates (every test and veto, the window's phrase frequencies as they are now), a containment
   * ("contained") not counting: whether two outlets' versions that a new article copies are versions of one text
   * (duplicate-groups.ts DuplicateGroups.mergeIdsOf). False when either has left the index.
   * Example: the alyaum and alwatan versions of one release, each a rewrite of the other -> true.
   */
  isCopyPair(idA: string, idB: string): boolean {
    const slotA = this.slotById.get(idA);
    const slotB = this.slotById.get(idB);
    if (slotA === undefined || slotB === undefined || slotA === slotB) return false;
    const later = this.entries[Math.max(slotA, slotB) - this.base]!;
    const earlier = this.entries[Math.min(slotA, slotB) - this.base]!;
    const overlap = compareShingles(later.shingles, earlier.shingles);
    const scratch: EvidenceScratch = {};
    const evidence = (): PairEvidence => this.evidenceOf(later, scratch, earlier, overlap, later.timeMs);
    const test = copyTestOf(overlap, this.rule, evidence);
    return test !== null && test !== "contained";
  }

  /**
   * The lead words and lead figures of an indexed article (what the late copy test reads, compare-shingles.ts
   * mayJoinLate); undefined when it is not indexed (evicted with the window, or indexed without them).
   */
  leadOf(id: string): { lead: Uint32Array; leadFigures: Uint32Array } | undefined {
    const slot = this.slotById.get(id);
    const entry = slot === undefined ? undefined : this.entries[slot - this.base];
    if (entry?.lead === undefined || entry.leadFigures === undefined) return undefined;
    return { lead: entry.lead, leadFigures: entry.leadFigures };
  }

  /** Removes articles indexed with a time before `cutoffMs`, oldest insertion first. */
  evictBefore(cutoffMs: number): void {
    while (this.head < this.entries.length && this.entries[this.head]!.timeMs < cutoffMs) {
      this.remove(this.head);
      this.head++;
    }
    // Drop evicted entries once they are half the array, so memory follows the window, not the stream.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.base += this.head;
      this.head = 0;
    }
  }

  private remove(at: number): void {
    const entry = this.entries[at]!;
    const slot = this.base + at;
    if (!entry.alive) return;
    entry.alive = false;
    this.slotById.delete(entry.id);
    for (let b = 0; b < LSH_BANDS; b++) this.bands[b]!.drop(entry.bandKeys[b]!, slot);
    for (let i = 0; i < entry.samples.length; i++) this.samplePostingLists.drop(entry.samples[i]!, slot);
    this.frequency.removeText(entry.shingles);
    if (entry.lead !== undefined) this.leadFrequency.removeText(entry.lead);
    entry.shingles = new Uint32Array(0);
    entry.lead = undefined;
    entry.wordHashes = undefined;
    entry.bigrams = undefined;
    entry.words = undefined;
    entry.places = undefined;
    entry.title = undefined;
    entry.leadFigures = undefined;
    entry.ordinals = undefined;
    entry.samples = new Uint32Array(0);
  }
}
