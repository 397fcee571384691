import { describe, expect, it } from "vitest";
import { balanceBidiControls } from "./balance-bidi-controls.ts";

// U+202A LRE, U+202C PDF, U+202D LRO, U+202E RLO, U+2066 LRI, U+2068 FSI, U+2069 PDI (escapes, STYLE.md).
const [LRE, PDF, LRO, RLO] = ["\u202a", "\u202c", "\u202d", "\u202e"];
const [LRI, FSI, PDI] = ["\u2066", "\u2068", "\u2069"];

describe("balanceBidiControls", () => {
  const rows: { name: string; input: string; want: string }[] = [
    { name: "text without bidi controls is unchanged", input: "عنوان abc 123", want: "عنوان abc 123" },
    {
      name: "an unclosed RIGHT-TO-LEFT OVERRIDE is closed at the end",
      input: `${RLO}عنوان`,
      want: `${RLO}عنوان${PDF}`,
    },
    {
      name: "an unclosed isolate is closed at the end",
      input: `${FSI}2015-08-01`,
      want: `${FSI}2015-08-01${PDI}`,
    },
    {
      name: "a balanced isolate (the reader's own date hint) is unchanged",
      input: `مثل ${LRI}2015-08-01${PDI}`,
      want: `مثل ${LRI}2015-08-01${PDI}`,
    },
    {
      name: "a PDF without an opener is dropped (it would close the page's own embedding)",
      input: `a${PDF}b`,
      want: "ab",
    },
    { name: "a PDI without an open isolate is dropped", input: `a${PDI}b`, want: "ab" },
    {
      name: "nested openers are closed innermost first",
      input: `${LRI}${LRO}x`,
      want: `${LRI}${LRO}x${PDF}${PDI}`,
    },
    {
      name: "a PDI closes the override opened inside its isolate",
      input: `${LRI}${RLO}x${PDI}y`,
      want: `${LRI}${RLO}x${PDI}y`,
    },
    {
      name: "a PDF inside an isolate cannot close an embedding opened outside it",
      input: `${LRE}${LRI}x${PDF}`,
      want: `${LRE}${LRI}x${PDI}${PDF}`,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(balanceBidiControls(row.input)).toBe(row.want);
    });
  }

  it("is idempotent", () => {
    for (const row of rows)
      expect(balanceBidiControls(balanceBidiControls(row.input))).toBe(balanceBidiControls(row.input));
  });
});
