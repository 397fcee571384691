import { describe, expect, it } from "vitest";
import { cpuMsOf } from "../../../test/fixtures/cpu-time.ts";
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
      why: "the Arabic comma is a decimal point before one or two digits (almadina's 322\u060c8), thousands before three",
      text: "لتصل إلى 322\u060c8 مليار ريال، و1\u060c22 مليار دولار، و375\u060c526 ألف ريال",
      want: [
        "322\u060c8 مليار = 322800000000",
        "1\u060c22 مليار = 1220000000",
        "375\u060c526 ألف = 375526000",
      ],
    },
    {
      why: "Arabic-Indic digits with \u066b ARABIC DECIMAL SEPARATOR and \u066c ARABIC THOUSANDS SEPARATOR",
      text: "بلغ \u0663\u0662\u0662\u066b\u0668 مليار، و\u0663\u066c\u0665\u0660\u0660 ألف",
      want: [
        "\u0663\u0662\u0662\u066b\u0668 مليار = 322800000000",
        "\u0663\u066c\u0665\u0660\u0660 ألف = 3500000",
      ],
    },
    {
      why: "every thousands group, then a decimal part: a dot after comma groups, a comma after dot groups",
      text: "عند 7,213.45 مليون، و1,205.9 مليار، و1.234,5 ألف، و2.500.000 ألف",
      want: [
        "7,213.45 مليون = 7213450000",
        "1,205.9 مليار = 1205900000000",
        "1.234,5 ألف = 1234500",
        "2.500.000 ألف = 2500000000",
      ],
    },
    {
      why: "a figure that does not group as thousands is no number: a head of four digits, a group of four or of two",
      text: "بلغ 1234,567 مليون، و1,2345 مليون، و1,234,56 مليون",
      want: [],
    },
    {
      why: "Latin letters run into digits are a name or a code, not a glued preposition; Arabic ones are",
      text: "أصاب COVID19 مليون شخص، وصدر version2 مليون مرة، وبلغت بقيمة7 مليون",
      want: ["7 مليون = 7000000"],
    },
    {
      why: "one dot or a comma before one or two digits is a decimal point; a dot before three too (3.500 = 3.5)",
      text: "بين 3.500 مليار، و1,5 مليون، و3.5 مليون، و1,500 مليون",
      want: [
        "3.500 مليار = 3500000000",
        "1,5 مليون = 1500000",
        "3.5 مليون = 3500000",
        "1,500 مليون = 1500000000",
      ],
    },
    {
      why: "a figure of a million or more before مليون is the count, the scale word its order; before ألف it is thousands",
      text: "مقارنة بـ(5.969.428) مليون مسافر بكلفة 665,932,983 مليون ريال و13,809,879 ألف وسكانها ( 1800000 مليون وثمانمائة ألف نسمة)",
      want: [
        "(5.969.428) مليون = 5969428",
        "665,932,983 مليون = 665932983",
        "13,809,879 ألف = 13809879000",
        "1800000 مليون وثمانمائة ألف = 1800000",
      ],
    },
    {
      why: "\u0631 REH as a decimal point, the fraction written first (wire copy): 5\u063132 is 32.5",
      text: "مقابل 5\u063132 مليون جنيه، وأنتجت 333\u063110 مليون برميل يوميا",
      want: ["5\u063132 مليون = 32500000", "333\u063110 مليون = 10333000"],
    },
    {
      why: "a word run into the digits without a space: the article, a preposition, a noun",
      text: "يفوق الـ90 مليون ريال ومن5.3 مليارات وبقيمة7.2 مليون",
      want: ["90 مليون = 90000000", "5.3 مليارات = 5300000000", "7.2 مليون = 7200000"],
    },
    {
      why: "digits and separators that are no one figure give no number, nor does their tail: a version, a list, a typo",
      text: "الإصدار 1.2.3 مليون وقيمة 19.596.739.84 مليون و542.963,440 مليون و10,20,30 ألف",
      want: [],
    },
    {
      why: "a list with spaces after the Arabic comma is numbers apart; dates, times, scores, phones are digits alone",
      text: "1\u060c 2\u060c 3 ملايين في 2015/08/06 الساعة 10:30 بنتيجة 2-1 على 0501234567 بقيمة 19.589.137 ريالا",
      want: ["3 ملايين = 3000000"],
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
      text: "بين ثلاثة وأربعة أشخاص، وعشرين وثلاثين",
      want: ["ثلاثة = 3", "أربعة = 4", "عشرين = 20", "ثلاثين = 30"],
    },
    {
      why: "a range's low end written in words takes the high end's scale: between four and eight million",
      text: "ما بين أربعة وثمانية ملايين شخص، وبين اثني عشر إلى ستة عشر مليون نسمة",
      want: ["أربعة = 4000000", "ثمانية ملايين = 8000000", "اثني عشر = 12000000", "ستة عشر مليون = 16000000"],
    },
    {
      why: "a range's low end in digits alone is a number with the high end's scale: after بين with و, من/بين with إلى, or a dash",
      text: "بين 100 و150 مليار دولار، ومن 5 إلى 7 ملايين، وتراوح 30-40 مليون برميل (1.5 \u2013 4.5 مليون دولار)",
      want: [
        "100 = 100000000000",
        "150 مليار = 150000000000",
        "5 = 5000000",
        "7 ملايين = 7000000",
        "30 = 30000000",
        "40 مليون = 40000000",
        "1.5 = 1500000",
        "4.5 مليون = 4500000",
      ],
    },
    {
      why: "no range's low end: one with its own scale, a larger figure, a year, a number joined by و without بين, a dash apart",
      text: "بين مليوني وثلاثة ملايين، ارتفع من 20 إلى 6 آلاف، من 2015 إلى 2,650 مليون، 40 و5 ملايين، 50 مليون شيقل -15 مليون دولار",
      want: [
        "مليوني = 2000000",
        "ثلاثة ملايين = 3000000",
        "6 آلاف = 6000",
        "2,650 مليون = 2650000000",
        "5 ملايين = 5000000",
        "50 مليون = 50000000",
        "15 مليون = 15000000",
      ],
    },
    {
      why: "a numbered list item before a dash is no range's low end: 1- and 2- at the start and after a comma",
      text: "1- 500 ألف ريال للفائز الأول، 2- 300 ألف ريال",
      want: ["500 ألف = 500000", "300 ألف = 300000"],
    },
    {
      why: "an article's number before a dash is no range's low end",
      text: "المادة 12 - 20 ألف ريال غرامة",
      want: ["20 ألف = 20000"],
    },
    {
      why: "a page number before a dash is no range's low end",
      text: "ص 12-300 ألف",
      want: ["300 ألف = 300000"],
    },
    {
      why: "a rank before a dash is no range's low end",
      text: "حصل على المركز 2 - 3 ملايين ريال",
      want: ["3 ملايين = 3000000"],
    },
    {
      why: "a Hijri year before a dash is no range's low end",
      text: "في عام 1436 - 2000 مليون",
      want: ["2000 مليون = 2000000000"],
    },
    {
      why: "a figure far below the high end after a dash is no range's low end",
      text: "شارك فيه 3 - 500 ألف شخص",
      want: ["500 ألف = 500000"],
    },
    {
      why: "a minus word before a counted noun is short of: three players short is three",
      text: "بقي الفريق ناقص ثلاثة لاعبين",
      want: ["ثلاثة = 3"],
    },
    {
      why: "a minus word before minutes is a clock time: five to two is five",
      text: "الساعة الثانية ناقص خمس دقائق",
      want: ["خمس = 5"],
    },
    {
      why: "a minus word before a unit of measure makes the number negative",
      text: "سجلت الحرارة ناقص خمس درجات",
      want: ["ناقص خمس = -5"],
    },
    {
      why: "ten and twenty joined by و after بين are a range's two ends, not thirty",
      text: "بين عشرة وعشرين ألف",
      want: ["عشرة = 10000", "عشرين ألف = 20000"],
    },
    {
      why: "digits after و after a million are no units of it: between three and four million is not 3000004",
      text: "بين 3 ملايين و4",
      want: ["3 ملايين = 3000000"],
    },
    {
      why: "a minus word before a number makes it negative, with the word in the mention (a balance, a root of minus one)",
      text: "الفائض ناقص 18.8 مليار يورو، والجذر التربيعي للعدد سالب واحد، وناقص ثلاثة آلاف",
      want: ["ناقص 18.8 مليار = -18800000000", "سالب واحد = -1", "ناقص ثلاثة آلاف = -3000"],
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
      text: "يوم الاثنين ارتفع 4 في المائة في الدورة الحادية عشرة، وأثنى وأحد المواطنين، لست أول من قال، آلاف الأشخاص، نصف الطلاب، 27 شخصا، الإصدار 1.2.3 مليون",
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
    expect(cpuMsOf(() => findNumbers(text))).toBeLessThan(2_000);
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
