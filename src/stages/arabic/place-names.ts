/**
 * Place names as search keys: a place name of the entity lexicon, with any particles written onto it, is its own
 * key in the search index and in queries, so light10 never cuts it (أبها is not اب, "father") and بأبها, لمصر, وجدة
 * meet أبها, مصر, جدة. Pure. Used by the analyzer's search keys only (analyze-text.ts searchKeyOf): the comparison
 * keys of dedupe, stories and entities stay light stems (keeping names whole lowered mean dev clustering F1).
 */
import { PLACES } from "../entities/entity-lexicon.ts";
import { normalizeArabic } from "./normalize-arabic.ts";

const ALEF = "\u0627"; // ARABIC LETTER ALEF
const LAM = "\u0644"; // ARABIC LETTER LAM
const ARTICLE = ALEF + LAM; // ال

/**
 * Place names of the lexicon that are also everyday words, or a particle plus one: they are stemmed as words.
 * Each was read in context in the dev corpus.
 */
const PLACE_NAMES_READ_AS_WORDS: ReadonlySet<string> = new Set(
  [
    "\u0644\u062d\u062c", // لحج: للحج "for the Hajj" (74 dev articles) is ل + لحج once particles go
    "\u062d\u0645\u0627\u0629", // حماة: Hama, and "protectors" (حماة الوطن)
    "\u0627\u0644\u0645\u0630\u0646\u0628", // المذنب: a Qassim town, and "the comet", "the guilty one"
    "\u0633\u0631\u062a", // سرت: Sirte, and "spread" (سرت في أجسادهم); فسرت "explained"
  ].map(normalizeArabic),
);

/**
 * One-word place names of the entity lexicon (PLACES), normalized, article kept (الرياض, أبها, جدة). Light10 cuts
 * names like words: أبها lost ها and met اب ("father"), جدة met جد ("grandfather"), الرياض met الرياضي ("sporting").
 * Multi-word forms are left out: their words (المدينة, العربية, المتحدة) are everyday words.
 */
const PLACE_NAMES: ReadonlySet<string> = new Set(
  PLACES.flatMap((place) => place.forms)
    .filter((form) => !form.includes(" "))
    .map(normalizeArabic)
    .filter((name) => !PLACE_NAMES_READ_AS_WORDS.has(name)),
);

/** Bare form -> the lexicon's place name written with the article ("رباط" -> "الرباط"). */
const ARTICLE_PLACE_OF_BARE: ReadonlyMap<string, string> = new Map(
  [...PLACE_NAMES].filter((name) => name.startsWith(ARTICLE)).map((name) => [name.slice(2), name]),
);

/**
 * The place name with the article whose bare form a normalized word is, or null: a query written without the
 * article ("رباط صليبي") must still find the text's "الرباط الصليبي", now that such names are whole search keys.
 * Examples: "رباط" -> "الرباط", "يمن" -> "اليمن", "جده" -> null (no article in the name).
 */
export function articlePlaceNameOf(norm: string): string | null {
  return ARTICLE_PLACE_OF_BARE.get(norm) ?? null;
}

/**
 * The low bytes of a word's last three code units as one number (Arabic letters differ in their low byte): a word
 * can write a place name only if it ends as one does. One in eight dev-corpus words ends like a name; the others
 * are rejected without hashing the word (analyzer cost; two units let two thirds through).
 */
const tailOf = (word: string): number =>
  ((word.charCodeAt(word.length - 3) & 0xff) << 16) |
  ((word.charCodeAt(word.length - 2) & 0xff) << 8) |
  (word.charCodeAt(word.length - 1) & 0xff);
/** Letters of the shortest place name (دكا): shorter words are never one. */
const PLACE_NAME_MIN_CHARS = 3;
const PLACE_NAME_TAILS: ReadonlySet<number> = new Set([...PLACE_NAMES].map(tailOf));

const WAW = 0x0648; // ARABIC LETTER WAW
const FEH = 0x0641; // ARABIC LETTER FEH
const BEH = 0x0628; // ARABIC LETTER BEH
const LAM_UNIT = 0x0644; // ARABIC LETTER LAM
const KAF = 0x0643; // ARABIC LETTER KAF

/**
 * The place name after one preposition (`preposition` its code unit, `rest` what follows it), or null: ب and ل
 * before any name, ل taking the article's alef (للرياض is ل + الرياض), ك ("like") only before the article
 * (كالرياض; كسرت "broke" and كسبها "earned it" are verbs).
 */
function nameAfterPreposition(preposition: number, rest: string): string | null {
  if (preposition === BEH) return PLACE_NAMES.has(rest) ? rest : null;
  if (preposition === LAM_UNIT) {
    if (PLACE_NAMES.has(rest)) return rest;
    const withArticle = ALEF + rest;
    return rest.startsWith(LAM) && PLACE_NAMES.has(withArticle) ? withArticle : null;
  }
  if (preposition === KAF) return rest.startsWith(ARTICLE) && PLACE_NAMES.has(rest) ? rest : null;
  return null;
}

/**
 * The place name a normalized word writes, with any particles removed, or null: a name, or a name after one
 * conjunction (و, ف), one preposition (ب, ل, ك before the article) or a conjunction then a preposition. Light10
 * strips neither ب nor ل alone, so بأبها and لمصر never met أبها and مصر. The bare word is tried first, so a name
 * that starts like a particle (بريدة, لندن) is never cut. A particle plus a name is read as the name: بابها "her
 * door" (11 of 239 in the dev corpus; 228 are بأبها) becomes أبها.
 * Examples: "بابها" -> "ابها", "للرياض" -> "الرياض", "وجده" -> "جده", "كالرياض" -> "الرياض", "مكان" -> null.
 */
export function placeNameOf(norm: string): string | null {
  if (norm.length < PLACE_NAME_MIN_CHARS || !PLACE_NAME_TAILS.has(tailOf(norm))) return null;
  if (PLACE_NAMES.has(norm)) return norm;
  const first = norm.charCodeAt(0);
  if (first === WAW || first === FEH) {
    const rest = norm.slice(1);
    if (PLACE_NAMES.has(rest)) return rest;
    return nameAfterPreposition(norm.charCodeAt(1), norm.slice(2));
  }
  return nameAfterPreposition(first, norm.slice(1));
}
