import { describe, expect, it } from "vitest";
import { normalizeArabic } from "./normalize-arabic.ts";
import { placeNameOf, properNameOf } from "./proper-names.ts";

const place = (word: string) => placeNameOf(normalizeArabic(word));

describe("placeNameOf", () => {
  const rows: { why: string; input: string; expected: string | null }[] = [
    { why: "a place name is its own key, ها kept (light10: اب, father)", input: "أبها", expected: "ابها" },
    { why: "ب before a place name is removed (light10: باب, door)", input: "بأبها", expected: "ابها" },
    { why: "ل before a place name is removed", input: "لمصر", expected: "مصر" },
    { why: "و before a place name is removed, ة kept (light10: جد)", input: "وجدة", expected: "جده" },
    { why: "و + ب before a place name are removed", input: "وبمكة", expected: "مكه" },
    { why: "ف + ل before a place name are removed", input: "فلإيران", expected: "ايران" },
    { why: "a place name keeps its ي (light10: دب, bear)", input: "دبي", expected: "دبي" },
    { why: "a place name keeps its ان (light10: لبن, milk)", input: "لبنان", expected: "لبنان" },
    {
      why: "an article place name keeps its article, apart from الرياضي",
      input: "الرياض",
      expected: "الرياض",
    },
    { why: "ب before an article place name is removed", input: "بالرياض", expected: "الرياض" },
    {
      why: "ل before an article place name takes the article's alef",
      input: "للسعودية",
      expected: "السعوديه",
    },
    { why: "و + ل before an article place name", input: "وللبحرين", expected: "البحرين" },
    { why: "ك before an article place name is removed", input: "كالإمارات", expected: "الامارات" },
    { why: "ك before a bare name is no particle (كسبها, earned it)", input: "كسبها", expected: null },
    { why: "a name that starts like a particle is not cut", input: "بريدة", expected: "بريده" },
    { why: "لندن is a name, not ل + ندن", input: "لندن", expected: "لندن" },
    { why: "a radical-waw place name keeps its و", input: "لواشنطن", expected: "واشنطن" },
    { why: "للحج is for the Hajj, not for Lahij", input: "للحج", expected: null },
    { why: "سرت is also a verb, spread", input: "وسرت", expected: null },
    { why: "the nisba adjective is not the place", input: "الرياضي", expected: null },
    { why: "ل + ا is no article: ليران is not لإيران", input: "ليران", expected: null },
    { why: "a word that starts with a name is not the name", input: "مكان", expected: null },
    { why: "multi-word names' words are everyday words", input: "المتحدة", expected: null },
  ];
  for (const row of rows) {
    it(`reads a place name: ${row.why}`, () => {
      expect(place(row.input)).toBe(row.expected);
    });
  }
});

const proper = (word: string) => properNameOf(normalizeArabic(word));

describe("properNameOf", () => {
  const rows: { why: string; input: string; expected: string | null }[] = [
    { why: "a given name light10 cuts is whole (light10: سلم, peace)", input: "سلمان", expected: "سلمان" },
    { why: "و before a given name is removed", input: "وسلمان", expected: "سلمان" },
    { why: "ل before a given name is removed", input: "لسلمان", expected: "سلمان" },
    {
      why: "ب before a given name is removed (light10: سلط, the authorities)",
      input: "بسلطان",
      expected: "سلطان",
    },
    { why: "a name ending in ة keeps it", input: "وأسامة", expected: "اسامه" },
    {
      why: "a country that is its own adjective meets it with the article (light10: هايت)",
      input: "والهايتي",
      expected: "هايتي",
    },
    { why: "the place itself", input: "هايتي", expected: "هايتي" },
    {
      why: "a family name without the article (light10: عسير, the region)",
      input: "عسيري",
      expected: "عسيري",
    },
    { why: "place names are proper names too", input: "بأبها", expected: "ابها" },
    { why: "the everyday word the name was cut onto is no name", input: "وسلم", expected: null },
    { why: "a family name with the article is stemmed, as its adjective", input: "السلمان", expected: null },
    { why: "a name written with the article as the same name", input: "الحسين", expected: "حسين" },
    { why: "... after ب", input: "بالحسين", expected: "حسين" },
    { why: "... after ل taking the article's alef", input: "للأمين", expected: "امين" },
    { why: "... after و", input: "والإيمان", expected: "ايمان" },
    {
      why: "an adjective with the article is no such name (التركي: the Turkish)",
      input: "التركي",
      expected: null,
    },
    { why: "a name light10 leaves whole needs no entry", input: "خالد", expected: null },
    { why: "علي is also على, on", input: "علي", expected: null },
    { why: "فعلي is actual, not ف + علي", input: "فعلي", expected: null },
    { why: "حصة is a share", input: "بحصة", expected: null },
    { why: "للبنى is for the infrastructure, not for Lubna", input: "للبنى", expected: null },
    { why: "ك before a bare name is no particle", input: "كسلمان", expected: null },
  ];
  for (const row of rows) {
    it(`reads a proper name: ${row.why}`, () => {
      expect(proper(row.input)).toBe(row.expected);
    });
  }

  it("leaves person names out of the place names stories read", () => {
    expect(place("وسلمان")).toBeNull();
  });
});
