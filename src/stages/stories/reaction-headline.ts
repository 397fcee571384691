/**
 * Whether a headline reports a reaction to an event rather than the event: who condemns, condoles, congratulates,
 * praises or visits ("البحرين تدين التفجير الإرهابي...", "أمير عسير يزور المصابين..."). The story's headline prefers
 * titles that are not (story-clusterer.ts titleRankOf). Stories stage, pure.
 */
import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { tokenize } from "../arabic/tokenize.ts";

/**
 * Present-tense verbs of reacting, third person masculine singular as headlines write them; REACTION_VERBS holds their
 * normal forms (normalizeArabic) with the feminine (\u062a TEH for the first \u064a YEH: "تدين") and the plural
 * ("يدينون"). Verbs of saying are left out: "وزير التعليم ينفي تأجيل الدراسة" is the event its story is about.
 * "ينقل" is in for "ينقل تحيات/تعازي" (a visit on someone's behalf); it also moves the wounded, and a reaction flag
 * only demotes a title behind the story's other titles, so that costs little.
 */
const REACTION_VERB_WORDS = [
  "\u064a\u062f\u064a\u0646", // يدين condemns
  "\u064a\u0633\u062a\u0646\u0643\u0631", // يستنكر denounces
  "\u064a\u0646\u062f\u062f", // يندد
  "\u064a\u0634\u062c\u0628", // يشجب
  "\u064a\u0639\u0632\u064a", // يعزي offers condolences
  "\u064a\u0647\u0646\u0626", // يهنئ congratulates
  "\u064a\u0634\u064a\u062f", // يشيد praises
  "\u064a\u062b\u0645\u0646", // يثمن
  "\u064a\u0632\u0648\u0631", // يزور visits
  "\u064a\u0637\u0645\u0626\u0646", // يطمئن checks on
  "\u064a\u062a\u0641\u0642\u062f", // يتفقد inspects
  "\u064a\u0646\u0642\u0644", // ينقل conveys
];

/** Normal forms of REACTION_VERB_WORDS, their feminine and their plural. */
const REACTION_VERBS: ReadonlySet<string> = new Set(
  REACTION_VERB_WORDS.map(normalizeArabic).flatMap((v) => [v, `\u062a${v.slice(1)}`, `${v}\u0648\u0646`]),
);

/** One-letter proclitics read off a word that is no verb itself ("ويدين"): \u0648 WAW, \u0641 FEH. */
const PROCLITIC = /^[\u0648\u0641]/;

/**
 * True when a word of the headline is a reaction verb (REACTION_VERBS), a proclitic read off. Read on normal forms,
 * so tashkeel and hamza seats do not decide. Examples: "البحرين تدين التفجير الإرهابي" -> true; "أمير عسير يزور
 * المصابين" -> true; "13 شهيدا بتفجير انتحاري في مسجد" -> false; "وزير التعليم ينفي تأجيل الدراسة" -> false.
 */
export function isReactionHeadline(title: string): boolean {
  for (const t of tokenize(title)) {
    if (REACTION_VERBS.has(t.norm)) return true;
    const bare = t.norm.replace(PROCLITIC, "");
    if (bare !== t.norm && REACTION_VERBS.has(bare)) return true;
  }
  return false;
}
