/**
 * stripImageUrls: plain article text -> the same text without the bare image addresses scraping left in it (a
 * thumbnail's src), and without the teaser headline before one that opens the text. Pure; extract stage, run where
 * plain text enters akhbar (record-to-draft.ts plainDisplayText), before the widget residue on the edges.
 */

import { foldMatchText } from "./fold-match-text.ts";

const PATTERNS = {
  // A whole white-space-delimited token that addresses an image: a scheme or "www.", no white space, a path ending in
  // an image file extension, an optional query ("?itok=…", a thumbnail style's token). The horizontal white space
  // after it goes with it, so "a URL b" reads "a b" and a line holding only the address is left blank.
  imageUrl: /(?<!\S)(?:https?:\/\/|www\.)[^\s?#]+\.(?:jpe?g|png|gif|webp|bmp)(?:[?#]\S*)?(?!\S)[^\S\n]*/giu,
  // Quick test before the replace: no text without an image extension holds one.
  imageExtension: /\.(?:jpe?g|png|gif|webp|bmp)/iu,
} as const;

/**
 * Removes every bare image address (a token that is an http(s) or www URL of a .jpg/.jpeg/.png/.gif/.webp/.bmp file,
 * query and fragment included) from a plain text; when the text before the first one folds equal to the article's
 * `title` (foldMatchText), that teaser headline goes too: a latest-news box (title, thumbnail, teaser) scraped as the
 * text, as arriyadiyah's four dev texts of 2015-08-11 are ("<title> http://www.arriyadiyah.com/sites/default/files/
 * styles/114x72/….jpg?itok=… <teaser>"). Links to pages ("www.gdp.gov.sa", a source's URL in prose) and image names
 * without an address stay. Idempotent; may return "" for a text that is only image addresses.
 * Examples: ("خطة الهلال عند الريس http://x.com/a.JPG?itok=i8 كشف مدرب النصر ...", "خطة الهلال عند الريس") ->
 * "كشف مدرب النصر ..."; "قال الوزير http://x.com/a.jpg إن ..." -> "قال الوزير إن ...".
 */
export function stripImageUrls(text: string, title = ""): string {
  if (!PATTERNS.imageExtension.test(text)) return text;
  let first = -1;
  const out = text.replace(PATTERNS.imageUrl, (_match: string, offset: number) => {
    if (first === -1) first = offset;
    return "";
  });
  if (first === -1) return text;
  // The text up to the first address is the same in `out`, so what follows it there starts at `first`.
  const before = text.slice(0, first);
  if (title !== "" && before.trim() !== "" && foldMatchText(before) === foldMatchText(title))
    return out.slice(first).trim();
  return out.trim();
}
