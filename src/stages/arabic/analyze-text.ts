/**
 * Analyzer: display text -> the match fields the search index stores (notes §5: surface + variant-folded stem).
 * Pure. Stop words stay in the index so phrase queries work (notes §1.8).
 */
import { hash } from "node:crypto";
import type { AnalyzedIndex, ArticleWrite, IndexFields, MatchText } from "../../domain/article.ts";
import { PLACE_ADJECTIVES, PLACES } from "../entities/entity-lexicon.ts";
import { isTensOrHundredWord } from "../entities/find-numbers.ts";
import { stemWithoutAccusativeAlef } from "./accusative-alef.ts";
import {
  abdNameKeyOf,
  type Compound,
  compoundHeadNeedleOf,
  compoundNameAt,
  isCompoundNameHead,
} from "./compound-names.ts";
import { normalizeArabic } from "./normalize-arabic.ts";
import { articlePlaceNameOf, properNameOf } from "./proper-names.ts";
import { stemArabic } from "./stem-arabic.ts";
import { tokenize, tokenizeNormalized } from "./tokenize.ts";
import { foldVariant } from "./variants.ts";

/**
 * The variant-folded light stem of a normalized word (analyzeWord's `stem`, without the pair). Not cached: the
 * light stemmer costs about what a lookup in a cache big enough for news vocabulary (100k of the dev corpus's 250k
 * word types) does, and the cache was slower in an interleaved A/B over the dev corpus's words (80 vs 69 µs per
 * article at load ~8) besides holding ~15 MB per process. Example: "والحكومات" -> "حكوم".
 */
export function matchKeyOf(norm: string): string {
  return foldVariant(stemArabic(norm));
}

/**
 * The key a normalized word has in the search index and in queries: a one-word عبد name, particles removed and
 * every letter kept (abdNameKeyOf: what "عبد الله" in two words keys as, compoundKeyAt), else the proper name (a
 * place, or a person's name light10 would cut) it writes, particles removed and every letter kept (properNameOf; a
 * place written two ways has its first spelling's key, placeKeyOf), else its match key without the indefinite
 * accusative's alef (stemWithoutAccusativeAlef). Variant-folded either way. Examples: "بابها" -> "ابها" (matchKeyOf:
 * "باب"), "بالرياض" -> "الرياض" (matchKeyOf: "رياض"), "وسلمان" -> "سلمان" (matchKeyOf: "سلم"), "والحكومات" ->
 * "حكوم", "سوريه" -> "سوريا", "شهيدا" -> "شهيد", "كرونا" -> "كورونا", "لعبدالغني" -> "عبدالغني" (matchKeyOf:
 * "لعبدالغن").
 */
export function searchKeyOf(norm: string): string {
  const abdName = abdNameKeyOf(norm);
  if (abdName !== null) return abdName;
  const name = properNameOf(norm);
  if (name !== null) return placeKeyOf(foldVariant(name));
  const stemKey = foldVariant(
    numberWordKeyOf(norm) ?? wordKeptApartKeyOf(norm) ?? loanwordKeyOf(norm) ?? stemKeepingWawAnOf(norm),
  );
  const key = SEARCH_SPELLING_KEY_OF_STEM.get(stemKey) ?? stemKey;
  const adjective = COUNTRY_ADJECTIVE_OF_STEM.get(key);
  return adjective !== undefined && norm.includes(adjective.written) ? adjective.written : key;
}

const WAW_CODE = 0x0648; // ARABIC LETTER WAW
const ALEF_NOON = "\u0627\u0646"; // ان, the dual ending light10 removes

/**
 * The light stem without the accusative's alef (stemWithoutAccusativeAlef), keeping ان after a three-letter stem
 * ending in و: that ان is the noun's own (the pattern فعلان of a root whose last letter is و: إخوان "brothers",
 * عدوان "aggression", ديوان "court", عنوان "address", حيوان "animal", رضوان), not a dual. Light10 cut them onto the
 * root's other nouns: a search for الإخوان (the Brotherhood, 673 dev tokens with its forms) found الأخوة, الأخوية and
 * الأخوين (the stem اخو, 1,461), عدوان found عدو "enemy". The rare dual of such a noun (عضوان "two members", 11 of
 * عضو's 3,031 tokens) is kept apart from it. Examples: "الاخوان" -> "اخوان", "اخوانهم" -> "اخوان", "الاخوه" -> "اخو",
 * "العدوانيه" -> "عدوان" (as before).
 */
function stemKeepingWawAnOf(norm: string): string {
  const stem = stemWithoutAccusativeAlef(norm);
  if (stem.length !== 3 || stem.charCodeAt(2) !== WAW_CODE) return stem;
  const withAn = stem + ALEF_NOON;
  return norm.includes(withAn) ? withAn : stem;
}

/** searchKeyOf before places written two ways meet: what PLACE_KEY_OF_SPELLING is built from. */
function nameOrStemKeyOf(norm: string): string {
  return foldVariant(properNameOf(norm) ?? stemArabic(norm));
}

/**
 * Key of each one-word spelling of a place after the first -> the first's key, where they differ: سورية (the Syrian
 * and Saudi agencies' house spelling, 294 dev articles with it and without سوريا) -> سوريا, جيزان -> جازان, هنغاريا
 * -> المجر, أنجولا -> أنغولا. From PLACES, whose entries list a place's spellings.
 */
const PLACE_KEY_OF_SPELLING: ReadonlyMap<string, string> = new Map(
  PLACES.flatMap((place) => {
    const keys = place.forms
      .filter((form) => !form.includes(" "))
      .map((f) => nameOrStemKeyOf(normalizeArabic(f)));
    return keys.slice(1).flatMap((key) => (key === keys[0] ? [] : [[key, keys[0]!] as const]));
  }),
);

/** A name's key with the spellings of one place folded to the first (PLACE_KEY_OF_SPELLING). */
function placeKeyOf(name: string): string {
  return PLACE_KEY_OF_SPELLING.get(name) ?? name;
}

/**
 * Place names written with the article whose adjective (nisba: اليمني، العراقية، القطيفي) has the light stem of the
 * name without its article, and no everyday word of the dev corpus shares that stem in number: read off the corpus's
 * words by stem (2026-11-29). Left out for that reason: السعودية (سعود, a given name), البحرين (البحر), الرياض
 * (الرياضي, "sporting"), الطائف (الطائفية, "sectarianism"), الظهران (الظهر), الجوف (الجوفية, "underground"), الحديدة
 * (الحديد), البصرة (البصر), القدس (قدسية), الموصل (الموصلات), الخرج (خرج), المجمعة (مجمع), المنصورة (منصور), المجر
 * (مجريات), الغابون (الغابة "the forest"), الدومينيكان (دومينيك, a given name). Names without the article need no
 * entry: light10 already gives لبنان and اللبناني one stem.
 */
export const PLACES_WITH_PLAIN_ADJECTIVE = [
  "اليمن",
  "العراق",
  "الأردن",
  "الكويت",
  "الجزائر",
  "المغرب",
  "الصومال",
  "الهند",
  "الصين",
  "البرازيل",
  "الأحساء",
  "القطيف",
  "القصيم",
  "السويد",
  "النرويج",
  "الدنمارك",
  "البرتغال",
  "المكسيك",
  "السنغال",
  "الأنبار",
  "التشيك",
  "الكونغو",
  "الإكوادور",
  "الأوروغواي",
  "السلفادور",
  "البهاما",
  "المالديف",
  "البوسنة",
  "الفاتيكان",
].map(normalizeArabic);

const ARTICLE = "\u0627\u0644"; // ARABIC LETTER ALEF, ARABIC LETTER LAM: the article ال

/** A country's adjective (nisba), normalized, and the country's search key. */
interface CountryAdjective {
  readonly written: string;
  readonly place: string;
}

/**
 * Light stem of a country's adjective -> the adjective, for the one-word countries of PLACE_ADJECTIVES whose name and
 * adjective light10 keys apart (سوريا / السوري -> سور, روسيا / روس, بريطانيا / بريطان, ألمانيا / مان and المان): a word
 * with that stem that writes the adjective (السوريين, البريطانية, ألمانية) keys as the adjective (سوري), which the
 * country's query asks for (queryKeysOf). The stem alone was shared with everyday words: a search for سوريا that asked
 * for سور found سورة "sura" and السور "the wall" (132 of the 738 articles it added on the dev corpus), one for
 * ألمانيا found مان سيتي. Left out: a country whose adjective is a name (تركي, the given name Turki), one whose name
 * already keys as its adjective does (مصر and مصري, لبنان and اللبناني), and PLACES_WITH_PLAIN_ADJECTIVE (اليمن).
 * Example: "سور" -> { written: "سوري", place: "سوريا" }.
 */
const COUNTRY_ADJECTIVE_OF_STEM: ReadonlyMap<string, CountryAdjective> = new Map(
  PLACE_ADJECTIVES.flatMap(([place, adjective]) => {
    const placeNorm = normalizeArabic(place);
    const written = normalizeArabic(adjective);
    const stems = [written, ARTICLE + written].map((w) => foldVariant(stemWithoutAccusativeAlef(w)));
    const placeKey = placeKeyOf(foldVariant(properNameOf(placeNorm) ?? placeNorm));
    if (
      place.includes(" ") ||
      properNameOf(written) !== null ||
      PLACES_WITH_PLAIN_ADJECTIVE.includes(placeNorm) ||
      stems.includes(placeKey)
    )
      return [];
    const entry: CountryAdjective = {
      written,
      place: placeKey,
    };
    return stems.map((stem) => [stem, entry] as const);
  }),
);

/**
 * A form -> key map turned round: each key -> the forms that key to it, other than the key itself (in the map's
 * order). Example: {كرونا: كورونا, كورونا: كورونا} -> {كورونا: [كرونا]}.
 */
function otherFormsOfKey(keyOfForm: ReadonlyMap<string, string>): ReadonlyMap<string, readonly string[]> {
  const out = new Map<string, string[]>();
  for (const [form, key] of keyOfForm) {
    const forms = out.get(key) ?? [];
    if (form !== key) forms.push(form);
    out.set(key, forms);
  }
  return out;
}

/**
 * Loanwords light10 cuts onto another word or that are written in two words, normalized, -> their search key:
 * كورونا (the MERS coronavirus of 2015, 80 dev articles) lost نا as a pronoun and كرونا met الكروي ("football",
 * 306 articles: a search for كرونا gave 450 hits); فيسبوك (193 articles) is also written "فيس بوك" (70), whose two
 * words are Facebook in 98 of 101 "فيس" + next word and 108 of 122 "بوك" + previous word (ماك بوك, a name in the
 * rest), so each word alone keys as فيسبوك and the query "فيس بوك" finds فيسبوك. Particles and the article are
 * removed as for number words (الفيس, والكورونا).
 */
const LOANWORD_KEYS: ReadonlyMap<string, string> = new Map(
  [
    ["كورونا", "كورونا"],
    ["كرونا", "كورونا"],
    ["فيسبوك", "فيسبوك"],
    ["فيس", "فيسبوك"],
    ["بوك", "فيسبوك"],
    // WhatsApp: واتساب (40 + الواتساب 33) or "واتس اب" (26 + "الواتس اب" 38), also "الواتس" alone (Gulf usage);
    // light10 read واتس as و + اتس. اب alone is Ibb, آب (August) or "father", so only واتس keys as the app, and a
    // query "واتس اب" is read as one word (compoundKeyOf).
    ["واتساب", "واتساب"],
    ["وتساب", "واتساب"],
    ["واتس", "واتساب"],
    // Snapchat: "سناب شات" (82 + 28), سناب alone (102), سنابشات and سنابتشات (3 each); شات alone is also "chat".
    ["سنابشات", "سنابشات"],
    ["سنابتشات", "سنابشات"],
    ["سناب", "سنابشات"],
    // YouTube with its long vowel ي written or not (يوتوب); a word, not a stem, so that اليوتوبيا (utopia) stays apart.
    ["يوتيوب", "يوتيوب"],
    ["يوتوب", "يوتيوب"],
  ].map(([form, key]) => [normalizeArabic(form!), normalizeArabic(key!)]),
);
/** Last two letters of every LOANWORD_KEYS form as one number: a word ending otherwise is none of them. */
const loanwordTailOf = (word: string): number =>
  (word.charCodeAt(word.length - 2) << 16) | word.charCodeAt(word.length - 1);
const LOANWORD_TAILS: ReadonlySet<number> = new Set([...LOANWORD_KEYS.keys()].map(loanwordTailOf));
/** Each loanword key -> the forms that key to it, other than the key: needles for snippets (searchKeyNeedles). */
const LOANWORD_FORMS_OF_KEY = otherFormsOfKey(LOANWORD_KEYS);

/** The key of a LOANWORD_KEYS word written with particles or the article, or null: "والفيس" -> "فيسبوك". */
function loanwordKeyOf(norm: string): string | null {
  if (norm.length < 2 || !LOANWORD_TAILS.has(loanwordTailOf(norm))) return null;
  return keyAfterParticles(norm, (word) => LOANWORD_KEYS.get(word) ?? null);
}

/**
 * The key of two adjacent normalized words that write one loanword of LOANWORD_KEYS in two ("واتس اب", "سناب شات",
 * "فيس بوك"), when the first alone already keys as it, or null.
 * Examples: ("واتس", "اب") -> "واتساب", ("الواتس", "اب") -> "واتساب", ("يو", "تيوب") -> null, ("اب", "واتس") -> null.
 */
function loanwordCompoundKeyOf(first: string, second: string): string | null {
  const firstKey = loanwordKeyOf(first);
  return firstKey !== null && loanwordKeyOf(first + second) === firstKey ? firstKey : null;
}

/**
 * The compound that starts at word `i` of normalized words: a loanword written in two words (loanwordCompoundKeyOf:
 * "واتس اب") or a name (compound-names.ts: "عبد الله", "أبو ظبي", "أبو عبد الله"), with the search key of its words
 * written as one and how many words it takes; null when word i begins none. The index and queries both read the
 * words so, one key at one position (buildIndexFields, parse-query.ts), so each writing finds the other, loose or
 * inside a phrase. Examples: (["عبد", "الله", "صالح"], 0) -> {key "عبدالله", words 2}, (["واتس", "اب"], 0) ->
 * {key "واتساب", words 2}, (["عبد", "الله"], 1) -> null.
 */
export function compoundKeyAt(words: readonly string[], i: number): Compound | null {
  const first = words[i]!;
  const second = words[i + 1];
  if (second === undefined) return null;
  const loanword = loanwordCompoundKeyOf(first, second);
  if (loanword !== null) return { key: loanword, words: 2, written: first + second };
  return compoundNameAt(words, i, searchKeyOf);
}

/** True when a normalized word may begin a compound (compoundKeyAt): a cheap test before reading the next words. */
export function mayBeginCompound(norm: string): boolean {
  return isCompoundNameHead(norm) || loanwordKeyOf(norm) !== null;
}

/**
 * Search keys only: one-word spellings a reader treats as one, whose light stems differ, -> the first form's key.
 * Kept out of SPELLING_VARIANTS (whose groups fold the match keys of dedupe and stories too) so that clustering's keys
 * stay as they are. Bangladesh's long vowel ي written or not: بنغلادش 21 + بنجلادش 17 dev tokens, and their adjectives
 * (البنجلادشية, the stem بنجلادش; as a stem, the adjective's forms need no entry each).
 */
const SEARCH_SPELLINGS: readonly (readonly string[])[] = [["بنغلاديش", "بنغلادش", "بنجلادش"]];
const SEARCH_SPELLING_KEY_OF_STEM: ReadonlyMap<string, string> = new Map(
  SEARCH_SPELLINGS.flatMap((forms) => {
    const [key, ...others] = forms.map((f) => placeKeyOf(nameOrStemKeyOf(normalizeArabic(f))));
    return others.flatMap((other) => (other === key ? [] : [[other, key!] as const]));
  }),
);
/** Each SEARCH_SPELLINGS key -> its other stems: needles for snippets (searchKeyNeedles). */
const SEARCH_SPELLING_STEMS_OF_KEY = otherFormsOfKey(SEARCH_SPELLING_KEY_OF_STEM);

/**
 * Everyday words light10 cuts onto a given name, normalized, -> their own search key (the word with its ة, or the
 * dual): a search for the name عاصم (32 dev articles) found every "العاصمة" ("the capital", 2,250), زياد (168) every
 * "زيادة" ("increase", 2,321), سلام and السلام ("peace", 1,341) every "السلامة" ("safety", 1,253), and شريف (Nawaz
 * Sharif, the actor نور الشريف; 410) every "خادم الحرمين الشريفين" (the King's title, 2,167). Particles and the
 * article are removed as for number words (للعاصمة -> عاصمه).
 * Search keys only: dedupe, stories and entities keep light stems. Left to the stemmer: المقبل ("next") and the
 * name مقبل, الشريف and شريف (one form each).
 */
const WORDS_KEPT_APART: ReadonlyMap<string, string> = new Map(
  [
    ["عاصمة", "عاصمة"],
    ["عاصمتها", "عاصمة"],
    ["عاصمته", "عاصمة"],
    ["عاصمتهم", "عاصمة"],
    ["عاصمتنا", "عاصمة"],
    ["عاصمتهما", "عاصمة"],
    ["زيادة", "زيادة"],
    ["زيادات", "زيادة"],
    ["زيادته", "زيادة"],
    ["زيادتها", "زيادة"],
    ["زيادتهم", "زيادة"],
    ["سلامة", "سلامة"],
    ["سلامته", "سلامة"],
    ["سلامتها", "سلامة"],
    ["سلامتهم", "سلامة"],
    ["سلامتكم", "سلامة"],
    ["سلامتنا", "سلامة"],
    ["شريفين", "شريفين"],
    ["شريفان", "شريفين"],
    ["شريفة", "شريفة"],
  ].map(([form, key]) => [normalizeArabic(form!), normalizeArabic(key!)]),
);
/** Last three letters of every WORDS_KEPT_APART form: a word ending otherwise is none of them (one lookup). */
const KEPT_APART_TAILS: ReadonlySet<string> = new Set([...WORDS_KEPT_APART.keys()].map((w) => w.slice(-3)));

/**
 * The key of a word of WORDS_KEPT_APART written with particles or the article, or null.
 * Example: "بالعاصمه" -> "عاصمه".
 */
function wordKeptApartKeyOf(norm: string): string | null {
  if (!KEPT_APART_TAILS.has(norm.slice(-3))) return null;
  return keyAfterParticles(norm, (word) => WORDS_KEPT_APART.get(word) ?? null);
}

/**
 * `keyOf` of the word `norm` writes: of `norm` itself, else of what follows the first PARTICLE_PREFIXES entry it
 * starts with that `keyOf` knows; null when none does. Example: "بالماءه" with the number words' key -> "مءه".
 */
function keyAfterParticles(norm: string, keyOf: (word: string) => string | null): string | null {
  for (let i = -1; i < PARTICLE_PREFIXES.length; i++) {
    const prefix = i < 0 ? "" : PARTICLE_PREFIXES[i]!;
    if (!norm.startsWith(prefix)) continue;
    const key = keyOf(norm.slice(prefix.length));
    if (key !== null) return key;
  }
  return null;
}

/**
 * Particles and articles a number word or a word kept apart may carry (والثلاثين, بالمائة, وللمئة), tried after the
 * bare word.
 */
const PARTICLE_PREFIXES = [
  "وبال",
  "ولل",
  "وال",
  "بال",
  "فال",
  "كال",
  "لل",
  "ال",
  "وب",
  "ول",
  "و",
  "ف",
  "ب",
  "ل",
];
const TENS_ENDING = "\u0648\u0646"; // ون, nominative tens (ثلاثون)
const TENS_OBLIQUE_ENDING = "\u064a\u0646"; // ين, oblique tens (ثلاثين)
const HUNDRED_ENDING = "\u0621\u0647"; // ءه: مائة and مئة after normalization (ماءه, مءه)
const HUNDRED_KEY = normalizeArabic("مئة");

/**
 * The search key of a tens word or of مائة/مئة (find-numbers.ts isTensOrHundredWord), particles and article removed:
 * the tens in their oblique form (ثلاثون and ثلاثين meet) and مئة for the hundred; null for any other word. Light10
 * cut them onto other words: ثلاثين met ثلاثة as ثلاث, ستين met ست, and مائة ("hundred", 1,971 dev articles) met
 * ماء ("water", 441). Search keys only, as place names.
 * Examples: "والثلاثين" -> "ثلاثين", "ثلاثون" -> "ثلاثين", "بالماءه" -> "مءه", "ثلاثه" -> null.
 */
function numberWordKeyOf(norm: string): string | null {
  if (!norm.endsWith(TENS_OBLIQUE_ENDING) && !norm.endsWith(TENS_ENDING) && !norm.endsWith(HUNDRED_ENDING)) {
    return null;
  }
  return keyAfterParticles(norm, (word) => {
    if (!isTensOrHundredWord(word)) return null;
    return word.endsWith(HUNDRED_ENDING) ? HUNDRED_KEY : word.slice(0, -2) + TENS_OBLIQUE_ENDING;
  });
}

/**
 * Substrings every normalized word with this search key (or a spelling variant of it) contains: a cheap test that
 * rules most words out before they are analyzed (search snippets). A light stem's words hold the key without its
 * last letter; a name kept with its article is also written after ل without the alef (للسعودية holds لسعودي); a tens
 * key (ثلاثين) also stands for the nominative ثلاثون; the hundred's key (مءه) also stands for مائة (ماءه).
 * Example: "السعوديه" -> ["السعودي", "لسعودي"].
 */
export function searchKeyNeedles(key: string): string[] {
  const needles = [key.slice(0, Math.max(2, key.length - 1))];
  // A loanword's other spellings hold neither its key nor the key without its last letter (فيس، كرونا), nor do the
  // other stems of a SEARCH_SPELLINGS entry (بنجلادش).
  for (const form of LOANWORD_FORMS_OF_KEY.get(key) ?? []) needles.push(form);
  for (const stem of SEARCH_SPELLING_STEMS_OF_KEY.get(key) ?? []) needles.push(stem.slice(0, -1));
  // A compound's two-word writing is found from its first word (عبد الله, أبو ظبي).
  const head = compoundHeadNeedleOf(key);
  if (head !== null) needles.push(head);
  if (key === HUNDRED_KEY) needles.push(HUNDRED_ENDING);
  else if (key.startsWith("\u0627\u0644") && key.length > 3) needles.push(key.slice(1, -1));
  else if (key.endsWith(TENS_OBLIQUE_ENDING) && isTensOrHundredWord(key)) needles.push(key.slice(0, -2));
  return needles;
}

/**
 * Search key of a place -> the keys its adjective has, and an adjective's key -> the place: from
 * PLACES_WITH_PLAIN_ADJECTIVE ("اليمن" <-> "يمن", the match key of the name without its article) and from the
 * country adjectives that key as themselves (COUNTRY_ADJECTIVE_OF_STEM: "سوريا" <-> "سوري").
 */
const ADJECTIVE_KEYS_OF_PLACE = new Map<string, string[]>();
const PLACE_OF_ADJECTIVE_KEY = new Map<string, string>();
function addPlaceAdjective(place: string, adjectiveKey: string): void {
  if (adjectiveKey === place) return;
  const keys = ADJECTIVE_KEYS_OF_PLACE.get(place) ?? [];
  if (!keys.includes(adjectiveKey)) keys.push(adjectiveKey);
  ADJECTIVE_KEYS_OF_PLACE.set(place, keys);
  if (!PLACE_OF_ADJECTIVE_KEY.has(adjectiveKey)) PLACE_OF_ADJECTIVE_KEY.set(adjectiveKey, place);
}
for (const p of PLACES_WITH_PLAIN_ADJECTIVE) addPlaceAdjective(searchKeyOf(p), matchKeyOf(p));
for (const { written, place } of COUNTRY_ADJECTIVE_OF_STEM.values()) addPlaceAdjective(place, written);

/**
 * A query word's keys: its search key, and for a place its adjective's keys, or for such an adjective the place's;
 * a word written as a place named with the article, without its article, also asks for the place ("رباط" finds
 * "الرباط الصليبي", as before place names were whole keys). The index keeps اليمن and سوريا whole (searchKeyOf) while
 * اليمني stems to يمن and السوري keys as سوري, so a search for the country would miss "الجيش اليمني"; the query asks
 * for both.
 * Examples: "اليمن" -> ["اليمن", "يمن"], "اليمنية" -> ["يمن", "اليمن"], "سوريا" -> ["سوريا", "سوري"], "السوريين" ->
 * ["سوري", "سوريا"], "السور" -> ["سور"], "الرياض" -> ["الرياض"].
 */
export function queryKeysOf(norm: string): string[] {
  const key = searchKeyOf(norm);
  const keys = [key];
  for (const adjectiveKey of ADJECTIVE_KEYS_OF_PLACE.get(key) ?? []) keys.push(adjectiveKey);
  const place = PLACE_OF_ADJECTIVE_KEY.get(key);
  if (place !== undefined && !keys.includes(place)) keys.push(place);
  const named = articlePlaceNameOf(norm);
  if (named !== null && !keys.includes(foldVariant(named))) keys.push(foldVariant(named));
  return keys;
}

/** One normalized word in its two indexed forms. */
export interface AnalyzedWord {
  /** Normalized, unstemmed: matched against the `surface` field. */
  surface: string;
  /** Search key (searchKeyOf): matched against the `title` and `body` fields. */
  stem: string;
}

/** Analyzes one normalized word: "والحكومات" -> { surface "والحكومات", stem "حكوم" }. */
export function analyzeWord(norm: string): AnalyzedWord {
  return { surface: norm, stem: searchKeyOf(norm) };
}

/**
 * Space-joined search keys of normalized words, a compound's words as one key (compoundKeyAt), then the distinct keys
 * of those words each alone ("عبد الله صالح" -> "عبدالله صالح عبد له"). The compound's one position is what phrases
 * and the other writing meet; the words' own keys after the text keep every word's key in the field, as the
 * SearchIndex port relies on (a search for ظبي or عبد finds "أبو ظبي" or "عبد الله" as before, not the one-word
 * writing, as before). Only a phrase running from the text's last word into those keys could match them (a phrase of
 * a compound's words is the compound's one key).
 */
function joinKeys(norms: readonly string[]): string {
  let out = "";
  let partKeys: Set<string> | null = null;
  for (let i = 0; i < norms.length; i++) {
    if (i > 0) out += " ";
    const compound = mayBeginCompound(norms[i]!) ? compoundKeyAt(norms, i) : null;
    if (compound === null) {
      out += searchKeyOf(norms[i]!);
      continue;
    }
    out += compound.key;
    partKeys ??= new Set();
    for (let k = i; k < i + compound.words; k++) {
      const partKey = searchKeyOf(norms[k]!);
      if (partKey !== compound.key) partKeys.add(partKey);
    }
    i += compound.words - 1;
  }
  if (partKeys !== null) for (const key of partKeys) out += ` ${key}`;
  return out;
}

/** The last text normalizedWords() split, and its words: an article's body is split for its content hash and
 * again for its index fields, one right after the other. */
let lastDisplay: string | null = null;
let lastWords: readonly string[] = [];

/**
 * Normalized words of display text, in order: `tokenize(display)`'s norms. The result is shared (the last call's
 * words are kept for the next call on the same text), so it is read-only.
 * Example: "قالَ المسؤول" -> ["قال", "المسءول"].
 */
export function normalizedWords(display: string): readonly string[] {
  if (display === lastDisplay) return lastWords;
  const tokens = tokenize(display);
  const words = new Array<string>(tokens.length);
  for (let i = 0; i < tokens.length; i++) words[i] = tokens[i]!.norm;
  lastDisplay = display;
  lastWords = words;
  return words;
}

/**
 * Builds the index fields of an article: title and body as search keys (searchKeyOf; a compound's words as one key,
 * compoundKeyAt), surface as normalized words of title then body. Stop words are kept. Example: title "وزارة الصحة"
 * -> title "وزار صح", surface "وزاره الصحه ..."; title "عبد الله" -> title "عبدالله", surface "عبد الله".
 */
export function buildIndexFields(title: string, body: string): IndexFields {
  // Body first: it is usually the text normalizedWords() split last (for the content hash).
  const bodyWords = normalizedWords(body);
  const titleWords = normalizedWords(title);
  const surface =
    titleWords.length > 0 && bodyWords.length > 0
      ? `${titleWords.join(" ")} ${bodyWords.join(" ")}`
      : titleWords.join(" ") + bodyWords.join(" ");
  return {
    title: joinKeys(titleWords) as MatchText,
    body: joinKeys(bodyWords) as MatchText,
    surface: surface as MatchText,
  };
}

/**
 * The analyzer's version: stores record which version analyzed the articles they index, and articles analyzed by an
 * older one are re-indexed when a store is opened (pipeline/reindex-articles.ts). Bump it with every change that can
 * alter buildIndexFields' output for some text; analyze-text.test.ts pins the output of a sample to this number.
 * 1: light10 + enclitics + radical waw + spelling variants. 2: place names of the entity lexicon are their own
 * search keys, particles removed (بأبها -> أبها, not باب). 3: tens and مائة are their own search keys (ثلاثين is not
 * ثلاث, مائة is not ماء). 4: given and family names light10 would cut are their own search keys, particles removed
 * (وسلمان -> سلمان, not سلم). 5: four of those names written with the article are the name (الحسين -> حسين).
 * 6: every UN member state and more capitals are places (وتشاد -> تشاد); everyday words cut onto a given name keep
 * their own key (العاصمة -> عاصمه, not the name عاصم). 7: their possessives too (سلامتهم -> سلامه), and a country
 * that is its own adjective meets it with the article (الهايتي -> هايتي); Accra and Andorra are no places (باكرا).
 * 8: ى before ء is a hamza seat, as ئ is (الطوارىء -> الطوارء, not الطواريء; normalize-arabic.ts). 9: only after a
 * stem of three letters or a yeh; after a shorter stem ى is the yeh of words built like شيء (بشىء -> بشيء, not بشء).
 * 10: the indefinite accusative's alef goes (شهيدا -> شهيد, accusative-alef.ts); a place's spellings share the first's
 * key (سورية -> سوريا); كورونا and كرونا are one loanword key, not كرو (الكروي), and فيس, بوك key as فيسبوك.
 * 11: family names written as a nisba with the article are their own key (العبادي, not عباد: family-name-nisbas.ts);
 * ان after a three-letter stem ending in و stays (الإخوان -> اخوان, not اخو of الأخوة); واتس, سناب and يوتوب key as
 * واتساب, سنابشات and يوتيوب, and بنغلادش as بنغلاديش.
 * 12: names written in one word or two key as one word at one position (compound-names.ts: عبد الله -> عبدالله,
 * أبو ظبي -> ابوظبي; a one-word عبد name is kept whole, عبدالغني not عبدالغن, a family name with its article,
 * العبداللطيف not عبداللطيف), and so do loanwords in two words
 * (واتس اب -> واتساب, one position where it was واتساب then اب).
 */
export const ANALYZER_VERSION = 12;

/** Analyzes an article's title and text for the index: its fields and their digest (a re-index's input). */
export function analyzeForIndex(title: string, text: string): AnalyzedIndex {
  const index = buildIndexFields(title, text);
  return { index, indexDigest: digestIndexFields(index) };
}

/**
 * An article's write with its index fields and their digest, as the preparing code (import batches, crawled items)
 * hands it to the store: computed where the text is analyzed, off the thread that writes (the digest hashes every
 * field, ~60 µs per dev-corpus article).
 */
export function buildArticleWrite(article: ArticleWrite["article"]): ArticleWrite {
  return { article, ...analyzeForIndex(article.title, article.text) };
}

/**
 * A digest of the index fields: a store keeps it with the article, so re-writing an article after an analyzer
 * change re-indexes it. sha1 is plenty: it detects change of our own analyzer output, it defends against no one.
 */
export function digestIndexFields(index: IndexFields): string {
  return hash("sha1", `${index.title}\u0000${index.body}\u0000${index.surface}`);
}

/**
 * Match keys (variant-folded stems) of display text, for stages that compare articles (dedupe, stories, related).
 * Example: "الأميركيين وأمريكا" -> ["امريك", "امريك"].
 */
export function toMatchKeys(display: string): string[] {
  return normalizedWords(display).map(matchKeyOf);
}

/** Match keys of already-normalized text. */
export function toMatchKeysNormalized(norm: string): string[] {
  return tokenizeNormalized(norm).map(matchKeyOf);
}
