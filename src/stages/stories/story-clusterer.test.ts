import { describe, expect, it, vi } from "vitest";
import { toHeadlineOrdinals } from "../entities/headline-ordinals.ts";
import { SUBJECT_CONFLICT_FACTOR, toHeadlineSubjects } from "./headline-subjects.ts";
import {
  type ClusterTuning,
  compactionBucket,
  MERGE_LONG_GAP_HOURS,
  MERGE_MAX_START_GAP_HOURS,
  MERGE_MIN_COSINE,
  namedKeyCount,
  STORY_REPORTED_JOIN_LIFT,
  STORY_REPORTED_LEAD_LIFT,
  StoryClusterer,
} from "./story-clusterer.ts";
import { cosine, toStoryTerms } from "./story-vector.ts";

const H = 3_600_000;
const DAYS = 8;
/** Invented daily market closes: one template, another day's numbers (each day's close is its own event). */
const CLOSES = Array.from({ length: DAYS }, (_, d) => ({
  id: `close-${d}`,
  title: `مؤشر سوق الأسهم يغلق مرتفعا ${100 + d * 7} نقطة`,
  text: `أغلق مؤشر سوق الأسهم اليوم مرتفعا ${100 + d * 7} نقطة عند مستوى ${9000 + d * 13} نقطة بتداولات بلغت ${4 + d} مليارات ريال وارتفعت أسهم ${60 + d} شركة وتراجعت أسهم ${70 - d} شركة`,
  timeMs: d * 24 * H + 15 * H,
}));
/** Other news between the closes, so document frequencies are not the template's alone. */
const OTHER = Array.from({ length: DAYS }, (_, d) => ({
  id: `other-${d}`,
  title: d % 2 === 0 ? "افتتاح مستشفى جديد في أبها" : "الهلال يفوز على النصر في الديربي",
  text:
    d % 2 === 0
      ? "أعلنت وزارة الصحة افتتاح مستشفى جديد في أبها بسعة مئتي سرير لخدمة سكان منطقة عسير"
      : "فاز فريق الهلال على النصر بهدفين في مباراة الديربي على ملعب الملك فهد الدولي بالرياض",
  timeMs: d * 24 * H + 9 * H,
}));

function storiesOfCloses(tuning: Partial<ClusterTuning>): Set<string | undefined> {
  const c = new StoryClusterer({ tuning });
  for (const a of [...CLOSES, ...OTHER].sort((x, y) => x.timeMs - y.timeMs)) {
    c.add({
      id: a.id,
      sourceId: "was",
      title: a.title,
      timeMs: a.timeMs,
      terms: toStoryTerms(a.title, a.text),
      duplicateOf: null,
    });
  }
  // Stories stay open for STORY_WINDOW_HOURS after their last article, so every close's story is still known.
  return new Set(CLOSES.map((a) => c.storyOf(a.id)));
}

describe("StoryClusterer long-range chaining", () => {
  it("chains a week of daily template closes into one story when story age is ignored", () => {
    expect(
      storiesOfCloses({ ageGraceHours: Number.POSITIVE_INFINITY, routineMinDays: Number.POSITIVE_INFINITY })
        .size,
    ).toBe(1);
  });
  it("stops a daily template from chaining past the age grace period", () => {
    expect(storiesOfCloses({}).size).toBeGreaterThanOrEqual(3);
  });
  it("still joins the next day's close inside the grace period", () => {
    const c = new StoryClusterer({ tuning: { ageGraceHours: 24, ageSigmaHours: 24 } });
    const [a, b] = CLOSES;
    const first = c.add({
      id: a!.id,
      sourceId: "was",
      title: a!.title,
      timeMs: a!.timeMs,
      terms: toStoryTerms(a!.title, a!.text),
      duplicateOf: null,
    });
    const next = c.add({
      id: b!.id,
      sourceId: "was",
      title: b!.title,
      timeMs: a!.timeMs + 20 * H,
      terms: toStoryTerms(b!.title, b!.text),
      duplicateOf: null,
    });
    expect(next.storyId).toBe(first.storyId);
  });
});

describe("StoryClusterer routine headlines (a source's daily template)", () => {
  // Ages ignored, so only the routine rule can keep the days apart.
  const noAge = { ageGraceHours: Number.POSITIVE_INFINITY };
  it("chains the week's closes of one source when no headline counts as routine (the rule before)", () => {
    expect(storiesOfCloses({ ...noAge, routineMinDays: Number.POSITIVE_INFINITY }).size).toBe(1);
  });
  it("keeps each day's close apart once the source has used its template on ROUTINE_MIN_DAYS earlier days", () => {
    // Days 0-3 are not yet routine and chain (with day 4, the first routine one); days 5, 6 and 7 each open a story.
    expect(storiesOfCloses({ ...noAge, routineMinDays: 4 }).size).toBe(4);
  });
  it("still joins the source's next-morning edition of a close when it names the close's figure", () => {
    const c = new StoryClusterer({ tuning: noAge });
    const add = (id: string, title: string, text: string, timeMs: number) =>
      c.add({ id, sourceId: "was", title, timeMs, terms: toStoryTerms(title, text), duplicateOf: null });
    for (const a of CLOSES.slice(0, 6)) add(a.id, a.title, a.text, a.timeMs);
    const day5 = CLOSES[5]!;
    // 100 + 5 * 7 = 135 points, the day-5 close's figure.
    const edition = add("edition", "مؤشر سوق الأسهم يغلق مرتفعا 135 نقطة", day5.text, day5.timeMs + 14 * H);
    const other = add("other", CLOSES[6]!.title, CLOSES[6]!.text, day5.timeMs + 14 * H);
    expect(edition.storyId).toBe(c.storyOf(day5.id));
    expect(other.storyId).not.toBe(c.storyOf(day5.id));
  });

  /** Every story ever reported (STORY_REPORTED_*): the routine rule's exemption for events. */
  const allReported = { reportedMinArticles: 0, reportedMinSources: 0, reportedMinBurst: 0 };
  /** Another close of source "was" at `timeMs`: the template with its own figure. */
  const closeAt = (id: string, points: number, timeMs: number) => ({
    id,
    title: `مؤشر سوق الأسهم يغلق مرتفعا ${points} نقطة`,
    text: `أغلق مؤشر سوق الأسهم اليوم مرتفعا ${points} نقطة عند مستوى ${points * 11} نقطة بتداولات بلغت ${points % 9} مليارات ريال`,
    timeMs,
  });
  const day5 = CLOSES[5]!;
  /**
   * Streams the closes of days 0-3 and 5 (day 5's routine: the template on four earlier days), then `extra`, all from
   * source "was"; whether the day-5 close and the last article share a story. No day-4 close: no story but day 5's
   * starts within a merge's start gap of the articles after it (MERGE_MAX_START_GAP_HOURS).
   */
  function joinsDayFive(
    tuning: Partial<ClusterTuning>,
    extra: { id: string; title: string; text: string; timeMs: number }[],
  ): boolean {
    const c = new StoryClusterer({ tuning: { ...noAge, ...tuning } });
    for (const a of [...CLOSES.slice(0, 4), day5, ...extra]) {
      c.add({
        id: a.id,
        sourceId: "was",
        title: a.title,
        timeMs: a.timeMs,
        terms: toStoryTerms(a.title, a.text),
        duplicateOf: null,
      });
    }
    return c.storyOf(day5.id) === c.storyOf(extra[extra.length - 1]!.id);
  }

  // The join rule alone: no merge pass runs.
  const joinOnly = { mergeEveryArticles: Number.POSITIVE_INFINITY };
  it.each([
    {
      why: "the source's routine close just under ROUTINE_SOURCE_GAP_HOURS later joins",
      tuning: {},
      extra: [closeAt("late", 777, day5.timeMs + 12 * H - 60_000)],
      joins: true,
    },
    {
      why: "the source's routine close ROUTINE_SOURCE_GAP_HOURS later does not",
      tuning: {},
      extra: [closeAt("late", 777, day5.timeMs + 12 * H)],
      joins: false,
    },
    {
      why: "the next day's close joins a story ever reported (an event's)",
      tuning: allReported,
      extra: [CLOSES[6]!],
      joins: true,
    },
    {
      why: "a year both headlines name is no shared figure",
      tuning: {},
      extra: [
        { ...day5, id: "dated-5", title: `${day5.title} 2026` },
        { ...CLOSES[6]!, title: `${CLOSES[6]!.title} 2026` },
      ],
      joins: false,
    },
  ])("join: $why", ({ tuning, extra, joins }) => {
    expect(joinsDayFive({ ...joinOnly, ...tuning }, extra)).toBe(joins);
  });

  // The merge rule alone: every article opens a story, and a merge pass after each joins any two sharing terms.
  const mergeOnly = {
    joinMinScore: Number.POSITIVE_INFINITY,
    mergeEveryArticles: 1,
    mergeMinCosine: 0,
    mergeMinScore: 0,
  };
  it.each([
    {
      why: "two days' routine closes of one source stay apart",
      tuning: {},
      extra: [CLOSES[6]!],
      joins: false,
    },
    {
      why: "the source's next-morning edition naming the close's figure merges",
      tuning: {},
      extra: [{ ...day5, id: "edition", timeMs: day5.timeMs + 14 * H }],
      joins: true,
    },
    {
      why: "two routine closes of one source under ROUTINE_SOURCE_GAP_HOURS apart merge",
      tuning: {},
      extra: [closeAt("evening", 999, day5.timeMs + 5 * H)],
      joins: true,
    },
    {
      why: "a merged story keeps the source's first routine time (13 h before the next close, 8 h after the second)",
      tuning: {},
      extra: [closeAt("evening", 999, day5.timeMs + 5 * H), closeAt("night", 777, day5.timeMs + 13 * H)],
      joins: false,
    },
    {
      why: "two days' closes merge once the stories were reported (an event's)",
      tuning: allReported,
      extra: [CLOSES[6]!],
      joins: true,
    },
  ])("merge: $why", ({ tuning, extra, joins }) => {
    expect(joinsDayFive({ ...mergeOnly, ...tuning }, extra)).toBe(joins);
  });
});

describe("StoryClusterer opinion columns", () => {
  const event = "تفجير انتحاري يستهدف مسجد قوات الطوارئ في أبها ويوقع عشرات الشهداء والمصابين من رجال الأمن";
  const report = (id: string, sourceId: string, hour: number, title: string, text: string) => ({
    id,
    sourceId,
    title,
    timeMs: hour * H,
    terms: toStoryTerms(title, text),
    duplicateOf: null,
  });
  const streamWith = (tuning: Partial<ClusterTuning>) => {
    const c = new StoryClusterer({ tuning });
    c.add(report("r1", "okaz", 0, "تفجير مسجد قوات الطوارئ في أبها", `أعلنت وزارة الداخلية ${event}`));
    c.add(
      report(
        "r2",
        "alyaum",
        1,
        "استشهاد رجال أمن في تفجير مسجد الطوارئ بأبها",
        `أكدت وزارة الداخلية ${event}`,
      ),
    );
    const column = c.add(
      report("col", "alwatan", 2, "بعد تفجير مسجد الطوارئ في أبها", `أبدأ بالدعاء للشهداء بعد ${event}`),
    );
    return { c, column };
  };

  it("joins a column on an event to the event's story when columns are read as news (the rule before)", () => {
    const { c, column } = streamWith({ opinionColumnsApart: false });
    expect(column.storyId).toBe(c.storyOf("r1"));
  });
  it("opens a story of its own for a column on an event", () => {
    const { c, column } = streamWith({});
    expect(column.opened).toBe(true);
    expect(c.storyOf("r1")).toBe(c.storyOf("r2"));
  });
  it("still puts a copy of the column in the column's story", () => {
    const { c } = streamWith({});
    const copy = c.add({ ...report("col-copy", "alriyadh", 3, "بعد تفجير أبها", "نص"), duplicateOf: "col" });
    expect(copy.storyId).toBe(c.storyOf("col"));
  });
});

describe("StoryClusterer headline", () => {
  it("shows a wire story's headline without the desk section and the part mark", () => {
    const c = new StoryClusterer();
    const text =
      "عقد مجلس الوزراء جلسته الأسبوعية في الرياض برئاسة ولي العهد وناقش عددا من الموضوعات وأقر تنظيم هيئة النقل";
    const titles = [
      "عام / مجلس الوزراء يعقد جلسته الأسبوعية",
      "عام / مجلس الوزراء يعقد جلسته الأسبوعية إضافة ثانية",
    ];
    const ids = titles.map((title, i) => {
      const terms = toStoryTerms(title, text);
      return c.add({ id: `spa-${i}`, sourceId: "was", title, timeMs: i * H, terms, duplicateOf: null })
        .storyId;
    });
    expect(ids[1]).toBe(ids[0]);
    expect(c.listStories().map((s) => s.headline)).toEqual(["مجلس الوزراء يعقد جلسته الأسبوعية"]);
  });

  it("leads with the release's first part, not a last part whose title is the first part's own", () => {
    // SPA's last part of a cabinet session carried the first part's title, its text opening "إضافة خامسة وأخيرة"
    // (dev corpus, 2015-08-10): the part mark is known from the text (ClusterInput.wirePart) and ranks it last.
    const c = new StoryClusterer();
    const title = "عام / مجلس الوزراء يعقد جلسته الأسبوعية";
    const text =
      "عقد مجلس الوزراء جلسته الأسبوعية في الرياض برئاسة ولي العهد وناقش عددا من الموضوعات وأقر تنظيم هيئة النقل";
    const terms = toStoryTerms(title, text);
    c.add({ id: "last", sourceId: "was", title, timeMs: 0, terms, duplicateOf: null, wirePart: true });
    c.add({ id: "first", sourceId: "was", title, timeMs: H / 60, terms, duplicateOf: null });
    expect(c.listStories().map((s) => s.headlineArticleId)).toEqual(["first"]);
  });

  it("heads no story with a copy printed under another item's title while its original can (product review)", () => {
    // A print page ran the wire's text of a king's call under the bombing's headline (dev corpus, 2015-08-07): as a
    // copy of the call whose title names none of the call's words, its title would sit over the call's lead.
    const c = new StoryClusterer();
    const text =
      "تلقى نائب خادم الحرمين الشريفين اتصالا هاتفيا من ملك المغرب أعرب خلاله عن إدانته للتفجير الإرهابي الذي استهدف مسجد قوات الطوارئ بمنطقة عسير وعزائه لأسر الشهداء";
    const callTitle = "نائب خادم الحرمين الشريفين يتلقى اتصالا هاتفيا من ملك المغرب";
    const pageTitle = "تفجير إرهابي استهدف مسجد قوات الطوارئ في عسير واستشهاد 13 مصليا";
    const page = c.add({
      id: "page",
      sourceId: "alriyadh",
      title: pageTitle,
      timeMs: 0,
      terms: toStoryTerms(pageTitle, text),
      duplicateOf: null,
    });
    const call = c.add({
      id: "call",
      sourceId: "aleqtisadiya",
      title: callTitle,
      timeMs: H,
      terms: toStoryTerms(callTitle, text),
      duplicateOf: null,
    });
    expect(call.storyId).toBe(page.storyId);
    expect(c.listStories().map((s) => s.headlineArticleId)).toEqual(["page"]);
    // The copy group then names the call its original: the page is a copy whose title is not the call's.
    c.markCopies(["page", "call"], "call");
    expect(c.listStories().map((s) => s.headlineArticleId)).toEqual(["call"]);
    // Told the other way round, the call is the copy under another title and the page heads again.
    c.markCopies(["page", "call"], "page");
    expect(c.listStories().map((s) => s.headlineArticleId)).toEqual(["page"]);

    // The same when the page arrives as a copy the clusterer places by score (a rewrite: isCopy with its original).
    const d = new StoryClusterer();
    d.add({
      id: "call",
      sourceId: "aleqtisadiya",
      title: callTitle,
      timeMs: 0,
      terms: toStoryTerms(callTitle, text),
      duplicateOf: null,
    });
    d.add({
      id: "page",
      sourceId: "alriyadh",
      title: pageTitle,
      timeMs: H,
      terms: toStoryTerms(pageTitle, text),
      duplicateOf: null,
      isCopy: true,
      originalId: "call",
    });
    expect(d.listStories().map((s) => [s.articleCount, s.headlineArticleId])).toEqual([[2, "call"]]);
  });

  // Each row: one story's originals in order (an hour apart unless `atHours` says when); the headline and the article
  // named for it. A marked title (a medium named first, a wire's continuation part) heads the story only when no other
  // original can; a title opening with who speaks ("أمير المنطقة :") or reporting a reaction only when no plain one
  // can; among equals, one of the story's first day, then the most central for its length.
  it.each<{
    why: string;
    text: string;
    members: { id: string; title: string; atHours?: number; proseLead?: boolean }[];
    headline: string[];
  }>([
    {
      why: "an original without a media marker, though the marked title shares the most keys",
      text: "روى إمام مسجد قوات الطوارئ في عسير تفاصيل حادث التفجير الإرهابي الذي استهدف المصلين أثناء صلاة الظهر",
      members: [
        { id: "a", title: "بالفيديو - إمام مسجد قوات الطوارئ في عسير يروي تفاصيل حادث التفجير الإرهابي" },
        { id: "b", title: "إمام مسجد الطوارئ يروي تفاصيل التفجير" },
        { id: "c", title: "إمام مسجد قوات الطوارئ في عسير يروي تفاصيل حادث التفجير" },
      ],
      headline: ["إمام مسجد قوات الطوارئ في عسير يروي تفاصيل حادث التفجير", "c"],
    },
    {
      // SPA sends the parts of a long release within seconds, the later parts often first; the parts' titles share
      // the first part's keys and more ("رابعة"), so without the part mark the fourth part would be the most central.
      why: "the release's first part, not a continuation part sent before it",
      text: "عقد مجلس الوزراء جلسته الأسبوعية في الرياض برئاسة ولي العهد وناقش عددا من الموضوعات وأقر تنظيم هيئة النقل",
      members: [
        { id: "part4", title: "عام / مجلس الوزراء يعقد جلسته الأسبوعية إضافة رابعة" },
        { id: "part3", title: "عام / مجلس الوزراء يعقد جلسته الأسبوعية إضافة ثالثة" },
        { id: "first", title: "عام / مجلس الوزراء يعقد جلسته" },
      ],
      headline: ["مجلس الوزراء يعقد جلسته", "first"],
    },
    {
      // A reaction headlined by who speaks shares the most keys (its own words on top of the event's); a plain
      // report of the event heads the story.
      why: "a title naming the event, not one voice's take on it",
      text: "استشهد عدد من رجال الأمن في تفجير انتحاري استهدف مسجد قوات الطوارئ في أبها بمنطقة عسير أثناء صلاة الظهر",
      members: [
        { id: "voice", title: "أمير المنطقة : تفجير مسجد قوات الطوارئ في عسير عمل إرهابي غادر" },
        { id: "event", title: "تفجير مسجد قوات الطوارئ في عسير" },
      ],
      headline: ["تفجير مسجد قوات الطوارئ في عسير", "event"],
    },
    {
      // The one-word place before the colon is the desk's dateline, not a speaker: the most central title heads.
      why: "a title opening with a place dateline as from any plain title",
      text: "وافق مجلس الوزراء العراقي على حزمة الإصلاحات التي قدمها العبادي وألغى مناصب نواب الرئيس ورئيس الوزراء",
      members: [
        { id: "plain", title: "العبادي يلغي المناصب" },
        { id: "dateline", title: "العراق: العبادي يقرر إلغاء مناصب نواب الرئيس ورئيس الوزراء" },
      ],
      headline: ["العراق: العبادي يقرر إلغاء مناصب نواب الرئيس ورئيس الوزراء", "dateline"],
    },
    {
      why: "a speaker's title before a media-marked one",
      text: "روى إمام مسجد قوات الطوارئ في عسير تفاصيل حادث التفجير الإرهابي الذي استهدف المصلين أثناء صلاة الظهر",
      members: [
        { id: "media", title: "بالفيديو - إمام مسجد قوات الطوارئ في عسير يروي تفاصيل حادث التفجير الإرهابي" },
        { id: "speaker", title: "إمام المسجد : تفاصيل حادث التفجير" },
      ],
      headline: ["إمام المسجد : تفاصيل حادث التفجير", "speaker"],
    },
    {
      // The reaction names every word of the event and adds who reacts: it shares the most keys.
      why: "a report of the event, not a reaction naming it",
      text: "استشهد عدد من رجال الأمن في تفجير انتحاري استهدف مسجد قوات الطوارئ في أبها بمنطقة عسير أثناء صلاة الظهر",
      members: [
        { id: "reaction", title: "البحرين تدين التفجير الانتحاري في مسجد قوات الطوارئ بعسير" },
        { id: "event", title: "تفجير انتحاري في مسجد قوات الطوارئ بعسير" },
      ],
      headline: ["تفجير انتحاري في مسجد قوات الطوارئ بعسير", "event"],
    },
    {
      // The next day's sequel names the base and the resistance as the first reports do, and more besides.
      why: "the story's first day, not a later sequel that shares more keys",
      text: "سيطرت المقاومة الشعبية على قاعدة العند الجوية في محافظة لحج بعد معارك مع الحوثيين بدعم من طيران التحالف",
      members: [
        { id: "first", title: "المقاومة تقتحم قاعدة العند", atHours: 0 },
        { id: "sequel", title: "المقاومة الشعبية تقبض على ضابط في قاعدة العند الجوية", atHours: 30 },
        { id: "sequel2", title: "المقاومة الشعبية تؤمن قاعدة العند الجوية", atHours: 31 },
      ],
      headline: ["المقاومة تقتحم قاعدة العند", "first"],
    },
    {
      // The long title holds every key of the short one and adds its own angle: more shared keys, less central.
      why: "a crisp report, not a long title that adds its own angle to the event's words",
      text: "افتتح الرئيس المصري قناة السويس الجديدة في حفل حضره قادة عدد من الدول العربية والأجنبية في الإسماعيلية",
      members: [
        {
          id: "long",
          title: "الرئيس المصري يفتتح قناة السويس الجديدة ويعد بمشاريع تنموية كبرى في محور القناة",
        },
        { id: "crisp", title: "الرئيس المصري يفتتح قناة السويس الجديدة" },
        { id: "other", title: "افتتاح قناة السويس الجديدة" },
      ],
      headline: ["الرئيس المصري يفتتح قناة السويس الجديدة", "crisp"],
    },
    {
      // Stored out of order (a late import): the sequel is listed first; the first day still heads.
      why: "the story's first day though a later sequel is listed before it",
      text: "سيطرت المقاومة الشعبية على قاعدة العند الجوية في محافظة لحج بعد معارك مع الحوثيين بدعم من طيران التحالف",
      members: [
        { id: "sequel", title: "المقاومة الشعبية تقبض على ضابط في قاعدة العند الجوية", atHours: 30 },
        { id: "first", title: "المقاومة تقتحم قاعدة العند", atHours: 0 },
      ],
      headline: ["المقاومة تقتحم قاعدة العند", "first"],
    },
    {
      // The first plain title comes exactly HEADLINE_EARLY_HOURS after the story's first article: still its first day,
      // so it heads before a more central one an hour later.
      why: "a title at the first day's last instant as from the first day",
      text: "سيطرت المقاومة الشعبية على قاعدة العند الجوية في محافظة لحج بعد معارك مع الحوثيين بدعم من طيران التحالف",
      members: [
        { id: "reaction", title: "الكويت تدين الهجوم على قاعدة العند", atHours: 0 },
        { id: "edge", title: "تأمين محيط العند", atHours: 24 },
        { id: "late", title: "المقاومة تقتحم قاعدة العند", atHours: 25 },
      ],
      headline: ["تأمين محيط العند", "edge"],
    },
    {
      why: "the member listed first among equally central titles",
      text: "افتتح الرئيس المصري قناة السويس الجديدة في حفل حضره قادة عدد من الدول العربية والأجنبية في الإسماعيلية",
      members: [
        { id: "one", title: "الرئيس المصري يفتتح قناة السويس الجديدة" },
        { id: "two", title: "الرئيس المصري يفتتح قناة السويس الجديدة" },
      ],
      headline: ["الرئيس المصري يفتتح قناة السويس الجديدة", "one"],
    },
    {
      // A reader's letter headlined by the minister it addresses (dev corpus, 2015-08-11): its keys are the story's
      // most counted, and the outlets' reports of what he said open with him as the speaker.
      why: "a report of what the speaker said, not a bare office another title opens with as its speaker",
      text: "أكد وزير الخدمة المدنية أنه لا يمكن التلاعب بنتائج المفاضلة وأن نظام الترشح مطبق على الجميع دون استثناء",
      members: [
        { id: "said", title: "وزير الخدمة المدنية: ابنة أختي عاطلة عن العمل منذ 5 سنوات" },
        { id: "said2", title: "وزير الخدمة المدنية : ابنة أختي لها خمس سنوات عاطلة" },
        { id: "letter", title: "وزير الخدمة المدنية" },
      ],
      headline: ["وزير الخدمة المدنية: ابنة أختي عاطلة عن العمل منذ 5 سنوات", "said"],
    },
    {
      why: "a full title, not a topic of two keys another title holds whole",
      text: "أوضح رئيس اللجنة المنظمة لمهرجان العسل بالباحة أن اللجنة استبعدت مشاركين خالفوا معايير الجودة",
      members: [
        { id: "topic", title: "مهرجان العسل" },
        { id: "full", title: "مهرجان العسل يستبعد مشاركين خالفوا معايير الجودة" },
      ],
      headline: ["مهرجان العسل يستبعد مشاركين خالفوا معايير الجودة", "full"],
    },
    {
      // Three keys make a sentence as often as a name: the fragment rule stops at two (FRAGMENT_MAX_KEYS).
      why: "a crisp headline of three keys, though a longer title holds them all",
      text: "تغلب فريق الهلال على نظيره العين الإماراتي بهدفين لهدف في لقاء ودي أقيم في النمسا ضمن معسكره الإعدادي",
      members: [
        { id: "longer", title: "الهلال يكسب العين ويخسر الشمراني بكدمة" },
        { id: "friendly", title: "الهلال يكسب ودية العين" },
        { id: "crisp", title: "الهلال يكسب العين" },
      ],
      headline: ["الهلال يكسب العين", "crisp"],
    },
    {
      // One outlet's text of the story was only the photo's name line (dev corpus, 2015-08-11): its lead would have
      // been "عمر الشريف".
      why: "an article with a prose lead, not a more central one whose text has none",
      text: "سيكرم النجم المصري الراحل عمر الشريف في الدورة الجديدة لمهرجان القاهرة السينمائي الدولي في نوفمبر المقبل",
      members: [
        { id: "caption", title: "عمر الشريف يكرم في مهرجان القاهرة السينمائي", proseLead: false },
        { id: "report", title: "تكريم عمر الشريف في مهرجان القاهرة", proseLead: true },
      ],
      headline: ["تكريم عمر الشريف في مهرجان القاهرة", "report"],
    },
    {
      why: "an article with a prose lead though its title opens with who speaks",
      text: "أعلن لاعب الوسط حسام غالي رحيله عن النادي الأهلي المصري بعد خلافات مع الإدارة حول تجديد عقده",
      members: [
        { id: "caption", title: "حسام غالي يطلب الرحيل عن الأهلي المصري", proseLead: false },
        { id: "speaker", title: "غالي: قرار رحيلي عن الأهلي نهائي" },
      ],
      headline: ["غالي: قرار رحيلي عن الأهلي نهائي", "speaker"],
    },
    {
      why: "the titles' own ranks when no member has a prose lead",
      text: "",
      members: [
        { id: "speaker", title: "لاعب الهلال : تصريح بعد مباراة الاتحاد", proseLead: false },
        { id: "plain", title: "تصريح اللاعب بعد مباراة الاتحاد", proseLead: false },
      ],
      headline: ["تصريح اللاعب بعد مباراة الاتحاد", "plain"],
    },
  ])("takes the headline from $why, and names that article", ({ text, members, headline }) => {
    const c = new StoryClusterer();
    for (const [i, { atHours, ...m }] of members.entries()) {
      const terms = toStoryTerms(m.title, text);
      c.add({ ...m, sourceId: `s${i}`, timeMs: (atHours ?? i) * H, terms, duplicateOf: null });
    }
    expect(c.listStories().map((s) => [s.headline, s.headlineArticleId])).toEqual([headline]);
  });
});

describe("StoryClusterer headline ordinals at the merge pass", () => {
  /** Invented relief flights to Aden: one release template, the instance named in the headline. */
  const RELEASE =
    "وصلت إلى مطار عدن الدولي اليوم طائرة إغاثة سعودية محملة بالمستلزمات الطبية والمواد الغذائية المقدمة من مركز الملك سلمان للإغاثة والأعمال الإنسانية لمساعدة الشعب اليمني الشقيق";
  const FIRST = "أول طائرة إغاثة سعودية تصل عدن";
  const SECOND = "الطائرة الثانية للإغاثة السعودية تصل عدن";
  const flight = (id: string, sourceId: string, hour: number, title: string, text = RELEASE) => ({
    id,
    sourceId,
    title,
    timeMs: hour * H,
    terms: toStoryTerms(title, text),
    ordinals: toHeadlineOrdinals(title),
    duplicateOf: null,
  });

  it("keeps the second flight's story apart from the first's though their centroids pass the merge's cosine", () => {
    // A merge pass after every article: the join keeps them apart (ORDINAL_CONFLICT_FACTOR), and the pass must too.
    const c = new StoryClusterer({ tuning: { mergeEveryArticles: 1 } });
    c.add(flight("f1", "spa", 0, FIRST));
    const second = c.add(flight("f2", "was", 2, SECOND));
    expect(second.opened).toBe(true);
    expect(cosine(c.vectorOf("f1")!, c.vectorOf("f2")!)).toBeGreaterThan(MERGE_MIN_COSINE);
    expect(c.storyOf("f2")).not.toBe(c.storyOf("f1"));
  });
  it("keeps the ordinals of a story it merged in: the first flight then stays apart from the second's", () => {
    // A column headed by the second flight opens a story of its own (OPINION_COLUMNS_APART), which the pass merges into
    // the older report naming no flight; the first flight's report then conflicts with the merged story.
    const c = new StoryClusterer({ tuning: { mergeEveryArticles: 1 } });
    c.add(flight("r", "spa", 0, "طائرات الإغاثة السعودية تصل عدن"));
    const column = c.add(flight("col", "alwatan", 1, SECOND, `${RELEASE}\nwriter@example.com`));
    expect(column.opened).toBe(true);
    expect(c.storyOf("col")).toBe("r");
    expect(c.add(flight("f1", "was", 2, FIRST)).storyId).toBe("f1");
    // Without the column the first flight's report joins the story.
    const plain = new StoryClusterer({ tuning: { mergeEveryArticles: 1 } });
    plain.add(flight("r", "spa", 0, "طائرات الإغاثة السعودية تصل عدن"));
    expect(plain.add(flight("f1", "was", 2, FIRST)).storyId).toBe("r");
  });
});

describe("StoryClusterer headline keys", () => {
  /**
   * Two weeks of invented routine headlines sharing everyday words, then an event: the follow-up's headline
   * shares with the event's only the bursting "انفجار" and "أبها" beside the everyday words "أمير" and "منطقة".
   */
  function placeFollowUp(tuning: Partial<ClusterTuning>): { joined: boolean; score: number } {
    const c = new StoryClusterer({ tuning });
    const add = (id: string, title: string, text: string, timeMs: number) =>
      c.add({ id, sourceId: "was", title, timeMs, terms: toStoryTerms(title, text), duplicateOf: null });
    const routine = ["يستقبل", "يدشن", "يفتتح", "يكرم", "يزور", "يرعى"];
    for (let d = 0; d < 14; d++) {
      for (let i = 0; i < routine.length; i++) {
        add(
          `r-${d}-${i}`,
          `أمير منطقة الرياض ${routine[i]} وفد الجمعية ${d}`,
          `${routine[i]} أمير منطقة الرياض في مكتبه بالإمارة اليوم وفدا من الجمعية الخيرية رقم ${d * 10 + i}`,
          d * 24 * H + i * H,
        );
      }
    }
    const t = 14 * 24 * H;
    const event = add(
      "event",
      "انفجار في مسجد بمدينة أبها",
      "وقع انفجار داخل مسجد في مدينة أبها أثناء صلاة الظهر وأسفر عن سقوط ضحايا ونقل المصابين إلى المستشفى",
      t,
    );
    const follow = add(
      "follow",
      "أمير منطقة عسير يعزي أسر ضحايا انفجار أبها",
      "قدم أمير منطقة عسير التعازي لأسر الضحايا ووجه بتقديم الرعاية للمصابين في المستشفى",
      t + 3 * H,
    );
    return { joined: follow.storyId === event.storyId, score: follow.score };
  }
  it("joins a follow-up whose headline shares the event's bursting names", () => {
    expect(placeFollowUp({}).joined).toBe(true);
  });
  it("scores it lower when headline keys count alike (everyday words dilute the names)", () => {
    expect(placeFollowUp({ keyIdfPower: 0, keyBurstPower: 0 }).score).toBeLessThan(
      placeFollowUp({}).score - 0.02,
    );
  });
});

describe("StoryClusterer stories still being reported", () => {
  const REACTORS = [
    "جامعة الملك خالد",
    "مجلس الشورى",
    "هيئة كبار العلماء",
    "رابطة العالم الإسلامي",
    "الغرفة التجارية",
  ];
  /**
   * Two weeks of invented routine headlines, then an event that `sources` outlets report `perDay` times a day for
   * four days (reactions sharing its bursting names), then one more reaction on day 4: does it join the event?
   */
  function placeDayFourReaction(
    tuning: Partial<ClusterTuning>,
    sources: number,
    perDay: number,
  ): { joined: boolean; score: number } {
    const c = new StoryClusterer({ tuning });
    const subjects = (title: string) => toHeadlineSubjects(title);
    const place = (id: string, sourceId: string, title: string, text: string, timeMs: number) =>
      c.add({
        id,
        sourceId,
        title,
        timeMs,
        terms: toStoryTerms(title, text),
        subjects: subjects(title),
        duplicateOf: null,
      });
    const add = (id: string, sourceId: string, title: string, text: string, timeMs: number) =>
      place(id, sourceId, title, text, timeMs).storyId;
    const routine = ["يستقبل", "يدشن", "يفتتح", "يكرم", "يزور", "يرعى"];
    for (let d = 0; d < 14; d++) {
      for (let i = 0; i < routine.length; i++) {
        const title = `أمير منطقة الرياض ${routine[i]} وفد الجمعية ${d}`;
        const text = `${routine[i]} أمير منطقة الرياض في مكتبه بالإمارة اليوم وفدا من الجمعية الخيرية رقم ${d * 10 + i}`;
        add(`r-${d}-${i}`, "was", title, text, d * 24 * H + i * H);
      }
    }
    const reaction = (who: string, n: number) => ({
      title: `${who} تدين تفجير مسجد قوات الطوارئ في أبها`,
      text: `أدان ${who} التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في أبها بمنطقة عسير أثناء صلاة الظهر وأسفر عن سقوط شهداء ومصابين في بيان رقم ${n}`,
    });
    const t0 = 14 * 24 * H;
    const first = reaction("وزارة الداخلية", 0);
    const event = add("event", "s0", first.title, first.text, t0);
    for (let d = 0; d < 4; d++) {
      for (let i = 0; i < perDay; i++) {
        const r = reaction(REACTORS[i % REACTORS.length]!, d * 100 + i);
        add(
          `e-${d}-${i}`,
          `s${i % sources}`,
          r.title,
          r.text,
          t0 + d * 24 * H + 8 * H + (i * 12 * H) / perDay,
        );
      }
    }
    const late = reaction("جمعية الهلال الأحمر", 999);
    const placed = place("late", "s9", late.title, late.text, t0 + 4 * 24 * H + 12 * H);
    return { joined: placed.storyId === event, score: placed.score };
  }

  it("joins a day-4 reaction to an event that many sources still report under bursting names", () => {
    expect(placeDayFourReaction({}, 6, 20).joined).toBe(true);
  });
  // The event's headlines are its own (no other story names its mosque): STORY_OWNED_NAME_* would join the reaction
  // whatever the reported rule says, so the rows about that rule leave it out.
  const noOwnedNames = { ownedNameMinShare: Number.POSITIVE_INFINITY };
  it("opens a story for it when stories age from their first article (the rule before)", () => {
    expect(
      placeDayFourReaction({ reportedMinArticles: Number.POSITIVE_INFINITY, ...noOwnedNames }, 6, 20).joined,
    ).toBe(false);
  });
  it("lets the story age when one outlet alone keeps reporting it", () => {
    expect(placeDayFourReaction(noOwnedNames, 1, 20).joined).toBe(false);
  });
  it("lets the story age when only eight articles a day report it", () => {
    expect(placeDayFourReaction(noOwnedNames, 6, 8).joined).toBe(false);
  });
  it("still joins those by the event's own names, which no other story's headlines carry (STORY_OWNED_NAME_*)", () => {
    expect(placeDayFourReaction({ reportedMinArticles: Number.POSITIVE_INFINITY }, 6, 20).joined).toBe(true);
    expect(placeDayFourReaction({}, 1, 20).joined).toBe(true);
    expect(placeDayFourReaction({}, 6, 8).joined).toBe(true);
  });
  it("counts the join score 1.2 times when the reaction's headline holds the story's bursting keys and place", () => {
    // Its lead names the event too: the lead lift (STORY_REPORTED_LEAD_LIFT, tested below) is left out here.
    const lifted = placeDayFourReaction({ reportedLeadLift: 1 }, 6, 20).score;
    const unlifted = placeDayFourReaction({ reportedJoinLift: 1, reportedLeadLift: 1 }, 6, 20).score;
    expect(lifted / unlifted).toBeCloseTo(1.2, 9);
  });
  it("lets a template reported by many sources age: its everyday headline keys do not burst", () => {
    const c = new StoryClusterer();
    const ids = new Set<string | undefined>();
    for (let d = 0; d < DAYS; d++) {
      for (let i = 0; i < 20; i++) {
        const a = CLOSES[d]!;
        c.add({
          id: `${a.id}-${i}`,
          sourceId: `s${i % 6}`,
          title: a.title,
          timeMs: a.timeMs + i * 0.2 * H,
          terms: toStoryTerms(a.title, `${a.text} ${i}`),
          duplicateOf: null,
        });
      }
    }
    for (let d = 0; d < DAYS; d++) ids.add(c.storyOf(`close-${d}-0`));
    expect(ids.size).toBeGreaterThanOrEqual(3);
  });
});

/**
 * Streams into `c` four weeks of invented routine headlines (their texts ending in `routineTail`), then an event that
 * six outlets report thirty times in its first half day: reactions naming it in headline and lead (`reaction`'s text).
 * Returns the placing function, one more reaction (`react`), the event's story and its time.
 */
function streamReportedEvent(
  c: StoryClusterer,
  {
    routineTail,
    reaction,
    before,
  }: {
    routineTail: string;
    reaction: (who: string, i: number) => string;
    /** Placed just before reaction `at` (at t0 + 1 h + at * 0.3 h), `place` and t0 given. */
    before?: {
      at: number;
      run: (
        place: (id: string, sourceId: string, title: string, text: string, timeMs: number) => unknown,
        t0: number,
      ) => void;
    };
  },
) {
  const place = (id: string, sourceId: string, title: string, text: string, timeMs: number) =>
    c.add({
      id,
      sourceId,
      title,
      timeMs,
      terms: toStoryTerms(title, text),
      subjects: toHeadlineSubjects(title),
      duplicateOf: null,
    });
  const routine = ["يستقبل", "يدشن", "يفتتح", "يكرم", "يزور", "يرعى"];
  for (let d = 0; d < 28; d++) {
    for (let i = 0; i < routine.length; i++) {
      const title = `أمير منطقة الرياض ${routine[i]} وفد الجمعية ${d}`;
      const text = `${routine[i]} أمير منطقة الرياض في مكتبه بالإمارة اليوم وفدا من الجمعية الخيرية رقم ${d * 10 + i}${routineTail}`;
      place(`r-${d}-${i}`, "was", title, text, d * 24 * H + i * H);
    }
  }
  const t0 = 28 * 24 * H;
  const reactors = ["جامعة الملك خالد", "مجلس الشورى", "هيئة كبار العلماء", "رابطة العالم الإسلامي"];
  const event = place(
    "event",
    "s0",
    "مقتل 13 في تفجير مسجد قوات الطوارئ في عسير",
    "استشهد 13 من رجال الأمن في تفجير انتحاري استهدف مسجد قوات الطوارئ الخاصة في أبها بمنطقة عسير أثناء صلاة الظهر",
    t0,
  ).storyId;
  const react = (i: number, timeMs: number) => {
    const who = reactors[i % reactors.length]!;
    place(`e-${i}`, `s${i % 6}`, `${who} يدين تفجير مسجد الطوارئ في عسير`, reaction(who, i), timeMs);
  };
  for (let i = 0; i < 30; i++) {
    if (before?.at === i) before.run(place, t0);
    react(i, t0 + H + i * 0.3 * H);
  }
  return { place, react, event, t0 };
}

describe("StoryClusterer reactions whose lead names an event still reported", () => {
  /**
   * Four weeks of invented routine headlines, then an event that six outlets report thirty times in its first half day
   * (reactions naming it in headline and lead), then a reaction whose headline names only who reacts and whose lead
   * is `lead`: which story does it join?
   */
  function placeReaction(
    tuning: Partial<ClusterTuning>,
    lead: string,
    title = "ولي العهد يتلقى التعازي",
    hoursAfter = 12,
  ): { joined: boolean; score: number } {
    const { place, event, t0 } = streamReportedEvent(new StoryClusterer({ tuning }), {
      routineTail: " بحضور قادة دول شقيقة",
      reaction: (who, i) =>
        `أدان ${who} التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في أبها بمنطقة عسير في بيان رقم ${i}`,
    });
    const placed = place("reaction", "s7", title, lead, t0 + hoursAfter * H);
    return { joined: placed.storyId === event, score: placed.score };
  }
  const NAMES_EVENT =
    "قدم قادة دول شقيقة لولي العهد التعازي في شهداء التفجير الإرهابي الانتحاري الذي استهدف مسجد قوات الطوارئ في أبها بمنطقة عسير أثناء صلاة الظهر وأدانوه في بيان";
  const NAMES_TWO_KEYS =
    "قدم قادة دول شقيقة لولي العهد التعازي في شهداء التفجير الإرهابي الانتحاري الذي استهدف مسجد المعسكر أثناء صلاة الظهر وأدانوه في بيان";
  const OTHER_NEWS =
    "قدم قادة دول شقيقة لولي العهد التعازي في وفاة رئيس سابق وبحثوا معه العلاقات الثنائية وسبل تعزيز التعاون في مجالات الطاقة والتجارة";

  it("joins a reaction whose lead names the event's top headline keys, though its headline names none", () => {
    expect(placeReaction({}, NAMES_EVENT).joined).toBe(true);
  });
  it("opens a story for it without the lead lift (the rule before)", () => {
    expect(placeReaction({ reportedLeadLift: 1 }, NAMES_EVENT).joined).toBe(false);
  });
  it("counts the join score STORY_REPORTED_LEAD_LIFT times", () => {
    const lifted = placeReaction({}, NAMES_EVENT).score;
    expect(lifted / placeReaction({ reportedLeadLift: 1 }, NAMES_EVENT).score).toBeCloseTo(2.5, 9);
  });
  it("scores the event's story though none of the article's heaviest terms proposes it", () => {
    // Sixteen words no other article has outweigh the lead's shared ones: no posting of its query terms lists the
    // event's story.
    const rare =
      "زار الوفد الكوري الجنوبي مصانع الزجاج والبلاستيك ومعامل التكرير ومختبرات الأنسجة ومزارع النخيل وحدائق الورود ومتاحف الخط وأسواق البخور";
    expect(placeReaction({}, `${rare} ثم ${NAMES_EVENT}`).score).toBeGreaterThan(0.1);
  });
  it("keeps the same headline apart when its lead is other news", () => {
    expect(placeReaction({}, OTHER_NEWS).joined).toBe(false);
  });
  // The rule before 2026-11-30: a subject conflict halved the raw score and dropped the lead lift, every body or
  // person conflicted, and a story was still reported for 24 h after its newest reported article.
  const BEFORE: Partial<ClusterTuning> = {
    // A lifted score times this is the raw score halved.
    reportedLeadConflictFactor: SUBJECT_CONFLICT_FACTOR / STORY_REPORTED_LEAD_LIFT,
    reportedPlaceConflictsOnly: false,
    reportedGraceHours: 24,
  };
  // Condolences: a condemnation's headline names only what it condemns (headline-subjects.ts), a condolence's keeps
  // who offers it.
  const SECURITY_COUNCIL = "مجلس الأمن الدولي يعزي في الشهداء";
  const EMIR_OF_KUWAIT = "أمير الكويت يعزي في الشهداء";

  it("joins a foreign leader's reaction whose lead names the event, though its headline names another country", () => {
    expect(placeReaction({}, NAMES_EVENT, EMIR_OF_KUWAIT).joined).toBe(true);
    expect(placeReaction(BEFORE, NAMES_EVENT, EMIR_OF_KUWAIT).joined).toBe(false);
  });
  it("joins a condemnation whose headline names only who condemns, even under the rule before", () => {
    expect(placeReaction(BEFORE, NAMES_EVENT, "أمير الكويت يدين الجريمة").joined).toBe(true);
  });
  it("does not halve a score against the event for a body the headline names: it is who reacts", () => {
    const kept = placeReaction({ reportedLeadLift: 1 }, NAMES_EVENT, SECURITY_COUNCIL).score;
    const halved = placeReaction({ ...BEFORE, reportedLeadLift: 1 }, NAMES_EVENT, SECURITY_COUNCIL).score;
    expect(kept / halved).toBeCloseTo(2, 9);
  });
  it("still halves it for another place the headline names (another town's bombing stays apart)", () => {
    const now = placeReaction({ reportedLeadLift: 1 }, NAMES_EVENT, EMIR_OF_KUWAIT).score;
    expect(
      now / placeReaction({ ...BEFORE, reportedLeadLift: 1 }, NAMES_EVENT, EMIR_OF_KUWAIT).score,
    ).toBeCloseTo(1, 9);
  });
  it("lets a body the headline shares with the event settle it, though the headline also names another place", () => {
    // "قوات الطوارئ" is named by the event's headline; "جدة" is a place none of its headlines names. The full subject
    // comparison finds no conflict (a shared subject settles it), so the places alone are never asked. One headline of
    // the story's 31 named the body: any named subject meets here (STORY_MAIN_SUBJECT_SHARE 0; see the next case).
    const title = "مجلس الشورى يدين تفجير مسجد قوات الطوارئ ويعقد جلسة في جدة";
    const placesOnly = placeReaction({ storyMainSubjectShare: 0 }, NAMES_TWO_KEYS, title);
    const allSubjects = placeReaction(
      { storyMainSubjectShare: 0, reportedPlaceConflictsOnly: false },
      NAMES_TWO_KEYS,
      title,
    );
    expect(placesOnly.joined).toBe(true);
    expect(placesOnly.score / allSubjects.score).toBeCloseTo(1, 9);
  });
  it("lets no body settle it that too few of the story's headlines named (STORY_MAIN_SUBJECT_SHARE)", () => {
    // One headline of 31 (3%) named "قوات الطوارئ": under 5%, so the full comparison finds a conflict, which halves
    // the score where it had kept the title lift (all subjects compared, not the places alone).
    const title = "مجلس الشورى يدين تفجير مسجد قوات الطوارئ ويعقد جلسة في جدة";
    const allSubjects = { reportedPlaceConflictsOnly: false };
    const main = placeReaction(allSubjects, NAMES_TWO_KEYS, title).score;
    const any = placeReaction({ ...allSubjects, storyMainSubjectShare: 0 }, NAMES_TWO_KEYS, title).score;
    expect(main / any).toBeCloseTo(SUBJECT_CONFLICT_FACTOR / STORY_REPORTED_JOIN_LIFT, 9);
  });
  it("still lifts the lead across a night's gap: the next day's batch 25 h after the last reaction", () => {
    // The thirty reactions end 9.7 h after the event; 24 h after that the story had stopped counting as reported.
    const unlifted = placeReaction({ reportedLeadLift: 1 }, NAMES_EVENT, undefined, 35).score;
    expect(placeReaction({}, NAMES_EVENT, undefined, 35).score / unlifted).toBeCloseTo(2.5, 9);
    expect(placeReaction(BEFORE, NAMES_EVENT, undefined, 35).score / unlifted).toBeCloseTo(1, 9);
  });
  it("scores the event's story outside its postings only for an article that names it", () => {
    // Seventeen words no other article has, each twice, outweigh the one headline word the event's headlines hold
    // ("جامعة الملك خالد يدين..."): no posting of the article's query terms lists the event's story.
    const rare =
      "الوفد الكوري الجنوبي مصانع الزجاج والبلاستيك معامل التكرير مختبرات الأنسجة مزارع النخيل حدائق الورود متاحف الخط أسواق البخور";
    expect(placeReaction({ reportedCandidatesNamedOnly: false }, `${rare} ${rare}`, "الجامعة").joined).toBe(
      true,
    );
    expect(placeReaction({}, `${rare} ${rare}`, "الجامعة").joined).toBe(false);
  });
  it("needs three of the event's top keys in the lead: two (bombing, mosque) are not enough", () => {
    const unlifted = placeReaction({ reportedLeadLift: 1 }, NAMES_TWO_KEYS).score;
    expect(placeReaction({}, NAMES_TWO_KEYS).score / unlifted).toBeCloseTo(1, 9);
    expect(placeReaction({ reportedLeadMinKeys: 2 }, NAMES_TWO_KEYS).score / unlifted).toBeCloseTo(2.5, 9);
  });
});

describe("StoryClusterer merge of a younger story whose openings name an event still reported", () => {
  /**
   * Four weeks of invented routine headlines, an event that six outlets report thirty times in its first half day,
   * then `reports` reports of a meeting held over it from different outlets: their headlines and leads name the
   * meeting only, and their second paragraph (`second`) names what it answers; `opening` comes before their text and
   * `closing` after it. Is the meeting in the event's story after the merge passes?
   */
  const REACTION = (who: string, i: number) =>
    `أدان ${who} التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في أبها بمنطقة عسير ورفع التعازي لولي العهد وزير الداخلية وأشاد بجهود قادة القطاعات الأمنية ورجال الأمن في بيان رقم ${i}`;
  /**
   * Forty-odd content words on who met whom before the second paragraph (past the per-article lead's 40), in the words
   * the event's reactions use too.
   */
  const preamble = Array.from(
    { length: 5 },
    (_, k) => `ترأس ولي العهد وزير الداخلية اجتماعا مع قادة القطاعات الأمنية ورجال الأمن ${k + 1}`,
  ).join(" و");
  function mergesMeeting(
    tuning: Partial<ClusterTuning>,
    second: string,
    reports = 4,
    opening = "",
    closing = "",
  ): boolean {
    const c = new StoryClusterer({ tuning: { mergeEveryArticles: 10, ...tuning } });
    const { place, react, event, t0 } = streamReportedEvent(c, {
      routineTail: "",
      reaction: REACTION,
    });
    const titles = [
      "ولي العهد يرأس اجتماعا مع قادة القطاعات الأمنية",
      "ولي العهد لقادة القطاعات الأمنية: سنتصدى بحزم للعابثين",
      "ولي العهد يوجه قادة القطاعات الأمنية برفع الجاهزية",
      "اجتماع أمني برئاسة ولي العهد",
      "قادة القطاعات الأمنية يجتمعون برئاسة ولي العهد",
    ];
    for (let i = 0; i < reports; i++) {
      place(
        `m-${i}`,
        `m${i}`,
        titles[i]!,
        `${opening}${preamble} ${second} وقال ${i + 1}${closing}`,
        t0 + 11 * H + i * 0.1 * H,
      );
    }
    // The event is still reported after the meeting, so the merge passes that follow visit its story.
    for (let i = 30; i < 50; i++) react(i, t0 + 12 * H + (i - 30) * 0.1 * H);
    return c.storyOf("m-0") === event;
  }
  const NAMES_EVENT =
    "ونقل ولي العهد تعازي القيادة لأسر شهداء التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في أبها بمنطقة عسير";
  const OTHER_NEWS =
    "ونقل ولي العهد تحيات القيادة لرجال الأمن في المنافذ البرية والبحرية والجوية وثمن جهودهم";
  /** The event named by three of its four top keys, the mosque in the indefinite accusative ("استهدف مسجداً"). */
  const NAMES_EVENT_ACCUSATIVE =
    "ونقل ولي العهد تعازي القيادة لأسر شهداء العمل الإرهابي الذي استهدف مسجداً لقوات الطوارئ في أبها بمنطقة عسير";
  /** Forty-odd words of a column's argument, none of them the event's or the meeting's. */
  const COLUMN_OPENING = Array.from(
    { length: 4 },
    (_, k) => `ظل ولايزال المواطن رمزا في ولائه وانتمائه لوطنه الأبي وتلاحمه مع قيادته الرشيدة ${k + 1}`,
  ).join(" و");

  it("merges the meeting into the event when its reports name the event in their second paragraph", () => {
    expect(mergesMeeting({}, NAMES_EVENT)).toBe(true);
  });
  it("keeps it apart without the lift (the rule before)", () => {
    expect(mergesMeeting({ mergeReportedRefLift: 1 }, NAMES_EVENT)).toBe(false);
  });
  it("merges it when its reports name the mosque in the accusative (مسجداً) among three top keys", () => {
    expect(mergesMeeting({}, NAMES_EVENT_ACCUSATIVE)).toBe(true);
  });
  it("keeps it apart when its second paragraph is other news", () => {
    expect(mergesMeeting({}, OTHER_NEWS)).toBe(false);
  });
  it("keeps a single report apart: one original is no story-level evidence", () => {
    expect(mergesMeeting({}, NAMES_EVENT, 1)).toBe(false);
    expect(mergesMeeting({ mergeReportedRefMinOriginals: 1 }, NAMES_EVENT, 1)).toBe(true);
  });
  it("merges a single report that opens with who said it (MERGE_REPORTED_REF_LONE_REPORT)", () => {
    // "أكد مصدر أن ..." opens as a report (opinion-column.ts isReportOpening); a column on the event opens otherwise.
    const said = "أكد مصدر أمني أن ";
    expect(mergesMeeting({}, NAMES_EVENT, 1, said)).toBe(true);
    expect(mergesMeeting({ mergeReportedRefLoneReport: false }, NAMES_EVENT, 1, said)).toBe(false);
    expect(mergesMeeting({}, OTHER_NEWS, 1, said)).toBe(false);
  });
  /**
   * One report of the meeting, opening "أكد مصدر أمني أن ..." and naming the event in its second paragraph (`second`),
   * placed `minutesBefore` before reaction 14 (t0 + 5.2 h; the event's story becomes still reported at reaction 19, t0 +
   * 6.7 h): is it in the event's story after the merge passes?
   */
  function mergesEarlyReport(tuning: Partial<ClusterTuning>, second: string, minutesBefore = 40): boolean {
    const c = new StoryClusterer({ tuning: { mergeEveryArticles: 10, ...tuning } });
    const { react, event, t0 } = streamReportedEvent(c, {
      routineTail: "",
      reaction: REACTION,
      before: {
        at: 12,
        run: (place, t0) =>
          place(
            "m-0",
            "m0",
            "ولي العهد يرأس اجتماعا مع قادة القطاعات الأمنية",
            `أكد مصدر أمني أن ${preamble} ${second} وقال 1`,
            t0 + 5.2 * H - (minutesBefore / 60) * H,
          ),
      },
    });
    for (let i = 30; i < 50; i++) react(i, t0 + 12 * H + (i - 30) * 0.1 * H);
    return c.storyOf("m-0") === event;
  }
  it("merges a report that came before the event was still reported, naming it, once it is (MERGE_REPORTED_REF_EARLY_HOURS)", () => {
    expect(mergesEarlyReport({}, NAMES_EVENT)).toBe(true);
    // The rule before: its opening was read only when it joined, and the event was not yet reported then.
    expect(mergesEarlyReport({ mergeReportedRefEarlyHours: 0 }, NAMES_EVENT)).toBe(false);
  });
  it("keeps apart an early report that does not name the event", () => {
    expect(mergesEarlyReport({}, OTHER_NEWS)).toBe(false);
  });
  it("keeps apart a report that opened longer before the event became reported than the early hours", () => {
    expect(mergesEarlyReport({ mergeReportedRefEarlyHours: 0.5 }, NAMES_EVENT)).toBe(false);
  });
  /**
   * The event's stream with `early` placing articles just before reaction `at` (t0 + 1 h + at * 0.3 h; reaction 19, at
   * t0 + 6.7 h, makes the event's story still reported), and twenty reactions half a day later so that the merge
   * passes after visit it. `place` gives an article the terms `toTerms` makes of its title and text.
   */
  function streamEarly(
    tuning: Partial<ClusterTuning>,
    at: number,
    early: (
      place: (id: string, title: string, text: string, timeMs: number, toTerms?: typeof toStoryTerms) => void,
      t0: number,
    ) => void,
  ): { c: StoryClusterer; event: string | null } {
    const c = new StoryClusterer({ tuning: { mergeEveryArticles: 10, ...tuning } });
    const { react, event, t0 } = streamReportedEvent(c, {
      routineTail: "",
      reaction: REACTION,
      before: {
        at,
        run: (_, t0) =>
          early((id, title, text, timeMs, toTerms = toStoryTerms) => {
            c.add({ id, sourceId: id, title, timeMs, terms: toTerms(title, text), duplicateOf: null });
          }, t0),
      },
    });
    for (let i = 30; i < 50; i++) react(i, t0 + 12 * H + (i - 30) * 0.1 * H);
    return { c, event };
  }
  const MEETING = "ولي العهد يرأس اجتماعا مع قادة القطاعات الأمنية";
  it("counts the openings of a story an early report took in at a merge pass (a column naming the event)", () => {
    // The report names other news; a column on the meeting that names the event opens a story of its own
    // (OPINION_COLUMNS_APART), and the next pass merges it into the report's story, before the event is
    // still reported. One of the two openings names the event: half the originals, enough once it is reported.
    const merged = (column: boolean) => {
      const { c, event } = streamEarly({ mergeEveryArticles: 2 }, 12, (place, t0) => {
        place("m-0", MEETING, `أكد مصدر أمني أن ${preamble} ${OTHER_NEWS} وقال 1`, t0 + 4.5 * H);
        if (column) place("col", MEETING, `${preamble} ${NAMES_EVENT}\nwriter@example.com`, t0 + 4.55 * H);
      });
      if (column) expect(c.storyOf("col")).toBe(c.storyOf("m-0"));
      return c.storyOf("m-0") === event;
    };
    expect(merged(true)).toBe(true);
    expect(merged(false)).toBe(false);
  });
  it("counts no early reference for a story whose first original's opening was not read: no count of it is whole", () => {
    const unread: typeof toStoryTerms = (title, text) => ({
      ...toStoryTerms(title, text),
      openingKeys: undefined,
    });
    const merged = (firstRead: boolean) => {
      const { c, event } = streamEarly({}, 12, (place, t0) => {
        for (let i = 0; i < 3; i++)
          place(
            `m-${i}`,
            MEETING,
            `أكد مصدر أمني أن ${preamble} ${NAMES_EVENT} وقال ${i + 1}`,
            t0 + 4.5 * H + i * 0.1 * H,
            i === 0 && !firstRead ? unread : toStoryTerms,
          );
      });
      expect(c.storyOf("m-2")).toBe(c.storyOf("m-0"));
      return c.storyOf("m-0") === event;
    };
    expect(merged(true)).toBe(true);
    // Two of three openings name the event, but the story kept none once one went unread.
    expect(merged(false)).toBe(false);
  });
  it("re-reads the early openings once, when the event becomes still reported, not at each original that keeps it so", () => {
    const recount = vi.spyOn(
      StoryClusterer.prototype as unknown as { recountEarlyRefs: () => void },
      "recountEarlyRefs",
    );
    try {
      const { event } = streamEarly({}, 12, () => {});
      expect(recount.mock.calls.map((call) => (call as unknown[])[0])).toEqual([
        expect.objectContaining({ id: event }),
      ]);
    } finally {
      recount.mockRestore();
    }
  });
  it("keeps its originals' openings only while a story is younger than the early hours: memory stays with young stories", () => {
    // Read from the clusterer's state (no surface shows it): the stories holding their openings for a re-read.
    const holding = (c: StoryClusterer) =>
      [...(c as unknown as { stories: Map<string, { youngOpenings: unknown }> }).stories]
        .filter(([, s]) => s.youngOpenings !== null)
        .map(([id]) => id);
    const hospital = (id: string, hour: number, title: string) => ({
      id,
      sourceId: id,
      title,
      timeMs: hour * H,
      terms: toStoryTerms(
        title,
        "أعلنت وزارة الصحة افتتاح مستشفى جديد في أبها بسعة مئتي سرير لخدمة سكان منطقة عسير",
      ),
      duplicateOf: null,
    });
    // An original joining a story older than the early hours drops its kept openings (no merge pass in between).
    const joined = new StoryClusterer();
    joined.add(hospital("h1", 0, "افتتاح مستشفى جديد في أبها"));
    expect(holding(joined)).toEqual(["h1"]);
    expect(joined.add(hospital("h2", 4, "مستشفى أبها الجديد يستقبل المرضى")).storyId).toBe("h1");
    expect(holding(joined)).toEqual([]);
    // A merge pass drops them for every story older than the early hours, whether or not an original joined it.
    const passed = new StoryClusterer({ tuning: { mergeEveryArticles: 2 } });
    passed.add(hospital("h1", 0, "افتتاح مستشفى جديد في أبها"));
    passed.add({
      id: "f1",
      sourceId: "f1",
      title: "الهلال يفوز على النصر بهدفين",
      timeMs: 4 * H,
      terms: toStoryTerms(
        "الهلال يفوز على النصر بهدفين",
        "فاز فريق الهلال على النصر بهدفين في مباراة الديربي",
      ),
      duplicateOf: null,
    });
    expect(holding(passed)).toEqual(["f1"]);
  });
  it("keeps apart a single report that opens with who said it but reads as a column (a contact line closes it)", () => {
    const said = "أكد مصدر أمني أن ";
    expect(mergesMeeting({}, NAMES_EVENT, 1, said, "\nwriter@example.com")).toBe(false);
  });
  it("keeps apart a single report a story still reported finds by postings when it does not name that story", () => {
    // A column names the event in its opening (a story of its own: one original, no report opening), so the event's
    // merge pass reads its candidates as a story still reported. The security source's report is one of them by the
    // terms it shares with the reactions, opens with its verb, and names none of the event's headline keys: it is no
    // lone report on the event, and the lift is not for it.
    const praise =
      "أكد مصدر أمني أن ولي العهد وزير الداخلية تلقى التعازي وأشاد بجهود قادة القطاعات الأمنية ورجال الأمن ورفع التعازي لولي العهد في بيان";
    const praiseJoins = (tuning: Partial<ClusterTuning>) => {
      const c = new StoryClusterer({ tuning: { mergeEveryArticles: 10, ...tuning } });
      const { place, react, event, t0 } = streamReportedEvent(c, { routineTail: "", reaction: REACTION });
      place("col", "c0", "كلنا رجال الطوارئ", `${COLUMN_OPENING} ${NAMES_EVENT}`, t0 + 11 * H);
      place("praise", "p0", "مصدر أمني يشيد بجهود رجال الأمن", praise, t0 + 11.2 * H);
      for (let i = 30; i < 50; i++) react(i, t0 + 12 * H + (i - 30) * 0.1 * H);
      return c.storyOf("praise") === event;
    };
    expect(praiseJoins({})).toBe(false);
    // With the lift for every younger candidate it merges: the lift alone decides.
    expect(praiseJoins({ mergeReportedRefMinOriginals: 1, mergeReportedRefMinShare: 0 })).toBe(true);
  });
});

describe("namedKeyCount", () => {
  const TOP = [
    "\u062a\u0641\u062c\u064a\u0631",
    "\u0637\u0648\u0627\u0631\u0621",
    "\u0639\u0633\u064a\u0631",
    "\u0645\u0633\u062c\u062f",
  ]; // تفجير طوارء عسير مسجد
  it.each([
    {
      why: "keys named as themselves count",
      opening: ["\u062a\u0641\u062c\u064a\u0631", "\u0645\u0633\u062c\u062f", "\u0639\u0633\u064a\u0631"],
      named: 3,
    },
    {
      why: "a key in the indefinite accusative (its alef kept by the stem) counts: مسجدا names مسجد",
      opening: [
        "\u0627\u0633\u062a\u0647\u062f\u0641",
        "\u0645\u0633\u062c\u062f\u0627",
        "\u0637\u0648\u0627\u0631\u0621",
        "\u0639\u0633\u064a\u0631",
      ],
      named: 3,
    },
    {
      why: "a key and its accusative both present count once",
      opening: ["\u0645\u0633\u062c\u062f", "\u0645\u0633\u062c\u062f\u0627"],
      named: 1,
    },
    {
      why: "a longer word that only starts with a key does not count",
      opening: ["\u0645\u0633\u062c\u062f\u0627\u0646"],
      named: 0,
    },
  ])("$why", ({ opening, named }) => {
    expect(namedKeyCount(opening, TOP)).toBe(named);
  });
});

describe("compactionBucket", () => {
  /** Stream positions up to `upTo` at which passes every `interval` articles compact postings. */
  function compactions(interval: number, upTo: number): number[] {
    const out: number[] = [];
    let last = 0;
    for (let seen = interval; seen <= upTo; seen += interval) {
      const bucket = compactionBucket(seen, last);
      if (bucket === null) continue;
      last = bucket;
      out.push(seen);
    }
    return out;
  }

  it.each([
    { interval: 250, expected: [1000, 2000, 3000], why: "an interval dividing 1,000: every 1,000th article" },
    { interval: 251, expected: [1004, 2008, 3012], why: "one that does not: the first pass past each 1,000" },
    { interval: 1500, expected: [1500, 3000], why: "one longer than 1,000: every pass" },
  ])("$why", ({ interval, expected }) => {
    expect(compactions(interval, 3100)).toEqual(expected);
  });
});

describe("StoryClusterer thin articles", () => {
  /** Adds one article to `c`, its source the id's prefix ("okaz-1" -> okaz). */
  function addTo(
    c: StoryClusterer,
    id: string,
    title: string,
    text: string,
    timeMs: number,
    copyOf?: string,
  ) {
    return c.add({
      id,
      sourceId: id.split("-")[0]!,
      title,
      timeMs,
      terms: toStoryTerms(title, text),
      duplicateOf: copyOf ?? null,
    });
  }

  /** Adds articles in order to one clusterer; returns it. */
  function clusterOf(
    articles: { id: string; title: string; text: string; timeMs: number; copyOf?: string }[],
  ) {
    const c = new StoryClusterer();
    for (const a of articles) addTo(c, a.id, a.title, a.text, a.timeMs, a.copyOf);
    return c;
  }

  it("keeps each day's text-less cartoon in a story of its own", () => {
    const c = clusterOf([
      { id: "eqt-1", title: "كاريكاتير 2015/8/9", text: "", timeMs: 0 },
      { id: "madina-1", title: "كاريكاتير", text: "", timeMs: 2 * H },
      { id: "eqt-2", title: "كاريكاتير 2015/8/10", text: "", timeMs: 24 * H },
      { id: "madina-2", title: "الكاريكاتير", text: "", timeMs: 26 * H },
    ]);
    expect(new Set(["eqt-1", "madina-1", "eqt-2", "madina-2"].map((id) => c.storyOf(id))).size).toBe(4);
    expect(c.listStories().every((s) => s.articleCount === 1)).toBe(true);
  });

  it("never lets a full article join, or a merge pass take, a thin article's story", () => {
    const c = new StoryClusterer({ tuning: { mergeEveryArticles: 2 } });
    const add = (id: string, title: string, text: string, timeMs: number, copyOf?: string) =>
      addTo(c, id, title, text, timeMs, copyOf);
    const text =
      "افتتح معرض الكاريكاتير في جدة أمس بمشاركة رسامي الكاريكاتير من الصحف السعودية ويستمر أسبوعا";
    add("eqt-1", "كاريكاتير", "", 0);
    add("okaz-1", "معرض الكاريكاتير", text, H);
    add("madina-1", "الكاريكاتير في جدة", text, 2 * H);
    // The cartoon's copy changes its story just before a merge pass: the pass must still not take others into it.
    add("yaum-1", "كاريكاتير", "", 3 * H, "eqt-1");
    // Past a posting compaction (every 1,000 articles), which must not list the thin story either.
    for (let i = 0; i < 1_000; i++)
      add(`filler-${i}`, `خبر رقم ${i} عن موضوع ${i}`, `نص الخبر ${i} وتفاصيله ${i}`, 4 * H);
    add("riyadh-1", "رسامو الكاريكاتير", text, 5 * H);
    // A titled cartoon with a caption: placeable, and nearer the thin story's one word than anything else.
    add("watan-1", "كاريكاتير", "رسم ساخر عن ارتفاع الأسعار في الأسواق", 5 * H);
    const cartoon = c.storyOf("eqt-1");
    expect(["okaz-1", "madina-1", "riyadh-1", "watan-1"].map((id) => c.storyOf(id))).not.toContain(cartoon);
    expect(c.listStories().find((s) => s.id === cartoon)?.articleCount).toBe(2);
  });

  it("never lets a thin story take in a later one at a merge pass (a label over a table of numbers)", () => {
    const c = new StoryClusterer({ tuning: { mergeEveryArticles: 3 } });
    const numbers = Array.from({ length: 14 }, (_, i) => String(1_000 + i * 137)).join(" ");
    const add = (id: string, title: string, text: string, timeMs: number) =>
      addTo(c, id, title, text, timeMs);
    add("eqt-1", "جدول", numbers, 0);
    add("okaz-1", "جدول أسعار الذهب اليوم", `أسعار الذهب اليوم في السوق المحلية ${numbers}`, H);
    add("sabq-1", "الهلال يفوز على النصر", "فاز فريق الهلال على النصر بهدفين في مباراة الديربي", 2 * H);
    expect(c.storyOf("okaz-1")).not.toBe(c.storyOf("eqt-1"));
    expect(c.listStories().find((s) => s.id === c.storyOf("eqt-1"))?.articleCount).toBe(1);
  });

  it("still puts a thin article's copy in its story", () => {
    const c = clusterOf([
      { id: "eqt-1", title: "صور اقتصادية", text: "", timeMs: 0 },
      { id: "yaum-1", title: "صور اقتصادية", text: "", timeMs: H, copyOf: "eqt-1" },
    ]);
    expect(c.storyOf("yaum-1")).toBe(c.storyOf("eqt-1"));
  });

  it("still joins a short headline without text that names an event", () => {
    const text =
      "أعلنت وزارة الداخلية مقتل ثلاثة من رجال الأمن في تفجير استهدف مسجد قوات الطوارئ في أبها ظهر اليوم";
    const c = clusterOf([
      { id: "was-1", title: "تفجير مسجد قوات الطوارئ في أبها", text, timeMs: 0 },
      { id: "okaz-1", title: "تفجير مسجد الطوارئ بأبها", text: "", timeMs: H },
    ]);
    expect(c.storyOf("okaz-1")).toBe(c.storyOf("was-1"));
  });
});

describe("StoryClusterer sibling towns at the merge pass (MERGE_SIBLING_TOWNS_APART)", () => {
  /** Invented front reports of one war: the same war words, each front's town in the headline. */
  const WAR =
    "تقدمت قوات المقاومة الشعبية المدعومة من التحالف العربي اليوم وسيطرت على مواقع للمتمردين الحوثيين وقوات الرئيس المخلوع بعد معارك عنيفة سقط فيها عشرات القتلى والجرحى من الميليشيات فيما واصلت طائرات التحالف غاراتها على تجمعات المتمردين";
  /** A column's text on the same war: half its words are the reports'. */
  const COLUMN =
    "تقدمت قوات المقاومة الشعبية اليوم وسيطرت على مواقع للمتمردين الحوثيين بعد معارك عنيفة ويبقى السؤال عن مستقبل البلاد بعد الحرب وعن دور الأحزاب في إعادة بناء الدولة";
  const report = (id: string, sourceId: string, hour: number, title: string, text = WAR) => ({
    id,
    sourceId,
    title,
    timeMs: hour * H,
    terms: toStoryTerms(title, text),
    subjects: toHeadlineSubjects(title),
    duplicateOf: null,
  });
  /** A report on Marib's front, then a column (its own story: OPINION_COLUMNS_APART) on another town's, then a pass. */
  const columnStory = (columnTitle: string, tuning: Partial<ClusterTuning> = {}) => {
    const c = new StoryClusterer({ tuning: { mergeEveryArticles: 2, ...tuning } });
    c.add(report("marib", "spa", 0, "المقاومة تسيطر على مواقع للحوثيين في مأرب"));
    const column = c.add(report("col", "alwatan", 1, columnTitle, `${COLUMN}\nwriter@example.com`));
    expect(column.opened).toBe(true);
    return c.storyOf("col");
  };

  it("keeps a piece on Aden's front apart from Marib's, though both name Yemen's towns and the pieces pass the merge", () => {
    const aden = "المقاومة تسيطر على مواقع للحوثيين في عدن";
    expect(columnStory(aden, { mergeSiblingTownsApart: false })).toBe("marib");
    expect(columnStory(aden)).toBe("col");
  });
  it("merges a piece naming the same town", () => {
    expect(columnStory("المقاومة تتقدم في مأرب وتطرد الحوثيين")).toBe("marib");
  });
});

describe("StoryClusterer merge past the start gap (MERGE_LONG_GAP_*)", () => {
  const EVENT = {
    title: "طالبان تؤكد وفاة الملا عمر وتعين أختر منصور زعيما جديدا للحركة",
    text: "أكدت حركة طالبان الأفغانية وفاة زعيمها الملا محمد عمر وأعلنت تعيين الملا أختر منصور زعيما جديدا لها خلفا له بعد اجتماع لمجلس شورى الحركة في مدينة كويتا الباكستانية",
  };
  /** The event's next development printed two days on: the new leader's message, told with the event's facts. */
  const LATER = {
    title: "زعيم طالبان الجديد أختر منصور يدعو إلى وحدة الصف بعد وفاة الملا عمر",
    text: `دعا الملا أختر منصور إلى وحدة الصف في أول تسجيل صوتي له. ${EVENT.text}`,
  };
  const OTHER = {
    title: "طالبان تهاجم نقطة أمنية في ولاية هلمند",
    text: "هاجم مسلحون من حركة طالبان نقطة أمنية للشرطة الأفغانية في ولاية هلمند جنوب البلاد وقتل ثلاثة من عناصر الشرطة في تبادل لإطلاق النار استمر ساعات",
  };
  /** Whether the event's story (two reports at 0 h) takes `later` opened `hours` on, as pieces merged by a pass. */
  function merges(tuning: Partial<ClusterTuning>, later: { title: string; text: string }, hours: number) {
    // Every article opens a story; a merge pass runs after each.
    const c = new StoryClusterer({
      tuning: { joinMinScore: Number.POSITIVE_INFINITY, mergeEveryArticles: 1, ...tuning },
    });
    const add = (id: string, a: { title: string; text: string }, timeMs: number) =>
      c.add({
        id,
        sourceId: id,
        title: a.title,
        timeMs,
        terms: toStoryTerms(a.title, a.text),
        subjects: toHeadlineSubjects(a.title),
        duplicateOf: null,
      });
    add("a", EVENT, 0);
    add("b", { ...EVENT, title: `${EVENT.title} رسميا` }, 10 * 60_000);
    add("later", later, hours * H);
    return c.storyOf("later") === c.storyOf("a");
  }
  it.each([
    {
      why: "a follow-up 20 h on merges within the start gap",
      later: LATER,
      hours: 20,
      tuning: {},
      joins: true,
    },
    {
      why: "a follow-up 60 h on merges past the start gap at its score",
      later: LATER,
      hours: 60,
      tuning: {},
      joins: true,
    },
    {
      why: "not without the long gap",
      later: LATER,
      hours: 60,
      tuning: { mergeLongGapHours: MERGE_MAX_START_GAP_HOURS },
      joins: false,
    },
    {
      why: "not past MERGE_LONG_GAP_HOURS",
      later: LATER,
      hours: MERGE_LONG_GAP_HOURS + 2,
      tuning: {},
      joins: false,
    },
    {
      why: "another event of the same group 60 h on stays apart",
      later: OTHER,
      hours: 60,
      tuning: {},
      joins: false,
    },
  ])("$why", ({ later, hours, tuning, joins }) => {
    expect(merges(tuning, later, hours)).toBe(joins);
  });

  /** Two bodies' Eid greeting parties, each told in the other's words (MERGE_LONG_GAP_COURTESY_MIN_SHARE). */
  const GREETING = {
    title: "«الخدمة المدنية» تقيم حفل معايدة لمنسوبيها بمناسبة عيد الفطر",
    text: "أقامت الخدمة المدنية حفل معايدة لمنسوبيها بمناسبة عيد الفطر المبارك في مقرها الرئيس بالرياض بحضور رئيس الهيئة وعدد من المسؤولين والموظفين وتبادل الحضور التهاني بهذه المناسبة",
  };
  const OTHER_GREETING = {
    title: "«العثيم» تقيم حفل معايدة لمنسوبيها بمناسبة عيد الفطر",
    text: "أقامت شركة العثيم حفل معايدة لمنسوبيها بمناسبة عيد الفطر المبارك في مقرها الرئيس بالرياض بحضور رئيس الشركة وعدد من المسؤولين والموظفين وتبادل الحضور التهاني بهذه المناسبة",
  };
  function greetingsMerge(tuning: Partial<ClusterTuning>) {
    const c = new StoryClusterer({
      tuning: { joinMinScore: Number.POSITIVE_INFINITY, mergeEveryArticles: 1, ...tuning },
    });
    const add = (id: string, a: { title: string; text: string }, timeMs: number) =>
      c.add({
        id,
        sourceId: id,
        title: a.title,
        timeMs,
        terms: toStoryTerms(a.title, a.text),
        subjects: toHeadlineSubjects(a.title),
        duplicateOf: null,
      });
    add("a", GREETING, 0);
    add("b", GREETING, 10 * 60_000);
    add("later", OTHER_GREETING, 60 * H);
    return c.storyOf("later") === c.storyOf("a");
  }
  it("keeps another body's greeting 60 h on apart from a piece of greetings", () => {
    expect(greetingsMerge({ mergeLongGapCourtesyMinShare: 2, courtesyMergesNeedSubject: false })).toBe(true);
    expect(greetingsMerge({})).toBe(false);
  });
});

describe("StoryClusterer courtesy joins (COURTESY_JOINS_NEED_SUBJECT)", () => {
  const H = 3_600_000;
  const party = (body: string, place: string) => ({
    title: `${body} تقيم حفل معايدة لمنسوبيها بمناسبة عيد الفطر`,
    text: `أقامت ${body} حفل معايدة لمنسوبيها بمناسبة عيد الفطر المبارك في مقرها الرئيس ${place} بحضور رئيس الهيئة وعدد من المسؤولين والموظفين وتبادل الحضور التهاني بهذه المناسبة`,
  });
  function joins(later: { title: string; text: string }, tuning: Partial<ClusterTuning>) {
    const c = new StoryClusterer({ tuning: { mergeEveryArticles: 1_000_000, ...tuning } });
    const add = (id: string, a: { title: string; text: string }, timeMs: number) =>
      c.add({
        id,
        sourceId: id,
        title: a.title,
        timeMs,
        terms: toStoryTerms(a.title, a.text),
        subjects: toHeadlineSubjects(a.title),
        duplicateOf: null,
      });
    add("a", party("«الخدمة المدنية»", "بالرياض"), 0);
    add("later", later, 20 * H);
    return c.storyOf("later") === c.storyOf("a");
  }
  it.each([
    {
      why: "another body's party in the same words stays apart",
      later: party("«العثيم»", "بالرياض"),
      tuning: {},
      joins: false,
    },
    {
      why: "it joined by the template words alone without the rule",
      later: party("«العثيم»", "بالرياض"),
      tuning: { courtesyJoinsNeedSubject: false },
      joins: true,
    },
    {
      why: "another outlet's report of the same body's party joins",
      later: party("وزارة الخدمة المدنية", "بالرياض"),
      tuning: {},
      joins: true,
    },
  ])("$why", ({ later, tuning, joins: expected }) => {
    expect(joins(later, tuning)).toBe(expected);
  });
});

describe("StoryClusterer joins naming a key the story owns (STORY_OWNED_NAME_*)", () => {
  const H = 3_600_000;
  /** An event whose headlines coin a name (the Duma arson, 2015-07-31): told on its first two days. */
  const EVENT = {
    title: "مستوطنون يحرقون منزل عائلة دوابشة في قرية دوما ويقتلون رضيعا",
    text: "أحرق مستوطنون إسرائيليون منزل عائلة دوابشة في قرية دوما جنوب نابلس فجر اليوم ما أدى إلى استشهاد الرضيع علي دوابشة وإصابة والديه وشقيقه بحروق خطيرة نقلوا على إثرها إلى المستشفى",
  };
  /** Its third day, 60 h after the first report: age damping alone keeps it out. */
  const LATER = {
    title: "اعتقال مستوطنين هاجموا منزل عائلة دوابشة في قرية دوما",
    text: `أمر وزير الدفاع الإسرائيلي باعتقال المتورطين اعتقالا إداريا. ${EVENT.text}`,
  };
  /** Earlier attacks on the same family, reported over the two weeks before: the names are no longer the event's alone. */
  const BEFORE = {
    title: "مستوطنون يهاجمون منزل عائلة دوابشة في قرية دوما",
    text: "هاجم مستوطنون منزل عائلة دوابشة في قرية دوما جنوب نابلس ورشقوه بالحجارة دون وقوع إصابات",
  };
  function joins(tuning: Partial<ClusterTuning>, namedBefore: boolean): boolean {
    const c = new StoryClusterer({ tuning: { mergeEveryArticles: 1_000_000, ...tuning } });
    const add = (id: string, a: { title: string; text: string }, timeMs: number) =>
      c.add({
        id,
        sourceId: id,
        title: a.title,
        timeMs,
        terms: toStoryTerms(a.title, a.text),
        duplicateOf: null,
      });
    // Twelve days of history before the event, so the key's long-run rate is known.
    add("history", OTHER_NEWS, -288 * H);
    // Sixteen reports, the last 125 h before the event: their stories are past the window by then.
    if (namedBefore) for (let d = 0; d < 16; d++) add(`before-${d}`, BEFORE, (-350 + 15 * d) * H);
    for (let i = 0; i < 3; i++) add(`day1-${i}`, EVENT, i * 10 * 60_000);
    for (let i = 0; i < 2; i++) add(`day2-${i}`, EVENT, 30 * H + i * 10 * 60_000);
    add("later", LATER, 60 * H);
    return c.storyOf("later") === c.storyOf("day1-0");
  }
  const OTHER_NEWS = {
    title: "افتتاح مستشفى جديد في أبها",
    text: "أعلنت وزارة الصحة افتتاح مستشفى جديد في أبها بسعة مئتي سرير لخدمة سكان منطقة عسير",
  };
  it.each([
    {
      why: "the event's third day joins by the name its headlines coined",
      tuning: {},
      namedBefore: false,
      joins: true,
    },
    {
      why: "age damps it out without the rule",
      tuning: { ownedNameMinShare: Number.POSITIVE_INFINITY },
      namedBefore: false,
      joins: false,
    },
    {
      why: "names other stories carried as often are not the event's own",
      tuning: { ownedNameMinBurst: 0 },
      namedBefore: true,
      joins: false,
    },
    {
      why: "...which joined when any share made a key the story's own",
      tuning: { ownedNameMinBurst: 0, ownedNameMinShare: 0 },
      namedBefore: true,
      joins: true,
    },
    {
      why: "a name that no longer bursts waives nothing",
      tuning: { ownedNameMinBurst: 4 },
      namedBefore: false,
      joins: false,
    },
  ])("$why", ({ tuning, namedBefore, joins: expected }) => {
    expect(joins(tuning, namedBefore)).toBe(expected);
  });
});
