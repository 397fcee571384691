/**
 * foldMatchText: folds text for rule matching inside the extract stage (markers, titles, attributions).
 * Pure. The Arabic analyzer's normalization (stages/arabic) with white space collapsed: one folding for all stages.
 */
import { normalizeArabic } from "../arabic/normalize-arabic.ts";

const SPACE_RUN = /\s+/g;

/**
 * Folds text so spelling variants of the same marker compare equal.
 * Example: foldMatchText("إقـــرا أيـضـاً") === "اقرا ايضا".
 */
export function foldMatchText(text: string): string {
  return normalizeArabic(text).replace(SPACE_RUN, " ").trim();
}
