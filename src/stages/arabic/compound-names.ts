/**
 * Names written in one word or two: عبد + a divine name (عبدالله / عبد الله), أبو + a kunya or a place (أبوظبي / أبو
 * ظبي). Pure. Search keys only (analyze-text.ts searchKeyOf and compoundKeyAt): the index and queries key both
 * writings as the one word, so each finds the other; the match keys of dedupe, stories and entities are untouched.
 */
import { isStopWord } from "./stop-words.ts";

const ABD = "\u0639\u0628\u062f"; // عبد: ARABIC LETTER AIN, BEH, DAL
const AIN = 0x0639; // ARABIC LETTER AIN
const ABU = "\u0627\u0628\u0648"; // ابو: أبو as normalized (ALEF, BEH, WAW)
const ARTICLE = "\u0627\u0644"; // ال: ALEF, LAM
/** ربه and رب after عبد: عبد ربه منصور هادي (268 dev tokens, عبدربه 194), عبد رب الرسول (9, عبدرب 8). */
const ABD_RABB_WORDS: ReadonlySet<string> = new Set(["\u0631\u0628\u0647", "\u0631\u0628"]); // ربه, رب

/**
 * Particles written onto عبد or أبو (وعبد الله, لعبد الله, بأبو ظبي, ولأبو), longest first: the dev corpus writes
 * وعبد 88 + 40 + 24 times before الله, العزيز, الرحمن.
 */
const HEAD_PARTICLES = ["\u0648\u0628", "\u0648\u0644", "\u0648", "\u0641", "\u0628", "\u0644"]; // وب ول و ف ب ل

/** Most words one compound takes: أبو عبد الله (a kunya whose second part is an عبد name). */
export const COMPOUND_WORDS_MAX = 3;

/** Letters after عبد or أبو a one-word name needs: عبدالله, أبوبكر; fewer is another word (أبوه, أبوكم). */
const SECOND_PART_MIN_CHARS = 2;

/** Where `head` (عبد or ابو) starts in `norm` after HEAD_PARTICLES, when `norm` is exactly particles + head; else -1. */
function headAt(norm: string, head: string): number {
  if (!norm.endsWith(head)) return -1;
  const particles = norm.length - head.length;
  if (particles === 0) return 0;
  return HEAD_PARTICLES.includes(norm.slice(0, particles)) ? particles : -1;
}

/** True when `norm` is عبد or أبو with particles or none: a word that may begin a compound name. */
export function isCompoundNameHead(norm: string): boolean {
  return norm.length >= 3 && norm.length <= 5 && (headAt(norm, ABD) >= 0 || headAt(norm, ABU) >= 0);
}

/** True when a normalized word is Arabic letters only (U+0621..U+064A): digits and Latin never end a name. */
function isArabicWord(norm: string): boolean {
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a) return false;
  }
  return norm.length > 0;
}

/** True when `second` completes عبد: a word with the article (a divine name: الله, العزيز, الرحمن) or ربه/رب. */
function completesAbd(second: string): boolean {
  if (ABD_RABB_WORDS.has(second)) return true;
  return (
    second.startsWith(ARTICLE) &&
    second.length >= ARTICLE.length + SECOND_PART_MIN_CHARS &&
    isArabicWord(second) &&
    !isStopWord(second)
  );
}

/**
 * The search key of a one-word عبد name with particles or none: the name without them, whole (light10 cut عبدالغني
 * to عبدالغن and عبداللهيان to عبدالل, the stem of عبدالله, and left the ل of لعبدالرحيم). A family name made of one
 * with the article (العبدالمحسن, العبداللطيف: "هدى العبدالعزيز") keeps the article, as family nisbas do: light10 cut
 * it to the given name, so a search for عبداللطيف found 14 dev articles holding only العبداللطيف. Null for any other
 * word. Examples: "لعبدالرحيم" -> "عبدالرحيم", "وعبدالله" -> "عبدالله", "عبدربه" -> "عبدربه", "للعبدالمحسن" ->
 * "العبدالمحسن", "عبدالي" -> null (عبد + إلى), "العبد" -> null.
 */
export function abdNameKeyOf(norm: string): string | null {
  // The cheap test first (searchKeyOf asks it of every word): ع within the first five letters, then عبد there.
  let at = 0;
  while (at <= ABD_PREFIX_MAX_CHARS && norm.charCodeAt(at) !== AIN) at++;
  if (at > ABD_PREFIX_MAX_CHARS || !norm.startsWith(ABD, at)) return null;
  const name = at === 0 ? norm : norm.slice(at);
  if (!completesAbd(name.slice(ABD.length))) return null;
  if (at === 0) return name;
  const prefix = norm.slice(0, at);
  if (HEAD_PARTICLES.includes(prefix)) return name;
  return FAMILY_PREFIXES.includes(prefix) ? ARTICLE + name : null;
}

/** The article, with the particles it may carry (والعبدالله, للعبدالله: ل + ال written لل), before an عبد family name. */
const FAMILY_PREFIXES = ["ال", "وال", "بال", "فال", "لل", "ولل"]; // ال وال بال فال لل ولل
/** Longest prefix before عبد in a one-word name: FAMILY_PREFIXES' longest. */
const ABD_PREFIX_MAX_CHARS = 3;

/** A compound's key, how many words it takes, and its words written as one word, particles removed, whose key it is. */
export interface Compound {
  readonly key: string;
  readonly words: number;
  readonly written: string;
}

/**
 * The compound name that starts at word `i` of normalized words, keyed as its words written as one (`keyOfWord`,
 * the search key of one word), or null:
 * - عبد + a word with the article or ربه/رب: "عبد الله" keys as "عبدالله" (abdNameKeyOf: particles go, "لعبد الله"
 *   -> "عبدالله"). Of 4,553 dev tokens of عبد + an ال-word, all but a handful are names (عبد الله, العزيز, الرحمن,
 *   الفتاح, اللهيان); the rest are "servant" before a stop word or a typo.
 * - أبو + an Arabic word that is no stop word: "أبو ظبي" keys as "ابوظبي", "أبو بكر" as "ابوبكر", "أبو عبد الله" as
 *   "ابوعبدالله"'s key. The word after أبو is a name or a place in every one of the 410 dev pairs read but 15 (stop
 *   words: أبو علي is written أبو على); a pair whose one-word key is أبو's own (أبو كم: ابوكم "your father" stems to
 *   ابو) stays two words. Particles on أبو go ("لأبو بكر" keys as "أبو بكر"); a one-word ل/ب + ابو keeps them, as
 *   searchKeyOf does (it is mostly another word: لابورتا 19 dev tokens, لابواب 6; لابوظبي, a place, loses them).
 * Examples: (["عبد", "الله", "صالح"], 0) -> {key "عبدالله", words 2}; (["ابو", "عبد", "الله"], 0) -> {key
 * keyOfWord("ابوعبدالله"), words 3}; (["عبد", "في"], 0) -> null; (["ابو", "كم"], 0) -> null.
 */
export function compoundNameAt(
  words: readonly string[],
  i: number,
  keyOfWord: (norm: string) => string,
): Compound | null {
  const head = words[i]!;
  const second = words[i + 1];
  if (second === undefined || !isCompoundNameHead(head)) return null;
  if (headAt(head, ABD) >= 0) {
    if (!completesAbd(second)) return null;
    const name = abdNameKeyOf(head + second)!;
    return { key: name, words: 2, written: name };
  }
  if (!isArabicWord(second) || second.length < SECOND_PART_MIN_CHARS || isStopWord(second)) return null;
  const third = words[i + 2];
  // أبو عبد الله: the kunya's second part is itself written in one word or two.
  const taken = second === ABD && third !== undefined && completesAbd(third) ? 3 : 2;
  const written = ABU + second + (taken === 3 ? third! : "");
  const key = keyOfWord(written);
  if (key.length < ABU.length + SECOND_PART_MIN_CHARS || key === ABU) return null;
  return { key, words: taken, written };
}

/**
 * The letters every writing of a compound key holds in its first word: عبد for an عبد name, ابو for an أبو name, or
 * null (search snippets look for the two-word writing from its first word).
 * Examples: "عبدالله" -> "عبد", "ابوظبي" -> "ابو", "لابوبكر" -> "ابو", "حكوم" -> null.
 */
export function compoundHeadNeedleOf(key: string): string | null {
  if (key.length < ABD.length + SECOND_PART_MIN_CHARS) return null;
  if (abdNameKeyOf(key) === key) return ABD;
  const at = key.indexOf(ABU);
  return at >= 0 && at <= 2 && key.length >= at + ABU.length + SECOND_PART_MIN_CHARS ? ABU : null;
}
