import { describe, expect, it } from "vitest";
import { cpuMsOf } from "../../../test/fixtures/cpu-time.ts";
import { findDates, futureVerb } from "./find-dates.ts";

/** Friday 7 August 2015, 09:00 UTC (12:00 in Riyadh); 22 Shawwal 1436 in Umm al-Qura. */
const FRIDAY = new Date("2015-08-07T09:00:00Z");

/** "text → first..last granularity" for each date found. */
const read = (text: string, published = FRIDAY, utcOffsetMinutes?: number) =>
  findDates(text, published, { utcOffsetMinutes }).map(
    (d) => `${d.text} → ${d.first === d.last ? d.first : `${d.first}..${d.last}`} ${d.granularity}`,
  );

describe("findDates", () => {
  const rows: { why: string; text: string; want: string[] }[] = [
    {
      why: "day words resolve against the publish date",
      text: "أعلنت الوزارة أمس أن الاجتماع سيعقد غداً بعد لقاء اليوم",
      want: ["أمس → 2015-08-06 day", "غداً → 2015-08-08 day", "اليوم → 2015-08-07 day"],
    },
    {
      why: "the day before yesterday and the day after tomorrow, a time of day, and a weekday that agrees",
      text: "وقع الحادث أول من أمس، وتوفي مساء أمس الخميس، ويدفن بعد غد",
      want: ["أول من أمس → 2015-08-05 day", "مساء أمس الخميس → 2015-08-06 day", "بعد غد → 2015-08-09 day"],
    },
    {
      why: "a weekday is the nearest one; الماضي and المقبل choose the side",
      text: "وصل الخميس وغادر يوم الأحد الماضي ويعود الاثنين المقبل",
      want: [
        "الخميس → 2015-08-06 day",
        "يوم الأحد الماضي → 2015-08-02 day",
        "الاثنين المقبل → 2015-08-10 day",
      ],
    },
    {
      why: "a written date with and without a year, a weekday in front, and Levantine and double month names",
      text: "افتتحت القناة الخميس 6 أغسطس 2015 وتنتهي المهلة في السادس من آب/أغسطس، وقد بدأت في 3 كانون الثاني",
      want: [
        "الخميس 6 أغسطس 2015 → 2015-08-06 day",
        "السادس من آب/أغسطس → 2015-08-06 day",
        "3 كانون الثاني → 2016-01-03 day",
      ],
    },
    {
      why: "compound ordinals of a day",
      text: "في الحادي عشر من سبتمبر وفي الخامس والعشرين من يوليو",
      want: ["الحادي عشر من سبتمبر → 2015-09-11 day", "الخامس والعشرين من يوليو → 2015-07-25 day"],
    },
    {
      why: "Hijri dates read in Umm al-Qura, with the year marked هـ (joined or apart)",
      text: "الموافق 21 شوال 1436هـ، وفي 1 رمضان 1436 هـ، والمدة حتى 10 ذو الحجة، وتأسست في 16 رمضان عام 1395هـ",
      want: [
        "21 شوال 1436هـ → 2015-08-06 day",
        "1 رمضان 1436 هـ → 2015-06-18 day",
        "10 ذو الحجة → 2015-09-23 day",
        "16 رمضان عام 1395هـ → 1975-09-22 day",
      ],
    },
    {
      why: "numeric dates: year first, day first, and Hijri",
      text: "بتاريخ 2015/8/6 وفي 06-08-2015 وفي 21/10/1436هـ",
      want: ["2015/8/6 → 2015-08-06 day", "06-08-2015 → 2015-08-06 day", "21/10/1436هـ → 2015-08-06 day"],
    },
    {
      why: "months, weeks and years, written or against the publish date",
      text: "في أغسطس 2014 وفي يوليو الماضي وشهر رمضان والأسبوع المقبل والعام الماضي وعام 2011",
      want: [
        "أغسطس 2014 → 2014-08-01..2014-08-31 month",
        "يوليو الماضي → 2015-07-01..2015-07-31 month",
        "شهر رمضان → 2015-06-18..2015-07-16 month",
        "الأسبوع المقبل → 2015-08-08..2015-08-14 week",
        "العام الماضي → 2014-01-01..2014-12-31 year",
        "عام 2011 → 2011-01-01..2011-12-31 year",
      ],
    },
    {
      why: "a month named in its own month with الماضي is last year's",
      text: "منذ أغسطس الماضي",
      want: ["أغسطس الماضي → 2014-08-01..2014-08-31 month"],
    },
    {
      why: "named days, the one and the two, zero, and a bare month are no dates",
      text: "احتفل باليوم الوطني، وذلك اليوم، وقال الأحد منهم إن الاثنين فازا بنتيجة 1 صفر، ومارس الرياضة",
      want: [],
    },
    {
      why: "أمس الأول is the day before yesterday; a day in brackets keeps its bracket and its year",
      text: "توفي مساء أمس الأول، والمعرض بين 15 و17 من شباط (فبراير) 2015",
      want: ["مساء أمس الأول → 2015-08-05 day", "17 من شباط (فبراير) 2015 → 2015-02-17 day"],
    },
    {
      why: "a season over two years, Gregorian or Hijri",
      text: "في العام الدراسي الماضي وفي العام 1435/1436هـ وموسم عام 2014/2015",
      want: [
        "العام 1435/1436هـ → 2013-11-04..2015-10-13 year",
        "عام 2014/2015 → 2014-01-01..2015-12-31 year",
      ],
    },
    {
      why: "a weekday opens a numeric date; a year like 1436 is Hijri without its mark",
      text: "ابتداءً من يوم الثلاثاء 26/10/1436هـ حتى 4/11/1436",
      want: ["يوم الثلاثاء 26/10/1436هـ → 2015-08-11 day", "4/11/1436 → 2015-08-19 day"],
    },
    {
      why: "a day or month with المقبل or الماضي is the next or last one, also after a bracketed second name",
      text: "بين 18 و22 أكتوبر المقبل، وفي 29 يونيو (حزيران) الماضي، وفي أبريل (نيسان) الماضي، وفي 10 أغسطس الماضي",
      want: [
        "22 أكتوبر المقبل → 2015-10-22 day",
        "29 يونيو (حزيران) الماضي → 2015-06-29 day",
        "أبريل (نيسان) الماضي → 2015-04-01..2015-04-30 month",
        "10 أغسطس الماضي → 2014-08-10 day",
      ],
    },
    {
      why: "البارحة الأولى is the day before yesterday; a side word after two weekdays holds for both",
      text: "عقدت الورشة البارحة الأولى، وعرضت المسرحية يومي الأربعاء والخميس الماضيين",
      want: [
        "البارحة الأولى → 2015-08-05 day",
        "الأربعاء → 2015-08-05 day",
        "الخميس الماضيين → 2015-08-06 day",
      ],
    },
    {
      why: "an ordinal day of a month named with شهر, after a weekday",
      text: "يوم الأربعاء الرابع من شهر ذي القعدة 1436هـ",
      want: ["يوم الأربعاء الرابع من شهر ذي القعدة 1436هـ → 2015-08-19 day"],
    },
    {
      why: "a paper named اليوم is no day, nor is one day (اليوم الواحد)",
      text: "ذكرت صحيفة اليوم أن المدة لا تتجاوز اليوم الواحد",
      want: [],
    },
    {
      why: "a weekday after a given name is a family name; لامس is a verb; روسيا اليوم is a channel",
      text: "أكد إبراهيم الخميس أن السعر لامس 45 دولاراً بحسب روسيا اليوم",
      want: [],
    },
    {
      why: "a bare weekday up to four days back is the past one",
      text: "نشرت الدائرة مساء الاثنين تقريراً",
      want: ["مساء الاثنين → 2015-08-03 day"],
    },
    {
      why: "in a clause about the future a bare weekday is the coming one, yesterday excepted (pages are stamped late)",
      text: "وقالت إن الوزيرة سوف تزور طهران الثلاثاء، وسيبدأ يوم الأربعاء تحليل القطعة، وسيلقي خطابا يوم الخميس",
      want: ["الثلاثاء → 2015-08-11 day", "يوم الأربعاء → 2015-08-12 day", "يوم الخميس → 2015-08-06 day"],
    },
    {
      why: "كان من المقرر, a sentence break and a place name that looks like a verb leave a bare weekday in the past",
      text: "وكان من المقرر أن يبدأ المعرض يوم الثلاثاء. سيعقد المجلس جلسة. ويوم الثلاثاء قتل جندي في شمال سيناء يوم الأربعاء",
      want: [
        "يوم الثلاثاء → 2015-08-04 day",
        "يوم الثلاثاء → 2015-08-04 day",
        "يوم الأربعاء → 2015-08-05 day",
      ],
    },
    {
      why: "short future verbs count; سنوياً and المقرر الخاص (a rapporteur) do not",
      text: "سيتم افتتاح المعرض يوم الثلاثاء. يقام المهرجان سنويا وافتتح الثلاثاء. قال المقرر الخاص يوم الثلاثاء",
      want: ["يوم الثلاثاء → 2015-08-11 day", "الثلاثاء → 2015-08-04 day", "يوم الثلاثاء → 2015-08-04 day"],
    },
    {
      why: "a time counted back: the day, the week, the month or the year it names",
      text: "زار الأردن قبل يومين، ووقع قبل 3 أيام، وبدأ قبل أسبوعين، ووصل قبل شهر، وتأسس منذ ثلاث سنوات",
      want: [
        "قبل يومين → 2015-08-05 day",
        "قبل 3 أيام → 2015-08-04 day",
        "قبل أسبوعين → 2015-07-18..2015-07-24 week",
        "قبل شهر → 2015-07-01..2015-07-31 month",
        "منذ ثلاث سنوات → 2012-01-01..2012-12-31 year",
      ],
    },
    {
      why: "not counted back: from another day, without a count, or before a named day, year or month",
      text: "قبل يومين من الانتخابات وقبل أيام وقبل يوم الخميس وقبل شهر رمضان ومنذ عام 2015م",
      want: [
        "يوم الخميس → 2015-08-06 day",
        "شهر رمضان → 2015-06-18..2015-07-16 month",
        "عام 2015م → 2015-01-01..2015-12-31 year",
      ],
    },
    {
      why: "words that go with the count, and what it is counted from; a named day after يوم",
      text: "قبل يوم واحد من العملية، وقبل عام تقريبا من الموعد، وقبل عامين من الآن، وقبل يوم العيد، ووصل قبل يوم واحد فقط",
      want: ["قبل عامين → 2013-01-01..2013-12-31 year", "قبل يوم واحد فقط → 2015-08-06 day"],
    },
    {
      why: "a weekday and its side before الموافق and a written date is that date; a year after a year word may be old",
      text: "يبدأ القبول يوم الأحد القادم الموافق 17-10-1436 وفي عام 1602 رسمت الخريطة",
      want: [
        "يوم الأحد القادم الموافق 17-10-1436 → 2015-08-02 day",
        "عام 1602 → 1602-01-01..1602-12-31 year",
      ],
    },
    {
      why: "a weekday before الموافق لـ and a written date is that date",
      text: "الخميس الموافق لـ6 أغسطس ويوم الأحد الموافق لـ 9 أغسطس",
      want: ["الخميس الموافق لـ6 أغسطس → 2015-08-06 day", "يوم الأحد الموافق لـ 9 أغسطس → 2015-08-09 day"],
    },
    {
      why: "a weekday before الموافق and a written date is that date",
      text: "ويبدأ التقديم يوم الأحد الموافق 24/10/1436هـ وينتهي يوم الخميس الموافق 20 أغسطس",
      want: [
        "يوم الأحد الموافق 24/10/1436هـ → 2015-08-09 day",
        "يوم الخميس الموافق 20 أغسطس → 2015-08-20 day",
      ],
    },
    {
      why: "after منذ a day or month without a year is the last one; مساء غد is tomorrow",
      text: "أدنى مستوى منذ الثلاثين من يناير، ومنذ شهر سبتمبر، ويلعب مساء غد",
      want: [
        "الثلاثين من يناير → 2015-01-30 day",
        "شهر سبتمبر → 2014-09-01..2014-09-30 month",
        "مساء غد → 2015-08-08 day",
      ],
    },
    {
      why: "a bare month after في, خلال or مطلع is the nearest such month; after منذ the last one; alone it is no date",
      text: "ارتفع الإنتاج في يونيو، ويتوقع الزيادة مطلع أكتوبر، ولم يتغير منذ سبتمبر، ومارس الرياضة",
      want: [
        "يونيو → 2015-06-01..2015-06-30 month",
        "أكتوبر → 2015-10-01..2015-10-31 month",
        "سبتمبر → 2014-09-01..2014-09-30 month",
      ],
    },
    {
      why: "a month named twice without brackets, a year after من عام, and a month of last year; باب is no August",
      text: "منذ فبراير شباط 2010، وتستحق في يوليو من عام 2022م، وقبل سبتمبر من العام الماضي، في باب السياسة",
      want: [
        "فبراير شباط 2010 → 2010-02-01..2010-02-28 month",
        "يوليو من عام 2022م → 2022-07-01..2022-07-31 month",
        "سبتمبر من العام الماضي → 2014-09-01..2014-09-30 month",
      ],
    },
    {
      why: "an impossible date is left out",
      text: "في 31 سبتمبر وفي 30 فبراير",
      want: [],
    },
    {
      why: "after منذ a month more than half a year back is still the last one, not next year's",
      text: "تراجع منذ شهر يناير",
      want: ["شهر يناير → 2015-01-01..2015-01-31 month"],
    },
    {
      why: "a number of years after منذ is a count, not a year; a year after منذ is",
      text: "بني منذ 2000 عام، وعرف منذ ١٤٠٠ سنة، وتأسس منذ 1990",
      want: ["منذ 1990 → 1990-01-01..1990-12-31 year"],
    },
    {
      why: "a numeric date with a Gregorian year no news date has is a code, not a date",
      text: "الرقم 1/1/3333 والمرجع 5/5/1700",
      want: [],
    },
    {
      why: "two weekdays after يومي are days even when ambiguous, and the second follows the first",
      text: "تعقد الجلسات يومي الأحد والاثنين",
      want: ["الأحد → 2015-08-02 day", "الاثنين → 2015-08-03 day"],
    },
    {
      why: "a weekday that names a market, a pulpit or sermons in general is no day",
      text: "افتتح المعرض في سوق الثلاثاء الشعبي، وتحدث عن منبر الجمعة وعن موسوعة خطب الجمعة",
      want: [],
    },
    {
      why: "this year, month and week are the current ones; a year or side word after them says which",
      text: "ارتفع هذا العام، وفي هذا الشهر، لهذا الأسبوع، وفي هذا العام 2014، وخلال هذا الأسبوع المقبل",
      want: [
        "هذا العام → 2015-01-01..2015-12-31 year",
        "هذا الشهر → 2015-08-01..2015-08-31 month",
        "هذا الأسبوع → 2015-08-01..2015-08-07 week",
        "العام 2014 → 2014-01-01..2014-12-31 year",
        "الأسبوع المقبل → 2015-08-08..2015-08-14 week",
      ],
    },
    {
      why: "digits glued to a Hijri month name: the weekday before it and the date الموافق it are one day",
      text: "وتنعقد الجمعية يوم الخميس 12ذو القعدة الموافق 27 اغسطس .",
      want: ["يوم الخميس 12ذو القعدة الموافق 27 اغسطس → 2015-08-27 day"],
    },
    {
      why: "a day word and weekday, then a Hijri date الموافق a Gregorian one: one day, not three",
      text: "تبدأ إجراءات التقديم غداً السبت 23 شوال الموافق 8 اغسطس على أن تنتهي لاحقا",
      want: ["غداً السبت 23 شوال الموافق 8 اغسطس → 2015-08-08 day"],
    },
    {
      why: "a written date after a day word names the day over the publish stamp",
      text: "وصل الوفد أمس الأربعاء 5 أغسطس إلى الرياض",
      want: ["أمس الأربعاء 5 أغسطس → 2015-08-05 day"],
    },
    {
      why: "the Gregorian date الموافق a Hijri one names the day when they are a day apart",
      text: "يبدأ الدوام يوم الأحد 24 شوال 1436هـ الموافق 10 أغسطس 2015م",
      want: ["يوم الأحد 24 شوال 1436هـ الموافق 10 أغسطس 2015م → 2015-08-10 day"],
    },
    {
      why: "a Hijri and a Gregorian date a month apart: the one on the weekday named is the day",
      text: "أقيم الحفل يوم الجمعة 16 رمضان 1436هـ الموافق 3 يونيو 2015م في جدة",
      want: ["يوم الجمعة 16 رمضان 1436هـ الموافق 3 يونيو 2015م → 2015-07-03 day"],
    },
    {
      why: "the other calendar's date in brackets is the same day; a weekday glued to its digits too",
      text: "يقام الحفل مساء الأحد10شوال 1436هـ (26يوليو 2015م) في النادي",
      want: ["مساء الأحد10شوال 1436هـ (26يوليو 2015م) → 2015-07-26 day"],
    },
    {
      why: "digits glued to a month before and after it",
      text: "بدأت في 13شعبان وانتهت في يونيو2011",
      want: ["13شعبان → 2015-05-31 day", "يونيو2011 → 2011-06-01..2011-06-30 month"],
    },
    {
      why: "a bracket after a date that holds no date of that day stays apart, and a score glued to صفر is no date",
      text: "عرض في 6 أغسطس 2015 (2 أغسطس 2014) وفاز الفريق 3صفر",
      want: ["6 أغسطس 2015 → 2015-08-06 day", "2 أغسطس 2014 → 2014-08-02 day"],
    },
    {
      why: "a day word and a written date joined by و are two items of a list",
      text: "يفتح القصر أبوابه ما بين اليوم والخامس والعشرين من سبتمبر المقبل",
      want: ["اليوم → 2015-08-07 day", "الخامس والعشرين من سبتمبر المقبل → 2015-09-25 day"],
    },
    {
      why: "a written date far from a day word naming no weekday is another day of the sentence",
      text: "وحددت اللجنة أول من أمس السادس والعشرين من فبراير 2016 موعدا للجمعية",
      want: ["أول من أمس → 2015-08-05 day", "السادس والعشرين من فبراير 2016 → 2016-02-26 day"],
    },
    {
      why: "a written date off the weekday before it by more than a day is not that weekday's date",
      text: "ويعود الفريق مساء الأحد 27 أغسطس إلى الرياض",
      want: ["مساء الأحد → 2015-08-09 day", "27 أغسطس → 2015-08-27 day"],
    },
    {
      why: "two dates in a row without الموافق stay two",
      text: "من 23 شوال 8 أغسطس",
      want: ["23 شوال → 2015-08-08 day", "8 أغسطس → 2015-08-08 day"],
    },
    {
      why: "اليوم after لـ is the paper told, not today",
      text: 'قال لـ «اليوم» وصرح لـ"اليوم"',
      want: [],
    },
    {
      why: "الأمس of the recent past or of former allies is no day",
      text: "كانت بالأمس القريب محط الأنظار، وتحالف حلفاء الأمس وأعداء الأمس",
      want: [],
    },
  ];
  for (const row of rows) {
    it(row.why, () => {
      expect(read(row.text)).toEqual(row.want);
    });
  }

  it("tells the publisher's day by its UTC offset", () => {
    // 22:30 UTC on the 6th is the 7th in Riyadh (+3) but still the 6th at UTC.
    const late = new Date("2015-08-06T22:30:00Z");
    expect(read("أمس", late)).toEqual(["أمس → 2015-08-06 day"]);
    expect(read("أمس", late, 0)).toEqual(["أمس → 2015-08-05 day"]);
  });

  it("trusts a weekday beside a day word over a publish stamp a day off", () => {
    // Stamped 00:30 Monday in Riyadh (fetched after midnight); the writer's "أمس السبت" is Saturday the 8th.
    const fetched = new Date("2015-08-09T21:30:00Z");
    expect(read("اختتم مساء أمس السبت المعسكر", fetched)).toEqual(["مساء أمس السبت → 2015-08-08 day"]);
    // Fetched two days after it was written: "اليوم الثلاثاء" is still the Tuesday.
    expect(read("أعلنت اللجنة اليوم الثلاثاء", new Date("2015-08-06T01:12:00Z"))).toEqual([
      "اليوم الثلاثاء → 2015-08-04 day",
    ]);
    expect(read("بدأت أمس، الثلاثاء، اللجنة", new Date("2015-08-06T01:34:00Z"))).toEqual([
      "أمس، الثلاثاء → 2015-08-04 day",
    ]);
    expect(read("مثل أمس (الاثنين) أمام القاضي", new Date("2015-08-11T18:00:00Z"))).toEqual([
      "أمس (الاثنين) → 2015-08-10 day",
    ]);
  });

  it("starts a mention after a proclitic and the tatweel or invisible mark behind it", () => {
    expect(read("قال فـأمس و\u200cأمس")).toEqual(["أمس → 2015-08-06 day", "أمس → 2015-08-06 day"]);
  });

  it("finds nothing, and does not throw, against a publish date that is no date", () => {
    expect(findDates("وصل أمس", new Date(Number.NaN))).toEqual([]);
    expect(findDates("وصل أمس", new Date(8.64e15))).toEqual([]);
  });

  it("stays linear on long runs of spaces and closing brackets after day words", () => {
    const spaces = `أمس${" ".repeat(200_000)}!`;
    const brackets = "أمس) ".repeat(60_000);
    const ms = cpuMsOf(() => {
      expect(findDates(spaces, FRIDAY)).toHaveLength(1);
      expect(findDates(brackets, FRIDAY)).toHaveLength(60_000);
    });
    expect(ms).toBeLessThan(4000);
  });

  it("gives offsets into the display text and marks what was resolved against the publish date", () => {
    const text = "قالَ أمسِ إنّ 6 أغسطس 2015 موعدٌ";
    const found = findDates(text, FRIDAY);
    expect(found.map((d) => text.slice(d.start, d.end))).toEqual(["أمسِ", "6 أغسطس 2015"]);
    expect(found.map((d) => [d.relative, d.calendar])).toEqual([
      [true, "gregorian"],
      [false, "gregorian"],
    ]);
  });
});

describe("futureVerb", () => {
  it.each([
    ["سيزور", true],
    ["وستبدأ", true],
    ["سنعرف", true],
    ["سيعودون", true],
    ["سيارة", false],
    ["سنوات", false],
    ["ستين", false],
    ["سيطرت", false],
    ["ستافان", false],
    ["سياسة", false],
    ["سيتم", true],
    ["سنوياً", false],
    ["سيحتوي", true],
  ])("%s → %s", (word, want) => {
    expect(futureVerb(word)).toBe(want);
  });
});
