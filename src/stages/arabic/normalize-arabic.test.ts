import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cpuMsOf } from "../../../test/fixtures/cpu-time.ts";
import {
  foldAlef,
  foldDigits,
  foldHamzaSeats,
  foldPersianLetters,
  foldTehMarbuta,
  foldYeh,
  normalizeArabic,
  stripInvisibles,
  stripTashkeel,
  stripTatweel,
  UNIT_CONTEXTUAL,
  UNIT_DELETED,
  UNIT_FOLD,
  UNIT_NEEDS_NORMALIZE,
  unitFoldAt,
} from "./normalize-arabic.ts";

describe("normalizeArabic", () => {
  const rows: { why: string; input: string; expected: string }[] = [
    { why: "harakat and shadda are dropped", input: "مُحَمَّدٌ", expected: "محمد" },
    { why: "superscript alef is dropped", input: "هٰذا", expected: "هذا" },
    { why: "tatweel is dropped", input: "الســلام", expected: "السلام" },
    { why: "hamza and madda alef seats fold to bare alef", input: "أإآٱ", expected: "اااا" },
    { why: "alef maksura folds to yeh", input: "على", expected: "علي" },
    { why: "teh marbuta folds to heh", input: "حكومة", expected: "حكومه" },
    { why: "hamza on waw and yeh seats fold to hamza", input: "مسؤول مسئول", expected: "مسءول مسءول" },
    {
      why: "alef maksura before hamza is a hamza seat too, so ىء meets ئ",
      input: "الطوارىء الطوارئ هادىء هادئ",
      expected: "الطوارء الطوارء هادء هادء",
    },
    {
      why: "alef maksura as a seat inside a word, before a suffix",
      input: "هادىءة مبادىءها",
      expected: "هادءه مبادءها",
    },
    {
      why: "alef maksura as a seat with a haraka or an invisible before the hamza",
      input: "شاطىِء شاطى\u200cء",
      expected: "شاطء شاطء",
    },
    {
      why: "alef maksura as a seat written in presentation forms",
      input: "\ufe8d\ufee0\ufec4\ufeee\ufe8d\ufead\ufeef\ufe80",
      expected: "الطوارء",
    },
    {
      why: "alef maksura is yeh before anything but a hamza, a hamza of the next word included",
      input: "على مستوى ءامن",
      expected: "علي مستوي ءامن",
    },
    {
      why: "ى before ء after a stem of one or two letters is a real yeh (شىء spells شيء), not a seat",
      input: "شىء الشىء بشىء سىء بطىء مجىء ملىء المرىء",
      expected: "شيء الشيء بشيء سيء بطيء مجيء مليء المريء",
    },
    {
      why: "ى before ء is a seat after three stem letters, the article and its proclitics aside",
      input: "للقارىء والطوارىء بالشاطىء لاجىء تمتلىء",
      expected: "للقارء والطوارء بالشاطء لاجء تمتلء",
    },
    {
      why: "ى before ء after a yeh is the seat: سيىء and شيىء spell سيئ and شيء",
      input: "السيىء شيىء",
      expected: "السيء شيء",
    },
    {
      why: "the look-behind reads only the word: a letter across a space or digit does not lengthen the stem",
      input: "شاطر شىء 3شىء",
      expected: "شاطر شيء 3شيء",
    },
    {
      why: "yeh before hamza stays: folding it would merge المريء (esophagus) with المرء (a person)",
      input: "المريء المرء شيء",
      expected: "المريء المرء شيء",
    },
    { why: "Persian keheh and farsi yeh fold to Arabic letters", input: "کابول علی", expected: "كابول علي" },
    { why: "Persian peh, tcheh, jeh, veh fold to Arabic letters", input: "پچژڤ", expected: "بجزف" },
    { why: "Arabic-Indic digits become ASCII", input: "٢٠١٥", expected: "2015" },
    { why: "Persian digits become ASCII", input: "۱۹۹۸", expected: "1998" },
    { why: "Arabic decimal separator and percent sign become ASCII", input: "٣٫٥٪", expected: "3.5%" },
    { why: "Latin is lowercased", input: "BBC News", expected: "bbc news" },
    { why: "zero-width and bidi characters vanish", input: "مص\u200cر\u200f\u202b", expected: "مصر" },
    { why: "soft hyphen and byte order mark vanish", input: "\ufeffنيو\u00adيورك", expected: "نيويورك" },
    {
      why: "decomposed hamza above composes (NFC) and then folds",
      input: "\u0648\u0654",
      expected: "\u0621",
    },
    {
      why: "presentation forms go through NFKC",
      input: "\ufe8d\ufedf\ufeb4\ufefc\ufee1",
      expected: "السلام",
    },
    { why: "plain folded text is returned unchanged", input: "السلام عليكم", expected: "السلام عليكم" },
  ];
  for (const row of rows) {
    it(`normalizes: ${row.why}`, () => {
      expect(normalizeArabic(row.input)).toBe(row.expected);
    });
  }

  it("is idempotent on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const once = normalizeArabic(s);
        expect(normalizeArabic(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it("stays linear on a text-long word of ىء (the seat rule reads back a few letters, not the whole word)", () => {
    const hostile = "\u0649\u0621".repeat(1_000_000); // 2 MB, no space: one word
    let folded = "";
    const ms = cpuMsOf(() => {
      folded = normalizeArabic(hostile);
    });
    // From the third on, each ى has 3+ letters before it, so it is a seat and folds away.
    expect(folded.length).toBe(1_000_002);
    expect(ms).toBeLessThan(1500); // about 100 ms here; a read back to the word's start took hours
  });

  it("is idempotent on Arabic-heavy strings with marks, invisibles and presentation forms", () => {
    const chars = [..."اأإآىيةهؤئوءكیکپ٠٩۴ \u064e\u0651\u0654\u0653\u0640\u200c\u200f\ufefb\ufdf2\u0301e"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 30 }), (parts) => {
        const once = normalizeArabic(parts.join(""));
        expect(normalizeArabic(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("UNIT_FOLD and unitFoldAt", () => {
  it("marks alef maksura as contextual and resolves it by the next kept unit", () => {
    expect(UNIT_FOLD[0x0649]).toBe(UNIT_CONTEXTUAL);
    expect(unitFoldAt("الطوارىء", 6)).toBe(UNIT_DELETED);
    expect(unitFoldAt("شاطىَء", 4)).toBe(UNIT_DELETED);
    expect(unitFoldAt("على", 2)).toBe(0x064a);
    expect(unitFoldAt("شىء", 1)).toBe(0x064a);
    expect(unitFoldAt("الشىء", 3)).toBe(0x064a);
    expect(unitFoldAt("مستوى ءامن", 4)).toBe(0x064a);
  });

  it("folds a word unit by unit to its normal form when no unit needs Unicode normalization", () => {
    const chars = [..."اأىيةؤئءوعلمنكیپ٣ \u064e\u0651\u0640\u200c\u200fAz"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 30 }), (parts) => {
        const s = parts.join("");
        let folded = "";
        for (let i = 0; i < s.length; i++) {
          const unit = unitFoldAt(s, i);
          expect(unit).not.toBe(UNIT_NEEDS_NORMALIZE);
          if (unit !== UNIT_DELETED) folded += String.fromCharCode(unit);
        }
        expect(folded).toBe(normalizeArabic(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("named folds", () => {
  const rows: { why: string; fold: (s: string) => string; input: string; expected: string }[] = [
    { why: "foldAlef only touches alef seats", fold: foldAlef, input: "إسرائيلة", expected: "اسرائيلة" },
    { why: "foldYeh only touches alef maksura", fold: foldYeh, input: "مستشفى", expected: "مستشفي" },
    {
      why: "foldTehMarbuta only touches teh marbuta",
      fold: foldTehMarbuta,
      input: "أمريكية",
      expected: "أمريكيه",
    },
    { why: "foldHamzaSeats only touches ؤ and ئ", fold: foldHamzaSeats, input: "رؤساء", expected: "رءساء" },
    {
      why: "foldHamzaSeats folds ى only before a hamza",
      fold: foldHamzaSeats,
      input: "مبادىء على",
      expected: "مبادء على",
    },
    {
      why: "foldHamzaSeats leaves ى before ء after a short stem, a yeh",
      fold: foldHamzaSeats,
      input: "شىء",
      expected: "شىء",
    },
    { why: "foldYeh reads ى before a hamza as yeh", fold: foldYeh, input: "مبادىء", expected: "مباديء" },
    { why: "stripTashkeel keeps letters", fold: stripTashkeel, input: "كَتَبَ", expected: "كتب" },
    { why: "stripTatweel keeps letters", fold: stripTatweel, input: "جـمـيـل", expected: "جميل" },
    { why: "foldDigits keeps Arabic letters", fold: foldDigits, input: "عام ٢٠٢٤", expected: "عام 2024" },
    { why: "stripInvisibles keeps visible text", fold: stripInvisibles, input: "أ\u200dب", expected: "أب" },
    { why: "foldPersianLetters maps gaf to kaf", fold: foldPersianLetters, input: "گاز", expected: "كاز" },
  ];
  for (const row of rows) {
    it(`folds: ${row.why}`, () => {
      expect(row.fold(row.input)).toBe(row.expected);
    });
  }
});
