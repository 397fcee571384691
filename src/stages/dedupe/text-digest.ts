/**
 * Text digest: a key of an article body that no analyzer change moves, so a tombstone can recognize a deleted
 * article's text without keeping it (contentHash folds with the analyzer and changes with it). Pure.
 */
import { createHash } from "node:crypto";

/** Everything but letters and digits, and U+0640 ARABIC TATWEEL (a letter, Lm, that only stretches a word). */
const NOT_LETTER_OR_DIGIT_RE = /[^\p{L}\p{N}]|\u0640/gu;

/**
 * Hex SHA-256 of the text folded by a fixed rule: NFKC, lower case (locale-independent), then only letters and
 * digits kept, tatweel dropped (so spacing, punctuation, controls and tashkeel, which are marks, go); "" for a text
 * with no letter or digit. Example: textDigest("قالَ، نعم.") === textDigest("قال نعم").
 *
 * FROZEN: tombstones store these digests (text_digest) and keep no text to derive new ones from, so a change to
 * this fold, or to the Unicode data it runs on in a way the table test sees, silently lets deleted articles back in.
 * Never change it; a new rule needs a new column next to this one.
 */
export function textDigest(text: string): string {
  const folded = text.normalize("NFKC").toLowerCase().replace(NOT_LETTER_OR_DIGIT_RE, "");
  if (folded.length === 0) return "";
  return createHash("sha256").update(folded).digest("hex");
}
