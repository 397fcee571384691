/**
 * Light stemmer for normalized Arabic words: light10 (Larkey) plus enclitics and a radical-waw lexicon (notes §5).
 * Pure. Input must already be normalized (normalizeArabic), output is a match key, never shown to readers.
 */
import { normalizeArabic } from "./normalize-arabic.ts";
import { RADICAL_WAW_WORDS } from "./radical-waw-words.ts";

/** Article-like prefixes, tried in order; the first that fits is removed (light10, notes §1.2). */
const ARTICLE_PREFIXES = [
  "\u0627\u0644",
  "\u0648\u0627\u0644",
  "\u0628\u0627\u0644",
  "\u0643\u0627\u0644",
  "\u0641\u0627\u0644",
  "\u0644\u0644",
] as const; // ال وال بال كال فال لل

/** Prefixes tried again after a conjunction و has been removed (وللحكومة, وبالتالي); light10 stops at و. */
const ARTICLE_PREFIXES_AFTER_WAW = ["\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0644\u0644"] as const; // بال كال لل

/** Letters an article prefix must leave (light10: 2, so الحج -> حج). */
const MIN_AFTER_ARTICLE_CHARS = 2;
/** Letters the conjunction و must leave (light10: 3, so وقت, وضع, وفد are never split). */
const MIN_AFTER_WAW_CHARS = 3;

/** Pronoun enclitics, tried in order, first match only (notes §5 "light10plus"). */
const ENCLITICS = [
  "\u0647\u0645\u0627",
  "\u0643\u0645\u0627",
  "\u0647\u0645",
  "\u0647\u0646",
  "\u0643\u0645",
  "\u0646\u0627",
  "\u0647\u0627",
] as const; // هما كما هم هن كم نا ها
/** Letters an enclitic must leave (notes §5), so هنا, فهم, حكم keep their endings. */
const MIN_AFTER_ENCLITIC_CHARS = 3;

/** Light10 suffixes, each tried once, in this order (ة and ى are already heh and yeh after normalization). */
const SUFFIXES = [
  "\u0647\u0627",
  "\u0627\u0646",
  "\u0627\u062a",
  "\u0648\u0646",
  "\u064a\u0646",
  "\u064a\u0647",
  "\u0647",
  "\u064a",
] as const; // ها ان ات ون ين يه ه ي
/** Letters a suffix must leave (light10). */
const MIN_AFTER_SUFFIX_CHARS = 2;

const ALEF = "\u0627"; // ARABIC LETTER ALEF
const WAW = "\u0648"; // ARABIC LETTER WAW
const TEH = "\u062a"; // ARABIC LETTER TEH
const HEH = "\u0647"; // ARABIC LETTER HEH
const ALEF_TEH = "\u0627\u062a"; // ات, the feminine plural, keeps its teh

/**
 * Nouns whose final ت is radical, not a teh marbuta before a pronoun: وقتها must not become وق (وقت -> وقه -> وق).
 * Hand-picked frequent news words; the restore rule of notes §5 is right for the far larger class (حكومتها).
 */
const RADICAL_TEH_STEMS: ReadonlySet<string> = new Set([
  "\u0648\u0642\u062a", // وقت time
  "\u0628\u064a\u062a", // بيت house
  "\u0635\u0648\u062a", // صوت voice
  "\u0645\u0648\u062a", // موت death
  "\u0627\u062e\u062a", // اخت sister
  "\u0628\u0646\u062a", // بنت girl
  "\u0632\u064a\u062a", // زيت oil
  "\u0633\u0628\u062a", // سبت Saturday
]);

/** Last code unit of each enclitic and suffix, in list order. */
const ENCLITIC_LAST_UNITS = ENCLITICS.map((e) => e.charCodeAt(e.length - 1));
const SUFFIX_LAST_UNITS = SUFFIXES.map((e) => e.charCodeAt(e.length - 1));

/** Removes pronoun enclitics and light10 suffixes: "حكومتها" -> "حكوم", "اجتماعات" -> "اجتماع". */
function stripSuffixes(word: string): string {
  let s = word;
  // Last code units first: most words end in none of them, and a compare of one unit is cheaper than endsWith.
  for (let i = 0; i < ENCLITICS.length; i++) {
    const enclitic = ENCLITICS[i]!;
    if (s.charCodeAt(s.length - 1) !== ENCLITIC_LAST_UNITS[i]) continue;
    if (s.length >= enclitic.length + MIN_AFTER_ENCLITIC_CHARS && s.endsWith(enclitic)) {
      s = s.slice(0, -enclitic.length);
      // Before a pronoun the teh marbuta is written ت: حكومتها is حكومة + ها.
      if (s.endsWith(TEH) && !s.endsWith(ALEF_TEH) && !RADICAL_TEH_STEMS.has(s)) s = s.slice(0, -1) + HEH;
      break;
    }
  }
  for (let i = 0; i < SUFFIXES.length; i++) {
    const suffix = SUFFIXES[i]!;
    if (s.charCodeAt(s.length - 1) !== SUFFIX_LAST_UNITS[i]) continue;
    if (s.length >= suffix.length + MIN_AFTER_SUFFIX_CHARS && s.endsWith(suffix))
      s = s.slice(0, -suffix.length);
  }
  return s;
}

/**
 * True when removing `prefix` would leave a two-letter remainder starting with alef: that alef is the
 * madda of آل… (آلاف, آلام, آلات), which normalization flattened, so ال is part of the word (notes §1.2).
 */
function isMaddaWord(word: string, prefix: string): boolean {
  return word.length - prefix.length === 2 && word.startsWith(ALEF, prefix.length);
}

/** Removes the first article-like prefix that fits; for a madda word keeps ال and drops only the particle. */
function stripArticle(word: string, prefixes: readonly string[]): string | null {
  for (const prefix of prefixes) {
    if (word.length < prefix.length + MIN_AFTER_ARTICLE_CHARS || !word.startsWith(prefix)) continue;
    if (isMaddaWord(word, prefix)) {
      // والاف, بالاف: drop the particle, keep the madda word الاف; a bare الاف stays as it is.
      return prefix.length === 3 ? word.slice(1) : word;
    }
    return word.slice(prefix.length);
  }
  return null;
}

/** Stems (without the conjunction step) of words whose و is radical; computed once so the list stays readable. */
const RADICAL_WAW_STEMS: ReadonlySet<string> = new Set(
  RADICAL_WAW_WORDS.map((w) => stripSuffixes(normalizeArabic(w))),
);

/** True when the leading و of a normalized word belongs to the word (وزارة, وليد), per the radical-waw list. */
export function isRadicalWaw(norm: string): boolean {
  return norm.startsWith(WAW) && RADICAL_WAW_STEMS.has(stripSuffixes(norm));
}

/**
 * Stems a normalized word (light10 + enclitics + radical-waw lexicon, notes §5).
 * A leading و is a conjunction unless the word's stem is in the radical-waw list (وزارة, وليد, واشنطن).
 * Examples: "والحكومات" -> "حكوم", "حكومتها" -> "حكوم", "وقال" -> "قال", "وزارة" -> "وزار", "الاف" -> "الاف".
 */
export function stemArabic(norm: string): string {
  if (isRadicalWaw(norm)) return stripSuffixes(norm);
  const afterArticle = stripArticle(norm, ARTICLE_PREFIXES);
  if (afterArticle !== null) return stripSuffixes(afterArticle);
  if (norm.startsWith(WAW) && norm.length >= 1 + MIN_AFTER_WAW_CHARS) {
    const rest = norm.slice(1);
    return stripSuffixes(stripArticle(rest, ARTICLE_PREFIXES_AFTER_WAW) ?? rest);
  }
  return stripSuffixes(norm);
}
