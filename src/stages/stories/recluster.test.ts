import { hash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { devCorpusRecords } from "../../../test/fixtures/dev-corpus.ts";
import { inventedWord, inventedWords } from "../../../test/fixtures/invented-words.ts";
import { toTitleHashes } from "../dedupe/near-duplicate-index.ts";
import { scoreClustering } from "./pairwise-scores.ts";
import {
  analyzeStreamArticle,
  containmentsOf,
  LATE_COPY_MIN_SHINGLES,
  PlacementLog,
  recluster,
  STORY_KEYS_VERSION,
  STREAM_CARRY_OVER_VERSION,
  StoryStream,
  type StreamArticle,
  type StreamCarryOver,
} from "./recluster.ts";

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

describe("a story's count of originals follows its members' copy groups", () => {
  const [h1, h2, f1] = ARTICLES as [StreamArticle, StreamArticle, StreamArticle];
  /** The agency's release (source "was", a wire) of the hospital's text: the wire becomes its group's original. */
  const wire = (timeMs: number): StreamArticle => ({ ...h2, id: "w1", sourceId: "was", timeMs });
  it("counts a member that joined as an original and became a copy (the wire's text an hour after a newspaper's)", () => {
    const stream = new StoryStream();
    const log = new PlacementLog();
    for (const a of [h1, f1, wire(3 * H)]) log.record(stream.add(a));
    expect(log.duplicateOf("h1")).toBe("w1");
    expect(stream.clusterer.storyOf("w1")).toBe("h1");
    const story = stream.clusterer.listStories().find((s) => s.id === "h1");
    expect(story).toMatchObject({ articleIds: ["h1", "w1"], originalCount: 1 });
  });
  it("counts a copy the rewrite test found as a copy, though the clusterer places it as any article", () => {
    // The agency's release of 80 words and an outlet's rewording of it three hours on (every 8th word swapped).
    const release = inventedWords(0, 80).split(" ");
    const reworded = release.map((w, k) => (k % 8 === 7 ? inventedWord(700 + k) : w));
    const stream = new StoryStream();
    stream.add({
      ...h1,
      id: "rel",
      sourceId: "was",
      title: "افتتاح مستشفى جديد في أبها",
      text: release.join(" "),
    });
    const copy = stream.add({
      ...h1,
      id: "rw",
      sourceId: "okaz",
      title: "مستشفى جديد في أبها",
      text: reworded.join(" "),
      timeMs: 3 * H,
    });
    // A copy (duplicateOf) joined by its score, not as a copy following its original (score 1).
    expect(copy).toMatchObject({ duplicateOf: "rel", storyId: "rel" });
    expect(copy.assignment.score).toBeLessThan(1);
    expect(stream.clusterer.listStories()).toMatchObject([{ articleIds: ["rel", "rw"], originalCount: 1 }]);
  });
  it("counts the original of a group merged into another as a copy", () => {
    // Two outlets' texts sharing 50 of 80 words (no copies of each other), then a third's between them, a copy of both:
    // the groups merge under the first's original.
    const stream = new StoryStream();
    const log = new PlacementLog();
    const text = (from: number) => inventedWords(from, 80);
    for (const [id, sourceId, from] of [
      ["a", "sabq", 0],
      ["c", "okaz", 30],
      ["d", "alyaum", 15],
    ] as const)
      log.record(stream.add({ ...h1, id, sourceId, text: text(from), timeMs: from * 60_000 }));
    expect(["a", "c", "d"].map((id) => log.duplicateOf(id))).toEqual([null, "a", "a"]);
    expect(stream.clusterer.listStories().reduce((n, s) => n + s.originalCount, 0)).toBe(1);
  });
  it("counts members of a story that closed before their group changed (recluster, from the groups as they end)", () => {
    // 250 articles of other news on day 4.5: the merge pass at the 250th closes the hospital story (idle > 96 h);
    // the wire's text comes on day 5.
    const other = Array.from({ length: 250 }, (_, i) => ({
      ...f1,
      id: `o${i}`,
      title: inventedWords(i * 12, 4),
      text: inventedWords(i * 12, 12),
      timeMs: 108 * H + i * 60_000,
    }));
    const r = recluster([h1, h2, f1, ...other, wire(120 * H)]);
    expect([r.duplicateOf.get("h1"), r.duplicateOf.get("h2")]).toEqual(["w1", "w1"]);
    expect(r.storyOf.get("w1")).not.toBe(r.storyOf.get("h1"));
    expect(r.stories.find((s) => s.id === "h1")).toMatchObject({ articleCount: 2, originalCount: 0 });
  });
});

describe("a story's headline article has a prose lead when a member has one", () => {
  const PROSE =
    "أعلنت وزارة الصحة افتتاح مستشفى جديد في أبها بسعة مئتي سرير لخدمة سكان منطقة عسير ويضم أقساما للطوارئ والعناية المركزة.";
  /** Three originals of one opening; `short`'s title is the most central, so it heads when its text has a lead. */
  const opening = (shortText: string): StreamArticle[] => [
    {
      id: "report",
      sourceId: "okaz",
      citedSource: null,
      title: "افتتاح مستشفى جديد في أبها بسعة مئتي سرير لخدمة سكان منطقة عسير",
      text: PROSE,
      timeMs: 0,
    },
    {
      id: "short",
      sourceId: "alyaum",
      citedSource: null,
      title: "افتتاح مستشفى جديد في أبها",
      text: shortText,
      timeMs: H,
    },
    {
      id: "other",
      sourceId: "sabq",
      citedSource: null,
      title: "مستشفى أبها الجديد يستقبل المرضى",
      text: "استقبل مستشفى أبها الجديد أول المرضى صباح اليوم بعد افتتاحه رسميا من قبل وزير الصحة في حفل حضره أمير المنطقة.",
      timeMs: 2 * H,
    },
  ];
  const headOf = (articles: StreamArticle[]) => {
    const { stories } = recluster(articles);
    expect(stories.map((s) => s.articleIds)).toEqual([["report", "short", "other"]]);
    return stories[0]!.headlineArticleId;
  };

  it("heads the story with the most central title when its text opens with prose", () => {
    const text =
      "افتتحت وزارة الصحة اليوم مستشفى أبها الجديد الذي يخدم سكان المنطقة ويضم عددا من الأقسام التخصصية.";
    expect(headOf(opening(text))).toBe("short");
  });
  it("passes over it when its text is only a photo caption", () => {
    expect(analyzeStreamArticle(opening("جانب من الافتتاح")[1]!).proseLead).toBe(false);
    expect(headOf(opening("جانب من الافتتاح"))).toBe("report");
  });
  it("passes over it when it has no text", () => {
    expect(headOf(opening(""))).toBe("report");
  });
});

describe("analyzeStreamArticle", () => {
  it("gives the near-duplicate fingerprint the headline's words, which the late rewrite test reads", () => {
    const a = ARTICLES[0]!;
    const { fingerprint } = analyzeStreamArticle(a);
    expect([...fingerprint.title]).toEqual([...toTitleHashes(a.title)]);
    expect(fingerprint.title.length).toBeGreaterThan(0);
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

describe("StoryStream late copies (a copy of an article whose story is idle past the story window)", () => {
  const D = 24 * H;
  const [h1, h2, f1] = ARTICLES as [StreamArticle, StreamArticle, StreamArticle];
  /** The other news 4.5 days on: a merge pass then closes the hospital story (idle > 96 h). */
  const later: StreamArticle = {
    ...f1,
    id: "w1",
    title: "أمطار غزيرة على مرتفعات جازان",
    text: "توقعت الأرصاد هطول أمطار غزيرة على مرتفعات جازان ونجران مع رياح نشطة تثير الأتربة على الطرق السريعة.",
    timeMs: 4.5 * D,
  };
  const copy = { ...h2, id: "h3", timeMs: 5 * D };
  it.each([
    {
      why: "a story idle past the window and not yet closed (no merge pass since): a sparse stream",
      articles: [h1, f1, copy],
      mergeEveryArticles: 250,
    },
    {
      why: "a story a merge pass has closed and the clusterer forgot",
      articles: [h1, f1, later, copy],
      mergeEveryArticles: 1,
    },
  ])("joins its original's story without reopening it: $why", ({ articles, mergeEveryArticles }) => {
    const closed: string[] = [];
    const stream = new StoryStream({
      tuning: { mergeEveryArticles },
      onStoryClosed: (s) => closed.push(s.id),
    });
    const log = new PlacementLog();
    const placed = articles.map((a) => stream.add(a));
    for (const p of placed) log.record(p);
    expect(closed.includes("h1")).toBe(mergeEveryArticles === 1);
    const late = placed.at(-1)!;
    expect(late).toMatchObject({ storyId: null, lateCopyOf: "h1", duplicateOf: "h1" });
    expect(log.storyOf("h3")).toBe(log.storyOf("h1"));
    // The story is not reopened: it takes no article by score, and lists nothing new.
    expect(stream.clusterer.storyOf("h3")).toBeUndefined();
    expect(stream.clusterer.listStories().find((s) => s.id === log.storyOf("h1"))?.articleCount ?? 1).toBe(1);
  });
  it("leaves a copy of a text too small to tell (a byline) to be placed by score, not in its original's story", () => {
    // Two columns by one writer a week apart whose extracted text is only the byline: copies of each other by text.
    const column = (id: string, title: string, timeMs: number): StreamArticle => ({
      id,
      sourceId: "aljazirah",
      citedSource: null,
      title,
      text: "د. سالم بن عبدالله العتيبي",
      timeMs,
    });
    const log = new PlacementLog();
    const stream = new StoryStream();
    const placed = [
      column("c1", "الكأس المرة في الملاعب", 0),
      column("c2", "أسواق الخضار في رمضان", 7 * D),
    ].map((a) => stream.add(a));
    for (const p of placed) log.record(p);
    expect(placed[1]).toMatchObject({ duplicateOf: "c1" });
    expect(placed[1]?.shingles.length).toBeLessThan(LATE_COPY_MIN_SHINGLES);
    expect(placed[1]?.storyId).toBe("c2");
    expect(log.storyOf("c2")).not.toBe(log.storyOf("c1"));
  });
  it("leaves a template's next instance (other figures in its lead) to be placed by score, not in the old story", () => {
    // The 5th relief flight's release written on the 4th's a week later: a copy by text, a new event for a reader.
    // Headlines naming no ordinal: headlines naming the two would make it no copy at all (dedupe's ordinal check).
    const release = (id: string, ordinal: string, tons: string, timeMs: number): StreamArticle => ({
      id,
      sourceId: "alriyadh",
      citedSource: null,
      title: "وصول طائرة إغاثة سعودية إلى عدن",
      text: `وصلت اليوم الطائرة الإغاثية ${ordinal} إلى مطار عدن الدولي محملة بـ ${tons} من المستلزمات الطبية لمرضى الفشل الكلوي يرافقها فريق إغاثي من مركز الملك سلمان للإغاثة والأعمال الإنسانية لتقديم الخدمات العلاجية للمرضى في المستشفيات اليمنية.`,
      timeMs,
    });
    const log = new PlacementLog();
    const stream = new StoryStream();
    const placed = [release("r4", "الرابعة", "10 أطنان", 0), release("r5", "الخامسة", "12 طناً", 6 * D)].map(
      (a) => stream.add(a),
    );
    for (const p of placed) log.record(p);
    expect(placed[1]).toMatchObject({ duplicateOf: "r4", storyId: "r5" });
    expect(placed[1]?.lateCopyOf).toBeUndefined();
    expect(log.storyOf("r5")).not.toBe(log.storyOf("r4"));
  });
  it("is placed as recluster places it: in its original's story", () => {
    const r = recluster([h1, f1, copy]);
    expect(r.storyOf.get("h3")).toBe(r.storyOf.get("h1"));
    expect(r.duplicateOf.get("h3")).toBe("h1");
  });
});

describe("StoryStream headline ordinals (which instance of a template a headline names)", () => {
  /** Two outlets' reports of two relief flights to Aden two hours apart, in their own words: no copies. */
  const FLIGHTS: StreamArticle[] = [
    {
      id: "first",
      sourceId: "spa",
      citedSource: null,
      title: "أول طائرة إغاثة سعودية تصل عدن",
      text: "هبطت في مطار عدن الدولي اليوم أول طائرة إغاثة سعودية محملة بالمستلزمات الطبية والمواد الغذائية المقدمة من مركز الملك سلمان للإغاثة والأعمال الإنسانية لمساعدة الشعب اليمني.",
      timeMs: 0,
    },
    {
      id: "second",
      sourceId: "alriyadh",
      citedSource: null,
      title: "الطائرة الثانية للإغاثة السعودية تصل عدن",
      text: "وصلت إلى مطار عدن الدولي طائرة الإغاثة السعودية الثانية وعلى متنها أدوية ومواد غذائية من مركز الملك سلمان للإغاثة والأعمال الإنسانية للشعب اليمني الشقيق.",
      timeMs: 2 * H,
    },
  ];
  it("reads each headline's ordinals and keeps the two flights in two stories", () => {
    const r = recluster(FLIGHTS);
    expect(r.duplicateOf.get("second")).toBeNull();
    expect(r.storyOf.get("second")).not.toBe(r.storyOf.get("first"));
  });
  it("joins them when the headlines name no instance (the flights' texts alone are one story)", () => {
    const unnumbered = FLIGHTS.map((a) => ({ ...a, title: "طائرة إغاثة سعودية تصل عدن" }));
    const r = recluster(unnumbered);
    expect(r.storyOf.get("second")).toBe(r.storyOf.get("first"));
  });
});

describe("StoryStream carry-over (what a rebuilt stream starts from)", () => {
  const ordered = [...ARTICLES].sort((a, b) => a.timeMs - b.timeMs || (a.id < b.id ? -1 : 1));
  const carried = () => {
    const stream = new StoryStream();
    for (const a of ordered) stream.add(a);
    return JSON.parse(JSON.stringify(stream.carryOver())) as StreamCarryOver;
  };

  it("is taken by a fresh stream, whose statistics then equal the one it came from", () => {
    const fresh = new StoryStream();
    expect(fresh.restore(carried())).toBe(true);
    expect(JSON.parse(JSON.stringify(fresh.carryOver()))).toEqual(carried());
  });

  it("carries each source's template days: a restored stream finds the next day's template routine as the fed one does", () => {
    const close = (d: number): StreamArticle => ({
      id: `close-${d}`,
      sourceId: "was",
      citedSource: null,
      title: `مؤشر سوق الأسهم يغلق مرتفعا ${100 + d * 7} نقطة`,
      text: `أغلق مؤشر سوق الأسهم اليوم مرتفعا ${100 + d * 7} نقطة عند مستوى ${9000 + d * 13} نقطة`,
      timeMs: d * 24 * H + 15 * H,
    });
    const fed = new StoryStream();
    for (let d = 0; d < 4; d++) fed.add(close(d));
    const restored = new StoryStream();
    expect(restored.restore(JSON.parse(JSON.stringify(fed.carryOver())) as StreamCarryOver)).toBe(true);
    const keys = ["مءشر", "سوق", "اسهم", "يغلق", "مرتفعا", "128", "نقط"];
    const at = close(4).timeMs;
    expect(fed.clusterer.routine.isRoutine("was", keys, at)).toBe(true);
    expect(restored.clusterer.routine.isRoutine("was", keys, at)).toBe(true);
  });

  it.each([
    { why: "another carry-over version", change: { version: STREAM_CARRY_OVER_VERSION + 1 } },
    { why: "other story keys", change: { storyKeysVersion: STORY_KEYS_VERSION - 1 } },
    {
      why: "other story keys, stored before they had their own version",
      change: { storyKeysVersion: undefined, analyzerVersion: STORY_KEYS_VERSION - 1 },
    },
  ])("is refused when of $why, and the stream stays empty", ({ change }) => {
    const fresh = new StoryStream();
    expect(fresh.restore({ ...carried(), ...change })).toBe(false);
    expect(fresh.carryOver()).toEqual(new StoryStream().carryOver());
  });

  it("is taken when stored before story keys had their own version, by the analyzer whose keys they are", () => {
    // Stores written by akhbar up to analyzer 12 hold summaries with analyzerVersion and no storyKeysVersion.
    const { storyKeysVersion: _, ...old } = { ...carried(), analyzerVersion: STORY_KEYS_VERSION };
    const fresh = new StoryStream();
    expect(fresh.restore(old)).toBe(true);
    expect(JSON.parse(JSON.stringify(fresh.carryOver()))).toEqual(carried());
  });
});

describe("STORY_KEYS_VERSION", () => {
  // A tripwire like analyze-text.test.ts's for ANALYZER_VERSION: the story keys of every 100th dev-corpus article.
  // When this digest changes, stored stream summaries count other keys than new articles bring: bump the version
  // (a rebuilt stream then starts from the window) and record the new digest here. An analyzer change that leaves
  // it alone (search keys only) keeps every stored summary.
  it("pins the story keys of a dev-corpus sample to the version number", async () => {
    const records = await devCorpusRecords({ every: 100 });
    const keys = records.map((r) => {
      const { tf, titleKeys, leadKeys, openingKeys, opinion, reportOpening } = analyzeStreamArticle({
        title: r.title,
        text: r.text,
        sourceId: r.source,
      }).terms;
      return JSON.stringify([[...tf], titleKeys, leadKeys, openingKeys, opinion, reportOpening]);
    });
    expect(records.length).toBeGreaterThan(200);
    expect({ version: STORY_KEYS_VERSION, digest: hash("sha1", keys.join("\n")) }).toEqual({
      version: 12,
      digest: "db160e47688684feea50c481970895ac05b25a34",
    });
  });
});

describe("StoryStream containment (a roundup carrying items is not their copy)", () => {
  const words = inventedWords;
  const article = (id: string, sourceId: string, hour: number, text: string): StreamArticle => ({
    id,
    sourceId,
    citedSource: null,
    title: id,
    text,
    timeMs: Date.parse("2015-08-01T00:00:00Z") + hour * H,
  });
  const itemA = words(0, 60);
  const itemB = words(1000, 60);

  it("keeps the items' copy groups apart and records each item as contained in the roundup", () => {
    const stream = new StoryStream();
    const a1 = stream.add(article("a1", "okaz", 0, itemA));
    const a2 = stream.add(article("a2", "sabq", 1, itemA));
    const b1 = stream.add(article("b1", "alyaum", 2, itemB));
    const roundup = stream.add(article("r", "alriyadh", 3, `${words(5000, 70)} ${itemA} ${itemB}`));
    expect(a2.groupId).toBe(a1.groupId);
    expect(roundup.groupId).toBe("r");
    expect(roundup.groupMerges).toBeUndefined();
    expect(roundup.duplicateOf).toBeNull();
    expect(stream.groups.groupIdOf("b1")).toBe(b1.groupId);
    expect(stream.groups.groupIdOf("b1")).not.toBe(stream.groups.groupIdOf("a1"));
    expect(roundup.containments).toEqual(
      expect.arrayContaining([
        { innerId: "a1", outerId: "r" },
        { innerId: "a2", outerId: "r" },
        { innerId: "b1", outerId: "r" },
      ]),
    );
    expect(roundup.containments).toHaveLength(3);
  });

  it("joins only the group of the item it opens with when two items are printed together with no intro", () => {
    // Each item is about half of the pair, the longer one a little over the copy rule's resemblance (0.5), so it is no
    // carried item (NearDuplicateIndex reads only those below 0.5); held whole after the other item, it is a
    // containment below the floor all the same (compare-shingles.ts HELD_WHOLE_MAX_JACCARD), and the pair, holding it
    // whole, merges no young group by resemblance (duplicate-groups.ts holdsAnItemWhole).
    const longerB = words(1000, 70);
    const stream = new StoryStream();
    const a1 = stream.add(article("a1", "okaz", 0, itemA));
    const b1 = stream.add(article("b1", "alyaum", 1, longerB));
    const b2 = stream.add(article("b2", "sabq", 2, longerB));
    const pair = stream.add(article("p", "alriyadh", 3, `${itemA} ${longerB}`));
    expect(b2.groupId).toBe(b1.groupId);
    expect(pair.groupId).toBe(a1.groupId);
    expect(pair.groupMerges).toBeUndefined();
    expect(stream.groups.groupIdOf("b1")).toBe(b1.groupId);
    expect(pair.containments).toEqual(
      expect.arrayContaining([
        { innerId: "b1", outerId: "p" },
        { innerId: "b2", outerId: "p" },
      ]),
    );
  });

  // Known miss (issue #5; testdata/labels/README.md, "Roundups printed without an intro, and roundups that arrive
  // first"): `it.fails` until the roundup rule reads it; the rules tried for it mixed more groups on the corpus.
  it.fails("keeps two items apart when their roundup arrives first", () => {
    // The roundup's lead sums up both items (15 lead words of each: agreement 0.5, a copy by containment). Arriving last
    // it is a copy of neither; arriving first, each item joins its group as its copy, so the two items share a group.
    const stream = new StoryStream();
    stream.add(article("r", "alriyadh", 0, `${words(0, 15)} ${words(1000, 15)} ${itemA} ${itemB}`));
    const a1 = stream.add(article("a1", "okaz", 1, itemA));
    const b1 = stream.add(article("b1", "alyaum", 2, itemB));
    expect(b1.groupId).not.toBe(a1.groupId);
  });

  it("records an item that arrives after the roundup as the inner one", () => {
    const stream = new StoryStream();
    stream.add(article("r", "alriyadh", 0, `${words(5000, 70)} ${itemA} ${itemB}`));
    const item = stream.add(article("a1", "okaz", 1, itemA));
    expect(item.containments).toEqual([{ innerId: "a1", outerId: "r" }]);
    expect(item.groupId).toBe("a1");
  });

  it("still puts a copy whose text starts as the shorter one's in its group (an unrelated line added at the end)", () => {
    const stream = new StoryStream();
    const a1 = stream.add(article("a1", "okaz", 0, itemA));
    const longer = stream.add(article("a2", "sabq", 1, `${itemA} ${words(5000, 70)}`));
    expect(longer.groupId).toBe(a1.groupId);
    expect(longer.containments).toBeUndefined();
  });

  it("orients a pair by shingle count (containmentsOf)", () => {
    const copies = [
      { id: "short", test: "contained" as const, smaller: 40 },
      { id: "copy", test: "overlap" as const, smaller: 200 },
    ];
    expect(containmentsOf("long", 200, copies)).toEqual([{ innerId: "short", outerId: "long" }]);
    expect(containmentsOf("item", 40, [{ id: "roundup", test: "contained", smaller: 40 }])).toEqual([
      { innerId: "item", outerId: "roundup" },
    ]);
  });
});
