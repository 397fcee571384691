import { describe, expect, it } from "vitest";
import { wirePartNumber } from "./strip-syndication-marks.ts";
import { linkWireParts, type WirePartMember } from "./wire-release-parts.ts";

const CABINET = "عام / نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء";
const HOUR_MS = 3_600_000;

function member(id: string, title: string, hours = 0, sourceId = "was", text = ""): WirePartMember {
  return { id, sourceId, title, part: wirePartNumber(title, text), timeMs: hours * HOUR_MS };
}

describe("linkWireParts", () => {
  it("links each part to its release's first part, by the headline without desk section and part mark", () => {
    const links = linkWireParts([
      member("first", CABINET),
      member("p2", `${CABINET} إضافة ثانية`),
      member("p5", CABINET, 0, "was", "إضافة خامسة وأخيرة\n3 - تعيين"),
      member("other", "عام / أمير منطقة مكة يفتتح سوق عكاظ"),
    ]);
    expect(links).toEqual([
      { partId: "p2", firstId: "first", part: 2 },
      { partId: "p5", firstId: "first", part: 5 },
    ]);
  });

  it("prefers the wire's own first part to an outlet's copy of it, and takes the copy when it is all there is", () => {
    const copy = member("copy", "نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء", 0, "okaz");
    const part = member("p1", `${CABINET} إضافة أولى`);
    expect(linkWireParts([copy, member("first", CABINET, 1), part])[0]?.firstId).toBe("first");
    expect(linkWireParts([copy, part])[0]?.firstId).toBe("copy");
  });

  it("leaves a part without its first part unlinked, and one of another day (WIRE_PART_MAX_HOURS) too", () => {
    expect(linkWireParts([member("p1", `${CABINET} إضافة أولى`)])).toEqual([]);
    expect(linkWireParts([member("first", CABINET), member("p1", `${CABINET} إضافة أولى`, 30)])).toEqual([]);
  });
});
