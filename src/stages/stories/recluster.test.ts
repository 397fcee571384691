import { describe, expect, it } from "vitest";
import { scoreClustering } from "./pairwise-scores.ts";
import { recluster, type StreamArticle } from "./recluster.ts";

const H = 3_600_000;
/** Invented articles: two about a hospital opening (one a copy), one about a football match. */
const ARTICLES: StreamArticle[] = [
  {
    id: "h1",
    sourceId: "okaz",
    citedSource: null,
    title: "افتتاح مستشفى جديد في أبها بسعة مئتي سرير",
    text: "أعلنت وزارة الصحة افتتاح مستشفى جديد في أبها بسعة مئتي سرير لخدمة سكان منطقة عسير ويضم أقساما للطوارئ والعناية المركزة.",
    timeMs: 0,
  },
  {
    id: "h2",
    sourceId: "alyaum",
    citedSource: null,
    title: "مستشفى أبها الجديد يستقبل المرضى",
    text: "أعلنت وزارة الصحة افتتاح مستشفى جديد في أبها بسعة مئتي سرير لخدمة سكان منطقة عسير ويضم أقساما للطوارئ والعناية المركزة.",
    timeMs: 2 * H,
  },
  {
    id: "f1",
    sourceId: "sabq",
    citedSource: null,
    title: "الهلال يفوز على النصر بهدفين",
    text: "فاز فريق الهلال على النصر بهدفين نظيفين في مباراة الديربي التي أقيمت مساء أمس على ملعب الملك فهد الدولي بالرياض.",
    timeMs: 1 * H,
  },
];

describe("recluster", () => {
  it("puts a copy in its original's story and marks duplicateOf", () => {
    const r = recluster(ARTICLES);
    expect(r.duplicateOf.get("h2")).toBe("h1");
    expect(r.storyOf.get("h2")).toBe(r.storyOf.get("h1"));
    expect(r.storyOf.get("f1")).not.toBe(r.storyOf.get("h1"));
  });
  it("gives the same result whatever order the input arrives in", () => {
    const a = recluster(ARTICLES);
    const b = recluster([...ARTICLES].reverse());
    expect([...b.storyOf]).toEqual([...a.storyOf]);
    expect(b.stories).toEqual(a.stories);
  });
  it("reports counts, sources and first/last times per story", () => {
    const story = recluster(ARTICLES).stories.find((s) => s.articleIds.includes("h1"))!;
    expect(story).toMatchObject({
      articleCount: 2,
      originalCount: 1,
      sources: ["alyaum", "okaz"],
      firstSeenMs: 0,
      lastUpdateMs: 2 * H,
    });
  });
});

describe("scoreClustering", () => {
  it("scores one merged cluster of three as precision 1/3 and recall 1", () => {
    const s = scoreClustering(
      new Map([
        ["a", "1"],
        ["b", "1"],
        ["c", "2"],
      ]),
      new Map([
        ["a", "x"],
        ["b", "x"],
        ["c", "x"],
      ]),
    );
    expect(s.precision).toBeCloseTo(1 / 3);
    expect(s.recall).toBe(1);
  });
});

describe("StoryStream memory", () => {
  it("closes idle stories and still reports every article's story through recluster", () => {
    const far = ARTICLES.map((a) => ({ ...a, id: `${a.id}-late`, timeMs: a.timeMs + 30 * 24 * H }));
    const r = recluster([...ARTICLES, ...far]);
    expect(r.storyOf.size).toBe(6);
    expect(r.storyOf.get("h1-late")).not.toBe(r.storyOf.get("h1"));
    expect(r.stories.reduce((n, s) => n + s.articleCount, 0)).toBe(6);
  });
});
