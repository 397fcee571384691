import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textDigest } from "./text-digest.ts";

/** قالَ، نعم. (he said, yes.), with a fatha, an Arabic comma and a full stop. */
const QALA_NAAM_MARKED = "\u0642\u0627\u0644\u064e\u060c \u0646\u0639\u0645.";
/** قال نعم, bare. */
const QALA_NAAM = "\u0642\u0627\u0644 \u0646\u0639\u0645";

describe("textDigest", () => {
  // Pinned: tombstones keep these digests and no text, so a fold that moves any of them lets deleted articles back.
  it.each([
    {
      why: "tashkeel (U+064E ARABIC FATHA), punctuation and spacing are dropped",
      text: QALA_NAAM_MARKED,
      digest: "6da6bc3e9156d717dfea6cfbdc5346210a71a94895b3b226e1124f92dec2c34e",
    },
    {
      why: "the bare text keys like the marked one",
      text: QALA_NAAM,
      digest: "6da6bc3e9156d717dfea6cfbdc5346210a71a94895b3b226e1124f92dec2c34e",
    },
    {
      why: "NFKC folds presentation forms (U+FEFB lam-alef ligature, U+FDFC RIAL SIGN) to letters",
      text: "\ufefb\u062a\u0641\u0627\u0642 \ufdfc",
      digest: "4a6b3e5a53adbe5bb17eff239b78fae11b39d014719dc960568071973e0d409b",
    },
    {
      why: "U+0640 ARABIC TATWEEL is dropped, hamza seats and Arabic-Indic digits are kept",
      text: "\u0627\u0644\u0640\u0640\u0645\u0633\u0624\u0648\u0644 \u0661\u0662",
      digest: "70634a784eb1d940cd2c67d6f78daf5da8da9a87c7c9c4b46740102d0c7db741",
    },
    {
      why: "Latin letters are lower-cased",
      text: "Reuters: AL-Quds 2026",
      digest: "76586dd0088145833f4d579681678ac7d6c1d957d93e2b875a254c3c618dd220",
    },
    { why: "a text with no letter or digit has no digest", text: "  ,.  \u200f\n", digest: "" },
  ])("keeps its digest when $why", ({ text, digest }) => {
    expect(textDigest(text)).toBe(digest);
  });

  it("tells apart texts that differ in a letter or a hamza seat (no analyzer folding)", () => {
    expect(textDigest(QALA_NAAM)).not.toBe(textDigest("\u0642\u0627\u0644 \u0644\u0627"));
    expect(textDigest("\u0645\u0633\u0624\u0648\u0644")).not.toBe(
      textDigest("\u0645\u0633\u0626\u0648\u0644"),
    );
  });

  it("ignores line breaks, tabs and bidi controls (U+200F RIGHT-TO-LEFT MARK) between words", () => {
    expect(textDigest(`\u200f${QALA_NAAM.replace(" ", "\n\t ")}\u200f`)).toBe(textDigest(QALA_NAAM));
  });
});

describe("textDigest's fold", () => {
  /** The fold's definition, as text-digest.ts states it, without its per-code-unit table. */
  const definedDigest = (text: string): string => {
    const folded = text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]|\u0640/gu, "");
    return folded === "" ? "" : createHash("sha256").update(folded).digest("hex");
  };

  it("equals the defined fold on any text: Arabic, marks, astral letters and digits, lone surrogates (property)", () => {
    const arabic = fc.integer({ min: 0x600, max: 0x6ff }).map((c) => String.fromCharCode(c));
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    // U+1D400 MATHEMATICAL BOLD CAPITAL A (NFKC: "A"), U+1D7CE MATHEMATICAL BOLD DIGIT ZERO, U+1F4F0 NEWSPAPER.
    const astral = fc.constantFrom("\u{1d400}", "\u{1d7ce}", "\u{1f4f0}", "\u{20000}");
    const text = fc
      .array(fc.oneof(arabic, anyUnit, astral, fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), {
        maxLength: 40,
      })
      .map((a) => a.join(""));
    fc.assert(
      fc.property(text, (t) => {
        expect(textDigest(t)).toBe(definedDigest(t));
      }),
      { numRuns: 2000 },
    );
  });
});
