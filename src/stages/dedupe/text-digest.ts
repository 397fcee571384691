/**
 * Text digest: a key of an article body that no analyzer change moves, so a tombstone can recognize a deleted
 * article's text without keeping it (contentHash folds with the analyzer and changes with it). Pure.
 */
import { createHash } from "node:crypto";

/** What the fold drops: all but letters and digits, and U+0640 ARABIC TATWEEL (a letter, Lm, that only stretches). */
const DROPPED_RE = /[^\p{L}\p{N}]|\u0640/gu;

/** Per UTF-16 code unit of the BMP, 1 when the fold keeps it (DROPPED_RE decides); built at the first digest. */
let keptBmp: Uint8Array | null = null;
const UTF16 = new TextDecoder("utf-16le");

/**
 * Hex SHA-256 of the text folded by a fixed rule: NFKC, lower case (String#toLowerCase, locale-independent), then
 * only letters and digits kept, tatweel dropped (so spacing, punctuation, controls and tashkeel, which are marks, go);
 * "" for a text with no letter or digit. Example: textDigest("قالَ، نعم.") === textDigest("قال نعم").
 *
 * FROZEN: tombstones store these digests (text_digest) and keep no text to derive new ones from, so a change to
 * this fold, or to the Unicode data it runs on in a way the table test sees, silently lets deleted articles back in.
 * Never change it; a new rule needs a new column beside this one (a migration can re-derive nothing).
 */
export function textDigest(text: string): string {
  const folded = keepLettersAndDigits(text.normalize("NFKC").toLowerCase());
  if (folded.length === 0) return "";
  return createHash("sha256").update(folded).digest("hex");
}

/**
 * `text.replace(DROPPED_RE, "")` by a table lookup per BMP code unit: the regex alone took 600-670 ms of 4,000 dev
 * texts' ~750 ms of digests, the table 105-200 ms. An astral character is still asked of the regex.
 */
function keepLettersAndDigits(text: string): string {
  keptBmp ??= buildKeptBmp();
  const out = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // codePointAt reads past the BMP only at a high surrogate followed by a low one: a lone one is a unit of its own.
    if ((text.codePointAt(i) ?? unit) > 0xffff) {
      const pair = text.slice(i, i + 2);
      if (pair.replace(DROPPED_RE, "") === pair) {
        out[n++] = unit;
        out[n++] = text.charCodeAt(i + 1);
      }
      i++;
    } else if (keptBmp[unit] === 1) out[n++] = unit;
  }
  return UTF16.decode(out.subarray(0, n));
}

function buildKeptBmp(): Uint8Array {
  const kept = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const char = String.fromCharCode(unit);
    // A lone surrogate is no letter; the loop above reads a pair's two units together.
    if (char.replace(DROPPED_RE, "") === char) kept[unit] = 1;
  }
  return kept;
}
