/**
 * People, places and organizations named in an article's text, read with rules, not a model: known place and
 * organization names (entity-lexicon.ts), a person's name after a title ("وزير الخارجية عادل الجبير"), and an
 * organization's name after a head word ("وزارة الصحة"). Entities stage, pure. Keys are variant-folded stems, so
 * spellings merge (أوباما/اوباما); a person named later by surname only ("الجبير") counts as the same person.
 */
import { matchKeyOf } from "../arabic/analyze-text.ts";
import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { isStopWord } from "../arabic/stop-words.ts";
import { isSpaceOnly, type Token, tokenize } from "../arabic/tokenize.ts";
import { foldVariant } from "../arabic/variants.ts";
import {
  GIVEN_NAMES,
  type NamedEntry,
  ORGANIZATION_HEADS,
  ORGANIZATIONS,
  OUTLET_HEADS,
  PEOPLE,
  PERSON_TITLES,
  PLACES,
  SPORT_WORDS,
  SPORTS_CLUBS,
} from "./entity-lexicon.ts";

export type EntityKind = "person" | "place" | "organization";

/** One entity of a text: its key (what merges spellings), the name as the text writes it, how often named. */
export interface Entity {
  kind: EntityKind;
  key: string;
  name: string;
  mentions: number;
  /**
   * Keys of the shorter names counted as this one in the same text or story ("محمد بن سلمان" where "محمد بن سلمان بن
   * عبدالعزيز" is named too): the evidence that both name one person, which topEntities asks for before it merges them
   * across stories. Absent when none.
   */
  shorterKeys?: readonly string[];
  /**
   * Every name written for it: its spellings and the shorter names counted as it (within the text or story), the
   * most used first ("وزارة الداخلية السعودية", "وزارة الداخلية"): what a search for the entity asks for. A surname
   * alone ("الجبير"), counted as a mention, is not one: alone it names others too. Absent: `name` only.
   */
  forms?: readonly string[];
}

/**
 * A shorter name counted as a longer one (extractEntities within a text, combineEntities within a story, topEntities
 * across stories): what a caller that asks for them (bench/entities/entity-merges.ts) reads to judge the merges.
 */
export interface NameMerge {
  kind: EntityKind;
  shortKey: string;
  shortName: string;
  intoKey: string;
  intoName: string;
}

/** Words a name never runs through: a person's name has at most this many words besides بن/آل/أبو/عبد links. */
const MAX_NAME_WORDS = 3;
/** Office words skipped between a title and the name ("الرئيس [الأمريكي] باراك", "وزير [الخارجية] عادل"). */
const MAX_OFFICE_WORDS = 4;
/** Words of an organization's name after its head ("الهيئة [العامة للسياحة والتراث الوطني]"). */
const MAX_ORGANIZATION_WORDS = 4;

const n = normalizeArabic;
const set = (words: readonly string[]) => new Set(words.map(n));

const TITLES = set([...PERSON_TITLES, "خادم"]);
const GIVEN = set(GIVEN_NAMES);
/** Whether a normalized word is a given name of the entity lexicon (GIVEN_NAMES). Example: "محمد" -> true. */
export function isGivenName(norm: string): boolean {
  return GIVEN.has(norm);
}
/**
 * Words between a title and a name that are part of the office, not the name: ولي [عهد] [مملكة] البحرين, the
 * place kinds a governor or an envoy holds office over, the department a head heads (رئيس [قسم] الجراحة).
 */
const OFFICE_NOUNS = set([
  "عهد",
  "مملكة",
  "دولة",
  "جمهورية",
  "إمارة",
  "منطقة",
  "محافظة",
  "مدينة",
  "سلطنة",
  "خادم",
  "قسم",
]);
const HEADS = set(ORGANIZATION_HEADS);
/** Titles that stand before a name inside an organization's name: "جامعة الملك سعود", "مستشفى الأمير سلطان". */
const ROYAL_TITLES = set(["الملك", "الأمير", "الشيخ", "الإمام", "السلطان"]);
/** Heads of bodies named for a purpose with ل ("الهيئة العامة للسياحة", "مركز الملك سلمان للإغاثة"). */
const PURPOSE_HEADS = set([
  "اتحاد",
  "الاتحاد",
  "لجنة",
  "اللجنة",
  "مديرية",
  "المديرية",
  "الرئاسة",
  "هيئة",
  "الهيئة",
  "مركز",
  "مؤسسة",
  "المؤسسة",
  "جمعية",
  "الجمعية",
  "شركة",
  "الشركة",
  "صندوق",
  "منظمة",
  "مجلس",
  "وكالة",
  "مجمع",
]);
/** Words that make a head word generic rather than a name: مجلس الإدارة (a board), مركز المدينة (downtown). */
const GENERIC_COMPLEMENTS = set([
  "الإدارة",
  "المدينة",
  "المنطقة",
  "الدولة",
  "البلاد",
  "المهرجان",
  "الحي",
  "المحافظة",
  "الحديقة",
  "الأمتعة",
  // A body named again by its kind: "أمانة المنظمة" is the secretariat of an organization named before.
  "المنظمة",
  "الهيئة",
  "الوزارة",
  "الشركة",
  "الجمعية",
  "المجلس",
  "الجامعة",
  "النادي",
  // "مركز الجناح الأيسر" is a player's position, "هيئة التدريس" a faculty.
  "الجناح",
  "الظهير",
  "الوسط",
  "الهجوم",
  "الحراسة",
  "التدريس",
]);
/**
 * Adjectives that name a body after a head with the article ("الهيئة العامة", "المحكمة العليا") besides the
 * nisba ones ending in ي/ية ("الاتحاد الأوروبي", "الشركة السعودية"); "الاتحاد التقرير" is no name.
 */
const NAMING_ADJECTIVES = set([
  "العامة",
  "العام",
  "العليا",
  "الكبرى",
  "الأهلية",
  "الخيرية",
  "الخاصة",
  "الأحمر",
  "المتحدة",
]);
/**
 * Given names that are also everyday words (سعيد "happy", صالح "fit", جمال "beauty", رمضان the month, عيد a feast):
 * without a title before them they do not begin a name ("عيد سعيد" is a greeting).
 */
const AMBIGUOUS_GIVEN = set(
  (
    "سعيد صالح جميل كريم عادل أمين نور سالم هادي مبارك رمضان شعبان رجب عيد نصر بدر فرح أمل سلام وفاء إيمان ضياء " +
    "نعيم هلال صقر رضا زكي شريف حبيب فريد كامل كمال جمال حسن محمود مالك منصور عزيز حميد شاكر صابر صادق سامي رفيق " +
    "رشيد نبيل طاهر مطلق عوض قاسم غازي باسل باسم هدى مها مي ريم سمر دعاء حنان نوال عفاف سماح هيا منى ماجد فارس " +
    "مساعد ناصر فيصل سلطان مشعل جابر حامد خليفة سامح سليم عطية مقبل فائز جهاد أحلام"
  ).split(" "),
);
/** Links written joined to the next word as often as apart: "عبد الله" / "عبدالله", "أبو ظبي" / "أبوظبي". */
const JOINABLE_LINKS = new Set(["عبد", "ابو"].map((w) => normalizeArabic(w)));

/** Links inside a name, each followed by another name word: "محمد بن سلمان", "آل سعود", "عبد الله", "أبو بكر". */
const NAME_LINKS = set(["بن", "ابن", "بنت", "آل", "أبو", "أبي", "عبد"]);
/** The word after باسم in "المتحدث باسم ..." is what the speaker speaks for, not the speaker. */
const ON_BEHALF = n("باسم");
/**
 * Words that end a name or an organization's name although nothing else would stop them: days, months, times,
 * and the verbs of reporting that follow a name ("الملك سلمان أكد", "أوباما الأربعاء").
 */
const NOT_NAME = set([
  "اليوم",
  "أمس",
  "غدا",
  "الأحد",
  "الاثنين",
  "الثلاثاء",
  "الأربعاء",
  "الخميس",
  "الجمعة",
  "السبت",
  "الماضي",
  "الماضية",
  "المقبل",
  "المقبلة",
  "القادم",
  "القادمة",
  "الحالي",
  "الحالية",
  "الجاري",
  "الجارية",
  "السابق",
  "السابقة",
  "الأسبق",
  "الجديد",
  "الجديدة",
  "صباح",
  "مساء",
  "ظهر",
  "عصر",
  "ليلة",
  "قال",
  "قالت",
  "أكد",
  "أكدت",
  "أعلن",
  "أعلنت",
  "أشار",
  "أوضح",
  "بحث",
  "دعا",
  "استقبل",
  "التقى",
  "وصل",
  "غادر",
  "افتتح",
  "رعى",
  "وجه",
  "أشاد",
  "هنأ",
  "عزى",
  "طالب",
  "تلقى",
  "أجرى",
  "شدد",
  "نفى",
  "اعتبر",
  "كشف",
  "أصدر",
  "زار",
  "أمر",
  "قرر",
  "يوم",
  "عام",
  "خلال",
  "حفظه",
  "رحمه",
  "يرحمه",
  "التابع",
  "التابعة",
  "الرسمي",
  "الرسمية",
  "الحاكم",
  "الحاكمة",
  "المعني",
  "المعنية",
  "المختص",
  "المختصة",
  "كلمة",
  "كلمته",
  "مقابل",
  "التعازي",
  "التهنئة",
  "التهاني",
  // Sides of a place ("الشيخ زويد شمال سيناء") never close a name as its family name.
  "شمال",
  "جنوب",
  "شرق",
  "غرب",
]);
/**
 * Names that begin like a verb or a conjunction: a name word starting with ي or ت (a verb's present tense) or with
 * و (a conjunction: "الملك سلمان وولي العهد") ends the name unless it is one of these.
 */
const NAMES_LIKE_VERBS = set([
  "يوسف",
  "يحيى",
  "ياسر",
  "يزيد",
  "يعقوب",
  "يونس",
  "ياسين",
  "يمنى",
  "تركي",
  "تامر",
  "توفيق",
  "تميم",
  "تيسير",
  "تامر",
  "وليد",
  "وائل",
  "وديع",
  "وجدي",
  "وفاء",
  "وسام",
  "وحيد",
  "وهيب",
]);
const OUTLETS = set(OUTLET_HEADS);
/** موقع is a place as often as a website: an outlet head only before a quoted name. */
const SITE = n("موقع");
const CLUBS = set(SPORTS_CLUBS);
const SPORT = set(SPORT_WORDS);
/** Different SPORT_WORDS that make a text one about sport, one of them about a match (MATCH_SPORT). */
const SPORT_WORDS_MIN = 3;
/** Sport words that say a game is played (هدف, فريق, بطولة also name goals, teams and contests of any kind). */
const MATCH_SPORT = set([
  "مواجهة",
  "المواجهة",
  "مواجهات",
  "نهائي",
  "النهائي",
  "السوبر",
  "مباراة",
  "المباراة",
  "مباراته",
  "مباريات",
  "الدوري",
  "دوري",
  "لاعب",
  "اللاعب",
  "لاعبي",
  "اللاعبين",
  "لاعبا",
  "مدرب",
  "المدرب",
  "المرمى",
  "الشوط",
  "ركلة",
]);
const WITH = n("مع");
/** Words of contests and stadiums named after a person ("دوري عبداللطيف جميل", "ملعب الأمير عبدالله الفيصل"). */
const EPONYM_HEADS = set(["دوري", "كأس", "بطولة", "مسابقة", "ملعب", "استاد"]);
/** Family names that end like a feminine adjective ("خالد بن محمد العطية"). */
const FEMININE_FAMILY_NAMES = set(["العطية", "الخليفية"]);
/** Clubs named by a word that before مع is the everyday one: "بالتعاون مع" (with the cooperation of), "الاتفاق مع". */
const EVERYDAY_BEFORE_WITH = set(["التعاون", "الاتفاق"]);
const COMMITTEE = n("اللجنة");
/** Heads of a team's name: "نادي الهلال", "فريق لخويا القطري" (the club is the name after it). */
const TEAM_HEADS = set(["نادي", "فريق"]);
/** Words after a team head that say which team, not its name: "فريق العاصمة", "الفريق الأول", "فريق الناشئين". */
const TEAM_KINDS = set([
  "العاصمة",
  "الأول",
  "الأولى",
  "الثاني",
  "الأولمبي",
  "الرديف",
  "الناشئين",
  "الكرة",
  "الدراجات",
]);
/**
 * Words before a club's word that make it part of another name or a place: "كأس الاتحاد", "دوري الأبطال", "أندية
 * الوحدة" (a region's clubs).
 */
const NOT_CLUB_AFTER = set([
  "أندية",
  "رعاية",
  "منتخب",
  "المنتخب",
  "حوار",
  "دول",
  "دوري",
  "كأس",
  "شبه",
  "حرب",
  "منطقة",
  "بطولة",
  "عاصفة",
  "مياه",
  "سواحل",
]);
/** Words that open and close a quoted name: «عكاظ», "سبق", “الوطن”. */
const OPEN_QUOTE = /^[\s\u0640]*[«"“'][\s]*$/;
const CLOSE_QUOTE = /^\s*[»"”']/;
/** Words before "لـ«...»" or "إلى «...»" that make the quoted name an outlet told something. */
const REPORTING = set([
  "قال",
  "قالت",
  "أكد",
  "أكدت",
  "أوضح",
  "أوضحت",
  "كشف",
  "كشفت",
  "صرح",
  "صرحت",
  "أضاف",
  "أضافت",
  "أفاد",
  "أفادت",
  "ذكر",
  "ذكرت",
  "بين",
  "بينت",
  "أشار",
  "أشارت",
  "تصريح",
  "تصريحات",
  "تصريحه",
  "تصريحاته",
  "حديث",
  "حديثه",
]);
/** How many words back a reporting word may stand ("وأكد قائد المنطقة ... اللواء أحمد سيف محرم اليافعي لـ«عكاظ»"). */
const REPORTING_REACH = 12;
const TO = n("إلى");
/** Words of a quoted outlet's name. */
const MAX_QUOTED_WORDS = 4;

/**
 * A word after a place name that makes it something else: الرباط الصليبي is a knee ligament, not Rabat; "ينبع من"
 * is the verb "springs from" (all 35 of the dev corpus), not Yanbu.
 */
const PLACE_NOT_BEFORE: ReadonlyMap<string, string> = new Map([
  [n("الرباط"), n("الصليبي")],
  [n("ينبع"), n("من")],
]);
/** Words before a place name that make it something else: صلاة المغرب is the sunset prayer, not Morocco. */
const NOT_PLACE_AFTER = set(["صلاة"]);

/**
 * Whether a word can be part of a name: not a function word, date or reporting verb, title or head word, and not
 * a word with a proclitic (ب/ل/و: "بمدينة", "لمجموعة", "وأضاف") unless it is a name that starts that way.
 */
function isNameWord(w: string): boolean {
  if (
    w.length < 2 ||
    isStopWord(w) ||
    NOT_NAME.has(w) ||
    TITLES.has(w) ||
    HEADS.has(w) ||
    OFFICE_NOUNS.has(w)
  ) {
    return false;
  }
  const c = w[0]!;
  // \u064a YEH, \u062a TEH: a verb's present tense; \u0648 WAW: a conjunction.
  if (c === "\u064a" || c === "\u062a" || c === "\u0648") return GIVEN.has(w) || NAMES_LIKE_VERBS.has(w);
  // \u0628 BEH, \u0644 LAM: a preposition when what follows is a word of its own ("بالرياض", "بمدينة", "للشركة");
  // names begin with these letters too ("بوتين", "باراك", "لؤي").
  if (c === "\u0628" || c === "\u0644") {
    const rest = w.slice(1);
    return !(
      rest.startsWith(AL) ||
      rest.startsWith("\u0644") ||
      OFFICE_NOUNS.has(rest) ||
      HEADS.has(rest) ||
      TITLES.has(rest)
    );
  }
  return true;
}

/**
 * Whether `short` names what `long` names, compared word by word (`same`): its first words ("محمد بن نايف" of "محمد
 * بن نايف بن عبدالعزيز"), or, unless `prefixOnly`, the same first and last word with any middle words in their order
 * ("عبدالله المعلمي" and "إبراهيم محمد الجار" of "عبدالله بن يحيى المعلمي" and "إبراهيم بن محمد الجار"; not "محمد علي
 * العمري" of "محمد بن حمد العمري", whose father is another, nor "الاتحاد السعودي لكرة القدم" of "الاتحاد البرتغالي
 * لكرة القدم"). A lineage is no short form but of its own prefix ("فيصل بن نواف بن عبدالعزيز" is not "فيصل بن فهد ...
 * بن عبدالعزيز"). A person's short name may leave out any middle words; a body's named after a person leaves out only
 * whole "بن X" units ("مركز الملك سلمان للإغاثة" of "مركز الملك سلمان بن عبدالعزيز للإغاثة", not "مطار الملك
 * عبدالعزيز" of "مطار الملك عبدالله بن عبدالعزيز").
 */
function isShortFormOf(
  s: readonly string[],
  l: readonly string[],
  kind: EntityKind,
  same: (a: string, b: string) => boolean,
  isLineageLink: (w: string) => boolean,
  prefixOnly = false,
): boolean {
  if (l.length <= s.length) return false;
  if (s.every((w, k) => same(w, l[k]!))) return true;
  if (prefixOnly || s.length < 2 || s.some(isLineageLink)) return false;
  if (!same(s[0]!, l[0]!) || !same(s[s.length - 1]!, l[l.length - 1]!)) return false;
  const onlyLineages = kind !== "person" && l.some(isLineageLink);
  /** Whether the long name's words from..to-1, left out, are whole "بن X" units when they must be. */
  const skippable = (from: number, to: number) =>
    !onlyLineages ||
    ((to - from) % 2 === 0 && l.slice(from, to).every((w, i) => i % 2 === 1 || isLineageLink(w)));
  let k = 1;
  for (const w of [...s.slice(1, -1), null]) {
    const from = k;
    if (w === null) k = l.length - 1;
    else while (k < l.length - 1 && !same(w, l[k]!)) k++;
    if (k >= l.length - (w === null ? 0 : 1) || !skippable(from, k)) return false;
    k++;
  }
  return true;
}

/**
 * Whether the shorter entity names what the longer one names (isShortFormOf) by its keys, and for a person by some
 * pair of its written names too: the keys are stems, and stems join given names that are not one (سعيدان and سعيد,
 * حمدان and حمد, البنيان and the link بن: "سعد بن سعيدان" is not "سعد بن سعيد الحجري", "عمر البنيان" not "عمر بن
 * الخطاب"). Written words match as written without the article, or as spellings of one key of one length ("غوتيريش",
 * "جوتيريش"). A body's written names are not compared: a lexicon alias ("تداول") or a preposition ("للطيران") writes
 * one body's words otherwise.
 */
function isShorterName(
  short: { kind: EntityKind; key: string; names: ReadonlyMap<string, number> },
  long: { key: string; names: ReadonlyMap<string, number> },
  prefixOnly = false,
): boolean {
  const byKey = (a: string, b: string) => a === b;
  const isLinkKey = (w: string) => LINEAGE_KEYS.has(w);
  if (!isShortFormOf(short.key.split(" "), long.key.split(" "), short.kind, byKey, isLinkKey, prefixOnly))
    return false;
  if (short.kind !== "person") return true;
  const longWords = [...long.names.keys()].map(nameWordsOf);
  const isLink = (w: string) => LINEAGE_LINKS.has(w);
  return [...short.names.keys()].some((name) => {
    const words = nameWordsOf(name);
    return longWords.some((l) => isShortFormOf(words, l, "person", isSameNameWord, isLink, prefixOnly));
  });
}

/** A written name's words for isShorterName: normalized, a joinable link written into the word after it. */
function nameWordsOf(name: string): string[] {
  const norms = tokenize(name).map((t) => t.norm);
  const words: string[] = [];
  for (let k = 0; k < norms.length; k++) {
    const w = norms[k]!;
    if (JOINABLE_LINKS.has(w) && k + 1 < norms.length) words.push(w + norms[++k]!);
    else words.push(w);
  }
  return words;
}

/** Two written name words are one: the same without the article, or spellings of one key and one length. */
function isSameNameWord(a: string, b: string): boolean {
  const [x, y] = [a, b].map((w) => (isDefinite(w) ? w.slice(AL.length) : w)) as [string, string];
  return x === y || (x.length === y.length && matchKeyOf(x) === matchKeyOf(y));
}

/** "شركة" with its proclitics as normalized: what names a platform as the company ("أعلنت شركة تويتر"). */
const COMPANY = new Set(["شركة", "لشركة", "بشركة", "وشركة"].map((w) => normalizeArabic(w)));

/** \u0639\u0644\u064a AIN LAM YEH: the given name علي as written (the preposition is written \u0639\u0644\u0649). */
const ALI = "\u0639\u0644\u064a";

const ABD = normalizeArabic("عبد");
/**
 * A definite verbal noun of a derived form (\u0627\u0644\u062a "الت": التمويل; \u0627\u0644\u0627 "الا": الاهتمام;
 * \u0627\u0644\u0625 "الإ": الإعداد) or a feminine plural (\u0627\u062a "ات": الجهات): shapes of the object of على.
 */
const VERBAL_NOUN_SHAPE = /^\u0627\u0644(?:[\u062a\u0627\u0625]|.+\u0627\u062a$)/;
/** The links that name a father or a mother ("محمد بن نايف", "نورة بنت عبدالرحمن"), not a family (آل) or "أبو". */
const LINEAGE_LINKS = set(["بن", "ابن", "بنت"]);

/** \u0644 LAM: "لـ" written apart before a quoted name ("لـ«عكاظ»"). */
const LAM = "\u0644";

/** Keys of the links that make a name a lineage (بن, ابن, بنت). */
const LINEAGE_KEYS = new Set(["بن", "ابن", "بنت"].map((w) => matchKeyOf(normalizeArabic(w))));

/** \u0623 ALEF WITH HAMZA ABOVE, \u0625 ALEF WITH HAMZA BELOW, \u0622 ALEF WITH MADDA ABOVE. */
const HAMZA_ALEFS = "\u0623\u0625\u0622";

/** \u0627\u0644 ALEF LAM: the definite article, as normalized. */
const AL = "\u0627\u0644";
/** Proclitics a first word may carry: و ف (and, so), then ب ك ل (with, like, for). */
const CONJUNCTIONS = "\u0648\u0641";
const PREPOSITIONS = "\u0628\u0643\u0644";

interface LexiconName {
  kind: EntityKind;
  /** A platform (NamedEntry.platform): an organization only right after "شركة". */
  platform: boolean;
  /** The normalized words after the first. */
  rest: readonly string[];
  key: string;
  name: string;
}

/** Lexicon names by their first normalized word, longest first, so "مجلس الأمن الدولي" wins over "مجلس الأمن". */
const LEXICON: ReadonlyMap<string, readonly LexiconName[]> = buildLexicon();

/** Whether normalized words are the whole of a platform's name in the lexicon ("تويتر", "فيس بوك"). */
function isPlatformName(norms: readonly string[]): boolean {
  return (LEXICON.get(norms[0] ?? "") ?? []).some(
    (c) => c.platform && c.rest.length === norms.length - 1 && c.rest.every((w, k) => w === norms[k + 1]),
  );
}

function buildLexicon(): Map<string, LexiconName[]> {
  const byFirst = new Map<string, LexiconName[]>();
  const placeKeys = wholePlaceKeys();
  const add = (kind: EntityKind, entries: readonly NamedEntry[]) => {
    for (const entry of entries) {
      const name = entry.forms[0]!;
      const norms = tokenize(name).map((t) => t.norm);
      const key = (kind === "place" ? placeKeys.get(name) : undefined) ?? keyOf(norms);
      for (const form of entry.forms) {
        const words = tokenize(form).map((t) => t.norm);
        const list = byFirst.get(words[0]!) ?? [];
        list.push({ kind, platform: entry.platform === true, rest: words.slice(1), key, name });
        byFirst.set(words[0]!, list);
      }
    }
  };
  add("place", PLACES);
  add("organization", ORGANIZATIONS);
  add("person", PEOPLE);
  for (const list of byFirst.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return byFirst;
}

/**
 * The lexicon places whose stemmed key (keyOf) another lexicon place shares, each keyed by its words whole
 * (variant-folded, not stemmed), so two places stay two: a short name loses most of itself to light stemming ("أبها"
 * and "أبين" both stem to "اب", "وهران" and "هرات" to "هر"). Every other place keeps its stemmed key, so what meets it
 * in text (and the stories stage's headline subjects) is unchanged. By the place's first form.
 */
function wholePlaceKeys(): Map<string, string> {
  const byKey = new Map<string, string[]>();
  for (const e of PLACES) {
    const name = e.forms[0]!;
    const key = keyOf(tokenize(name).map((t) => t.norm));
    byKey.set(key, [...(byKey.get(key) ?? []), name]);
  }
  const out = new Map<string, string>();
  for (const names of byKey.values()) {
    if (names.length < 2) continue;
    for (const name of names)
      out.set(
        name,
        keyOf(
          tokenize(name).map((t) => t.norm),
          foldVariant,
        ),
      );
  }
  return out;
}

/**
 * An entity's key: the variant-folded stems of its words, with a joinable link written into the word after it, so
 * both spellings meet. Examples: ["باراك", "اوباما"] -> "باراك اوباما"; ["عبد", "الله", "صالح"] and
 * ["عبدالله", "صالح"] -> one key.
 */
function keyOf(norms: readonly string[], keyOfWord: (norm: string) => string = matchKeyOf): string {
  const words: string[] = [];
  for (let k = 0; k < norms.length; k++) {
    const w = norms[k]!;
    const next = norms[k + 1];
    if (JOINABLE_LINKS.has(w) && next !== undefined) {
      words.push(w + next);
      k++;
    } else words.push(w);
  }
  return words.map(keyOfWord).join(" ");
}

/** Keys of the news agencies (NamedEntry.agency), and the key words that begin an agency read by its head word. */
const AGENCY_KEYS: ReadonlySet<string> = new Set(
  ORGANIZATIONS.filter((e) => e.agency === true).map((e) => keyOf(tokenize(e.forms[0]!).map((t) => t.norm))),
);
/** "وكالة الأنباء الكويتية", "وكالة أنباء الإمارات": an agency the lexicon does not list, by its first two words. */
const AGENCY_HEAD_KEYS = ["وكالة الأنباء", "وكالة أنباء"].map((h) => keyOf(tokenize(h).map((t) => t.norm)));

/**
 * Whether an entity is a news agency: in news it is whose report a text is ("الرياض - واس", "قال لرويترز"), not
 * what the news is about. Example: {organization "واس"} -> true; {organization "وزارة الصحة"} -> false.
 */
export function isNewsAgency(e: Pick<Entity, "kind" | "key">): boolean {
  return (
    e.kind === "organization" &&
    (AGENCY_KEYS.has(e.key) || AGENCY_HEAD_KEYS.some((h) => e.key === h || e.key.startsWith(`${h} `)))
  );
}

/**
 * The key extractEntities gives a place written `name`: its lexicon entry's, so every spelling meets, or for a place
 * the lexicon does not list ("تعليم بيشة" names بيشة) the key of its words. Example: "جيزان" and "جازان" -> one key.
 */
export function placeKeyOf(name: string): string {
  const words = tokenize(name).map((t) => t.norm);
  const entry = LEXICON.get(words[0] ?? "")?.find(
    (c) =>
      c.kind === "place" && c.rest.length === words.length - 1 && c.rest.every((w, k) => w === words[k + 1]),
  );
  return entry?.key ?? keyOf(words);
}

/** A first word without its proclitics, and how many leading letters they took (لل+X reads as ال+X). */
interface Base {
  word: string;
  cut: number;
  /** The proclitic was ل before the article: the base is "ال" + what follows "لل". */
  lam: boolean;
}

function basesOf(norm: string): Base[] {
  const out: Base[] = [{ word: norm, cut: 0, lam: false }];
  if (!CONJUNCTIONS.includes(norm[0] ?? "") && !PREPOSITIONS.includes(norm[0] ?? "")) return out;
  let w = norm;
  let cut = 0;
  if (w.length > 3 && CONJUNCTIONS.includes(w[0]!)) {
    w = w.slice(1);
    cut = 1;
    out.push({ word: w, cut, lam: false });
  }
  if (w.length > 3 && PREPOSITIONS.includes(w[0]!)) {
    const rest = w.slice(1);
    // ل + ال writes لل: "للرياضة" is ل + "الرياضة".
    if (w[0] === "\u0644" && rest[0] === "\u0644")
      out.push({ word: AL + rest.slice(1), cut: cut + 2, lam: true });
    else out.push({ word: rest, cut: cut + 1, lam: false });
  }
  return out;
}

/** The display text of tokens[from..to], the first word without `base`'s proclitics. */
function displayOf(text: string, tokens: readonly Token[], from: number, to: number, base?: Base): string {
  const first = tokens[from]!;
  let start = first.start;
  let prefix = "";
  if (base !== undefined && base.cut > 0) {
    start += base.cut;
    if (base.lam) prefix = AL;
  }
  // \u0640 ARABIC TATWEEL may stretch the first letter ("ـمطار"): not part of the name.
  return (prefix + text.slice(start, tokens[to]!.end)).replace(/\s+/g, " ").replace(/^\u0640+/, "");
}

/** A nisba adjective with the article ("السعودي", "الأوروبية") or one of NAMING_ADJECTIVES. */
function isNamingAdjective(norm: string): boolean {
  return isDefinite(norm) && (endsAsNisba(norm) || NAMING_ADJECTIVES.has(norm));
}

/** Ends as a nisba adjective does, masculine or feminine: ي or يه (ية as normalized). */
function endsAsNisba(norm: string): boolean {
  return norm.endsWith("\u064a") || norm.endsWith("\u064a\u0647");
}

/**
 * Bodies and groups named by their kind, in the plural or as a whole, that a و joins as another party, never as more
 * of one name: "قوات الأمن والجماعات المسلحة", "وزارة الإسكان والقطاع الخاص", "الجمعية الوطنية والبرلمان الأوروبي".
 */
const OTHER_PARTIES = set([
  "القوات",
  "الجماعات",
  "الجهات",
  "القطاع",
  "الشركات",
  "اللجان",
  "الهيئات",
  "الجامعات",
  "الوزارات",
  "المؤسسات",
  "الجمعيات",
  "البرلمان",
  "الحكومة",
]);

/**
 * Whether a definite word after و continues an organization's name: a domain or a field ("والتنمية", "والأوقاف"),
 * not a function word, another body's head or kind ("والهيئة العامة", "والمجلس البلدي", "والقطاع الخاص"), a title
 * ("والرئيس") or a plural of people, which names who is beside the body: a participle (مفعلين/مفاعلين: "والمسلحين",
 * "والمواطنين", "والمتطرفون") or an agent noun (فاعلين: "والعاملين", "والزائرين"), as normalized, unless the word
 * before the و is such a plural too: a body of two kinds of people ("جمعية المحاسبين والمراجعين", "اتحاد المخرجين
 * والمؤلفين"). Shorter plurals are no such pattern ("والفنون", "والشؤون", "والتأمين").
 */
function continuesName(norm: string, before: string): boolean {
  if (!isDefinite(norm) || isStopWord(norm) || HEADS.has(norm) || TITLES.has(norm)) return false;
  if (GENERIC_COMPLEMENTS.has(norm) || OTHER_PARTIES.has(norm)) return false;
  return !isPeoplePlural(norm) || isPeoplePlural(before);
}

/** A definite plural of people by pattern (continuesName), as normalized: "المسلحين", "العاملين", "المتطرفون". */
function isPeoplePlural(norm: string): boolean {
  if (
    !norm.startsWith(AL) ||
    !(norm.endsWith("\u064a\u0646") || norm.endsWith("\u0648\u0646")) ||
    norm.length < 8
  )
    return false;
  // \u0645 MEEM: a participle's prefix; \u0627 ALEF second: the فاعل pattern. A meem word of six letters with alef
  // third is the مفاعيل plural of things ("المضامين", "الموازين", "الميادين"), not the participle مفاعلين
  // ("المواطنين", seven letters) or مفعلين ("المسلحين").
  if (norm[2] === "\u0645") return !(norm.length === 8 && norm[4] === "\u0627");
  return norm[3] === "\u0627";
}

function isDefinite(norm: string): boolean {
  return norm.startsWith(AL) && norm.length > 3;
}

/**
 * The people, places and organizations of a text, most mentioned first (ties by name). Names found by their
 * title or head word; lexicon names anywhere. Example: "قال وزير الخارجية عادل الجبير في الرياض إن ... وأضاف
 * الجبير" -> [{person "عادل الجبير", 2 mentions}, {place "الرياض", 1}]. `merges`, when given, receives each shorter
 * name counted as a longer one (NameMerge).
 */
export function extractEntities(text: string, merges?: NameMerge[]): Entity[] {
  const tokens = tokenize(text);
  const norms = tokens.map((t) => t.norm);
  // barrier[i]: something other than spaces stands between word i-1 and word i (punctuation, a line break).
  const barrier = tokens.map((t, i) => i === 0 || !isSpaceOnly(text, tokens[i - 1]!.end, t.start));
  const bases = norms.map(basesOf);
  /** Word j begins with the article: ال as written, not a hamza's alef folded to ا ("ألقى", "ألمانيا"). */
  const definite = (j: number) => isDefinite(norms[j]!) && !HAMZA_ALEFS.includes(text[tokens[j]!.start]!);
  const found = new Map<
    string,
    {
      kind: EntityKind;
      key: string;
      names: Map<string, number>;
      mentions: number;
      shorterKeys: Set<string>;
      /** Names of the shorter entities merged into this one. */
      mergedNames: Set<string>;
    }
  >();
  const note = (kind: EntityKind, key: string, name: string) => {
    const id = `${kind} ${key}`;
    let e = found.get(id);
    if (e === undefined) {
      e = { kind, key, names: new Map(), mentions: 0, shorterKeys: new Set(), mergedNames: new Set() };
      found.set(id, e);
    }
    e.mentions++;
    e.names.set(name, (e.names.get(name) ?? 0) + 1);
  };
  /** Word i exists and runs on from the word before it (no punctuation between). */
  const joined = (i: number) => i < tokens.length && !barrier[i];
  /** The text between word i-1 and word i. */
  const between = (i: number) => text.slice(tokens[i - 1]!.end, tokens[i]!.start);

  const surnames = new Map<string, string>();
  /** Words inside a name already read: a surname there is not another mention. */
  const covered = new Uint8Array(tokens.length);
  /** A text about sport: bare club names (الهلال, النصر) are clubs in it. */
  const sportWords = new Set<string>();
  for (const bs of bases) for (const b of bs) if (SPORT.has(b.word)) sportWords.add(b.word);
  const sport = sportWords.size >= SPORT_WORDS_MIN && [...sportWords].some((w) => MATCH_SPORT.has(w));
  for (let i = 0; i < tokens.length; ) {
    const next =
      readLexiconName(i) ??
      readOutlet(i) ??
      readPerson(i) ??
      readClub(i) ??
      readOrganization(i) ??
      readBareName(i);
    if (next === null) i++;
    else {
      covered.fill(1, i, next);
      i = next;
    }
  }

  function readLexiconName(i: number): number | null {
    if (i > 0 && !barrier[i] && NOT_PLACE_AFTER.has(norms[i - 1]!)) return null;
    for (const base of bases[i]!) {
      for (const cand of LEXICON.get(base.word) ?? []) {
        let ok = true;
        for (let k = 0; k < cand.rest.length; k++) {
          if (!joined(i + 1 + k) || norms[i + 1 + k] !== cand.rest[k]) {
            ok = false;
            break;
          }
        }
        if (ok && cand.rest.length === 0 && isAdjectiveUse(i, base)) return null;
        if (ok && PLACE_NOT_BEFORE.get(base.word) === norms[i + 1] && joined(i + 1)) return null;
        // A platform named as a medium is read past, not noted: "نشر في حسابه على تويتر".
        if (ok && cand.platform && !namedAsCompany(i)) return i + 1 + cand.rest.length;
        if (ok) {
          // The key is the lexicon's (every spelling meets); the name is what this text wrote.
          note(cand.kind, cand.key, displayOf(text, tokens, i, i + cand.rest.length, base));
          if (cand.kind === "person") surnames.set(cand.rest[cand.rest.length - 1] ?? base.word, cand.key);
          return i + 1 + cand.rest.length;
        }
      }
    }
    return null;
  }

  /** Whether word i follows "شركة" (with its proclitics) directly or across an opening quote only ("شركة «تويتر»"). */
  function namedAsCompany(i: number): boolean {
    return i > 0 && COMPANY.has(norms[i - 1]!) && (!barrier[i] || OPEN_QUOTE.test(between(i)));
  }

  /**
   * An outlet named after its kind, which is not part of the name: "صحيفة الوطن", "لصحيفة الشرق الأوسط", "موقع
   * «سكاي نيوز عربية»", and "لـ«عكاظ»" (told to an outlet). Without quotes the name is its definite words up to
   * a nisba adjective ("صحيفة الحياة اللندنية" is الحياة).
   */
  function readOutlet(i: number): number | null {
    const head = bases[i]!.find((b) => OUTLETS.has(b.word))?.word;
    // "لـ«عكاظ»", "في تصريح إلى «الحياة»": an outlet told something, when a reporting word comes shortly before
    // (else "الملامح العامة لـ«ويندوز 10»" would make a product an outlet).
    const toldTo =
      head === undefined &&
      (norms[i] === LAM || norms[i] === TO) &&
      norms
        .slice(Math.max(0, i - REPORTING_REACH), i)
        .some((w) => REPORTING.has(w.replace(/^[\u0648\u0641]/, "")));
    if ((head === undefined && !toldTo) || i + 1 >= tokens.length) return null;
    const j = i + 1;
    let end = -1;
    if (OPEN_QUOTE.test(between(j))) {
      for (let k = j; k < j + MAX_QUOTED_WORDS && k < tokens.length && (k === j || joined(k)); k++) {
        if (CLOSE_QUOTE.test(text.slice(tokens[k]!.end, tokens[k]!.end + 2))) {
          end = k + 1;
          break;
        }
      }
    } else if (!toldTo && head !== SITE && joined(j)) {
      for (let k = j; k < j + MAX_QUOTED_WORDS && (k === j || joined(k)); k++) {
        const w = norms[k]!;
        if (!definite(k) || isStopWord(w) || NOT_NAME.has(w) || GENERIC_COMPLEMENTS.has(w)) break;
        if (k > j && endsAsNisba(w)) break;
        end = k + 1;
      }
    }
    if (end < 0) return null;
    const nameNorms = norms.slice(j, end);
    if (nameNorms.some((w) => isStopWord(w) || NOT_NAME.has(w))) return null;
    // "على موقع «تويتر»", "لـ«تويتر»": a platform is where it was said (NamedEntry.platform), not an outlet.
    if (!isPlatformName(nameNorms))
      note("organization", keyOf(nameNorms), displayOf(text, tokens, j, end - 1));
    return end;
  }

  /**
   * A club in a text about sport: after a team head ("نادي الهلال", "فريق لخويا القطري": the name without the head
   * and the nationality), or a club's word alone ("النصر والهلال", "للهلال") unless another name goes on with it
   * ("الهلال الأحمر", "دول الخليج").
   */
  function readClub(i: number): number | null {
    if (!sport) return null;
    if (bases[i]!.some((b) => TEAM_HEADS.has(b.word)) && joined(i + 1)) {
      const j = i + 1;
      const w = norms[j]!;
      if (
        isStopWord(w) ||
        NOT_NAME.has(w) ||
        GENERIC_COMPLEMENTS.has(w) ||
        TEAM_KINDS.has(w) ||
        !isNameWord(w)
      )
        return null;
      const nisba = (k: number) => joined(k) && definite(k) && endsAsNisba(norms[k]!);
      // A definite word is the club ("نادي الوحدة"); another word only with its nationality ("نادي روما الإيطالي").
      if (!(definite(j) || CLUBS.has(w)) && !nisba(j + 1)) return null;
      note("organization", keyOf([w]), displayOf(text, tokens, j, j));
      return nisba(j + 1) ? j + 2 : j + 1;
    }
    const base = bases[i]!.find((b) => CLUBS.has(b.word));
    if (base === undefined) return null;
    // "الهلال الأحمر", "بالتعاون مع": another name or the everyday word.
    if (joined(i + 1) && (definite(i + 1) || (norms[i + 1] === WITH && EVERYDAY_BEFORE_WITH.has(base.word))))
      return null;
    if (i > 0 && !barrier[i] && bases[i - 1]!.some((b) => NOT_CLUB_AFTER.has(b.word) || HEADS.has(b.word)))
      return null;
    note("organization", keyOf([base.word]), displayOf(text, tokens, i, i, base));
    return i + 1;
  }

  /**
   * A one-word name shaped like an adjective (السعودية) right after a definite noun describes that noun ("الصناعة
   * السعودية" is Saudi industry): not a mention of the country.
   */
  function isAdjectiveUse(i: number, base: Base): boolean {
    return base.cut === 0 && base.word.endsWith("\u064a\u0647") && i > 0 && !barrier[i] && definite(i - 1);
  }

  function readPerson(i: number): number | null {
    if (!bases[i]!.some((b) => TITLES.has(b.word))) return null;
    let j = i + 1;
    /** A nationality was named ("الرئيس الروسي"): the name after it may be foreign, outside GIVEN_NAMES. */
    let nationality = false;
    // Office words: the nationality, the portfolio, a second title, or the body a spokesman speaks for.
    for (let skipped = 0; joined(j) && skipped < MAX_OFFICE_WORDS; skipped++) {
      const w = norms[j]!;
      if (w === ON_BEHALF && joined(j + 1) && HEADS.has(norms[j + 1]!)) {
        j = skipOrganization(j + 1);
        continue;
      }
      const office = bases[j]!.some((b) => OFFICE_NOUNS.has(b.word) || TITLES.has(b.word));
      if (definite(j) || w.startsWith("\u0644\u0644") || office || w === ON_BEHALF) {
        if (NOT_NAME.has(w) || isStopWord(w)) return null;
        if (definite(j) && w.endsWith("\u064a") && w.length >= 5) nationality = true;
        j++;
        continue;
      }
      break;
    }
    return joined(j) ? readName(j, nationality, true, namesAfter(i)) : null;
  }

  /**
   * A bare name (no title before it) from word i: a common given name followed by more of a name ("محمد الحربي",
   * "عبدالله بن خالد"); one word alone is not enough without a title.
   */
  function readBareName(i: number): number | null {
    const w = norms[i]!;
    if (!(GIVEN.has(w) && !AMBIGUOUS_GIVEN.has(w)) && !(w === n("عبد") || w === n("أبو"))) return null;
    return readName(i, false, false, namesAfter(i));
  }

  /**
   * Word i (a title or a name) follows a contest's or a stadium's word: the person is whom it is named after ("دوري
   * عبداللطيف جميل", "كأس الأمير فيصل بن فهد", "ملعب الأمير عبدالله الفيصل"), not someone in the news.
   */
  function namesAfter(i: number): boolean {
    return i > 0 && !barrier[i] && bases[i - 1]!.some((b) => EPONYM_HEADS.has(b.word));
  }

  /**
   * The name from word `start`: given names and links, closed by a family name. `foreignOk`: after a nationality
   * a name outside GIVEN_NAMES may be read ("فلاديمير بوتين"). `titled`: a title came before, so one given name
   * alone is a name ("الأمير سلطان") and a given name may take a family name without the article ("حسن روحاني").
   * `eponym`: the name is what a contest or a stadium is named after (namesAfter), read past without a note.
   * Notes the person and returns the index after the name, or null.
   */
  function readName(start: number, foreignOk: boolean, titled: boolean, eponym = false): number | null {
    if (start >= tokens.length) return null;
    // A known person's name (PEOPLE) is read whole: "رجب طيب أردوغان", not the rule's "رجب طيب".
    if (!eponym && LEXICON.get(norms[start]!)?.some((c) => c.kind === "person")) {
      const known = readLexiconName(start);
      if (known !== null) return known;
    }
    /** The name does not begin with a common given name or a link: only a nationality let it be read. */
    const foreign = !GIVEN.has(norms[start]!) && !NAME_LINKS.has(norms[start]!);
    let j = start;
    /** Name units: a word, or a word joined by a link ("بن سلمان", "عبد الله"). */
    let units = 0;
    let linked = false;
    let end = -1;
    while (joined(j) || (j === start && j < tokens.length)) {
      const w = norms[j]!;
      if (NAME_LINKS.has(w)) {
        // A link needs a name word after it ("بن سلمان"); "عبد" and "أبو" begin a unit of two words.
        const after = norms[j + 1];
        // After a link a given name that is also a title is a name ("عطية بن مساعد الثبيتي").
        const named = after !== undefined && (isNameWord(after) || (GIVEN.has(after) && TITLES.has(after)));
        // The father's name may be "عبد X" written in two words ("بن عبد الله", as "بن عبدالله"): one unit of three.
        if (units > 0 && LINEAGE_LINKS.has(w) && after === ABD && joined(j + 1) && isAbdName(j + 2)) {
          linked = true;
          units++;
          end = j + 2;
          j += 3;
          continue;
        }
        if (!joined(j + 1) || !named || NAME_LINKS.has(after!)) break;
        if (units === 0 && w !== n("عبد") && w !== n("أبو") && w !== n("آل")) break;
        // "عبد الله" is one given name written in two words (as "عبدالله"), no lineage: "علي عبد الله صالح" goes on.
        if (units > 0 && w !== ABD) linked = true;
        units++;
        end = j + 1;
        j += 2;
        continue;
      }
      if (!isNameWord(w) && !isWrittenAli(j)) break;
      if (definite(j)) {
        // A family name with the article ("عادل الجبير") closes an Arabic name; a name never starts with one. A
        // feminine adjective is what a school or a hall named after the person is ("مدرسة أسامة بن زيد الابتدائية").
        if (
          units > 0 &&
          !foreign &&
          (!w.endsWith("\u064a\u0647") || FEMININE_FAMILY_NAMES.has(w)) &&
          !(j === start + 1 && isAliBeforeNoun(start))
        ) {
          end = j;
          units++;
        }
        break;
      }
      // After "بن X" only another link or a family name may follow: "محمد بن نايف اتصالا" ends at نايف.
      if (linked || units >= MAX_NAME_WORDS) break;
      // An Arabic name's next words are given names too (the father's: "محمد صالح") or a family name with the
      // article; a foreign name (after a nationality) has at most two words: "فلاديمير بوتين".
      if (units === 0 ? !GIVEN.has(w) && !foreignOk : foreign ? units >= 2 : !GIVEN.has(w)) {
        // After a title, one given name may take a family name without the article, which ends the name.
        if (
          titled &&
          !foreign &&
          units === 1 &&
          !LEXICON.has(w) &&
          !w.startsWith("\u0644") &&
          !isWrittenAli(start)
        ) {
          units++;
          end = j;
        }
        break;
      }
      // A foreign name is not a known place ("عدن") and its second word takes no preposition ("لصحافيين").
      if (foreign && (units === 0 ? LEXICON.has(w) : w.startsWith("\u0644"))) break;
      units++;
      end = j;
      j++;
    }
    // A name accepted only for its nationality ("الرئيس الروسي فلاديمير بوتين") needs two words to be one, and so
    // does a name without a title.
    // "علي" alone may be the preposition misspelled ("أكد الوزير علي أهمية"): a name only with more of it.
    if (end < start || units === 0 || ((foreign || !titled || isWrittenAli(start)) && units < 2)) return null;
    // An eponym's name is read past, not noted (namesAfter).
    if (eponym) return end + 1;
    const nameNorms = norms.slice(start, end + 1);
    const key = keyOf(nameNorms);
    note("person", key, displayOf(text, tokens, start, end));
    const last = nameNorms[nameNorms.length - 1]!;
    if (nameNorms.length > 1 && last.length >= 4 && !NAME_LINKS.has(nameNorms[nameNorms.length - 2]!)) {
      surnames.set(last, key);
    }
    return end + 1;
  }

  /**
   * Word i is a written علي before a verbal noun of a derived form or a feminine plural: the
   * preposition misspelled ("وافق علي الاختيار", "حصل علي التمويل", "علي الجهات"), not a family name. Family names
   * seldom take these shapes (a nisba "التميمي" ends in YEH and is kept); the word before علي tells nothing, a verb
   * precedes the subject too ("أشاد علي الناصر"). Read on the dev corpus, issue #5.
   */
  function isAliBeforeNoun(i: number): boolean {
    if (!isWrittenAli(i) || i + 1 >= tokens.length) return false;
    const next = text.slice(tokens[i + 1]!.start, tokens[i + 1]!.end);
    return !next.endsWith("\u064a") && VERBAL_NOUN_SHAPE.test(next);
  }

  /** Word j runs on from "عبد" before it and can end a name "عبد X" ("عبد الله", "عبد العزيز"). */
  function isAbdName(j: number): boolean {
    return joined(j) && isNameWord(norms[j]!) && !NAME_LINKS.has(norms[j]!);
  }

  /**
   * Word j is the given name علي as written, with a final yeh: normalized it is the preposition على (a stop word),
   * but the dev corpus writes the preposition with alef maksura; of 3,333 "علي" followed by a word, about 80 were the
   * preposition misspelled ("علي أن"). Without this "علي عبدالله صالح" was read as "عبدالله صالح".
   */
  function isWrittenAli(j: number): boolean {
    return norms[j] === ALI && text.slice(tokens[j]!.start, tokens[j]!.end) === ALI;
  }

  /** The index after an organization's name whose head is word i (at least one word after the head). */
  function organizationEnd(i: number): number {
    const head = bases[i]!.find((b) => HEADS.has(b.word))?.word ?? "";
    let j = i + 1;
    let words = 0;
    let inPhrase = false;
    let afterRoyal = false;
    let afterConjoined = false;
    while (joined(j) && words < MAX_ORGANIZATION_WORDS) {
      const w = norms[j]!;
      if (isStopWord(w) || NOT_NAME.has(w) || (words === 0 && GENERIC_COMPLEMENTS.has(w))) break;
      // A title other than a royal's begins a person, not more of the name ("كلية الشريعة الدكتور ...").
      if (TITLES.has(w) && !ROYAL_TITLES.has(w)) break;
      // "الهيئة العامة للغذاء": a body named for its purpose; "نادي الاتحاد للاعب" is no such name.
      // The purpose follows the body's kind: definite ("الهيئة العامة للسياحة"), or a construct right after the first
      // word ("المؤسسة العامة لتحلية المياه"); later a ل-word is the sentence going on ("... لاستكمال").
      // ل + a verb's present tense (ي) is "so that" ("لجنة الاحتراف ليتسنى"), not a purpose.
      const forPurpose =
        words > 0 &&
        w.startsWith("\u0644") &&
        w[1] !== "\u064a" &&
        PURPOSE_HEADS.has(head) &&
        (w.startsWith("\u0644\u0644") ? w.length > 4 : words === 1 && w.length > 3);
      // A name goes on with و + a definite word ("حزب العدالة والتنمية", "جمعية الثقافة والفنون"), not with another
      // body, a person's title or the people around it ("قوات الطوارئ والعاملين", "وزارة المالية والرئيس التنفيذي").
      const conjoined = words > 0 && w.startsWith("\u0648") && continuesName(w.slice(1), norms[j - 1]!);
      if (!definite(j) && !forPurpose && !conjoined) break;
      // After the first word only an adjective of the name goes on ("مجلس الأمن الدولي", "الهيئة العامة"), unless a
      // purpose or a و-joined word opened a phrase of its own ("للإعلام المرئي", "لتحلية المياه المالحة");
      // "وزارة المالية الطريق" is the sentence going on.
      if (words > 0 && !forPurpose && !conjoined && !inPhrase && !afterRoyal && !isNamingAdjective(w)) break;
      // A و-joined word takes only its adjective ("والتراث الوطني"); a noun after it is the sentence going on
      // ("حزب العدالة والتنمية الغالبية المطلقة").
      if (afterConjoined && !forPurpose && !conjoined && !isNamingAdjective(w)) break;
      inPhrase ||= forPurpose || conjoined;
      afterConjoined = conjoined;
      afterRoyal = false;
      // A word said twice is the sentence going on ("حزب اليمين الذهبي اليمين المتطرف").
      if (norms.slice(i + 1, j).includes(w)) break;
      words++;
      j++;
      if (ROYAL_TITLES.has(w)) {
        // "جامعة الملك سعود", "مركز الملك عبدالله بن عبدالعزيز للحوار": the royal's name is part of the name.
        j = nameEnd(j);
        afterRoyal = true;
      }
    }
    return words === 0 ? i : j;
  }

  /** The index after a given name and its links starting at word j ("عبدالله بن عبدالعزيز"), or j. */
  function nameEnd(j: number): number {
    if (!joined(j) || !isNameWord(norms[j]!) || definite(j)) return j;
    let k = j + 1;
    while (joined(k) && joined(k + 1) && NAME_LINKS.has(norms[k]!) && isNameWord(norms[k + 1]!)) k += 2;
    return k;
  }

  /** The index after the organization whose head is word i, or after the head alone when no name follows it. */
  function skipOrganization(i: number): number {
    return Math.max(organizationEnd(i), i + 1);
  }

  function readOrganization(i: number): number | null {
    const base = bases[i]!.find((b) => HEADS.has(b.word));
    if (base === undefined) return null;
    const end = organizationEnd(i);
    if (end === i) return null;
    // "الشركة" alone is "the company" already named: with the article a head needs a naming adjective
    // ("الشركة السعودية", "الهيئة العامة").
    if (isDefinite(base.word) && !isNamingAdjective(norms[i + 1]!)) return null;
    // "اللجنة الفنية", "اللجنة التنفيذية": some body's committee, named by one adjective; a name says more.
    if (base.word === COMMITTEE && end - i < 3) return null;
    const words = [base.word, ...norms.slice(i + 1, end)];
    note("organization", keyOf(words), displayOf(text, tokens, i, end - 1, base));
    return end;
  }

  // A person named once in full and then by surname alone ("الجبير") is mentioned again each time.
  for (let i = 0; i < norms.length; i++) {
    const key = covered[i] === 1 ? undefined : surnames.get(norms[i]!);
    const e = key === undefined ? undefined : found.get(`person ${key}`);
    if (e !== undefined) e.mentions++;
  }

  // A shorter name of the same person or body ("محمد بن نايف" for "محمد بن نايف بن عبدالعزيز", "هيئة الإغاثة" for
  // "هيئة الإغاثة الإسلامية العالمية") merges into the one longer name it begins, when only one does.
  const entries = [...found.values()];
  for (const short of entries) {
    if (short.kind === "place" || short.mentions === 0) continue;
    const longer = entries.filter(
      (e) => e !== short && e.kind === short.kind && e.mentions > 0 && isShorterName(short, e),
    );
    if (longer.length !== 1) continue;
    longer[0]!.mentions += short.mentions;
    for (const k of [short.key, ...short.shorterKeys]) longer[0]!.shorterKeys.add(k);
    for (const name of [...short.names.keys(), ...short.mergedNames]) longer[0]!.mergedNames.add(name);
    short.mentions = 0;
    merges?.push(toNameMerge(short, longer[0]!));
  }

  return entries
    .filter((e) => e.mentions > 0)
    .map((e) => ({
      kind: e.kind,
      key: e.key,
      name: mostUsed(e.names),
      mentions: e.mentions,
      ...withShorterKeys(e.shorterKeys),
      forms: formsOf(e.names, e.mergedNames),
    }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** An entity's forms (Entity.forms): its own names, the most used first, then the merged ones', each once. */
export function formsOf(names: ReadonlyMap<string, number>, merged: Iterable<string>): string[] {
  const own = [...names].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  return [...new Set([...own, ...merged])];
}

/** The shorterKeys field of an entity: sorted, absent when none. */
function withShorterKeys(keys: ReadonlySet<string>): { shorterKeys?: readonly string[] } {
  return keys.size === 0 ? {} : { shorterKeys: [...keys].sort() };
}

function toNameMerge(
  short: { kind: EntityKind; key: string; names: ReadonlyMap<string, number> },
  into: { key: string; names: ReadonlyMap<string, number> },
): NameMerge {
  return {
    kind: short.kind,
    shortKey: short.key,
    shortName: mostUsed(short.names),
    intoKey: into.key,
    intoName: mostUsed(into.names),
  };
}

function mostUsed(names: ReadonlyMap<string, number>): string {
  let best = "";
  let count = -1;
  for (const [name, c] of names)
    if (c > count || (c === count && name.length > best.length)) [best, count] = [name, c];
  return best;
}

/**
 * A short name with several longer names it begins merges into the one named by at least this many times as much as
 * the next (longerFormOf). 2: on the dev store it changes 32 of 16,569 stories' entities, all read: 24 right, 0 wrong,
 * 8 unclear (testdata/labels/README.md, entities section of 2026-11-30).
 */
const SHORT_FORM_DOMINANCE = 2;
/**
 * Across stories a lineage merges only into a longer one named at least this share as often: "سلمان بن عبدالعزيز" (213
 * stories of the dev store) into "... آل سعود" (174), not "فيصل بن خالد بن عبدالعزيز" (54) into "... آل سعود" (1), a
 * rare spelling. 0.5: of 30 such merges read at random on the dev store, 19 right, 2 wrong, 9 unclear (before a story
 * naming both was asked for too: testdata/labels/README.md, "Entity merges" of 2026-12-01).
 */
const LINEAGE_MERGE_MIN_SHARE = 0.5;

/**
 * The longer name a short one merges into across articles or stories: of the same kind, one it names (isShorterName:
 * "محمد بن نايف" of "محمد بن نايف بن عبدالعزيز", by keys and, for a person, by written words), still counted (`weight` >
 * 0); of several, the one named at least SHORT_FORM_DOMINANCE times as much as the next ("قوات الطوارئ الخاصة" 19
 * articles, "قوات الطوارئ السعودية" 2), else none: the short name may be either ("اتحاد الكرة" of two countries), and so
 * may one word ("الاتحاد"). Places never merge.
 * `acrossStories`: names of unrelated texts, where a short name is often someone else's ("خالد الفيصل" is not "خالد
 * بن عبدالله بن فهد الفيصل", "محمد بن عبدالعزيز" not every "محمد بن عبدالعزيز الصفيان", "مشعل بن عبدالله بن عبدالعزيز"
 * not "... بن مساعد"): only a lineage ("سلمان بن عبدالعزيز") merges, into a longer lineage whose written words begin
 * with it ("سلمان بن عبدالعزيز آل سعود"), named at least half as much (LINEAGE_MERGE_MIN_SHARE), and only when a story
 * read names both (the longer entity's `shorterKeys` hold the short key), the evidence that they are one person, or
 * the longer name only carries the lineage on ("محمد بن سلمان" -> "محمد بن سلمان بن عبدالعزيز", continuesLineage): a
 * family name after it ("محمد بن عبدالعزيز الصفيان") is another man's as often as not, a grandfather's name is how
 * the same prince is written in full (the /entities days lost محمد بن سلمان, محمد بن نايف and سلطان بن سلمان's merges
 * to the evidence rule alone, and it prevented no wrong merge there).
 * Pure.
 */
export function longerFormOf<
  T extends {
    kind: EntityKind;
    key: string;
    names: ReadonlyMap<string, number>;
    shorterKeys?: ReadonlySet<string>;
  },
>(short: T, entries: readonly T[], weight: (e: T) => number, acrossStories = false): T | undefined {
  if (short.kind === "place") return undefined;
  if (acrossStories && !short.key.split(" ").some((w) => LINEAGE_KEYS.has(w))) return undefined;
  const isLonger = (x: T) =>
    acrossStories
      ? weight(x) >= LINEAGE_MERGE_MIN_SHARE * weight(short) &&
        (x.shorterKeys?.has(short.key) === true || continuesLineage(short.key, x.key)) &&
        isShorterName(short, x, true)
      : isShorterName(short, x);
  const longer = entries
    .filter((x) => x !== short && x.kind === short.kind && weight(x) > 0 && isLonger(x))
    .sort((a, b) => weight(b) - weight(a));
  if (longer.length === 0) return undefined;
  // One word with several longer names ("الاتحاد", "فهد") is too bare to pick one, however named.
  if (
    longer.length > 1 &&
    (!short.key.includes(" ") || weight(longer[0]!) < SHORT_FORM_DOMINANCE * weight(longer[1]!))
  )
    return undefined;
  return longer[0];
}

/** True when `longerKey` is `shortKey` carried on by a lineage word: "محمد بن سلمان" -> "محمد بن سلمان بن عبدالعزيز". */
function continuesLineage(shortKey: string, longerKey: string): boolean {
  if (!longerKey.startsWith(`${shortKey} `)) return false;
  const next = longerKey.slice(shortKey.length + 1).split(" ")[0]!;
  return LINEAGE_KEYS.has(next);
}

/** An entity across several articles (a story's coverage): in how many it is named, and how often in all. */
export interface CombinedEntity extends Entity {
  articles: number;
}

/**
 * The entities of several articles' lists as one list, most articles first: one entry per kind and key, the name
 * most used, short forms merged into the one longer name they begin (as within an article). Example: two
 * articles naming "عادل الجبير" and one naming "الرياض" -> [{person "عادل الجبير", articles 2}, {place ..., 1}].
 * `merges`, when given, receives each shorter name counted as a longer one across the articles.
 */
export function combineEntities(
  lists: readonly (readonly Entity[])[],
  merges?: NameMerge[],
): CombinedEntity[] {
  const byId = new Map<
    string,
    {
      kind: EntityKind;
      key: string;
      mentions: number;
      articles: number;
      names: Map<string, number>;
      shorterKeys: Set<string>;
      /** The lists' forms, and the shorter entities' merged into this one. */
      forms: Set<string>;
    }
  >();
  for (const list of lists) {
    for (const e of list) {
      const id = `${e.kind} ${e.key}`;
      let entry = byId.get(id);
      if (entry === undefined) {
        entry = {
          kind: e.kind,
          key: e.key,
          mentions: 0,
          articles: 0,
          names: new Map(),
          shorterKeys: new Set(),
          forms: new Set(),
        };
        byId.set(id, entry);
      }
      entry.mentions += e.mentions;
      entry.articles++;
      entry.names.set(e.name, (entry.names.get(e.name) ?? 0) + 1);
      for (const k of e.shorterKeys ?? []) entry.shorterKeys.add(k);
      for (const f of e.forms ?? [e.name]) entry.forms.add(f);
    }
  }
  const entries = [...byId.values()];
  for (const short of entries) {
    if (short.articles === 0) continue;
    const into = longerFormOf(short, entries, (e) => e.articles);
    if (into === undefined) continue;
    into.mentions += short.mentions;
    // An article may name both forms: the merged count can pass the number of articles, so it is capped.
    into.articles = Math.min(lists.length, into.articles + short.articles);
    for (const k of [short.key, ...short.shorterKeys]) into.shorterKeys.add(k);
    for (const f of short.forms) into.forms.add(f);
    short.articles = 0;
    merges?.push(toNameMerge(short, into));
  }
  return entries
    .filter((x) => x.articles > 0)
    .map((x) => ({
      kind: x.kind,
      key: x.key,
      name: mostUsed(x.names),
      mentions: x.mentions,
      ...withShorterKeys(x.shorterKeys),
      forms: formsOf(x.names, x.forms),
      articles: x.articles,
    }))
    .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name));
}
