/**
 * Lead places: whether two texts' leads name different places, each a place the other text never names (national-day
 * cables to Bolivia and to Jamaica). Such a pair is a template filled in twice, not one article republished. Dedupe
 * stage, pure; place names are read once from the entity lexicon when the module loads.
 */
import { tokenize } from "../arabic/tokenize.ts";
import { PLACES } from "../entities/entity-lexicon.ts";
import { LEAD_WORDS } from "./shingle-text.ts";

/** The places a text names (sorted distinct PLACES indexes): in its lead (LEAD_WORDS words) and anywhere. */
export interface TextPlaces {
  lead: Uint32Array;
  all: Uint32Array;
}

/**
 * Proclitics written onto a place name, as normalized: و، ف، ب، ل، ك and their pairs ("وبجدة", "لسنغافورة"); before
 * the article ل takes its alef ("للرياض"). Matched on surface words, not stems: stems fold names onto everyday words
 * ("الكاميرون" and "كاميرا", "لحج" and "الحج").
 */
const PROCLITICS = [
  "",
  "\u0648",
  "\u0641",
  "\u0628",
  "\u0644",
  "\u0643",
  "\u0648\u0628",
  "\u0648\u0644",
  "\u0641\u0628",
];

/**
 * PLACES index of each normalized one-word name and of each longer name's first two words ("بوركينا فاسو"), with
 * proclitics; spellings of one place share its index. A key two places share is left out.
 */
const PLACE_OF_NAME: ReadonlyMap<string, number> = (() => {
  const out = new Map<string, number>();
  const shared = new Set<string>();
  PLACES.forEach((entry, place) => {
    for (const form of entry.forms) {
      const words = tokenize(form).map((t) => t.norm);
      if (words.length === 0) continue;
      const [first, ...rest] = words as [string, ...string[]];
      for (const p of PROCLITICS) {
        const lam = p.endsWith("\u0644") && first.startsWith("\u0627\u0644");
        const key = [lam ? p + first.slice(1) : p + first, ...rest.slice(0, 1)].join(" ");
        const was = out.get(key);
        if (was !== undefined && was !== place) shared.add(key);
        else out.set(key, place);
      }
    }
  });
  for (const key of shared) out.delete(key);
  return out;
})();

/** First words of the two-word keys of PLACE_OF_NAME, so a text's word pairs are looked up only after one. */
const FIRST_OF_LONG_NAME: ReadonlySet<string> = new Set(
  [...PLACE_OF_NAME.keys()].filter((k) => k.includes(" ")).map((k) => k.slice(0, k.indexOf(" "))),
);

/**
 * The places named by a text's surface words (shingle-text.ts toShingleWords with form "surface": normalized, stop
 * words dropped), in its first LEAD_WORDS words and in all of them.
 * Example: words of "بعث ... برقية تهنئة لفخامة الرئيس ميشيل كفاندو رئيس بوركينا فاسو" -> lead and all hold
 * بوركينا فاسو's index.
 */
export function toTextPlaces(words: readonly string[]): TextPlaces {
  const lead = new Set<number>();
  const all = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const place =
      PLACE_OF_NAME.get(word) ??
      (i + 1 < words.length && FIRST_OF_LONG_NAME.has(word)
        ? PLACE_OF_NAME.get(`${word} ${words[i + 1]}`)
        : undefined);
    if (place === undefined) continue;
    all.add(place);
    if (i < LEAD_WORDS) lead.add(place);
  }
  const sorted = (s: Set<number>) => Uint32Array.from([...s].sort((a, b) => a - b));
  return { lead: sorted(lead), all: sorted(all) };
}

/**
 * True when each text's lead names a place that the other text never names: a template filled in with two places.
 * A copy that one outlet trimmed, extended or gave a dateline names the other's lead places too, so at most one side
 * has a lead place of its own. Example: cables "… رئيس جمهورية بوليفيا" and "… حاكم عام جامايكا", neither naming the
 * other's country -> true; the same cable from two outlets -> false.
 */
export function namesOtherPlaces(a: TextPlaces, b: TextPlaces): boolean {
  return hasOutside(a.lead, b.all) && hasOutside(b.lead, a.all);
}

/** True when some value of sorted `part` is not in sorted `whole`. */
function hasOutside(part: Uint32Array, whole: Uint32Array): boolean {
  let j = 0;
  for (let i = 0; i < part.length; i++) {
    while (j < whole.length && whole[j]! < part[i]!) j++;
    if (j === whole.length || whole[j] !== part[i]) return true;
  }
  return false;
}
