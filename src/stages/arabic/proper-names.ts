/**
 * Proper names kept whole: a place name of the entity lexicon, or a given or family name light10 would cut, with any
 * particles written onto it, is its own key in the search index and in queries (أبها is not اب, "father"; سلمان is
 * not سلم, "peace"), and بأبها, لمصر, وسلمان meet أبها, مصر, سلمان. Pure. Used by the analyzer's search keys
 * (analyze-text.ts searchKeyOf); the comparison keys of dedupe, stories and entities stay light stems (keeping place
 * names whole lowered mean dev clustering F1), and stories read only the place names (placeNameOf).
 */
import { GIVEN_NAMES, PLACES } from "../entities/entity-lexicon.ts";
import { FAMILY_NAME_NISBAS } from "./family-name-nisbas.ts";
import { normalizeArabic } from "./normalize-arabic.ts";
import { stemArabic } from "./stem-arabic.ts";

const ALEF = "\u0627"; // ARABIC LETTER ALEF
const LAM = "\u0644"; // ARABIC LETTER LAM
const ARTICLE = ALEF + LAM; // ال
const YEH = "\u064a"; // ARABIC LETTER YEH

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

/**
 * Given names of the entity lexicon (GIVEN_NAMES) whose normalized form is also an everyday word or a particle plus
 * one, more often than the name: they are stemmed as words. Counts are dev-corpus articles (2026-11-30).
 */
const GIVEN_NAMES_READ_AS_WORDS: ReadonlySet<string> = new Set(
  [
    "\u0639\u0644\u064a", // علي: also على "on" after normalization, and فعلي "actual" (211) would read as ف + علي
    "\u062d\u0635\u0629", // حصة: Hessa, and "share", "class" (246; بحصة 33)
    "\u0646\u0627\u062f\u064a\u0629", // نادية: Nadia, and ناديه "his club" (261; لناديه 45)
    "\u0639\u0632\u0629", // عزة: Azza, and "pride" (وعزة 14)
    "\u0625\u0644\u064a\u0627\u0633", // إلياس: Elias, and اليأس "despair" after normalization (بالياس)
    "\u0644\u0628\u0646\u0649", // لبنى: Lubna, and للبنى "for the infrastructure" (البنى التحتية) read as ل + لبنى
  ].map(normalizeArabic),
);

/**
 * Family names written without the article that light10 cuts onto a place or an everyday word: عسيري (the coalition
 * spokesman, 259 dev articles) met the region عسير (1,738), شكري (Sameh Shoukry, 147) met شكر "thanks" (1,630).
 * Names with the article are FAMILY_NAME_NISBAS when the corpus writes them after a given name often enough (العبادي,
 * الحربي, الشهري: a search for the name is not one for حرب "war" or شهر "month", at the cost of the adjective "military"
 * or "monthly" no longer meeting its noun); the others are left to the stemmer as adjectives (المصري meets مصر).
 */
const FAMILY_NAMES = ["\u0639\u0633\u064a\u0631\u064a", "\u0634\u0643\u0631\u064a"]; // عسيري, شكري

/**
 * Given names light10 cuts (its stem is not the name), and FAMILY_NAMES, normalized: سلمان lost ان and met سلم
 * ("peace", وسلم; 3,276 dev articles for 2,250 with the name), سلطان met السلطات ("the authorities"), شعبان met
 * الشعب ("the people"), منى met من ("from"). A name light10 leaves whole (سعود, خالد) needs no entry: it already
 * is its own key, and the stems other words share with it (السعودي) are its word family.
 */
const PERSON_NAMES: ReadonlySet<string> = new Set(
  [...GIVEN_NAMES.map(normalizeArabic).filter((name) => stemArabic(name) !== name), ...FAMILY_NAMES]
    .filter((name) => !GIVEN_NAMES_READ_AS_WORDS.has(name))
    .map(normalizeArabic),
);

/**
 * Person names of PERSON_NAMES whose form with the article is the same name or word, normalized, -> the name: "عبدالله
 * بن الحسين", "محمد الأمين" and "الأمين العام", "الإيمان", "السلطان". Light10 cut these onto shorter stems (حس, ام, ايم,
 * سلط) while the bare name stayed whole, so a search for حسين missed الحسين (366 dev tokens) and found الحسينيات. Not
 * every name: التركي is mostly "the Turkish" (1,294), السامي "the high" (199), الليلي "nightly".
 */
const PERSON_NAME_OF_ARTICLE_FORM: ReadonlyMap<string, string> = new Map(
  ["الحسين", "الأمين", "الإيمان", "السلطان"].map((form) => [
    normalizeArabic(form),
    normalizeArabic(form.slice(2)),
  ]),
);

/**
 * A place name without the article that ends in ي (هايتي, تشيلي, جيبوتي) is also its people's adjective, which takes
 * the article: "الرئيس الهايتي". Light10 cuts that form to هايت while the name is kept whole, so each such name's
 * article form -> the name, normalized ("الهايتي" -> "هايتي"). Cities too: the few such forms that are other names
 * (الدبي a family name, الملاوي a Saudi place; rare in the dev corpus) then search as the city or the country.
 */
const PLACE_NAME_OF_ARTICLE_ADJECTIVE: ReadonlyMap<string, string> = new Map(
  [...PLACE_NAMES]
    .filter((name) => !name.startsWith(ARTICLE) && name.endsWith(YEH))
    .map((name) => [ARTICLE + name, name]),
);

/** Names whose article form is the name itself (PERSON_NAME_OF_ARTICLE_FORM, PLACE_NAME_OF_ARTICLE_ADJECTIVE). */
const NAME_OF_ARTICLE_FORM: ReadonlyMap<string, string> = new Map([
  ...PERSON_NAME_OF_ARTICLE_FORM,
  ...PLACE_NAME_OF_ARTICLE_ADJECTIVE,
]);

/**
 * Place names, person names (some with the article) and family names written as a nisba with the article (العبادي:
 * its own key, not عباد): what the search keys keep whole (properNameOf).
 */
const PROPER_NAMES: ReadonlySet<string> = new Set([
  ...PLACE_NAMES,
  ...PERSON_NAMES,
  ...NAME_OF_ARTICLE_FORM.keys(),
  ...FAMILY_NAME_NISBAS.map(normalizeArabic),
]);

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
 * can write a name only if it ends as one does. 15% of dev-corpus words (3 letters or more) end like a place name,
 * 20% like a place or a person name; the others are rejected without hashing the word (analyzer cost; two units let
 * two thirds through).
 */
const tailOf = (word: string): number =>
  ((word.charCodeAt(word.length - 3) & 0xff) << 16) |
  ((word.charCodeAt(word.length - 2) & 0xff) << 8) |
  (word.charCodeAt(word.length - 1) & 0xff);
/** Letters of the shortest name (دكا, زكي): shorter words are never one. */
const NAME_MIN_CHARS = 3;

/** A set of names and the tails (tailOf) they end with. */
interface NameTable {
  readonly names: ReadonlySet<string>;
  readonly tails: ReadonlySet<number>;
}
const tableOf = (names: ReadonlySet<string>): NameTable => ({
  names,
  tails: new Set([...names].map(tailOf)),
});
const PLACE_TABLE = tableOf(PLACE_NAMES);
const PROPER_TABLE = tableOf(PROPER_NAMES);

const WAW = 0x0648; // ARABIC LETTER WAW
const FEH = 0x0641; // ARABIC LETTER FEH
const BEH = 0x0628; // ARABIC LETTER BEH
const LAM_UNIT = 0x0644; // ARABIC LETTER LAM
const KAF = 0x0643; // ARABIC LETTER KAF

/**
 * The name of `names` after one preposition (`preposition` its code unit, `rest` what follows it), or null: ب and ل
 * before any name, ل taking the article's alef (للرياض is ل + الرياض), ك ("like") only before the article
 * (كالرياض; كسرت "broke" and كسبها "earned it" are verbs).
 */
function nameAfterPreposition(names: ReadonlySet<string>, preposition: number, rest: string): string | null {
  if (preposition === BEH) return names.has(rest) ? rest : null;
  if (preposition === LAM_UNIT) {
    if (names.has(rest)) return rest;
    const withArticle = ALEF + rest;
    return rest.startsWith(LAM) && names.has(withArticle) ? withArticle : null;
  }
  if (preposition === KAF) return rest.startsWith(ARTICLE) && names.has(rest) ? rest : null;
  return null;
}

/**
 * The name of `table` a normalized word writes, with any particles removed, or null: a name, or a name after one
 * conjunction (و, ف), one preposition (ب, ل, ك before the article) or a conjunction then a preposition. Light10
 * strips neither ب nor ل alone, so بأبها and لمصر never met أبها and مصر. The bare word is tried first, so a name
 * that starts like a particle (بريدة, لندن) is never cut.
 */
function nameIn(table: NameTable, norm: string): string | null {
  if (norm.length < NAME_MIN_CHARS || !table.tails.has(tailOf(norm))) return null;
  const names = table.names;
  if (names.has(norm)) return norm;
  const first = norm.charCodeAt(0);
  if (first === WAW || first === FEH) {
    const rest = norm.slice(1);
    if (names.has(rest)) return rest;
    return nameAfterPreposition(names, norm.charCodeAt(1), norm.slice(2));
  }
  return nameAfterPreposition(names, first, norm.slice(1));
}

/**
 * The place name a normalized word writes, particles removed (nameIn), or null: what stories read a headline place
 * by. A particle plus a name is read as the name: بابها "her door" (11 of 239 in the dev corpus; 228 are بأبها)
 * becomes أبها. Examples: "بابها" -> "ابها", "للرياض" -> "الرياض", "وجده" -> "جده", "كالرياض" -> "الرياض",
 * "وسلمان" -> null (a person), "مكان" -> null.
 */
export function placeNameOf(norm: string): string | null {
  return nameIn(PLACE_TABLE, norm);
}

/**
 * The proper name (a place or a person, PROPER_NAMES) a normalized word writes, particles removed, or null: the
 * search key of a name. Examples: "وسلمان" -> "سلمان", "بسلطان" -> "سلطان", "للرياض" -> "الرياض",
 * "بالحسين" -> "حسين", "والهايتي" -> "هايتي", "للعبادي" -> "العبادي" (a family nisba), "السلمان" -> null (a family
 * name with the article, not ending in ي, is stemmed), "وسلم" -> null.
 */
export function properNameOf(norm: string): string | null {
  const name = nameIn(PROPER_TABLE, norm);
  return name === null ? null : (NAME_OF_ARTICLE_FORM.get(name) ?? name);
}
