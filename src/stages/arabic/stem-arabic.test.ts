import { describe, expect, it } from "vitest";
import { normalizeArabic } from "./normalize-arabic.ts";
import { stemArabic } from "./stem-arabic.ts";

const stem = (word: string) => stemArabic(normalizeArabic(word));

describe("stemArabic", () => {
  const rows: { why: string; input: string; expected: string }[] = [
    { why: "the article is removed", input: "الحكومة", expected: "حكوم" },
    { why: "و + article + feminine plural are removed", input: "والحكومات", expected: "حكوم" },
    { why: "لل is removed", input: "للحكومة", expected: "حكوم" },
    { why: "a pronoun enclitic is removed and teh marbuta restored", input: "حكومتها", expected: "حكوم" },
    { why: "the conjunction و is removed from a verb", input: "وقال", expected: "قال" },
    { why: "radical و of وزارة stays (not زار)", input: "وزارة", expected: "وزار" },
    { why: "radical و survives a pronoun", input: "وزارتها", expected: "وزار" },
    { why: "radical و survives the article", input: "الوزارة", expected: "وزار" },
    { why: "a conjunction before a radical-و word is removed", input: "ووزارة", expected: "وزار" },
    { why: "the name وليد keeps its و", input: "وليد", expected: "وليد" },
    { why: "واشنطن keeps its و", input: "واشنطن", expected: "واشنطن" },
    { why: "آلاف keeps its ال (madda word), not اف", input: "آلاف", expected: "الاف" },
    { why: "الآلاف meets آلاف", input: "الآلاف", expected: "الاف" },
    { why: "بالآلاف meets آلاف", input: "بالآلاف", expected: "الاف" },
    { why: "و + آلاف meets آلاف", input: "وآلاف", expected: "الاف" },
    { why: "a three-letter word after و is never split", input: "وقت", expected: "وقت" },
    { why: "a radical ت is not taken for teh marbuta", input: "وقتها", expected: "وقت" },
    { why: "feminine plural ات keeps its ت before a pronoun", input: "اجتماعاتهم", expected: "اجتماع" },
    { why: "sound plural ين is removed", input: "الفلسطينيين", expected: "فلسطين" },
    { why: "و then بال are both removed", input: "وبالانتخابات", expected: "انتخاب" },
    { why: "short words keep their letters", input: "من", expected: "من" },
  ];
  for (const row of rows) {
    it(`stems: ${row.why}`, () => {
      expect(stem(row.input)).toBe(row.expected);
    });
  }
});
