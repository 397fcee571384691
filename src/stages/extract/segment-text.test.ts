// biome-ignore lint/style/noRestrictedImports: the fixture test reads testdata; the stage itself stays pure.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bestCpuMsOf } from "../../../test/fixtures/cpu-time.ts";
import { listRunLines, repeatedLines, segmentText } from "./segment-text.ts";

const FIXTURE_DIR = join(import.meta.dirname, "..", "..", "..", "testdata", "extract", "segment");

const STORY = [
  "الحكومة تقر خطة جديدة لدعم قطاع السياحة",
  "أقرت الحكومة اليوم خطة جديدة لدعم قطاع السياحة بقيمة مليار دولار، تشمل حوافز للفنادق وشركات الطيران.",
  "وقال وزير السياحة إن خطة دعم السياحة تستهدف مضاعفة عدد السياح خلال ثلاث سنوات.",
];

describe("segmentText fixtures", () => {
  for (const name of readdirSync(FIXTURE_DIR)) {
    it(`segments the ${name} fixture as reviewed`, () => {
      const expected = JSON.parse(readFileSync(join(FIXTURE_DIR, name, "expected.json"), "utf8"));
      const result = segmentText(readFileSync(join(FIXTURE_DIR, name, "input.txt"), "utf8"));
      expect(result.segments.map(({ kind, start, end }) => ({ kind, start, end }))).toEqual(
        expected.segments,
      );
      expect(result.main).toEqual(expected.main);
      if (expected.split_line !== undefined) {
        const seg = result.segments.find(
          (s) => s.start <= expected.split_line.index && s.end >= expected.split_line.index,
        );
        for (const part of expected.split_line.parts) expect(seg?.text.split("\n")).toContain(part);
      }
    });
  }
});

describe("segmentText", () => {
  const spellings: { name: string; line: string }[] = [
    { name: "hamza on alef with tanween fath", line: "اقرأ أيضاً: الأسواق تترقب قرار الفائدة" },
    { name: "hamza below and fathatan over alef", line: "إقرأ أيضًا.. الأسواق تترقب قرار الفائدة" },
    { name: "no hamza, en dash", line: "اقرا ايضا – الأسواق تترقب قرار الفائدة" },
    { name: "tatweel stretching", line: "إقـــرا أيـضـا ... الأسواق تترقب قرار الفائدة" },
  ];
  for (const s of spellings) {
    it(`marks an inline read-also written with ${s.name}`, () => {
      const result = segmentText(
        [...STORY, s.line, "وأضاف الوزير أن خطة دعم السياحة تشمل تسهيلات للحصول على التأشيرات."].join("\n"),
      );
      expect(result.segments.map((x) => x.kind)).toEqual(["main", "read_also", "main"]);
      expect(result.main).toMatchObject({ start: 0, end: 4 });
    });
  }

  it("counts only non-empty lines in start and end", () => {
    const result = segmentText(["", STORY[0], "", STORY[1], "   ", STORY[2]].join("\n"));
    expect(result.segments).toEqual([{ kind: "main", start: 0, end: 2, text: STORY.join("\n") }]);
  });

  it("marks the headlines after a bare read-also marker", () => {
    const result = segmentText(
      [...STORY, "اقرأ أيضا", "ارتفاع أسعار الذهب", "الأسهم تغلق على تراجع"].join("\n"),
    );
    expect(result.segments.at(-1)).toMatchObject({ kind: "read_also", start: 3, end: 5 });
  });

  it("keeps an interview's long *question / -answer turns in the story, and ends (it used to loop forever)", () => {
    const question = `*${STORY[1]} ${STORY[1]} ${STORY[1]}؟`;
    const answer = `-${STORY[2]} ${STORY[2]} ${STORY[2]}`;
    expect(question.length).toBeGreaterThan(240);
    // The second answer differs from the first: a paragraph printed twice word for word is template (repeatedLines).
    const lines = [
      STORY[0],
      question,
      answer,
      "*وما الخطوة التالية؟",
      `${answer} وأضاف أن الخطة تبدأ قريباً.`,
      "*ومتى تبدأ خطة السياحة؟",
    ];
    const result = segmentText(lines.join("\n"));
    expect(result.segments).toEqual([expect.objectContaining({ kind: "main", start: 0, end: 5 })]);
  });

  it("still reads two short bulleted headlines after the story as a list", () => {
    const result = segmentText([...STORY, "- ارتفاع أسعار الذهب", "- الأسهم تغلق على تراجع"].join("\n"));
    expect(result.segments.at(-1)).toMatchObject({ kind: "headline_list", start: 3, end: 4 });
  });

  it("finds the story in a whole flattened page: menus before it, a most-read list of teasers and a footer after", () => {
    const para = (n: number) => `${STORY[1]} ${STORY[2]} الفقرة ${n}.`;
    const teaser =
      "ارتفعت أسعار الذهب في الأسواق العالمية اليوم مع تراجع الدولار وزيادة الطلب على الملاذات الآمنة...";
    const page = [
      ...["الرئيسية", "محليات", "اقتصاد", "رياضة", "فيديو", "الأربعاء 8 أبريل 2020"],
      ...["وزير الصحة يزور مستشفى الملك فهد", "الأمطار تعم المنطقة الشرقية"],
      STORY[0],
      "الثلاثاء 7 أبريل 2020",
      para(1),
      para(2),
      para(3),
      "الأكثر قراءة",
      ...["الذهب يرتفع مع تراجع الدولار", teaser, "النفط يهبط بعد قرار أوبك", teaser],
      ...["من نحن", "اتصل بنا", "جميع الحقوق محفوظة 2020"],
    ];
    const result = segmentText(page.join("\n"));
    expect(result.main).toMatchObject({ start: 8, end: 12 });
    const kinds = result.segments.map((x) => [x.kind, x.start, x.end]);
    expect(kinds.filter(([k]) => k === "main")).toEqual([["main", 8, 12]]);
    expect(kinds[0]).toEqual(["headline_list", 0, 7]);
    expect(kinds.find(([, start]) => start === 13)?.[0]).toBe("headline_list");
  });

  it("returns an empty result for empty text", () => {
    expect(segmentText("")).toEqual({
      segments: [],
      main: { start: -1, end: -1, source: null, cited_sources: [] },
    });
  });
});

describe("listRunLines", () => {
  const rows: { name: string; why: string; lines: string[]; listed: boolean[] }[] = [
    {
      name: "a menu of three labels",
      why: "menus flatten to lines that end no sentence",
      lines: ["Home", "World", "Sport"],
      listed: [true, true, true],
    },
    {
      name: "a ticker of long headline - date lines",
      why: "a ticker's lines are as long as paragraphs but end in a time, not a sentence end",
      lines: [
        "Council approves the new budget for the city's schools and roads - Saturday, 26 September 2020 20:05",
        "Rain expected across the north of the country through the weekend - Saturday, 26 September 2020 19:55",
        "Local team wins the cup after a late goal in extra time at the stadium - Saturday, 26 September 2020 19:26",
      ],
      listed: [true, true, true],
    },
    {
      name: "a headline over two paragraphs",
      why: "a story's headline stands alone and its paragraphs end their sentences",
      lines: ["Council approves the budget", "The council approved the budget.", "It takes effect in May."],
      listed: [false, false, false],
    },
    {
      name: "two unpunctuated lines",
      why: "a headline and a byline are fewer than LIST_RUN_MIN_LINES",
      lines: ["Council approves the budget", "By a staff writer", "The council approved the budget."],
      listed: [false, false, false],
    },
    {
      name: "paragraphs ending in an ideographic full stop",
      why: "U+3002 ends a Chinese or Japanese sentence as '.' ends a Latin one",
      lines: [
        "\u5e02\u8b70\u4f1a\u304c\u4e88\u7b97\u3092\u627f\u8a8d\u3057\u305f\u3002",
        "\u65bd\u884c\u306f\u4e94\u6708\u3002",
        "\u8a73\u7d30\u306f\u5f8c\u65e5\u3002",
      ],
      listed: [false, false, false],
    },
    {
      name: "paragraphs ending in a Devanagari danda",
      why: "U+0964 DEVANAGARI DANDA ends a Hindi sentence",
      lines: [
        "\u092c\u091c\u091f \u092a\u093e\u0938 \u0939\u0941\u0906\u0964",
        "\u092e\u0908 \u092e\u0947\u0902 \u0932\u093e\u0917\u0942\u0964",
        "\u0906\u0917\u0947 \u0926\u0947\u0916\u0947\u0902\u0964",
      ],
      listed: [false, false, false],
    },
  ];
  for (const row of rows) {
    it(`marks ${row.name} (${row.why})`, () => {
      expect(listRunLines(row.lines)).toEqual(row.listed);
    });
  }
});

describe("repeatedLines", () => {
  const rows: { name: string; why: string; lines: string[]; repeated: boolean[] }[] = [
    {
      name: "a line that differs only in its digits",
      why: "paragraphs may differ in a figure alone; only word-for-word copies are template",
      lines: ["Rating: 3 votes", "Nice.", "Rating: 12 votes"],
      repeated: [false, false, false],
    },
    {
      name: "a notice printed twice",
      why: "the second copy of a cookie notice is template, the first still counts",
      lines: ["This site uses cookies.", "Necessary", "This site uses cookies."],
      repeated: [false, false, true],
    },
    {
      name: "distinct paragraphs",
      why: "a story's paragraphs never repeat",
      lines: ["The council met.", "It approved the budget.", "It adjourned."],
      repeated: [false, false, false],
    },
  ];
  for (const row of rows) {
    it(`marks ${row.name} (${row.why})`, () => {
      expect(repeatedLines(row.lines)).toEqual(row.repeated);
    });
  }
});

describe("segmentText on whole flattened pages", () => {
  const para = (n: number) =>
    `The council approved a budget of two million for schools and roads on Monday, officials said in item ${n}.`;

  it("does not take a ticker of long headline - date lines before the story for the story", () => {
    const ticker = (n: number) =>
      `Minister opens the new railway station in the north of the country, item ${n} - Saturday, 26 September 2020 20:0${n}`;
    const page = [
      "Home",
      "News",
      ...[1, 2, 3, 4, 5, 6, 7, 8].map(ticker),
      "Council approves the new city budget",
      para(1),
      para(2),
      "About us",
    ];
    const result = segmentText(page.join("\n"));
    // The ticker's last line may still be taken for the headline (the longest headline-like line above the prose).
    expect(result.main.start).toBeGreaterThanOrEqual(9);
    expect(result.main.end).toBe(12);
  });

  it("does not read a hyphenated Latin compound opening a paragraph as a dateline of another story", () => {
    const page = [
      "Home",
      "The future of city budgets is a product for sale",
      "Our budgets are being turned into a product.",
      "Photograph: staff",
      `The latest wave of tech-based budget tools promises a lot. ${para(1)}`,
      para(2),
      para(3),
    ];
    const result = segmentText(page.join("\n"));
    expect(result.segments.filter((s) => s.start >= 3 && s.kind !== "main")).toEqual([]);
    expect(result.main.end).toBe(6);
  });

  it("does not take a share label over the story's own dateline paragraph for another story's headline", () => {
    const dated = (n: number) =>
      `PARIS (AFP) - The council approved a budget of two million for schools and roads, officials said in item ${n}.`;
    const page = [
      "Home",
      "Council approves the new city budget",
      "Council members vote on the budget at city hall on Monday.",
      "Copy link",
      dated(1),
      para(2),
      para(3),
    ];
    const result = segmentText(page.join("\n"));
    expect(result.main).toMatchObject({ start: 1, end: 6 });
  });

  it("does not take a notice printed twice at the page's end for the story", () => {
    const notice =
      "This website uses cookies to improve your experience while you navigate through the website, as our privacy policy describes.";
    const page = [
      "Council approves the new city budget",
      para(1),
      para(2),
      ...["About us", "Contact", "Jobs", "Advertise", "Terms"],
      notice,
      "Privacy overview",
      notice,
    ];
    const result = segmentText(page.join("\n"));
    expect(result.main).toMatchObject({ start: 0, end: 2 });
  });

  it("reads a caption, then a byline over a dateline paragraph, as one story when most prose follows the dateline", () => {
    const page = [
      "Home",
      "Council approves the new city budget after a long night",
      "Council members vote on the budget at the city hall meeting on Monday evening, as residents watch from the gallery.",
      "Associated Press November 19, 2019, 9:02 AM",
      `LONDON - ${para(1)}`,
      para(2),
      para(3),
    ];
    const result = segmentText(page.join("\n"));
    expect(result.main).toMatchObject({ start: 1, end: 6 });
    expect(result.segments.filter((s) => s.kind === "other_story")).toEqual([]);
  });

  it("keeps the story after a read-more link that sits between its byline and its first paragraph", () => {
    const page = [
      "Home",
      "Council approves the new city budget after a long night",
      "By a staff writer | November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: City council and budget",
      "(Image: a staff photographer)",
      "Read more",
      `As the year ends the city looks back. ${para(1)}`,
      para(2),
      para(3),
    ];
    const result = segmentText(page.join("\n"));
    expect(result.main.end).toBe(7);
    expect(result.segments.filter((s) => s.kind === "other_story")).toEqual([]);
  });

  it("leaves the buttons between the headline and the first paragraph out of the story", () => {
    const page = ["Council approves the new city budget", "Tweet", "Listen", "Print", para(1), para(2)];
    const result = segmentText(page.join("\n"));
    expect(result.segments.map((s) => [s.kind, s.start, s.end])).toEqual([
      ["main", 0, 0],
      ["headline_list", 1, 3],
      ["main", 4, 5],
    ]);
  });

  it("still reads a headline over an agency dateline after the story as another story", () => {
    const page = [
      "Council approves the new city budget",
      para(1),
      para(2),
      "Rain expected across the north this weekend",
      "LONDON (Reuters) - Heavy rain is expected across the north of the country this weekend, forecasters said.",
    ];
    const result = segmentText(page.join("\n"));
    expect(result.main).toMatchObject({ start: 0, end: 2 });
    expect(result.segments.at(-1)).toMatchObject({ kind: "other_story", start: 3, end: 4 });
  });
});

describe("segmentText cost", () => {
  // Every path of the segmenter once: a menu, a headline over a dateline paragraph, prose, a read-also marker and its
  // headline, a list heading and its items, bulleted headlines, a notice repeated.
  const unit = (n: number): string[] => [
    "الرئيسية",
    "محليات",
    `وزير الصحة يزور مستشفى الملك فهد في المنطقة ${n}`,
    `القاهرة - ${STORY[1]} الفقرة ${n}.`,
    `${STORY[2]} الفقرة ${n}.`,
    "اقرأ أيضا",
    `ارتفاع أسعار الذهب ${n}`,
    "الأكثر قراءة",
    `الذهب يرتفع مع تراجع الدولار ${n}`,
    `- الأسهم تغلق على تراجع ${n}`,
    `- النفط يهبط بعد قرار أوبك ${n}`,
    "This website uses cookies to improve your experience while you navigate through the website.",
  ];
  const page = (units: number): string =>
    Array.from({ length: units }, (_, n) => unit(n).join("\n")).join("\n");
  const pageCpuMs = (text: string): number => bestCpuMsOf(() => segmentText(text), 3);

  it("costs in proportion to the page's lines: 8 times the lines, well under 64 times the time", () => {
    const small = page(400);
    const large = page(3_200);
    expect(large.split("\n")).toHaveLength(38_400);
    pageCpuMs(small); // warms the JIT so the small page is not charged for it
    // The shape, not a speed: a linear segmenter costs ~8 times as much on 8 times the lines, a quadratic one 64
    // times; the bound sits between, far enough from 8 for a loaded machine's noise.
    // Measured: ~12 here; ~53 with a scan of all lines added per line.
    expect(pageCpuMs(large) / pageCpuMs(small)).toBeLessThan(32);
  });

  it("costs in proportion to one long line's length when white space runs to its end after a quote", () => {
    // The credit line test (findCitedSource) on such a line backtracked over the run from every position: 64,000
    // characters took 94 s; a 2,000,000-character line would take hours.
    const line = (n: number) => `قال "ab"${"\u00a0".repeat(n)}x`;
    const best = (text: string) =>
      bestCpuMsOf(() => {
        for (let i = 0; i < 25; i++) segmentText(text);
      });
    best(line(4_000));
    // Linear: ~8 times the time for 8 times the characters; quadratic: ~64 (measured at load 9-11 from 1,000
    // characters: 4.8-5.1, and the regex this replaced failed it after 223 s). From 4,000 and the best of 5 runs.
    expect(best(line(32_000)) / best(line(4_000))).toBeLessThan(24);
  });
});
