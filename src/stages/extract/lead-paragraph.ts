/**
 * toLeadParagraph: an article's plain text -> the paragraph a reader meets first as its lead, and whether it reads
 * as prose. Pure; extract stage, read where a story's lead is shown (surfaces/web leadOf, which cuts it) and where
 * its headline article is chosen (the story fold: a headline goes with a lead).
 */

import { ARTICLE_TEXT_CHARS_MIN } from "../../domain/article.ts";
import { stripSyndicationMarks } from "../dedupe/strip-syndication-marks.ts";

/**
 * A paragraph shorter than this many words opens no article unless it ends a sentence: it is a photo caption ("جانب
 * من الزيارة التفقدية"), a columnist's name, a subhead ("الخبر الأول:") or a list mark ("سادساً :"). On the dev corpus
 * 1,263 of 27,455 first paragraphs (after the syndication marks) were such lines, 666 of them one outlet's captions.
 */
const LEAD_MIN_WORDS = 8;
/** A shorter paragraph that ends a sentence opens the article when it has at least this many words. */
const LEAD_MIN_SENTENCE_WORDS = 3;
/** Paragraphs looked through for the lead; past them the text is a list or a poem and its first line stands. */
const LEAD_SEARCH_PARAGRAPHS = 8;
/** Characters of the text read for its opening paragraphs (a lead is the first 8 at most, and cut at 220). */
const LEAD_READ_CHARS = 16_384;
/** Characters read first (up to the next line break): the lead of most texts lies inside them. */
const QUICK_READ_CHARS = 1_024;
/** A sentence's end: a full stop, "!", "?" (Latin or Arabic) or an ellipsis, then closing quotes or brackets. */
const SENTENCE_END_RE = /[.!?\u061f\u2026]["'»”“)]*$/u;
/**
 * Directional marks and embedding controls a paragraph may end with after its punctuation (RLM, LRM, PDF, …). The
 * lookbehind starts a match only where the run starts ("[…]+$" alone retries from every mark of a long run that does
 * not end the paragraph: quadratic).
 */
const TRAILING_BIDI_RE =
  /(?<![\u200e\u200f\u202a-\u202e\u2066-\u2069])[\u200e\u200f\u202a-\u202e\u2066-\u2069]+$/u;
/** A paragraph break: a line feed, a carriage return (alone or before one), or a Unicode line or paragraph separator. */
const PARAGRAPH_BREAK_RE = /\r\n?|[\n\u2028\u2029]/u;

/**
 * A credit line: who wrote, edited, interviewed or photographed, then a colon ("إعداد: صالح آل زمانان, تصوير : صالح
 * الدغاري", "كتب: محمد العلي"). Such a paragraph of fewer than LEAD_MIN_WORDS × 2 words is names, not the story: on
 * the dev store two stories of SPA's features were led by one. A longer one has prose after its credit and stays.
 */
const CREDIT_LINE_RE = /^[*\-–\s]*(?:كتب|كتبت|بقلم|إعداد|اعداد|تصوير|حاوره|حوار|متابعة|ترجمة)\s*:/u;

/** True when a paragraph reads as an article's opening: long enough, or a whole short sentence; no credit line. */
function opensArticle(paragraph: string): boolean {
  const words = paragraph.split(" ").length;
  if (words < LEAD_MIN_WORDS * 2 && CREDIT_LINE_RE.test(paragraph)) return false;
  return (
    words >= LEAD_MIN_WORDS ||
    (words >= LEAD_MIN_SENTENCE_WORDS && SENTENCE_END_RE.test(paragraph.replace(TRAILING_BIDI_RE, "")))
  );
}

/** White space that folding to one space changes: a run of two or more, or one character other than a space (the
 * words' single spaces, most of a text's white space, are left alone: replacing each cost about 20 us per text). */
const WHITE_SPACE_TO_FOLD_RE = /\s{2,}|[^\S ]/gu;

/** The first `max` non-blank paragraphs of a text, each with its runs of white space folded to one space. */
function firstParagraphs(text: string, max: number): string[] {
  const out: string[] = [];
  for (const line of text.split(PARAGRAPH_BREAK_RE)) {
    const p = line.replace(WHITE_SPACE_TO_FOLD_RE, " ").trim();
    if (p !== "") out.push(p);
    if (out.length === max) break;
  }
  return out;
}

/** An article's lead paragraph (toLeadParagraph). */
export interface LeadParagraph {
  /** White space folded, uncut; "" for a text without one. */
  paragraph: string;
  /** It reads as an article's opening (long enough, or a whole short sentence); false: a caption, a name, a list's
   * first line, or nothing. */
  prose: boolean;
}

/**
 * The article's lead paragraph: the first of its opening paragraphs that reads as prose, else its first. A byline or
 * dateline line ("عين اليوم – القدس"), a dateline prefix ("الرياض - واس:") and agency tags are not the lead: the
 * dedupe stage's syndication-mark rules find them (one place for what counts as one), and a credit line ("إعداد: …")
 * is skipped too. A text under ARTICLE_TEXT_CHARS_MIN characters without such prose (a caption, a byline alone) has no
 * lead: "". Only the text's first LEAD_READ_CHARS characters are read.
 * Examples: "جانب من الزيارة\nقام الوزير بزيارة تفقدية لمطار المدينة أمس." -> { paragraph: "قام الوزير ...", prose:
 * true }; "عمر الشريف" (a photo's name line as the whole text) -> { paragraph: "", prose: false }.
 */
export function toLeadParagraph(text: string): LeadParagraph {
  // Most texts open with a prose paragraph inside their first QUICK_READ_CHARS: reading only up to a line break past
  // them finds the same paragraph (the rules are line by line) when it is not that head's last one, which might go on.
  if (text.length > QUICK_READ_CHARS) {
    const cut = text.indexOf("\n", QUICK_READ_CHARS);
    if (cut !== -1 && cut < LEAD_READ_CHARS) {
      const quick = leadOfHead(text.slice(0, cut));
      if (quick.complete) return quick.lead;
    }
  }
  const { lead } = leadOfHead(text.slice(0, LEAD_READ_CHARS));
  // Without a paragraph that reads as prose, a text under ARTICLE_TEXT_CHARS_MIN is a caption of names or a byline
  // alone and leads nothing (product review: 171 stories on the dev store were led by a line of names such as
  // "الدكتور عزام الدخيل"); a longer one is a list or a poem, led by its first line.
  return !lead.prose && text.trim().length < ARTICLE_TEXT_CHARS_MIN ? { paragraph: "", prose: false } : lead;
}

/** toLeadParagraph of a text's head; `complete` when a prose paragraph of the stripped head was found and another
 * paragraph follows it there, so a longer head finds the same. */
function leadOfHead(head: string): { lead: LeadParagraph; complete: boolean } {
  const stripped = firstParagraphs(stripSyndicationMarks(head), LEAD_SEARCH_PARAGRAPHS);
  const opening = stripped.length > 0 ? stripped : firstParagraphs(head, LEAD_SEARCH_PARAGRAPHS);
  const i = opening.findIndex(opensArticle);
  if (i === -1) return { lead: { paragraph: opening[0] ?? "", prose: false }, complete: false };
  return {
    lead: { paragraph: opening[i]!, prose: true },
    complete: stripped.length > 0 && i < opening.length - 1,
  };
}
