import { describe, expect, it } from "vitest";
import { toHeadlineOrdinals } from "../entities/headline-ordinals.ts";
import {
  type CopyTest,
  compareShingles,
  copyTestOf,
  DAILY_TEMPLATE_MAX_JACCARD,
  DEFAULT_COPY_RULE,
  HELD_WHOLE_MAX_JACCARD,
  isCopy,
  mayJoinLate,
  type PairEvidence,
  REWRITE_LATE_MAX_HOURS,
  REWRITE_LATE_MIN_TITLE_AGREEMENT,
  REWRITE_LATE_MIN_TITLE_STEMS,
  REWRITE_MAX_HOURS,
  REWRITE_MIN_BIGRAM_CONTAINMENT,
  REWRITE_SAME_INSTANCES_BIGRAM_SLACK,
  rareLeadAgreementOf,
  rewriteMaxHoursOf,
  type ShingleOverlap,
  shareFound,
} from "./compare-shingles.ts";
import {
  DuplicateGroups,
  GROUP_MERGE_MAX_HOURS,
  groupingCopies,
  holdsAnItemWhole,
  REWRITE_MERGE_MAX_GROUP_SIZE,
  VERSIONS_MERGE_MAX_HOURS,
} from "./duplicate-groups.ts";
import { minhashSignature } from "./minhash-signature.ts";
import { fingerprintText, NearDuplicateIndex, toTitleHashes } from "./near-duplicate-index.ts";
import { isRecordedShingle, OutletPhraseDays, sourceKeyOf } from "./outlet-phrase-days.ts";
import {
  DEFAULT_SHINGLE_OPTIONS,
  shingleText,
  toLeadFigureHashes,
  toLeadHashes,
  toShingleHashes,
  toShingleWords,
  toWordHashes,
} from "./shingle-text.ts";
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
  it("gives identical shingles to copies that differ only in honorifics and how 'percent' is spelled", () => {
    const a =
      "قال صاحب السمو الملكي الأمير خالد إن الإنتاج ارتفع 5 في المائة هذا العام في مصانع المنطقة الشرقية";
    const b = "قال الأمير خالد حفظه الله إن الإنتاج ارتفع 5 بالمئة هذا العام في مصانع المنطقة الشرقية";
    expect(compareShingles(shingleText(a), shingleText(b)).jaccard).toBe(1);
    const kept = { ...DEFAULT_SHINGLE_OPTIONS, dropEditWords: false };
    expect(compareShingles(shingleText(a, kept), shingleText(b, kept)).jaccard).toBeLessThan(0.5);
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

/** Invented words that the analyzer keeps apart (no clitics, no stop words): word(0) = "بجد", word(1) = "بجر", … */
function word(i: number): string {
  const letters = "بجدرزسشصضطظعغقكمن";
  let n = i;
  let out = "ب";
  for (let k = 0; k < 3; k++) {
    out += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  }
  return out;
}
function words(from: number, count: number): string {
  return Array.from({ length: count }, (_, k) => word(from + k)).join(" ");
}
function fingerprint(text: string) {
  const w = toShingleWords(text);
  return { shingles: toShingleHashes(w, 4), lead: toLeadHashes(w) };
}

describe("the copy rule's lead and sure-containment checks", () => {
  const earlier = words(0, 60);
  const cases: { name: string; later: string; copy: boolean }[] = [
    {
      name: "a trimmed copy that keeps the lead and adds lines of its own is a copy by containment",
      later: `${words(0, 36)} ${words(5000, 12)}`,
      copy: true,
    },
    {
      name: "a follow-up with its own lead that carries most of the earlier text is not a copy",
      later: `${words(9000, 40)} ${words(0, 48)}`,
      copy: false,
    },
    {
      name: "a follow-up that carries the whole earlier text is found (the containment floor), as a containment",
      later: `${words(9000, 80)} ${words(0, 60)}`,
      copy: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const index = new NearDuplicateIndex();
      index.add("earlier", 0, fingerprint(earlier));
      const [match] = index.query(fingerprint(c.later));
      expect(match?.id).toBe(c.copy ? "earlier" : undefined);
    });
  }
  it("calls a text inside a longer one that starts otherwise 'contained', and one it starts 'overlap'", () => {
    const index = new NearDuplicateIndex();
    index.add("earlier", 0, fingerprint(earlier));
    expect(index.query(fingerprint(`${words(9000, 80)} ${words(0, 60)}`))[0]?.test).toBe("contained");
    expect(index.query(fingerprint(`${words(0, 60)} ${words(9000, 80)}`))[0]?.test).toBe("overlap");
    const o = compareShingles(
      fingerprint(earlier).shingles,
      fingerprint(`${words(9000, 80)} ${words(0, 60)}`).shingles,
    );
    expect(copyTestOf(o)).toBe("overlap"); // unknown leads count as agreeing
    expect(copyTestOf(o, undefined, { leadAgreement: 0 })).toBe("contained");
    expect(isCopy(o, undefined, { leadAgreement: 0 })).toBe(true);
    // Leads that agree only on formula words: the lower of the two agreements decides.
    expect(copyTestOf(o, undefined, { leadAgreement: 0.6, distinctiveLeadAgreement: 0.2 })).toBe("contained");
    expect(copyTestOf(o, undefined, { leadAgreement: 0.6, distinctiveLeadAgreement: 0.8 })).toBe("overlap");
  });
  it("reads a roundup's lead without the formula words that open every item of a running story", () => {
    // 101 texts of the window open with one formula (an office's titles, the wording of a running story), so its
    // words are common in leads (COMMON_LEAD_WORD_MAX_TEXTS); the item and the roundup each follow it with their own.
    // (word() has 17^3 distinct words, so the ranges below stay apart.)
    const formula = words(3000, 16);
    const item = `${formula} ${words(3100, 14)} ${words(3200, 50)}`;
    const roundup = `${formula} ${words(3300, 14)} ${words(3400, 100)} ${item}`;
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 101; i++) index.add(`f${i}`, i, fingerprint(`${formula} ${words(i * 10, 40)}`));
    index.add("item", 200, fingerprint(item));
    // On all lead words the roundup starts as the item (16 of its 30 lead words), without the formula it does not.
    expect(compareShingles(fingerprint(item).lead, fingerprint(roundup).lead).containment).toBeGreaterThan(
      0.5,
    );
    expect(index.query(fingerprint(roundup)).find((m) => m.id === "item")?.test).toBe("contained");
    // A copy of the item that keeps its lead and adds lines of its own stays a copy.
    const copy = `${formula} ${words(3100, 14)} ${words(3200, 30)} ${words(3500, 20)}`;
    expect(index.query(fingerprint(copy)).find((m) => m.id === "item")?.test).toBe("overlap");
  });
  it("reads the lower of the two lead agreements, and reads it for a distinctive containment too", () => {
    // Sure: most of the shorter text inside the longer one (COPY_SURE_CONTAINMENT). Distinctive: inside it on
    // distinctive shingles only (COPY_MIN_CONTAINMENT), below the sure share. No word pairs, so no rewrite. (The index
    // also caps distinctiveLeadAgreement at leadAgreement; copyTestOf takes the lower of the two itself.)
    const sure = { jaccard: 0.3, containment: 0.95, smaller: 40 };
    const distinctive = { jaccard: 0.3, containment: 0.8, smaller: 40 };
    const rows: {
      name: string;
      overlap: ShingleOverlap;
      leadAgreement: number;
      distinctiveLeadAgreement: number;
      test: CopyTest | null;
    }[] = [
      {
        name: "sure, both agree",
        overlap: sure,
        leadAgreement: 0.6,
        distinctiveLeadAgreement: 0.8,
        test: "overlap",
      },
      {
        name: "sure, formula words only",
        overlap: sure,
        leadAgreement: 0.6,
        distinctiveLeadAgreement: 0.2,
        test: "contained",
      },
      {
        name: "sure, all lead words disagree (the distinctive ones alone would agree)",
        overlap: sure,
        leadAgreement: 0.2,
        distinctiveLeadAgreement: 0.8,
        test: "contained",
      },
      {
        name: "distinctive, both agree",
        overlap: distinctive,
        leadAgreement: 0.6,
        distinctiveLeadAgreement: 0.8,
        test: "overlap",
      },
      {
        name: "distinctive, formula words only",
        overlap: distinctive,
        leadAgreement: 0.6,
        distinctiveLeadAgreement: 0.2,
        test: null,
      },
      {
        name: "distinctive, all lead words disagree",
        overlap: distinctive,
        leadAgreement: 0.2,
        distinctiveLeadAgreement: 0.8,
        test: null,
      },
    ];
    const testOf = (r: (typeof rows)[number]) =>
      copyTestOf(r.overlap, undefined, {
        distinctive: r.overlap,
        leadAgreement: r.leadAgreement,
        distinctiveLeadAgreement: r.distinctiveLeadAgreement,
      });
    expect(rows.map((r) => [r.name, testOf(r)])).toEqual(rows.map((r) => [r.name, r.test]));
  });
  it("reads all lead words when a lead has none outside formulas", () => {
    // 101 texts of the window open with one 30-word formula, so a lead made of it has no distinctive word.
    const formula = words(3000, 30);
    const item = `${formula} ${words(3200, 30)}`;
    const rows: { name: string; later: string }[] = [
      { name: "a copy that keeps the formula lead and adds lines", later: `${item} ${words(3400, 80)}` },
      {
        name: "a copy that puts a dateline of its own before the formula lead",
        later: `${words(3500, 5)} ${item} ${words(3400, 80)}`,
      },
    ];
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 101; i++) index.add(`f${i}`, i, fingerprint(`${formula} ${words(i * 10, 40)}`));
    index.add("item", 200, fingerprint(item));
    const testOf = (later: string) => index.query(fingerprint(later)).find((m) => m.id === "item")?.test;
    expect(rows.map((r) => [r.name, testOf(r.later)])).toEqual(rows.map((r) => [r.name, "overlap"]));
  });
  it("counts a lead word as a formula word from 101 leads of the window on (COMMON_LEAD_WORD_MAX_TEXTS)", () => {
    // The roundup of "reads a roundup's lead without the formula words…": on all lead words it starts as the item
    // (16 of 30 lead words), without the formula it does not. In 100 leads the formula is still read, in 101 it is not.
    const formula = words(3000, 16);
    const item = `${formula} ${words(3100, 14)} ${words(3200, 50)}`;
    const roundup = `${formula} ${words(3300, 14)} ${words(3400, 100)} ${item}`;
    const rows: { leadsWithFormula: number; test: CopyTest }[] = [
      { leadsWithFormula: 100, test: "overlap" },
      { leadsWithFormula: 101, test: "contained" },
    ];
    const testOf = (leadsWithFormula: number) => {
      const index = new NearDuplicateIndex();
      // The item is one of the leads that open with the formula; the roundup is queried, not counted.
      for (let i = 0; i < leadsWithFormula - 1; i++) {
        index.add(`f${i}`, i, fingerprint(`${formula} ${words(i * 10, 40)}`));
      }
      index.add("item", 200, fingerprint(item));
      return index.query(fingerprint(roundup)).find((m) => m.id === "item")?.test;
    };
    expect(rows.map((r) => [r.leadsWithFormula, testOf(r.leadsWithFormula)])).toEqual(
      rows.map((r) => [r.leadsWithFormula, r.test]),
    );
  });
  it("reads these cases below the resemblance threshold, so the lead and containment decide", () => {
    for (const c of cases) {
      const o = compareShingles(fingerprint(earlier).shingles, fingerprint(c.later).shingles);
      expect(o.jaccard).toBeLessThan(0.5);
      expect(o.containment).toBeGreaterThanOrEqual(0.7);
    }
  });
});

describe("a text held whole by one that starts otherwise, at any resemblance below the floor", () => {
  // A short item (47 shingles) printed whole inside a combined piece twice its length: J about 0.5, C 1.
  const held = (jaccard: number): ShingleOverlap => ({ jaccard, containment: 1, smaller: 47 });
  const cases: { name: string; overlap: ShingleOverlap; evidence: PairEvidence; test: CopyTest | null }[] = [
    {
      name: "a combined print piece that opens with another item is a containment of the item it carries (J 0.51)",
      overlap: held(0.51),
      evidence: { leadAgreement: 0.28, distinctiveLeadAgreement: 0.2 },
      test: "contained",
    },
    {
      name: "leads that agree only on formula words read as disagreeing (the lower agreement decides)",
      overlap: held(0.6),
      evidence: { leadAgreement: 0.6, distinctiveLeadAgreement: 0.3 },
      test: "contained",
    },
    {
      name: "a longer version that opens as the item does stays a copy (an outlet appending background)",
      overlap: held(0.6),
      evidence: { leadAgreement: 0.96, distinctiveLeadAgreement: 0.96 },
      test: "overlap",
    },
    {
      name: "at the floor's resemblance it is a copy whatever its lead (HELD_WHOLE_MAX_JACCARD)",
      overlap: held(HELD_WHOLE_MAX_JACCARD),
      evidence: { leadAgreement: 0.1, distinctiveLeadAgreement: 0.1 },
      test: "overlap",
    },
    {
      name: "a text not held whole (C 0.8) stays a resemblance copy with leads that disagree (a re-led release)",
      overlap: { jaccard: 0.6, containment: 0.8, smaller: 120 },
      evidence: { leadAgreement: 0.2, distinctiveLeadAgreement: 0.2 },
      test: "overlap",
    },
    {
      name: "a text too short for containment alone (CONTAINMENT_MIN_SHINGLES) stays a resemblance copy",
      overlap: { jaccard: 0.6, containment: 1, smaller: 8 },
      evidence: { leadAgreement: 0.2, distinctiveLeadAgreement: 0.2 },
      test: "overlap",
    },
  ];
  for (const c of cases) it(c.name, () => expect(copyTestOf(c.overlap, undefined, c.evidence)).toBe(c.test));

  it("is off with heldWholeMaxJaccard 0: a resemblance copy as before", () => {
    const rule = { ...DEFAULT_COPY_RULE, heldWholeMaxJaccard: 0 };
    expect(copyTestOf(held(0.51), rule, { leadAgreement: 0.28 })).toBe("overlap");
  });

  it("finds the pair in the index as a containment, so the floor still holds it", () => {
    const item = words(7000, 50);
    const combined = `${words(7100, 40)} ${item}`;
    const index = new NearDuplicateIndex();
    index.add("item", 0, fingerprint(item));
    const [match] = index.query(fingerprint(combined));
    expect(match?.jaccard).toBeGreaterThanOrEqual(0.5);
    expect(match?.test).toBe("contained");
  });
});

describe("the rewrite test (one release, each outlet's edits)", () => {
  const HOUR_MS = 3_600_000;
  /** `count` words from `from`, every `every`-th one swapped for another word: an outlet's light rewording. */
  const edited = (from: number, count: number, every: number) =>
    Array.from({ length: count }, (_, k) => word(k % every === every - 1 ? 40000 + from + k : from + k)).join(
      " ",
    );
  const release = words(0, 80);
  const rewrite = edited(0, 80, 8);
  const rewriteFp = (sourceId: string) => ({
    ...fingerprint(rewrite),
    wordHashes: toWordHashes(toShingleWords(rewrite)),
    sourceId,
  });
  const releaseFp = {
    ...fingerprint(release),
    wordHashes: toWordHashes(toShingleWords(release)),
    sourceId: "was",
  };
  /** Headlines (invented, in the shape of a release's): one outlet's, another's shortened, and another day's. */
  const RELEASE_TITLE = "تعليم المدينة المنورة يستضيف اللقاء التحضيري لتطوير مقررات العلوم";
  const SHORTENED_TITLE = "تعليم المدينة يستضيف اللقاء التحضيري لتطوير مقررات العلوم";
  const OTHER_DAY_TITLE = "توقعات بهطول أمطار رعدية على عسير والباحة";
  /** Much shorter than the release's, all of it in it (containment 1, Jaccard under the agreement). */
  const SHORT_TITLE = "تعليم المدينة يستضيف اللقاء";
  /**
   * A print edition's own headline: three of its six stems in the release's, agreement exactly
   * REWRITE_LATE_MIN_TITLE_AGREEMENT (outlets retitle the release they print the next day).
   */
  const HALF_TITLE = "تعليم المدينة يستضيف ورشة المعلمين الجدد";
  /** Two of its five stems in the release's headline: under the agreement. */
  const TWO_OF_FIVE_TITLE = "تعليم المدينة ينظم ورشة المعلمين";
  /** A headline that recurs every day: too few stems to tell one day's text from another's. */
  const DAILY_TITLE = "حالة الطقس";
  const cases: {
    name: string;
    sourceId: string;
    hoursLater: number;
    title?: string;
    releaseTitle?: string;
    copy: boolean;
  }[] = [
    {
      name: "another outlet's rewrite the same morning is a copy",
      sourceId: "okaz",
      hoursLater: 3,
      copy: true,
    },
    {
      name: "the same words past the window (the next day) are a template text about another day, not a copy",
      sourceId: "okaz",
      hoursLater: REWRITE_MAX_HOURS + 6,
      copy: false,
    },
    {
      name: "the same words the next day under another headline are another day's template text, not a copy",
      sourceId: "okaz",
      hoursLater: REWRITE_MAX_HOURS + 6,
      title: OTHER_DAY_TITLE,
      copy: false,
    },
    {
      name: "the next day's print edition under the release's headline, shortened, is a copy (the late rewrite)",
      sourceId: "okaz",
      hoursLater: REWRITE_MAX_HOURS + 6,
      title: SHORTENED_TITLE,
      copy: true,
    },
    {
      name: "a much shorter headline wholly inside the release's agrees (containment, not Jaccard)",
      sourceId: "okaz",
      hoursLater: REWRITE_MAX_HOURS + 6,
      title: SHORT_TITLE,
      copy: true,
    },
    {
      name: "a print edition retitled the next day, half its headline in the release's, is a late rewrite",
      sourceId: "okaz",
      hoursLater: REWRITE_MAX_HOURS + 6,
      title: HALF_TITLE,
      copy: true,
    },
    {
      name: "a headline with under half of it in the release's is no late rewrite",
      sourceId: "okaz",
      hoursLater: REWRITE_MAX_HOURS + 6,
      title: TWO_OF_FIVE_TITLE,
      copy: false,
    },
    {
      name: "a daily headline of too few stems on both days is no late rewrite (another day's bulletin)",
      sourceId: "okaz",
      hoursLater: REWRITE_MAX_HOURS + 6,
      title: DAILY_TITLE,
      releaseTitle: DAILY_TITLE,
      copy: false,
    },
    {
      name: "the release's headline past the late window is no rewrite copy",
      sourceId: "okaz",
      hoursLater: REWRITE_LATE_MAX_HOURS + 1,
      title: SHORTENED_TITLE,
      copy: false,
    },
    {
      name: "the same outlet's second text on the release is its own update, not a copy",
      sourceId: "was",
      hoursLater: 3,
      copy: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const index = new NearDuplicateIndex();
      index.add("release", 0, { ...releaseFp, title: toTitleHashes(c.releaseTitle ?? RELEASE_TITLE) });
      const fp = {
        ...rewriteFp(c.sourceId),
        ...(c.title === undefined ? {} : { title: toTitleHashes(c.title) }),
      };
      const [match] = index.query(fp, c.hoursLater * HOUR_MS);
      expect(match?.id).toBe(c.copy ? "release" : undefined);
    });
  }
  it("allows the late window only to headlines that agree", () => {
    const agreement = compareShingles(
      toTitleHashes(SHORTENED_TITLE),
      toTitleHashes(RELEASE_TITLE),
    ).containment;
    expect(agreement).toBe(1);
    expect(rewriteMaxHoursOf(agreement)).toBe(REWRITE_LATE_MAX_HOURS);
    const other = compareShingles(toTitleHashes(OTHER_DAY_TITLE), toTitleHashes(RELEASE_TITLE)).containment;
    expect(rewriteMaxHoursOf(other)).toBe(REWRITE_MAX_HOURS);
    expect(rewriteMaxHoursOf(undefined)).toBe(REWRITE_MAX_HOURS);
    const half = compareShingles(toTitleHashes(HALF_TITLE), toTitleHashes(RELEASE_TITLE));
    expect(half.containment).toBe(REWRITE_LATE_MIN_TITLE_AGREEMENT);
    const twoOfFive = compareShingles(toTitleHashes(TWO_OF_FIVE_TITLE), toTitleHashes(RELEASE_TITLE));
    expect(twoOfFive.containment).toBe(0.4);
    const short = compareShingles(toTitleHashes(SHORT_TITLE), toTitleHashes(RELEASE_TITLE));
    expect(short.containment).toBe(1);
    expect(short.jaccard).toBeLessThan(REWRITE_LATE_MIN_TITLE_AGREEMENT);
    expect(toTitleHashes(DAILY_TITLE).length).toBeLessThan(REWRITE_LATE_MIN_TITLE_STEMS);
    expect(compareShingles(toTitleHashes(""), toTitleHashes("")).containment).toBe(0);
  });
  it("reads the rewrite below the other tests, with most word pairs shared", () => {
    const o = compareShingles(releaseFp.shingles, rewriteFp("okaz").shingles);
    expect(o.jaccard).toBeLessThan(0.5);
    expect(o.containment).toBeLessThan(0.7);
    const pairs = (text: string) => toShingleHashes(toShingleWords(text), 2);
    expect(compareShingles(pairs(release), pairs(rewrite)).containment).toBeGreaterThanOrEqual(0.7);
  });
  it("is off without the query's time", () => {
    const index = new NearDuplicateIndex();
    index.add("release", 0, releaseFp);
    expect(index.query(rewriteFp("okaz"))).toEqual([]);
  });
  describe("a few word pairs short of the test, under headlines naming the same instances", () => {
    /**
     * Three words in every twelve reworded: the lead keeps 24 of its 30 words, two thirds of the word pairs are shared
     * (0.65-0.7), half of the 4-word shingles.
     */
    const cutMore = Array.from({ length: 80 }, (_, k) => word(k % 12 >= 9 ? 40000 + k : k)).join(" ");
    /** The second relief plane's headline against the first's, which names no ordinal (invented after real pairs). */
    const SECOND_PLANE = "وصول طائرة الإغاثة السعودية الثانية لمطار عدن";
    const FIRST_PLANE = "وصول الطائرة الإغاثية السعودية إلى مطار عدن الدولي";
    const cases: { name: string; titles: [string, string]; copy: boolean }[] = [
      {
        name: "is a rewrite when neither headline names an instance (outlets that cut or reword other paragraphs)",
        titles: [RELEASE_TITLE, SHORTENED_TITLE],
        copy: true,
      },
      {
        name: "is no rewrite when one headline names an instance the other does not (the second plane, the first)",
        titles: [FIRST_PLANE, SECOND_PLANE],
        copy: false,
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const pairs = (text: string) => toShingleHashes(toShingleWords(text), 2);
        const shared = compareShingles(pairs(release), pairs(cutMore)).containment;
        expect(shared).toBeGreaterThanOrEqual(
          REWRITE_MIN_BIGRAM_CONTAINMENT - REWRITE_SAME_INSTANCES_BIGRAM_SLACK,
        );
        expect(shared).toBeLessThan(REWRITE_MIN_BIGRAM_CONTAINMENT);
        const [first, second] = c.titles;
        const index = new NearDuplicateIndex();
        index.add("release", 0, {
          ...releaseFp,
          title: toTitleHashes(first),
          ordinals: toHeadlineOrdinals(first),
        });
        const fp = {
          ...fingerprint(cutMore),
          wordHashes: toWordHashes(toShingleWords(cutMore)),
          sourceId: "okaz",
          title: toTitleHashes(second),
          ordinals: toHeadlineOrdinals(second),
        };
        const [match] = index.query(fp, 3 * HOUR_MS);
        expect(match?.id).toBe(c.copy ? "release" : undefined);
      });
    }
    it("reads the instances only to lower the word-pair share (copyTestOf)", () => {
      const overlap = { jaccard: 0.2, containment: 0.45, smaller: 60 };
      const evidence = (containment: number, sameInstances?: boolean) => ({
        leadAgreement: 0.8,
        hoursApart: 2,
        bigrams: { jaccard: 0.4, containment, smaller: 60 },
        ...(sameInstances === undefined ? {} : { sameInstances }),
      });
      expect(copyTestOf(overlap, undefined, evidence(0.67, true))).toBe("rewrite");
      expect(copyTestOf(overlap, undefined, evidence(0.67, false))).toBeNull();
      expect(copyTestOf(overlap, undefined, evidence(0.67))).toBeNull();
      expect(copyTestOf(overlap, undefined, evidence(0.64, true))).toBeNull();
    });
  });
  it("keeps apart two texts of one formula that name different people (the royal cables of one day)", () => {
    // Ten cables of the day make the formula's words common in leads; each names its own head of state.
    const formula = words(50000, 24);
    const cable = (i: number, body: string) => `${formula} ${words(60000 + i * 10, 6)} ${body}`;
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 10; i++) {
      const text = cable(i, words(70000 + i * 100, 40));
      index.add(`c${i}`, i, { ...fingerprint(text), wordHashes: toWordHashes(toShingleWords(text)) });
    }
    const a = cable(20, release);
    const b = cable(21, rewrite);
    const fp = (text: string, sourceId: string) => ({
      ...fingerprint(text),
      wordHashes: toWordHashes(toShingleWords(text)),
      sourceId,
    });
    index.add("a", 10, fp(a, "was"));
    expect(index.query(fp(b, "okaz"), 3 * HOUR_MS).map((m) => m.id)).toEqual([]);
    // The same pair naming the same people is a rewrite.
    expect(index.query(fp(cable(20, rewrite), "okaz"), 3 * HOUR_MS).map((m) => m.id)).toEqual(["a"]);
  });
});

describe("rareLeadAgreementOf: the rewrite test's rare lead words, read in the whole other text", () => {
  /** Sorted distinct word hashes of a text, as the index keeps them. */
  const wordsOf = (text: string) => toShingleHashes(toShingleWords(text), 1);
  const cases: {
    name: string;
    rareA: string;
    textA: string;
    rareB: string;
    textB: string;
    expected: number;
  }[] = [
    {
      name: "finds a rare lead word that the other outlet's added opening clause pushed past its lead",
      rareA: "عقدت لجان الحج بوزارة الصحة اجتماعها الثاني عشر أمس",
      textA: "عقدت لجان الحج بوزارة الصحة اجتماعها الثاني عشر أمس واستمع المجتمعون إلى تقرير عن الاستعدادات",
      rareB: "بديوان واستمع",
      textB:
        "تواصل وزارة الصحة استعداداتها حيث عقدت لجان الحج اجتماعها الثاني عشر بديوان الوزارة واستمع المجتمعون",
      expected: 0.5,
    },
    {
      name: "finds none of the names of a cable to another head of state (one formula, two countries)",
      rareA: "التونسي السبسي",
      textA:
        "بعث خادم الحرمين الشريفين برقية تهنئة للرئيس التونسي الباجي قايد السبسي بمناسبة ذكرى إعلان الجمهورية",
      rareB: "الموريتاني عبدالعزيز",
      textB:
        "بعث خادم الحرمين الشريفين برقية تهنئة للرئيس الموريتاني محمد ولد عبدالعزيز بمناسبة ذكرى الاستقلال",
      expected: 0,
    },
    {
      name: "takes the lower share when both leads have as many rare words",
      rareA: "الزهراني الطائف",
      textA: "أوضح مخرج مسرحية نزهة مساعد الزهراني أنها تعرض في الطائف",
      rareB: "نزهة الطائف",
      textB: "تعرض جمعية الثقافة بالطائف مسرحية نزهة في الطائف مساء السبت",
      expected: 0.5,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(
        rareLeadAgreementOf(wordsOf(c.rareA), wordsOf(c.textA), wordsOf(c.rareB), wordsOf(c.textB)),
      ).toBe(c.expected);
    });
  }
  it("counts an empty part as found (shareFound)", () =>
    expect(shareFound(new Uint32Array(0), wordsOf("نص"))).toBe(1));
});

describe("stock phrases", () => {
  // A template of 40 words that 40 texts of the window repeat, each with its own particulars.
  const template = words(20000, 40);
  const filled = (i: number, size: number) => `${template} ${words(30000 + i * 100, size)}`;
  function indexWithTemplates(options: ConstructorParameters<typeof NearDuplicateIndex>[0] = {}) {
    const index = new NearDuplicateIndex(options);
    for (let i = 0; i < 40; i++) index.add(`t${i}`, i, fingerprint(filled(i, 60)));
    return index;
  }
  it("keeps a template text about another event apart from the earlier ones", () => {
    expect(indexWithTemplates().query(fingerprint(filled(99, 10)))).toEqual([]);
  });
  it("would call it a copy by containment if stock phrases were not left out", () => {
    const index = indexWithTemplates({ stockPhraseMinTexts: Number.POSITIVE_INFINITY });
    expect(index.query(fingerprint(filled(99, 10))).length).toBeGreaterThan(0);
  });
  it("still finds a copy of one template text, which shares its particulars", () => {
    const ids = indexWithTemplates()
      .query(fingerprint(filled(7, 60)))
      .map((m) => m.id);
    expect(ids).toEqual(["t7"]);
  });
});

describe("daily templates: another day's text of one outlet's template", () => {
  // An outlet's daily report: 60 words of template, 20 of the day's particulars (J about 0.6 between two days).
  const day = 86_400_000;
  const template = words(50000, 60);
  const report = (d: number) => `${template} ${words(51000 + d * 100, 20)}`;
  const print = (text: string, sourceId: string) => ({ ...fingerprint(text), sourceId });
  function indexWithReports(days: number, options: ConstructorParameters<typeof NearDuplicateIndex>[0] = {}) {
    const index = new NearDuplicateIndex(options);
    for (let d = 0; d < days; d++) index.add(`report${d}`, d * day + 3_600_000, print(report(d), "meteo"));
    return index;
  }
  it("keeps another outlet's report of the next day apart once the template was printed on three days", () => {
    const index = indexWithReports(3);
    const matches = index.query(print(report(3), "paper"), 3 * day + 7_200_000);
    expect(matches.map((m) => m.id)).toEqual([]);
  });
  it("reads the pair as a copy without the rule (dailyTemplateMaxJaccard 0): resemblance 0.5-0.8", () => {
    const index = indexWithReports(3, { rule: { ...DEFAULT_COPY_RULE, dailyTemplateMaxJaccard: 0 } });
    const matches = index.query(print(report(3), "paper"), 3 * day + 7_200_000);
    expect(matches.map((m) => m.id)).toContain("report2");
    const m = matches.find((x) => x.id === "report2")!;
    expect(m.jaccard).toBeGreaterThanOrEqual(0.5);
    expect(m.jaccard).toBeLessThan(DAILY_TEMPLATE_MAX_JACCARD);
  });
  it("still calls two days' texts a copy while the template was printed on fewer days (no history yet)", () => {
    const index = new NearDuplicateIndex();
    index.add("report1", day + 3_600_000, print(report(1), "meteo"));
    expect(index.query(print(report(2), "paper"), 2 * day + 7_200_000).map((m) => m.id)).toEqual(["report1"]);
  });
  it("keeps a copy of the same day's report, which shares its particulars", () => {
    const index = indexWithReports(3);
    const sameDay = `${words(50000, 40)} ${words(51000 + 200, 20)}`;
    expect(index.query(print(sameDay, "paper"), 2 * day + 7_200_000).map((m) => m.id)).toContain("report2");
  });
  it("keeps a one-off release printed by another outlet the next day (no daily phrases in common)", () => {
    const index = indexWithReports(3);
    const release = words(60000, 80);
    index.add("release", 2 * day + 3_600_000, print(release, "meteo"));
    const trimmed = words(60000, 60);
    expect(index.query(print(trimmed, "paper"), 3 * day + 7_200_000).map((m) => m.id)).toEqual(["release"]);
  });
});

describe("OutletPhraseDays", () => {
  const day = 86_400_000;
  const shingle = 4 * 12345; // a recorded shingle: its low bits are zero
  it("counts the days an outlet printed a shingle, once per day, within the window's whole days", () => {
    const days = new OutletPhraseDays();
    for (const t of [0, 0.5, 1, 2, 2.2].map((d) => d * day))
      days.addText("meteo", t, Uint32Array.of(shingle));
    const key = sourceKeyOf("meteo");
    expect(days.daysWith(key, shingle, -14 * day, 2 * day)).toBe(3);
    expect(days.daysWith(key, shingle, 0.5 * day, 2 * day)).toBe(2);
    expect(days.daysWith(sourceKeyOf("paper"), shingle, -14 * day, 2 * day)).toBe(0);
  });
  it("counts the text being read on its day for its own outlet (printsNow)", () => {
    const days = new OutletPhraseDays();
    days.addText("meteo", 0, Uint32Array.of(shingle));
    days.addText("meteo", day, Uint32Array.of(shingle));
    expect(days.dailyPhraseTest(-14 * day, 2 * day, 3, "paper")(shingle)).toBe(false);
    expect(days.dailyPhraseTest(-14 * day, 2 * day, 3, "meteo")(shingle)).toBe(true);
  });
  it("forgets the days that left the ring as the days move on", () => {
    const days = new OutletPhraseDays();
    days.addText("meteo", 0, Uint32Array.of(shingle));
    days.addText("meteo", 20 * day, Uint32Array.of(4 * 777));
    expect(days.daysWith(sourceKeyOf("meteo"), shingle, 6 * day, 20 * day)).toBe(0);
  });
  it("records only sampled shingles", () => {
    expect(isRecordedShingle(4 * 3)).toBe(true);
    expect(isRecordedShingle(4 * 3 + 1)).toBe(false);
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
  it("queries the new article's window, not the previous article's: as a stream replayed from its start", () => {
    // One day's window: "a" at 0, "b" 23 h later (a's window still holds "a"), then a copy of "a" at 25 h, past it.
    const hour = 3_600_000;
    const index = new NearDuplicateIndex({ windowDays: 1 });
    index.add("a", 0, { shingles: shingleText(WIRE) });
    index.add("b", 23 * hour, {
      shingles: shingleText("نص آخر لا علاقة له بالأول إطلاقا في أي شيء يذكر"),
    });
    expect(index.query({ shingles: shingleText(WIRE) }, 25 * hour)).toEqual([]);
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
  it("carries on a group that started before a replay once its first replayed member is rebased onto it", () => {
    // One fold: "old" (evicted) opened the group and stays its original; a rebuilt stream starts after it.
    const stored = {
      id: "old",
      openedMs: 0,
      original: { id: "old", sourceId: "okaz", citedSource: null, timeMs: 0 },
    };
    const g = new DuplicateGroups();
    g.add({ id: "x", sourceId: "alyaum", citedSource: null, timeMs: 10 }, []);
    expect(g.rebase("x", stored)).toBe(true);
    const out = g.add({ id: "y", sourceId: "sabq", citedSource: null, timeMs: 20 }, ["x"]);
    expect(out).toEqual({ groupId: "old", originalId: "old" });
    expect(g.duplicateOf("x")).toBe("old");
    // Only a group its member opened alone is rebased.
    expect(g.rebase("y", { ...stored, id: "other" })).toBe(false);
  });
});

describe("DuplicateGroups merging", () => {
  const member = (id: string, sourceId: string, timeMs: number) => ({
    id,
    sourceId,
    citedSource: null,
    timeMs,
  });

  it("merges the groups of an article that copies members of two, into the group opened first", () => {
    const g = new DuplicateGroups();
    g.add(member("a1", "okaz", 0), []);
    g.add(member("a2", "sabq", 1), ["a1"]);
    g.add(member("b1", "alyaum", 2), []);
    g.add(member("b2", "alriyadh", 3), ["b1"]);
    // Best copy first is b2's group: the merged group still keeps the older key.
    const out = g.add(member("c", "almadina", 4), ["b2", "a2"]);
    expect(out).toEqual({ groupId: "a1", originalId: "a1", mergedGroups: ["b1"] });
    for (const id of ["a2", "b1", "b2", "c"]) {
      expect(g.groupIdOf(id)).toBe("a1");
      expect(g.duplicateOf(id)).toBe("a1");
    }
    expect(g.countCopyGroups()).toEqual({ groups: 1, articles: 5 });
    expect(g.groups).toBe(1);
  });

  it("joins only its best copy's group when its other copies are not close enough to merge groups", () => {
    const g = new DuplicateGroups();
    g.add(member("a1", "okaz", 0), []);
    g.add(member("b1", "alyaum", 2), []);
    const out = g.add(member("c", "almadina", 4), ["b1", "a1"], []);
    expect(out).toEqual({ groupId: "b1", originalId: "b1" });
    expect(g.groupIdOf("a1")).toBe("a1");
  });

  describe("mergeIdsOf: which verified copies merge groups", () => {
    const HOUR = 3_600_000;
    const weak = (id: string) => ({ id, jaccard: 0.55, containment: 0.7 });
    const cases: {
      name: string;
      openedHoursAgo: number;
      copy: { id: string; jaccard: number; containment: number };
      merges: boolean;
    }[] = [
      {
        name: "a resemblance copy merges a group opened within GROUP_MERGE_MAX_HOURS (two edits of one release)",
        openedHoursAgo: GROUP_MERGE_MAX_HOURS - 1,
        copy: weak("old"),
        merges: true,
      },
      {
        name: "a resemblance copy leaves an older group apart (a template text comes back a day or more later)",
        openedHoursAgo: GROUP_MERGE_MAX_HOURS + 1,
        copy: weak("old"),
        merges: false,
      },
      {
        name: "a containment copy leaves a young group apart (a roundup holding two short statements)",
        openedHoursAgo: 1,
        copy: { id: "old", jaccard: 0.2, containment: 0.85 },
        merges: false,
      },
      {
        name: "a floor-close copy merges an older group (every floor pair shares a group)",
        openedHoursAgo: GROUP_MERGE_MAX_HOURS + 1,
        copy: { id: "old", jaccard: 0.8, containment: 0.85 },
        merges: true,
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const g = new DuplicateGroups();
        const now = 100 * HOUR;
        g.add(member("old", "okaz", now - c.openedHoursAgo * HOUR), []);
        g.add(member("recent", "sabq", now - 1 * HOUR), []);
        const copies = [weak("recent"), c.copy];
        const mergeIds = g.mergeIdsOf(copies, now);
        expect(mergeIds.includes("old")).toBe(c.merges);
        g.add(
          member("new", "alyaum", now),
          copies.map((x) => x.id),
          mergeIds,
        );
        expect(g.groupIdOf("old") === g.groupIdOf("new")).toBe(c.merges);
        expect(g.groupIdOf("recent")).toBe(g.groupIdOf("new"));
      });
    }
  });

  describe("mergeIdsOf: a rewrite copy alone in its group (one outlet's edit of a release the others printed)", () => {
    const HOUR = 3_600_000;
    const rewrite = { id: "lone", jaccard: 0.37, containment: 0.63, test: "rewrite" as const };
    /** Groups before the new article: `joined` with `size` members (its best copy), and `lone` alone. */
    function groupsWith(size: number, loneHasCopy = false) {
      const g = new DuplicateGroups();
      g.add(member("j0", "okaz", 0), []);
      for (let i = 1; i < size; i++) g.add(member(`j${i}`, `s${i}`, i), ["j0"]);
      g.add(member("lone", "alwatan", 2 * HOUR), []);
      if (loneHasCopy) g.add(member("lone2", "alyaum", 2 * HOUR + 1), ["lone"]);
      return g;
    }
    const best = { id: "j0", jaccard: 0.66, containment: 0.84, test: "overlap" as const };
    it("merges it into the group the article joins when that group is small", () => {
      const g = groupsWith(REWRITE_MERGE_MAX_GROUP_SIZE);
      expect(g.mergeIdsOf([best, rewrite], 3 * HOUR)).toContain("lone");
    });
    it("leaves it apart when the group the article joins is larger (a pair with every member, perhaps mixed)", () => {
      const g = groupsWith(REWRITE_MERGE_MAX_GROUP_SIZE + 1);
      expect(g.mergeIdsOf([best, rewrite], 3 * HOUR)).not.toContain("lone");
    });
    it("leaves a rewrite copy's group apart when the copy is not alone in it", () => {
      const g = groupsWith(2, true);
      expect(g.mergeIdsOf([best, rewrite], 3 * HOUR)).not.toContain("lone");
    });
  });

  it("neither joins nor merges groups on a 'contained' link, even a floor-close one (a roundup carrying items)", () => {
    const g = new DuplicateGroups();
    g.add(member("a", "okaz", 0), []);
    g.add(member("b", "sabq", 1), []);
    const copies = [
      { id: "a", jaccard: 0.3, containment: 1, test: "contained" as const },
      { id: "b", jaccard: 0.25, containment: 0.95, test: "contained" as const },
    ];
    expect(g.mergeIdsOf(copies, 2)).toEqual([]);
    expect(groupingCopies(copies)).toEqual([]);
    const out = g.add(
      member("roundup", "alyaum", 2),
      groupingCopies(copies).map((c) => c.id),
      g.mergeIdsOf(copies, 2),
    );
    expect(out).toEqual({ groupId: "roundup", originalId: "roundup" });
    expect(new Set(["a", "b", "roundup"].map((id) => g.groupIdOf(id))).size).toBe(3);
  });

  it("merges no young group by resemblance when it holds another text whole (a combined piece)", () => {
    const HOUR = 3_600_000;
    const g = new DuplicateGroups();
    g.add(member("order", "okaz", 0), []);
    g.add(member("departure", "sabq", 1 * HOUR), []);
    g.add(member("statement", "alyaum", 2 * HOUR), []);
    const resembles = { id: "departure", jaccard: 0.77, containment: 0.88, test: "overlap" as const };
    const floorClose = { id: "statement", jaccard: 0.85, containment: 0.9, test: "overlap" as const };
    const item = { id: "order", jaccard: 0.6, containment: 1, test: "contained" as const };
    expect(holdsAnItemWhole([resembles, item])).toBe(true);
    expect(holdsAnItemWhole([resembles])).toBe(false);
    // Without the carried item the young group merges, as before; with it only the floor-close copy does.
    expect(g.mergeIdsOf([resembles], 3 * HOUR)).toEqual(["departure"]);
    expect(g.mergeIdsOf([resembles, floorClose, item], 3 * HOUR)).toEqual(["statement"]);
  });

  it("makes a wire member of the absorbed group the merged group's original", () => {
    const g = new DuplicateGroups();
    g.add(member("paper", "okaz", 0), []);
    g.add(member("wire", "was", 5), []);
    const out = g.add(member("roundup", "sabq", 9), ["paper", "wire"]);
    expect(out).toMatchObject({ groupId: "paper", originalId: "wire" });
    expect(g.duplicateOf("paper")).toBe("wire");
  });

  it("keeps an absorbed group's evicted original as a candidate for the merged group", () => {
    const g = new DuplicateGroups();
    g.add(member("old", "okaz", 0), []);
    g.add(member("old-copy", "sabq", 10), ["old"]);
    g.add(member("new", "alyaum", 20), []);
    g.evictBefore(5);
    // "new" opened later, yet the merged group's earliest article is the evicted "old".
    const out = g.add(member("both", "almadina", 30), ["new", "old-copy"]);
    expect(out).toMatchObject({ groupId: "old", originalId: "old", mergedGroups: ["new"] });
  });

  it("gives the same groups and originals whatever order the copies are listed in", () => {
    const run = (copies: string[]) => {
      const g = new DuplicateGroups();
      g.add(member("x", "okaz", 0), []);
      g.add(member("y", "was", 1), []);
      g.add(member("z", "sabq", 2), []);
      return g.add(member("w", "alyaum", 3), copies);
    };
    expect(run(["z", "x", "y"])).toEqual(run(["y", "z", "x"]));
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

describe("the late copy test (a copy joining its original's story past the story window)", () => {
  const lateOf = (text: string) => fingerprintText(text, "s").fingerprint;
  /** Invented relief-flight releases: the 4th flight's, its republication, and the 5th's written on the 4th's. */
  const fourth =
    "وصلت اليوم الطائرة الإغاثية الرابعة إلى مطار عدن الدولي محملة بـ 10 أطنان من المستلزمات الطبية لمرضى الفشل الكلوي يرافقها فريق إغاثي من مركز الملك سلمان";
  it.each([
    { why: "the same text republished", copy: fourth, join: true },
    {
      why: "a republication that adds a figure to the lead (the fewer figures are all in the other)",
      copy: fourth.replace("اليوم", "اليوم 6 أغسطس"),
      join: true,
    },
    {
      why: "a template's next instance: another figure in the lead (Arabic-Indic digits folded)",
      copy: fourth.replace("الرابعة", "الخامسة").replace("10 أطنان", "١٢ طناً"),
      join: false,
    },
    {
      why: "a text that starts otherwise (a column page whose furniture carries the overlap)",
      copy: `كثر الحديث في الأوساط الاجتماعية عن انتشار الكلاب بين الناس ${fourth.split(" ").slice(20).join(" ")}`,
      join: false,
    },
  ])("$why -> $join", ({ copy, join }) => {
    expect(mayJoinLate(lateOf(copy), lateOf(fourth))).toBe(join);
  });
  it("reads the lead's figures as written, digits folded", () => {
    const figures = (t: string) => {
      const surface: string[] = [];
      toShingleWords(t, DEFAULT_SHINGLE_OPTIONS, Number.POSITIVE_INFINITY, surface);
      return toLeadFigureHashes(surface);
    };
    expect(figures("محملة بـ ١٢ طناً في ٢٠١٥م")).toEqual(toShingleHashes(["12", "2015"], 1));
    expect(figures("بلا أرقام")).toEqual(new Uint32Array(0));
  });
  it("keeps an indexed article's lead for the test until it leaves the window", () => {
    const index = new NearDuplicateIndex({ windowDays: 1 });
    index.add("a", 0, lateOf(fourth));
    expect(index.leadOf("a")).toMatchObject({
      lead: lateOf(fourth).lead,
      leadFigures: lateOf(fourth).leadFigures,
    });
    index.evictBefore(1);
    expect(index.leadOf("a")).toBeUndefined();
  });
});

describe("a template's next instance (headlines naming other ordinals of one head)", () => {
  const overlap = (jaccard: number, containment: number): ShingleOverlap => ({
    jaccard,
    containment,
    smaller: 60,
  });
  it.each([
    { why: "below the floor: no copy", o: overlap(0.6, 0.8), test: null },
    {
      why: "held whole (sure containment): a containment, not a copy",
      o: overlap(0.6, 0.95),
      test: "contained",
    },
    {
      why: "floor-close resemblance: a copy as before (the issue's floor)",
      o: overlap(0.85, 0.9),
      test: "overlap",
    },
  ])("$why", ({ o, test }) => {
    expect(copyTestOf(o, undefined, { namesOtherInstance: true, leadAgreement: 1 })).toBe(test);
  });
  /** An invented relief-flight release, its template filled in for the next flight. */
  const fourth =
    "وصلت اليوم الطائرة الإغاثية الرابعة إلى مطار عدن الدولي محملة بعشرة أطنان من المستلزمات الطبية لمرضى الفشل الكلوي يرافقها فريق إغاثي من مركز الملك سلمان للإغاثة والأعمال الإنسانية وكان في استقبالها محافظ عدن ومدير المطار وعدد من المسؤولين في السلطة المحلية الذين أشادوا بالدعم المتواصل";
  const fifth = `${fourth.replace("الرابعة", "الخامسة").replace("بعشرة أطنان", "باثني عشر طناً من الأجهزة و")} وتأتي هذه الطائرة ضمن جسر جوي لنقل المساعدات الطبية والغذائية إلى المدينة`;
  const fp = (text: string, title: string) => fingerprintText(text, "s", title).fingerprint;
  it("finds the fifth flight's release no copy of the fourth's when the headlines name the two ordinals", () => {
    const index = new NearDuplicateIndex();
    index.add("fourth", 0, fp(fourth, "وصول الطائرة الإغاثية الرابعة إلى عدن"));
    expect(index.query(fp(fifth, "وصول الطائرة الإغاثية الخامسة إلى عدن"), 0)).toEqual([]);
  });
  it("still finds it a copy when one headline names no ordinal (the check needs both)", () => {
    const index = new NearDuplicateIndex();
    index.add("fourth", 0, fp(fourth, "وصول الطائرة الإغاثية الرابعة إلى عدن"));
    expect(index.query(fp(fifth, "طائرة إغاثية تصل إلى عدن"), 0).map((m) => m.id)).toEqual(["fourth"]);
  });
});

describe("a roundup carrying different items (NearDuplicateIndex)", () => {
  /** Invented statements of two bodies on one event, and the roundups an outlet builds of them. */
  const speaker =
    "أعرب رئيس البرلمان الكويتي بالإنابة عن رفضه للتصريحات غير المسؤولة التي أدلى بها المسؤول العراقي السابق وقال إن هذه التصريحات لا تخدم الاستقرار ولا بناء العلاقات بين دول المنطقة وشدد على أن المملكة دولة رائدة تقدم الدعم للفكر المعتدل وتخدم الحرمين الشريفين وزوارهما وتعاني من الإرهاب على أراضيها ومنشآتها";
  const body =
    "استنكرت الأمانة العامة للمنظمة الإسلامية التصريحات الصادرة عن نائب الرئيس العراقي لإحدى القنوات التلفزيونية واعتبرتها مخالفة لميثاق المنظمة الذي يدعو إلى تعزيز العلاقات بين الدول الأعضاء على أساس العدل والاحترام المتبادل وحسن الجوار وعدم التدخل في الشؤون الداخلية وأشادت بجهود المملكة في مكافحة التطرف على الصعد الوطنية والإقليمية والدولية";
  const intro =
    "تواصلت ردود الفعل الخليجية والدولية المستنكرة لتصريحات المسؤول العراقي ضد المملكة حيث صدرت بيانات عن عدد من الهيئات";
  const fp = (text: string) => fingerprintText(text, "s").fingerprint;
  const indexed = () => {
    const index = new NearDuplicateIndex();
    index.add("speaker", 0, fp(speaker));
    index.add("body", 1, fp(body));
    return index;
  };
  const tests = (matches: { id: string; test: CopyTest }[]) =>
    Object.fromEntries(matches.map((m) => [m.id, m.test]));
  it("is a copy of neither item it carries, which stay containments", () => {
    expect(tests(indexed().query(fp(`${intro} ${speaker} ${body}`), 2))).toEqual({
      speaker: "contained",
      body: "contained",
    });
  });
  it("is a copy of the item it opens with (an item printed with another appended)", () => {
    expect(tests(indexed().query(fp(`${speaker} ${body} ${intro}`), 2))).toEqual({
      speaker: "overlap",
      body: "contained",
    });
  });
  it("is a copy of one item it carries when it carries no other", () => {
    const index = new NearDuplicateIndex();
    index.add("speaker", 0, fp(speaker));
    expect(tests(index.query(fp(`${intro} ${speaker}`), 2))).toEqual({ speaker: "overlap" });
  });
  it("reads two items printed together with no intro as a roundup, each about half of it", () => {
    // Each item's resemblance to the pair is about 0.5 (the OIC's 0.52, the speaker's 0.44). Only texts below the copy
    // rule's 0.5 count as carried, but the item held whole after the other (the OIC's, lead agreement under 0.5) is a
    // containment at any resemblance below the floor (compare-shingles.ts HELD_WHOLE_MAX_JACCARD).
    const matches = indexed().query(fp(`${speaker} ${body}`), 2);
    expect(matches.find((m) => m.id === "body")!.jaccard).toBeGreaterThanOrEqual(0.5);
    expect(tests(matches)).toEqual({ speaker: "overlap", body: "contained" });
    expect(tests(indexed().query(fp(`${body} ${speaker}`), 2))).toEqual({
      speaker: "contained",
      body: "overlap",
    });
  });
  // Known miss (issue #5; testdata/labels/README.md, "Roundups printed without an intro, and roundups that arrive
  // first"): `it.fails` until the roundup rule reads it; the rules tried for it mixed more groups on the corpus.
  it.fails("reads a roundup indexed before its items as one once it holds a different item", () => {
    // The roundup's lead sums up both statements (15 lead words of each: agreement 0.5, a copy by containment, no
    // roundup's head). Arriving last it is a copy of neither; arriving first, each statement joins it as its copy.
    const roundup = `${speaker.split(" ").slice(0, 15).join(" ")} ${body.split(" ").slice(0, 15).join(" ")} ${speaker} ${body}`;
    const index = new NearDuplicateIndex();
    index.add("roundup", 0, fp(roundup));
    index.add("speaker", 1, fp(speaker));
    expect(tests(index.query(fp(body), 2))).toEqual({ roundup: "contained" });
  });
});

describe("what the roundup rule reads as carried items (NearDuplicateIndex)", () => {
  const fp = (text: string, sourceId = "s") => fingerprintText(text, sourceId).fingerprint;
  const tests = (matches: { id: string; test: CopyTest }[]) =>
    Object.fromEntries(matches.map((m) => [m.id, m.test]));
  const release = words(0, 80);
  /** Ten words of its own before the release: lead agreement 20/30, a copy (>= 0.5) but no roundup's head (< 0.75). */
  const intro = words(1000, 10);
  it("is no roundup when the texts it carries are versions of one text (sharing over ROUNDUP_ITEMS_MAX_CONTAINMENT)", () => {
    // A trimmed version keeps the release's first half (about 0.55 of its shingles) and ends with lines of its own; the
    // new text prints both, and lines of its own at the end, so it resembles neither (J < 0.5) and carries both.
    const trimmed = `${words(0, 40)} ${words(1200, 30)}`;
    const index = new NearDuplicateIndex();
    index.add("release", 0, fp(release));
    index.add("trimmed", 1, fp(trimmed));
    const matches = index.query(fp(`${intro} ${release} ${words(1200, 30)} ${words(1300, 60)}`), 2);
    expect(Math.max(...matches.map((m) => m.jaccard))).toBeLessThan(0.5);
    expect(tests(matches)).toEqual({
      release: "overlap",
      trimmed: "overlap",
    });
  });
  it("does not count a rewrite as a carried item (reworded, so not held whole)", () => {
    // A rewrite of a longer release: 8 of its 30 lead words and 5 later words replaced (lead agreement 22/30, word
    // pairs mostly shared, 0.61 of its 4-word shingles). The new text prints the release and a different item after it.
    const long = words(0, 120).split(" ");
    const reworded = long.map((w, i) =>
      (i < 30 && i % 4 === 1) || (i >= 30 && i % 20 === 3) ? word(2500 + i) : w,
    );
    const index = new NearDuplicateIndex();
    index.add("rewrite", 0, fp(reworded.join(" "), "okaz"));
    index.add("item", 1, fp(words(1500, 40), "sabq"));
    expect(tests(index.query(fp(`${long.join(" ")} ${words(1500, 40)}`, "alyaum"), 2))).toEqual({
      rewrite: "rewrite",
      item: "contained",
    });
  });
  it("does not count a longer text it is inside as a carried item", () => {
    // The new text is the release and a short item; an older, longer text holds the release (not the item) after ten
    // words of its own, and holds 0.75 of the new text, a copy by containment with agreeing leads.
    const index = new NearDuplicateIndex();
    index.add("item", 0, fp(words(1500, 25)));
    index.add("longer", 1, fp(`${intro} ${release} ${words(2000, 200)}`));
    expect(tests(index.query(fp(`${release} ${words(1500, 25)}`), 2))).toEqual({
      item: "contained",
      longer: "overlap",
    });
  });
});

describe("two versions of one text in two groups (NearDuplicateIndex.isCopyPair, DuplicateGroups.mergeIdsOf)", () => {
  const fp = (text: string, sourceId = "s") => fingerprintText(text, sourceId).fingerprint;
  const HOUR = 3_600_000;
  it("verifies two indexed articles as the later one's query did, either way round", () => {
    const index = new NearDuplicateIndex();
    index.add("release", 0, fp(words(0, 80), "okaz"));
    // The first 60 words and 20 of its own: J 0.59, a copy by resemblance.
    index.add("trimmed", HOUR, fp(`${words(0, 60)} ${words(500, 20)}`, "sabq"));
    index.add("other", 2 * HOUR, fp(words(3000, 80), "alyaum"));
    expect(index.isCopyPair("release", "trimmed")).toBe(true);
    expect(index.isCopyPair("trimmed", "release")).toBe(true);
    expect(index.isCopyPair("release", "other")).toBe(false);
    expect(index.isCopyPair("release", "release")).toBe(false);
    expect(index.isCopyPair("release", "never-indexed")).toBe(false);
  });
  it("does not count a containment (a text held whole by one that starts otherwise) as a copy", () => {
    const index = new NearDuplicateIndex();
    index.add("item", 0, fp(words(0, 80), "okaz"));
    index.add("combined", HOUR, fp(`${words(5000, 40)} ${words(0, 80)}`, "alriyadh"));
    expect(
      index.query(fp(`${words(5000, 40)} ${words(0, 80)}`), 2 * HOUR).find((m) => m.id === "item")?.test,
    ).toBe("contained");
    expect(index.isCopyPair("item", "combined")).toBe(false);
  });
  it("knows no pair once one of them has left the window", () => {
    const index = new NearDuplicateIndex({ windowDays: 1 });
    index.add("release", 0, fp(words(0, 80), "okaz"));
    index.add("trimmed", HOUR, fp(`${words(0, 60)} ${words(500, 20)}`, "sabq"));
    index.add("later", 25 * HOUR + 1, fp(words(3000, 80), "alyaum"));
    expect(index.isCopyPair("release", "trimmed")).toBe(false);
  });

  const member = (id: string, sourceId: string, timeMs: number) => ({
    id,
    sourceId,
    citedSource: null,
    timeMs,
  });
  /**
   * Groups before the new article: `best` (okaz) alone, and a group of two opened by `version` (alwatan) `hoursLater`
   * hours after it. The new article copies `best` by containment and `version` weakly (neither resemblance >= 0.5 nor
   * floor-close, and not a lone rewrite), so without the versions rule the two groups stay apart.
   */
  function groupsWith(hoursLater: number) {
    const g = new DuplicateGroups();
    g.add(member("best", "okaz", 0), []);
    g.add(member("version", "alwatan", hoursLater * HOUR), []);
    g.add(member("version2", "sabq", hoursLater * HOUR + 1), ["version"]);
    return g;
  }
  const copies = [
    { id: "best", jaccard: 0.4, containment: 0.78, test: "overlap" as const },
    { id: "version", jaccard: 0.3, containment: 0.55, test: "rewrite" as const },
  ];
  const versionsOf = (a: string, b: string) => [a, b].sort().join() === "best,version";
  const cases: {
    name: string;
    hoursLater: number;
    areCopies?: (a: string, b: string) => boolean;
    merges: boolean;
  }[] = [
    {
      name: "merges the group of a copy that is itself a copy of the best one, printed the same day",
      hoursLater: 2,
      areCopies: versionsOf,
      merges: true,
    },
    {
      name: "leaves it apart when the two copies are no copies of each other (two items one article carries)",
      hoursLater: 2,
      areCopies: () => false,
      merges: false,
    },
    {
      name: "leaves it apart when the two copies are more than VERSIONS_MERGE_MAX_HOURS apart (another day's template)",
      hoursLater: VERSIONS_MERGE_MAX_HOURS + 1,
      areCopies: versionsOf,
      merges: false,
    },
    {
      name: "leaves it apart when no pair check is given (as before the rule)",
      hoursLater: 2,
      merges: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const g = groupsWith(c.hoursLater);
      const now = (c.hoursLater + 1) * HOUR;
      const mergeIds = g.mergeIdsOf(copies, now, c.areCopies);
      expect(mergeIds.includes("version")).toBe(c.merges);
      g.add(
        member("new", "alyaum", now),
        copies.map((x) => x.id),
        mergeIds,
      );
      expect(g.groupIdOf("version") === g.groupIdOf("best")).toBe(c.merges);
      expect(g.groupIdOf("new")).toBe(g.groupIdOf("best"));
    });
  }
  it("leaves an old group apart: the versions rule merges young groups only (GROUP_MERGE_MAX_HOURS)", () => {
    const g = new DuplicateGroups();
    g.add(member("version", "alwatan", 0), []);
    g.add(member("version2", "sabq", 1), ["version"]);
    const now = (GROUP_MERGE_MAX_HOURS + 2) * HOUR;
    g.add(member("best", "okaz", now - HOUR), []);
    expect(g.mergeIdsOf(copies, now, versionsOf)).not.toContain("version");
  });
});
