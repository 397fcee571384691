/**
 * Whether a headline reports a reaction to an event rather than the event: who condemns, condoles, congratulates,
 * praises or visits the wounded ("البحرين تدين التفجير الإرهابي...", "أمير عسير يزور المصابين..."). The story's
 * headline prefers titles that are not (story-clusterer.ts titleRankOf), and a condemnation's subjects are those of what
 * it condemns, not who condemns (condemnedPartOf, headline-subjects.ts). Stories stage, pure.
 */
import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { type Token, tokenize } from "../arabic/tokenize.ts";

/**
 * How a verb of REACTION_VERB_WORDS is read: "always" a reaction; "object" only when a reaction's object follows
 * within REACTION_OBJECT_WINDOW words (a visit is the event in "أوباما يزور كينيا لأول مرة", the reaction in "أمير
 * عسير يزور المصابين"); "praise" unless the display form carries a shadda on its \u064a YEH ("تشيّد 25 ألف وحدة"
 * builds, "تشيد بالجهود" praises); "condemn" unless the next word is the accused ("المحكمة تدين المتهم" convicts).
 */
type VerbReading = "always" | "object" | "praise" | "condemn";

/**
 * Present-tense verbs of reacting, third person masculine singular as headlines write them; REACTION_VERBS holds their
 * normal forms (normalizeArabic) with the feminine (\u062a TEH for the first \u064a YEH: "تدين"), the dual
 * ("يدينان") and the plural ("يدينون"). Verbs of saying are left out: "وزير التعليم ينفي تأجيل الدراسة" is the event
 * its story is about. Read over the dev corpus (2026-11-30): يزور/يتفقد/ينقل/يطمئن alone flagged events (a
 * president's state visit, a minister inspecting road works, a plane carrying a team), hence "object".
 */
const REACTION_VERB_WORDS: readonly (readonly [string, VerbReading])[] = [
  ["\u064a\u062f\u064a\u0646", "condemn"], // يدين condemns
  ["\u064a\u0633\u062a\u0646\u0643\u0631", "always"], // يستنكر denounces
  ["\u064a\u0646\u062f\u062f", "always"], // يندد
  ["\u064a\u0634\u062c\u0628", "always"], // يشجب
  ["\u064a\u0639\u0632\u064a", "always"], // يعزي offers condolences
  ["\u064a\u0648\u0627\u0633\u064a", "always"], // يواسي consoles
  ["\u064a\u0647\u0646\u0626", "always"], // يهنئ congratulates
  ["\u064a\u0634\u0643\u0631", "always"], // يشكر thanks
  ["\u064a\u0634\u064a\u062f", "praise"], // يشيد praises
  ["\u064a\u062b\u0645\u0646", "always"], // يثمن
  ["\u064a\u0632\u0648\u0631", "object"], // يزور visits
  ["\u064a\u0637\u0645\u0626\u0646", "object"], // يطمئن checks on
  ["\u064a\u062a\u0641\u0642\u062f", "object"], // يتفقد inspects
  ["\u064a\u0646\u0642\u0644", "object"], // ينقل conveys
];

/** Normal forms of REACTION_VERB_WORDS, their feminine, dual and plural -> how each is read and its word's normal form. */
const REACTION_VERBS: ReadonlyMap<string, { reading: VerbReading; word: string }> = new Map(
  REACTION_VERB_WORDS.flatMap(([word, reading]) => {
    const v = normalizeArabic(word);
    const forms = [
      v,
      `\u062a${v.slice(1)}`,
      `${v}\u0627\u0646`,
      `\u062a${v.slice(1)}\u0627\u0646`,
      `${v}\u0648\u0646`,
    ];
    return forms.map((f) => [f, { reading, word: v }] as const);
  }),
);

/**
 * Verbs of condemning (normal forms of REACTION_VERB_WORDS): what precedes one is who condemns, whose names are no
 * subject of the event (condemnedPartOf). An event's condemnations are its story by the labels' rule, whoever
 * condemns; condolences and greetings (يعزي، يهنئ) are a story per body or family, so their subjects keep who
 * offers them; praise and visits were measured alike and left out (2026-11-30, helper "reactors",
 * testdata/labels/README.md: no DEV set gained, DEV2 lost a pair with visits).
 */
const CONDEMNING_VERBS: ReadonlySet<string> = new Set(
  [
    "\u064a\u062f\u064a\u0646", // يدين
    "\u064a\u0633\u062a\u0646\u0643\u0631", // يستنكر
    "\u064a\u0646\u062f\u062f", // يندد
    "\u064a\u0634\u062c\u0628", // يشجب
  ].map(normalizeArabic),
);

/**
 * Objects that make a visit a reaction (normal forms, article and preposition read off): the wounded, the sick, the
 * bereaved and what is conveyed to them ("يزور المصابين", "يطمئن على صحة", "يطمئن عليه", "ينقل تحيات").
 */
const REACTION_OBJECTS: ReadonlySet<string> = new Set(
  [
    "\u0645\u0635\u0627\u0628", // مصاب wounded
    "\u0645\u0635\u0627\u0628\u064a\u0646", // مصابين
    "\u0645\u0635\u0627\u0628\u064a", // مصابي
    "\u0645\u0631\u0636\u0649", // مرضى the sick
    "\u0645\u0646\u0648\u0645\u064a\u0646", // منومين inpatients
    "\u0645\u0646\u0648\u0645\u064a", // منومي
    "\u062c\u0631\u062d\u0649", // جرحى the injured
    "\u0623\u0633\u0631\u0629", // أسرة family
    "\u0623\u0633\u0631", // أسر families
    "\u0630\u0648\u064a", // ذوي kin
    "\u0648\u0627\u0644\u062f", // والد father
    "\u0648\u0627\u0644\u062f\u0629", // والدة mother
    "\u062a\u062d\u064a\u0627\u062a", // تحيات greetings
    "\u062a\u0639\u0627\u0632\u064a", // تعازي condolences
    "\u0635\u062d\u0629", // صحة health ("يطمئن على صحة")
    "\u0625\u0635\u0627\u0628\u0629", // إصابة injury ("يطمئنون على إصابة")
    "\u0639\u0644\u064a\u0647", // عليه on him ("يطمئن عليه")
    "\u0639\u0644\u064a\u0647\u0627", // عليها
    "\u0639\u0644\u064a\u0647\u0645", // عليهم
  ].map(normalizeArabic),
);

/** Words after a visit verb searched for its object: "يزور رجال الأمن المصابين" puts it three words on. */
const REACTION_OBJECT_WINDOW = 4;

/** Who a court convicts, not a crime condemned: "المحكمة تدين المتهم" (normal forms, article read off). */
const ACCUSED = new Set(
  [
    "\u0645\u062a\u0647\u0645",
    "\u0645\u062a\u0647\u0645\u0629",
    "\u0645\u062a\u0647\u0645\u064a\u0646",
    "\u0645\u062a\u0647\u0645\u0627\u0646",
  ].map(normalizeArabic),
);

/** Prefixes read off a verb that is no verb itself: \u0648 WAW, \u0641 FEH, then the future \u0633 SEEN ("وسيزور"). */
const VERB_PREFIX = /^[\u0648\u0641]?\u0633?/;

/** Prefixes read off an object: conjunction, \u0628 BEH or \u0644 LAM, the article ("للمصابين", "بالجرحى"). */
const OBJECT_PREFIX = /^[\u0648\u0641]?(?:\u0644\u0644|[\u0628\u0644]?\u0627\u0644|[\u0628\u0644])?/;

/** A \u064a YEH carrying a \u0651 SHADDA, other tashkeel between: "تشيّد" builds, the display form decides. */
const SHADDA_ON_YEH = /\u064a[\u064b-\u0650\u0652]*\u0651/;

/**
 * True when a word of the headline is a reaction verb (REACTION_VERBS, a prefix read off) read as a reaction (see
 * VerbReading). Read on normal forms, so tashkeel and hamza seats do not decide, except the shadda of "تشيّد".
 * Examples: "البحرين تدين التفجير الإرهابي" -> true; "أمير عسير يزور المصابين" -> true; "أوباما يزور كينيا" -> false;
 * "13 شهيدا بتفجير انتحاري في مسجد" -> false; "وزير التعليم ينفي تأجيل الدراسة" -> false.
 */
export function isReactionHeadline(title: string): boolean {
  return reactionVerbOf(title) !== null;
}

/**
 * The part of a condemnation's headline after its verb (CONDEMNING_VERBS, read as a reaction): what is condemned,
 * without who condemns; null for any other headline. Examples: "الأردن يدين قتل الطفل الفلسطيني" -> " قتل الطفل
 * الفلسطيني"; "البحرين تدين" -> ""; "المحكمة تدين المتهم" -> null (a conviction); "الأمير يعزي أسرة الشهيد" -> null.
 */
export function condemnedPartOf(title: string): string | null {
  const verb = reactionVerbOf(title);
  return verb !== null && CONDEMNING_VERBS.has(verb.word) ? title.slice(verb.end) : null;
}

/** The headline's first reaction verb read as a reaction: its word's normal form and where it ends in the title. */
function reactionVerbOf(title: string): { word: string; end: number } | null {
  const tokens = tokenize(title);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const verb = REACTION_VERBS.get(t.norm) ?? REACTION_VERBS.get(t.norm.replace(VERB_PREFIX, ""));
    if (verb !== undefined && readsAsReaction(verb.reading, title, tokens, i))
      return { word: verb.word, end: t.end };
  }
  return null;
}

function readsAsReaction(reading: VerbReading, title: string, tokens: readonly Token[], i: number): boolean {
  switch (reading) {
    case "always":
      return true;
    case "praise":
      return !SHADDA_ON_YEH.test(title.slice(tokens[i]!.start, tokens[i]!.end));
    case "condemn": {
      const next = tokens[i + 1];
      return next === undefined || !ACCUSED.has(next.norm.replace(OBJECT_PREFIX, ""));
    }
    case "object":
      return tokens
        .slice(i + 1, i + 1 + REACTION_OBJECT_WINDOW)
        .some((o) => REACTION_OBJECTS.has(o.norm.replace(OBJECT_PREFIX, "")));
  }
}
