/**
 * Whether an article reads as an opinion column: the writer speaks in the first person before any reported speech
 * ("لست ممن يهجون...", "أبدأ بالدعاء...", "العصامي فيما أرى..."), or the text closes on the writer's contact line
 * (an e-mail address or handle as its last word, an SMS short-code footer). News leads report others ("أكد...",
 * "قال: أنا..."); a column argues and signs. And its counterpart: whether a text opens as a report of who said what
 * (isReportOpening). Stories stage, pure.
 */
import { stripTashkeel, stripTatweel } from "../arabic/normalize-arabic.ts";

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
 * Words of the opening read for a reporting verb (isReportOpening): a report's verb comes first, after at most a
 * dateline or a correspondent's name ("الرياض - واس أكد...", "سلمان العمري أكد...").
 */
export const REPORT_OPENING_WORDS = 5;
/** Characters split into words for the report opening: five words and a dateline fit well inside. */
const REPORT_OPENING_CHARS = 200;

/**
 * Reporting verbs a news report opens with, perfect tense, masculine and feminine, written with their hamza and
 * without it (outlets drop it: "اكد"), tashkeel aside; an optional \u0648 WAW before them is read off first. A column
 * on an event opens with its argument ("استهداف رجال الأمن ليس بالأمر الجديد...", "ظل ولايزال المواطن..."), a report
 * with who said what ("استنكر الرئيس العام...", "دان عميد الجالية...", "قال أكاديميون إن...").
 */
const REPORTING_VERBS = new Set(
  [
    "\u0642\u0627\u0644", // قال
    "\u0623\u0643\u062f", // أكد
    "\u0627\u0643\u062f", // اكد
    "\u0623\u0648\u0636\u062d", // أوضح
    "\u0627\u0648\u0636\u062d", // اوضح
    "\u0623\u0639\u0644\u0646", // أعلن
    "\u0627\u0639\u0644\u0646", // اعلن
    "\u062f\u0627\u0646", // دان
    "\u0623\u062f\u0627\u0646", // أدان
    "\u0627\u062f\u0627\u0646", // ادان
    "\u0627\u0633\u062a\u0646\u0643\u0631", // استنكر
    "\u0634\u062c\u0628", // شجب
    "\u0646\u062f\u062f", // ندد
    "\u0648\u0635\u0641", // وصف
    "\u0623\u0639\u0631\u0628", // أعرب
    "\u0627\u0639\u0631\u0628", // اعرب
    "\u0646\u0641\u0649", // نفى
    "\u0643\u0634\u0641", // كشف
    "\u062d\u0630\u0631", // حذر
    "\u0634\u062f\u062f", // شدد
    "\u0637\u0627\u0644\u0628", // طالب
    "\u0630\u0643\u0631", // ذكر
    "\u0623\u0634\u0627\u0631", // أشار
    "\u0627\u0634\u0627\u0631", // اشار
    "\u0623\u0641\u0627\u062f", // أفاد
    "\u0627\u0641\u0627\u062f", // افاد
    "\u0635\u0631\u062d", // صرح
  ].flatMap((v) => [v, `${v}\u062a`]), // the feminine: قالت, أكدت
);

/** A token that is punctuation alone (a dateline's dash): no word of the opening. */
const PUNCTUATION_ONLY = /^[\p{P}\p{S}]+$/u;

/**
 * True when one of the text's first REPORT_OPENING_WORDS words is a reporting verb (REPORTING_VERBS): the text opens
 * as a report of what someone said. Examples: "استنكر الرئيس العام لشؤون المسجد الحرام..." -> true; "سلمان العُمري
 * أكَّد المستشار..." -> true; "ظل ولايزال المواطن رمزا في ولائه..." -> false; "نردد أن الحرب على الإرهاب طويلة" -> false.
 */
export function isReportOpening(text: string): boolean {
  let n = 0;
  for (const raw of text.slice(0, REPORT_OPENING_CHARS).split(/\s+/)) {
    if (raw === "" || PUNCTUATION_ONLY.test(raw)) continue;
    if (++n > REPORT_OPENING_WORDS) break;
    const w = stripTatweel(stripTashkeel(raw)).replace(EDGE_PUNCTUATION, "");
    if (REPORTING_VERBS.has(w) || (w.startsWith("\u0648") && REPORTING_VERBS.has(w.slice(1)))) return true;
  }
  return false;
}

/** Whether the article reads as an opinion column (isOpinionOpening or hasContactClosing). */
export function isOpinionColumn(text: string): boolean {
  return isOpinionOpening(text) || hasContactClosing(text);
}
