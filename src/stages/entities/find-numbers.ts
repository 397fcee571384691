/**
 * Numbers a news text writes in words, with their value (pipeline step 7): "ثلاثة آلاف وخمسمائة" = 3500, "خمسة
 * وعشرون" = 25, "إحدى عشرة" = 11, "مئتي ألف" = 200000, "نصف مليون" = 500000, and digits with a scale word ("2.5
 * مليار" = 2.5e9, "3 ملايين", "27 ألفاً"). Numbers written in digits alone are numbers already and are not listed;
 * ordinals (الخامس) are days and ranks, read by find-dates. Pure: text in, mentions out.
 */
import { normalizeArabic, normalizedTable } from "../arabic/normalize-arabic.ts";
import { type Token, tokenize } from "../arabic/tokenize.ts";

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
 * Scale words with what one of them is worth and how many a form says by itself: the dual counts two ("ألفين" =
 * 2000), the other forms count what stands before them ("ثلاثة آلاف", "عشرين ألفاً"), or one when nothing does.
 */
const SCALES = new Map<string, { scale: number; dual: boolean; plural: boolean }>();
for (const [forms, scale] of [
  [["ألف", "ألفا", "ألفاً"], 1e3],
  [["مليون", "مليونا", "مليوناً"], 1e6],
  [["مليار", "مليارا", "ملياراً", "بليون"], 1e9],
  [["تريليون", "ترليون"], 1e12],
] as const) {
  for (const f of forms) SCALES.set(n(f), { scale, dual: false, plural: false });
}
// Plurals count what stands before them ("ثلاثة آلاف"); alone they are "thousands of", no number.
for (const [forms, scale] of [
  [["آلاف"], 1e3],
  [["ملايين"], 1e6],
  [["مليارات", "بلايين"], 1e9],
  [["تريليونات"], 1e12],
] as const) {
  for (const f of forms) SCALES.set(n(f), { scale, dual: false, plural: true });
}
for (const [forms, scale] of [
  [["ألفين", "ألفان", "ألفي", "ألفا"], 1e3],
  [["مليونين", "مليونان", "مليوني"], 1e6],
  [["مليارين", "ملياران", "مليارى", "ملياري"], 1e9],
] as const) {
  // "ألفا" is both the dual's construct (ألفا ريال) and the accusative (عشرون ألفاً): after a number it counts
  // that number, alone it is two.
  for (const f of forms) SCALES.set(n(f), { scale, dual: true, plural: false });
}
/** Fractions before a scale word: "نصف مليون", "ربع مليار". */
const FRACTIONS = table([
  ["نصف", 0.5],
  ["ربع", 0.25],
]);
/** و joining the parts of one number ("خمسة وعشرون", "ألف وخمسمائة"). */
const WAW = "\u0648";
/** Prepositions a number's first word may carry ("بثلاثة", "لخمسة", "كألف"). */
const PREPOSITIONS = "\u0628\u0644\u0643";
/** \u0627\u0644 ALEF LAM: "الخمسة" (the five) is five. */
const AL = "\u0627\u0644";

type Part =
  | { kind: "count"; value: number; teen?: boolean }
  | { kind: "scale"; scale: number; dual: boolean; plural: boolean }
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
 * The numbers the text writes with words, in order. Example: "قتل خمسة وعشرون شخصاً وأصيب ثلاثة آلاف" ->
 * [{text "خمسة وعشرون", value 25}, {text "ثلاثة آلاف", value 3000}].
 */
export function findNumbers(text: string): NumberMention[] {
  const tokens = tokenize(text);
  const out: NumberMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const found = readNumber(text, tokens, i);
    if (found === null) {
      i++;
      continue;
    }
    out.push(found.mention);
    i = found.end;
  }
  return out;
}

/** Digits of word k with a decimal or thousands part after it ("2.5", "3,500"), and the index after them. */
function readDigits(
  text: string,
  tokens: readonly Token[],
  k: number,
  word: string,
): { value: number; end: number } | null {
  if (!/^\d+$/.test(word)) return null;
  let digits = word;
  let end = k + 1;
  const next = tokens[end];
  if (next !== undefined && /^\d+$/.test(next.norm)) {
    const sep = text.slice(tokens[k]!.end, next.start);
    if (sep === "." || sep === "\u066b") {
      digits = `${digits}.${next.norm}`;
      end++;
    } else if ((sep === "," || sep === "\u066c") && next.norm.length === 3) {
      digits += next.norm;
      end++;
    }
  }
  return { value: Number(digits), end };
}

/** Word k stands right after word k-1: spaces only between them (no punctuation, no line break). */
function spaced(text: string, tokens: readonly Token[], k: number): boolean {
  return k > 0 && k < tokens.length && /^[ \u00a0]+$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
}

function readNumber(
  text: string,
  tokens: readonly Token[],
  i: number,
): { mention: NumberMention; end: number } | null {
  let total = 0;
  /** The count building up before a scale word ("ثلاثمائة وخمسة" before "آلاف"). */
  let current = 0;
  /** A scale may multiply the count before it, once. */
  let scaled = false;
  let words = 0;
  let sawWord = false;
  let k = i;
  /** How the first word starts: after its preposition, if any ("بثلاثة" starts at ثلاثة). */
  let startCut = 0;
  let last: Part | { kind: "digits" } | null = null;
  while (k < tokens.length) {
    if (k > i && !spaced(text, tokens, k)) break;
    let word = tokens[k]!.norm;
    let cut = 0;
    const joinedByWaw = k > i && word.startsWith(WAW) && word.length > 1;
    if (joinedByWaw) {
      word = word.slice(1);
      cut = 1;
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
    const digits = readDigits(text, tokens, k, word);
    if (digits !== null) {
      // Digits are part of a number before a scale word ("3 ملايين"), first or after a larger scale with و ("3
      // ملايين و100 ألف"); else they end it.
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
      if (scale === undefined || scale.dual) break;
      if (last !== null && !(joinedByWaw && last.kind === "scale" && scale.scale < last.scale)) break;
      if (k === i) startCut = bracketed ? -1 : cut;
      if (bracketed) {
        // The scale word is read here: the bracket between is no space for the loop's join test.
        total += digits.value * scale.scale;
        scaled = true;
        last = { kind: "scale", ...scale };
        k = digits.end + 1;
        words += 2;
        sawWord = true;
        continue;
      }
      current = digits.value;
      last = { kind: "digits" };
      k = digits.end;
      words++;
      continue;
    }
    const part = partOf(word, tokens[k + 1]?.norm);
    if (part === null) break;
    // "الحادية عشرة", "الثالث عشر": an ordinal's ten.
    if (k === i && TEN.has(word) && i > 0 && spaced(text, tokens, i) && ORDINALS.has(tokens[i - 1]!.norm))
      break;
    // After a first part, another joins without و only as a teen's ten ("ثلاثة عشر"), hundreds after a unit ("ثلاث
    // مئة") or a scale ("خمسة آلاف"); everything else needs و ("خمسة وعشرون", "ألف وخمسمائة").
    if (last !== null && !joinedByWaw) {
      const teen = part.kind === "count" && TEN.has(word) && last.kind === "count" && last.value < 10;
      const hundred = part.kind === "count" && HUNDRED.has(word) && last.kind === "count" && last.value < 10;
      if (!(teen || hundred || part.kind === "scale")) break;
      if (teen) {
        current += 10;
        last = { kind: "count", value: current, teen: true };
        k++;
        words++;
        sawWord = true;
        continue;
      }
      if (hundred) {
        current = current * 100;
        last = { kind: "count", value: current };
        k++;
        words++;
        sawWord = true;
        continue;
      }
    }
    if (last !== null && joinedByWaw && part.kind !== "count") break;
    if (k === i) startCut = cut;
    if (part.kind === "count") {
      current += part.value;
    } else if (part.kind === "fraction") {
      // A fraction is a number only before a scale word ("نصف مليون"); "نصف الطلاب" is no number.
      const after = tokens[k + 1];
      if (last !== null || after === undefined || !spaced(text, tokens, k + 1) || !SCALES.has(after.norm))
        break;
      current = part.value;
    } else {
      if (scaled && current === 0) break;
      const count = last === null ? (part.dual ? 2 : 1) : current;
      total += count * part.scale;
      current = 0;
      scaled = true;
    }
    last = part;
    sawWord = true;
    words++;
    k++;
  }
  if (!sawWord || words === 0) return null;
  const value = total + current;
  // A plural scale word alone is "thousands of", "millions of" ("آلاف الأشخاص"): no number. Nor is a scale word
  // alone after digits it could not join ("50ر62 مليون", Saudi papers' ر decimal point): its count is unread.
  if (words === 1 && last !== null && last.kind === "scale") {
    if (last.plural) return null;
    if (
      i > 0 &&
      /\d$/.test(tokens[i - 1]!.norm) &&
      !/\p{L}/u.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start))
    )
      return null;
  }
  const start = tokens[i]!.start + startCut;
  const end = tokens[k - 1]!.end;
  return { mention: { text: text.slice(start, end), start, end, value }, end: k };
}
