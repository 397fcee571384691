/**
 * Removes what outlets change when they republish a story (datelines, agency tags, bylines, per-source footer
 * lines) so near-duplicate fingerprints see only the shared text. Dedupe stage, pure; display text is untouched.
 */

/** A rule with the reason it exists and where it was seen (SaudiNewsNet corpus README, boilerplate section). */
interface LineRule {
  re: RegExp;
  reason: string;
}

/**
 * SPA's dateline line: "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس" (other outlets keep it when they copy),
 * also with the day run into the town ("الأحساء25 شوال 1436 هـ ...": 3 dev-corpus texts, whose lead was the dateline).
 */
const WIRE_DATELINE_LINE_RE =
  /^\S+(?:\s\S+)?\s*\d{1,3}\s+\S+\s+14\d\d\s*هـ?\s*الموافق\s+\d{1,3}\s+\S+\s+20\d\d\s*م?\s*(?:واس)?$/u;

/** Whole lines that are never part of the story. Sorted by source; matched against the trimmed line. */
const DROP_LINE_RULES: readonly LineRule[] = [
  { re: /^(?:\.{2,}|…)\s*المزيد$/u, reason: "aawsat: trailing '...المزيد' link (106 articles)" },
  { re: /^سمات\s/u, reason: "3alyoum: tag line 'سمات ...' closing the article" },
  { re: /^للتواصل مع الكاتب/u, reason: "almadina: column footer (155 articles)" },
  { re: /^\d{4,7}\s*[-–]\s*(?:stc|mobily|zain)$/iu, reason: "almadina: SMS short codes under the footer" },
  { re: /^رابط الخبر بصحيفة/u, reason: "alweeam: 'رابط الخبر بصحيفة الوئام: <title>' closing line" },
  { re: /^\/\/\s*(?:انتهى|يتبع)\s*\/\/$/u, reason: "was (SPA): '// انتهى //' end mark (321 of 369)" },
  { re: /^\d{1,2}:\d{2}\s*ت\s*م$/u, reason: "was (SPA): transmission time line '17:17 ت م'" },
  {
    re: WIRE_DATELINE_LINE_RE,
    reason: "was (SPA): dateline line 'الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس'",
  },
  {
    re: /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/u,
    reason: "aawsat and columns: the writer's e-mail alone on a line",
  },
  { re: /^https?:\/\/\S+$/u, reason: "a bare link line (arriyadiyah image paths, 'source' links)" },
];

/**
 * A short first line that is only a byline or dateline: "داليا أبوالعيش – عين اليوم", "الأحساء ـ عادل الدحيلان".
 * At most this many words; a real lead sentence is longer (alweeam, 3alyoum, arriyadiyah samples).
 */
const BYLINE_MAX_WORDS = 6;
const BYLINE_LINE_RE = /^[^.،:!؟\n]+\s[-–—ـ]\s[^.،:!؟\n]+$/u;

/**
 * A dateline or byline prefix that ends with a colon at the start of the lead: "محمد المواسي- سبق- جازان:",
 * "الرياض - واس:", "جدة - عكاظ:". At most this many words before the colon, and a dash among them.
 */
const LEAD_PREFIX_MAX_WORDS = 9;
const LEAD_PREFIX_RE = /^([^.:،!؟\n]{2,90}?)[:：]\s*/u;
const DASH_RE = /[-–—ـ]/u;

/**
 * Agency tags in brackets anywhere in the text: "(واس)", "(أ ف ب)", "(د ب أ)". Each outlet adds or drops them,
 * so they are noise for copy detection (the agency itself is a separate feature: ArticleDraft.citedSource).
 */
const AGENCY_TAG_RE =
  /[(（«]\s*(?:واس|ا\s?ف\s?ب|أ\s?ف\s?ب|رويترز|د\s?ب\s?[أا]|[أا]\s?ش\s?[أا]|يو\s?بي\s?[آا]ي|كونا|وام|قنا|سانا|بنا|الوئام|سبق)\s*[)）»]/gu;

/** True when a trimmed line is boilerplate by one of the whole-line rules. */
function isDroppedLine(line: string): boolean {
  for (const rule of DROP_LINE_RULES) if (rule.re.test(line)) return true;
  return false;
}

const WORD_RE = /\S+/gu;

/** Whether `s` has at most `max` whitespace-separated words; stops counting past `max` (a lead can be long). */
function hasAtMostWords(s: string, max: number): boolean {
  WORD_RE.lastIndex = 0;
  let n = 0;
  while (WORD_RE.exec(s) !== null) if (++n > max) return false;
  return true;
}

const LINE_BREAKS_RE = /[\n\u001a]+/u;

/** A story's first line split into its dateline or byline and the lead after it. */
export interface LeadDateline {
  /** The byline line or the prefix before the lead's colon: "عين اليوم – واس", "الرياض - واس". */
  dateline: string;
  /** The lead after the colon; "" when the whole line is a byline. */
  rest: string;
}

/**
 * Splits a story's first line into its dateline or byline and the lead: a short line that is only a byline
 * ("داليا أبوالعيش – عين اليوم"), or a prefix of at most LEAD_PREFIX_MAX_WORDS words holding a dash before the lead's
 * colon ("واس- جدة: التقى ..."); null for a line that opens with the story itself.
 * Example: splitLeadDateline("الرياض - واس: قال الوزير") -> { dateline: "الرياض - واس", rest: "قال الوزير" }.
 */
export function splitLeadDateline(line: string): LeadDateline | null {
  if (hasAtMostWords(line, BYLINE_MAX_WORDS) && BYLINE_LINE_RE.test(line))
    return { dateline: line, rest: "" };
  const m = LEAD_PREFIX_RE.exec(line);
  if (m !== null && DASH_RE.test(m[1]!) && hasAtMostWords(m[1]!, LEAD_PREFIX_MAX_WORDS))
    return { dateline: m[1]!.trim(), rest: line.slice(m[0].length) };
  return null;
}

/** True when a trimmed line is SPA's dateline line (a boilerplate line here; a credit to find-cited-source). */
export function isWireDatelineLine(line: string): boolean {
  return WIRE_DATELINE_LINE_RE.test(line);
}

/**
 * Returns the story text of an article with syndication marks removed: boilerplate lines anywhere, a byline
 * first line, a dateline prefix before the lead's colon, and bracketed agency tags. Lines are kept in order,
 * joined by "\n". Example: "الرياض - واس:\nقال الوزير (واس) ...\n// انتهى //" -> "قال الوزير  ...".
 */
export function stripSyndicationMarks(text: string): string {
  const kept: string[] = [];
  for (const raw of text.split(LINE_BREAKS_RE)) {
    const line = raw.trim();
    if (line === "" || isDroppedLine(line)) continue;
    if (kept.length === 0) {
      const lead = splitLeadDateline(line);
      if (lead !== null) {
        if (lead.rest !== "") kept.push(lead.rest);
        continue;
      }
    }
    kept.push(line);
  }
  return kept.join("\n").replace(AGENCY_TAG_RE, " ");
}

/**
 * A wire desk's section before its headline: SPA (واس) titles start "عام / ", "سياسي / ", "اقتصادي / " …; with the
 * part marks below, 329 dev-corpus titles carry one, all SPA's.
 */
const WIRE_DESK_PREFIX_RE = /^(?:عام|سياسي|اقتصادي|ثقافي|رياضي|اجتماعي|عسكري|صحي|تقرير)\s*\/\s*/u;
/** wirePartNumber of a bare "إضافة أخيرة" (last, unnumbered): after every numbered part. */
export const WIRE_PART_LAST = 99;

/** Each part mark's ordinal. */
const WIRE_PART_ORDINALS: Readonly<Record<string, number>> = {
  أولى: 1,
  اولى: 1,
  ثانية: 2,
  ثالثة: 3,
  رابعة: 4,
  خامسة: 5,
  سادسة: 6,
  سابعة: 7,
  ثامنة: 8,
  تاسعة: 9,
  عاشرة: 10,
  أخيرة: WIRE_PART_LAST,
  اخيرة: WIRE_PART_LAST,
};
/** A wire's continuation mark after a headline: "… إضافة ثانية", "/ إضافة أولى واخيرة" (SPA sends long stories in
 * numbered parts). Only ordinal parts: "إضافة" as a word of the headline ("خير إضافة لنا") stays. */
const WIRE_PART_MARK = String.raw`إضافة\s+(?:${Object.keys(WIRE_PART_ORDINALS).join("|")})(?:\s+و\s?(?:أخيرة|اخيرة))?`;
const WIRE_PART_SUFFIX_RE = new RegExp(String.raw`\s*\/?\s*${WIRE_PART_MARK}\s*$`, "u");
/** The same mark alone on a text's first line, the title carrying none: SPA's last part of the cabinet session of
 * 2015-08-10 opens "إضافة خامسة وأخيرة" under the first part's very title (the one such text in the dev corpus). */
const WIRE_PART_LINE_RE = new RegExp(String.raw`^\s*${WIRE_PART_MARK}\s*(?:\n|$)`, "u");

/**
 * A headline without a wire's desk section and part mark, for showing one headline for many copies:
 * "عام / الوزير يفتتح المعرض إضافة ثانية" -> "الوزير يفتتح المعرض". The article's own title is never changed.
 */
export function stripWireHeadlineMarks(title: string): string {
  const stripped = title.replace(WIRE_DESK_PREFIX_RE, "").replace(WIRE_PART_SUFFIX_RE, "").trim();
  return stripped === "" ? title.trim() : stripped;
}

/**
 * A title without a wire desk's section only, for listing articles (the part mark stays: it tells part 2 from part 5):
 * "اقتصادي / الأسهم السعودية تغلق مرتفعة" -> "الأسهم السعودية تغلق مرتفعة".
 */
export function stripWireDeskPrefix(title: string): string {
  const stripped = title.replace(WIRE_DESK_PREFIX_RE, "").trim();
  return stripped === "" ? title.trim() : stripped;
}

/**
 * True when a title is a wire's continuation part ("عام / مجلس الوزراء يعقد جلسته إضافة رابعة"), or its text opens
 * with the part mark on a line of its own ("إضافة خامسة وأخيرة\n3 - تعيين ..."): its text starts in the middle of the
 * release ("سادساً :"), so it neither heads a story nor gives its lead while the release's first part can.
 */
export function isWirePart(title: string, text = ""): boolean {
  return WIRE_PART_SUFFIX_RE.test(title) || WIRE_PART_LINE_RE.test(text);
}

const WIRE_PART_ORDINAL_RE = /إضافة\s+(\S+)/u;

/**
 * Which part of a wire release an article is (isWirePart), by its mark's ordinal; null for no part. Examples:
 * "عام / مجلس الوزراء يعقد جلسته إضافة رابعة" -> 4; "… / إضافة أولى واخيرة" -> 1; a text opening "إضافة خامسة وأخيرة"
 * -> 5.
 */
export function wirePartNumber(title: string, text = ""): number | null {
  const mark = WIRE_PART_SUFFIX_RE.exec(title)?.[0] ?? WIRE_PART_LINE_RE.exec(text)?.[0];
  if (mark === undefined) return null;
  return WIRE_PART_ORDINALS[WIRE_PART_ORDINAL_RE.exec(mark)?.[1] ?? ""] ?? null;
}

/**
 * Up to four words, then a colon: who speaks or where ("أمير جازان :", "العراق:"), after any wire desk section. A colon
 * between digits is a time or a score ("الساعة 10:30", "يفوز 2:1"), no attribution.
 */
const ATTRIBUTION_PREFIX_RE =
  /^\s*([^\s:]+(?:\s+[^\s:]+){0,3})\s*(?<![0-9\u0660-\u0669]):(?![0-9\u0660-\u0669])\s*\S/u;

/**
 * The words before a headline's opening colon when they are at most four, after any wire desk section: who speaks or
 * where ("أمير جازان : تفجير مسجد قوات الطوارئ عمل إرهابي" -> "أمير جازان", "العراق: العبادي يقرر …" -> "العراق"); null
 * when the headline has none ("رئيس هيئة الطيران المدني في المملكة يعلن: …" names seven words first).
 */
export function attributionPrefixOf(title: string): string | null {
  return ATTRIBUTION_PREFIX_RE.exec(title.replace(WIRE_DESK_PREFIX_RE, ""))?.[1] ?? null;
}

/** A media marker's separator: two or more dots, a dash (tatweel too), a colon, a bar, a comma or a slash. */
const MEDIA_SEPARATOR = String.raw`\s*(?:\.{2,}|[-–—ـ:|،/])`;
const MEDIA_HEADLINE_PREFIX_RE = new RegExp(
  String.raw`^\s*(?:(?:بالفيديو والصور|بالصور والفيديو|بالفيديو|بالصور|فيديو|شاهد|إنفوجرافيك|انفوجرافيك|فيديوجرافيك)${MEDIA_SEPARATOR}|صور\s*(?:\.{2,}|[:|،/]))`,
  "u",
);

/**
 * True when a headline opens by naming its medium: "بالفيديو.. مواطن يوقف عروضا", "بالصور // فعاليات العيد", "شاهد..
 * هدف خيالي" (316 of the 27,989 dev-corpus titles, 135 of them "شاهد"). Such a title announces one outlet's clip or
 * gallery, not the story: a story takes its headline from another member when it has one. The marker must be
 * followed by a separator, so "صور تظهر الدمار" and "شاهد عيان يروي" are headlines like any other; a bare "صور"
 * takes no dash, since "صور -" is the Lebanese city's dateline.
 * Example: hasMediaHeadlinePrefix("بالصور: فعاليات العيد") -> true; hasMediaHeadlinePrefix("صور - قصف") -> false.
 */
export function hasMediaHeadlinePrefix(title: string): boolean {
  return MEDIA_HEADLINE_PREFIX_RE.test(title);
}
