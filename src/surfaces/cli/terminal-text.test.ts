import { describe, expect, it } from "vitest";
import { toTerminalJson, toTerminalText } from "./terminal-text.ts";

// Controls as escapes (STYLE.md): U+001B ESCAPE, U+0007 BELL, U+009B CONTROL SEQUENCE INTRODUCER, U+202E
// RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+200F RIGHT-TO-LEFT MARK, U+FFFD REPLACEMENT CHARACTER.
describe("toTerminalText", () => {
  const rows: { name: string; input: string; want: string }[] = [
    {
      name: "plain Arabic and Latin text is unchanged",
      input: "وزارة الخارجية: plan 2015",
      want: "وزارة الخارجية: plan 2015",
    },
    {
      name: "a CSI sequence's ESC is shown, not executed (screen clear)",
      input: "خبر\u001b[2J",
      want: "خبر\ufffd[2J",
    },
    {
      name: "an OSC 8 link loses its ESC and BEL",
      input: "\u001b]8;;http://x\u0007رابط",
      want: "\ufffd]8;;http://x\ufffdرابط",
    },
    {
      name: "a window title set (OSC 0) is shown",
      input: "\u001b]0;pwned\u0007",
      want: "\ufffd]0;pwned\ufffd",
    },
    { name: "a C1 CSI is shown", input: "a\u009b31mb", want: "a\ufffd31mb" },
    { name: "a CARRIAGE RETURN cannot overwrite the line", input: "safe\rfake", want: "safe\ufffdfake" },
    { name: "BACKSPACE and DELETE are shown", input: "a\u0008\u007f", want: "a\ufffd\ufffd" },
    { name: "TAB and LINE FEED stay", input: "a\tb\nc", want: "a\tb\nc" },
    { name: "bidi overrides and isolates are dropped", input: "\u202eخبر \u2066x", want: "خبر x" },
    { name: "the RIGHT-TO-LEFT MARK stays", input: "عام\u200f 2015", want: "عام\u200f 2015" },
    {
      name: "a stored text's own match-mark code points (U+E000, U+E001) are dropped, never coloured",
      input: "\ue000عاجل\ue001 خبر",
      want: "عاجل خبر",
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(toTerminalText(row.input)).toBe(row.want);
    });
  }

  it("keeps the match marks of a line the snippet builder marked when asked", () => {
    expect(toTerminalText("\ue000عاجل\ue001 \u001b", { keepMarks: true })).toBe("\ue000عاجل\ue001 \ufffd");
  });
});

describe("toTerminalJson", () => {
  it("escapes what JSON.stringify leaves raw and a terminal acts on, and reads back to the same value", () => {
    const value = { title: "a\u009bb\u202ec\u2028d\u007f", n: 1 };
    const json = toTerminalJson(value);
    expect(json).toBe('{"title":"a\\u009bb\\u202ec\\u2028d\\u007f","n":1}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it("keeps JSON.stringify's own escapes of C0 controls", () => {
    expect(toTerminalJson({ t: "\u001b[2J" })).toBe('{"t":"\\u001b[2J"}');
  });
});
