/**
 * Error messages for the reader's Arabic pages. Stages and the JSON API keep English developer messages with stable
 * codes; a page words the same error for a reader from its code and details (BadParamDetails). Pure.
 */
import { isAkhbarError } from "../../domain/errors.ts";
import { DELETE_REASON_MAX_LENGTH } from "../../pipeline/delete-articles.ts";
import type { BadParamDetails } from "../search-params.ts";
import { lettersLabel } from "./count-label.ts";

/** What a reader calls each query parameter; a parameter not listed is named as it is in the URL. */
const PARAM_NAMES: Readonly<Record<string, string>> = {
  q: "كلمات البحث",
  source: "المصدر",
  country: "البلد",
  from: "من تاريخ",
  to: "إلى تاريخ",
  offset: "موضع الصفحة (offset)",
  limit: "عدد النتائج (limit)",
  recent: "تفضيل الأحدث",
  sort: "الترتيب",
  day: "اليوم",
};

/**
 * Stated wherever a date is asked for or refused. The example sits in a left-to-right isolate (U+2066 LEFT-TO-RIGHT
 * ISOLATE … U+2069 POP DIRECTIONAL ISOLATE): after Arabic letters its digits are Arabic numbers to the bidi algorithm
 * and the hyphens between them neutral, so it would show as 01-08-2015.
 */
export const DATE_FORMAT_HINT = "سنة-شهر-يوم، مثل \u20662015-08-01\u2069";

/** Arabic letters: a message that has them was written for the reader already (e.g. web.not_found). */
const ARABIC_LETTER = /[\u0621-\u064a]/;

/** A reader's fallback by HTTP status when an error has no wording of its own. */
const BY_STATUS: Readonly<Record<number, string>> = {
  400: "في الرابط قيمة غير صالحة.",
  403: "هذه الصفحة تتطلب تسجيل الدخول إلى الإدارة.",
  404: "لم نجد ما تبحث عنه.",
  429: "طلبات كثيرة في وقت قصير. أعد المحاولة بعد قليل.",
  500: "حدث خطأ غير متوقع.",
  503: "الخدمة غير متاحة الآن. أعد المحاولة بعد قليل.",
};

/**
 * The Arabic sentence a page shows for `err`. Example: web.bad_param with {param: "offset", reason: "not_integer"} →
 * "«موضع الصفحة (offset)» في الرابط يجب أن يكون عددًا صحيحًا."
 */
export function readerErrorMessage(err: unknown, status: number): string {
  const fallback = BY_STATUS[status] ?? BY_STATUS[500]!;
  if (!isAkhbarError(err) || status === 500) return fallback;
  if (err.code === "search.bad_query")
    return "لم تبقَ في البحث كلمة يُبحث بها: علامات الترقيم والكلمات المستبعدة وحدها لا تكفي. اكتب كلمة واحدة على الأقل.";
  if (err.code.endsWith(".bad_param") && isBadParamDetails(err.details))
    return badParamMessage(err.details) ?? fallback;
  return ARABIC_LETTER.test(err.message) ? err.message : fallback;
}

function badParamMessage(d: BadParamDetails): string | null {
  const name = `«${PARAM_NAMES[d.param] ?? d.param}»`;
  switch (d.reason) {
    case "required":
      return "اكتب كلمة للبحث، أو اختر مصدرًا لترى أحدث مقالاته.";
    case "too_long":
      return d.max === undefined ? `${name} أطول مما يُقبل.` : `${name} أطول من ${lettersLabel(d.max)}.`;
    case "repeated":
      return `${name} مكرّر في الرابط؛ تكفي قيمة واحدة.`;
    case "not_integer":
      return `${name} في الرابط يجب أن يكون عددًا صحيحًا.`;
    case "out_of_range":
      return `${name} في الرابط يجب أن يكون بين ${d.min ?? 0} و${d.max ?? ""}.`;
    case "not_boolean":
      return `${name} في الرابط يجب أن يكون 1 أو 0.`;
    case "bad_syntax":
      return "تصل OR بين كلمتين أو عبارتين، مثل «أمريكا OR روسيا»، فلا تأتي أول البحث ولا آخره ولا بجوار كلمة مستبعدة (-كلمة).";
    case "not_choice":
      return `${name} في الرابط ليس من الخيارات المعروضة.`;
    case "bad_date":
      return `${name} ليس تاريخًا صحيحًا. اكتبه بالصيغة ${DATE_FORMAT_HINT}.`;
    case "reversed_range":
      return "«من تاريخ» يجب أن يسبق «إلى تاريخ».";
    case "conflicting":
      return `${name} لا يجتمع في الرابط مع حدود تاريخ أخرى.`;
    case "not_identifier":
      return `${name} في الرابط ليس معرّفًا صالحًا.`;
    default:
      return null;
  }
}

function isBadParamDetails(d: unknown): d is BadParamDetails {
  return (
    typeof d === "object" &&
    d !== null &&
    typeof (d as BadParamDetails).param === "string" &&
    typeof (d as BadParamDetails).reason === "string"
  );
}

/** The admin form's fields as its labels name them (pages/admin-page.ts). */
const ADMIN_FIELDS: Readonly<Record<string, string>> = {
  id: "المعرّف",
  name: "الاسم",
  homepage: "الموقع",
  country: "البلد",
  feed: "رابط الخلاصة",
  article: "المقال",
  reason: "سبب الحذف",
};

/** What each admin form check asks for, by its `reason`. */
const ADMIN_REASONS: Readonly<Record<string, string>> = {
  not_slug: "يجب أن يتكون من حروف لاتينية صغيرة وأرقام وشرطات، ويبدأ بحرف أو رقم.",
  required: "مطلوب، وطوله 200 حرف على الأكثر.",
  not_url: "يجب أن يكون رابطًا يبدأ بـ http:// أو https://.",
  not_country: "يجب أن يكون رمزًا من حرفين، مثل SA.",
  taken: "مستخدم لمصدر موجود؛ اختر معرّفًا آخر.",
  no_article: "لا يوجد مقال بهذا المعرّف أو الرابط (ربما حُذف من قبل).",
  required_reason: `مطلوب (يُحفظ مع الحذف)، وطوله ${lettersLabel(DELETE_REASON_MAX_LENGTH)} على الأكثر.`,
};

/** Admin errors by code when the error carries no field (OPML import, disabling). */
const ADMIN_BY_CODE: Readonly<Record<string, string>> = {
  "feed.parse_error": "تعذّرت قراءة ملف OPML: ليس مستند OPML صالحًا.",
  "feed.not_a_feed": "تعذّرت قراءة ملف OPML: ليس مستند OPML صالحًا.",
  "feed.parse_timeout": "استغرقت قراءة ملف OPML وقتًا أطول من المسموح؛ قسّمه إلى ملفات أصغر.",
  "sources.not_found": "لا يوجد مصدر بهذا المعرّف.",
};

/**
 * The Arabic sentence the admin page shows for a refused action (the JSON answer to a bearer script keeps the
 * English message and its code). Example: admin.bad_param with {field: "country", reason: "not_country"} →
 * "«البلد»: يجب أن يكون رمزًا من حرفين، مثل SA."
 */
export function adminErrorMessage(err: unknown): string {
  if (!isAkhbarError(err)) return BY_STATUS[500]!;
  const d = err.details;
  // A form's field at fault, from the admin's own checks or the pipeline's (delete.bad_param on the reason).
  if (err.code.endsWith(".bad_param") && typeof d?.field === "string" && typeof d.reason === "string") {
    const reason = ADMIN_REASONS[d.reason];
    if (reason !== undefined) return `«${ADMIN_FIELDS[d.field] ?? d.field}»: ${reason}`;
  }
  const byCode = ADMIN_BY_CODE[err.code];
  if (byCode !== undefined) return byCode;
  return ARABIC_LETTER.test(err.message) ? err.message : `تعذّر تنفيذ الطلب (${err.code}).`;
}
