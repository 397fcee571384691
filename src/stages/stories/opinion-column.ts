/**
 * Whether an article reads as an opinion column: the writer speaks in the first person before any reported speech
 * ("لست ممن يهجون...", "أبدأ بالدعاء...", "العصامي فيما أرى..."), or the text closes on the writer's contact line
 * (an e-mail address or handle as its last word, an SMS short-code footer). News leads report others ("أكد...",
 * "قال: أنا..."); a column argues and signs. And its counterpart: whether a text opens as a report of who said what
 * (isReportOpening). Stories stage, pure.
 */
import { normalizeArabic, stripTashkeel, stripTatweel } from "../arabic/normalize-arabic.ts";

/**
 * Words of the opening read: a column's first person comes in its first sentences (the dev corpus columns on the Asir
 * bombing, read 2026-11-30: within 20-50 words).
 */
export const OPINION_OPENING_WORDS = 60;
/** Characters split into words for the opening: 60 words fit well inside (splitting a whole text cost 14 µs). */
const OPINION_OPENING_CHARS = 1000;

/**
 * First-person words a news lead does not use outside quotes, spelt with their hamza (the bare spellings are also
 * other words: "اعتقد" he believed, "اكتب" okaz's share line "اكتب رأيك"); "كتبت" and "شخصياً" are left out (a
 * newspaper "كتبت", a minister attending "شخصياً"). Normalized as written, tashkeel aside.
 */
const FIRST_PERSON = new Set([
  "\u0623\u0646\u0627", // أنا
  "\u0625\u0646\u0646\u064a", // إنني
  "\u0644\u0633\u062a", // لست
  "\u0623\u0639\u062a\u0642\u062f", // أعتقد
  "\u0623\u0638\u0646", // أظن
  "\u0623\u062a\u0630\u0643\u0631", // أتذكر
  "\u0623\u062a\u0633\u0627\u0621\u0644", // أتساءل
  "\u0623\u062a\u0645\u0646\u0649", // أتمنى
  "\u0623\u0642\u0648\u0644", // أقول
  "\u0623\u0628\u062f\u0623", // أبدأ
  "\u0623\u062f\u0631\u064a", // أدري
  "\u0623\u0639\u0631\u0641", // أعرف
  "\u0623\u0643\u062a\u0628", // أكتب
  "\u0623\u0631\u0649", // أرى
  "\u0631\u0623\u064a\u064a", // رأيي
]);

/** A reporting verb or a quotation mark: what follows is someone else's speech, not the writer's. */
const REPORTED_SPEECH =
  /^(\u0648?\u0642\u0627\u0644|\u0648?\u0623\u0636\u0627\u0641|\u0648?\u0623\u0643\u062f|\u0645\u0624\u0643\u062f\u0627|\u0645\u0636\u064a\u0641\u0627|\u0648?\u0623\u0648\u0636\u062d)|[\u00ab"\u201c:]/;
/** Punctuation stripped from a word's ends before lookup. */
const EDGE_PUNCTUATION =
  /^[\u00bb\u201d.,\u060c\u061b!\u061f?()\-\u2013]+|[\u00bb\u201d.,\u060c\u061b!\u061f?()\-\u2013]+$/g;

/**
 * True when the text's first OPINION_OPENING_WORDS words hold a first-person word (FIRST_PERSON) before any reported
 * speech. Examples: "لست ممن يسافرون في الأعياد..." -> true; "أكد الوزير أن..." -> false;
 * "قال المدرب: أنا راض عن الأداء" -> false (the first person is quoted).
 */
export function isOpinionOpening(text: string): boolean {
  let n = 0;
  for (const raw of text.slice(0, OPINION_OPENING_CHARS).split(/\s+/)) {
    if (raw === "") continue;
    if (++n > OPINION_OPENING_WORDS) break;
    if (REPORTED_SPEECH.test(raw)) return false;
    const w = stripTatweel(stripTashkeel(raw)).replace(EDGE_PUNCTUATION, "");
    if (FIRST_PERSON.has(w)) return true;
  }
  return false;
}

/** Characters of the text's end read for a contact line. */
const CONTACT_TAIL_CHARS = 160;
/** An e-mail address or a handle as the text's last word (a ministry's address inside a sentence ends otherwise). */
const FINAL_ADDRESS = /(?:[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|@[A-Za-z0-9_]{3,})\s*$/;
/**
 * A readers' SMS footer: a 5-6 digit short code before a carrier's name ("88591 - Stc", "636250 موبايلي"); the
 * carriers named in Latin or Arabic script (\u0645\u0648\u0628\u0627\u064a\u0644\u064a MOBILY, \u0632\u064a\u0646 ZAIN).
 */
const SMS_FOOTER =
  /\b[0-9]{5,6}\s*[-\u2013]?\s*(?:Stc|Mobily|Zain|\u0645\u0648\u0628\u0627\u064a\u0644\u064a|\u0632\u064a\u0646)/;

/**
 * True when the text ends on a writer's contact line. Examples: "...حتى يعاد تطبيقه في سوريا!\ntariq@asharqalawsat.com"
 * -> true; "...عبر البريد الإلكتروني (992@gdp.gov.sa)." -> false (a ministry's address inside the sentence).
 */
export function hasContactClosing(text: string): boolean {
  const tail = text.slice(-CONTACT_TAIL_CHARS);
  return FINAL_ADDRESS.test(tail) || SMS_FOOTER.test(tail);
}

/**
 * The page's list of the writer's other pieces, as the text keeps it (aljazirah's column pages: "مقالات أخرى للكاتب"
 * followed by their titles; 345 texts of the dev corpus, all aljazirah's): only a writer's page has one, so the text
 * is a column however it opens (a column on the Iran deal opening "رغم الحملة المضادة للاتفاق النووي..." read as a
 * report, and joined the deal's news). Measured (bench/stories/tune-clustering.ts): DEV P 0.841 -> 0.860, DEV5 P
 * 0.330 -> 0.362, the other sets, purity and long-range unchanged (testdata/labels/README.md, "Merges of pieces naming
 * other towns").
 */
const WRITER_ARCHIVE_LIST =
  "\u0645\u0642\u0627\u0644\u0627\u062a \u0623\u062e\u0631\u0649 \u0644\u0644\u0643\u0627\u062a\u0628"; // مقالات أخرى للكاتب

/** True when the text holds the writer's list of other pieces (WRITER_ARCHIVE_LIST). Example: "...الشاغر حديثًا. مقالات أخرى للكاتبالأمير سعود..." -> true. */
export function hasWriterArchiveList(text: string): boolean {
  return text.includes(WRITER_ARCHIVE_LIST);
}

/**
 * Words of the opening read for a reporting verb (isReportOpening): a report's verb comes first, after at most a
 * dateline or a correspondent's name ("الرياض - واس أكد...", "سلمان العمري أكد...").
 */
export const REPORT_OPENING_WORDS = 5;
/**
 * ...or in the REPORT_OPENING_WORDS words after a dateline that ends with a colon within the first
 * REPORT_DATELINE_MAX_WORDS words: a correspondent's name, the outlet and the city come first in sabq's reports
 * ("حاتم العميري - سبق - مكة المكرمة: أدان وزير الخارجية..."), the verb sixth.
 */
export const REPORT_DATELINE_MAX_WORDS = 8;
/** Characters split into words for the report opening: a dateline and five words after it fit well inside. */
const REPORT_OPENING_CHARS = 200;

/**
 * Reporting verbs a news report opens with, perfect tense, as texts write them; REPORT_VERBS holds their normal forms
 * (normalizeArabic: hamza seats, \u0649 ALEF MAKSURA, tashkeel, tatweel, invisibles and presentation forms folded)
 * and their feminine (toFeminineVerb). A column on an event opens with its argument ("استهداف رجال الأمن ليس بالأمر
 * الجديد...", "ظل ولايزال المواطن..."), a report with who said what ("استنكر الرئيس العام...", "دان عميد الجالية...",
 * "قال أكاديميون إن...").
 */
const REPORT_VERB_WORDS = [
  "\u0642\u0627\u0644", // قال
  "\u0623\u0643\u062f", // أكد
  "\u0623\u0648\u0636\u062d", // أوضح
  "\u0623\u0639\u0644\u0646", // أعلن
  "\u062f\u0627\u0646", // دان
  "\u0623\u062f\u0627\u0646", // أدان
  "\u0627\u0633\u062a\u0646\u0643\u0631", // استنكر
  "\u0634\u062c\u0628", // شجب
  "\u0646\u062f\u062f", // ندد
  "\u0648\u0635\u0641", // وصف
  "\u0623\u0639\u0631\u0628", // أعرب
  "\u0646\u0641\u0649", // نفى
  "\u0643\u0634\u0641", // كشف
  "\u062d\u0630\u0631", // حذر
  "\u0634\u062f\u062f", // شدد
  "\u0637\u0627\u0644\u0628", // طالب
  "\u0630\u0643\u0631", // ذكر
  "\u0623\u0634\u0627\u0631", // أشار
  "\u0623\u0641\u0627\u062f", // أفاد
  "\u0635\u0631\u062d", // صرح
];

/**
 * The feminine of a perfect verb's normal form: \u062a TEH added, a final alef maksura (folded to \u064a YEH) dropped
 * first. Examples: "قال" -> "قالت", normalizeArabic("نفى") -> "نفت".
 */
export function toFeminineVerb(norm: string): string {
  return `${norm.endsWith("\u064a") ? norm.slice(0, -1) : norm}\u062a`;
}

/** Normal forms of REPORT_VERB_WORDS and their feminine. */
const REPORT_VERBS = new Set(REPORT_VERB_WORDS.map(normalizeArabic).flatMap((v) => [v, toFeminineVerb(v)]));

/** One-letter proclitics read off a word that is no verb itself ("وأكد", "فأكد"; "وصف" is one): \u0648 WAW, \u0641 FEH. */
const PROCLITIC = /^[\u0648\u0641]/;

/** "قال" and "قالت" (normal forms): before QUOTED_NOT_REPORTED they quote. */
const SAYS = new Set(["\u0642\u0627\u0644", "\u0642\u0627\u0644\u062a"]);
/**
 * Words after "قال"/"قالت" that quote scripture or a friend ("قال تعالى", "قال الله سبحانه", "قال لي صديق", "قالت لي
 * صديقتي"): how columns open, not reports. "الشاعر" is left out: 2 of the 3 dev openings "قال الشاعر" are news
 * interviews ("قال الشاعر السعودي تركي المشيقح إن...").
 */
const QUOTED_NOT_REPORTED = new Set(
  [
    "\u062a\u0639\u0627\u0644\u0649", // تعالى
    "\u0627\u0644\u0644\u0647", // الله
    "\u0644\u064a", // لي
    "\u0644\u0646\u0627", // لنا
  ].map(normalizeArabic),
);

/** A word that ends a dateline: a colon after it (":" or the fullwidth colon). */
const DATELINE_END = /[:\uff1a]$/;
/** Punctuation and symbols at a word's ends (quotes, colons, a dateline's dash): stripped before the lookup. */
const EDGE_MARKS = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/**
 * The first `count` words of `text` as normal forms (normalizeArabic) without their edge punctuation; a token that is
 * punctuation or invisibles alone (a dateline's dash, the RLM some outlets write after it) is no word.
 */
function openingWordsOf(text: string, count: number): { words: string[]; datelineEnd: number } {
  const words: string[] = [];
  let datelineEnd = 0;
  for (const raw of text.slice(0, REPORT_OPENING_CHARS).split(/\s+/)) {
    const norm = normalizeArabic(raw);
    const w = norm.replace(EDGE_MARKS, "");
    if (w === "") continue;
    words.push(w);
    if (datelineEnd === 0 && words.length <= REPORT_DATELINE_MAX_WORDS && DATELINE_END.test(norm))
      datelineEnd = words.length;
    if (words.length === count) break;
  }
  return { words, datelineEnd };
}

/**
 * Words a proclitic and a reporting verb spell that are another word: "\u0641\u062f\u0627\u0646" (فدان) is the
 * feddan, a land measure ("زراعة 500 فدان"), not ف + دان. Normal forms.
 */
const PROCLITIC_LOOKALIKES = new Set(["\u0641\u062f\u0627\u0646"]);

/** The reporting verb (REPORT_VERBS) the normal form `w` is, a proclitic read off; null when it is none. */
function reportVerbOf(w: string): string | null {
  if (REPORT_VERBS.has(w)) return w;
  if (PROCLITIC_LOOKALIKES.has(w)) return null;
  const bare = w.replace(PROCLITIC, "");
  return bare !== w && REPORT_VERBS.has(bare) ? bare : null;
}

/**
 * True when one of the text's first REPORT_OPENING_WORDS words is a reporting verb (REPORT_VERBS) and no quote
 * ("قال تعالى", QUOTED_NOT_REPORTED) comes before it: the text opens as a report of what someone said. Read on match
 * forms, so hamza, alef maksura, tashkeel, tatweel, invisibles and presentation forms do not decide. Examples:
 * "استنكر الرئيس العام لشؤون المسجد الحرام..." -> true; "سلمان العُمري أكَّد المستشار..." -> true; "نفت وزارة
 * الداخلية..." -> true; "ظل ولايزال المواطن رمزا..." -> false; "قال تعالى: ..." -> false.
 */
export function isReportOpening(text: string): boolean {
  const { words, datelineEnd } = openingWordsOf(text, REPORT_DATELINE_MAX_WORDS + REPORT_OPENING_WORDS + 1);
  const end = Math.max(REPORT_OPENING_WORDS, datelineEnd + REPORT_OPENING_WORDS);
  for (let i = 0; i < Math.min(words.length, end); i++) {
    const verb = reportVerbOf(words[i]!);
    if (verb === null) continue;
    const next = words[i + 1];
    // A quote opens the text: a column, whatever verb its quote holds.
    if (SAYS.has(verb) && next !== undefined && QUOTED_NOT_REPORTED.has(next)) return false;
    return true;
  }
  return false;
}

/** Whether the article reads as an opinion column (isOpinionOpening, hasContactClosing or hasWriterArchiveList). */
export function isOpinionColumn(text: string): boolean {
  return isOpinionOpening(text) || hasContactClosing(text) || hasWriterArchiveList(text);
}
