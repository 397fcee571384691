import { describe, expect, it } from "vitest";
import {
  attributionPrefixOf,
  hasMediaHeadlinePrefix,
  isWireDatelineLine,
  isWirePart,
  splitLeadDateline,
  stripSyndicationMarks,
  stripWireDeskPrefix,
  stripWireHeadlineMarks,
  wirePartNumber,
} from "./strip-syndication-marks.ts";

describe("attributionPrefixOf", () => {
  it.each([
    ["أمير جازان : تفجير مسجد قوات الطوارئ بعسير عمل إرهابي غادر", "أمير جازان"],
    ["العراق: العبادي يقرر إلغاء مناصب نواب الرئيس", "العراق"],
    ["«الطيران المدني» : تأجيل وتحويل بعض الرحلات", "«الطيران المدني»"],
    ["عام / الجبير: الأسد فقد شرعيته", "الجبير"],
    ["أمين عسير يزور رجال الأمن المصابين في حادث تفجير مسجد قوة الطوارئ", null],
    ["رئيس هيئة الطيران المدني في المملكة يعلن: تأجيل الرحلات", null],
    ["الهلال يفوز 2:1 على النصر", null],
    ["الاجتماع الساعة 10:30 صباحا", null],
    ["موعد المباراة ١٠:٣٠ مساء", null],
  ])("%s -> %s", (title, prefix) => {
    expect(attributionPrefixOf(title)).toBe(prefix);
  });
});

describe("splitLeadDateline", () => {
  it.each([
    ["واس- جدة: التقى الأمير الوزير", { dateline: "واس- جدة", rest: "التقى الأمير الوزير" }],
    ["عين اليوم – واس", { dateline: "عين اليوم – واس", rest: "" }],
    ["أعلنت الوزارة اليوم: تبدأ الدراسة الأحد", null],
    ["التقى الأمير الوزير في جدة اليوم", null],
  ])("%s", (line, expected) => {
    expect(splitLeadDateline(line)).toEqual(expected);
  });
});

describe("isWireDatelineLine", () => {
  it("knows SPA's dateline line and nothing else", () => {
    expect(isWireDatelineLine("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس")).toBe(true);
    expect(isWireDatelineLine("الأحساء25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس")).toBe(true);
    expect(isWireDatelineLine("ينبع26 شوال 1436هـ الموافق 011 أغسطس 2015 م واس")).toBe(true);
    expect(isWireDatelineLine("الرياض - واس")).toBe(false);
  });
});

describe("isWirePart", () => {
  it.each([
    ["عام / مجلس الوزراء يعقد جلسته إضافة رابعة", true],
    ["سياسي / الوزير يستقبل نظيره / إضافة أولى واخيرة", true],
    ["عام / مجلس الوزراء يعقد جلسته", false],
    ["المهنا: اللاعب سيكون خير إضافة لنا", false],
  ])("%s -> %s", (title, part) => {
    expect(isWirePart(title)).toBe(part);
  });

  it("knows a part by the mark opening its text when its title carries none", () => {
    const title = "عام / مجلس الوزراء يعقد جلسته";
    expect(isWirePart(title, "إضافة خامسة وأخيرة\n3 - تعيين مدير عام")).toBe(true);
    expect(isWirePart(title, "جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس\nرأس ولي العهد الجلسة")).toBe(
      false,
    );
    expect(isWirePart(title, "إضافة فئات عمرية جديدة إلى البرنامج")).toBe(false);
  });
});

describe("wirePartNumber", () => {
  it.each([
    ["the fourth part", "عام / مجلس الوزراء يعقد جلسته إضافة رابعة", "", 4],
    ["a first and last part is the first", "سياسي / الوزير يستقبل نظيره / إضافة أولى واخيرة", "", 1],
    ["a third and last part is the third", "عام / بدء قيد الناخبين / إضافة ثالثة واخيرة", "", 3],
    [
      "the mark opening the text when the title has none",
      "عام / مجلس الوزراء يعقد جلسته",
      "إضافة خامسة وأخيرة\n3 - تعيين",
      5,
    ],
    [
      "a release's first part is no part",
      "عام / مجلس الوزراء يعقد جلسته",
      "جدة واس\nرأس ولي العهد الجلسة",
      null,
    ],
    ["إضافة as a word of the headline is no part", "المهنا: اللاعب سيكون خير إضافة لنا", "", null],
  ])("%s", (_why, title, text, part) => {
    expect(wirePartNumber(title, text)).toBe(part);
  });
});

describe("stripWireHeadlineMarks", () => {
  const rows: { title: string; expected: string; why: string }[] = [
    { title: "عام / الوزير يفتتح المعرض", expected: "الوزير يفتتح المعرض", why: "a wire desk section" },
    { title: "اقتصادي/ ارتفاع أسعار النفط", expected: "ارتفاع أسعار النفط", why: "a desk without a space" },
    {
      title: "عام / مجلس الوزراء يعقد جلسته إضافة ثانية",
      expected: "مجلس الوزراء يعقد جلسته",
      why: "a desk and a numbered part",
    },
    {
      title: "سياسي / الوزير يستقبل نظيره / إضافة أولى واخيرة",
      expected: "الوزير يستقبل نظيره",
      why: "a first-and-last part after a slash",
    },
    {
      title: "المهنا: اللاعب سيكون خير إضافة لنا",
      expected: "المهنا: اللاعب سيكون خير إضافة لنا",
      why: "إضافة as a word",
    },
    { title: "إضافة فئات عمرية جديدة", expected: "إضافة فئات عمرية جديدة", why: "إضافة opening a headline" },
    {
      title: "دولة إسلامية بمباركة تركية / أميركية",
      expected: "دولة إسلامية بمباركة تركية / أميركية",
      why: "a slash inside",
    },
    { title: "عامر / يوقع عقده", expected: "عامر / يوقع عقده", why: "a name that starts like a desk" },
    { title: "عام /", expected: "عام /", why: "nothing but a desk is kept whole" },
  ];
  for (const row of rows) {
    it(`handles ${row.why}`, () => {
      expect(stripWireHeadlineMarks(row.title)).toBe(row.expected);
    });
  }
});

describe("hasMediaHeadlinePrefix", () => {
  it.each([
    { title: "بالفيديو.. مواطن يوقف عروضا كوميدية", media: true, why: "a video, marker then dots" },
    { title: "بالفيديو - إمام المسجد يروي تفاصيل الحادث", media: true, why: "a video, marker then a dash" },
    { title: "بالصور..فعاليات العيد بمكة", media: true, why: "a gallery, no space after the dots" },
    { title: "بالفيديو والصور: افتتاح القناة", media: true, why: "both media" },
    { title: "شاهد.. أرجنتيني يذهل مارادونا", media: true, why: "'watch'" },
    { title: "فيديو | لحظة الانفجار", media: true, why: "a bare medium and a bar" },
    { title: "إنفوجرافيك: الميزانية في أرقام", media: true, why: "an infographic" },
    { title: "بالصور // فعاليات العيد في الباحة", media: true, why: "a gallery, slashes" },
    { title: "بالفيديو ـ لحظة الانفجار", media: true, why: "a video, a tatweel as the dash" },
    { title: "صور: آثار السيول في جازان", media: true, why: "bare 'pictures' and a colon" },
    { title: "صور - غارة إسرائيلية على الجنوب", media: false, why: "Tyre's dateline, not a gallery" },
    { title: "صور تظهر حجم الدمار في المدينة", media: false, why: "'pictures show': a headline" },
    { title: "شاهد عيان يروي لحظات الهجوم", media: false, why: "'an eyewitness': a headline" },
    { title: "الهلال يصل إلى لندن", media: false, why: "no marker" },
  ])("$why", ({ title, media }) => {
    expect(hasMediaHeadlinePrefix(title)).toBe(media);
  });
});

describe("stripSyndicationMarks", () => {
  it("drops a dateline prefix, agency tags and the end mark, keeping the story lines", () => {
    expect(stripSyndicationMarks("الرياض - واس:\nقال الوزير (واس) إن الخطة تبدأ\n// انتهى //")).toBe(
      "قال الوزير   إن الخطة تبدأ",
    );
  });
});

describe("stripWireDeskPrefix", () => {
  it.each([
    ["a desk section goes", "اقتصادي / الأسهم تغلق مرتفعة", "الأسهم تغلق مرتفعة"],
    [
      "a part mark stays: it tells the parts of one release apart",
      "عام / مجلس الوزراء يعقد جلسته إضافة ثانية",
      "مجلس الوزراء يعقد جلسته إضافة ثانية",
    ],
    ["a name that starts like a desk stays", "عامر / يوقع عقده", "عامر / يوقع عقده"],
    ["nothing but a desk is kept whole", "عام /", "عام /"],
  ])("%s", (_why, title, expected) => {
    expect(stripWireDeskPrefix(title)).toBe(expected);
  });
});
