/**
 * Whether a headline reports a reaction to an event rather than the event: who condemns, condoles, congratulates,
 * praises or visits the wounded ("البحرين تدين التفجير الإرهابي...", "أمير عسير يزور المصابين..."). The story's
 * headline prefers titles that are not (story-clusterer.ts titleRankOf), and a condemnation's subjects are those of what
 * it condemns, not who condemns (condemnedPartOf, headline-subjects.ts); a call's, warning's, welcome's or denial's
 * those of what it addresses (addressedPartOf). Stories stage, pure.
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

/**
 * Normal forms of REACTION_VERB_WORDS, their feminine, dual and plural -> how each is read, its word's normal form, and
 * whether the form is dual or plural (its subject may be coordinated: "الملك وولي العهد يهنئان").
 */
const REACTION_VERBS: ReadonlyMap<string, { reading: VerbReading; word: string; several: boolean }> = new Map(
  REACTION_VERB_WORDS.flatMap(([word, reading]) =>
    formsOf(normalizeArabic(word)).map(
      (f) => [f.form, { reading, word: normalizeArabic(word), several: f.several }] as const,
    ),
  ),
);

/**
 * A present-tense verb's masculine, feminine (\u062a TEH for the first \u064a YEH), duals and plural, from its normal
 * form: "يدين" -> تدين، يدينان، تدينان، يدينون. A verb ending in a weak letter drops it before the plural's
 * \u0648\u0646 ("يدعو" -> "يدعون", "ينفي" -> "ينفون").
 */
function formsOf(v: string): { form: string; several: boolean }[] {
  const feminine = `\u062a${v.slice(1)}`;
  const plural = /[\u0648\u064a]$/.test(v) ? `${v.slice(0, -1)}\u0648\u0646` : `${v}\u0648\u0646`;
  return [
    { form: v, several: false },
    { form: feminine, several: false },
    { form: `${v}\u0627\u0646`, several: true },
    { form: `${feminine}\u0627\u0646`, several: true },
    { form: plural, several: true },
  ];
}

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
 * Verbs of calling, warning, welcoming, denying and rejecting, third person masculine singular: their object is what
 * the headline is about, often an event others report ("حماس تدعو إلى الرد على مقتل الطفل الفلسطيني", "الجامعة
 * العربية ترحب بالهدنة في اليمن", "باكستان تنفي وفاة الملا عمر"), so who calls or denies is left out of the
 * headline's subjects when the object names one (addressedPartOf, headline-subjects.ts). Unlike REACTION_VERB_WORDS
 * they are no reaction for a story's headline: "وزير التعليم ينفي تأجيل الدراسة" is its story's news. Counted over
 * the dev corpus's 26,635 distinct titles (2026-11-30): 320 call (يدعو، يطالب، يناشد), 97 warn, 21 welcome, 60
 * deny, 91 reject, all in these present forms after their subject; a verb first ("تدين الإمارات", "دعت حماس") heads
 * none of these nor of 172 condemnations, and past forms (أدان، دعت، حذرت، رحبت، نفت) 8 titles, none a reaction
 * headed by its verb, so neither is read.
 */
const ADDRESSING_VERB_WORDS: readonly string[] = [
  "\u064a\u062f\u0639\u0648", // يدعو calls
  "\u064a\u0637\u0627\u0644\u0628", // يطالب demands
  "\u064a\u0646\u0627\u0634\u062f", // يناشد appeals
  "\u064a\u062d\u0630\u0631", // يحذر warns
  "\u064a\u0631\u062d\u0628", // يرحب welcomes
  "\u064a\u0646\u0641\u064a", // ينفي denies
  "\u064a\u0631\u0641\u0636", // يرفض rejects
];

/** Normal forms of ADDRESSING_VERB_WORDS with their feminine, dual and plural -> whether dual or plural (formsOf). */
const ADDRESSING_VERBS: ReadonlyMap<string, boolean> = new Map(
  ADDRESSING_VERB_WORDS.flatMap((word) =>
    formsOf(normalizeArabic(word)).map((f) => [f.form, f.several] as const),
  ),
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
  return reactionVerbOf(title, tokenize(title)) !== null;
}

/**
 * What a condemnation condemns (CONDEMNING_VERBS, read as a reaction): the headline after the verb, up to a joined
 * clause of who condemns (JOINED_VERB); null for any other headline and for a condemnation after a clause reporting
 * the event (withoutReactor). Examples: "الأردن يدين قتل الطفل ويحمل إسرائيل المسؤولية" -> " قتل الطفل "; "البحرين
 * تدين" -> ""; "داعش يضرب في تركيا.. وإردوغان يندد" -> null; "المحكمة تدين المتهم" -> null (a conviction); "الأمير
 * يعزي أسرة الشهيد" -> null.
 */
export function condemnedPartOf(title: string): string | null {
  const tokens = tokenize(title);
  const verb = reactionVerbOf(title, tokens);
  if (verb === null || !CONDEMNING_VERBS.has(verb.word)) return null;
  const condemned = withoutReactor(title, tokens, verb);
  if (condemned === null) return null;
  for (let k = verb.index + 2; k < tokens.length; k++) {
    const norm = tokens[k]!.norm;
    const joined = REACTION_VERBS.get(norm.replace(VERB_PREFIX, ""));
    if (JOINED_VERB.test(norm) && (joined === undefined || !CONDEMNING_VERBS.has(joined.word)))
      return title.slice(tokens[verb.index]!.end, tokens[k]!.start);
  }
  return condemned;
}

/**
 * A present-tense verb after the conjunction \u0648 WAW (\u064a YEH or \u062a TEH, then three letters or more): a
 * clause joined to a condemnation says more of who condemns, not what ("ويحمل إسرائيل المسؤولية", "ويؤكد: نقف مع
 * أمن السعودية"), so what is condemned ends there; another verb of condemning ("يدينون ويستنكرون تفجير عسير") does
 * not. Over the dev corpus (2026-11-30) this cut changes the subjects of those two headlines only.
 */
const JOINED_VERB = /^\u0648[\u064a\u062a][\u0621-\u064a]{3,}$/;

/**
 * What a call, warning, welcome, denial or rejection addresses: the headline after its first verb of
 * ADDRESSING_VERBS (a conjunction or future prefix read off), without who speaks; null when the headline has no such
 * verb or reports the event in a clause before (withoutReactor). Examples: "حماس تدعو إلى الرد على مقتل الطفل" -> "
 * إلى الرد على مقتل الطفل"; "باكستان تنفي وفاة الملا عمر" -> " وفاة الملا عمر"; "مهلة داعش تنتهي ووالد الرهينة
 * يناشد التنظيم" -> null; "الأمير يعزي أسرة الشهيد" -> null.
 */
export function addressedPartOf(title: string): string | null {
  const tokens = tokenize(title);
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm;
    const bare = norm.replace(VERB_PREFIX, "");
    const several = ADDRESSING_VERBS.get(norm) ?? ADDRESSING_VERBS.get(bare);
    if (several !== undefined)
      return withoutReactor(title, tokens, { index: i, several, coordinated: isCoordinated(norm, bare) });
  }
  return null;
}

/**
 * Acts of violence (normal forms, a conjunction, preposition or article read off): a call, warning or denial naming
 * one reacts to that event ("حماس تدعو إلى الرد على مقتل الطفل"), while one naming none is mostly its body's own
 * news ("تعليم الطائف يدعو 60 معلمًا لإجراء المقابلات"). Over the dev corpus (2026-11-30) 11 headlines with a verb
 * of ADDRESSING_VERBS name one of these and no subject after the verb.
 */
const VIOLENT_ACTS: ReadonlySet<string> = new Set(
  [
    "\u0645\u0642\u062a\u0644", // مقتل killing
    "\u0642\u062a\u0644", // قتل
    "\u0627\u0633\u062a\u0634\u0647\u0627\u062f", // استشهاد martyrdom
    "\u062a\u0641\u062c\u064a\u0631", // تفجير bombing
    "\u062a\u0641\u062c\u064a\u0631\u0627\u062a", // تفجيرات
    "\u0627\u0646\u0641\u062c\u0627\u0631", // انفجار explosion
    "\u0647\u062c\u0648\u0645", // هجوم attack
    "\u0647\u062c\u0645\u0627\u062a", // هجمات
    "\u0627\u0639\u062a\u062f\u0627\u0621", // اعتداء assault
    "\u0627\u0639\u062a\u062f\u0627\u0621\u0627\u062a", // اعتداءات
    "\u062c\u0631\u064a\u0645\u0629", // جريمة crime
    "\u062c\u0631\u0627\u0626\u0645", // جرائم
    "\u0645\u062c\u0632\u0631\u0629", // مجزرة massacre
    "\u062d\u0631\u0642", // حرق burning
    "\u0627\u063a\u062a\u064a\u0627\u0644", // اغتيال assassination
    "\u0627\u062e\u062a\u0637\u0627\u0641", // اختطاف abduction
    "\u062e\u0637\u0641", // خطف
    "\u0642\u0635\u0641", // قصف shelling
    "\u0627\u0642\u062a\u062d\u0627\u0645", // اقتحام storming
    "\u0625\u0639\u062f\u0627\u0645", // إعدام execution
  ].map(normalizeArabic),
);

/** Prefixes read off a noun: conjunction, then \u0628 BEH, \u0644 LAM or \u0643 KAF, the article, or \u0644\u0644. */
const NOUN_PREFIX =
  /^[\u0648\u0641]?(?:\u0644\u0644|[\u0628\u0644\u0643]?\u0627\u0644|[\u0628\u0644\u0643])?/;

/**
 * True when the text names an act of violence (VIOLENT_ACTS): what a call or denial after addressedPartOf reacts to.
 * Examples: " إلى الرد بقوة على مقتل الطفل" -> true; " المرشحين لإجراء المقابلات" -> false.
 */
export function namesViolentAct(text: string): boolean {
  return tokenize(text).some((t) => VIOLENT_ACTS.has(t.norm.replace(NOUN_PREFIX, "")));
}

/**
 * Verbs of courtesy among REACTION_VERB_WORDS (normal forms): a congratulation, condolence, consolation, thanks or
 * praise is an occasion of its own, one cable or party per addressee, in words the next occasion repeats.
 */
const COURTESY_VERBS: ReadonlySet<string> = new Set(
  [
    "\u064a\u0647\u0646\u0626", // يهنئ
    "\u064a\u0639\u0632\u064a", // يعزي
    "\u064a\u0648\u0627\u0633\u064a", // يواسي
    "\u064a\u0634\u0643\u0631", // يشكر
    "\u064a\u0634\u064a\u062f", // يشيد
    "\u064a\u062b\u0645\u0646", // يثمن
  ].map(normalizeArabic),
);

/**
 * Words of an Eid greeting (normal forms, a noun's prefixes read off; the verb's forms by formsOf): a body's greeting
 * party for its staff ("تقيم حفل معايدة لمنسوبيها", "تعايد منسوبيها", "يعقد لقاء معايدة"), one per body.
 */
const GREETING_WORDS: ReadonlySet<string> = new Set([
  ...["\u0645\u0639\u0627\u064a\u062f\u0629", "\u0645\u0639\u0627\u064a\u062f\u0627\u062a"].map(
    normalizeArabic,
  ), // معايدة، معايدات
  ...formsOf(normalizeArabic("\u064a\u0639\u0627\u064a\u062f")).map((f) => f.form), // يعايد
]);

/**
 * True when a headline reports a courtesy: a congratulation, condolence, thanks or praise read as a reaction
 * (COURTESY_VERBS), or an Eid greeting (GREETING_WORDS). Such headlines are a template whose addressee changes: the
 * merge pass does not join two pieces of them started days apart (story-clusterer.ts MERGE_LONG_GAP_COURTESY_MIN_SHARE).
 * Examples: "ولي العهد يهنئ سلطان عمان بذكرى يوم النهضة" -> true; "الهيئة العامة للطيران المدني تقيم حفل معايدة
 * لمنسوبيها" -> true; "الأردن يدين قتل الطفل" -> false; "طالبان تؤكد مقتل الملا عمر" -> false.
 */
export function isCourtesyHeadline(title: string): boolean {
  const tokens = tokenize(title);
  const verb = reactionVerbOf(title, tokens);
  if (verb !== null && COURTESY_VERBS.has(verb.word)) return true;
  return tokens.some(
    (t) =>
      GREETING_WORDS.has(t.norm.replace(VERB_PREFIX, "")) ||
      GREETING_WORDS.has(t.norm.replace(NOUN_PREFIX, "")),
  );
}

/** A reaction verb found in a headline: its token's index, number, and conjunction. */
interface FoundVerb {
  index: number;
  /** Dual or plural: who reacts may be coordinated ("الكويت والبحرين يدينون"). */
  several: boolean;
  /** Prefixed by \u0648 WAW or \u0641 FEH: the verb continues a clause whose subject reacts ("الكويت تستدعي السفير وتدين"). */
  coordinated: boolean;
}

/** The headline's first reaction verb read as a reaction, with its word's normal form. */
function reactionVerbOf(title: string, tokens: readonly Token[]): (FoundVerb & { word: string }) | null {
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm;
    const bare = norm.replace(VERB_PREFIX, "");
    const verb = REACTION_VERBS.get(norm) ?? REACTION_VERBS.get(bare);
    if (verb !== undefined && readsAsReaction(verb.reading, title, tokens, i))
      return { word: verb.word, index: i, several: verb.several, coordinated: isCoordinated(norm, bare) };
  }
  return null;
}

function isCoordinated(norm: string, bare: string): boolean {
  return (
    bare !== norm && !REACTION_VERBS.has(norm) && !ADDRESSING_VERBS.has(norm) && /^[\u0648\u0641]/.test(norm)
  );
}

/**
 * Marks between two words that end a clause ("..", "،", "؛", a dash, a bar, "!", "?", "؟"): words after one name
 * who reacts in a new clause, the words before report something else ("«داعش» يشن أولى هجماته في تركيا.. وإردوغان
 * يندد"). A colon and a slash are left out: they follow who speaks ("الخارجية الأمريكية: الولايات المتحدة تستنكر")
 * or a wire desk ("عام / مجلس الوزراء الكويتي يدين"), both part of who reacts.
 */
const CLAUSE_BREAK = /[.\u060c\u061b\-\u2013\u2014|!?\u061f]/;

/**
 * A word that opens a new clause with the conjunction \u0648 WAW, as written: before the article ("والجامعة العربية
 * تدين"), another \u0648 WAW ("ووالد الرهينة يناشد") or a hamza's alef ("وإردوغان يندد"). Words that begin with the
 * letter itself ("وزير", "وفد", "واشنطن") do not.
 */
const CONJOINED_WORD = /^\u0648(?:\u0627\u0644|\u0648|[\u0622\u0623\u0625])/;

/**
 * The headline after its verb, without who reacts; null when a clause before the reactor's reports something else
 * (reactorStartOf): "«داعش» يشن أولى هجماته في تركيا.. وإردوغان يندد" and "مهلة داعش تنتهي ووالد الرهينة الكرواتي
 * يناشد التنظيم" are the event's own report, where who reacts is a party to it (the hostage's father), so the whole
 * headline names the subjects. A verb after a conjunction ("وتدين") continues the clause of who reacts.
 */
function withoutReactor(title: string, tokens: readonly Token[], verb: FoundVerb): string | null {
  if (!verb.coordinated && reactorStartOf(title, tokens, verb) > 0) return null;
  return title.slice(tokens[verb.index]!.end);
}

/**
 * Where the words naming who reacts begin: after the last clause break (CLAUSE_BREAK) before the verb's own subject,
 * or, for a singular verb, at the last conjoined word (CONJOINED_WORD: a singular verb has no coordinated subject, so
 * "ووالد الرهينة يناشد" opens a new clause; "الملك وولي العهد يهنئان" does not); 0, the headline's start, when
 * neither comes first. A break right before the verb ("مجلس التعاون.. يدين") ends the reactor, not a clause before it.
 */
function reactorStartOf(title: string, tokens: readonly Token[], verb: FoundVerb): number {
  for (let k = verb.index - 1; k > 0; k--) {
    if (CLAUSE_BREAK.test(title.slice(tokens[k - 1]!.end, tokens[k]!.start))) return tokens[k]!.start;
    if (!verb.several && CONJOINED_WORD.test(title.slice(tokens[k]!.start, tokens[k]!.end)))
      return tokens[k]!.start;
  }
  return 0;
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
