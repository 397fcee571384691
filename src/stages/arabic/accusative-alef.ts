/**
 * The indefinite accusative's alef (tanween fath, "شهيداً", usually written شهيدا without the diacritic): the search
 * key of a word written with it is the key of the word without it, so "13 شهيدا" meets شهيد and "15 عاما" meets عام.
 * Pure. Search keys only (analyze-text.ts searchKeyOf): the match keys of dedupe, stories and entities stay light stems.
 */
import { normalizeArabic } from "./normalize-arabic.ts";
import { stemArabic } from "./stem-arabic.ts";
import { isStopWord } from "./stop-words.ts";
import { hasVariants } from "./variants.ts";

const ALEF_UNIT = 0x0627; // ARABIC LETTER ALEF
/** ايا: broken plurals built فعايا (قضايا، هدايا، مزايا، ضحايا) end in a long vowel, never in the accusative. */
const PLURAL_AYA_ENDING = "\u0627\u064a\u0627";

/**
 * Letters the light stem written with the alef must have (the alef included). A stem of three (دعا، غدا، خطا، لنا، معا)
 * is a word's own alef far more often than a two-letter noun's accusative, and its base would meet a particle or a
 * short word (لن، مع، خط). Read off the dev corpus's words written with a final alef (bench/stories/accusative-alef.ts).
 */
const MIN_ACCUSATIVE_STEM_CHARS = 4;
/**
 * Letters the key without the alef must keep: عليا (العليا "the supreme", 942 dev tokens) would become عل, the key
 * of على; دنيا دن, فيينا في, اسيا اس. Nouns that take the accusative keep three letters after light10.
 */
const MIN_BASE_KEY_CHARS = 3;

/**
 * Words whose final alef is their own and that light10 leaves with four letters or more, normalized: particles
 * compounded with ما or ذا (بعدما would meet بعدم, كلما the stem of كلمة), the pronoun نا after a particle or a
 * hollow verb (معنا would meet the name معن, لسنا لسن "tongue"), verbs and nouns whose final hamza normalization writes
 * as an alef (يبدأ would meet يبدي, يقرأ يقر "acknowledges", مبدأ مبدي), and names and loanwords whose key without
 * the alef is another word's (زارا the name Zara met زار "visited", ليديا ليدي, ناسا ناس "people", بابا باب "door",
 * فيلا فيل, سيلفا سيلفي "selfie"). A conjunction or preposition written onto them (وفيما، فلماذا، وتبدأ) and the
 * article (المبدأ) are allowed for (hasOwnAlef). Read off the commonest dev-corpus words whose key the rule changes
 * (bench/stories/accusative-alef.ts and the search bench's negative probes); stop words are left to their list.
 */
const WORDS_WITH_OWN_ALEF: ReadonlySet<string> = new Set(
  [
    // Particles with ما, ذا or نا.
    "فيما",
    "بما",
    "مما",
    "عما",
    "كما",
    "بعدما",
    "ربما",
    "عندما",
    "كلما",
    "بينما",
    "حينما",
    "طالما",
    "مثلما",
    "حيثما",
    "كيفما",
    "أينما",
    "قلما",
    "سيما",
    "لاسيما",
    "حسبما",
    "إنما",
    "لكنما",
    "ماذا",
    "لماذا",
    "هذا",
    "لهذا",
    "بهذا",
    "كهذا",
    "هكذا",
    "لذا",
    "حبذا",
    "إذا",
    "إننا",
    "لكننا",
    "كأننا",
    "معنا",
    "فينا",
    "كلنا",
    "لسنا",
    "زلنا",
    "قمنا",
    "قلنا",
    // A final hamza written on an alef.
    "بدأ",
    "تبدأ",
    "يبدأ",
    "نبدأ",
    "سيبدأ",
    "ستبدأ",
    "يقرأ",
    "تقرأ",
    "نقرأ",
    "اقرأ",
    "يلجأ",
    "تلجأ",
    "يتجزأ",
    "ينشأ",
    "يطرأ",
    "مبدأ",
    "منشأ",
    "ملجأ",
    "مرفأ",
    "مبتدأ",
    // Names and loanwords.
    "زارا",
    "سارا",
    "ليديا",
    "ماريا",
    "داليا",
    "ناديا",
    "زكريا",
    "صوفيا",
    "نوكيا",
    "ناسا",
    "بابا",
    "فيلا",
    "سيلفا",
    "داسيلفا",
    "بوبا",
  ].map(normalizeArabic),
);

/** ألف ("thousand"), normalized: its accusative ("15 ألفا", 423 dev tokens of الفا) is a counted noun like عاما. */
const THOUSAND = normalizeArabic("ألف");
/** The light stem of ألفا: light10 takes its ال for the article. */
const THOUSAND_STEM = stemArabic(`${THOUSAND}\u0627`);

/** Letters a conjunction or preposition written onto a word may be: و ف ب ل ك. */
const PARTICLE_LETTERS = new Set(["\u0648", "\u0641", "\u0628", "\u0644", "\u0643"]);
/** Most particles tried before a word of WORDS_WITH_OWN_ALEF (وبما، فلماذا). */
const MAX_PARTICLES = 2;

/**
 * True when the normalized word is a WORDS_WITH_OWN_ALEF word with up to two particle letters before it, or its light
 * stem (`stem`, the article removed) is one.
 */
function hasOwnAlef(norm: string, stem: string): boolean {
  if (WORDS_WITH_OWN_ALEF.has(stem)) return true;
  for (let i = 0; i <= MAX_PARTICLES && i < norm.length; i++) {
    if (WORDS_WITH_OWN_ALEF.has(norm.slice(i))) return true;
    if (!PARTICLE_LETTERS.has(norm[i]!)) return false;
  }
  return false;
}

/**
 * The light stem of a normalized word, without the indefinite accusative's final alef: when light10 keeps the word's
 * final alef (nothing after it was cut), the stem of the word without that alef. Kept as stemArabic gives it: a stem
 * of fewer than four letters (دعا، خطا), a base key under three (عليا، دنيا), a broken plural in ايا (قضايا), a word of
 * WORDS_WITH_OWN_ALEF or a stop word, a stem of a spelling-variant group (أمريكا، أوروبا name the word with its alef),
 * and an alef a pronoun exposed (ذكراها keeps the alef maksura of ذكرى).
 * Examples: "شهيدا" -> "شهيد", "عاما" -> "عام", "حاليا" -> "حال" (as حالي), "الفا" -> "الف", "قالا" -> "قال",
 * "قضايا" -> "قضايا", "العليا" -> "عليا", "بعدما" -> "بعدما".
 */
export function stemWithoutAccusativeAlef(norm: string): string {
  const stem = stemArabic(norm);
  // Most words are ruled out by their last letter; the cheap tests go before the second stemming.
  if (stem.charCodeAt(stem.length - 1) !== ALEF_UNIT || !norm.endsWith(stem)) return stem;
  // The thousand: light10 reads the ال of ألفاً as the article (فا); without the alef it is الف, as ألف is.
  if (stem.length < MIN_ACCUSATIVE_STEM_CHARS && stem !== THOUSAND_STEM) return stem;
  if (stem.endsWith(PLURAL_AYA_ENDING) || hasVariants(stem) || isStopWord(norm) || hasOwnAlef(norm, stem))
    return stem;
  const base = stemArabic(norm.slice(0, -1));
  if (stem.length < MIN_ACCUSATIVE_STEM_CHARS && base !== THOUSAND) return stem;
  return base.length < MIN_BASE_KEY_CHARS ? stem : base;
}
