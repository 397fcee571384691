/**
 * The base direction of a title, heading or snippet from a source, by letter majority: a line opening with a Latin
 * word ("iPhone ...", "CNN: ...") is still an Arabic line. dir="auto" takes the first strong letter and would lay such a
 * line out left to right. Surface helper, pure.
 */

/** Letters, each then asked its script: Arabic (every Arabic block, presentation forms included) or Latin. */
const LETTER = /\p{L}/gu;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const LATIN_SCRIPT = /\p{Script=Latin}/u;

/** A value for the HTML dir attribute. */
export type TextDirection = "rtl" | "ltr" | "auto";

/**
 * "rtl" when Arabic letters are at least as many as Latin ones, "ltr" when Latin letters are more, "auto" (the first
 * strong character decides, as before) when the text has neither. Other scripts count for neither side.
 * Examples: "iPhone 7 يصل إلى الأسواق" → "rtl"; "CNN: Breaking news عاجل" → "ltr"; "2015-08-01" → "auto".
 */
export function textDirection(text: string): TextDirection {
  let arabic = 0;
  let latin = 0;
  for (const [letter] of text.matchAll(LETTER)) {
    if (ARABIC_SCRIPT.test(letter)) arabic++;
    else if (LATIN_SCRIPT.test(letter)) latin++;
  }
  if (arabic === 0 && latin === 0) return "auto";
  return arabic >= latin ? "rtl" : "ltr";
}
