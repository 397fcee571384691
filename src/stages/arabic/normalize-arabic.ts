/**
 * Arabic normalization for matching (notes/arabic-nlp.md §5): the one fold every index and query word goes through.
 * Pure. Runs on every word of every article, so the combined fold is a single lookup table, not a regex chain.
 */

/** A character rule: the code point and what it becomes ("" deletes it). */
type CharRule = readonly [from: number, to: string];

/** Bidi controls, zero-width characters and the soft hyphen: invisible, never part of a word's identity. */
export const INVISIBLE_RULES: readonly CharRule[] = [
  [0x00ad, ""], // SOFT HYPHEN
  [0x061c, ""], // ARABIC LETTER MARK
  [0x200b, ""], // ZERO WIDTH SPACE
  [0x200c, ""], // ZERO WIDTH NON-JOINER
  [0x200d, ""], // ZERO WIDTH JOINER
  [0x200e, ""], // LEFT-TO-RIGHT MARK
  [0x200f, ""], // RIGHT-TO-LEFT MARK
  [0x202a, ""], // LEFT-TO-RIGHT EMBEDDING
  [0x202b, ""], // RIGHT-TO-LEFT EMBEDDING
  [0x202c, ""], // POP DIRECTIONAL FORMATTING
  [0x202d, ""], // LEFT-TO-RIGHT OVERRIDE
  [0x202e, ""], // RIGHT-TO-LEFT OVERRIDE
  [0x2060, ""], // WORD JOINER
  [0x2066, ""], // LEFT-TO-RIGHT ISOLATE
  [0x2067, ""], // RIGHT-TO-LEFT ISOLATE
  [0x2068, ""], // FIRST STRONG ISOLATE
  [0x2069, ""], // POP DIRECTIONAL ISOLATE
  [0xfeff, ""], // ZERO WIDTH NO-BREAK SPACE (byte order mark)
];

/** Deletes every code point in [first, last]. */
function deleteRange(first: number, last: number): CharRule[] {
  const rules: CharRule[] = [];
  for (let cp = first; cp <= last; cp++) rules.push([cp, ""]);
  return rules;
}

/**
 * Harakat, tanwin, shadda, sukun, superscript alef and Quranic annotation marks: optional in news text
 * (1.75 % of tokens carry one, notes §1.9), so they never decide a match.
 */
export const TASHKEEL_RULES: readonly CharRule[] = [
  ...deleteRange(0x0610, 0x061a), // ARABIC SIGN SALLALLAHOU ALAYHE WASSALLAM .. ARABIC SMALL KASRA
  ...deleteRange(0x064b, 0x065f), // ARABIC FATHATAN .. ARABIC WAVY HAMZA BELOW
  [0x0670, ""], // ARABIC LETTER SUPERSCRIPT ALEF
  ...deleteRange(0x06d6, 0x06ed), // ARABIC SMALL HIGH LIGATURE SAD WITH LAM WITH ALEF MAKSURA .. ARABIC SMALL LOW MEEM
];

/** Tatweel stretches a word for layout (الســلام) and carries no meaning. */
export const TATWEEL_RULES: readonly CharRule[] = [
  [0x0640, ""], // ARABIC TATWEEL
];

/** Hamza and madda seats on alef, and alef wasla: news text writes bare alef for all of them (notes §1.9). */
export const ALEF_RULES: readonly CharRule[] = [
  [0x0622, "\u0627"], // ARABIC LETTER ALEF WITH MADDA ABOVE -> ALEF
  [0x0623, "\u0627"], // ARABIC LETTER ALEF WITH HAMZA ABOVE -> ALEF
  [0x0625, "\u0627"], // ARABIC LETTER ALEF WITH HAMZA BELOW -> ALEF
  [0x0671, "\u0627"], // ARABIC LETTER ALEF WASLA -> ALEF
  [0x0672, "\u0627"], // ARABIC LETTER ALEF WITH WAVY HAMZA ABOVE -> ALEF
  [0x0673, "\u0627"], // ARABIC LETTER ALEF WITH WAVY HAMZA BELOW -> ALEF
  [0x0675, "\u0627"], // ARABIC LETTER HIGH HAMZA ALEF -> ALEF
];

/** Final alef maksura and yeh are interchangeable in Egyptian and much web spelling (على / علي). */
export const YEH_RULES: readonly CharRule[] = [
  [0x0649, "\u064a"], // ARABIC LETTER ALEF MAKSURA -> YEH
];

/** Teh marbuta is often written as heh (حكومه); the light stemmer also expects heh. */
export const TEH_MARBUTA_RULES: readonly CharRule[] = [
  [0x0629, "\u0647"], // ARABIC LETTER TEH MARBUTA -> HEH
];

/** Hamza on waw and yeh seats varies by spelling convention (مسؤول / مسئول): fold both to the bare hamza. */
export const HAMZA_SEAT_RULES: readonly CharRule[] = [
  [0x0624, "\u0621"], // ARABIC LETTER WAW WITH HAMZA ABOVE -> HAMZA
  [0x0626, "\u0621"], // ARABIC LETTER YEH WITH HAMZA ABOVE -> HAMZA
];

/**
 * A rule that depends on the unit's word: the code point becomes `to` when the next unit the fold keeps is `before`
 * and `holdsAfter` accepts the folded Arabic letters of the word before it; elsewhere the plain rules decide.
 */
interface ContextRule {
  readonly from: number;
  readonly before: number;
  readonly to: string;
  readonly holdsAfter: (lettersBefore: string) => boolean;
}

/**
 * The definite article with the proclitics written before it (والطوارىء, للقارىء): not part of the stem that
 * decides whether ى is a hamza seat. Folded spellings; the longest is tried first.
 */
const ARTICLE_PREFIXES: readonly string[] = ["ولل", "فلل", "وال", "فال", "بال", "كال", "ال", "لل"];

/**
 * Letters of a stem before ىء that make ى a hamza seat: seat words put the seat after a stem of three letters or
 * more (طوار-ىء, شاط-ىء, قار-ىء, مباد-ىء, تمتل-ىء), while words built like شيء write a real yeh there after one or
 * two (شىء, سىء, بطىء, برىء, مجىء, ملىء: Egyptian-style spelling writes final ي as ى). Dev corpus: 58 ىء words,
 * 195 tokens; with the yeh rule of isHamzaSeatAfter this agrees with the commoner of each word's يء and ئ spellings
 * on all but بدىء and الصدىء (2 tokens, seats after two letters). Known limit: proclitics without the article count
 * as stem letters, so وبرىء and ومجىء read as seats; stripping و or ف would break فوجىء and واطىء.
 */
const SEAT_STEM_MIN_LETTERS = 3;

/**
 * Letters before ى that decide whether it is a seat: with this many, whatever article prefix is set aside, a stem of
 * SEAT_STEM_MIN_LETTERS remains, so more letters cannot change isHamzaSeatAfter's answer (its yeh check reads only the
 * last one).
 */
const SEAT_LOOKBACK_LETTERS = SEAT_STEM_MIN_LETTERS + Math.max(...ARTICLE_PREFIXES.map((p) => p.length));

/** Whether ى before ء, after these folded letters of its word, is a hamza seat (see HAMZA_SEAT_CONTEXT_RULES). */
function isHamzaSeatAfter(lettersBefore: string): boolean {
  // After a yeh the ى cannot be the word's yeh too: سيىء and شيىء spell سيئ and شيء (ي then the seat).
  if (lettersBefore.endsWith("\u064a")) return true;
  let stem = lettersBefore;
  for (const article of ARTICLE_PREFIXES) {
    if (stem.startsWith(article)) {
      stem = stem.slice(article.length);
      break;
    }
  }
  return stem.length >= SEAT_STEM_MIN_LETTERS;
}

/**
 * Alef maksura as a hamza seat: "ىء" is a common spelling of ئ (الطوارىء, هادىء, مبادىء, شاطىء: 195 tokens of 58
 * words in the dev corpus, whose ئ spellings have 5,053), so before a hamza, after a stem long enough to end in a
 * seat (isHamzaSeatAfter), ى folds away and the pair meets ئ's fold. Elsewhere ى is yeh (YEH_RULES): شىء meets شيء,
 * not شؤون (شىء -> شيء, الطوارىء -> الطوارء). يء stays apart: folding it too would merge المريء with المرء (197
 * tokens) and بطيء with بطء.
 */
export const HAMZA_SEAT_CONTEXT_RULES: readonly ContextRule[] = [
  // ARABIC LETTER ALEF MAKSURA before ARABIC LETTER HAMZA -> deleted (ىء -> ء, as ئ -> ء)
  { from: 0x0649, before: 0x0621, to: "", holdsAfter: isHamzaSeatAfter },
];

/**
 * Persian and Urdu letters that appear in pasted names and keyboard layouts (کابول), mapped to the Arabic
 * letter a reader takes them for. Farsi teh marbuta goes straight to heh so the fold stays idempotent.
 */
export const PERSIAN_LETTER_RULES: readonly CharRule[] = [
  [0x06a9, "\u0643"], // ARABIC LETTER KEHEH -> KAF
  [0x06aa, "\u0643"], // ARABIC LETTER SWASH KAF -> KAF
  [0x06af, "\u0643"], // ARABIC LETTER GAF -> KAF
  [0x06cc, "\u064a"], // ARABIC LETTER FARSI YEH -> YEH
  [0x06d0, "\u064a"], // ARABIC LETTER E -> YEH
  [0x06d2, "\u064a"], // ARABIC LETTER YEH BARREE -> YEH
  [0x06c0, "\u0647"], // ARABIC LETTER HEH WITH YEH ABOVE -> HEH
  [0x06c1, "\u0647"], // ARABIC LETTER HEH GOAL -> HEH
  [0x06d5, "\u0647"], // ARABIC LETTER AE -> HEH
  [0x06be, "\u0647"], // ARABIC LETTER HEH DOACHASHMEE -> HEH
  [0x06c3, "\u0647"], // ARABIC LETTER TEH MARBUTA GOAL -> HEH (via teh marbuta)
  [0x067e, "\u0628"], // ARABIC LETTER PEH -> BEH
  [0x0686, "\u062c"], // ARABIC LETTER TCHEH -> JEEM
  [0x0698, "\u0632"], // ARABIC LETTER JEH -> ZAIN
  [0x06a4, "\u0641"], // ARABIC LETTER VEH -> FEH
  [0x06a5, "\u0641"], // ARABIC LETTER FEH WITH DOT BELOW -> FEH
  [0x06a8, "\u0642"], // ARABIC LETTER QAF WITH THREE DOTS ABOVE -> QAF
];

/** Arabic-Indic and Persian digits and separators: numbers must match whichever digits the outlet used. */
export const DIGIT_RULES: readonly CharRule[] = [
  ...Array.from({ length: 10 }, (_, d): CharRule => [0x0660 + d, String(d)]), // ARABIC-INDIC DIGIT ZERO .. NINE
  ...Array.from({ length: 10 }, (_, d): CharRule => [0x06f0 + d, String(d)]), // EXTENDED ARABIC-INDIC DIGIT ZERO .. NINE
  [0x066b, "."], // ARABIC DECIMAL SEPARATOR
  [0x066c, ","], // ARABIC THOUSANDS SEPARATOR
  [0x066a, "%"], // ARABIC PERCENT SIGN
];

/** Marks a table slot that deletes its character. */
const DELETE = -1;
/** Marks a table slot whose fold depends on its word around it: see the fold's context rules. */
const CONTEXTUAL = -3;

/** What a CONTEXTUAL slot's unit becomes: `to` where its context rule holds, `otherwise` elsewhere. */
interface ContextFold {
  readonly before: number;
  readonly to: number;
  readonly otherwise: number;
  readonly holdsAfter: (lettersBefore: string) => boolean;
}

/**
 * A fold: a BMP lookup table (identity except for the rules), so a fold is one array read per character, and the
 * context rules of its CONTEXTUAL slots, with what the unit becomes when the context does not hold.
 */
interface Fold {
  readonly table: Int32Array;
  readonly contexts: ReadonlyMap<number, ContextFold>;
}

function buildFold(
  rules: readonly CharRule[],
  contextRules: readonly ContextRule[],
  lowercase: boolean,
): Fold {
  const table = buildTable(rules, lowercase);
  const contexts = new Map<number, ContextFold>();
  for (const { from, before, to, holdsAfter } of contextRules) {
    contexts.set(from, {
      before,
      to: to === "" ? DELETE : to.charCodeAt(0),
      otherwise: table[from]!,
      holdsAfter,
    });
    table[from] = CONTEXTUAL;
  }
  return { table, contexts };
}

/** Per code unit: 1 for a letter of the Arabic script, what a context rule's look-behind counts as its word. */
const ARABIC_LETTER = buildArabicLetter();

function buildArabicLetter(): Uint8Array {
  const letter = new Uint8Array(0x10000);
  const arabic = /^(?=\p{L})\p{Script=Arabic}$/u;
  for (let cp = 0x0600; cp < 0x0900; cp++) if (arabic.test(String.fromCharCode(cp))) letter[cp] = 1;
  return letter;
}

/**
 * What the CONTEXTUAL unit at s[i] becomes: its context rule's `to` when the next unit the fold keeps is the rule's
 * `before` and the rule holds after the folded Arabic letters of the word before s[i] (read back to the first unit
 * the fold keeps that is no Arabic letter: the tokenizer's word never starts after an Arabic letter, so a word read
 * alone and inside its text fold alike). The look-behind runs only once the look-ahead matched (ىء is rare).
 */
function foldInContext(s: string, i: number, fold: Fold): number {
  const rule = fold.contexts.get(s.charCodeAt(i))!;
  let j = i + 1;
  while (j < s.length && fold.table[s.charCodeAt(j)] === DELETE) j++;
  if (j === s.length || s.charCodeAt(j) !== rule.before) return rule.otherwise;
  let letters = "";
  // At most SEAT_LOOKBACK_LETTERS letters: a word without spaces may be a whole text (2 MB of "ىء" read back to its
  // start for every ى was quadratic: 64k characters took 13 s to tokenize).
  for (let k = i - 1; k >= 0 && letters.length < SEAT_LOOKBACK_LETTERS; k--) {
    let m = fold.table[s.charCodeAt(k)]!;
    if (m === DELETE) continue;
    // An earlier CONTEXTUAL unit is never itself before `before` (this unit comes next), so it is its `otherwise`.
    if (m === CONTEXTUAL) m = fold.contexts.get(s.charCodeAt(k))!.otherwise;
    if (m < 0 || ARABIC_LETTER[m] !== 1) break;
    letters = String.fromCharCode(m) + letters;
  }
  return rule.holdsAfter(letters) ? rule.to : rule.otherwise;
}

/** Builds the lookup table of plain rules. */
function buildTable(rules: readonly CharRule[], lowercase: boolean): Int32Array {
  const table = new Int32Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) table[cp] = cp;
  if (lowercase) {
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // lone surrogates have no case
      const lower = String.fromCharCode(cp).toLowerCase();
      // U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE lowercases to two code units; "i" is what readers search for.
      if (lower.length === 1) table[cp] = lower.charCodeAt(0);
      else if (cp === 0x0130) table[cp] = 0x69;
    }
  }
  for (const [from, to] of rules) table[from] = to === "" ? DELETE : to.charCodeAt(0);
  return table;
}

/** Applies a fold; returns the input itself when nothing changes (the common case for most words). */
function applyFold(s: string, fold: Fold): string {
  const { table } = fold;
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (table[c] !== c) break;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    let m = table[c]!;
    if (m === c) {
      out += s[i];
      continue;
    }
    if (m === CONTEXTUAL) m = foldInContext(s, i, fold);
    if (m !== DELETE) out += String.fromCharCode(m);
  }
  return out;
}

/** Makes a named fold from its rules. */
function makeFold(
  rules: readonly CharRule[],
  contextRules: readonly ContextRule[] = [],
): (s: string) => string {
  const fold = buildFold(rules, contextRules, false);
  return (s) => applyFold(s, fold);
}

/** Removes bidi controls, zero-width characters and the soft hyphen: "م\u200fصر" -> "مصر". */
export const stripInvisibles = makeFold(INVISIBLE_RULES);
/** Removes harakat and Quranic marks: "مُحَمَّد" -> "محمد". */
export const stripTashkeel = makeFold(TASHKEEL_RULES);
/** Removes tatweel: "الســلام" with U+0640 stretches -> "السلام". */
export const stripTatweel = makeFold(TATWEEL_RULES);
/** Folds أ إ آ ٱ (and rarer seats) to bare alef: "إسرائيل" -> "اسرائيل". */
export const foldAlef = makeFold(ALEF_RULES);
/** Folds alef maksura to yeh: "على" -> "علي". */
export const foldYeh = makeFold(YEH_RULES);
/** Folds teh marbuta to heh: "حكومة" -> "حكومه". */
export const foldTehMarbuta = makeFold(TEH_MARBUTA_RULES);
/**
 * Folds hamza on waw/yeh seats, and ى before hamza after a long stem, to bare hamza: "مسئول" -> "مسءول",
 * "الطوارىء" -> "الطوارء".
 */
export const foldHamzaSeats = makeFold(HAMZA_SEAT_RULES, HAMZA_SEAT_CONTEXT_RULES);
/** Folds Persian/Urdu letters to Arabic ones: "کابول" (U+06A9) -> "كابول". */
export const foldPersianLetters = makeFold(PERSIAN_LETTER_RULES);
/** Folds Arabic-Indic and Persian digits and separators to ASCII: "٢٠١٥" -> "2015", "٥٪" -> "5%". */
export const foldDigits = makeFold(DIGIT_RULES);

/** Every rule of the §5 chain; no two rules share a source character, so their order does not matter. */
const ALL_RULES: readonly CharRule[] = [
  ...INVISIBLE_RULES,
  ...TASHKEEL_RULES,
  ...TATWEEL_RULES,
  ...ALEF_RULES,
  ...YEH_RULES,
  ...TEH_MARBUTA_RULES,
  ...HAMZA_SEAT_RULES,
  ...PERSIAN_LETTER_RULES,
  ...DIGIT_RULES,
];

/** The combined fold of every rule plus lowercasing. */
const NORMALIZE = buildFold(ALL_RULES, HAMZA_SEAT_CONTEXT_RULES, true);

/**
 * Per code unit: 0 = Unicode normalization cannot change it, 1 = NFC might (combining marks that compose,
 * characters outside the scripts we fold), 2 = presentation form (needs NFKC, notes §5).
 */
const COMPOSE_CLASS = buildComposeClass();

function buildComposeClass(): Uint8Array {
  const cls = new Uint8Array(0x10000);
  for (let cp = 0x0300; cp < 0x10000; cp++) cls[cp] = 1;
  // Latin-1, Latin Extended, IPA and spacing modifiers are all NFC-stable on their own.
  // Arabic block: everything except the three marks that compose with a preceding letter is NFC-stable.
  for (let cp = 0x0370; cp <= 0x06ff; cp++) cls[cp] = 0;
  cls[0x0653] = 1; // ARABIC MADDA ABOVE (composes ا into آ)
  cls[0x0654] = 1; // ARABIC HAMZA ABOVE (composes ا و ي ه ے into their hamza forms)
  cls[0x0655] = 1; // ARABIC HAMZA BELOW (composes ا into إ)
  // Greek and Cyrillic combining marks live in 0370-06FF too; let NFC handle them.
  for (let cp = 0x0483; cp <= 0x0489; cp++) cls[cp] = 1; // COMBINING CYRILLIC TITLO .. MILLIONS SIGN
  for (let cp = 0x0591; cp <= 0x05c7; cp++) cls[cp] = 1; // HEBREW ACCENT ETNAHTA .. HEBREW POINT QAMATS QATAN
  for (let cp = 0x2000; cp <= 0x206f; cp++) cls[cp] = 0; // General Punctuation: spaces, dashes, invisibles
  cls[0x0374] = 1; // GREEK NUMERAL SIGN: a canonical singleton (NFC maps it to U+02B9)
  cls[0x037e] = 1; // GREEK QUESTION MARK: a canonical singleton (NFC maps it to ";")
  cls[0x0387] = 1; // GREEK ANO TELEIA: a canonical singleton (NFC maps it to U+00B7)
  for (let cp = 0xfb50; cp <= 0xfdff; cp++) cls[cp] = 2; // Arabic Presentation Forms-A
  for (let cp = 0xfe70; cp <= 0xfefe; cp++) cls[cp] = 2; // Arabic Presentation Forms-B (U+FEFF is an invisible)
  cls[0xfeff] = 0;
  return cls;
}

/** UNIT_FOLD value of a unit that normalizeArabic deletes. */
export const UNIT_DELETED = DELETE;
/** UNIT_FOLD value of a unit that Unicode normalization may change: only normalizeArabic on the whole word tells. */
export const UNIT_NEEDS_NORMALIZE = -2;
/** UNIT_FOLD value of a unit whose fold depends on its word around it (ى before ء): unitFoldAt tells. */
export const UNIT_CONTEXTUAL = CONTEXTUAL;

/**
 * Per code unit, what normalizeArabic makes of it: the folded unit, UNIT_DELETED, UNIT_CONTEXTUAL or
 * UNIT_NEEDS_NORMALIZE. In a word without UNIT_NEEDS_NORMALIZE units the normal form is exactly this fold, unit by
 * unit, with UNIT_CONTEXTUAL units resolved by unitFoldAt, so callers can read a word's normal form without building
 * it (the tokenizer and snippets do; most words of news text are their own normal form: every unit maps to itself).
 */
export const UNIT_FOLD = buildUnitFold();

function buildUnitFold(): Int32Array {
  const fold = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++)
    fold[c] = COMPOSE_CLASS[c] === 0 ? NORMALIZE.table[c]! : UNIT_NEEDS_NORMALIZE;
  return fold;
}

/**
 * UNIT_FOLD of the unit s[i], a UNIT_CONTEXTUAL unit resolved as normalizeArabic folds it there (never
 * UNIT_CONTEXTUAL). Examples: ("الطوارىء", 6) -> UNIT_DELETED (ى before ء), ("على", 2) -> 0x064a (ARABIC LETTER YEH),
 * ("شىء", 1) -> 0x064a (ى before ء after a one-letter stem).
 */
export function unitFoldAt(s: string, i: number): number {
  const unit = UNIT_FOLD[s.charCodeAt(i)]!;
  return unit === UNIT_CONTEXTUAL ? foldInContext(s, i, NORMALIZE) : unit;
}

/**
 * Normalizes text for matching, per notes §5: NFKC when Arabic presentation forms are present (else NFC);
 * drops invisibles, harakat, Quranic marks and tatweel; folds alef seats, ى, ة, ؤ/ئ (and ى before ء after a
 * stem of three letters, a seat too), Persian letters and digits; lowercases. Idempotent. Never use the result for
 * display.
 * Example: "الأَمريكيّة ٢٠١٥" -> "الامريكيه 2015".
 */
export function normalizeArabic(s: string): string {
  let compose = 0;
  for (let i = 0; i < s.length; i++) {
    const cls = COMPOSE_CLASS[s.charCodeAt(i)]!;
    if (cls > compose) {
      compose = cls;
      if (cls === 2) break;
    }
  }
  if (compose === 0) return applyFold(s, NORMALIZE);
  // Slow path (rare): deleting an invisible can bring a base letter next to a combining mark, so compose
  // once more after folding; this keeps the function idempotent.
  const folded = applyFold(s.normalize(compose === 2 ? "NFKC" : "NFC"), NORMALIZE);
  const recomposed = folded.normalize("NFC");
  return recomposed === folded ? folded : applyFold(recomposed, NORMALIZE);
}

/**
 * A table keyed by each word's normalized form, for rules written as texts write them: looked up with a token's
 * norm. Example: normalizedTable([["أغسطس", 8]]).get(normalizeArabic("اغسطس")) -> 8.
 */
export function normalizedTable<V>(rows: readonly (readonly [string, V])[]): Map<string, V> {
  return new Map(rows.map(([w, v]) => [normalizeArabic(w), v] as const));
}
