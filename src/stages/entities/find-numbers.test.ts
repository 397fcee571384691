import { describe, expect, it } from "vitest";
import { tokenize } from "../arabic/tokenize.ts";
import { findNumbers, readNumberAt } from "./find-numbers.ts";

/** "text = value" for each number found. */
const read = (text: string) => findNumbers(text).map((m) => `${m.text} = ${m.value}`);

describe("findNumbers", () => {
  const rows: { why: string; text: string; want: string[] }[] = [
    {
      why: "units, tens joined by و, and a count before a scale word",
      text: "قتل خمسة وعشرون شخصاً وأصيب ثلاثة آلاف",
      want: ["خمسة وعشرون = 25", "ثلاثة آلاف = 3000"],
    },
    {
      why: "teens, with أحد/إحدى and اثنا only before عشر",
      text: "إحدى عشرة سيدة و ثلاثة عشر رجلا واثنا عشر طفلا",
      want: ["إحدى عشرة = 11", "ثلاثة عشر = 13", "اثنا عشر = 12"],
    },
    {
      why: "hundreds in one word or two, and a long number with every part joined by و",
      text: "ثلاث مئة وخمسون، وأنفقت أربعة ملايين وثمانمائة وواحدا وثمانين الفا",
      want: ["ثلاث مئة وخمسون = 350", "أربعة ملايين وثمانمائة وواحدا وثمانين الفا = 4881000"],
    },
    {
      why: "digits with a scale word, decimals and thousands separators, and digits after a larger scale",
      text: "بلغت 2.5 مليار ريال و3,500 ألف دولار وحقق 3 ملايين و100 ألف جنيه",
      want: ["2.5 مليار = 2500000000", "3,500 ألف = 3500000", "3 ملايين و100 ألف = 3100000"],
    },
    {
      why: "a comma before one or two digits is a decimal point (Saudi papers' 38,4 for 38.4), before three thousands",
      text: "وصلت إلى 38,4 مليون عملية بقيمة 55,55 مليار ريال منها 1,500 مليون",
      want: ["38,4 مليون = 38400000", "55,55 مليار = 55550000000", "1,500 مليون = 1500000000"],
    },
    {
      why: "duals say two by themselves; a fraction before a scale word; a preposition before the first word",
      text: "مئتي ألف لاجئ ونصف مليون طفل وألفين ريال وفاز بثلاثة أهداف",
      want: ["مئتي ألف = 200000", "نصف مليون = 500000", "ألفين = 2000", "ثلاثة = 3"],
    },
    {
      why: "a singular scale word alone is one of it; Saudi papers' bracketed digits before a scale word",
      text: "بطاقة مليون متر مكعب وبجوائز قيمتها (700) ألف ريال",
      want: ["مليون = 1000000", "(700) ألف = 700000"],
    },
    {
      why: "a range or a list joined by و is two numbers: a unit after a unit, tens after tens",
      text: "بين ثلاثة وأربعة أشخاص، وبين أربعة وثمانية ملايين، وعشرين وثلاثين",
      want: ["ثلاثة = 3", "أربعة = 4", "أربعة = 4", "ثمانية ملايين = 8000000", "عشرين = 20", "ثلاثين = 30"],
    },
    {
      why: "a و apart, a half after a scale, the units after the last scale, and a thousand million",
      text: "خمسة و عشرون، ومليون ونصف المليون، و47 ألف و 270، وألف مليون",
      want: [
        "خمسة و عشرون = 25",
        "مليون ونصف المليون = 1500000",
        "47 ألف و 270 = 47270",
        "ألف مليون = 1000000000",
      ],
    },
    {
      why: "ألفا/مليونا: after a number or with و going on one of it, before a noun two; decimals keep no binary noise",
      text: "عدد 27 ألفاً وبلغ مليونا و529 ألفا وكلف ألفا ريال وارتفع 8.2 مليون",
      want: ["27 ألفاً = 27000", "مليونا و529 ألفا = 1529000", "ألفا = 2000", "8.2 مليون = 8200000"],
    },
    {
      why: "a dual counts two before و; a range across scales is two numbers; a repeated scale is read with its half",
      text: "مليونين و500 ألف، وبين مليون وخمسة ملايين، ومليون ونصف مليون مسلم، وصدت ألفا من المحاولات",
      want: [
        "مليونين و500 ألف = 2500000",
        "مليون = 1000000",
        "خمسة ملايين = 5000000",
        "مليون ونصف مليون = 1500000",
        "ألفا = 1000",
      ],
    },
    {
      why: "the tens of an ordinal are no number; a proclitic's stretch or vowel is not in the number's text",
      text: "في القرن الحادي والعشرين وفي الخامسة والثلاثين من عمرها والفصل الثالث عشر، وفاز بـ3 أهداف بِثلاثة ملايين",
      want: ["ثلاثة ملايين = 3000000"],
    },
    {
      why: "no number: Monday, per cent, an ordinal's ten, أثنى, وأحد, لست, a plural scale, a fraction alone, digits alone or unread before a scale",
      text: "يوم الاثنين ارتفع 4 في المائة في الدورة الحادية عشرة، وأثنى وأحد المواطنين، لست أول من قال، آلاف الأشخاص، نصف الطلاب، 27 شخصا، أنفق 50ر62 مليون يورو",
      want: [],
    },
  ];
  for (const row of rows) {
    it(row.why, () => {
      expect(read(row.text)).toEqual(row.want);
    });
  }

  it("gives offsets into the text", () => {
    const text = "وصل ثلاثة آلاف زائر";
    const [m] = findNumbers(text);
    expect(m && text.slice(m.start, m.end)).toBe("ثلاثة آلاف");
  });

  it("leaves out a number too big to hold", () => {
    expect(findNumbers(`${"9".repeat(400)} مليون`)).toEqual([]);
  });

  it("stays linear on a long run of number words", () => {
    const text = "خمسة و".repeat(20_000);
    const t0 = performance.now();
    findNumbers(text);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe("readNumberAt", () => {
  it("reads the numbers findNumbers finds, each from its first word", () => {
    const text = "وصل ثلاثة آلاف حاج، و3 ملايين زائر بينهم أحد عشر وزيرا في 2015 بثمان مستشفيات";
    const tokens = tokenize(text);
    const read: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      const found = readNumberAt(text, tokens, i);
      if (found === null) i++;
      else {
        read.push(`${tokens[i]!.norm}..${tokens[found.end - 1]!.norm} = ${found.value}`);
        i = found.end;
      }
    }
    expect(read).toEqual(["ثلاثه..الاف = 3000", "و3..ملايين = 3000000", "احد..عشر = 11", "بثمان..بثمان = 8"]);
    expect(read.map((r) => Number(r.split(" = ")[1]))).toEqual(findNumbers(text).map((m) => m.value));
  });
});
