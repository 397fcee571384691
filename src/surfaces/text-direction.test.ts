import { describe, expect, it } from "vitest";
import { type TextDirection, textDirection } from "./text-direction.ts";

describe("textDirection", () => {
  const rows: [name: string, text: string, expected: TextDirection][] = [
    ["an Arabic title is right to left", "أمطار غزيرة على جدة", "rtl"],
    [
      "an Arabic title opening with a brand name stays right to left",
      "iPhone 7 يصل إلى الأسواق السعودية",
      "rtl",
    ],
    [
      "an Arabic title opening with a channel's initials stays right to left",
      "CNN: مقتل 12 شخصًا في غارة",
      "rtl",
    ],
    [
      "a Latin title opening with an Arabic word is left to right",
      "عاجل Breaking news from the Gulf summit",
      "ltr",
    ],
    ["an English title is left to right", "Saudi Aramco reports record profit", "ltr"],
    ["a tie goes to Arabic, the reader's language", "abc أبج", "rtl"],
    ["digits and punctuation alone leave the choice to the browser", "2015-08-01 — 12:30", "auto"],
    ["an empty text leaves the choice to the browser", "", "auto"],
    ["tashkeel and tatweel are not counted against Arabic", "Wi-Fi مَجّانـــي في المطارات", "rtl"],
    ["presentation forms count as Arabic letters", "\ufefb\ufe8d\ufe8e OK", "rtl"],
    ["other scripts count for neither side", "Москва Moscow", "ltr"],
    ["snippet highlight markers are not letters", "\ue000iPhone\ue001 يصل إلى الأسواق", "rtl"],
  ];
  for (const [name, text, expected] of rows)
    it(name, () => {
      expect(textDirection(text)).toBe(expected);
    });
});
