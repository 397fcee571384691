import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_RECORDS, type FixtureRecord } from "../../../test/fixtures/arabic-articles.ts";
import { importFixture } from "../../../test/fixtures/import-fixture.ts";
import { SIMILAR_RECORDS } from "../../../test/web/fixture-app.ts";
import { openSqliteStorage } from "../../adapters/sqlite/open-sqlite-storage.ts";
import type { Storage } from "../../ports/storage.ts";
import { leadOf, StorageReaderData } from "./storage-reader-data.ts";

/** fx-002's words a month later: outside the ±3-day neighbour window, so never "similar" to it. */
const LATER_RECORD: FixtureRecord = {
  id: "fx-190",
  source: "okaz",
  url: "http://okaz.example/news/190",
  title: "أميركا والخليج يوقعان شراكة اقتصادية",
  date: "2015-08-21T09:00:00",
  text: "وقعت أميركا ودول الخليج اتفاق الشراكة الاقتصادية بعد شهر من المباحثات.",
};

describe("StorageReaderData.related", () => {
  let dir: string;
  let storage: Storage;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "akhbar-reader-"));
    storage = await openSqliteStorage(join(dir, "reader.db"));
    await importFixture(storage, [...FIXTURE_RECORDS, ...SIMILAR_RECORDS, LATER_RECORD], {
      now: "2015-09-01T00:00:00Z",
    });
  });

  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists the anchor's in-window neighbours and leaves out its copies and later news", async () => {
    const related = await new StorageReaderData(storage).related("fx-002");
    const ids = [...related.similar, ...(related.readAlso === null ? [] : [related.readAlso])].map(
      (a) => a.id,
    );
    expect(ids).toEqual(expect.arrayContaining(["fx-101", "fx-102"]));
    // fx-007 and fx-008 carry fx-002's text (copies); fx-103 is 3 days and 30 minutes later, fx-190 a month.
    for (const id of ["fx-002", "fx-007", "fx-008", "fx-103", "fx-190"]) expect(ids).not.toContain(id);
  });

  it("finds the later article's own neighbours only inside its window", async () => {
    const related = await new StorageReaderData(storage).related("fx-190");
    expect(related).toEqual({ storyId: "fx-190", similar: [], readAlso: null });
  });

  it("returns empty lists for an unknown article", async () => {
    expect(await new StorageReaderData(storage).related("missing")).toEqual({ similar: [], readAlso: null });
  });
});

describe("leadOf cut", () => {
  it("never cuts between the halves of an emoji", () => {
    const lead = leadOf(`وصل وزير ${"😀".repeat(200)}`);
    expect(lead.endsWith("\u2026")).toBe(true);
    expect(/[\ud800-\udbff]$/u.test(lead.slice(0, -1))).toBe(false);
  });
});

describe("leadOf", () => {
  it.each([
    {
      why: "a byline/dateline first line is not the lead",
      text: "عين اليوم – القدس\nقتل رضيع فلسطيني حرقا.",
      lead: "قتل رضيع فلسطيني حرقا.",
    },
    {
      why: "a dateline prefix and agency tags are dropped",
      text: "الرياض - واس:\nقال الوزير (واس) إن الخطة جاهزة.",
      lead: "قال الوزير إن الخطة جاهزة.",
    },
    {
      why: "an ordinary first paragraph is the lead",
      text: "نص عادي بلا سطر تعريف.\nالفقرة الثانية",
      lead: "نص عادي بلا سطر تعريف.",
    },
    {
      why: "a photo caption over the article is not the lead",
      text: "جانب من الزيارة التفقدية\nقام مساعد النائب للمطارات الداخلية بزيارة تفقدية لمطار المدينة أمس.",
      lead: "قام مساعد النائب للمطارات الداخلية بزيارة تفقدية لمطار المدينة أمس.",
    },
    {
      why: "a columnist's name and a list mark are not the lead",
      text: "سادساً :\nفهد العلي\nبعد الاطلاع على ما رفعه رئيس الهيئة العامة للطيران المدني قرر المجلس ما يلي",
      lead: "بعد الاطلاع على ما رفعه رئيس الهيئة العامة للطيران المدني قرر المجلس ما يلي",
    },
    {
      why: "a short whole sentence opening a feature is its lead",
      text: "تتكرر هذه القصة كل صيف تقريبا.\nيذهب السائح إلى موقع ساحر لقضاء عطلة الصيف ويقرر شراء عقار فيه.",
      lead: "تتكرر هذه القصة كل صيف تقريبا.",
    },
    {
      why: "a subhead ending in a colon is not a sentence",
      text: "الخبر الأول:\nاختفاء العشرات من الشبان في منطقة رمادة التابعة لمحافظة تطاوين التونسية",
      lead: "اختفاء العشرات من الشبان في منطقة رمادة التابعة لمحافظة تطاوين التونسية",
    },
    {
      why: "a sentence ending before a directional mark and a closing quote is a sentence",
      text: "قال الوزير: \u201cالخطة جاهزة.\u201c\u202c\nالفقرة الثانية من الخبر وهي أطول من ثماني كلمات في العادة",
      lead: "قال الوزير: \u201cالخطة جاهزة.\u201c\u202c",
    },
    {
      why: "a one-word sentence is a caption, not an opening",
      text: "أرشيفية.\nاستقبل أمير المنطقة في مكتبه بالإمارة اليوم وفدا من الجمعية الخيرية",
      lead: "استقبل أمير المنطقة في مكتبه بالإمارة اليوم وفدا من الجمعية الخيرية",
    },
    {
      why: "prose past the first eight paragraphs is not looked for: the first line stands",
      text: `${Array.from({ length: 8 }, (_, i) => `بند ${i + 1}`).join("\n")}\nفقرة طويلة من النثر تأتي بعد ثمانية بنود قصيرة في آخر النص`,
      lead: "بند 1",
    },
    {
      why: "a carriage return or a paragraph separator breaks paragraphs as a line feed does",
      text: "جانب من الزيارة\rوصل وزير الصحة إلى المستشفى الجديد في أبها صباح اليوم\u2029الفقرة الثالثة",
      lead: "وصل وزير الصحة إلى المستشفى الجديد في أبها صباح اليوم",
    },
    {
      why: "a poem of short lines keeps its first line",
      text: "صباح،\nيتدلى من ضحكات عيد،\nيبعث في الروح\nغناء طريق،\nويأتي بك باسما،\nمن بيت جارنا العتيق،",
      lead: "صباح،",
    },
    {
      why: "SPA's dateline line with the day run into the town is no lead (product review)",
      text: "الأحساء25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\nافتتح محافظ الأحساء اليوم مهرجان التمور في دورته الجديدة",
      lead: "افتتح محافظ الأحساء اليوم مهرجان التمور في دورته الجديدة",
    },
    {
      why: "a text that is only a byline leads nothing (product review: byline residue as a story's lead)",
      text: "داليا أبوالعيش – عين اليوم",
      lead: "",
    },
    {
      why: "a text that is only a photo caption of names leads nothing (171 dev-store stories were led by one)",
      text: "الدكتور عزام الدخيل",
      lead: "",
    },
    {
      why: "a caption of several names under ARTICLE_TEXT_CHARS_MIN leads nothing",
      text: "الأمير خالد الفيصل إبراهيم زولي عبدالإله المالك",
      lead: "",
    },
    {
      why: "a credit line of writer and photographer is not the lead (SPA's features)",
      text: "إعداد: صالح آل زمانان, تصوير : صالح الدغاري\nتحتضن محافظة النماص في منطقة عسير عددا من القرى التراثية القديمة",
      lead: "تحتضن محافظة النماص في منطقة عسير عددا من القرى التراثية القديمة",
    },
    {
      why: 'a "كتب:" line naming the reporter is not the lead',
      text: "كتب: محمد بن عبدالله العلي من الرياض اليوم\nأعلنت وزارة الصحة تسجيل حالات جديدة بفيروس كورونا في منطقة الرياض",
      lead: "أعلنت وزارة الصحة تسجيل حالات جديدة بفيروس كورونا في منطقة الرياض",
    },
    {
      why: "a long paragraph opening with a credit is prose after it, and stays the lead",
      text: `كتب: محمد العلي ${"أعلنت الوزارة اليوم خطة جديدة للطرق ".repeat(3)}\nالفقرة الثانية من الخبر وهي طويلة بما يكفي لتكون افتتاحا`,
      lead: `كتب: محمد العلي ${"أعلنت الوزارة اليوم خطة جديدة للطرق ".repeat(3).trim()}`,
    },
    {
      why: "a short poem of 60 characters or more keeps its first line",
      text: "هات اسقنى\nمن فيض نشوى\nخمرها\nتروى الصديق ومن صدق\nالنور يشرق عندها\nوالروح تسكن",
      lead: "هات اسقنى",
    },
  ])("$why", ({ text, lead }) => {
    expect(leadOf(text)).toBe(lead);
  });
});
