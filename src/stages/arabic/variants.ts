/**
 * Spelling-variant folding over light stems: every stem of a variant group maps to the group's key.
 * Pure. Used at index time on stems and at query time, so أميركا and الأمريكية meet on one key.
 */
import { normalizeArabic } from "./normalize-arabic.ts";
import { properNameOf } from "./proper-names.ts";
import { SPELLING_VARIANTS } from "./spelling-variants.ts";
import { stemArabic } from "./stem-arabic.ts";

const KEY_BY_STEM = new Map<string, string>();
const STEMS_BY_KEY = new Map<string, readonly string[]>();

/** A form's light stem, and its proper name when it is one (the search key: سنغافورة -> سنغافوره, not سنغافور). */
function keysOfForm(form: string): string[] {
  const norm = normalizeArabic(form);
  const name = properNameOf(norm);
  return name === null ? [stemArabic(norm)] : [stemArabic(norm), name];
}

for (const group of SPELLING_VARIANTS) {
  const stems = [...new Set(group.forms.flatMap(keysOfForm))];
  const key = stems[0]!;
  for (const stem of stems) KEY_BY_STEM.set(stem, key);
  STEMS_BY_KEY.set(key, stems);
}

/**
 * Maps a light stem to its variant group's key, or returns it unchanged.
 * Example: "اميركا" -> "امريك", "اميرك" -> "امريك", "حكوم" -> "حكوم".
 */
export function foldVariant(stem: string): string {
  return KEY_BY_STEM.get(stem) ?? stem;
}

/**
 * True when the stem belongs to a spelling-variant group: its key is the group's, whatever other rules would do.
 * Example: "امريكا" -> true, "حكوم" -> false.
 */
export function hasVariants(stem: string): boolean {
  return KEY_BY_STEM.has(stem);
}

/**
 * Every stem that folds to the same key as `stem` (itself included), key first.
 * Example: "جوجل" -> ["غوغل", "جوجل", "قوقل"]; a stem in no group -> [stem].
 */
export function variantsOf(stem: string): string[] {
  const stems = STEMS_BY_KEY.get(foldVariant(stem));
  return stems === undefined ? [stem] : [...stems];
}
