import { describe, expect, it } from "vitest";
import {
  combineEntities,
  type EntityKind,
  extractEntities,
  isNewsAgency,
  longerFormOf,
  placeKeyOf,
} from "./extract-entities.ts";

const named = (text: string) => extractEntities(text).map((e) => `${e.kind}:${e.name}:${e.mentions}`);

describe("extractEntities", () => {
  const rows: { why: string; text: string; has: string[]; not?: string[] }[] = [
    {
      why: "a minister's name follows his portfolio; a later surname is the same person",
      text: "قال وزير الخارجية عادل الجبير إن المملكة ماضية في دعم اليمن. وأضاف الجبير أن الحل سياسي.",
      has: ["person:عادل الجبير:2", "place:اليمن:1"],
    },
    {
      why: "a foreign name after a nationality is a person although it is no Arabic given name",
      text: "استقبل الرئيس الروسي فلاديمير بوتين في موسكو وفداً",
      has: ["person:فلاديمير بوتين:1", "place:موسكو:1"],
    },
    {
      why: "a royal name runs through its links (بن, آل) and stops before the next title",
      text: "رعى الأمير محمد بن نايف بن عبدالعزيز ولي العهد الحفل",
      has: ["person:محمد بن نايف بن عبدالعزيز:1"],
    },
    {
      why: "a name ends where the reporting words begin",
      text: "أكد الأمين العام محمد الخالد أمس أن الجمعية ستواصل عملها",
      has: ["person:محمد الخالد:1"],
    },
    {
      why: "a common noun after an office is not a person",
      text: "ألقى مدير المستشفى كلمة شكر للحضور",
      has: [],
      not: ["person:كلمة شكر:1"],
    },
    {
      why: "an organization's name runs from its head word through its definite words, its purpose and و-joined words",
      text: "أعلنت وزارة الصحة اليوم تسجيل حالات جديدة، وقالت الهيئة العامة للغذاء والدواء إن",
      has: ["organization:وزارة الصحة:1", "organization:الهيئة العامة للغذاء والدواء:1"],
    },
    {
      why: "a royal's name inside an organization's name is part of it, not a person",
      text: "تخرج الطلاب في جامعة الملك سعود بالرياض",
      has: ["organization:جامعة الملك سعود:1", "place:الرياض:1"],
      not: ["person:سعود:1"],
    },
    {
      why: "known names are found with their proclitics, in any of their spellings",
      text: "وصل الوفد إلى بالرياض ثم للولايات المتحدة ووصل أميركا",
      has: ["place:الرياض:1", "place:الولايات المتحدة:2"],
    },
    {
      why: "the longest known name wins; its spellings share one key and the name is the one the text wrote",
      text: "عقد مجلس التعاون لدول الخليج العربية اجتماعه. وقال مجلس التعاون إن",
      has: ["organization:مجلس التعاون لدول الخليج العربية:2"],
    },
    {
      why: "a word that begins with a hamza's alef is no article: the name stops before ألقاها",
      text: "وفي كلمة وزارة الشؤون الإسلامية ألقاها الشيخ",
      has: ["organization:وزارة الشؤون الإسلامية:1"],
    },
    {
      why: "a common given name with a family name is a person without a title; a greeting is not",
      text: "وأوضح محمد الحربي أن العمل بدأ. عيد سعيد للجميع",
      has: ["person:محمد الحربي:1"],
      not: ["person:عيد سعيد:1"],
    },
    {
      why: "after a title a given name may take a family name without the article",
      text: "التقى الرئيس الإيراني حسن روحاني وفدا",
      has: ["person:حسن روحاني:1"],
    },
    {
      why: "a country's adjective after a noun is no mention of the country; a name stops at the sentence going on",
      text: "دعمت الصناعة السعودية خطة مهدت وزارة المالية الطريق لها",
      has: ["organization:وزارة المالية:1"],
      not: ["place:السعودية:1", "organization:وزارة المالية الطريق:1"],
    },
    {
      why: "a و-joined relative pronoun is the sentence going on, not more of a body's name",
      text: "هاجمت قوات الحوثيين والذين معهم المدينة",
      has: ["organization:قوات الحوثيين:1"],
      not: ["organization:قوات الحوثيين والذين:1"],
    },
    {
      why: "a و-joined plural of people, title or other body ends a body's name; a و-joined field goes on",
      text: "استشهد عدد من منسوبي قوات الطوارئ والعاملين في الموقع، واجتمعت وزارة المالية والرئيس التنفيذي لشركة أرامكو، وهاجمت قوات الاحتلال الإسرائيلي والمتطرفون اليهود القرية، وحضر ممثلو المؤسسة العامة للتدريب التقني والمهني",
      has: [
        "organization:قوات الطوارئ:1",
        "organization:قوات الاحتلال الإسرائيلي:1",
        "organization:المؤسسة العامة للتدريب التقني والمهني:1",
        "organization:وزارة المالية:1",
      ],
      not: [
        "organization:وزارة المالية والرئيس:1",
        "organization:وزارة المالية والرئيس التنفيذي:1",
        "organization:قوات الطوارئ والعاملين:1",
        "organization:قوات الاحتلال الإسرائيلي والمتطرفون:1",
        "organization:قوات الاحتلال الإسرائيلي والمتطرفون اليهود:1",
      ],
    },
    {
      why: "a body of two kinds of people keeps both; a و-joined 7-letter plural is no people pattern",
      text: "أعلن اتحاد المخرجين والمؤلفين المغاربة، وقالت جمعية المحاسبين والمراجعين إن، وأكد اتحاد الاستثمار والتأمين أن، ونظمت وزارة الثقافة والمضامين ندوة",
      has: [
        "organization:اتحاد المخرجين والمؤلفين:1",
        "organization:جمعية المحاسبين والمراجعين:1",
        "organization:اتحاد الاستثمار والتأمين:1",
        "organization:وزارة الثقافة والمضامين:1",
      ],
    },
    {
      why: "another party named by its kind after و is not more of the name",
      text: "اشتبكت قوات الأمن والجماعات المسلحة، ووقعت وزارة الإسكان والقطاع الخاص اتفاقاً، وحضر ممثلو الاتحاد الأوروبي والاتحاد الأفريقي، ووقعت وزارة الصحة والمؤسسة العامة للتأمينات الاجتماعية، واجتمعت الجمعية الوطنية الفرنسية والبرلمان الأوروبي",
      has: ["organization:قوات الأمن:1", "organization:وزارة الإسكان:1", "organization:وزارة الصحة:1"],
      not: [
        "organization:قوات الأمن والجماعات:1",
        "organization:قوات الأمن والجماعات المسلحة:1",
        "organization:وزارة الإسكان والقطاع:1",
        "organization:وزارة الإسكان والقطاع الخاص:1",
        "organization:الاتحاد الأوروبي والاتحاد:1",
        "organization:الاتحاد الأوروبي والاتحاد الأفريقي:1",
        "organization:وزارة الصحة والمؤسسة:1",
        "organization:الجمعية الوطنية الفرنسية والبرلمان:1",
        "organization:الجمعية الوطنية الفرنسية والبرلمان الأوروبي:1",
      ],
    },
    {
      why: "a و-joined word takes its adjective, not a noun after it; another body after و is its own",
      text: "أعلنت الهيئة العامة للسياحة والتراث الوطني أمس، وقالت هيئة الغذاء والدواء الرقابة على المطاعم مستمرة، وشاركت وزارة التعليم والجمعية السعودية للإعاقة",
      has: ["organization:الهيئة العامة للسياحة والتراث الوطني:1", "organization:هيئة الغذاء والدواء:1"],
      not: [
        "organization:هيئة الغذاء والدواء الرقابة:1",
        "organization:وزارة التعليم والجمعية:1",
        "organization:وزارة التعليم والجمعية السعودية:1",
      ],
    },
    {
      why: "a platform named as where something was said is no organization; named as the company it is",
      text: "نشر الوزير في حسابه على تويتر صورة، وتداولها مستخدمو موقع التواصل الاجتماعي «فيسبوك»، فيما أعلنت شركة «تويتر» أرباحها",
      has: ["organization:تويتر:1"],
      not: ["organization:تويتر:2", "organization:فيسبوك:1"],
    },
    {
      why: "a quoted platform after موقع or لـ is where it was said, not an outlet",
      text: "كتب على موقع «تويتر»: نتمكن، وقال لـ«فيسبوك» إنه",
      has: [],
      not: ["organization:تويتر:1", "organization:فيسبوك:1"],
    },
    {
      why: "شركة with a proclitic names the company; a comma or a line between does not",
      text: "وأعلنت لشركة فيسبوك، وقال ممثل بشركة تويتر إن. وتعمل شركة، تويتر الآن",
      has: ["organization:فيسبوك:1", "organization:تويتر:1"],
      not: ["organization:تويتر:2"],
    },
    {
      why: "the sunset prayer is not Morocco; a bare company is no organization",
      text: "بعد صلاة المغرب أعلنت الشركة أرباحها",
      has: [],
      not: ["place:المغرب:1"],
    },
    {
      why: "ينبع before من is the verb 'springs from', not Yanbu; Yanbu elsewhere stays a place",
      text: "وقال إن القرار ينبع من حاجة ملحة، ووصل الوفد إلى ينبع أمس",
      has: ["place:ينبع:1"],
      not: ["place:ينبع:2"],
    },
    {
      why: "an outlet is the name after its kind (up to a nisba adjective), or a quoted name told something",
      text: 'ونقلت صحيفة الحياة اللندنية عن موقع "سكاي نيوز عربية" الخبر. وأكد قائد المنطقة اللواء أحمد الحربي لـ«عكاظ» ذلك',
      has: [
        "organization:الحياة:1",
        "organization:سكاي نيوز عربية:1",
        "organization:عكاظ:1",
        "person:أحمد الحربي:1",
      ],
      not: ["organization:صحيفة الحياة:1", "organization:الحياة اللندنية:1"],
    },
    {
      why: "a quoted name after لـ with no reporting word before it is no outlet; موقع unquoted is a place",
      text: 'تتكشف الملامح العامة لـ"ويندوز 10" تدريجيا، وفي موقع الحادث',
      has: [],
      not: ["organization:ويندوز 10:1", "organization:الحادث:1"],
    },
    {
      why: "in a text about sport a club's word alone is a club, and a team head's name is the club without the head",
      text: "أبدى مشجعو فريق النصر غضبهم قبل المباراة، واتهم جمهور النصر لجنة الاحتراف بمجاملة الهلال. وتعاقد نادي روما الإيطالي مع اللاعب",
      has: [
        "organization:النصر:2",
        "organization:الهلال:1",
        "organization:روما:1",
        "organization:لجنة الاحتراف:1",
      ],
      not: ["organization:فريق النصر:1", "place:روما:1"],
    },
    {
      why: "outside sport, or inside another name, a club's word is the everyday word",
      text: "قدمت هيئة الهلال الأحمر المساعدة وكان الحاسم في النصر. ونظمت الأمانة بطولة للدراجات وأقيمت مباراة",
      has: ["organization:هيئة الهلال الأحمر:1"],
      not: ["organization:النصر:1", "organization:الهلال:1"],
    },
    {
      why: "Gulf given names read after titles in the corpus begin a bare name; a given name that is also a word does not",
      text: "وأوضح عزام الدخيل أن الحفل بدأ، وتحققت أحلام الكثير",
      has: ["person:عزام الدخيل:1"],
      not: ["person:أحلام الكثير:1"],
    },
    {
      why: "a player's or a striker's role is a title; a department after a nisba is no foreign name",
      text: "ويغيب مهاجم الفريق نايف هزازي عن المباراة. وقال الباحث الفلكي بقسم علوم الفلك إن",
      has: ["person:نايف هزازي:1"],
      not: ["person:بقسم علوم:1"],
    },
    {
      why: "in sport: بالتعاون مع, رعاية الشباب, بكأس الاتحاد and a rank before a name are no clubs; ل«...» without a stretch",
      text: "فاز الهلال بكأس الاتحاد في المباراة بالتعاون مع الرئاسة العامة لرعاية الشباب. وقال الرائد محمد الغامدي ل«عكاظ» إن اللاعب والمدرب",
      has: ["organization:الهلال:1", "person:محمد الغامدي:1", "organization:عكاظ:1"],
      not: [
        "organization:الاتحاد:1",
        "organization:التعاون:1",
        "organization:الشباب:1",
        "organization:الرائد:1",
      ],
    },
    {
      why: "a club before مع is a club (but for التعاون and الاتفاق); a side of a place ends no name",
      text: "وتعادل الهلال مع النصر في مباراة الدوري وأشاد المدرب. وقتل جنديان في مدينة الشيخ زويد شمال سيناء",
      has: ["organization:الهلال:1", "organization:النصر:1", "place:سيناء:1"],
      not: ["person:زويد شمال:1"],
    },
    {
      why: "a feminine adjective after a name is what is named after the person, not a family name (but العطية is one)",
      text: "افتتح مدرسة أسامة بن زيد الابتدائية، واستقبل الأمير خالد بن محمد العطية",
      has: ["person:خالد بن محمد العطية:1"],
      not: ["person:أسامة بن زيد الابتدائية:1"],
    },
    {
      why: "after بن a given name that is also a title (مساعد) is a name; the Olympic committee is one",
      text: "وعزى الشيخ عطية بن مساعد الثبيتي أسرة الفقيد، وأعلنت اللجنة الأولمبية مشاركتها",
      has: ["person:عطية بن مساعد الثبيتي:1", "organization:اللجنة الأولمبية:1"],
    },
    {
      why: "two lineages with the same first and last names are two people, not a short and a long form of one",
      text: "استقبل الأمير محمد بن نايف بن عبدالعزيز ولي العهد والأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد",
      has: ["person:محمد بن نايف بن عبدالعزيز:1", "person:محمد بن سلمان بن عبدالعزيز:1"],
    },
    {
      why: "goals, teams and contests of other kinds make no text about sport; a committee named by one adjective is none",
      text: "حقق الفريق هدف الخطة في البطولة الثقافية بفضل الاتفاق مع الشركاء. وقررت اللجنة الفنية ذلك",
      has: [],
      not: ["organization:الاتفاق:1", "organization:اللجنة الفنية:1"],
    },
    {
      why: "a federation is named for its sport with ل; ل and a verb is the sentence going on",
      text: "أعلن الاتحاد السعودي لكرة القدم أن لجنة الاحتراف ليتسنى لها النظر",
      has: ["organization:الاتحاد السعودي لكرة القدم:1", "organization:لجنة الاحتراف:1"],
      not: ["organization:الاتحاد السعودي:1"],
    },
    {
      why: "علي written with a final yeh is the given name, though normalized it is the preposition على",
      text: "وقال الرئيس اليمني المخلوع علي عبدالله صالح إن قواته، وأكد المهندس علي الحربي ذلك",
      has: ["person:علي عبدالله صالح:1", "person:علي الحربي:1"],
      not: ["person:عبدالله صالح:1"],
    },
    {
      why: "علي alone after a title may be the preposition misspelled: no name without more of it",
      text: "وأكد الوزير علي أهمية المشروع",
      has: [],
    },
    {
      why: "على written with alef maksura stays the preposition before a name",
      text: "ورد على عبدالله الحربي في مقاله",
      has: ["person:عبدالله الحربي:1"],
      not: ["person:على عبدالله الحربي:1"],
    },
    {
      why: "whom a contest or a stadium is named after is no person in the news",
      text: "في دوري عبداللطيف جميل وبطولة كأس الأمير فيصل بن فهد على ملعب الأمير عبدالله الفيصل، وقال الأمير عبدالله الفيصل",
      has: ["person:عبدالله الفيصل:1"],
      not: ["person:عبداللطيف جميل:1", "person:فيصل بن فهد:1"],
    },
    {
      why: "a known name (PEOPLE) wins over the title rule's shorter reading; its last word names him again",
      text: "قال الرئيس التركي رجب طيب أردوغان إن بلاده ماضية. وأضاف أردوغان",
      has: ["person:رجب طيب أردوغان:2"],
      not: ["person:رجب طيب:1"],
    },
    {
      why: 'a father\'s name written "عبد X" in two words is one unit of a lineage, closed by a family name',
      text: "استقبل الأمير محمد بن عبد الله الفيصل الوفد",
      has: ["person:محمد بن عبد الله الفيصل:1"],
      not: ["person:محمد:1", "person:عبد الله الفيصل:1"],
    },
    {
      why: '"بن عبد X" runs on through another lineage link',
      text: "وقال الأمير خالد بن عبد الله بن عبد العزيز إن",
      has: ["person:خالد بن عبد الله بن عبد العزيز:1"],
    },
    {
      why: '"بن عبد X" runs on through آل',
      text: "التقى الأمير فيصل بن عبد الله آل سعود",
      has: ["person:فيصل بن عبد الله آل سعود:1"],
    },
    {
      why: 'the spaced and the joined "عبد X" of a lineage share one key',
      text: "قال الأمير متعب بن عبد الله إن. وأكد الأمير متعب بن عبدالله أن",
      has: ["person:متعب بن عبد الله:2"],
    },
    {
      why: "written علي before a verbal noun or a feminine plural is the preposition, even after a title",
      text: "وأكد الوزير علي الالتزام بالقرار. وحصل علي التمويل. ونبه علي الجهات",
      has: [],
      not: ["person:علي الالتزام:1", "person:علي التمويل:1", "person:علي الجهات:1"],
    },
    {
      why: "written علي before a nisba or another family name after a verb is still a name",
      text: "أشاد علي الناصر بالفريق. وقال علي التميمي إن",
      has: ["person:علي الناصر:1", "person:علي التميمي:1"],
    },
  ];
  for (const row of rows) {
    it(`${row.why}`, () => {
      const got = named(row.text);
      for (const want of row.has) expect(got).toContain(want);
      for (const unwanted of row.not ?? []) expect(got).not.toContain(unwanted);
      if (row.has.length === 0) expect(got.filter((g) => g.startsWith("person:"))).toEqual([]);
    });
  }

  it("tells news agencies from other bodies (isNewsAgency)", () => {
    const orgs = (text: string) =>
      extractEntities(text)
        .filter((e) => e.kind === "organization")
        .map((e) => [e.name, isNewsAgency(e)]);
    expect(orgs("وقال لوكالة رويترز إن وزارة الصحة")).toEqual([
      ["وزارة الصحة", false],
      ["وكالة رويترز", true],
    ]);
    expect(orgs("وذكرت وكالة الأنباء الكويتية ان")).toEqual([["وكالة الأنباء الكويتية", true]]);
    expect(orgs("نقلته وكالة الأنباء السعودية «واس»")).toEqual([["وكالة الأنباء السعودية", true]]);
  });

  it("merges spellings of one name under one key", () => {
    const a = extractEntities("قال الرئيس الأمريكي باراك أوباما إن");
    const b = extractEntities("قال الرئيس الأميركي باراك اوباما إن");
    expect(a.map((e) => e.key)).toEqual(b.map((e) => e.key));
  });

  it("keys a name the same whether its link is written apart or joined (عبد الله / عبدالله)", () => {
    const apart = extractEntities("قال الرئيس اليمني السابق علي عبد الله صالح إن");
    const joined = extractEntities("قال الرئيس اليمني السابق علي عبدالله صالح إن");
    const person = (list: typeof apart) => list.find((e) => e.kind === "person")?.key;
    expect(person(apart)).toBeDefined();
    expect(person(apart)).toBe(person(joined));
  });

  it("keeps short place names that light stemming would fold together apart, and every spelling of one together", () => {
    const rows = [
      { name: "أبها and أبين (both stem to اب): two places", a: "أبها", b: "أبين", same: false },
      { name: "وهران and هرات (both stem to هر): two places", a: "وهران", b: "هرات", same: false },
      { name: "أبها with a preposition is still أبها", a: "بأبها", b: "أبها", same: true },
      { name: "جازان and جيزان are one place's spellings", a: "جازان", b: "جيزان", same: true },
      { name: "جدة and الرياض stay two, as before", a: "جدة", b: "الرياض", same: false },
    ];
    const keyOf = (place: string) =>
      extractEntities(`وصل الوفد إلى ${place} أمس`).find((e) => e.kind === "place")?.key;
    for (const row of rows) {
      expect(keyOf(row.a), row.name).toBeDefined();
      expect(keyOf(row.a) === keyOf(row.b), row.name).toBe(row.same);
    }
    expect(extractEntities("زار الوزير أبها ثم أبين").map((e) => e.name)).toEqual(["أبها", "أبين"]);
    expect(placeKeyOf("أبها")).not.toBe(placeKeyOf("أبين"));
  });
});

describe("combineEntities", () => {
  it("counts each entity once per article and merges a short name into the one long name it begins", () => {
    const lists = [
      extractEntities("قال وزير الخارجية عادل الجبير إن. وأضاف الجبير"),
      extractEntities("صرح وزير الخارجية عادل الجبير في الرياض"),
      extractEntities("في الرياض التقى الأمير محمد بن سلمان"),
    ];
    const combined = combineEntities(lists);
    const byKind = (k: EntityKind) => combined.filter((e) => e.kind === k).map((e) => [e.name, e.articles]);
    expect(byKind("person")).toEqual([
      ["عادل الجبير", 2],
      ["محمد بن سلمان", 1],
    ]);
    expect(byKind("place")).toEqual([["الرياض", 2]]);
  });

  it("merges a short name into the longer one most articles name, and not when two longer ones are as named", () => {
    const emergency = [
      "أعلنت قوات الطوارئ الخاصة في عسير",
      "وصلت قوات الطوارئ الخاصة إلى الموقع",
      "أكدت قوات الطوارئ الخاصة ذلك",
      "وقالت قوات الطوارئ السعودية إن",
      "وانتشرت قوات الطوارئ في المكان",
    ].map((t) => extractEntities(t));
    const organizations = (lists: ReturnType<typeof extractEntities>[]) =>
      combineEntities(lists)
        .filter((e) => e.kind === "organization")
        .map((e) => [e.name, e.articles]);
    expect(organizations(emergency)).toEqual([
      ["قوات الطوارئ الخاصة", 4],
      ["قوات الطوارئ السعودية", 1],
    ]);
    const football = ["أعلن اتحاد الكرة الإيطالي", "أعلن اتحاد الكرة السعودي", "وقال اتحاد الكرة إن"].map(
      (t) => extractEntities(t),
    );
    expect(organizations(football).map(([name]) => name)).toContain("اتحاد الكرة");
  });

  it("merges a name whose ئ one article writes ىء (قوات الطوارىء الخاصة, قوات الطوارئ الخاصة)", () => {
    const lists = [
      extractEntities("أعلنت قوات الطوارىء الخاصة في عسير نتائج التحقيق"),
      extractEntities("أعلنت قوات الطوارئ الخاصة في عسير نتائج التحقيق"),
      extractEntities("وصلت قوات الطوارئ الخاصة إلى الموقع"),
    ];
    const organizations = combineEntities(lists).filter((e) => e.kind === "organization");
    expect(organizations.map((e) => [e.name, e.articles])).toEqual([["قوات الطوارئ الخاصة", 3]]);
  });
});

describe("short forms within a story", () => {
  /** The story's entities of one kind as "name:articles", after combineEntities over its articles' texts. */
  const combined = (kind: EntityKind, texts: string[]) =>
    combineEntities(texts.map((t) => extractEntities(t)))
      .filter((e) => e.kind === kind)
      .map((e) => `${e.name}:${e.articles}`);
  const rows: { why: string; kind: EntityKind; texts: string[]; want: string[] }[] = [
    {
      why: "a name without the father's is the same person (dev corpus: the foreign minister both ways)",
      kind: "person",
      texts: ["قال وزير الخارجية عادل بن أحمد الجبير إن", "وأكد وزير الخارجية عادل الجبير أن"],
      want: ["عادل بن أحمد الجبير:2"],
    },
    {
      why: "a short name in another article of the story is the long one's (dev corpus: the same student both ways)",
      kind: "person",
      texts: ["كرمت الجامعة الدكتور حسام بن مأمون الزواوي، لتميزه", "وقدم الدكتور حسام الزواوي، بحثه"],
      want: ["حسام بن مأمون الزواوي:2"],
    },
    {
      why: "a middle name the longer one does not have is another father: another person",
      kind: "person",
      texts: ["قال الدكتور محمد علي العمري إن", "وقال الدكتور محمد بن حمد العمري إن"],
      want: ["محمد بن حمد العمري:1", "محمد علي العمري:1"],
    },
    {
      why: "a given name that shares a stem with a longer one's is not in it (سليمان, سليم)",
      kind: "person",
      texts: ["قال الدكتور عبدالله سليمان إن", "وقال الدكتور عبد الله سليم الرشيد إن"],
      want: ["عبد الله سليم الرشيد:1", "عبدالله سليمان:1"],
    },
    {
      why: "two bodies with the same first and last words and another in between are two (dev corpus)",
      kind: "organization",
      texts: ["أعلن الاتحاد السعودي لكرة القدم أمس", "وأعلن الاتحاد البرتغالي لكرة القدم أمس"],
      want: ["الاتحاد البرتغالي لكرة القدم:1", "الاتحاد السعودي لكرة القدم:1"],
    },
    {
      why: "a body named after a king leaves out only his father's name, not another king's",
      kind: "organization",
      texts: ["وصلت إلى مطار الملك عبدالعزيز الدولي بجدة", "وغادرت مطار الملك عبدالله بن عبدالعزيز الدولي"],
      want: ["مطار الملك عبدالعزيز الدولي:1", "مطار الملك عبدالله بن عبدالعزيز الدولي:1"],
    },
    {
      why: "a body named after a king without his father's name is the same body",
      kind: "organization",
      texts: ["أرسل مركز الملك سلمان للإغاثة طائرة", "وقال مركز الملك سلمان بن عبدالعزيز للإغاثة إن"],
      want: ["مركز الملك سلمان بن عبدالعزيز للإغاثة:2"],
    },
    {
      why: "spellings of one name are one entity (غوتيريش, جوتيريش)",
      kind: "person",
      texts: ["قال الرئيس البرتغالي أنطونيو غوتيريش إن", "وقال الرئيس البرتغالي أنطونيو جوتيريش إن"],
      want: ["أنطونيو غوتيريش:2"],
    },
  ];
  for (const row of rows) {
    it(row.why, () => {
      expect(combined(row.kind, row.texts)).toEqual(row.want);
    });
  }

  it("counts a surname alone as the full name named before it (هادي, عبد ربه منصور هادي)", () => {
    const [hadi] = extractEntities("قال الرئيس اليمني عبد ربه منصور هادي إن ... وأضاف هادي أن").filter(
      (e) => e.kind === "person",
    );
    expect(hadi).toMatchObject({ name: "عبد ربه منصور هادي", mentions: 2 });
  });

  it("keeps the shorter name's key on the longer entity: the evidence for merging them across stories", () => {
    const [minister] = combineEntities([
      extractEntities("قال الأمير محمد بن سلمان بن عبدالعزيز إن"),
      extractEntities("وقال الأمير محمد بن سلمان إن"),
    ]);
    const short = extractEntities("وقال الأمير محمد بن سلمان إن")[0]!;
    expect(minister?.shorterKeys).toEqual([short.key]);
  });

  it("keeps every name written for an entity as its forms, the shorter names merged into it after its own", () => {
    // Within one text: the ministry named in full, then short.
    const [ministry] = extractEntities(
      "أعلنت وزارة الداخلية السعودية اليوم أن ... وأوضحت وزارة الداخلية أن",
    ).filter((e) => e.kind === "organization");
    expect(ministry).toMatchObject({
      name: "وزارة الداخلية السعودية",
      forms: ["وزارة الداخلية السعودية", "وزارة الداخلية"],
    });
    // Across a story's articles: the shorter name of another article, and a surname alone never.
    const [minister] = combineEntities([
      extractEntities("قال الأمير محمد بن سلمان بن عبدالعزيز إن ... وأضاف بن عبدالعزيز"),
      extractEntities("وقال الأمير محمد بن سلمان إن"),
    ]);
    expect(minister?.forms).toEqual(["محمد بن سلمان بن عبدالعزيز", "محمد بن سلمان"]);
  });
});

describe("longerFormOf across stories", () => {
  /** A person's entity as a story lists it: its key read from a titled name, stories naming it, shorter names beside it. */
  const person = (name: string, stories: number, namedWith: string[] = []) => {
    const keyOf = (written: string) =>
      extractEntities(`وقال الأستاذ ${written}، إن`).find((e) => e.kind === "person")?.key ?? "";
    return {
      kind: "person" as const,
      key: keyOf(name),
      names: new Map([[name, stories]]),
      shorterKeys: new Set(namedWith.map(keyOf)),
      stories,
    };
  };
  const rows: {
    why: string;
    short: string;
    entries: [string, number, string[]?][];
    into: string | undefined;
  }[] = [
    {
      why: "a lineage merges into the longer lineage that begins with it when a story names both",
      short: "سلمان بن عبدالعزيز",
      entries: [
        ["سلمان بن عبدالعزيز", 213],
        ["سلمان بن عبدالعزيز آل سعود", 174, ["سلمان بن عبدالعزيز"]],
      ],
      into: "سلمان بن عبدالعزيز آل سعود",
    },
    {
      why: "not when no story names both: a lineage of two names is many men's (محمد بن عبدالعزيز)",
      short: "محمد بن عبدالعزيز",
      entries: [
        ["محمد بن عبدالعزيز", 3],
        ["محمد بن عبدالعزيز الصفيان", 2],
      ],
      into: undefined,
    },
    {
      why: "not into a rare longer spelling (less than half as named)",
      short: "فيصل بن خالد بن عبدالعزيز",
      entries: [
        ["فيصل بن خالد بن عبدالعزيز", 54],
        ["فيصل بن خالد بن عبدالعزيز آل سعود", 1, ["فيصل بن خالد بن عبدالعزيز"]],
      ],
      into: undefined,
    },
    {
      why: "a name without a lineage stays: across stories it is often someone else's",
      short: "أحمد سعد",
      entries: [
        ["أحمد سعد", 4],
        ["أحمد سعد القحطاني", 4, ["أحمد سعد"]],
      ],
      into: undefined,
    },
    {
      why: "a name sharing only first and last words is another person across stories",
      short: "خالد بن فيصل",
      entries: [
        ["خالد بن فيصل", 10],
        ["خالد بن عبدالله بن فيصل", 10, ["خالد بن فيصل"]],
      ],
      into: undefined,
    },
    {
      why: "a given name whose stem is a shorter one's is no lineage of it (سعيدان, سعيد)",
      short: "سعد بن سعيدان",
      entries: [
        ["سعد بن سعيدان", 2],
        ["سعد بن سعيد الحجري", 2, ["سعد بن سعيدان"]],
      ],
      into: undefined,
    },
  ];
  for (const row of rows) {
    it(row.why, () => {
      const entries = row.entries.map(([name, n, namedWith]) => person(name, n, namedWith));
      const short = entries.find((e) => e.names.has(row.short))!;
      const into = longerFormOf(short, entries, (e) => e.stories, true);
      expect(into === undefined ? undefined : [...into.names.keys()][0]).toBe(row.into);
    });
  }
});
