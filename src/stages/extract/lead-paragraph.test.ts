import { describe, expect, it } from "vitest";
import { bestCpuMsOf } from "../../../test/fixtures/cpu-time.ts";
import { toLeadParagraph } from "./lead-paragraph.ts";

const PROSE = "قام مساعد النائب للمطارات الداخلية بزيارة تفقدية لمطار المدينة المنورة أمس.";
/** A line of seven long words and no full stop: no article's opening, and 7 x 25 characters long. */
const LONG_CAPTION = Array.from({ length: 7 }, (_, i) => `${"ك".repeat(23)}${i}`).join(" ");

describe("toLeadParagraph", () => {
  it.each([
    { why: "an empty text has none", text: "", paragraph: "", prose: false },
    {
      why: "a text that is only a photo's name line leads nothing (aljazirah's caption texts; under ARTICLE_TEXT_CHARS_MIN)",
      text: "عمر الشريف",
      paragraph: "",
      prose: false,
    },
    {
      why: "a short list of names leads nothing",
      text: "الأمير خالد الفيصل\nالأمير سلطان بن سلمان",
      paragraph: "",
      prose: false,
    },
    {
      why: "a longer list of names is no prose lead: its first line stands",
      text: "الأمير خالد الفيصل\nالأمير سلطان بن سلمان\nالأمير فيصل بن خالد\nالأمير مشعل بن ماجد",
      paragraph: "الأمير خالد الفيصل",
      prose: false,
    },
    {
      why: "a caption before the article is passed over for the prose after it",
      text: `جانب من الزيارة التفقدية\n${PROSE}`,
      paragraph: PROSE,
      prose: true,
    },
    {
      why: "a short whole sentence is prose",
      text: "تتكرر هذه القصة كل صيف تقريبا.",
      paragraph: "تتكرر هذه القصة كل صيف تقريبا.",
      prose: true,
    },
    {
      why: "a text that is only a byline leads nothing",
      text: "داليا أبوالعيش – عين اليوم",
      paragraph: "",
      prose: false,
    },
    {
      why: "prose past the first 1,024 characters is found when the lines before it are no opening",
      text: `${Array.from({ length: 7 }, () => LONG_CAPTION).join("\n")}\n${PROSE}`,
      paragraph: PROSE,
      prose: true,
    },
    {
      why: "white space inside a paragraph folds to one space, tabs and no-break spaces too",
      text: `قام  مساعد\tالنائب\u00a0للمطارات الداخلية بزيارة تفقدية لمطار المدينة.`,
      paragraph: "قام مساعد النائب للمطارات الداخلية بزيارة تفقدية لمطار المدينة.",
      prose: true,
    },
  ])("$why", ({ text, paragraph, prose }) => {
    expect(toLeadParagraph(text)).toEqual({ paragraph, prose });
  });

  it("keeps a first paragraph longer than the quick read whole", () => {
    const long = `${PROSE.slice(0, -1)} ${"وأضاف أن الخطة جاهزة ".repeat(100)}`.trim();
    expect(long.length).toBeGreaterThan(2_000);
    expect(toLeadParagraph(`${long}\n${PROSE}`)).toEqual({ paragraph: long, prose: true });
    expect(toLeadParagraph(long)).toEqual({ paragraph: long, prose: true });
  });

  it("reads on when the prose it found ends the quick read: an agency tag may open there and close on the next line", () => {
    const captions = Array.from({ length: 5 }, () => LONG_CAPTION).join("\n");
    const prose = `${PROSE.slice(0, -1)} ${"وأضاف أن الخطة جاهزة ".repeat(8)}(`;
    const text = `${captions}\n${prose}\nواس) وأكد المسؤول أن العمل مستمر.`;
    expect(captions.length).toBeLessThan(1_024);
    expect(captions.length + prose.length).toBeGreaterThan(1_024);
    // The whole head reads "(\nواس)" as an agency tag and drops it with the line break inside: one paragraph.
    const paragraph = `${prose.slice(0, -1).trim()} وأكد المسؤول أن العمل مستمر.`;
    expect(toLeadParagraph(text)).toEqual({ paragraph, prose: true });
  });

  it("reads a paragraph's trailing marks in time linear in the paragraph, however many marks stand inside it", () => {
    // A run of U+200F RIGHT-TO-LEFT MARK not at the end: the trailing-marks regex retried the run from each mark.
    const text = (n: number) => `قال الوزير اليوم${"\u200f".repeat(n)}x`;
    const best = (input: string) =>
      bestCpuMsOf(() => {
        for (let i = 0; i < 20; i++) toLeadParagraph(input);
      });
    best(text(4_000));
    // Linear: ~8 times the time for 8 times the characters; quadratic: ~64 (measured at load 9-11 from 1,000
    // characters: 6.9-7.7; 56 with the regex without its lookbehind). From 4,000 and the best of 5 runs.
    expect(best(text(32_000)) / best(text(4_000))).toBeLessThan(24);
  });
});
