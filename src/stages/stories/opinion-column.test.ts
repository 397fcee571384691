import { describe, expect, it } from "vitest";
import { hasContactClosing, isOpinionColumn, isOpinionOpening, isReportOpening } from "./opinion-column.ts";

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
      why: "a dateline and its dash do not count as words",
      text: "الرياض - واس أعربت الوزارة عن إدانتها للهجوم",
      report: true,
    },
    {
      why: "the verb written without its hamza, after a waw",
      text: "واكد المتحدث الرسمي أن الحادث قيد التحقيق",
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
      why: "a reporting verb past the first five words is no report opening",
      text: "في بيوت الله التي يذكر فيها اسمه قال تعالى",
      report: false,
    },
  ])("$why", ({ text, report }) => {
    expect(isReportOpening(text)).toBe(report);
  });
});
