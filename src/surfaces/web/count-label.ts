/**
 * Counts in the reader's Arabic: a number with the noun form Arabic number agreement asks for ("لا مقالات",
 * "مقال واحد", "مقالان", "3 مقالات", "11 مقالًا", "100 مقال"), and the nouns the reader counts. Pure; every count a
 * page, a chart's tooltip or a message shows goes through here.
 */

/** Noun forms Arabic numerals agree with: 1, 2, 3–10 (plural), 11–99 (accusative singular), 100s (genitive). */
export interface CountNouns {
  one: string;
  two: string;
  plural: string;
  accusative: string;
  singular: string;
}

/** Which of the CountNouns forms a count takes; 0 is said with the plural ("لا مقالات"). */
function countForm(n: number): keyof CountNouns {
  if (n === 0) return "plural";
  if (n === 1) return "one";
  if (n === 2) return "two";
  const rest = n % 100;
  if (rest >= 3 && rest <= 10) return "plural";
  if (rest >= 11) return "accusative";
  return "singular";
}

/**
 * The count with the noun form Arabic grammar asks for; none is "لا" with the plural, as a reader says it (a bare
 * "0 مقال" read wrong in the timeline's tooltips).
 * Examples: 0 → "لا مصادر", 1 → "مصدر واحد", 2 → "مصدران", 3 → "3 مصادر", 11 → "11 مصدرًا", 100 → "100 مصدر".
 */
export function countLabel(n: number, nouns: CountNouns): string {
  if (n === 0) return `لا ${nouns.plural}`;
  const form = countForm(n);
  return form === "one" || form === "two" ? nouns[form] : `${n} ${nouns[form]}`;
}

/**
 * The counted noun with an adjective that agrees with it: "مقال واحد منقول", "مقالان منقولان", "3 مقالات منقولة",
 * "11 مقالًا منقولًا". `adjectives` holds the adjective's form for each count form.
 */
export function countPhrase(n: number, nouns: CountNouns, adjectives: CountNouns): string {
  return `${countLabel(n, nouns)} ${adjectives[countForm(n)]}`;
}

const OUTLET_NOUNS = {
  one: "مصدر واحد",
  two: "مصدران",
  plural: "مصادر",
  accusative: "مصدرًا",
  singular: "مصدر",
};
const ARTICLE_NOUNS = {
  one: "مقال واحد",
  two: "مقالان",
  plural: "مقالات",
  accusative: "مقالًا",
  singular: "مقال",
};
const STORY_NOUNS = { one: "قصة واحدة", two: "قصتان", plural: "قصص", accusative: "قصة", singular: "قصة" };
const RESULT_NOUNS = {
  one: "نتيجة واحدة",
  two: "نتيجتان",
  plural: "نتائج",
  accusative: "نتيجة",
  singular: "نتيجة",
};
/** Feeds as the subject of a passive verb (nominative: "استُوردت خلاصتان", "أُوقفت 3 خلاصات"). */
const FEED_NOUNS = {
  one: "خلاصة واحدة",
  two: "خلاصتان",
  plural: "خلاصات",
  accusative: "خلاصة",
  singular: "خلاصة",
};
/** Feeds already registered ("خلاصتان مسجلتان من قبل"). */
const REGISTERED_ADJECTIVES = {
  one: "مسجلة",
  two: "مسجلتان",
  plural: "مسجلة",
  accusative: "مسجلة",
  singular: "مسجلة",
};
/** An OPML file's outlines ("عنصران في الملف بلا رابط خلاصة"). */
const OUTLINE_NOUNS = {
  one: "عنصر واحد",
  two: "عنصران",
  plural: "عناصر",
  accusative: "عنصرًا",
  singular: "عنصر",
};
/** Letters after "من" or "أول" (genitive: "أول حرفين"). */
const LETTER_NOUNS = { one: "حرف واحد", two: "حرفين", plural: "أحرف", accusative: "حرفًا", singular: "حرف" };
/** Seconds after "بعد" (genitive: "بعد ثانيتين"). */
const SECOND_NOUNS = {
  one: "ثانية واحدة",
  two: "ثانيتين",
  plural: "ثوانٍ",
  accusative: "ثانية",
  singular: "ثانية",
};
const COPIED_ADJECTIVES = {
  one: "منقول",
  two: "منقولان",
  plural: "منقولة",
  accusative: "منقولًا",
  singular: "منقول",
};
const OTHER_ADJECTIVES = { one: "آخر", two: "آخران", plural: "أخرى", accusative: "آخر", singular: "آخر" };
/** After "أول" (genitive, so the dual is أصليين). */
const ORIGINAL_ADJECTIVES = {
  one: "أصلي",
  two: "أصليين",
  plural: "أصلية",
  accusative: "أصليًا",
  singular: "أصلي",
};

export const outletsLabel = (n: number) => countLabel(n, OUTLET_NOUNS);
export const articlesLabel = (n: number) => countLabel(n, ARTICLE_NOUNS);
/** "قصة واحدة", "قصتان", "3 قصص", "11 قصة". */
export const storiesLabel = (n: number) => countLabel(n, STORY_NOUNS);
export const resultsLabel = (n: number) => countLabel(n, RESULT_NOUNS);
export const feedsLabel = (n: number) => countLabel(n, FEED_NOUNS);
export const registeredFeedsLabel = (n: number) => countPhrase(n, FEED_NOUNS, REGISTERED_ADJECTIVES);
export const outlinesLabel = (n: number) => countLabel(n, OUTLINE_NOUNS);
export const lettersLabel = (n: number) => countLabel(n, LETTER_NOUNS);
export const secondsLabel = (n: number) => countLabel(n, SECOND_NOUNS);
/** "مقالان منقولان", "3 مقالات منقولة": copies of an article. */
export const copiedArticlesLabel = (n: number) => countPhrase(n, ARTICLE_NOUNS, COPIED_ADJECTIVES);
/** "مقال واحد آخر", "3 مقالات أخرى": more articles than those listed. */
export const otherArticlesLabel = (n: number) => countPhrase(n, ARTICLE_NOUNS, OTHER_ADJECTIVES);
/** "40 مقالًا أصليًا": originals, after "أول". */
export const originalArticlesLabel = (n: number) => countPhrase(n, ARTICLE_NOUNS, ORIGINAL_ADJECTIVES);
/** A release's continuation parts after "في" (so the dual is genitive): "جزء واحد", "جزأين", "3 أجزاء", "11 جزءًا". */
export const partsLabel = (n: number) =>
  countLabel(n, { one: "جزء واحد", two: "جزأين", plural: "أجزاء", accusative: "جزءًا", singular: "جزء" });
