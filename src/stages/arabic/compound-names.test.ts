import { describe, expect, it } from "vitest";
import { searchKeyOf } from "./analyze-text.ts";
import { abdNameKeyOf, compoundHeadNeedleOf, compoundNameAt, isCompoundNameHead } from "./compound-names.ts";
import { normalizeArabic } from "./normalize-arabic.ts";
import { tokenize } from "./tokenize.ts";

/** Normalized words of display text. */
const wordsOf = (display: string): string[] => tokenize(display).map((t) => t.norm);

describe("compoundNameAt", () => {
  const rows: { why: string; text: string; key: string | null; words?: number }[] = [
    { why: "عبد + a divine name is one name", text: "عبد الله", key: "عبدالله", words: 2 },
    { why: "so is every عبد + an ال-word", text: "عبد العزيز آل سعود", key: "عبدالعزيز", words: 2 },
    {
      why: "the name of a man in two words whose one-word key light10 cut",
      text: "عبد الغني",
      key: "عبدالغني",
    },
    { why: "عبد ربه منصور هادي", text: "عبد ربه منصور", key: "عبدربه", words: 2 },
    { why: "عبد رب الرسول (one-word: عبدرب الرسول)", text: "عبد رب الرسول", key: "عبدرب", words: 2 },
    { why: "particles on عبد go (لعبد الله)", text: "لعبد الله", key: "عبدالله", words: 2 },
    { why: "and with two particles (ولعبد)", text: "ولعبد الرحمن", key: "عبدالرحمن", words: 2 },
    { why: "hamza forms normalize (عبد الإله)", text: "عبد الإله", key: "عبدالاله", words: 2 },
    { why: "a stop word after عبد is no name (عبد في)", text: "عبد في", key: null },
    { why: "nor إلى, which normalizes to an ال-word (الي)", text: "عبد إلى", key: null },
    { why: "nor a word without the article (عبد هارب)", text: "عبد هارب", key: null },
    { why: "the article on عبد makes a noun (العبد الله)", text: "العبد الله", key: null },
    { why: "أبو + a place", text: "أبو ظبي", key: "ابوظبي", words: 2 },
    { why: "أبو + a kunya", text: "أبو بكر البغدادي", key: "ابوبكر", words: 2 },
    {
      why: "a place whose one-word form light10 cuts (أبوثنين -> ابوثن)",
      text: "أبو ثنين",
      key: searchKeyOf("ابوثنين"),
    },
    { why: "particles on أبو go (بأبو ظبي)", text: "بأبو ظبي", key: "ابوظبي", words: 2 },
    {
      why: "أبو عبد الله: the kunya's second part is an عبد name",
      text: "أبو عبد الله",
      key: "ابوعبدالل",
      words: 3,
    },
    { why: "and written in one word after أبو", text: "أبو عبدالله", key: "ابوعبدالل", words: 2 },
    { why: "أبو + عبد without a name after it", text: "أبو عبد في", key: searchKeyOf("ابوعبد"), words: 2 },
    { why: "a stop word after أبو (أبو على, written so for أبو علي)", text: "أبو على", key: null },
    { why: "a word whose one-word key is أبو's own (ابوكم: your father)", text: "أبو كم", key: null },
    { why: "a number after أبو", text: "أبو 3", key: null },
    { why: "the last word of the text", text: "عبد", key: null },
  ];
  for (const row of rows) {
    it(`${row.key === null ? "keeps apart" : "joins"}: ${row.why}`, () => {
      const compound = compoundNameAt(wordsOf(row.text), 0, searchKeyOf);
      if (row.key === null) expect(compound).toBeNull();
      else
        expect({ key: compound?.key, words: compound?.words }).toEqual({
          key: row.key,
          words: row.words ?? 2,
        });
    });
  }

  it("keys the two-word writing as the one-word writing is keyed", () => {
    for (const [two, one] of [
      ["عبد الله", "عبدالله"],
      ["وعبد العزيز", "وعبدالعزيز"],
      ["عبد اللهيان", "عبداللهيان"],
      ["عبد ربه", "عبدربه"],
      ["أبو ظبي", "أبوظبي"],
      ["وأبو ظبي", "وأبوظبي"],
      ["أبو عريش", "أبوعريش"],
      ["أبو شوشة", "أبوشوشة"],
    ] as const) {
      expect(compoundNameAt(wordsOf(two), 0, searchKeyOf)?.key, two).toBe(searchKeyOf(normalizeArabic(one)));
    }
  });
});

describe("abdNameKeyOf", () => {
  const rows: { why: string; norm: string; key: string | null }[] = [
    { why: "a name kept whole (light10 cut عبدالغني to عبدالغن)", norm: "عبدالغني", key: "عبدالغني" },
    { why: "عبداللهيان is not عبدالله (light10 gave both عبدالل)", norm: "عبداللهيان", key: "عبداللهيان" },
    { why: "particles go (لعبدالرحيم, which light10 kept)", norm: "لعبدالرحيم", key: "عبدالرحيم" },
    { why: "عبدربه", norm: "وعبدربه", key: "عبدربه" },
    { why: "عبد alone", norm: "عبد", key: null },
    { why: "عبد + a stop word written on it", norm: "عبدالي", key: null },
    {
      why: "a family name keeps its article (العبداللطيف is not عبداللطيف)",
      norm: "العبداللطيف",
      key: "العبداللطيف",
    },
    { why: "and loses the particles on it (للعبدالمحسن)", norm: "للعبدالمحسن", key: "العبدالمحسن" },
    { why: "a word that is no particle before عبد (كعبدالله)", norm: "كعبدالله", key: null },
    { why: "a word that holds عبد later (استعبد)", norm: "استعبد", key: null },
    { why: "the plural عباد", norm: "عباد", key: null },
  ];
  for (const row of rows) {
    it(`${row.key === null ? "leaves" : "keys"}: ${row.why}`, () => {
      expect(abdNameKeyOf(row.norm)).toBe(row.key);
    });
  }
});

describe("isCompoundNameHead and compoundHeadNeedleOf", () => {
  it("reads عبد and أبو with particles as heads, other words not", () => {
    expect(["عبد", "وعبد", "لعبد", "ولعبد", "ابو", "بابو", "وابو"].map(isCompoundNameHead)).toEqual(
      Array(7).fill(true),
    );
    expect(["العبد", "عبده", "ابوه", "كعبد", "ابواب", "عب"].map(isCompoundNameHead)).toEqual(
      Array(6).fill(false),
    );
  });

  it("gives each compound key the letters of its first word", () => {
    expect(["عبدالله", "عبدربه", "ابوظبي", "ابوعبدالل", "حكوم", "عبد"].map(compoundHeadNeedleOf)).toEqual([
      "عبد",
      "عبد",
      "ابو",
      "ابو",
      null,
      null,
    ]);
  });
});
