/**
 * Whether two headlines name the same instances of their templates (entities/headline-ordinals.ts), none included:
 * the rewrite test reads it before it takes a pair on slightly fewer shared word pairs
 * (compare-shingles.ts REWRITE_SAME_INSTANCES_BIGRAM_SLACK). Dedupe stage, pure.
 */

/**
 * True when the two headlines' instances (toHeadlineOrdinals: sorted distinct ids) are the same list, both empty
 * included. Stricter than namesOtherInstance, which lets a headline naming none pass: the second relief plane's
 * "وصول طائرة الإغاثة السعودية الثانية لمطار عدن" (["اغاث#2", "طاءر#2"]) against the first's "وصول الطائرة
 * الإغاثية السعودية إلى مطار عدن الدولي" ([]) -> false; [] against [] -> true.
 */
export function namesSameInstances(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
