import { describe, expect, it } from "vitest";
import { PLACE_ADJECTIVES, PLACE_WITHIN } from "../entities/entity-lexicon.ts";
import { extractEntities } from "../entities/extract-entities.ts";
import {
  SUBJECT_CONFLICT_FACTOR,
  SubjectSet,
  toHeadlineSubjects,
  toPlaceSubjects,
} from "./headline-subjects.ts";
import { JOIN_MIN_SCORE, StoryClusterer } from "./story-clusterer.ts";
import { toStoryTerms } from "./story-vector.ts";

/** A story whose members had these headlines. */
function storyOf(...titles: string[]): SubjectSet {
  const s = new SubjectSet();
  for (const t of titles) s.add(toHeadlineSubjects(t));
  return s;
}

describe("toHeadlineSubjects", () => {
  it("names a town with the region that holds it and the country above as a holding place", () => {
    expect(toHeadlineSubjects("خميس مشيط تودع ضحايا التفجير")).toEqual(["p:خميس مشيط", "p:عسير", "w:سعود"]);
  });

  it("names a foreign city with its country", () => {
    expect(toHeadlineSubjects("معارك عنيفة في لحج")).toEqual(["p:لحج", "p:يمن"]);
  });

  it("keeps only the narrower place when a headline names a town and its country", () => {
    expect(toHeadlineSubjects("أمطار على السعودية والرياض")).toEqual(["p:رياض", "w:سعود"]);
  });

  it("names a person by the last word of the name", () => {
    expect(toHeadlineSubjects("وزير الخارجية عادل الجبير يصل إلى برلين")).toContain("r:جبير");
  });

  it("reads every place of the containment table as a place (an entry the reader never finds would never match)", () => {
    const unread = PLACE_WITHIN.flat().filter(
      (name) => !extractEntities(`وصل إلى ${name} أمس`).some((e) => e.kind === "place"),
    );
    expect(unread).toEqual([]);
  });

  it("does not read floods (سيول) or a shield (درعًا) as places", () => {
    expect(toHeadlineSubjects("سيول جارفة تجتاح المحافظة")).toEqual([]);
    expect(toHeadlineSubjects("الأمير يسلم درعًا تذكاريًا للفائزين")).toEqual([]);
  });

  it("names what a condemnation condemns, not who condemns", () => {
    expect(toHeadlineSubjects("الإمارات تدين جريمة حرق رضيع في نابلس")).not.toContain("p:امار");
    expect(toHeadlineSubjects("قنصل المملكة في لوس انجلوس يستنكر التفجير الإرهابي في عسير")).toEqual([
      "p:عسير",
      "w:سعود",
    ]);
    expect(toHeadlineSubjects("منظمة التعاون الإسلامي تدين")).toEqual([]);
  });

  it.each([
    {
      why: "a welcome names the truce's place, not who welcomes",
      title: "الجامعة العربية ترحب بالهدنة الإنسانية في اليمن",
      subjects: ["p:يمن"],
    },
    {
      why: "a denial names what is denied",
      title: "باكستان تنفي وفاة أو دفن الملا عمر زعيم طالبان",
      subjects: ["o:طالب"],
    },
    {
      why: "a demand names whom it addresses",
      title: "صندوق النقد يطالب اليونان بضمانات منفصلة",
      subjects: ["p:يون"],
    },
    {
      why: "a warning names where",
      title: "ألمانيا تحذر من هجمات محتملة على شبكة النقل العام في أسطنبول",
      subjects: ["p:اسطنبول", "p:تركيا"],
    },
    {
      why: "a call to answer a killing names no subject, so it has no subject check",
      title: "حماس تدعو إلى «الرد بقوة» على مقتل الطفل الفلسطيني حرقاً",
      subjects: [],
    },
    {
      why: "a call naming nothing after the verb and no violent act keeps who calls (teacher interviews)",
      title: "تعليم الجوف يدعو مرشحي الوظائف التعليمية للمقابلة الشخصية",
      subjects: ["p:جوف", "w:سعود"],
    },
    {
      why: "an appeal after a clause of the event keeps the whole headline (the hostage's father)",
      title: "مهلة «داعش» تنتهي ووالد الرهينة الكرواتي يناشد التنظيم إطلاق سراحه",
      subjects: ["a:كرواتيا", "o:داعش"],
    },
    {
      why: "a condemnation after a clause of the event keeps the event's subjects",
      title: "«داعش» يشن أولى هجماته الانتحارية في تركيا.. وإردوغان «يندد ويلعن»",
      subjects: ["o:داعش", "p:تركيا"],
    },
    {
      why: "who is held responsible in a joined clause is not what is condemned",
      title: "الأردن يدين قتل الطفل الفلسطيني ويحمل إسرائيل مسؤولية «الجريمة البشعة»",
      subjects: [],
    },
  ])("reads reactions: $why", ({ title, subjects }) => {
    expect(toHeadlineSubjects(title)).toEqual(subjects);
  });

  it("keeps who offers condolences or greetings, and who a court convicts", () => {
    expect(toHeadlineSubjects("أمير جازان يعزي أسرة الشهيد")).toContain("p:جاز");
    expect(toHeadlineSubjects("الكويت تهنئ مصر")).toContain("p:كويت");
    expect(toHeadlineSubjects("محكمة في الكويت تدين المتهم")).toContain("p:كويت");
  });

  it("names nothing when the entity reader finds nothing", () => {
    expect(toHeadlineSubjects("السيالي يحتفل بزواج طائل")).toEqual([]);
  });

  const adjectives: { why: string; title: string; subjects: string[] }[] = [
    {
      why: "a market named by its country's adjective",
      title: "البورصة الكويتية تغلق على تباين",
      subjects: ["a:كويت"],
    },
    { why: "masculine, after an army", title: "الجيش اليمني يسيطر على زنجبار", subjects: ["a:يمن"] },
    {
      why: "a counterpart (a noun with a pronoun)",
      title: "وزير الخارجية يلتقي نظيره الروسي",
      subjects: ["a:روسيا"],
    },
    {
      why: "with a proclitic, and أميركي spelt either way",
      title: "تنديد بالخارجية الأميركية",
      subjects: ["a:ولا متحد"],
    },
    { why: "the named country is enough", title: "مصر: البورصة المصرية تربح", subjects: ["p:مصر"] },
    {
      why: "a town of the country holds it already",
      title: "عدن: الحكومة اليمنية تعود",
      subjects: ["p:عدن", "p:يمن"],
    },
    { why: "a person's nationality before the name", title: "الأرجنتيني سابيلا مدربا للأخضر", subjects: [] },
    { why: "a surname after a given name", title: "محمد المصري يفوز بالجائزة", subjects: ["r:مصر"] },
    {
      why: "indefinite: a person's nationality (and تركي a given name)",
      title: "مقتل جندي تركي",
      subjects: [],
    },
    { why: "plural: people, here in a Saudi town's event", title: "إخلاء المعتمرين العمانيين", subjects: [] },
    { why: "quoted: a product's origin", title: "تعطل القطار «الإسباني»", subjects: [] },
    { why: "the corpus's own country is left out", title: "المنتخب السعودي يفوز", subjects: [] },
    { why: "Israel and Palestine are left out", title: "الجيش الإسرائيلي يعتقل فلسطينيين", subjects: [] },
    { why: "adjectives of no one country", title: "القمة العربية والدول الخليجية", subjects: [] },
  ];
  for (const c of adjectives) {
    it(`reads country adjectives: ${c.why}`, () => {
      expect(toHeadlineSubjects(c.title)).toEqual(c.subjects);
    });
  }

  it("reads every country of the adjective table by its definite forms, with proclitics", () => {
    const unread = PLACE_ADJECTIVES.filter(([place, adjective]) => {
      const want = toHeadlineSubjects(`وصل إلى ${place} أمس`)
        .filter((s) => s.startsWith("p:"))[0]
        ?.slice(2);
      const forms = [
        `ال${adjective}`,
        `ال${adjective}ة`,
        `بال${adjective}ة`,
        `وال${adjective}`,
        `لل${adjective}ة`,
      ];
      return want === undefined || forms.some((f) => !toHeadlineSubjects(`الوفد ${f}`).includes(`a:${want}`));
    });
    expect(unread).toEqual([]);
  });
});

describe("toPlaceSubjects", () => {
  it.each([
    [
      "keeps a town, its region and the country holding them",
      "خميس مشيط تودع ضحايا التفجير",
      ["p:خميس مشيط", "p:عسير", "w:سعود"],
    ],
    ["keeps a country named by its adjective", "البورصة الكويتية تغلق مرتفعة", ["a:كويت"]],
    ["drops a body: who reacts to an event", "مجلس الأمن الدولي يدين الجريمة", []],
    ["drops a person", "الأمير فيصل بن خالد يوجه بتسمية الطرقات", []],
  ])("%s", (_why, title, places) => {
    expect(toPlaceSubjects(toHeadlineSubjects(title))).toEqual(places);
  });
});

describe("SubjectSet.conflicts", () => {
  const cases: { why: string; story: string[]; article: string; conflict: boolean }[] = [
    {
      why: "Ramallah and Gaza are both in Palestine (a two-word town is one entry)",
      story: ["اشتباكات في غزة"],
      article: "مسيرة في رام الله",
      conflict: false,
    },
    {
      why: "the Grand Mosque is in Mecca",
      story: ["زحام في مكة المكرمة"],
      article: "زحام في المسجد الحرام",
      conflict: false,
    },
    {
      why: "a capital is in its country",
      story: ["مباحثات في واشنطن"],
      article: "الولايات المتحدة ترحب بالاتفاق",
      conflict: false,
    },
    {
      why: "a greeting template of two different bodies",
      story: ["وزارة الصحة تعايد منسوبيها"],
      article: "وزارة الداخلية تعايد منسوبيها",
      conflict: true,
    },
    {
      why: "teacher interviews in towns of two regions",
      story: ["تعليم جازان يبدأ في إجراء المقابلات الشخصية"],
      article: "تعليم الطائف يدعو 60 معلمًا جديدًا لإجراء المقابلات الشخصية",
      conflict: true,
    },
    {
      why: "a heat wave in Egypt and road accidents in Baha share a number, not a place",
      story: ["مصر: 21 حالة وفاة و 66 إصابة بسبب ارتفاع درجات الحرارة"],
      article: "66 إصابة حوادث مرورية بالباحة",
      conflict: true,
    },
    {
      why: "one town named by the town and by its region (the Asir mosque bombing)",
      story: ["تفجير مسجد في أبها"],
      article: "عسير تودع شهداء التفجير",
      conflict: false,
    },
    {
      why: "two towns of one region",
      story: ["تفجير مسجد في أبها"],
      article: "خميس مشيط تشيع الشهداء",
      conflict: false,
    },
    {
      why: "two cities of one country without regions in the lexicon (the Yemen war)",
      story: ["المقاومة تسيطر على عدن"],
      article: "معارك في لحج",
      conflict: false,
    },
    {
      why: "the country named by an article about a town's event",
      story: ["معرض جدة الدولي للكتاب 12 ديسمبر"],
      article: "كتاب: المعرض اضافة هامة للثقافة السعودية",
      conflict: false,
    },
    {
      why: "a story that took in the country still keeps its town apart from another region's",
      story: ["أمطار على الرياض", "أمطار متفرقة تشمل معظم مناطق السعودية"],
      article: "أمطار رعدية على منطقة عسير",
      conflict: true,
    },
    {
      why: "a short form of an organization's name",
      story: ["وظائف شاغرة في هيئة الهلال الأحمر السعودي"],
      article: "هيئة الهلال الأحمر تعايد منسوبيها",
      conflict: false,
    },
    {
      why: "subjects of different kinds say nothing about each other",
      story: ["وزارة الصحة تعلن حالات كورونا"],
      article: "حالات كورونا جديدة في الرياض",
      conflict: false,
    },
    {
      why: "one shared subject is enough whatever else differs",
      story: ["وزارة الصحة تعلن حالات كورونا في الرياض"],
      article: "وزارة التعليم بالرياض تعلق الدراسة",
      conflict: false,
    },
    {
      why: "a headline without subjects conflicts with nothing",
      story: ["وزارة الصحة تعايد منسوبيها"],
      article: "الكهرباء تعايد منسوبيها",
      conflict: false,
    },
    {
      why: "two countries' market closes, one named by its adjective",
      story: ["بورصة مصر تغلق تداولاتها على ارتفاع"],
      article: "البورصة الكويتية تغلق على تباين",
      conflict: true,
    },
    {
      why: "two countries' market closes, both named by adjective",
      story: ["الأسهم الباكستانية تغلق على تراجع"],
      article: "مؤشر البورصة البحرينية يقفل على ارتفاع",
      conflict: true,
    },
    {
      why: "one country's market by its name and by its adjective",
      story: ["بورصة مصر تغلق تداولاتها على ارتفاع"],
      article: "البورصة المصرية تربح",
      conflict: false,
    },
    {
      why: "national-day cables to two countries (Chad and Ecuador were no places, and chained one story)",
      story: ["القيادة تهنئ رئيس الإكوادور بذكرى الاستقلال"],
      article: "القيادة تهنئ الرئيس التشادي بذكرى اليوم الوطني لبلاده",
      conflict: true,
    },
    {
      why: "one country's cable by its name and by its adjective",
      story: ["خادم الحرمين الشريفين يهنئ رئيس جمهورية تشاد"],
      article: "القيادة تهنئ الرئيس التشادي بذكرى اليوم الوطني لبلاده",
      conflict: false,
    },
    {
      why: "a capital meets its country",
      story: ["انفجار في نجامينا"],
      article: "تشاد تعلن الحداد",
      conflict: false,
    },
    {
      why: "two counterparts of one minister",
      story: ["وزير الخارجية يلتقي نظيره الألماني"],
      article: "وزير الخارجية يلتقي نظيره الروسي",
      conflict: true,
    },
    {
      why: "a foreign body's reaction to a Saudi town's event (DEV3's Asir story)",
      story: ["تفجير مسجد في أبها"],
      article: "الخارجية المصرية تدين التفجير الإرهابي",
      conflict: false,
    },
    {
      why: "a foreign ambassador on an accident in a Saudi town",
      story: ["إخلاء المصابين العمانيين من مستشفيات الأحساء"],
      article: "السفير العماني: إخلاء ناجح لضحايا حادث الحافلة",
      conflict: false,
    },
    {
      why: "a shared adjective does not settle two towns",
      story: ["استشهاد مدني بنجران نتيجة مقذوف عسكري من الأراضي اليمنية"],
      article: "مدني جازان: إصابة مواطن نتيجة سقوط مقذوفات من الأراضي اليمنية",
      conflict: true,
    },
    {
      why: "a shared adjective does not settle two bodies",
      story: ["مقتل العشرات من عناصر داعش غربي العراق"],
      article: "القوات العراقية تبدأ عملية لتحرير جامعة الأنبار",
      conflict: true,
    },
  ];
  for (const c of cases) {
    it(`${c.conflict ? "conflicts" : "does not conflict"}: ${c.why}`, () => {
      expect(storyOf(...c.story).conflicts(toHeadlineSubjects(c.article))).toBe(c.conflict);
    });
  }

  it("lets two stories conflict only when neither meets the other", () => {
    const jeddah = storyOf("معرض جدة الدولي للكتاب");
    expect(storyOf("المعرض اضافة هامة للثقافة السعودية").conflictsWithSet(jeddah)).toBe(false);
    expect(jeddah.conflictsWithSet(storyOf("المعرض اضافة هامة للثقافة السعودية"))).toBe(false);
    expect(
      storyOf("أمطار على الرياض", "أمطار تشمل مناطق السعودية").conflictsWithSet(storyOf("أمطار على عسير")),
    ).toBe(true);
  });
});

describe("SubjectSet.conflicts with a main-subject share", () => {
  // Invented headlines: a grown story of one event in Abha, one of whose members named Iraq's ambassador.
  const ABHA = Array.from({ length: 39 }, () => "تفجير مسجد في أبها");
  const grown = () => storyOf(...ABHA, "سفير العراق يزور مصابي أبها");
  it("meets a subject any of its headlines named when no share is asked", () => {
    expect(grown().conflicts(toHeadlineSubjects("ارتفاع قتلى تفجير العراق"))).toBe(false);
  });
  it("does not meet a subject too few of its headlines named", () => {
    // One headline of 40 names Iraq: under the 5% asked (2 headlines), so Iraq's bombing conflicts with Abha's.
    expect(grown().conflicts(toHeadlineSubjects("ارتفاع قتلى تفجير العراق"), 0.05)).toBe(true);
    expect(grown().conflicts(toHeadlineSubjects("أمير عسير يزور المصابين في أبها"), 0.05)).toBe(false);
  });
  it("asks nothing of a story of fewer headlines than one over the share", () => {
    const small = storyOf(...ABHA.slice(0, 19), "سفير العراق يزور مصابي أبها");
    expect(small.conflicts(toHeadlineSubjects("ارتفاع قتلى تفجير العراق"), 0.05)).toBe(false);
  });
  it("counts a merged set's headlines and subjects as the two sides' sums", () => {
    const merged = storyOf(...ABHA.slice(0, 20));
    merged.addSet(storyOf(...ABHA.slice(20), "سفير العراق يزور مصابي أبها"));
    expect(merged.conflicts(toHeadlineSubjects("ارتفاع قتلى تفجير العراق"), 0.05)).toBe(true);
    // Three of 42 headlines name Iraq now: over 5%.
    merged.addSet(storyOf("العراق يعزي المملكة في شهداء أبها", "العراق يعزي المملكة في شهداء أبها"));
    expect(merged.conflicts(toHeadlineSubjects("ارتفاع قتلى تفجير العراق"), 0.05)).toBe(false);
  });
});

describe("SubjectSet.namesOtherSiblingTowns", () => {
  const MARIB = "المقاومة في مأرب تسيطر على ثلاثة مواقع";
  const ADEN = "قوات هادي تسيطر على معظم أحياء عدن";
  const ROUNDUP = "في تعز ومأرب .. مقتل عشرات الحوثيين";
  it.each([
    { why: "two fronts of one country, each piece on its own town", a: [MARIB], b: [ADEN], apart: true },
    { why: "one town on both sides", a: [MARIB], b: ["المقاومة تتقدم غرب مأرب"], apart: false },
    { why: "a holder named by itself is no town", a: [MARIB], b: ["اليمن: المقاومة تتقدم"], apart: false },
    { why: "towns of one Saudi region", a: ["أمطار على أبها"], b: ["أمطار على خميس مشيط"], apart: true },
    {
      why: "towns of two regions (the subject conflict's case, not this rule's)",
      a: ["أمطار على جدة"],
      b: ["أمطار على أبها"],
      apart: false,
    },
    { why: "no town on one side", a: [MARIB], b: ["مجلس الأمن يصادق على الاتفاق"], apart: false },
    // A grown piece picks up a round-up naming a third town: main towns (named most often) still differ.
    {
      why: "a minor town shared, main towns not named by the other",
      a: [MARIB, MARIB, ROUNDUP],
      b: [ADEN, ADEN, "مقتل حوثيين في تعز"],
      apart: true,
    },
    {
      why: "one side's main town named by the other",
      a: [MARIB, MARIB],
      b: [ADEN, ADEN, ROUNDUP],
      apart: false,
    },
  ])("$why -> $apart", ({ a, b, apart }) => {
    expect(storyOf(...a).namesOtherSiblingTowns(storyOf(...b))).toBe(apart);
    expect(storyOf(...b).namesOtherSiblingTowns(storyOf(...a))).toBe(apart);
  });
  it("carries town counts over a merged set", () => {
    const merged = storyOf(ADEN);
    merged.addSet(storyOf(MARIB, MARIB, MARIB));
    // Marib named three times, Aden once: Marib is the main town, and a Taiz piece naming Aden once stays apart.
    const taiz = storyOf("مقتل حوثيين في تعز", "المقاومة تتقدم في تعز", ADEN);
    expect(merged.namesOtherSiblingTowns(taiz)).toBe(true);
    expect(merged.namesOtherSiblingTowns(storyOf(MARIB))).toBe(false);
  });
});

/** Invented Eid greetings: one template, each body greeting its own staff (different events), one hour apart. */
const GREETINGS = [
  ["وزارة الصحة", "بحضور وكيل الوزارة للخدمات العلاجية ومديري المستشفيات في مقر الوزارة"],
  ["وزارة العدل", "بحضور رؤساء المحاكم وكتاب العدل في قاعة الاحتفالات بالمبنى الرئيس"],
  ["وزارة الداخلية", "بحضور قادة القطاعات الأمنية في نادي ضباط الأمن العام"],
  ["جامعة الملك سعود", "بحضور مدير الجامعة وعمداء الكليات وأعضاء هيئة التدريس في المدينة الجامعية"],
].map(([body, detail], i) => ({
  id: `greeting-${i}`,
  title: `${body} تقيم حفل معايدة لمنسوبيها`,
  text: `أقامت ${body} حفل معايدة لمنسوبيها بمناسبة عيد الفطر المبارك ${detail}`,
  timeMs: i * 3_600_000,
}));

/** A greeting as the clusterer's input, with or without its headline subjects. */
function inputOf(a: (typeof GREETINGS)[number], withSubjects: boolean) {
  return {
    id: a.id,
    sourceId: "sabq",
    title: a.title,
    timeMs: a.timeMs,
    terms: toStoryTerms(a.title, a.text),
    duplicateOf: null,
    ...(withSubjects ? { subjects: toHeadlineSubjects(a.title) } : {}),
  };
}

/**
 * The join score of the second greeting against the story of the first (articles `first` and `second`), with the
 * courtesy rule off (COURTESY_JOINS_NEED_SUBJECT would keep the story from being scored at all).
 */
function secondJoinScore(first: number, second: number, withSubjects: boolean): number {
  const c = new StoryClusterer({ tuning: { courtesyJoinsNeedSubject: false } });
  let score = 0;
  for (const a of [GREETINGS[first]!, GREETINGS[second]!]) {
    score = c.add(inputOf(a, withSubjects)).score;
  }
  return score;
}

describe("StoryClusterer with headline subjects", () => {
  it("damps the join of a greeting to another body's greeting by SUBJECT_CONFLICT_FACTOR", () => {
    const plain = secondJoinScore(0, 1, false);
    expect(plain).toBeGreaterThan(JOIN_MIN_SCORE);
    expect(secondJoinScore(0, 1, true)).toBeCloseTo(plain * SUBJECT_CONFLICT_FACTOR, 12);
  });
  it("keeps a body's greeting apart from a template story of other bodies", () => {
    const c = new StoryClusterer();
    const stories = GREETINGS.map(
      (a) =>
        c.add({
          id: a.id,
          sourceId: "sabq",
          title: a.title,
          timeMs: a.timeMs,
          terms: toStoryTerms(a.title, a.text),
          duplicateOf: null,
          subjects: toHeadlineSubjects(a.title),
        }).storyId,
    );
    // The second body joins the first only on their shared words; the last, a university, opens its own story.
    expect(stories[3]).toBe(GREETINGS[3]!.id);
  });
  it("does not damp the join of a report naming the story's body", () => {
    const [first] = GREETINGS;
    const follow = {
      ...first!,
      id: "greeting-0-photos",
      title: "بالصور: وزارة الصحة تعايد منسوبيها",
      timeMs: first!.timeMs + 3_600_000,
    };
    const joinScore = (withSubjects: boolean) => {
      const c = new StoryClusterer();
      let score = 0;
      for (const a of [first!, follow]) {
        score = c.add(inputOf(a, withSubjects)).score;
      }
      return score;
    };
    expect(joinScore(true)).toBe(joinScore(false));
  });
});
