import { describe, expect, it } from "vitest";
import { toHeadlineOrdinals } from "../entities/headline-ordinals.ts";
import { namesSameInstances } from "./same-instances.ts";

describe("namesSameInstances", () => {
  const cases: { name: string; a: string; b: string; same: boolean }[] = [
    {
      name: "two headlines naming no instance name the same (none)",
      a: "ولي ولي العهد يلتقي رئيس جمهورية الشيشان",
      b: "ولي ولي العهد يبحث مع الرئيس الشيشاني المسائل ذات الاهتمام المشترك",
      same: true,
    },
    {
      name: "two headlines on the second plane that read other nouns beside the ordinal do not (a strict test)",
      a: "وصول طائرة الإغاثة السعودية الثانية لمطار عدن",
      b: "وصول ثاني طائرة إغاثة سعودية لمطار عدن",
      same: false,
    },
    {
      name: "the second plane against a headline naming none (the first plane's) do not",
      a: "وصول طائرة الإغاثة السعودية الثانية لمطار عدن",
      b: "وصول الطائرة الإغاثية السعودية إلى مطار عدن الدولي",
      same: false,
    },
    {
      name: "one headline against itself names the same",
      a: "وصول طائرة الإغاثة السعودية الثانية لمطار عدن",
      b: "وصول طائرة الإغاثة السعودية الثانية لمطار عدن",
      same: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(namesSameInstances(toHeadlineOrdinals(c.a), toHeadlineOrdinals(c.b))).toBe(c.same);
    });
  }
});
