import { describe, expect, it } from "vitest";
import {
  hasContactClosing,
  hasWriterArchiveList,
  isOpinionColumn,
  isOpinionOpening,
  isReportOpening,
  toFeminineVerb,
} from "./opinion-column.ts";

describe("isOpinionOpening", () => {
  it.each([
    {
      why: "the writer in the first person in the first sentence",
      text: "لست ممن يسافرون في مواسم الأعياد لأسباب كثيرة",
      opinion: true,
    },
    {
      why: "a first-person verb with its hamza",
      text: "أبدأ بالدعاء لله أن يتغمد الشهداء برحمته",
      opinion: true,
    },
    {
      why: "tashkeel does not hide the word",
      text: "العصامي فيما أَرى هو من يودع الحياة بأفضل مما استقبلها",
      opinion: true,
    },
    {
      why: "a news lead reports others",
      text: "أكد وزير الصحة أن المستشفى الجديد يفتح أبوابه الأسبوع المقبل",
      opinion: false,
    },
    {
      why: "a first person after a reporting verb is quoted speech",
      text: "قال المدرب: أنا راض عن أداء اللاعبين",
      opinion: false,
    },
    {
      why: "a first person inside guillemets is quoted speech",
      text: "رفع اللاعب شعار «أنا قادم» في المؤتمر الصحفي",
      opinion: false,
    },
    {
      why: "okaz's share line (the bare imperative) is no first person",
      text: "شارك من خلال تويتر فيسبوك اكتب رأيك أغلقت صحة عسير أربعة مجمعات",
      opinion: false,
    },
    {
      why: "a first person past the opening is not read",
      text: `${"كلمة ".repeat(70)}أعتقد`,
      opinion: false,
    },
  ])("$why", ({ text, opinion }) => {
    expect(isOpinionOpening(text)).toBe(opinion);
  });
});

describe("hasContactClosing", () => {
  it.each([
    {
      why: "a columnist's e-mail address as the last word",
      text: "فكرة المصالحة فاشلة.\n\nname@example.com",
      contact: true,
    },
    { why: "a handle as the last word", text: "قالت إذن لا تسأل!\nتويتر\n@writer_handle", contact: true },
    {
      why: "a readers' SMS footer",
      text: "ثم نص الرسالة إلى 88591 - Stc 635031 - Mobily 737221 - Zain",
      contact: true,
    },
    {
      why: "an SMS footer with the carriers in Arabic",
      text: "636250 موبايلي، 738303 زين تبدأ بالرمز 122 مسافة ثم الرسالة",
      contact: true,
    },
    {
      why: "a ministry's address inside the closing sentence",
      text: "أو التواصل عبر البريد الإلكتروني (992@gdp.gov.sa).",
      contact: false,
    },
    { why: "a news report's closing", text: "وأوضح أن العمل سيستمر حتى نهاية الشهر الجاري", contact: false },
  ])("$why", ({ text, contact }) => {
    expect(hasContactClosing(text)).toBe(contact);
  });

  it("makes the text a column whatever its opening", () => {
    expect(isOpinionColumn("يتساءل الكثيرون عن السبب.\nname@example.com")).toBe(true);
    expect(isOpinionColumn("يتساءل الكثيرون عن السبب.")).toBe(false);
  });
});

describe("hasWriterArchiveList", () => {
  it.each([
    {
      why: "the page's list of the writer's other pieces after the text (titles run on)",
      text: "رغم الحملة المضادة للاتفاق أصر الرئيس على الالتزام به. مقالات أخرى للكاتبعنوان أولعنوان ثان",
      list: true,
    },
    { why: "a report naming other articles", text: "نشرت الصحيفة مقالات أخرى حول الموضوع", list: false },
    { why: "a news report's closing", text: "وأوضح أن العمل سيستمر حتى نهاية الشهر الجاري", list: false },
  ])("$why", ({ text, list }) => {
    expect(hasWriterArchiveList(text)).toBe(list);
  });

  it("makes the text a column whatever its opening", () => {
    expect(isOpinionColumn("رغم الحملة المضادة للاتفاق أصر الرئيس عليه. مقالات أخرى للكاتبعنوان")).toBe(true);
  });
});

describe("isReportOpening", () => {
  it.each([
    {
      why: "a condemnation opens with its verb",
      text: "استنكر الرئيس العام لشؤون المسجد الحرام والمسجد النبوي العمل الإجرامي",
      report: true,
    },
    {
      why: "a correspondent's name before the verb, tashkeel on it",
      text: "سلمان العُمري أكَّد المستشار والباحث في الشؤون الإسلامية أن الأعمال الإجرامية",
      report: true,
    },
    {
      why: "a dateline's dashes do not count as words (the verb is the sixth token, the fourth word)",
      text: "مكة المكرمة - واس - أكد الأمير خالد الفيصل",
      report: true,
    },
    {
      why: "a reporting verb as the fifth word",
      text: "في بيوت الله التي قال",
      report: true,
    },
    {
      why: "a reporting verb as the sixth word is past the opening",
      text: "في بيوت الله التي يذكر قال",
      report: false,
    },
    {
      why: "the verb written without its hamza, after a waw",
      text: "واكد المتحدث الرسمي أن الحادث قيد التحقيق",
      report: true,
    },
    {
      why: "the verb after a feh proclitic",
      text: "فأكد المتحدث الرسمي أن الحادث قيد التحقيق",
      report: true,
    },
    {
      why: "قال after a feh proclitic, a verb of three letters like دان",
      text: "صرح الوزير قبل أيام فقال إن العمل مستمر",
      report: true,
    },
    {
      why: "the feddan is a land measure, not feh + دان (condemned)",
      text: "بدأت زراعة خمسمائة فدان من القمح في الوادي",
      report: false,
    },
    {
      why: "دان after a waw proclitic is still the verb (and condemned)",
      text: "ودان عميد الجالية الحادث الإجرامي",
      report: true,
    },
    {
      why: "the verb written with a hamza below (any alef seat folds)",
      text: "إستنكر عميد الجالية اليمنية الحادث الإجرامي",
      report: true,
    },
    {
      why: "the feminine of a verb ending in alef maksura is built on its stem (نفى -> نفت)",
      text: "نفت وزارة الداخلية الكويتية الأنباء المتداولة",
      report: true,
    },
    {
      why: "alef maksura written as yeh",
      text: "نفي المتحدث الرسمي لوزارة الداخلية ما تردد",
      report: true,
    },
    {
      why: "a tatweel inside the verb",
      text: "أكـــد المتحدث الرسمي أن الحادث قيد التحقيق",
      report: true,
    },
    {
      why: "a closing quote after the verb",
      text: "أكد» المتحدث الرسمي أن الحادث قيد التحقيق",
      report: true,
    },
    {
      why: "a colon after the verb",
      text: "المتحدث الأمني قال: إن الحادث قيد التحقيق",
      report: true,
    },
    {
      why: "a long dateline, then bidi marks (RLM, RLE) before the verb, as sabq writes it",
      text: "محمد الزهراني- سبق- عسير: \u200f\u202bاستنكر فرع وزارة الشؤون الإسلامية الحادث",
      report: true,
    },
    {
      why: "the verb in Arabic presentation forms (\u0643\u0634\u0641\u062a \u0645\u0635\u0627\u062f\u0631 \u0645\u0637\u0644\u0639\u0629)",
      text: "\ufedb\ufeb8\ufed4\ufe96 \ufee3\ufebc\ufe8e\ufea9\ufead \ufee3\ufec4\ufee0\ufecc\ufe94 \u0641\u064a \u0639\u062f\u0646",
      report: true,
    },
    {
      why: "a column opens with its argument",
      text: "ظل ولايزال المواطن رمزا في ولائه وانتمائه لوطنه السعودي الأبي",
      report: false,
    },
    {
      why: "a first-person column",
      text: "نردد أن الحرب على الإرهاب طويلة وأننا سنواصل هذه الحرب",
      report: false,
    },
    {
      why: "a column quoting the Quran",
      text: "قال تعالى ( ومن أظلم ممن منع مساجد الله أن يذكر فيها اسمه",
      report: false,
    },
    {
      why: "a column quoting God by name",
      text: "قال الله سبحانه وتعالى: {فإن أعرضوا فما أرسلناك عليهم حفيظا}",
      report: false,
    },
    {
      why: "a column quoting a friend (feminine)",
      text: "الفضة قالت لي صديقتي الصغيرة والجميلة (بدرية): والدي رجل أنيق",
      report: false,
    },
    {
      why: "a column quoting what it was told",
      text: "وقال لنا أحد الأصدقاء إن السفر متعب",
      report: false,
    },
    {
      why: "a quote as the fifth word: the word after it is read too",
      text: "في بيوت الله التي قال تعالى فيها",
      report: false,
    },
    {
      why: "a quote opens the column: a reporting verb inside it makes no report",
      text: "قال لي صديق أكد له طبيبه أن السفر متعب",
      report: false,
    },
    {
      why: "a poet reported in the news is still a report",
      text: "قال الشاعر السعودي تركي المشيقح إن للأمسيات الشعرية فضلا كبيرا عليه",
      report: true,
    },
    {
      why: "a correspondent, the outlet and a two-word city before a colon: the verb is read after the dateline",
      text: "حاتم العميري - سبق - مكة المكرمة: أدان وزير الخارجية الجريمة الإرهابية",
      report: true,
    },
    {
      why: "after the dateline's colon the verb must come within five words, as at the start",
      text: "حاتم العميري - سبق - مكة المكرمة: في بيوت الله التي نذكرها أكد",
      report: false,
    },
    {
      why: "a colon past the eighth word is no dateline",
      text: "في بيوت الله التي نعرفها منذ الصغر ونحبها كثيرا: أكد الإمام",
      report: false,
    },
  ])("$why", ({ text, report }) => {
    expect(isReportOpening(text)).toBe(report);
  });
});

describe("toFeminineVerb", () => {
  it.each([
    { why: "a verb ending in a consonant takes teh", verb: "قال", feminine: "قالت" },
    { why: "a hollow verb keeps its alef", verb: "دان", feminine: "دانت" },
    { why: "a final alef maksura (folded to yeh) gives way to teh", verb: "نفي", feminine: "نفت" },
  ])("$why", ({ verb, feminine }) => {
    expect(toFeminineVerb(verb)).toBe(feminine);
  });
});
