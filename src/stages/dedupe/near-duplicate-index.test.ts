import { describe, expect, it } from "vitest";
import { compareShingles, isCopy } from "./compare-shingles.ts";
import { DuplicateGroups } from "./duplicate-groups.ts";
import { minhashSignature } from "./minhash-signature.ts";
import { NearDuplicateIndex } from "./near-duplicate-index.ts";
import { shingleText } from "./shingle-text.ts";
import { stripSyndicationMarks } from "./strip-syndication-marks.ts";

/** A small invented wire text (not from the corpus), long enough for containment. */
const WIRE =
  "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة أبها بسعة مئتي سرير لخدمة سكان المنطقة الجنوبية، " +
  "وقال المتحدث الرسمي إن المستشفى يضم أقساما للطوارئ والعناية المركزة وجراحة القلب ويعمل فيه أكثر من " +
  "خمسمئة موظف من الأطباء والممرضين والفنيين، وأضاف أن الوزارة تخطط لافتتاح ثلاثة مستشفيات أخرى قبل نهاية العام " +
  "في نجران وجازان والباحة ضمن برنامج تطوير الخدمات الصحية في المناطق البعيدة عن المدن الكبرى.";

describe("stripSyndicationMarks", () => {
  const cases: { name: string; input: string; expected: string }[] = [
    { name: "drops the SPA end mark line", input: "نص الخبر\n// انتهى //", expected: "نص الخبر" },
    {
      name: "drops a byline first line",
      input: "داليا أبوالعيش – عين اليوم\nنص الخبر",
      expected: "نص الخبر",
    },
    {
      name: "drops a dateline prefix before the lead's colon",
      input: "الرياض - واس: قال الوزير",
      expected: "قال الوزير",
    },
    { name: "drops a bracketed agency tag", input: "قال الوزير (واس) إن", expected: "قال الوزير   إن" },
    {
      name: "keeps an ordinary lead with a colon far into it",
      input: "قال الوزير في كلمته أمام المؤتمر السنوي للمستثمرين في المدينة: نعم",
      expected: "قال الوزير في كلمته أمام المؤتمر السنوي للمستثمرين في المدينة: نعم",
    },
  ];
  for (const c of cases) it(c.name, () => expect(stripSyndicationMarks(c.input)).toBe(c.expected));
});

describe("shingles and the copy rule", () => {
  it("gives identical shingles to copies that differ only in hamza spelling and an agency tag", () => {
    const respelled = `${WIRE.replaceAll("أ", "ا")} (واس)`;
    expect(compareShingles(shingleText(WIRE), shingleText(respelled)).jaccard).toBe(1);
  });
  it("calls a truncated copy a copy by containment", () => {
    const half = WIRE.slice(0, Math.floor(WIRE.length * 0.6));
    const o = compareShingles(shingleText(half), shingleText(`${WIRE} ${WIRE.split("").reverse().join("")}`));
    expect(o.containment).toBeGreaterThan(0.9);
    expect(isCopy(o)).toBe(true);
  });
  it("estimates Jaccard 1 for identical sets", () => {
    const s = shingleText(WIRE);
    expect(minhashSignature(s)).toEqual(minhashSignature(s.slice()));
  });
});

describe("NearDuplicateIndex", () => {
  it("finds an earlier copy and not an unrelated text", () => {
    const index = new NearDuplicateIndex();
    index.add("a", 0, { shingles: shingleText(WIRE) });
    index.add("b", 1, {
      shingles: shingleText("خبر مختلف تماما عن مباراة كرة القدم بين الهلال والنصر في الرياض مساء أمس"),
    });
    const matches = index.query({ shingles: shingleText(`الرياض - واس:\n${WIRE}\n// انتهى //`) });
    expect(matches.map((m) => m.id)).toEqual(["a"]);
  });
  it("evicts articles older than its window", () => {
    const index = new NearDuplicateIndex({ windowDays: 1 });
    index.add("a", 0, { shingles: shingleText(WIRE) });
    index.add("b", 3 * 86_400_000, {
      shingles: shingleText("نص آخر لا علاقة له بالأول إطلاقا في أي شيء يذكر"),
    });
    expect(index.size).toBe(1);
    expect(index.query({ shingles: shingleText(WIRE) })).toEqual([]);
  });
  it("refuses the same id twice", () => {
    const index = new NearDuplicateIndex();
    index.add("a", 0, { shingles: shingleText(WIRE) });
    expect(() => index.add("a", 1, { shingles: shingleText(WIRE) })).toThrow(/already/);
  });
});

describe("DuplicateGroups", () => {
  it("makes a wire source the original even when it arrives later", () => {
    const g = new DuplicateGroups();
    g.add({ id: "paper", sourceId: "okaz", citedSource: "was", timeMs: 0 }, []);
    const out = g.add({ id: "wire", sourceId: "was", citedSource: null, timeMs: 5 }, ["paper"]);
    expect(out.originalId).toBe("wire");
    expect(g.duplicateOf("paper")).toBe("wire");
    expect(g.duplicateOf("wire")).toBeNull();
  });
  it("keeps the earliest article as original among newspapers", () => {
    const g = new DuplicateGroups();
    g.add({ id: "x", sourceId: "okaz", citedSource: null, timeMs: 0 }, []);
    g.add({ id: "y", sourceId: "alyaum", citedSource: null, timeMs: 9 }, ["x"]);
    expect(g.duplicateOf("y")).toBe("x");
  });
});

describe("DuplicateGroups bounds and join rules", () => {
  it("forgets members older than the cutoff but keeps counting groups", () => {
    const g = new DuplicateGroups();
    g.add({ id: "x", sourceId: "okaz", citedSource: null, timeMs: 0 }, []);
    g.add({ id: "y", sourceId: "alyaum", citedSource: null, timeMs: 9 }, ["x"]);
    g.evictBefore(5);
    expect(g.groupIdOf("x")).toBeUndefined();
    expect(g.duplicateOf("y")).toBe("x");
    expect(g.countCopyGroups()).toEqual({ groups: 1, articles: 2 });
  });
  it("under original-or-majority, does not chain a copy of a copy that misses the original", () => {
    const g = new DuplicateGroups({ joinRule: "original-or-majority" });
    g.add({ id: "a", sourceId: "s1", citedSource: null, timeMs: 0 }, []);
    g.add({ id: "b", sourceId: "s2", citedSource: null, timeMs: 1 }, ["a"]);
    g.add({ id: "c", sourceId: "s3", citedSource: null, timeMs: 2 }, ["a"]);
    const d = g.add({ id: "d", sourceId: "s4", citedSource: null, timeMs: 3 }, ["b"]);
    expect(d.groupId).toBe("d");
  });
});
