import { describe, expect, it } from "vitest";
import {
  BURST_PRUNE_EVERY,
  BURST_RATIO_CAP,
  cosine,
  heaviestIndexes,
  isThinArticle,
  KeyBursts,
  LEAD_KEY_WORDS,
  OPENING_KEY_WORDS,
  type StoryTerms,
  TermStats,
  toIdentifiedVector,
  toSparseVector,
  toStoryTerms,
  toVectorTerms,
} from "./story-vector.ts";

const terms = (...keys: string[]): StoryTerms => ({ tf: new Map(keys.map((k) => [k, 1])), titleKeys: [] });

describe("TermStats.addEmptyDocuments", () => {
  it("counts background documents as holding none of the terms: IDF as over the larger collection", () => {
    const pool = [terms("oil", "opec"), terms("oil", "vienna"), terms("oil", "gold")];
    const small = new TermStats();
    const large = new TermStats();
    for (const t of pool) {
      small.addDocument(t);
      large.addDocument(t);
    }
    large.addEmptyDocuments(97);
    expect(large.documents).toBe(100);
    expect(large.idf("oil")).toBeCloseTo(Math.log(1 + 101 / 4), 12);
    // A word the whole pool shares keeps weight against a word one article holds, so the pool's shared word
    // still makes two of its articles similar.
    const sim = (stats: TermStats) =>
      cosine(toSparseVector(pool[0]!, stats), toSparseVector(pool[1]!, stats));
    expect(sim(large)).toBeGreaterThan(sim(small));
    large.addEmptyDocuments(-5);
    expect(large.documents).toBe(100);
  });
});

describe("TermStats ids", () => {
  it("gives each counted term one id, and the identified vector is toSparseVector's with those ids", () => {
    const stats = new TermStats();
    const first = stats.addDocument(terms("oil", "opec"));
    const second = stats.addDocument(terms("oil", "vienna", "gold"));
    expect([...first]).toEqual([stats.idOf("oil"), stats.idOf("opec")]);
    expect([...second]).toEqual([stats.idOf("oil"), stats.idOf("vienna"), stats.idOf("gold")]);
    expect(stats.termCount).toBe(4);
    expect(stats.idOf("never")).toBe(-1);
    expect(stats.idf("never")).toBe(stats.idfOfId(-1));
    const doc = terms("oil", "vienna", "gold");
    const { vector, ids } = toIdentifiedVector(doc, stats, second);
    expect(vector).toEqual(toSparseVector(doc, stats));
    expect([...ids].map((id) => stats.termOf(id))).toEqual(vector.terms);
  });
});

describe("KeyBursts", () => {
  const H = 3_600_000;
  /** Two weeks of headlines: a daily template key every day, an event's name only on the last day. */
  function twoWeeks(): KeyBursts {
    const b = new KeyBursts();
    for (let d = 0; d < 14; d++) {
      for (let i = 0; i < 5; i++) b.add(["سوق", "اغلاق"], d * 24 * H + i * H);
    }
    for (let i = 0; i < 20; i++) b.add(["عسير", "تفجير"], 13 * 24 * H + 6 * H + i * 60_000);
    return b;
  }
  const rows: { name: string; key: string; min: number; max: number }[] = [
    { name: "a key every day's headlines carry stays near 1", key: "سوق", min: 0.7, max: 1.5 },
    {
      name: "a name that fills today's headlines bursts (up to the cap)",
      key: "عسير",
      min: 5,
      max: BURST_RATIO_CAP,
    },
    { name: "a key never seen is neither", key: "مجهول", min: 1, max: 1 },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const r = twoWeeks().ratio(row.key);
      expect(r).toBeGreaterThanOrEqual(row.min);
      expect(r).toBeLessThanOrEqual(row.max);
    });
  }
  it("lets a burst fade over the following days", () => {
    const b = twoWeeks();
    const today = b.ratio("عسير");
    b.add(["سوق"], 16 * 24 * H);
    expect(b.ratio("عسير")).toBeLessThan(today / 3);
  });
  it("is 1 before any headline", () => {
    expect(new KeyBursts().ratio("عسير")).toBe(1);
  });
  it("counts a key's headlines over the long run, decayed with the two-week time constant", () => {
    const b = twoWeeks();
    // Today's 20 names count about whole; the template's 70 over two weeks count less than their number.
    expect(b.longRunCount("عسير")).toBeGreaterThan(19.9);
    expect(b.longRunCount("عسير")).toBeLessThanOrEqual(20);
    expect(b.longRunCount("سوق")).toBeGreaterThan(40);
    expect(b.longRunCount("سوق")).toBeLessThan(70);
    expect(b.longRunCount("مجهول")).toBe(0);
    expect(new KeyBursts().longRunCount("عسير")).toBe(0);
  });
  it("forgets keys not seen for weeks, so memory follows the window, and reads them as never seen", () => {
    const b = new KeyBursts();
    b.add(["قديم"], 0);
    // A steady stream of other keys for ten weeks, one headline every ten minutes.
    for (let i = 1; i <= BURST_PRUNE_EVERY; i++) b.add([`k${i % 50}`], (i * 70 * 24 * H) / BURST_PRUNE_EVERY);
    expect(b.size).toBe(50);
    expect(b.ratio("قديم")).toBe(b.ratio("مجهول"));
    expect(b.ratio("k1")).toBeGreaterThan(0.5);
  });
});

describe("toStoryTerms title keys", () => {
  const keysOf = (title: string) => toStoryTerms(title, "").titleKeys;
  it.each([
    { why: "a place name after ب keys as the bare name", title: "تفجير بعسير", bare: "تفجير عسير" },
    { why: "a place name after ل keys as the bare name", title: "زيارة لجازان", bare: "زيارة جازان" },
    { why: "a place name after و then ب keys as the bare name", title: "أمطار وبنجران", bare: "أمطار نجران" },
    {
      why: "ل taking the article's alef keys as the article form (the light stemmer's own rule: a guard row)",
      title: "وفد للرياض",
      bare: "وفد الرياض",
    },
  ])("$why", ({ title, bare }) => {
    expect(keysOf(title)).toEqual(keysOf(bare));
  });
  it.each([
    { why: "a name that starts like a particle is never cut", title: "بريدة", not: "ريدة" },
    { why: "a word after ب that is no place keeps its letters", title: "بمسجد", not: "مسجد" },
  ])("$why", ({ title, not }) => {
    expect(keysOf(title)).not.toEqual(keysOf(not));
  });
});

describe("toVectorTerms", () => {
  it.each([
    { why: "a title alone: each title key weighted", title: "أميركا تدين الهجوم", text: "" },
    {
      why: "a body repeating a title word: the counts add up",
      title: "افتتاح مستشفى جديد في الرياض",
      text: "أعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة الرياض، وقال الوزير إن المستشفى يخدم الرياض.",
    },
    {
      why: "a body past BODY_MAX_WORDS: only its start is counted",
      title: "تفجير مسجد بعسير",
      text: Array.from({ length: 400 }, (_, i) => `كلمة${i % 170} مسجد`).join(" "),
    },
  ])("gives toStoryTerms' term frequencies: $why", ({ title, text }) => {
    expect(toVectorTerms(title, text).tf).toEqual(toStoryTerms(title, text).tf);
  });
});

describe("toStoryTerms lead keys", () => {
  const leadOf = (text: string) => toStoryTerms("عنوان", text).leadKeys ?? [];
  it("keys the lead's words as title keys are keyed, a place after a particle as the bare name", () => {
    const lead = leadOf("أدان المجلس التفجير الذي استهدف مسجد قوات الطوارئ بعسير");
    for (const k of toStoryTerms("تفجير مسجد الطوارئ عسير", "").titleKeys) expect(lead).toContain(k);
  });
  it(`reads only the first ${LEAD_KEY_WORDS} content words`, () => {
    const filler = Array.from({ length: LEAD_KEY_WORDS }, (_, i) => `كلمة${i}`).join(" ");
    const title = toStoryTerms("تفجير عسير", "").titleKeys;
    expect(leadOf(`${filler} تفجير بعسير`)).not.toContain(title[0]);
    expect(leadOf(`تفجير بعسير ${filler}`)).toEqual(expect.arrayContaining(title));
  });
  it(`reads the opening keys from the first ${OPENING_KEY_WORDS} content words: the lead's and the next paragraph's`, () => {
    const openingOf = (text: string) => toStoryTerms("عنوان", text).openingKeys ?? [];
    const words = (n: number) => Array.from({ length: n }, (_, i) => `كلمة${i}`).join(" ");
    const title = toStoryTerms("تفجير عسير", "").titleKeys;
    // Past the lead, inside the opening: a statement that names the event in its second paragraph.
    const second = `${words(LEAD_KEY_WORDS + 10)} تفجير بعسير`;
    expect(leadOf(second)).not.toContain(title[0]);
    expect(openingOf(second)).toEqual(expect.arrayContaining(title));
    expect(openingOf(`${words(OPENING_KEY_WORDS)} تفجير بعسير`)).not.toContain(title[0]);
  });
});

describe("heaviestIndexes", () => {
  const terms = ["a", "b", "c", "d", "e"];
  const rows: { name: string; weights: number[]; max: number; kept: number[] }[] = [
    { name: "keeps everything when there is room", weights: [1, 2, 3], max: 5, kept: [0, 1, 2] },
    { name: "keeps the heaviest", weights: [1, 5, 3, 4, 2], max: 2, kept: [1, 3] },
    { name: "breaks a tie at the cut by term order", weights: [2, 1, 2, 2, 3], max: 3, kept: [0, 2, 4] },
    { name: "keeps every tie when they fit exactly", weights: [2, 2, 1, 3, 1], max: 3, kept: [0, 1, 3] },
    { name: "keeps the first terms when all weigh the same", weights: [1, 1, 1, 1, 1], max: 2, kept: [0, 1] },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const kept = heaviestIndexes(Float64Array.from(row.weights), row.max, (i) => terms[i]!);
      expect(kept.sort((a, b) => a - b)).toEqual(row.kept);
    });
  }

  it("matches a full sort by weight, then term, on random weights", () => {
    let seed = 7;
    // A few distinct weights, so ties at the cut are common.
    const next = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return (seed >>> 16) % 8;
    };
    for (let round = 0; round < 50; round++) {
      const words = Array.from({ length: 30 }, (_, i) => `w${String(i).padStart(2, "0")}`);
      const weights = Float64Array.from(words, () => next());
      const bySort = words
        .map((_, i) => i)
        .sort((a, b) => weights[b]! - weights[a]! || (words[a]! < words[b]! ? -1 : 1))
        .slice(0, 10)
        .sort((a, b) => a - b);
      expect(heaviestIndexes(weights, 10, (i) => words[i]!).sort((a, b) => a - b)).toEqual(bySort);
    }
  });
});

describe("isThinArticle", () => {
  const rows: { why: string; title: string; text: string; thin: boolean }[] = [
    { why: "a cartoon's label with a date", title: "كاريكاتير 2015/8/10", text: "", thin: true },
    { why: "a gallery's two-word label", title: "صور اقتصادية", text: "", thin: true },
    { why: "no title and no text", title: "", text: "", thin: true },
    {
      why: "a headline naming an event, without text",
      title: "مقتل 13 في تفجير مسجد بعسير",
      text: "",
      thin: false,
    },
    {
      why: "a short label with a caption that says what it shows",
      title: "بالصور",
      text: "رمضان في ليبيا والأسواق الشعبية",
      thin: false,
    },
    { why: "numbers do not count as words", title: "2015 8 10 كاريكاتير أخبار", text: "", thin: true },
  ];
  for (const row of rows) {
    it(`reads ${row.why} as ${row.thin ? "thin" : "placeable"}`, () => {
      expect(isThinArticle(toStoryTerms(row.title, row.text))).toBe(row.thin);
    });
  }
});
