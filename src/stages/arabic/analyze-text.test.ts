import { hash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ArticleDraft } from "../../domain/article.ts";
import { GIVEN_NAMES, PLACE_ADJECTIVES, PLACES } from "../entities/entity-lexicon.ts";
import {
  ANALYZER_VERSION,
  analyzeForIndex,
  analyzeWord,
  buildArticleWrite,
  buildIndexFields,
  compoundKeyAt,
  digestIndexFields,
  matchKeyOf,
  normalizedWords,
  queryKeysOf,
  searchKeyNeedles,
  searchKeyOf,
  toMatchKeys,
} from "./analyze-text.ts";
import { FAMILY_NAME_NISBAS } from "./family-name-nisbas.ts";
import { RADICAL_WAW_WORDS } from "./radical-waw-words.ts";
import { SPELLING_VARIANTS } from "./spelling-variants.ts";
import { tokenize } from "./tokenize.ts";

/** The one match key of a single display word. */
function keyOf(display: string): string {
  const keys = toMatchKeys(display);
  expect(keys).toHaveLength(1);
  return keys[0]!;
}

describe("analyzer probes (notes §3.1): a document word and a query word share a key", () => {
  const probes: { why: string; doc: string; query: string; matches: boolean }[] = [
    { why: "diacritics in the document", doc: "مُحَمَّدٌ", query: "محمد", matches: true },
    { why: "diacritics in the query", doc: "محمد", query: "مُحَمَّد", matches: true },
    { why: "tatweel", doc: "الســلام", query: "السلام", matches: true },
    { why: "hamza-alef dropped in the document", doc: "اسرائيل", query: "إسرائيل", matches: true },
    { why: "hamza-alef dropped in the query", doc: "إسرائيل", query: "اسرائيل", matches: true },
    { why: "alef madda written bare", doc: "آلاف", query: "الاف", matches: true },
    { why: "teh marbuta written as heh", doc: "حكومه", query: "حكومة", matches: true },
    { why: "alef maksura versus yeh", doc: "المستشفى", query: "المستشفي", matches: true },
    { why: "the article", doc: "الحكومة", query: "حكومة", matches: true },
    { why: "و + article clitics", doc: "والحكومة", query: "الحكومة", matches: true },
    { why: "بال + plural", doc: "بالانتخابات", query: "الانتخابات", matches: true },
    { why: "pronoun suffix", doc: "حكومتها", query: "الحكومة", matches: true },
    { why: "sound plural", doc: "المعلمين", query: "معلم", matches: true },
    { why: "Arabic-Indic digits", doc: "٢٠١٥", query: "2015", matches: true },
    { why: "Persian keheh and farsi yeh", doc: "\u06a9ابول", query: "كابول", matches: true },
    { why: "presentation forms", doc: "\ufe8d\ufedf\ufeb4\ufefc\ufee1", query: "السلام", matches: true },
    { why: "hamza seat", doc: "مسئول", query: "مسؤول", matches: true },
    { why: "transliteration أميركا / أمريكا", doc: "أميركا", query: "أمريكا", matches: true },
    { why: "transliteration غوتيريش / جوتيريش", doc: "غوتيريش", query: "جوتيريش", matches: true },
    { why: "false positive: زار must not find وزارة", doc: "وزارة", query: "زار", matches: false },
  ];
  for (const p of probes) {
    it(`${p.matches ? "matches" : "does not match"}: ${p.why}`, () => {
      expect(keyOf(p.doc) === keyOf(p.query)).toBe(p.matches);
    });
  }
});

describe("conflation pairs (notes §2.1)", () => {
  const pairs: { why: string; a: string; b: string; merge: boolean }[] = [
    { why: "و + article", a: "الحكومة", b: "والحكومة", merge: true },
    { why: "و + article + plural", a: "الحكومة", b: "والحكومات", merge: true },
    { why: "enclitic with restored teh marbuta", a: "الحكومة", b: "حكومتها", merge: true },
    { why: "adjective and country (variant table)", a: "الأمريكية", b: "أمريكا", merge: true },
    { why: "transliteration variants", a: "أمريكا", b: "أميركا", merge: true },
    { why: "hamza seats and plural", a: "المسؤولين", b: "مسئول", merge: true },
    { why: "plural and feminine nisba", a: "الفلسطينيين", b: "الفلسطينية", merge: true },
    { why: "nisba adjective", a: "إسرائيل", b: "الإسرائيلي", merge: true },
    { why: "بال + plural and nisba", a: "بالانتخابات", b: "الانتخابية", merge: true },
    // Known miss, kept visible: light10 has no future-tense س rule (سيارة, سياسة would break), notes §1.2.
    { why: "future س is not removed (known miss of light10)", a: "سيجتمع", b: "يجتمعون", merge: false },
    { why: "plural and alef maksura", a: "مستشفيات", b: "المستشفى", merge: true },
    { why: "g written غ or ج", a: "غوتيريش", b: "جوتيريش", merge: true },
    { why: "minister and visit differ", a: "وزيرة", b: "زيارة", merge: false },
    { why: "ministry and visited differ", a: "وزارة", b: "زار", merge: false },
    { why: "a name keeps its radical و", a: "وليد", b: "ليد", merge: false },
    { why: "security and honest differ", a: "الامن", b: "امين", merge: false },
  ];
  for (const p of pairs) {
    it(`${p.merge ? "merges" : "keeps apart"} ${p.a} / ${p.b}: ${p.why}`, () => {
      expect(keyOf(p.a) === keyOf(p.b)).toBe(p.merge);
    });
  }

  it("does not turn آلاف into اف", () => {
    expect(keyOf("آلاف")).not.toBe("اف");
    expect(keyOf("آلاف")).not.toBe(keyOf("اف"));
  });

  it("gives one key to every spelling of America with clitics", () => {
    const keys = new Set(
      ["الأمريكية", "الأميركيين", "أمريكا", "أميركا", "والأمريكي", "الأمريكيون"].map(keyOf),
    );
    expect(keys.size).toBe(1);
  });
});

describe("normalizedWords", () => {
  it("gives tokenize's normalized words, and each text its own when texts alternate", () => {
    const texts = ["قالَ المسؤول", "وزارة الصحة", "قالَ المسؤول", "", "وزارة الصحة"];
    for (const text of texts) expect(normalizedWords(text)).toEqual(tokenize(text).map((t) => t.norm));
  });
});

describe("buildIndexFields", () => {
  it("stores stems in title and body and normalized words in surface, stop words kept", () => {
    const fields = buildIndexFields("وزارة الصحة", "قالت الوزارة إن عدد الحالات ٢٠ حالة في أميركا.");
    expect(fields.title).toBe("وزار صح");
    expect(fields.body).toBe("قالت وزار ان عدد حال 20 حال في امريك");
    expect(fields.surface).toBe("وزاره الصحه قالت الوزاره ان عدد الحالات 20 حاله في اميركا");
  });

  it("keys a name or loanword written in two words as the one word, at one position, its words' keys after the text", () => {
    const rows: { why: string; text: string; body: string }[] = [
      { why: "عبد + a divine name", text: "قال عبد الله صالح", body: "قال عبدالله صالح عبد له" },
      { why: "written in one word", text: "قال عبدالله صالح", body: "قال عبدالله صالح" },
      { why: "particles on عبد", text: "ولعبد الرحمن", body: "عبدالرحمن لعبد رحمن" },
      { why: "أبو + a place, particles", text: "في أبو ظبي وبأبوظبي", body: "في ابوظبي ابوظبي ابو ظب" },
      { why: "أبو عبد الله: three words", text: "أبو عبد الله", body: "ابوعبدالل ابو عبد له" },
      { why: "a loanword in two words", text: "عبر واتس اب", body: "عبر واتساب اب" },
      { why: "each word's key once", text: "عبد الله وعبد الله", body: "عبدالله عبدالله عبد له" },
      { why: "عبد before a stop word stays a word", text: "عبد في", body: "عبد في" },
    ];
    for (const row of rows) expect(buildIndexFields("", row.text).body, row.why).toBe(row.body);
  });

  it("handles an empty title or body without stray spaces", () => {
    expect(buildIndexFields("", "خبر").surface).toBe("خبر");
    expect(buildIndexFields("خبر", "").surface).toBe("خبر");
    expect(buildIndexFields("", "").body).toBe("");
  });

  it("puts every surface word's stem in title or body, as the SearchIndex port relies on", () => {
    const cases = [
      ["وزارة الصحة", "قالت الوزارة إن عدد الحالات ٢٠ حالة في أميركا."],
      ["الأُمَمُ المتّحدة", "غوتيريش وجوتيريش والحكومات، وللمرة الـ3 «اقرأ أيضاً» 2015-07-01 ﻻ"],
      ["", "ﷲ أكبر — 100٪ e-mail test_x"],
      ["عبد الله في أبو ظبي", "ولعبد الرحمن وأبو عبد الله عبر واتس اب"],
    ] as const;
    for (const [title, body] of cases) {
      const fields = buildIndexFields(title, body);
      const stems = new Set([...fields.title.split(" "), ...fields.body.split(" ")]);
      for (const word of fields.surface.split(" ")) expect(stems, word).toContain(analyzeWord(word).stem);
    }
  });

  it("never changes the display text it reads", () => {
    const title = "مُحَمَّدٌ يزور الســعودية";
    const copy = `${title}`;
    buildIndexFields(title, title);
    toMatchKeys(title);
    expect(title).toBe(copy);
  });
});

describe("buildArticleWrite", () => {
  it("carries the article's index fields and their digest, which changes with any field", () => {
    const article = { title: "وزارة الصحة", text: "قالت الوزارة إن عدد الحالات ٢٠ حالة." } as ArticleDraft;
    const write = buildArticleWrite(article);
    expect(write.index).toEqual(buildIndexFields(article.title, article.text));
    expect(write.indexDigest).toBe(digestIndexFields(write.index));
    for (const field of ["title", "body", "surface"] as const) {
      expect(digestIndexFields({ ...write.index, [field]: `${write.index[field]} x` })).not.toBe(
        write.indexDigest,
      );
    }
  });
});

describe("analyzeWord", () => {
  it("returns the surface and the variant-folded stem of a normalized word", () => {
    expect(analyzeWord("والحكومات")).toEqual({ surface: "والحكومات", stem: "حكوم" });
    expect(analyzeWord("اميركا")).toEqual({ surface: "اميركا", stem: "امريك" });
  });
});

describe("searchKeyOf and matchKeyOf", () => {
  const rows: { why: string; norm: string; search: string; match: string }[] = [
    {
      why: "a place name is whole in search, a light stem for comparison",
      norm: "بابها",
      search: "ابها",
      match: "باب",
    },
    {
      why: "an article place name keeps its article in search only",
      norm: "بالرياض",
      search: "الرياض",
      match: "رياض",
    },
    {
      why: "a place name in a variant group folds to the group's key",
      norm: "بسنغافوره",
      search: "سنغافور",
      match: "بسنغافور",
    },
    { why: "a word that is no place name has one key", norm: "والحكومات", search: "حكوم", match: "حكوم" },
    {
      why: "a given name is whole in search (سلمان is not سلم)",
      norm: "وسلمان",
      search: "سلمان",
      match: "سلم",
    },
    { why: "the word the name was cut onto keeps its stem", norm: "وسلم", search: "سلم", match: "سلم" },
    {
      why: "a tens word is not its unit (ثلاثين is not ثلاث)",
      norm: "والثلاثين",
      search: "ثلاثين",
      match: "ثلاث",
    },
    { why: "nominative and oblique tens meet", norm: "ثلاثون", search: "ثلاثين", match: "ثلاث" },
    { why: "the hundred is not water (ماء)", norm: "بالماءه", search: "مءه", match: "ماء" },
    { why: "both spellings of the hundred meet", norm: "المءه", search: "مءه", match: "مء" },
    { why: "water stays water", norm: "الماء", search: "ماء", match: "ماء" },
    { why: "the capital is not the name عاصم", norm: "للعاصمه", search: "عاصمه", match: "عاصم" },
    { why: "the name عاصم keeps its key", norm: "عاصم", search: "عاصم", match: "عاصم" },
    { why: "an increase is not the name زياد", norm: "بالزيادات", search: "زياده", match: "زياد" },
    { why: "safety is not peace (سلام)", norm: "والسلامه", search: "سلامه", match: "سلام" },
    { why: "nor is their safety", norm: "لسلامتهم", search: "سلامه", match: "لسلام" },
    {
      why: "early (باكرا) is no place (Accra): the accusative of باكر",
      norm: "باكرا",
      search: "باكر",
      match: "باكرا",
    },
    {
      why: "a counted noun's accusative alef goes in search only",
      norm: "شهيدا",
      search: "شهيد",
      match: "شهيدا",
    },
    { why: "a country's own alef stays (a place name)", norm: "سوريا", search: "سوريا", match: "سوريا" },
    {
      why: "a place's second spelling keys as its first (سورية, with a particle)",
      norm: "بسوريه",
      search: "سوريا",
      match: "بسور",
    },
    { why: "another place written two ways (جيزان)", norm: "جيزان", search: "جازان", match: "جيز" },
    { why: "corona is not football (كرونا, الكروي)", norm: "كرونا", search: "كورونا", match: "كرو" },
    { why: "corona keeps its نا", norm: "والكورونا", search: "كورونا", match: "كورو" },
    { why: "football keeps its stem", norm: "الكروي", search: "كرو", match: "كرو" },
    {
      why: "a country's adjective keys as itself (السوريين)",
      norm: "السوريين",
      search: "سوري",
      match: "سور",
    },
    { why: "a word that shares its stem keeps the stem (سورة)", norm: "سوره", search: "سور", match: "سور" },
    {
      why: "a family name written as a nisba is whole, particles removed (العبادي is not العباد, the worshippers)",
      norm: "للعبادي",
      search: "العبادي",
      match: "عباد",
    },
    {
      why: "one named after a region is not the region (السديري, سدير)",
      norm: "والسديري",
      search: "السديري",
      match: "سدير",
    },
    {
      why: "a nisba the corpus writes as an adjective is stemmed (العسكري)",
      norm: "العسكري",
      search: "عسكر",
      match: "عسكر",
    },
    {
      why: "a country's adjective still meets its country (المصري, مصر)",
      norm: "المصري",
      search: "مصر",
      match: "مصر",
    },
    {
      why: "ان after a three-letter stem in و is the noun's (الإخوان)",
      norm: "الاخوان",
      search: "اخوان",
      match: "اخو",
    },
    { why: "so before a pronoun (إخوانهم)", norm: "اخوانهم", search: "اخوان", match: "اخو" },
    {
      why: "the root's other nouns keep the short stem (الأخوة)",
      norm: "الاخوه",
      search: "اخو",
      match: "اخو",
    },
    { why: "عدوان (aggression) is not عدو (enemy)", norm: "والعدوان", search: "عدوان", match: "عدو" },
    {
      why: "its adjective meets it, as before (العدوانية)",
      norm: "العدوانيه",
      search: "عدوان",
      match: "عدوان",
    },
    {
      why: "a dual whose stem does not end in و loses its ان (المصريان)",
      norm: "المصريان",
      search: "مصر",
      match: "مصر",
    },
    {
      why: "WhatsApp's first half alone is the app (الواتس)",
      norm: "الواتس",
      search: "واتساب",
      match: "واتس",
    },
    {
      why: "WhatsApp without the article's alef (الوتساب)",
      norm: "الوتساب",
      search: "واتساب",
      match: "وتساب",
    },
    {
      why: "Snapchat's first half alone is the app (السناب)",
      norm: "والسناب",
      search: "سنابشات",
      match: "سناب",
    },
    { why: "سنابل (ears of grain) is not Snapchat", norm: "سنابل", search: "سنابل", match: "سنابل" },
    { why: "YouTube with its ي unwritten (يوتوب)", norm: "واليوتوب", search: "يوتيوب", match: "يوتوب" },
    { why: "utopia is not YouTube (اليوتوبيا)", norm: "اليوتوبيا", search: "يوتوب", match: "يوتوبيا" },
    {
      why: "Bangladesh with its ي unwritten (بنغلادش)",
      norm: "بنغلادش",
      search: "بنغلاديش",
      match: "بنغلادش",
    },
    { why: "and its adjective (البنجلادشية)", norm: "البنجلادشيه", search: "بنغلاديش", match: "بنجلادش" },
    { why: "Facebook written in two words: فيس", norm: "الفيس", search: "فيسبوك", match: "فيس" },
    { why: "Facebook written in two words: بوك", norm: "بوك", search: "فيسبوك", match: "بوك" },
    { why: "the King's title is not the name شريف", norm: "الشريفين", search: "شريفين", match: "شريف" },
    { why: "the unit keeps its stem", norm: "ثلاثه", search: "ثلاث", match: "ثلاث" },
  ];
  for (const row of rows) {
    it(`keys a word: ${row.why}`, () => {
      expect({ search: searchKeyOf(row.norm), match: matchKeyOf(row.norm) }).toEqual({
        search: row.search,
        match: row.match,
      });
    });
  }
});

describe("searchKeyNeedles", () => {
  // Snippets analyze only the words that hold a needle of a query key: a word keyed otherwise than its letters
  // (a loanword's other spelling, a place's second spelling, an accusative) must still hold one.
  const words = [
    "كرونا",
    "الفيس",
    "بوك",
    "وفيسبوك",
    "بسوريه",
    "شهيدا",
    "والفا",
    "حاليا",
    "السوريين",
    "الروسيه",
    "للعبادي",
    "اخوانهم",
    "الواتس",
    "الوتساب",
    "السناب",
    "سنابتشات",
    "يوتوب",
    "البنجلادشيه",
    "لعبدالغني",
    "عبداللهيان",
    "وابوظبي",
  ];
  for (const word of words) {
    it(`finds ${word} by a needle of each of its query keys`, () => {
      for (const key of queryKeysOf(word)) {
        expect(searchKeyNeedles(key).some((needle) => word.includes(needle))).toBe(true);
      }
    });
  }

  it("finds a compound written in two words by a needle in its first word", () => {
    for (const text of ["عبد الله", "لعبد الرحمن", "أبو ظبي", "وبأبو بكر", "أبو عبد الله", "واتس اب"]) {
      const words = tokenize(text).map((t) => t.norm);
      const compound = compoundKeyAt(words, 0)!;
      expect(
        searchKeyNeedles(compound.key).some((needle) => words[0]!.includes(needle)),
        text,
      ).toBe(true);
    }
  });
});

describe("queryKeysOf", () => {
  const rows: { why: string; norm: string; keys: string[] }[] = [
    {
      why: "a country named with the article also asks for its adjective",
      norm: "اليمن",
      keys: ["اليمن", "يمن"],
    },
    { why: "with a particle, too", norm: "والعراق", keys: ["العراق", "عراق"] },
    { why: "the adjective also asks for the place", norm: "اليمنيه", keys: ["يمن", "اليمن"] },
    { why: "الرياض does not ask for الرياضي (sporting)", norm: "الرياض", keys: ["الرياض"] },
    { why: "السعودية does not ask for سعود (a given name)", norm: "السعوديه", keys: ["السعوديه"] },
    { why: "a name without the article already shares its adjective's stem", norm: "لبنان", keys: ["لبنان"] },
    { why: "an everyday word has one key", norm: "والحكومات", keys: ["حكوم"] },
    {
      why: "a country in ‑يا asks for its adjective (سوريا, السوري)",
      norm: "سوريا",
      keys: ["سوريا", "سوري"],
    },
    { why: "its house spelling too (سورية)", norm: "سوريه", keys: ["سوريا", "سوري"] },
    { why: "the adjective asks for the country", norm: "السوريين", keys: ["سوري", "سوريا"] },
    {
      why: "a word that does not write the adjective does not (السور, the wall)",
      norm: "السور",
      keys: ["سور"],
    },
    { why: "nor does سورة (a sura)", norm: "سوره", keys: ["سور"] },
    { why: "روسيا asks for الروسي", norm: "روسيا", keys: ["روسيا", "روسي"] },
    { why: "بريطانيا asks for البريطاني", norm: "بريطانيا", keys: ["بريطانيا", "بريطاني"] },
    { why: "ليبيا asks for الليبي", norm: "وليبيا", keys: ["ليبيا", "ليبي"] },
    { why: "ألمانيا asks for الألماني", norm: "المانيا", keys: ["المانيا", "الماني"] },
    {
      why: "the adjective without the article (ألمانية) is the adjective",
      norm: "المانيه",
      keys: ["الماني", "المانيا"],
    },
    { why: "مان (مان سيتي) is not German", norm: "مان", keys: ["مان"] },
    { why: "a family name asks for itself alone (العبادي)", norm: "العبادي", keys: ["العبادي"] },
    { why: "the Brotherhood asks for itself alone (الإخوان)", norm: "الاخوان", keys: ["اخوان"] },
    { why: "تركيا does not ask for تركي (the name Turki)", norm: "تركيا", keys: ["تركيا"] },
    { why: "a country in ‑ا other than ‑يا (فرنسا, الفرنسي)", norm: "فرنسا", keys: ["فرنسا", "فرنسي"] },
    {
      why: "a country with the article whose adjective keyed apart",
      norm: "الامارات",
      keys: ["الامارات", "اماراتي"],
    },
    {
      why: "a country that already keys as its adjective asks for nothing more",
      norm: "لبنان",
      keys: ["لبنان"],
    },
    {
      why: "a place written without its article also asks for the place",
      norm: "رباط",
      keys: ["رباط", "الرباط"],
    },
    {
      why: "a country outlets write with and without the article asks for both (الإكوادور, إكوادور, الإكوادوري)",
      norm: "الاكوادور",
      keys: ["الاكوادور", "اكوادور"],
    },
  ];
  for (const row of rows) {
    it(`keys a query word: ${row.why}`, () => {
      expect(queryKeysOf(row.norm)).toEqual(row.keys);
    });
  }

  it("gives each adjective's key the place's key back: the query for either finds both", () => {
    expect(queryKeysOf("اليمني")).toContain(searchKeyOf("اليمن"));
    expect(queryKeysOf("اليمن")).toContain(searchKeyOf("اليمني"));
    expect(queryKeysOf("الرياض")).not.toContain(searchKeyOf("الرياضي"));
  });
});

describe("ANALYZER_VERSION", () => {
  // The search keys hang on tables kept elsewhere: a place added to PLACES, a given name, a spelling variant, a
  // radical-waw word or a number word changes what the index holds and needs a version bump too. This digest of their
  // keys says so (PLACE_ADJECTIVES' adjectives too since version 10, when they became search keys). Version 3 (before
  // GIVEN_NAMES joined the list) gave 0522a73fe2646e9e2d07de97e2be8e5a54b9f26b; version 5
  // (article forms of four names, proper-names.ts) left it unchanged: the sample below carries one. Version 5 gave
  // acc22b947aa615e3802ad4de1f9d08bafa61b45c (before the rest of the UN member states and more capitals); version 6
  // 63fd016db3b241bc1b9f4c4e207e76e2641e4a37, then a20567a639874b8fffe590da87f37bbcf1c664fb once الهايتي met هايتي
  // (a change of keys under one version: stores indexed in between kept the old keys; version 7 re-indexes them).
  // Versions 8 and 9 (ى before ء) left it unchanged: no form of these tables writes ىء. Version 10 (a place's spellings
  // meet, سورية -> سوريا; the accusative alef; with the adjectives listed, السوري -> سوري) gives
  // 79b17bdfc30a3a29321d7f3177f8e140c7093dbc. Version 11 lists FAMILY_NAME_NISBAS too (العبادي -> العبادي, not عباد);
  // without them it gives version 10's digest. Version 12 (compounds) leaves it unchanged: the tables' one-word عبد
  // names were already proper names, kept whole.
  it("pins the search keys of the tables the analyzer reads to the version number", () => {
    const words = [
      ...PLACES.flatMap((p) => p.forms),
      ...GIVEN_NAMES,
      ...SPELLING_VARIANTS.flatMap((g) => g.forms),
      ...RADICAL_WAW_WORDS,
      ...PLACE_ADJECTIVES.flatMap(([, adjective]) => [adjective, `ال${adjective}`]),
      ...FAMILY_NAME_NISBAS,
      ...["عشرين", "ثلاثون", "أربعين", "خمسون", "ستين", "سبعون", "ثمانين", "تسعون", "مائة", "مئة"],
    ].flatMap((form) => tokenize(form).map((t) => `${t.norm}>${searchKeyOf(t.norm)}`));
    expect({ version: ANALYZER_VERSION, digest: hash("sha1", words.join("\n")) }).toEqual({
      version: 12,
      digest: "a7177fd70057c1941e2b477ce834a298e56be065",
    });
  });

  // A tripwire, not a proof: a sample that touches every rule family (normalization, article and particles, place
  // names, radical waw, enclitics, variants). When its output changes, so does what stores hold: bump the version
  // (stores re-index on open) and record the new digest here. Version 1 gave 035029c4ceef32deecca564ff5951c5d6828d179, version 2
  // 3d3a2d2f5a3a4286df17af2f95e6ffa8ca25bb7c (both on the sample without its last two clauses), version 3
  // 8b8f6138807d7c431e81932cc6be01d418f04bf3 (without its last clause), version 4
  // 43b054ae7a426b6a420f69ec33c4dd1a339f7c53 (without its last word, بالحسين), version 5
  // ef95919a43c06c3bc0e15b3e6d05906772081bd3 (without its last three words, وتشاد وللعاصمة وسلامتهم), version 6
  // 99c419f64aa9ea05092e2cb6ccd71ba89b0b57fe (without its last word), version 7
  // f9f152b9c3cf84b7f8e822c7285317ed6ebe6333 (without its last word, والطوارىء; with it,
  // 7f8ec344db45467442c38d79afd6644bd9d06671), version 8 ef8d8921d211fcd13cc60ba2b8856b18ec7da369 (without its last
  // word, بشىء; with it, ed9f5b6c58598e9d80b442120658a39afdb9df52: بشء, where version 9 has بشيء), version 9
  // 5573102c325d1a455a453596f093f9a3f3bc6b2c (without its last clause, و13 شهيدا بسورية وكرونا; with it,
  // 9c18c7c71d91290df9c9b33ea199c88bcc4425d4: شهيدا, سوريه and كرو, where version 10 has شهيد, سوريا and كورونا),
  // version 10 691cb1a985c5778a513b867f1d2d02eb3570ec91 (without its last clause, والإخوان وللعبادي وبنجلادش والواتس;
  // with it, cf010b3ff44577e0e709606b2439aee1d76ca1d3: اخو, عباد, بنجلادش and واتس, where version 11 has اخوان,
  // العبادي, بنغلاديش and واتساب), version 11 fd1d9e4693ace1261e6420baef10de55586dc9e5 (without its last clause, ولعبد
  // الله بأبو ظبي عبر واتس اب; with it, c4caf92589d2fd6dd7372c6402215855417715cf: لعبد له بابو ظب عبر واتساب اب, where
  // version 12 has عبدالله ابوظبي عبر واتساب and the words' keys after the text).
  it("pins the analyzer's output on a sample to the version number", () => {
    const sample = analyzeForIndex(
      "هيئة الصحة تفتتح مستشفى في أبها",
      "وقال وزير الصحة بالرياض إن الحكومات والوزارات في جدة ولمصر وأميركا تتابع حكومتها، وزادت ثلاثين بالمائة، واستقبل الأمير سلطان ولسلمان بالحسين وتشاد وللعاصمة وسلامتهم والطوارىء بشىء، و13 شهيدا بسورية وكرونا، والإخوان وللعبادي وبنجلادش والواتس. ولعبد الله بأبو ظبي عبر واتس اب.",
    );
    expect({ version: ANALYZER_VERSION, digest: sample.indexDigest }).toEqual({
      version: 12,
      digest: "07ab0c8fc3cf7eac1f34d1e5a289a3873362d5a0",
    });
  });
});
