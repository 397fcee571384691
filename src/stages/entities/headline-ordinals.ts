/**
 * Headline ordinals: which instance of a template a headline names ("أول طائرة إغاثية تهبط في مطار عدن", "وصول طائرة
 * الشحن الثانية لمطار عدن", "وصول الطائرة الإغاثية السعودية الخامسة"), so that successive instances of one template are
 * told apart: the stories stage damps a join or merge across instances (story-clusterer.ts ORDINAL_CONFLICT_FACTOR), the
 * dedupe stage calls no text a copy of one naming another instance (compare-shingles.ts). Pure; read once per article
 * (worker side, with the near-duplicate fingerprint).
 */
import { matchKeyOf } from "../arabic/analyze-text.ts";
import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { isStopWord } from "../arabic/stop-words.ts";
import { isSpaceOnly, type Token, tokenize } from "../arabic/tokenize.ts";

const keyOf = (w: string): string => matchKeyOf(normalizeArabic(w));

/**
 * Match key (matchKeyOf folds the article, gender and \u0649 ALEF MAKSURA) of an ordinal word -> its value: "الأولى",
 * "أول" -> 1, "الثانية", "ثاني" -> 2.
 */
const ORDINAL_VALUES: ReadonlyMap<string, number> = new Map(
  [
    "\u0627\u0644\u0623\u0648\u0644", // الأول
    "\u0627\u0644\u062b\u0627\u0646\u064a", // الثاني
    "\u0627\u0644\u062b\u0627\u0644\u062b", // الثالث
    "\u0627\u0644\u0631\u0627\u0628\u0639", // الرابع
    "\u0627\u0644\u062e\u0627\u0645\u0633", // الخامس
    "\u0627\u0644\u0633\u0627\u062f\u0633", // السادس
    "\u0627\u0644\u0633\u0627\u0628\u0639", // السابع
    "\u0627\u0644\u062b\u0627\u0645\u0646", // الثامن
    "\u0627\u0644\u062a\u0627\u0633\u0639", // التاسع
    "\u0627\u0644\u0639\u0627\u0634\u0631", // العاشر
  ].map((w, i) => [keyOf(w), i + 1]),
);

/** Match key of عشر/عشرة after an ordinal: "الرابعة عشرة" is the fourteenth. */
const TEEN = keyOf("\u0639\u0634\u0631\u0629"); // عشرة

/**
 * A definite word as normalized: the article, after و/ف and ب/ك, or ل as لل ("الثانية", "والخامسة", "للرابعة").
 * A definite ordinal follows its noun ("الطائرة الإغاثية الرابعة"); an indefinite one mostly precedes it ("أول
 * طائرة", "خامس طائرة"), or follows an indefinite noun ("طائرة سعودية ثالثة").
 */
const DEFINITE = /^[\u0648\u0641]?(?:[\u0628\u0643]?\u0627\u0644|\u0644\u0644)/;

/**
 * A nisba adjective as normalized (ending in ي, يه with ة folded to ه, or the adverbial يا): "الإغاثية", "السعودية",
 * "عسكرية", "عالمياً". Adjectives
 * stand between a noun and its ordinal ("الطائرة الإغاثية السعودية الرابعة") and are no head: they would make
 * "الدفعة الإغاثية الثالثة" and "الطائرة الإغاثية الرابعة" one template.
 */
const NISBA = /\u064a(?:\u0647|\u0627)?$/;

/** Content words read back from a definite ordinal for its head nouns ("وصول طائرة الشحن الثانية": طائرة, الشحن). */
const MAX_HEADS_BEFORE = 2;
/** Words read back at most, adjectives included. */
const MAX_WORDS_BEFORE = 4;

/**
 * Head nouns (normalized words) whose ordinal names no instance of an event: a time ("للمرة الثالثة"), a rank or
 * place in a table ("المركز الأول", "المرتبة الثانية", "الترتيب"), a league's division ("دوري الأولى", "الدرجة
 * الثالثة"), a military rank ("الرقيب أول", "الجندي أول", "ملازم أول"), and a wire story's continuation part ("إضافة
 * أولى", one report in parts). The months "ربيع الأول", "جمادى الآخرة", "كانون الثاني", "تشرين الأول" are dates.
 * Rounds ("الجولة الثالثة") and editions ("الدورة الخامسة عشرة") are instances and not listed.
 */
const NOT_INSTANCE_HEADS: ReadonlySet<string> = new Set(
  [
    "\u0645\u0631\u0629", // مرة
    "\u0645\u0631\u0643\u0632", // مركز
    "\u0645\u0631\u062a\u0628\u0629", // مرتبة
    "\u062a\u0631\u062a\u064a\u0628", // ترتيب
    "\u062f\u0648\u0631\u064a", // دوري
    "\u062f\u0631\u062c\u0629", // درجة
    "\u0631\u0642\u064a\u0628", // رقيب
    "\u062c\u0646\u062f\u064a", // جندي
    "\u0645\u0644\u0627\u0632\u0645", // ملازم
    "\u0639\u0631\u064a\u0641", // عريف
    "\u0625\u0636\u0627\u0641\u0629", // إضافة
    "\u0631\u0628\u064a\u0639", // ربيع
    "\u062c\u0645\u0627\u062f\u0649", // جمادى
    "\u0643\u0627\u0646\u0648\u0646", // كانون
    "\u062a\u0634\u0631\u064a\u0646", // تشرين
    // A reign's number names a king, not an event ("الملك عبدالله الثاني", "الملك محمد السادس"), and the deputy prime
    // ministers are "النائب الأول" and "النائب الثاني" (the crown prince and his deputy), who meet in one event.
    "\u0645\u0644\u0643", // ملك
    "\u0639\u0627\u0647\u0644", // عاهل
    "\u0633\u0644\u0637\u0627\u0646", // سلطان
    "\u0646\u0627\u0626\u0628", // نائب
    // Parts of a text or a school year, not events: "المادة الثانية", "البند الثالث", "الفقرة الرابعة", "الصفحة
    // الأولى", "الصف الأول".
    "\u0645\u0627\u062f\u0629", // مادة
    "\u0628\u0646\u062f", // بند
    "\u0641\u0642\u0631\u0629", // فقرة
    "\u0635\u0641\u062d\u0629", // صفحة
    "\u0635\u0641", // صف
    // Set phrases: "في المقام الأول", "للوهلة الأولى", "الحرب العالمية الثانية", "ثاني أكسيد الكربون", "ثاني أكبر".
    "\u0645\u0642\u0627\u0645", // مقام
    "\u0648\u0647\u0644\u0629", // وهلة
    "\u062d\u0631\u0628", // حرب
    "\u0623\u0643\u0633\u064a\u062f", // أكسيد
    "\u0623\u0643\u0628\u0631", // أكبر
    "\u0623\u0641\u0636\u0644", // أفضل
    "\u0623\u0639\u0644\u0649", // أعلى
    "\u0623\u0643\u062b\u0631", // أكثر
  ].map(normalizeArabic),
);

/**
 * A rank's adverb after an ordinal, normalized ("الأولى عربيا والثالثة عالميا", "الأول محليا"): a place in a
 * table, not an instance. The tanween alef folds with its tashkeel stripped, so "عالمياً" ends the same way.
 */
const RANK_ADVERB =
  /^(?:\u0639\u0631\u0628|\u0639\u0627\u0644\u0645|\u0645\u062d\u0644|\u062e\u0644\u064a\u062c|\u0625\u0642\u0644\u064a\u0645|\u0627\u0642\u0644\u064a\u0645|\u062f\u0648\u0644)\u064a\u0627$/;

/**
 * Whether a normalized word is one of NOT_INSTANCE_HEADS, read without the article or a one-letter proclitic
 * ("للمرة", "والمركز", "بدوري"). Compared as words, not match keys: the key of دوري is that of الدورة (an edition,
 * an instance) and the key of كانون that of كان.
 */
function isNotInstanceHead(norm: string): boolean {
  if (NOT_INSTANCE_HEADS.has(norm) || NOT_INSTANCE_HEADS.has(norm.replace(DEFINITE, ""))) return true;
  return PROCLITIC.test(norm) && NOT_INSTANCE_HEADS.has(norm.slice(1));
}

/** A one-letter proclitic (\u0648 WAW, \u0641 FEH, \u0628 BEH, \u0644 LAM) before a word of at least three letters. */
const PROCLITIC = /^[\u0648\u0641\u0628\u0644]..../;

/**
 * Words before an indefinite ordinal that make it a date or an adverb, not an instance: "من أول أغسطس", "منذ أول
 * يوم", "حتى أول الشهر".
 */
const NOT_INSTANCE_BEFORE: ReadonlySet<string> = new Set(
  ["\u0645\u0646", "\u0645\u0646\u0630", "\u062d\u062a\u0649"].map(keyOf),
);

/**
 * The instances a headline names, as sorted distinct ids `<head key>#<ordinal>`: a definite ordinal with the last
 * MAX_HEADS_BEFORE nouns before it (adjectives skipped, stopping at a function word or punctuation), an indefinite
 * one with the noun after it and the noun before it. Example: "وصول طائرة الشحن السعودية الثانية لمطار عدن" ->
 * ["شحن#2", "طاءر#2"]; "هبوط أول طائرة عسكرية سعودية في مطار عدن" -> ["طاءر#1", "هبوط#1"]; "للمرة الأولى منذ
 * عامين" -> [] (a time, no instance); "ترتيبات السوبر تبدأ في السابع من أغسطس" -> [] (a date: no noun before it).
 */
export function toHeadlineOrdinals(title: string): string[] {
  const tokens = tokenize(title);
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const key = matchKeyOf(tokens[i]!.norm);
    const unit = ORDINAL_VALUES.get(key);
    if (unit === undefined) continue;
    const next = tokens[i + 1];
    const joinedNext = next !== undefined && isSpaceOnly(title, tokens[i]!.end, next.start);
    const value = joinedNext && matchKeyOf(next.norm) === TEEN ? unit + 10 : unit;
    // A rank ("الأولى عربيا") or a set phrase after the ordinal ("أول مرة", "ثاني أكبر").
    if (joinedNext && (RANK_ADVERB.test(next.norm) || isNotInstanceHead(next.norm))) continue;
    const heads: string[] = [];
    let notInstance = false;
    if (DEFINITE.test(tokens[i]!.norm)) notInstance = headsBefore(title, tokens, i, heads);
    else {
      const before = tokens[i - 1];
      if (before !== undefined && NOT_INSTANCE_BEFORE.has(matchKeyOf(before.norm))) continue;
      // "أول أمس", "أول من أمس", "الأول في": no noun follows.
      if (joinedNext && isStopWord(next.norm)) continue;
      if (joinedNext && value === unit) heads.push(matchKeyOf(next.norm));
      notInstance = headsBefore(title, tokens, i, heads, 1);
    }
    if (notInstance) continue;
    for (const h of heads) out.add(`${h}#${value}`);
  }
  return [...out].sort();
}

/**
 * Pushes the match keys of up to `max` nouns before token `at` (nisba adjectives skipped) onto `heads`; true when one
 * of them makes the ordinal no instance (isNotInstanceHead).
 */
function headsBefore(
  title: string,
  tokens: readonly Token[],
  at: number,
  heads: string[],
  max = MAX_HEADS_BEFORE,
): boolean {
  let found = 0;
  for (let j = at - 1; j >= 0 && j >= at - MAX_WORDS_BEFORE && found < max; j--) {
    const t = tokens[j]!;
    if (!isSpaceOnly(title, t.end, tokens[j + 1]!.start) || isStopWord(t.norm)) return false;
    if (isNotInstanceHead(t.norm)) return true;
    const key = matchKeyOf(t.norm);
    if (ORDINAL_VALUES.has(key) || /\d/.test(t.norm)) return false;
    // An adjective between the noun and its ordinal.
    if (NISBA.test(t.norm)) continue;
    heads.push(key);
    found++;
  }
  return false;
}

/** Head key -> ordinals named with it. */
type Instances = Map<string, Set<number>>;

/**
 * The instances a story's headlines name, growing as members join and stories merge. Two sides conflict when they
 * name one head noun and no ordinal of it in common: "أول طائرة" against "الطائرة الثانية"; a story holding both
 * (a wrong join, or a headline naming both) conflicts with neither.
 */
export class OrdinalSet {
  /** Allocated with the first ordinal: most stories name none. */
  private heads: Instances | null = null;

  add(ordinals: readonly string[] | undefined): void {
    if (ordinals === undefined || ordinals.length === 0) return;
    this.heads ??= new Map();
    for (const id of ordinals) {
      const at = id.lastIndexOf("#");
      const head = id.slice(0, at);
      let values = this.heads.get(head);
      if (values === undefined) {
        values = new Set();
        this.heads.set(head, values);
      }
      values.add(Number(id.slice(at + 1)));
    }
  }

  addSet(other: OrdinalSet): void {
    if (other.heads === null) return;
    this.heads ??= new Map();
    for (const [head, values] of other.heads) {
      const own = this.heads.get(head);
      if (own === undefined) this.heads.set(head, new Set(values));
      else for (const v of values) own.add(v);
    }
  }

  /** True when `ordinals` (toHeadlineOrdinals) name a head of this set with none of its ordinals. */
  conflicts(ordinals: readonly string[] | undefined): boolean {
    if (ordinals === undefined || ordinals.length === 0 || this.heads === null) return false;
    const other = new OrdinalSet();
    other.add(ordinals);
    return this.conflictsWithSet(other);
  }

  /** True when the two sets name a head in common with no ordinal of it in common. */
  conflictsWithSet(other: OrdinalSet): boolean {
    if (this.heads === null || other.heads === null) return false;
    for (const [head, values] of other.heads) {
      const own = this.heads.get(head);
      if (own === undefined) continue;
      let shared = false;
      for (const v of values) if (own.has(v)) shared = true;
      if (!shared) return true;
    }
    return false;
  }
}

/**
 * True when two headlines' instances (toHeadlineOrdinals) name one head with no ordinal of it in common: the two texts
 * are two instances of one template, whatever else they share. Example: ["طاءر#4"] against ["طاءر#5", "وصل#5"] -> true;
 * against [] or ["سفين#1"] -> false.
 */
export function namesOtherInstance(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const set = new OrdinalSet();
  set.add(a);
  return set.conflicts(b);
}

/**
 * True when the two headlines' instances (toHeadlineOrdinals: sorted distinct ids) are the same list, both empty
 * included: the rewrite test reads it before it takes a pair on slightly fewer shared word pairs
 * (dedupe/compare-shingles.ts REWRITE_SAME_INSTANCES_BIGRAM_SLACK). Stricter than namesOtherInstance, which lets a headline naming none pass: the second relief plane's
 * "وصول طائرة الإغاثة السعودية الثانية لمطار عدن" (["اغاث#2", "طاءر#2"]) against the first's "وصول الطائرة
 * الإغاثية السعودية إلى مطار عدن الدولي" ([]) -> false; [] against [] -> true.
 */
export function namesSameInstances(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
