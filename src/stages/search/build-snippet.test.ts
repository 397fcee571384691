import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SearchQuery } from "../../domain/search.ts";
import { analyzeWord } from "../arabic/analyze-text.ts";
import { tokenize } from "../arabic/tokenize.ts";
import { variantsOf } from "../arabic/variants.ts";
import { buildSnippet, highlightTitle, MARK_CLOSE, MARK_OPEN } from "./build-snippet.ts";
import { parseQuery } from "./parse-query.ts";

/** Writes expected snippets readably: [[word]] stands for the private-use markers around a match. */
const m = (s: string) => s.replaceAll("[[", MARK_OPEN).replaceAll("]]", MARK_CLOSE);

const q = (raw: string) => parseQuery(raw, { limit: 10, offset: 0 });

describe("buildSnippet", () => {
  it("marks a word that matches by stem, keeping its spelling and tashkeel", () => {
    const text = "قالت الوِزارةُ إن الاجتماع انتهى.";
    expect(buildSnippet(text, q("وزارة"))).toBe(m("قالت [[الوِزارةُ]] إن الاجتماع انتهى."));
  });

  it("marks variant spellings of the query word", () => {
    expect(buildSnippet("زار الرئيس الأميركي المنطقة", q("أمريكا"))).toBe(
      m("زار الرئيس [[الأميركي]] المنطقة"),
    );
  });

  it.each([
    ["السعودية", "وصل الوفد للسعودية أمس", "وصل الوفد [[للسعودية]] أمس"],
    ["الرياض", "عاد وللرياض حصة", "عاد [[وللرياض]] حصة"],
    ["مئة", "ارتفع عشرين بالمائة", "ارتفع عشرين [[بالمائة]]"],
    ["ثلاثين", "بلغ ثلاثون شخصا", "بلغ [[ثلاثون]] شخصا"],
    ["اليمن", "قال الجيش اليمني", "قال الجيش [[اليمني]]"],
    ["الطوارئ", "قوات الطوارىء وقوات الطوارئ", "قوات [[الطوارىء]] وقوات [[الطوارئ]]"],
    ["الطوارىء", "قوات الطوارىء وقوات الطوارئ", "قوات [[الطوارىء]] وقوات [[الطوارئ]]"],
    ["شاطئ", "جلسوا على شاطىءِ البحر", "جلسوا على [[شاطىءِ]] البحر"],
    // شىء spells شيء: its ى is a yeh after one letter, so the search for شيء marks it and الشؤون does not.
    ["شيء", "لم يبق شىء ولا شيء", "لم يبق [[شىء]] ولا [[شيء]]"],
    ["شىء", "لم يبق شىء ولا شيء", "لم يبق [[شىء]] ولا [[شيء]]"],
    ["الشؤون", "وزير الشؤون لم يقل شىء", "وزير [[الشؤون]] لم يقل شىء"],
    [
      "سلمان",
      "استقبل الملك سلمان ولسلمان شكرهم وسلم عليهم",
      "استقبل الملك [[سلمان]] [[ولسلمان]] شكرهم وسلم عليهم",
    ],
  ])("marks what the search for %s finds, however the word is written", (query, text, marked) => {
    expect(buildSnippet(text, q(query))).toBe(m(marked));
  });

  it("does not mark the false positive زار inside وزارة", () => {
    expect(buildSnippet("وزارة الخارجية", q("زار"))).toBe("وزارة الخارجية");
  });

  it("picks the window with the most distinct query terms and cuts at word boundaries", () => {
    const filler = "كلام عام ".repeat(40);
    const text = `${filler}غزة وحدها هنا ${filler}غزة ورفح معا في هذا الموضع ${filler}`;
    const snippet = buildSnippet(text, q("غزة رفح"), { maxChars: 80 });
    expect(snippet).toContain(m("[[غزة]] [[ورفح]]"));
    expect(snippet.startsWith("\u2026")).toBe(true);
    expect(snippet.endsWith("\u2026")).toBe(true);
    expect(snippet.replace(/\ue000|\ue001|\u2026/g, "").length).toBeLessThanOrEqual(80);
    expect(text).toContain(snippet.replace(/\ue000|\ue001|\u2026/g, ""));
  });

  it.each([
    ["a hyphenated name and number", "كوفيد-19"],
    ["an apostrophe", "don't"],
    ["digit groups", "1,000,000"],
    ["an underscore", "أبو_ظبي"],
    ["a hyphenated Latin word", "e-mail"],
  ])("never opens a snippet inside a token: %s (%s)", (_why, token) => {
    // The window's lead room ends at every offset across the token as the words before the match grow.
    const filler = "كلمة ".repeat(60);
    for (let pad = 0; pad < 140; pad++) {
      const text = `${filler}${"ب".repeat(pad % 7)} ${token} ${"قال ".repeat(Math.floor(pad / 7))}وزارة الصحة ${filler}`;
      const shown = buildSnippet(text, q("الوزارة"))
        .replace(/\ue000|\ue001/g, "")
        .replace(/^\u2026|\u2026$/g, "");
      const at = text.indexOf(shown);
      expect(at).toBeGreaterThan(0);
      expect(text[at - 1]).toBe(" ");
    }
  });

  it("joins paragraphs inside the window with a space so a snippet stays one line", () => {
    expect(buildSnippet("الفقرة الأولى عن غزة.\nالفقرة الثانية", q("غزة"))).toBe(
      m("الفقرة الأولى عن [[غزة]]. الفقرة الثانية"),
    );
  });

  it("joins any run of white space holding a line break, of any kind, into one space", () => {
    expect(buildSnippet("عن غزة. \r\n\u00a0\n\tوالفقرة\u2028الثالثة\u2029 هنا", q("غزة"))).toBe(
      m("عن [[غزة]]. والفقرة الثالثة هنا"),
    );
  });

  it("returns the start of the text when nothing matches", () => {
    const text = "بداية الخبر ثم ".repeat(30);
    const snippet = buildSnippet(text, q("غزة"), { maxChars: 50 });
    expect(snippet.startsWith("بداية الخبر")).toBe(true);
    expect(snippet.endsWith("\u2026")).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(51);
  });

  it("drops marker characters the stored text carries itself, so only matches are marked", () => {
    const text = `${MARK_OPEN}عاجل${MARK_CLOSE} قالت الوزارة إن${MARK_OPEN} الاجتماع انتهى.`;
    expect(buildSnippet(text, q("وزارة"))).toBe(m("عاجل قالت [[الوزارة]] إن الاجتماع انتهى."));
    expect(buildSnippet(text, q("غائب"))).toBe("عاجل قالت الوزارة إن الاجتماع انتهى.");
  });

  it("returns a short text whole", () => {
    expect(buildSnippet("خبر قصير عن غزة", q("غزة"))).toBe(m("خبر قصير عن [[غزة]]"));
  });

  it("marks phrase words too", () => {
    expect(buildSnippet("قالت وزارة الصحة اليوم", q('"وزارة الصحة"'))).toBe(
      m("قالت [[وزارة]] [[الصحة]] اليوم"),
    );
  });

  it("marks the words of every OR alternative, phrase or word, in the snippet and the title", () => {
    const query = q('أمريكا OR روسيا OR "وزارة الصحة"');
    expect(buildSnippet("زار وفد من روسيا وأمريكا وزارة الصحة", query)).toBe(
      m("زار وفد من [[روسيا]] [[وأمريكا]] [[وزارة]] [[الصحة]]"),
    );
    expect(highlightTitle("روسيا تحذر", query)).toBe(m("[[روسيا]] تحذر"));
  });
});

describe("buildSnippet on unusual spellings", () => {
  // Each row: a word whose normal form differs from its display units, so the letter-pair prefilter must still
  // see the match (pairs are read from folded units, deleted units skipped, Unicode-normalized words always read).
  const rows: { why: string; text: string; query: string; expected: string }[] = [
    {
      why: "tashkeel inside a word",
      text: "قالت الحُكُومَةُ اليوم",
      query: "حكومة",
      expected: "قالت [[الحُكُومَةُ]] اليوم",
    },
    {
      why: "tatweel inside a word",
      text: "قالت الحكـــومة اليوم",
      query: "حكومة",
      expected: "قالت [[الحكـــومة]] اليوم",
    },
    {
      why: "a zero-width non-joiner inside a word",
      text: "قالت الحك\u200cومة اليوم",
      query: "حكومة",
      expected: "قالت [[الحك\u200cومة]] اليوم",
    },
    {
      why: "a right-to-left mark before a word stays outside the mark",
      text: "قالت \u200fالحكومة اليوم",
      query: "حكومة",
      expected: "قالت \u200f[[الحكومة]] اليوم",
    },
    {
      why: "presentation forms (U+FEFB ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM) fold by NFKC",
      text: "قال \ufefbعب اليوم",
      query: "لاعب",
      expected: "قال [[\ufefbعب]] اليوم",
    },
    {
      why: "Arabic-Indic digits match ASCII ones",
      text: "في عام ٢٠١٥ م",
      query: "2015",
      expected: "في عام [[٢٠١٥]] م",
    },
    {
      why: "hamza seats and teh marbuta fold",
      text: "أكد المسئولون في الأمم المتحدة",
      query: "المسؤولون",
      expected: "أكد [[المسئولون]] في الأمم المتحدة",
    },
    {
      why: "a letter outside the Basic Multilingual Plane next to a word",
      text: "\u{1d400} غزة \u{1f600}رفح",
      query: "رفح",
      expected: "\u{1d400} غزة \u{1f600}[[رفح]]",
    },
  ];
  for (const row of rows) {
    it(`marks the match: ${row.why}`, () => {
      expect(buildSnippet(row.text, q(row.query))).toBe(m(row.expected));
      expect(highlightTitle(row.text, q(row.query))).toBe(m(row.expected));
      // Deep in a long text the match must also be found to place the window there.
      const filler = "كلام عام ".repeat(50);
      const long = buildSnippet(`${filler}${row.text} ${filler}`, q(row.query), {
        maxChars: row.text.length + 20,
      });
      expect(long).toContain(m(row.expected));
    });
  }

  it("keeps a late window's lead room and cuts at word boundaries far into a long text", () => {
    const text = `${"كلام عام ".repeat(300)}قالت وزارة الصحة اليوم ${"كلام عام ".repeat(300)}`;
    const snippet = buildSnippet(text, q("وزارة الصحة"), { maxChars: 60 });
    expect(snippet).toContain(m("قالت [[وزارة]] [[الصحة]] اليوم"));
    expect(snippet.startsWith("\u2026كلام")).toBe(true);
    expect(snippet.endsWith("\u2026")).toBe(true);
  });

  /** Whether a word is one buildSnippet must mark: the rule of its header, written out plainly. */
  function isMatch(norm: string, query: SearchQuery): boolean {
    return [...query.terms, ...query.phrases.flat()].some((term) => {
      const needles = [term.surface, ...term.stems.flatMap((stem) => variantsOf(stem))].map((v, i) =>
        i === 0 ? v : v.slice(0, Math.max(2, v.length - 1)),
      );
      if (!needles.some((needle) => needle !== "" && norm.includes(needle))) return false;
      return norm === term.surface || term.stems.includes(analyzeWord(norm).stem);
    });
  }

  it("marks exactly the words of the window that match, whatever the spelling", () => {
    const units = [
      ..."ابتحكمنويسلهرءأةىؤئ",
      ..."\u064e\u0651\u0640\u200c\u200f\ufefb\u0653\u06c1٠١5",
      " ",
      " ",
      "\n",
      "،",
    ];
    const words = ["الحكومة", "حكومتها", "غزة", "أمريكا", "الأميركي", "صحة", "المسئول", "٢٠١٥"];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...units), fc.constantFrom(...words.map((w) => ` ${w} `))), {
        maxLength: 80,
      })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...words, "حكومة غزة", "2015"),
        fc.integer({ min: 20, max: 120 }),
        (s, raw, maxChars) => {
          const query = q(raw);
          const snippet = buildSnippet(s, query, { maxChars });
          // Every word between markers matches; no word outside them does.
          for (const [i, part] of snippet.split(MARK_OPEN).entries()) {
            const [marked, rest] = i === 0 ? ["", part] : part.split(MARK_CLOSE);
            if (i > 0) expect(tokenize(marked!).every((t) => isMatch(t.norm, query))).toBe(true);
            expect(tokenize(rest ?? "").some((t) => isMatch(t.norm, query))).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("highlightTitle", () => {
  it("marks matching words and leaves the rest of the title as written", () => {
    expect(highlightTitle("الحكومةُ تعلن: حكومتها جديدة", q("حكومة"))).toBe(
      m("[[الحكومةُ]] تعلن: [[حكومتها]] جديدة"),
    );
  });

  it("drops marker characters the stored title carries itself", () => {
    expect(highlightTitle(`${MARK_OPEN}الحكومة تعلن${MARK_CLOSE}`, q("تعلن"))).toBe(m("الحكومة [[تعلن]]"));
  });

  it("marks a name or loanword written in one word or two, whichever way the query writes it", () => {
    const title = "عبدُ الله ولعبد الله وعبدالله في أبو ظبي وبأبوظبي عبر واتس اب";
    const marked = m("[[عبدُ]] [[الله]] [[ولعبد]] [[الله]] [[وعبدالله]] في أبو ظبي وبأبوظبي عبر واتس اب");
    expect(highlightTitle(title, q("عبدالله"))).toBe(marked);
    expect(highlightTitle(title, q("عبد الله"))).toBe(marked);
    expect(highlightTitle(title, q('"في أبو ظبي"'))).toBe(
      m("عبدُ الله ولعبد الله وعبدالله [[في]] [[أبو]] [[ظبي]] [[وبأبوظبي]] عبر واتس اب"),
    );
    expect(highlightTitle(title, q("أبوظبي واتساب"))).toBe(
      m("عبدُ الله ولعبد الله وعبدالله في [[أبو]] [[ظبي]] [[وبأبوظبي]] عبر [[واتس]] [[اب]]"),
    );
  });

  it("marks a word of a two-word name by itself when the query asks for the word, not the name", () => {
    expect(highlightTitle("عبد الله وعبد العزيز", q("الله"))).toBe(m("عبد [[الله]] وعبد العزيز"));
    expect(highlightTitle("عبد الله وعبد العزيز", q("عبد"))).toBe(m("[[عبد]] الله [[وعبد]] العزيز"));
  });
});
