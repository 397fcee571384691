/**
 * Numbers a news text writes in words, with their value (pipeline step 7): "ثلاثة آلاف وخمسمائة" = 3500, "خمسة
 * وعشرون" = 25, "إحدى عشرة" = 11, "مئتي ألف" = 200000, "نصف مليون" = 500000, and digits with a scale word ("2.5
 * مليار" = 2.5e9, "3 ملايين", "27 ألفاً", "7,213.45 مليون", "322\u060c8 مليار"). Numbers written in digits alone are
 * numbers already and are not listed, except a range's low end that takes the high end's scale ("بين 100 و150
 * مليار": 100e9 and 150e9, each end a mention); a minus word makes a number with a scale word or a unit
 * of measure negative ("ناقص 6.5 مليار" = -6.5e9; "ناقص ثلاثة لاعبين" is three short).
 * Ordinals (الخامس) are days and ranks, read by find-dates. Pure: text in, mentions out.
 */
import { normalizeArabic, normalizedTable } from "../arabic/normalize-arabic.ts";
import { isSpaceOnly, type Token, tokenize } from "../arabic/tokenize.ts";

/** One number a text writes with words. */
export interface NumberMention {
  /** The words as the text writes them. */
  text: string;
  /** Where in the text: `text.slice(start, end)`. */
  start: number;
  end: number;
  value: number;
}

const n = (w: string) => normalizeArabic(w);
const table = normalizedTable<number>;

/** Units, both genders and the cases of two ("ثلاث"/"ثلاثة", "اثنان"/"اثنين"/"اثنتا"). */
const UNITS = table([
  ["واحد", 1],
  ["واحدة", 1],
  ["واحدا", 1],
  ["اثنان", 2],
  ["اثنين", 2],
  ["اثنتان", 2],
  ["اثنتين", 2],
  ["ثلاث", 3],
  ["ثلاثة", 3],
  ["أربع", 4],
  ["أربعة", 4],
  ["خمس", 5],
  ["خمسة", 5],
  ["ست", 6],
  ["ستة", 6],
  ["سبع", 7],
  ["سبعة", 7],
  ["ثمان", 8],
  ["ثماني", 8],
  ["ثمانية", 8],
  ["تسع", 9],
  ["تسعة", 9],
  ["عشر", 10],
  ["عشرة", 10],
]);
/** The value of a unit word, one to ten ("ثلاثة", "ثمان", "عشر"), or undefined. Example: unitValue("خمس") -> 5. */
export function unitValue(norm: string): number | undefined {
  return UNITS.get(norm);
}

/**
 * Words that are a number only before عشر: "أحد عشر", "إحدى عشرة", "اثنا عشر"; alone "أحد" is "one of" or Sunday
 * and "اثني" is also أثنى ("praised").
 */
const ONLY_BEFORE_TEN = table([
  ["أحد", 1],
  ["إحدى", 1],
  ["اثنا", 2],
  ["اثني", 2],
  ["اثنتا", 2],
  ["اثنتي", 2],
]);
/** Ordinals before عشر/عشرة make an ordinal ("الحادية عشرة", "الثالث عشر"): a rank or a day, not a number. */
const ORDINALS = new Set(
  [
    "الحادي",
    "الحادية",
    "الثاني",
    "الثانية",
    "الثالث",
    "الثالثة",
    "الرابع",
    "الرابعة",
    "الخامس",
    "الخامسة",
    "السادس",
    "السادسة",
    "السابع",
    "السابعة",
    "الثامن",
    "الثامنة",
    "التاسع",
    "التاسعة",
  ].flatMap((w) => [n(w), n(w.slice(2))]),
);
/** Words that are never a count with the article: الاثنين is Monday, المائة is "per cent" (في المائة). */
const NOT_DEFINITE = new Set(["اثنين", "إثنين", "مائة", "مئة"].map(n));
const TEN = new Set(["عشر", "عشرة"].map(n));
const TENS = table([
  ["عشرون", 20],
  ["عشرين", 20],
  ["ثلاثون", 30],
  ["ثلاثين", 30],
  ["أربعون", 40],
  ["أربعين", 40],
  ["خمسون", 50],
  ["خمسين", 50],
  ["ستون", 60],
  ["ستين", 60],
  ["سبعون", 70],
  ["سبعين", 70],
  ["ثمانون", 80],
  ["ثمانين", 80],
  ["تسعون", 90],
  ["تسعين", 90],
]);
/** Hundreds written as one word ("ثلاثمائة", "مئتان"); "ثلاث مئة" is a unit times HUNDRED. */
const HUNDREDS = new Map<string, number>();
for (const [spelling, value] of [
  ["مائة", 1],
  ["مئة", 1],
  ["مائتان", 2],
  ["مائتين", 2],
  ["مائتا", 2],
  ["مائتي", 2],
  ["مئتان", 2],
  ["مئتين", 2],
  ["مئتا", 2],
  ["مئتي", 2],
] as const) {
  HUNDREDS.set(n(spelling), value * 100);
}
for (const [unit, value] of [
  ["ثلاث", 3],
  ["أربع", 4],
  ["خمس", 5],
  ["ست", 6],
  ["سبع", 7],
  ["ثمان", 8],
  ["ثماني", 8],
  ["تسع", 9],
] as const) {
  for (const hundred of ["مائة", "مئة"]) HUNDREDS.set(n(unit + hundred), value * 100);
}
const HUNDRED = new Set(["مائة", "مئة"].map(n));

/**
 * Whether a normalized word is a tens word or مائة/مئة alone, with no particle ("ثلاثين", "تسعون", "مائة"): the
 * number words a light stemmer folds onto another word (ثلاثين -> ثلاث "three", مائة -> ماء "water").
 */
export function isTensOrHundredWord(norm: string): boolean {
  return TENS.has(norm) || HUNDRED.has(norm);
}

/**
 * Scale words with what one of them is worth and how many a form says by itself: the dual counts two ("ألفين" =
 * 2000), the other forms count what stands before them ("ثلاثة آلاف", "عشرين ألفاً"), or one when nothing does.
 */
const SCALES = new Map<string, { scale: number; dual: boolean; plural: boolean; accusative: boolean }>();
for (const [forms, scale] of [
  [["ألف"], 1e3],
  [["مليون"], 1e6],
  [["مليار", "بليون"], 1e9],
  [["تريليون", "ترليون"], 1e12],
] as const) {
  for (const f of forms) SCALES.set(n(f), { scale, dual: false, plural: false, accusative: false });
}
// Plurals count what stands before them ("ثلاثة آلاف"); alone they are "thousands of", no number.
for (const [forms, scale] of [
  [["آلاف"], 1e3],
  [["ملايين"], 1e6],
  [["مليارات", "بلايين"], 1e9],
  [["تريليونات"], 1e12],
] as const) {
  for (const f of forms) SCALES.set(n(f), { scale, dual: false, plural: true, accusative: false });
}
for (const [forms, scale] of [
  [["ألفين", "ألفان", "ألفي"], 1e3],
  [["مليونين", "مليونان", "مليوني"], 1e6],
  [["مليارين", "ملياران", "ملياري"], 1e9],
] as const) {
  for (const f of forms) SCALES.set(n(f), { scale, dual: true, plural: false, accusative: false });
}
// "ألفا", "مليونا": the dual's construct ("ألفا ريال" is two thousand) and the accusative after a count ("عشرون
// ألفاً", "27 ألفاً"): alone two, after a number one.
for (const [forms, scale] of [
  [["ألفا"], 1e3],
  [["مليونا"], 1e6],
  [["مليارا"], 1e9],
] as const) {
  for (const f of forms) SCALES.set(n(f), { scale, dual: true, plural: false, accusative: true });
}
/** Fractions before a scale word: "نصف مليون", "ربع مليار". */
const FRACTIONS = table([
  ["نصف", 0.5],
  ["ربع", 0.25],
  ["ثلث", 1 / 3],
  ["ثلثا", 2 / 3],
  ["ثلثي", 2 / 3],
]);
/** Fractions' plurals ("ثلاثة أرباع مليار"), not read: a scale word after one is not a number of its own. */
const UNREAD_FRACTIONS = new Set(["أرباع", "أثلاث", "أخماس", "أعشار"].map(n));
const FROM = n("من");
/** و joining the parts of one number ("خمسة وعشرون", "ألف وخمسمائة"). */
const WAW = "\u0648";
/** Prepositions a number's first word may carry ("بثلاثة", "لخمسة", "كألف"). */
const PREPOSITIONS = "\u0628\u0644\u0643";
/** \u0627\u0644 ALEF LAM: "الخمسة" (the five) is five. */
const AL = "\u0627\u0644";

/** A number's first count and the scale word that multiplies it: "ثمانية ملايين" -> 8 and 1e6. */
interface Lead {
  count: number;
  scale: number;
}

type Part =
  | { kind: "count"; value: number }
  | { kind: "scale"; scale: number; dual: boolean; plural: boolean; accusative: boolean }
  | { kind: "fraction"; value: number };

/** What word says as part of a number, or null; "الخمسة" (the five) is five. `next`: the word after it. */
function partOf(word: string, next: string | undefined): Part | null {
  const part = wordPart(word, next);
  if (part !== null || !word.startsWith(AL) || word.length <= 4) return part;
  const bare = word.slice(2);
  return NOT_DEFINITE.has(bare) ? null : wordPart(bare, next);
}

function wordPart(w: string, next: string | undefined): Part | null {
  const unit = UNITS.get(w);
  if (unit !== undefined) return { kind: "count", value: unit };
  const beforeTen = ONLY_BEFORE_TEN.get(w);
  if (beforeTen !== undefined && next !== undefined && TEN.has(next))
    return { kind: "count", value: beforeTen };
  const tens = TENS.get(w) ?? HUNDREDS.get(w);
  if (tens !== undefined) return { kind: "count", value: tens };
  const scale = SCALES.get(w);
  if (scale !== undefined) return { kind: "scale", ...scale };
  const fraction = FRACTIONS.get(w);
  if (fraction !== undefined) return { kind: "fraction", value: fraction };
  return null;
}

/**
 * Every normalized word that can be a number's first word as readNumber reads it: a number part (the tables' keys),
 * maybe behind ال ("الخمسة"), maybe behind a preposition or و ("بثلاثة", "والخمسة"). One set lookup tells the words
 * of a text that are no number, where readNumber would try every table.
 */
const NUMBER_FIRST_WORDS: ReadonlySet<string> = new Set(
  [
    ...UNITS.keys(),
    ...ONLY_BEFORE_TEN.keys(),
    ...TENS.keys(),
    ...HUNDREDS.keys(),
    ...SCALES.keys(),
    ...FRACTIONS.keys(),
  ]
    .flatMap((w) => [w, AL + w])
    .flatMap((w) => [w, ...[...PREPOSITIONS, WAW].map((p) => p + w)]),
);

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/**
 * Arabic letters run into digits with no space: "الـ1.6" (normalized "ال1"), "من5", "بقيمة7". Latin ones are a name
 * or a code ("COVID19", "version2"), not a preposition glued to a figure.
 */
const GLUED_DIGITS = /^[\p{Script=Arabic}\u0640]+\d+$/u;
/**
 * The least scale (a million) before which a figure as large as the scale is the count itself and the scale word
 * names its order: "(4,195,000) مليون ريال" is 4195000 riyals. Before ألف a grouped figure is thousands ("3,500
 * ألف دولار" = 3.5 million): tables in thousands do that.
 */
const COUNTED_FIGURE_MIN = 1e6;

/**
 * Whether token i can start a number: a number word (NUMBER_FIRST_WORDS), or digits (maybe with a preposition, و or
 * a word run into them: "ب3", "الـ1.6") with a scale word one or two tokens after the figure ("3 ملايين", "2.5
 * مليار", "7,213.45 مليون"), not the tail of a figure ("213" in "7,213.45"); digits alone are no mention. A quick
 * superset of readNumber's numbers for the many words that are none.
 */
function mayStartNumber(text: string, tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]!.norm;
  const c = word.charCodeAt(0);
  const digits = isDigit(c) || (isDigit(word.charCodeAt(word.length - 1)) && GLUED_DIGITS.test(word));
  if (!digits) return NUMBER_FIRST_WORDS.has(word);
  // "213" in "7,213.45 مليون" is no number of its own: read whole from "7" or not at all.
  if (isDigit(c) && isFigureTail(text, tokens, i)) return false;
  // The word after the figure's runs ("7,213.45 مليون"), or the one after that.
  let j = i + 1;
  while (j < tokens.length && isFigureTail(text, tokens, j)) j++;
  const next = tokens[j]?.norm;
  const after = tokens[j + 1]?.norm;
  return (next !== undefined && SCALES.has(next)) || (after !== undefined && SCALES.has(after));
}

/**
 * The number whose first word is `tokens[i]` (`tokens`: tokenize(text), or of a stretch of it), with the index of the
 * token after it; null when none starts there or it is digits alone. findNumbers for a caller that has the tokens.
 * Example: at "ثلاثة" in "وصل ثلاثة آلاف حاج" -> {value 3000, end: the index of "حاج"}.
 */
export function readNumberAt(
  text: string,
  tokens: readonly Token[],
  i: number,
): { value: number; end: number } | null {
  if (!mayStartNumber(text, tokens, i)) return null;
  const found = readNumber(text, tokens, i);
  return found === null ? null : { value: found.mention.value, end: found.end };
}

/**
 * The numbers the text writes with words, in order. Example: "قتل خمسة وعشرون شخصاً وأصيب ثلاثة آلاف" ->
 * [{text "خمسة وعشرون", value 25}, {text "ثلاثة آلاف", value 3000}].
 */
export function findNumbers(text: string): NumberMention[] {
  const tokens = tokenize(text);
  const out: NumberMention[] = [];
  /** The last number read, with its first token: a range's low end when the next one is its high end. */
  let last: { found: ReadNumber; first: number } | null = null;
  for (let i = 0; i < tokens.length; ) {
    const found = mayStartNumber(text, tokens, i) ? readNumber(text, tokens, i) : null;
    if (found === null) {
      i++;
      continue;
    }
    if (found.lead !== null) {
      const low = readRangeLow(text, tokens, i, found.lead, last);
      if (low?.replaces) out[out.length - 1] = low.mention;
      else if (low !== null) out.push(low.mention);
    }
    out.push(negatesFollowing(text, tokens, found) ? negated(text, tokens, i, found.mention) : found.mention);
    last = { found, first: i };
    i = found.end;
  }
  return out;
}

/** A word without the conjunction و it may carry ("ومن" -> "من"); و alone stays. */
const withoutWaw = (norm: string) => (norm.length > 1 && norm.startsWith(WAW) ? norm.slice(1) : norm);

/** "ناقص", "سالب": minus, before a number ("ناقص 6.5 مليار", a balance; "سالب واحد"). */
const MINUS_WORDS = new Set(["ناقص", "سالب"].map(n));

/**
 * Units of measure a number below zero is counted in ("ناقص خمس درجات", "سالب ثلاث نقاط"). A counted noun after a minus
 * word is "short of" or "less": "ناقص ثلاثة لاعبين" (three players short), "الثانية ناقص خمس دقائق" (five to two).
 */
const MEASURE_UNITS = new Set(
  ["درجة", "درجات", "درجتين", "درجتان", "نقطة", "نقاط", "نقطتين", "نقطتان", "بالمئة", "بالمائة"].map(n),
);

/**
 * Whether a minus word before the number `found` can make it negative: the number has a scale word ("ناقص 18.8
 * مليار"), a unit of measure follows it ("ناقص خمس درجات"), or no word does ("سالب واحد،"). Before a counted noun
 * ("ناقص ثلاثة لاعبين") ناقص is "short of" and the number is the count.
 */
function negatesFollowing(text: string, tokens: readonly Token[], found: ReadNumber): boolean {
  if (found.scaled) return true;
  const next = tokens[found.end];
  return next === undefined || !spaced(text, tokens, found.end) || MEASURE_UNITS.has(next.norm);
}

/**
 * The mention of the number at token i, negative when a minus word stands right before it: "ناقص 18.8 مليار" is
 * -18.8e9, its text with the word. A dash before digits is no minus sign: Saudi papers set a converted amount
 * between dashes ("50 مليون شيقل -15 مليون دولار"), and digits alone are no mention.
 */
function negated(text: string, tokens: readonly Token[], i: number, mention: NumberMention): NumberMention {
  const before = tokens[i - 1];
  if (before === undefined || !MINUS_WORDS.has(withoutWaw(before.norm)) || !spaced(text, tokens, i))
    return mention;
  // "وناقص ثلاثة آلاف": the conjunction is not the number's.
  const start = before.start + before.norm.length - withoutWaw(before.norm).length;
  return { text: text.slice(start, mention.end), start, end: mention.end, value: -mention.value };
}

/** Gregorian years a news date can have; other four-digit numbers are counts or codes (find-dates reads them too). */
export const GREGORIAN_YEAR_MIN = 1800;
export const GREGORIAN_YEAR_MAX = 2200;

/**
 * Hijri years a Saudi paper dates by ("عام 1436"): like Gregorian ones, a year, not a range's low end ("في عام 1436 -
 * 2000 مليون").
 */
const HIJRI_YEAR_MIN = 1300;
const HIJRI_YEAR_MAX = 1500;
const isYear = (count: number) =>
  Number.isInteger(count) &&
  ((count >= GREGORIAN_YEAR_MIN && count <= GREGORIAN_YEAR_MAX) ||
    (count >= HIJRI_YEAR_MIN && count <= HIJRI_YEAR_MAX));

/**
 * Words before a figure that make it a label, not a count: an article, a page, a rank, an item ("المادة 12 - 20 ألف
 * ريال غرامة", "ص 12-300 ألف", "المركز 2 - 3 ملايين").
 */
const LABEL_WORDS = new Set(
  ["رقم", "المادة", "مادة", "ص", "صفحة", "الصفحة", "المركز", "المرتبة", "البند", "بند", "الفقرة", "فقرة"].map(
    n,
  ),
);
/**
 * The least share of the high end's count a dash range's low end has: "30-40 مليون" is a range, "1- 500 ألف" a list
 * item's number and "ص 12-300 ألف" a page (the review's cases; no dash range of the dev corpus is below it).
 */
const DASH_LOW_MIN_SHARE = 1 / 20;
/**
 * Punctuation that ends a sentence or opens a list item: a figure after it and a dash numbers the item (\u061b ARABIC
 * SEMICOLON, \u061f ARABIC QUESTION MARK, \u060c ARABIC COMMA).
 */
const ITEM_OPENERS = /[\n.!?:\u061b\u061f\u060c]/;

/** Words that open a range whose ends و joins: "بين 100 و150 مليار", "ما بين أربعة وثمانية ملايين". */
const RANGE_WAW_OPENERS = new Set(["بين", "مابين"].map(n));
/** Whether the number at token i follows a word that opens a range whose ends و joins ("بين 3 ملايين و4"). */
const opensRange = (tokens: readonly Token[], i: number) =>
  i > 0 && RANGE_WAW_OPENERS.has(withoutWaw(tokens[i - 1]!.norm));
/** Words that open a range whose ends إلى joins: "من 5 إلى 7 ملايين", "بين ستة إلى 12 شهرا". */
const RANGE_TO_OPENERS = new Set(["من", "بين", "مابين"].map(n));
const RANGE_TO = new Set(["إلى", "الى", "حتى"].map(n));
/** A dash between two figures: "30-40 مليون", "1.5 - 4.5 مليون" (\u2013 EN DASH, \u2014 EM DASH). */
const RANGE_DASH = /^[ \u00a0]*[-\u2013\u2014][ \u00a0]*$/;

/**
 * The low end of a range whose high end is the number at token i, read with the high end's scale: "بين 100 و150
 * مليار" -> "100" = 100e9, "30-40 مليون" -> "30" = 30e6, "من 5 إلى 7 ملايين" -> "5" = 5e6, "ما بين أربعة وثمانية
 * ملايين" -> "أربعة" = 4e6 (then it replaces the mention of four, `replaces`). The low end is a figure or a count with
 * no scale, smaller than the high end's count, joined by a dash, by و after بين, or by إلى after من/بين. Null when
 * none stands there: "3 ملايين" alone, "بين مليوني وثلاثة ملايين" (the low end has its scale).
 */
function readRangeLow(
  text: string,
  tokens: readonly Token[],
  i: number,
  high: Lead,
  last: { found: ReadNumber; first: number } | null,
): { mention: NumberMention; replaces: boolean } | null {
  if (i === 0) return null;
  let lowEnd: number;
  let openers: ReadonlySet<string> | null;
  const first = tokens[i]!.norm;
  if (first.startsWith(WAW) && first.length > 1 && spaced(text, tokens, i)) {
    lowEnd = i;
    openers = RANGE_WAW_OPENERS;
  } else if (i >= 2 && first.length > 0 && spaced(text, tokens, i) && spaced(text, tokens, i - 1)) {
    const joint = tokens[i - 1]!.norm;
    if (joint === WAW) openers = RANGE_WAW_OPENERS;
    else if (RANGE_TO.has(joint)) openers = RANGE_TO_OPENERS;
    else return null;
    lowEnd = i - 1;
  } else if (RANGE_DASH.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))) {
    lowEnd = i;
    openers = null;
  } else return null;
  // The low end's tokens end at lowEnd: a count read just before (words), or a figure (digits alone, no mention).
  let lowStart: number;
  let count: number;
  let replaces = false;
  if (last !== null && last.found.end === lowEnd && !last.found.scaled) {
    lowStart = last.first;
    count = last.found.mention.value;
    replaces = true;
  } else {
    lowStart = lowEnd - 1;
    while (lowStart > 0 && isFigureTail(text, tokens, lowStart)) lowStart--;
    const head = tokens[lowStart]!.norm;
    // Digits that end a number read before are that number's ("47 ألف و 270 - 300 ألف").
    if (last !== null && last.found.end > lowStart) return null;
    const figure = readDigits(text, tokens, lowStart, head);
    if (figure === null || figure.end !== lowEnd) return null;
    count = figure.value;
  }
  if (!(count < high.count)) return null;
  // "من 2015 إلى 2,650 مليون", "في عام 1436 - 2000 مليون": a year, the period, not the low end.
  if (!replaces && isYear(count)) return null;
  if (openers === null && !isDashLow(text, tokens, lowStart, count, high.count)) return null;
  if (openers !== null) {
    const opener = tokens[lowStart - 1];
    if (opener === undefined || !openers.has(withoutWaw(opener.norm)) || !spaced(text, tokens, lowStart))
      return null;
  }
  const start = replaces ? last!.found.mention.start : tokens[lowStart]!.start;
  const end = tokens[lowEnd - 1]!.end;
  const value = Number((count * high.scale).toPrecision(12));
  return { mention: { text: text.slice(start, end), start, end, value }, replaces };
}

/**
 * Whether the figure at token lowStart, before a dash, can be a range's low end: not an item's number ("1- 500 ألف"
 * at the start of the text, a line or a sentence, or after a colon or comma), not a label's (LABEL_WORDS), and not
 * far below the high end (DASH_LOW_MIN_SHARE).
 */
function isDashLow(
  text: string,
  tokens: readonly Token[],
  lowStart: number,
  count: number,
  high: number,
): boolean {
  if (lowStart === 0 || count < high * DASH_LOW_MIN_SHARE) return false;
  const before = tokens[lowStart - 1]!;
  if (ITEM_OPENERS.test(text.slice(before.end, tokens[lowStart]!.start))) return false;
  return !LABEL_WORDS.has(withoutWaw(before.norm));
}

/**
 * Thousands separators: "13,809,879", "375\u060c526" (\u060c ARABIC COMMA), "\u0663\u066c\u0665\u0660\u0660" (\u066c
 * ARABIC THOUSANDS SEPARATOR).
 */
const THOUSANDS_SEPARATORS = ",\u060c\u066c";
/** Decimal points: "2.5", "\u0663\u066b\u0665" (\u066b ARABIC DECIMAL SEPARATOR). */
const DECIMAL_POINTS = ".\u066b";
/**
 * Commas written as a decimal point before one or two digits: "38,4 مليون", "322\u060c8 مليار" (Saudi papers write
 * both; the same release has "38.4 مليون" elsewhere). A thousands group has three digits.
 */
const DECIMAL_COMMAS = ",\u060c";
/** Every character that joins two runs of digits into one figure: a thousands separator or a decimal point. */
const FIGURE_SEPARATORS = THOUSANDS_SEPARATORS + DECIMAL_POINTS;
const DIGITS = /^\d+$/;
/**
 * A decimal written with \u0631 ARABIC LETTER REH for the decimal point, the fraction first in memory order so that
 * the line shows "32ر5" right to left: "5ر32 مليون" is 32.5 million (wire copy typeset that way; Benteke's "5ر32
 * مليون جنيه", crude output "333ر10 مليون برميل").
 */
const REH_DECIMAL = /^(\d+)\u0631(\d+)$/;

/** The digit runs from token k on that one separator character each joins ("7,213.45" -> 7 "," 213 "." 45). */
function figureRuns(
  text: string,
  tokens: readonly Token[],
  k: number,
  word: string,
): { sep: string; digits: string }[] {
  const runs = [{ sep: "", digits: word }];
  for (let j = k + 1; j < tokens.length; j++) {
    const next = tokens[j]!;
    const sep = text.slice(tokens[j - 1]!.end, next.start);
    if (sep.length !== 1 || !FIGURE_SEPARATORS.includes(sep) || !DIGITS.test(next.norm)) break;
    runs.push({ sep, digits: next.norm });
  }
  return runs;
}

/**
 * The figure written in digits at word k, with its thousands groups and decimal part, and the index after it; null
 * when word k is no digits or the digits and separators there are no one figure ("1.2.3", "10,20,30": a version, a
 * list). Groups of three after one to three digits, all behind one separator: commas ("13,809,879"), or dots when
 * there are two groups or more ("665.932.983") or a decimal comma follows ("1.234,5"); one dot is a decimal point
 * ("3.500" = 3.5). Then one decimal part. Example: "7,213.45" -> 7213.45; "322\u060c8" -> 322.8.
 */
function readDigits(
  text: string,
  tokens: readonly Token[],
  k: number,
  word: string,
): { value: number; end: number } | null {
  const reh = REH_DECIMAL.exec(word);
  if (reh !== null) return { value: Number(`${reh[2]}.${reh[1]}`), end: k + 1 };
  if (!DIGITS.test(word)) return null;
  const runs = figureRuns(text, tokens, k, word);
  let whole = word;
  let r = 1;
  const groupSep = runs[1]?.sep;
  if (groupSep !== undefined && word.length <= 3) {
    let groups = 0;
    while (runs[r + groups]?.sep === groupSep && runs[r + groups]!.digits.length === 3) groups++;
    const afterGroups = runs[r + groups];
    const isThousands =
      THOUSANDS_SEPARATORS.includes(groupSep) ||
      (groupSep === "." &&
        (groups >= 2 ||
          (afterGroups !== undefined &&
            DECIMAL_COMMAS.includes(afterGroups.sep) &&
            afterGroups.digits.length <= 2)));
    // One dot before three digits is a decimal point ("3.500" = 3.5, as outlets that write "2.5" mean it): only a
    // second group or a decimal comma after the first shows that dots group thousands.
    if (isThousands) for (; groups > 0; groups--) whole += runs[r++]!.digits;
  }
  let fraction = "";
  const decimal = runs[r];
  if (decimal !== undefined) {
    // After comma groups the decimal point is a dot, after dot groups a comma; with no groups either.
    const grouped = r > 1;
    const afterDots = grouped && runs[1]!.sep === ".";
    const point = DECIMAL_POINTS.includes(decimal.sep)
      ? !afterDots
      : DECIMAL_COMMAS.includes(decimal.sep) && decimal.digits.length <= 2 && (!grouped || afterDots);
    if (point) {
      fraction = decimal.digits;
      r++;
    }
  }
  // Runs left over: digits and separators that are no one figure (a version, a list, an address).
  if (r < runs.length) return null;
  return { value: Number(fraction === "" ? whole : `${whole}.${fraction}`), end: k + r };
}

/**
 * Whether word i is digits joined to the digits before it by one separator ("213" in "7,213.45", "3" in "1.2.3"):
 * the tail of a figure, which readDigits reads whole from its head or not at all.
 */
function isFigureTail(text: string, tokens: readonly Token[], i: number): boolean {
  if (i === 0) return false;
  const before = tokens[i - 1]!;
  const sep = text.slice(before.end, tokens[i]!.start);
  return sep.length === 1 && FIGURE_SEPARATORS.includes(sep) && /\d$/.test(before.norm);
}

/** Word k stands right after word k-1: spaces only between them (no punctuation, no line break). */
function spaced(text: string, tokens: readonly Token[], k: number): boolean {
  const gap = k > 0 && k < tokens.length ? tokens[k]!.start - tokens[k - 1]!.end : 0;
  return gap > 0 && isSpaceOnly(text, tokens[k - 1]!.end, tokens[k]!.start);
}

/**
 * "مليوناً", "مليونا و529 ألفا": the accusative of one (its tanween written, or a number going on with و), not the
 * dual's construct ("مليونا ريال", two million riyals). Word k is a form that can be either.
 */
function singularAccusative(text: string, tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (text.slice(t.start, t.end).includes("\u064b")) return true;
  const next = tokens[k + 1];
  // "ألفا من هذه المحاولات": one of them.
  return (
    next !== undefined && spaced(text, tokens, k + 1) && (next.norm.startsWith(WAW) || next.norm === FROM)
  );
}

/** What rank a count has inside one number: units and teens, tens, hundreds. */
type Rank = "unit" | "tens" | "hundreds";
const rankOf = (value: number): Rank => (value < 20 ? "unit" : value < 100 ? "tens" : "hundreds");

/** Word (an ordinal) before a ten or tens word makes a compound ordinal: "الحادي والعشرين", "الثالث عشر". */
function isOrdinal(norm: string): boolean {
  return ORDINALS.has(norm) || (norm.startsWith(WAW) && ORDINALS.has(norm.slice(1)));
}

/** What readNumber read at one token: the mention, the token after it, and what a range's low end needs of it. */
interface ReadNumber {
  mention: NumberMention;
  end: number;
  /** A scale word is part of it ("ثمانية ملايين"); a count alone ("أربعة") may be a range's low end. */
  scaled: boolean;
  lead: Lead | null;
}

function readNumber(text: string, tokens: readonly Token[], i: number): ReadNumber | null {
  let total = 0;
  /** The count building up before a scale word ("ثلاثمائة وخمسة" before "آلاف"). */
  let current = 0;
  /** A scale has multiplied a count: another scale may only multiply the whole ("ألف مليون") or a new count. */
  let scaled = false;
  let words = 0;
  let k = i;
  /** The index after the last word of the number (a lone و after it is not part of it). */
  let endToken = i;
  /** How the first word starts: after its preposition, if any ("بثلاثة" starts at ثلاثة). */
  let startCut = 0;
  let lastKind: "count" | "scale" | null = null;
  /** The rank of the last count read, and the worth of the last scale read. */
  let lastRank: Rank = "unit";
  let lastScale = 0;
  let lastPlural = false;
  /** A و written as a word of its own stood before word k ("خمسة و عشرون"). */
  let loneWaw = false;
  /**
   * Where the number stood before a count that came with و after a scale ("مليون وخمسة"): a larger or equal scale
   * after that count makes it a range ("بين مليون وخمسة ملايين"), and the number ends there.
   */
  let beforeWaw: { endToken: number; total: number; scale: number } | null = null;
  /** A figure that counts the units itself ("(4,195,000) مليون"): the number's value, whatever follows it. */
  let countedFigure: number | null = null;
  /** The number's first count and the scale that multiplies it ("ثمانية ملايين" 8 and 1e6), for a range's low end. */
  let lead: Lead | null = null;
  while (k < tokens.length) {
    if (k > i && !spaced(text, tokens, k)) break;
    let word = tokens[k]!.norm;
    let cut = 0;
    if (k > i && word === WAW && !loneWaw) {
      loneWaw = true;
      k++;
      continue;
    }
    let waw = loneWaw;
    loneWaw = false;
    if (!waw && k > i && word.startsWith(WAW) && word.length > 1) {
      waw = true;
      word = word.slice(1);
    } else if (k === i && word.length > 1 && (PREPOSITIONS.includes(word[0]!) || word[0] === WAW)) {
      // A first word with a preposition or a conjunction: read what follows it, if that is a number. Before a
      // hamza's alef the و is a conjunction as written ("وأحد" is "and one of", not واحد).
      const rest = word.slice(1);
      // "لست" is "I am not", not ل + ست: a preposition goes before a number word of three letters or more.
      const tooShort = word[0] !== WAW && rest.length < 3 && !/^\d+$/.test(rest);
      const beforeHamza = /^[\u0648\u0641][\u0623\u0625]/.test(text.slice(tokens[k]!.start, tokens[k]!.end));
      if (!tooShort && (beforeHamza || partOf(rest, tokens[k + 1]?.norm) !== null || /^\d+$/.test(rest))) {
        word = rest;
        cut = 1;
      }
    }
    if (k === i && cut === 0 && GLUED_DIGITS.test(word)) {
      // "الـ1.6 مليون", "من5.3 مليارات", "بقيمة7.2 مليون": a word run into the digits, the space left out.
      word = word.replace(/^\p{L}+/u, "");
      cut = text.slice(tokens[k]!.start, tokens[k]!.end).search(/\p{N}/u);
    }
    const digits = readDigits(text, tokens, k, word);
    if (digits !== null) {
      // Digits are part of a number before a scale word ("3 ملايين", "27 ألفاً"), first or after a larger scale
      // with و ("3 ملايين و100 ألف"); else they end it.
      const after = tokens[digits.end];
      // "(700) ألف ريال": Saudi papers bracket the digits.
      const bracketed =
        k === i &&
        text[tokens[k]!.start - 1] === "(" &&
        after !== undefined &&
        /^\)[ \u00a0]+$/.test(text.slice(tokens[digits.end - 1]!.end, after.start));
      const scale =
        after !== undefined && (spaced(text, tokens, digits.end) || bracketed)
          ? SCALES.get(after.norm)
          : undefined;
      if (
        scale === undefined &&
        waw &&
        lastKind === "scale" &&
        digits.value < lastScale &&
        !(lastScale >= 1e6 && opensRange(tokens, i))
      ) {
        // "47 ألف و270", "مليونا و529 ألفا و418", "مليون و763296": the units after the last scale. After بين and a
        // million or more they are a range's high end with its scale left out ("بين 3 ملايين و4"), not 3000004.
        total += digits.value;
        k = digits.end;
        endToken = k;
        words++;
        break;
      }
      if (scale === undefined || (scale.dual && !scale.accusative)) break;
      if (lastKind !== null && !(waw && lastKind === "scale" && scale.scale < lastScale)) break;
      if (k === i) startCut = bracketed ? -1 : cut;
      // "(5.969.428) مليون مسافر", "665,932,983 مليون ريال": Saudi papers write the whole count and then its order
      // of magnitude; a figure of a million or more is not that many millions.
      const counted = scale.scale >= COUNTED_FIGURE_MIN && digits.value >= scale.scale;
      if (k === i && !counted) lead = { count: digits.value, scale: scale.scale };
      total += counted ? digits.value : digits.value * scale.scale;
      scaled = true;
      lastKind = "scale";
      lastScale = scale.scale;
      lastPlural = false;
      k = digits.end + 1;
      endToken = k;
      words += 2;
      // "1800000 مليون وثمانمائة ألف": the words after a counted figure say it again, in the mention, not the value.
      if (counted) countedFigure = digits.value;
      continue;
    }
    const part = partOf(word, tokens[k + 1]?.norm);
    if (part === null) break;
    if (part.kind === "count") {
      const bare = word.startsWith(AL) ? word.slice(2) : word;
      // "الحادي والعشرين", "الخامسة والثلاثين", "الثالث عشر": the tens of an ordinal, a rank or a day.
      if (
        k === i &&
        (TEN.has(bare) || TENS.has(bare)) &&
        i > 0 &&
        spaced(text, tokens, i) &&
        isOrdinal(tokens[i - 1]!.norm)
      )
        break;
      if (lastKind !== null && !waw) {
        // Without و a count joins only as a teen's ten ("ثلاثة عشر") or hundreds after a unit ("ثلاث مئة").
        if (lastKind !== "count" || current >= 10) break;
        if (TEN.has(word)) current += 10;
        else if (HUNDRED.has(word)) {
          current *= 100;
          lastRank = "hundreds";
        } else break;
      } else if (lastKind !== null) {
        // With و: after a scale anything smaller, after hundreds tens or units, after units tens ("خمسة وعشرون");
        // a unit after a unit or tens after tens is a range or a list ("بين ثلاثة وأربعة", "عشرين وثلاثين"), and so
        // are tens after ten or a teen ("بين عشرة وعشرين ألف", "ستة عشر وعشرين": no number says 10 + 20).
        const rank = rankOf(part.value);
        if (lastKind === "scale" && beforeWaw === null) beforeWaw = { endToken, total, scale: lastScale };
        const fits =
          lastKind === "scale"
            ? true
            : lastKind === "count" &&
              ((lastRank === "hundreds" && rank !== "hundreds") ||
                (lastRank === "unit" && rank === "tens" && current % 100 < 10));
        if (!fits) break;
        current += part.value;
        lastRank = rank;
      } else {
        if (k === i) startCut = cut;
        current = part.value;
        lastRank = rankOf(part.value);
      }
      lastKind = "count";
    } else if (part.kind === "fraction") {
      if (waw && lastKind === "scale") {
        // "ثلاثة ملايين ونصف", "مليون ونصف المليون": a fraction of the scale before, the scale maybe said again.
        total += part.value * lastScale;
        k++;
        const again = tokens[k];
        if (again !== undefined && spaced(text, tokens, k)) {
          const word = again.norm.startsWith(AL) ? again.norm.slice(2) : again.norm;
          if (SCALES.get(word)?.scale === lastScale) k++;
        }
        endToken = k;
        words++;
        break;
      }
      // A fraction is a number only before a scale word ("نصف مليون"); "نصف الطلاب" is no number.
      const after = tokens[k + 1];
      if (lastKind !== null || after === undefined || !spaced(text, tokens, k + 1) || !SCALES.has(after.norm))
        break;
      if (k === i) startCut = cut;
      current = part.value;
      lastKind = "count";
      lastRank = "unit";
    } else {
      if (waw) break;
      if (beforeWaw !== null && current > 0 && part.scale >= beforeWaw.scale) {
        // "بين مليون وخمسة ملايين": two numbers; this one ends before the و.
        endToken = beforeWaw.endToken;
        total = beforeWaw.total;
        current = 0;
        break;
      }
      if (lastKind === "scale" && current === 0 && part.scale > lastScale && beforeWaw === null) {
        // "ألف مليون": a thousand million.
        total *= part.scale;
      } else {
        if (scaled && current === 0) break;
        if (k === i) startCut = cut;
        if (!scaled && lastKind === "count") lead = { count: current, scale: part.scale };
        const count =
          lastKind === null
            ? part.dual && !(part.accusative && singularAccusative(text, tokens, k))
              ? 2
              : 1
            : current;
        total += count * part.scale;
        current = 0;
        scaled = true;
      }
      lastKind = "scale";
      lastScale = part.scale;
      lastPlural = part.plural;
    }
    words++;
    k++;
    endToken = k;
  }
  if (words === 0 || endToken === i) return null;
  // Round away binary noise ("8.2 مليون" is 8200000, not 8199999.999999999); a number too big to hold is no number.
  const value = countedFigure ?? Number((total + current).toPrecision(12));
  if (!Number.isFinite(value)) return null;
  if (words === 1 && lastKind === "scale") {
    // A plural scale word alone is "thousands of", "millions of" ("آلاف الأشخاص"): no number. Nor is a scale word
    // alone after digits it could not join ("1.2.3 مليون", no one figure) or a fraction it does not know ("ثلاثة
    // أرباع مليار"): its count is unread.
    if (lastPlural) return null;
    const before = i > 0 ? tokens[i - 1]! : undefined;
    if (before !== undefined && !/\p{L}/u.test(text.slice(before.end, tokens[i]!.start))) {
      if (/\d$/.test(before.norm) || UNREAD_FRACTIONS.has(before.norm)) return null;
    }
  }
  let start = tokens[i]!.start + startCut;
  const end = tokens[endToken - 1]!.end;
  // The proclitic's vowel mark or stretch is not the number's: "بـ3 ملايين", "بِثلاثة".
  while (start < end && /[\u0640\u064B-\u065F]/.test(text[start]!)) start++;
  return { mention: { text: text.slice(start, end), start, end, value }, end: endToken, scaled, lead };
}
