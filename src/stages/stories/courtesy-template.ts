/**
 * The frame words of courtesy headlines (reaction-headline.ts isCourtesyHeadline) as headline keys, and whether two
 * courtesy headlines share anything beyond them: who holds the party, who is congratulated. Stories stage, pure.
 */
import { toStoryTerms } from "./story-vector.ts";

/**
 * Words every courtesy headline of a kind repeats whoever holds or receives it: an Eid party ("تقيم حفل معايدة
 * لمنسوبيها", "يعقد لقاء معايدة", "تعايد منسوبيها"), a congratulation cable ("خادم الحرمين وولي العهد يهنئان رئيس
 * ... بذكرى اليوم الوطني لبلاده"), a condolence or thanks. The congratulators are frame words too: the King and the
 * Crown Prince send every day's cables, so only the addressee tells one occasion from another. Drawn from the
 * Eid-greeting and cable chains of 07-21..23 in the dev corpus. Keyed as headline
 * keys (toStoryTerms), so each listed form stands for the forms that key alike.
 */
const COURTESY_FRAME_WORDS = [
  // The greeting and the party: معايدة، يعايد، حفل، لقاء، احتفال، تقيم، تنظم، يعقد.
  "\u0645\u0639\u0627\u064a\u062f\u0629 \u064a\u0639\u0627\u064a\u062f \u062a\u0639\u0627\u064a\u062f \u064a\u0639\u0627\u064a\u062f\u0648\u0646",
  "\u062d\u0641\u0644 \u0644\u0642\u0627\u0621 \u0627\u062d\u062a\u0641\u0627\u0644 \u062a\u0642\u064a\u0645 \u064a\u0642\u064a\u0645 \u062a\u0646\u0638\u0645 \u064a\u0646\u0638\u0645 \u064a\u0639\u0642\u062f \u062a\u0639\u0642\u062f",
  // Whom the party is for: منسوبيها، لمنسوبيها، بمنسوبيها، موظفيها، لموظفيها، العاملين.
  "\u0645\u0646\u0633\u0648\u0628\u064a\u0647\u0627 \u0644\u0645\u0646\u0633\u0648\u0628\u064a\u0647\u0627 \u0628\u0645\u0646\u0633\u0648\u0628\u064a\u0647\u0627 \u0645\u0648\u0638\u0641\u064a\u0647\u0627 \u0644\u0645\u0648\u0638\u0641\u064a\u0647\u0627 \u0627\u0644\u0639\u0627\u0645\u0644\u064a\u0646",
  // The occasion: عيد، بعيد، الفطر، الأضحى، المبارك، السعيد، بمناسبة، ذكرى، بذكرى، اليوم، الوطني، بلاده، لبلاده، غدا.
  "\u0639\u064a\u062f \u0628\u0639\u064a\u062f \u0627\u0644\u0641\u0637\u0631 \u0627\u0644\u0623\u0636\u062d\u0649 \u0627\u0644\u0645\u0628\u0627\u0631\u0643 \u0627\u0644\u0633\u0639\u064a\u062f \u0628\u0645\u0646\u0627\u0633\u0628\u0629 \u0630\u0643\u0631\u0649 \u0628\u0630\u0643\u0631\u0649 \u0627\u0644\u064a\u0648\u0645 \u0627\u0644\u0648\u0637\u0646\u064a \u0628\u0644\u0627\u062f\u0647 \u0644\u0628\u0644\u0627\u062f\u0647 \u063a\u062f\u0627",
  // The cable: يهنئ، تهنئ، تهنئة، بتهنئة، تهاني، برقية، برقيتي، يبعث.
  "\u064a\u0647\u0646\u0626 \u062a\u0647\u0646\u0626 \u062a\u0647\u0646\u0626\u0629 \u0628\u062a\u0647\u0646\u0626\u0629 \u062a\u0647\u0627\u0646\u064a \u0628\u0631\u0642\u064a\u0629 \u0628\u0631\u0642\u064a\u062a\u064a \u064a\u0628\u0639\u062b",
  // Who sends it, and the addressee's title: خادم الحرمين الشريفين، ولي العهد، القيادة، الملك، المملكة، رئيس،
  // جمهورية، سلطان، أمير، شعب.
  "\u062e\u0627\u062f\u0645 \u0627\u0644\u062d\u0631\u0645\u064a\u0646 \u0627\u0644\u0634\u0631\u064a\u0641\u064a\u0646 \u0648\u0644\u064a \u0627\u0644\u0639\u0647\u062f \u0627\u0644\u0642\u064a\u0627\u062f\u0629 \u0627\u0644\u0645\u0644\u0643 \u0627\u0644\u0645\u0645\u0644\u0643\u0629 \u0631\u0626\u064a\u0633 \u062c\u0645\u0647\u0648\u0631\u064a\u0629 \u0633\u0644\u0637\u0627\u0646 \u0623\u0645\u064a\u0631 \u0634\u0639\u0628",
  // The kind of body that holds it, which names no body of its own: هيئة، وزارة، إدارة، العامة، مديرية، رئاسة.
  "\u0647\u064a\u0626\u0629 \u0648\u0632\u0627\u0631\u0629 \u0625\u062f\u0627\u0631\u0629 \u0627\u0644\u0639\u0627\u0645\u0629 \u0645\u062f\u064a\u0631\u064a\u0629 \u0631\u0626\u0627\u0633\u0629",
  // Condolence, consolation, thanks, praise: يعزي، تعزية، يواسي، يشكر، تشكر، يشيد، تشيد، يثمن.
  "\u064a\u0639\u0632\u064a \u062a\u0639\u0632\u064a\u0629 \u064a\u0648\u0627\u0633\u064a \u064a\u0634\u0643\u0631 \u062a\u0634\u0643\u0631 \u064a\u0634\u064a\u062f \u062a\u0634\u064a\u062f \u064a\u062b\u0645\u0646",
];

/** COURTESY_FRAME_WORDS as headline keys. */
export const COURTESY_FRAME_KEYS: ReadonlySet<string> = new Set(
  COURTESY_FRAME_WORDS.flatMap((words) => toStoryTerms(words, "").titleKeys),
);

/**
 * True when a headline's keys share with a story's headline keys one that is no courtesy frame word: the same body's
 * party, the same country's national day. Example: keys of "«تقويم التعليم» تقيم حفل معايدة" against a story of
 * "هيئة تقويم التعليم تقيم حفل معايدة لمنسوبيها" -> true (تقويم، تعليم); against "«السجون» تقيم حفل معايدة
 * لمنسوبيها" -> false (only تقيم، حفل، معايدة).
 */
export function sharesCourtesySubject(
  titleKeys: Iterable<string>,
  storyKeys: ReadonlyMap<string, number>,
): boolean {
  for (const k of titleKeys) if (!COURTESY_FRAME_KEYS.has(k) && storyKeys.has(k)) return true;
  return false;
}
