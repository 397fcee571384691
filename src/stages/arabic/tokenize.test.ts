import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeArabic, UNIT_DELETED, unitFoldAt } from "./normalize-arabic.ts";
import {
  nextWordStart,
  SPAN_FOLDED,
  SPAN_NORMALIZED,
  SPAN_PLAIN,
  scanWordSpans,
  spanNorm,
  tokenize,
  tokenizeNormalized,
  wordBoundaryAtOrBefore,
} from "./tokenize.ts";

describe("tokenize", () => {
  it("keeps a word with harakat as one token with offsets into the display text", () => {
    const text = "قال مُحَمَّد:";
    const tokens = tokenize(text);
    expect(tokens).toEqual([
      { start: 0, end: 3, norm: "قال" },
      { start: 4, end: 12, norm: "محمد" },
    ]);
    expect(text.slice(tokens[1]!.start, tokens[1]!.end)).toBe("مُحَمَّد");
  });

  const rows: { why: string; input: string; norms: string[] }[] = [
    { why: "tatweel stays inside the word", input: "الســلام عليكم", norms: ["السلام", "عليكم"] },
    { why: "a zero-width non-joiner inside a word does not split it", input: "مص\u200cر", norms: ["مصر"] },
    { why: "punctuation splits words", input: "غزة،رفح؛(القدس)", norms: ["غزه", "رفح", "القدس"] },
    { why: "digits are words, Arabic-Indic ones become ASCII", input: "عام ٢٠١٥م", norms: ["عام", "2015م"] },
    { why: "Latin words are lowercased", input: "BBC عربي", norms: ["bbc", "عربي"] },
    { why: "a lone haraka is no word", input: "\u064e \u0651", norms: [] },
    { why: "ىء spells ئ, ى before the next word is yeh", input: "الطوارىء على", norms: ["الطوارء", "علي"] },
    {
      why: "ىء after a short stem is yeh and hamza, whatever precedes the word",
      input: "الطوارى شىء",
      norms: ["الطواري", "شيء"],
    },
  ];
  for (const row of rows) {
    it(`tokenizes: ${row.why}`, () => {
      expect(tokenize(row.input).map((t) => t.norm)).toEqual(row.norms);
    });
  }

  it("leaves leading and trailing invisibles out of a token's span", () => {
    const text = "\u200fمصر\u200f";
    expect(tokenize(text)).toEqual([{ start: 1, end: 4, norm: "مصر" }]);
  });

  it("includes trailing harakat in a token's span", () => {
    expect(tokenize("كتابٌ")).toEqual([{ start: 0, end: 5, norm: "كتاب" }]);
  });

  it("agrees with normalize-then-tokenizeNormalized on mixed text", () => {
    const chars = [..."ابتحكمنوي ءأةى،.-٠١\u064e\u0651\u0640\u200c\u200f\ufefb\ufdfcA\u0301"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (parts) => {
        const s = parts.join("");
        expect(tokenize(s).map((t) => t.norm)).toEqual(tokenizeNormalized(normalizeArabic(s)));
      }),
      { numRuns: 3000 },
    );
  });

  it("gives offsets that always lie inside the display text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        for (const t of tokenize(s)) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(s.length);
          expect(t.start).toBeLessThan(t.end);
        }
      }),
    );
  });
});

describe("scanWordSpans", () => {
  const chars = [
    ..."ابتحكمنوي ءأةى،.-٠١\u064e\u0651\u0640\u200c\u200f\ufefb\ufdfa\u0653A\u0301",
    "\u{1d400}",
    "\u{1f600}",
    "\ud800",
    "\udc00",
  ];
  const text = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((parts) => parts.join(""));

  it("finds tokenize's words, with the same offsets and normal forms", () => {
    fc.assert(
      fc.property(text, (s) => {
        const spans = scanWordSpans(s);
        const words = Array.from({ length: spans.count }, (_, i) => ({
          start: spans.starts[i],
          end: spans.ends[i],
          norm: spanNorm(s, spans, i),
        }));
        expect(words).toEqual(tokenize(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("finds from any word boundary the words that start in the range, as the whole scan does", () => {
    fc.assert(
      fc.property(text, fc.nat(40), fc.nat(40), (s, a, b) => {
        const from = wordBoundaryAtOrBefore(s, a);
        const until = from + b;
        const spans = scanWordSpans(s, undefined, from, until);
        const expected = tokenize(s).filter((t) => t.start >= from && t.start < until);
        expect(Array.from(spans.starts.subarray(0, spans.count))).toEqual(expected.map((t) => t.start));
        expect(Array.from(spans.ends.subarray(0, spans.count))).toEqual(expected.map((t) => t.end));
        // A boundary never cuts a word.
        expect(tokenize(s).some((t) => t.start < from && t.end > from)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("tells where the next word starts", () => {
    fc.assert(
      fc.property(text, (s) => {
        const tokens = tokenize(s);
        expect(nextWordStart(s, 0)).toBe(tokens[0]?.start ?? s.length);
        for (const [i, t] of tokens.entries()) {
          expect(nextWordStart(s, t.end)).toBe(
            tokens.find((u, j) => j > i && u.start >= t.end)?.start ?? s.length,
          );
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads ى by its context without Unicode normalization: a folded span, its display offsets exact", () => {
    const s = "قوات الطوارىءِ على";
    const spans = scanWordSpans(s);
    expect(Array.from(spans.kinds.subarray(0, spans.count))).toEqual([SPAN_PLAIN, SPAN_FOLDED, SPAN_FOLDED]);
    expect(s.slice(spans.starts[1], spans.ends[1])).toBe("الطوارىءِ");
    expect([1, 2].map((i) => spanNorm(s, spans, i))).toEqual(["الطوارء", "علي"]);
  });

  it("folds each word unit by unit inside its text (unitFoldAt) as normalizeArabic folds the word alone", () => {
    // ى reads its word before and after it; a neighbour word must never change the fold (snippets read the units).
    const seatText = fc
      .array(fc.constantFrom(..."ىىىءءءيالشطرو ،3\u064e\u0640\u200c\u200f\ufeffA"), { maxLength: 24 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(seatText, (s) => {
        const spans = scanWordSpans(s);
        for (let i = 0; i < spans.count; i++) {
          if (spans.kinds[i] === SPAN_NORMALIZED) continue;
          let folded = "";
          for (let j = spans.starts[i]!; j < spans.ends[i]!; j++) {
            const unit = unitFoldAt(s, j);
            if (unit !== UNIT_DELETED) folded += String.fromCharCode(unit);
          }
          expect(folded).toBe(normalizeArabic(s.slice(spans.starts[i], spans.ends[i])));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it("reuses a span list, growing it for long texts", () => {
    const spans = scanWordSpans("قال ".repeat(1000));
    expect(spans.count).toBe(1000);
    expect(scanWordSpans("غزة رفح", spans).count).toBe(2);
    expect(spans.norms.size).toBe(0);
  });
});

describe("tokenizeNormalized", () => {
  it("splits normalized text into letter and digit runs", () => {
    expect(tokenizeNormalized("قال محمد، 2015 - bbc")).toEqual(["قال", "محمد", "2015", "bbc"]);
  });
});
