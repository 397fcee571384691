import { describe, expect, it } from "vitest";
import { stemWithoutAccusativeAlef } from "./accusative-alef.ts";
import { normalizeArabic } from "./normalize-arabic.ts";
import { stemArabic } from "./stem-arabic.ts";

const key = (word: string) => stemWithoutAccusativeAlef(normalizeArabic(word));
const stem = (word: string) => stemArabic(normalizeArabic(word));

describe("stemWithoutAccusativeAlef", () => {
  // Each row: a word and a word it must (or must not) share a key with, and why.
  const rows: { why: string; word: string; other: string; meets: boolean }[] = [
    { why: "a counted noun after a figure (13 شهيدا)", word: "شهيدا", other: "شهيد", meets: true },
    { why: "with its tanween written", word: "شهيداً", other: "الشهيد", meets: true },
    { why: "the casualty count (قتيلا)", word: "قتيلا", other: "القتيل", meets: true },
    { why: "the wounded (مصابا)", word: "مصابا", other: "مصاب", meets: true },
    { why: "years (13 عاما), the commonest", word: "عاما", other: "العام", meets: true },
    { why: "an adverbial participle (مشيرا إلى)", word: "مشيرا", other: "مشير", meets: true },
    {
      why: "a nisba adverb meets its adjective (حاليا، الحالي)",
      word: "حاليا",
      other: "الحالي",
      meets: true,
    },
    { why: "a hamza-final noun (شيئاً)", word: "شيئاً", other: "شيء", meets: true },
    { why: "a waw-final noun (عضوا)", word: "عضوا", other: "عضو", meets: true },
    { why: "the thousand, whose ال is no article (15 ألفا)", word: "ألفا", other: "ألف", meets: true },
    { why: "the thousand after و", word: "وألفا", other: "ألف", meets: true },
    {
      why: "a dual past verb meets the verb (decided: قالا is قال)",
      word: "قالا",
      other: "قال",
      meets: true,
    },
    { why: "another dual past verb (كتبا)", word: "كتبا", other: "كتب", meets: true },
    {
      why: "a broken plural in ايا keeps its alef (قضايا is not قضا)",
      word: "قضايا",
      other: "قضاي",
      meets: false,
    },
    { why: "هدايا keeps its alef", word: "هدايا", other: "هداي", meets: false },
    { why: "مزايا keeps its alef", word: "مزايا", other: "مزاي", meets: false },
    { why: "دنيا is not دني (base under three letters)", word: "الدنيا", other: "دني", meets: false },
    { why: "العليا is not على (base under three letters)", word: "العليا", other: "على", meets: false },
    { why: "a three-letter stem keeps its alef (خطأ is not خط)", word: "الخطأ", other: "الخط", meets: false },
    { why: "ودعا is دعا, not ودع (farewell)", word: "ودعا", other: "ودع", meets: false },
    { why: "لنا is not لن", word: "لنا", other: "لن", meets: false },
    {
      why: "a particle compound keeps its alef (كلما is not كلمة)",
      word: "كلما",
      other: "كلمة",
      meets: false,
    },
    { why: "بعدما is not بعدم", word: "بعدما", other: "بعدم", meets: false },
    { why: "a particle before such a compound (وفيما)", word: "وفيما", other: "فيم", meets: false },
    { why: "يبدأ, whose hamza became an alef, is not يبدي", word: "يبدأ", other: "يبدي", meets: false },
    { why: "إننا is not إنن", word: "إننا", other: "انن", meets: false },
    { why: "معنا (with us) is not the name معن", word: "معنا", other: "معن", meets: false },
    {
      why: "المبدأ (a final hamza) is not مبدي, with the article",
      word: "المبدأ",
      other: "مبدي",
      meets: false,
    },
    { why: "يقرأ (reads) is not يقر (acknowledges)", word: "يقرأ", other: "يقر", meets: false },
    { why: "the name زارا is not زار (visited)", word: "زارا", other: "زار", meets: false },
    { why: "ناسا is not ناس (people)", word: "ناسا", other: "الناس", meets: false },
    { why: "a spelling-variant stem keeps its alef (أمريكا)", word: "أمريكا", other: "أمريك", meets: false },
    { why: "the alef maksura a pronoun exposes stays (ذكراها)", word: "ذكراها", other: "ذكره", meets: false },
    {
      why: "an alef a suffix exposed stays (المعاناة is not معا)",
      word: "المعاناة",
      other: "معا",
      meets: false,
    },
    { why: "a stop word keeps its alef (أيضا)", word: "أيضا", other: "ايض", meets: false },
  ];
  for (const row of rows) {
    it(`${row.meets ? "meets" : "stays apart from"} ${row.other}: ${row.why}`, () => {
      const other = row.meets ? key(row.other) : normalizeArabic(row.other);
      expect(key(row.word) === other || key(row.word) === stem(row.other)).toBe(row.meets);
    });
  }

  it("keeps the light stem of a word without a final alef", () => {
    for (const word of ["الحكومات", "حكومتها", "وزارة", "المستشفى", "وقتها"])
      expect(key(word)).toBe(stem(word));
  });
});
