import { describe, expect, it } from "vitest";
import { cleanDisplayLine, cleanDisplayText } from "./clean-display.ts";

// Written as escapes (STYLE.md): U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates,
// U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK, U+061C ARABIC LETTER MARK.
const RLO = "\u202e";
const LRO = "\u202d";
const LRE = "\u202a";
const PDF = "\u202c";
const RLI = "\u2067";
const PDI = "\u2069";

describe("cleanDisplayText", () => {
  const rows: { name: string; input: string; want: string }[] = [
    {
      name: "an unclosed RIGHT-TO-LEFT OVERRIDE in a title is dropped",
      input: `${RLO}خبر عاجل`,
      want: "خبر عاجل",
    },
    {
      name: "a LEFT-TO-RIGHT OVERRIDE and its POP DIRECTIONAL FORMATTING are dropped",
      input: `قال ${LRO}abc${PDF} أمس`,
      want: "قال abc أمس",
    },
    {
      name: "an embedding a word processor left around a number is dropped",
      input: `رقم ${LRE}0551234567${PDF}`,
      want: "رقم 0551234567",
    },
    { name: "isolates, balanced or not, are dropped", input: `${RLI}نص${PDI} ${PDI}`, want: "نص " },
    {
      name: "the marks LRM, RLM and ALM stay: Arabic text places numbers with them",
      input: "عام\u200f 2015\u200e و\u061c",
      want: "عام\u200f 2015\u200e و\u061c",
    },
    {
      name: "an ESC sequence loses its ESC (a terminal's clear screen)",
      input: "خبر\u001b[2J",
      want: "خبر[2J",
    },
    {
      name: "an OSC 8 link loses its ESC and BEL",
      input: "\u001b]8;;http://x\u0007رابط\u001b]8;;\u0007",
      want: "]8;;http://xرابط]8;;",
    },
    {
      name: "C1 controls are dropped (U+009B CONTROL SEQUENCE INTRODUCER)",
      input: "خبر\u009b2J\u0085",
      want: "خبر2J",
    },
    { name: "NUL, BACKSPACE and DELETE are dropped", input: "a\u0000b\u0008c\u007f", want: "abc" },
    { name: "TAB and LINE FEED stay", input: "a\tb\nc", want: "a\tb\nc" },
    { name: "CR LF and a lone CR become LINE FEED", input: "a\r\nb\rc", want: "a\nb\nc" },
    {
      name: "U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR become LINE FEED",
      input: "a\u2028b\u2029c",
      want: "a\nb\nc",
    },
    {
      name: "a SUBSTITUTE run is one line break (a dump's transport damage)",
      input: "a\u001a\u001ab",
      want: "a\nb",
    },
    {
      name: "Arabic letters, tashkeel, tatweel and NBSP are untouched",
      input: "قالَ ـــ «نعم»\u00a0هنا",
      want: "قالَ ـــ «نعم»\u00a0هنا",
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(cleanDisplayText(row.input)).toBe(row.want);
    });
  }

  it("is idempotent", () => {
    for (const row of rows)
      expect(cleanDisplayText(cleanDisplayText(row.input))).toBe(cleanDisplayText(row.input));
  });
});

describe("cleanDisplayLine", () => {
  const rows: { name: string; input: string; want: string }[] = [
    {
      name: "a title's line breaks and space runs become one space, trimmed",
      input: " عنوان\n\n  الخبر\t",
      want: "عنوان الخبر",
    },
    {
      name: "an override between words leaves no double space",
      input: `عنوان ${RLO} الخبر`,
      want: "عنوان الخبر",
    },
    { name: "a byline that is only controls is empty", input: `${RLO}\u001b`, want: "" },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(cleanDisplayLine(row.input)).toBe(row.want);
    });
  }
});
