/**
 * Draws the articles of a story-label set (testdata/labels/stories-dev2.jsonl, stories-dev3.jsonl,
 * stories-heldout2.jsonl, stories-dev4.jsonl, stories-dev5.jsonl, stories-dev6.jsonl) and prints them with their lead for hand grouping: part drawn among titles naming the
 * window's big events, part at random.
 * Benchmark helper, not pure (reads the corpus).
 * Run: node --import tsx bench/stories/sample-stories.ts dev3 > bench/.tmp/dev3-sample.txt (or dev2, heldout2, dev4, dev5, dev6)
 */

import { lcg } from "../seeded-random.ts";
import { loadCorpus, readStoryLabels } from "./load-corpus.ts";

interface SampleDesign {
  /** Crawl-time window (corpus date), apart from every other story-label set. */
  from: string;
  to: string;
  /** Words naming the window's big events: titles holding one form the event part of the draw. */
  eventWords: string[];
  eventSample: number;
  randomSample: number;
  seed: number;
  /** DEV label sets whose articles are left out of the draw (a window that overlaps theirs draws other articles). */
  excludeSets?: string[];
}

/** One design per label set, so each set can be drawn again exactly. */
const DESIGNS: Record<string, SampleDesign> = {
  /** stories-dev2.jsonl: Kerry's Cairo and Doha talks, the Super Cup, al-Anad, Aden, Suez, … */
  dev2: {
    from: "2015-08-02T00:00:00",
    to: "2015-08-05T00:00:00",
    eventWords: [
      "كيري",
      "الدوحة",
      "العند",
      "السوبر",
      "عدن",
      "قناة السويس",
      "الانتخابات البلدية",
      "داعش",
      "إيران",
      "النووي",
      "اليمن",
      "نجران",
      "جازان",
      "عسير",
      "تركيا",
    ],
    eventSample: 180,
    randomSample: 120,
    seed: 20150802,
  },
  /**
   * stories-dev3.jsonl, drawn like the held-out stories.jsonl (about half event titles, half random) from the days
   * after it: the Asir mosque bombing's aftermath, the Super Cup in London, al-Abadi's reforms, the yuan's
   * devaluation, the municipal-election registration, …
   */
  dev3: {
    from: "2015-08-09T00:00:00",
    to: "2015-08-12T00:00:00",
    eventWords: [
      "عسير",
      "الطوارئ",
      "السوبر",
      "العبادي",
      "الصين",
      "الانتخابات",
      "للانتخابات",
      "الجبير",
      "اليمن",
      "تعز",
      "داعش",
      "تركيا",
      "إيران",
      "مصر",
    ],
    eventSample: 150,
    randomSample: 150,
    seed: 20150809,
  },
  /**
   * stories-heldout2.jsonl, a second held-out set drawn like the first (half event titles, half random) from days no
   * other set uses, holding big events' first days: the coalition's five-day humanitarian truce in Yemen (announced
   * 07-25), Bahrain recalling its ambassador from Iran (07-25), the 2018 World Cup qualifying draw, the relief ship
   * Darb al-Khair reaching Aden, Turkey's strikes on ISIS and the PKK, clashes at al-Aqsa, …
   */
  heldout2: {
    from: "2015-07-25T00:00:00",
    to: "2015-07-28T00:00:00",
    eventWords: [
      "هدنة",
      "البحرين",
      "إيران",
      "طهران",
      "اليمن",
      "عدن",
      "لحج",
      "الحوثي",
      "قرعة",
      "مونديال",
      "درب الخير",
      "الأقصى",
      "تركيا",
      "طوكيو",
      "العلماء",
      "داعش",
    ],
    eventSample: 175,
    randomSample: 175,
    seed: 20150725,
  },
  /**
   * stories-dev4.jsonl, a DEV set drawn like the held-out sets (about half event titles, half random) on the two days
   * between DEV's and DEV2's windows, holding multi-day events to see the clusterer split them: the arson that killed a
   * Palestinian baby (07-31), the Taliban confirming Mullah Omar's death, the aircraft debris found on Reunion, Turkey's
   * strikes on the PKK, the Lahj fighting and Aden's airport, the Saudi Super Cup's run-up, …
   */
  dev4: {
    from: "2015-07-31T00:00:00",
    to: "2015-08-02T00:00:00",
    eventWords: [
      "رضيع",
      "فلسطيني",
      "حرق",
      "طالبان",
      "الملا",
      "الماليزية",
      "حطام",
      "الكردستاني",
      "تركيا",
      "عدن",
      "لحج",
      "الحوثي",
      "بحاح",
      "السوبر",
      "داعش",
      "إيران",
    ],
    eventSample: 140,
    randomSample: 135,
    seed: 20150731,
  },
  /**
   * stories-dev5.jsonl, a DEV set drawn like dev4 (about half event titles, half random) on the corpus's first day
   * (07-21, before DEV's 07-22..23; 07-24 borders the held-out 07-25..27 and is not used), whose events run on from
   * the days before the crawl began: the Security Council endorsing the Iran nuclear deal, the Greek banks reopening,
   * FIFA setting its election date, Aden retaken from the Houthis, the Suruc bombing, the Saudi interior ministry's
   * ISIS cell arrests and the praise of them, Egypt's first Rafales, the GCC secretary-general on Iran, …
   */
  dev5: {
    from: "2015-07-21T00:00:00",
    to: "2015-07-22T00:00:00",
    eventWords: [
      "النووي",
      "إيران",
      "الإيراني",
      "اليونان",
      "الفيفا",
      "بلاتر",
      "عدن",
      "الحوثي",
      "داعش",
      "الإرهاب",
      "الأمنية",
      "تركيا",
      "ليبيا",
      "رافال",
      "السوبر",
      "الزياني",
    ],
    eventSample: 140,
    randomSample: 140,
    seed: 20150721,
  },
  /**
   * stories-dev6.jsonl, a DEV set drawn like heldout2 (half event titles, half random) on three days of multi-day
   * campaigns. The corpus has no articles on 07-28..30 and every other day is taken, so it is drawn on the three corpus
   * days nearest after the held-out 07-25..27 (DEV4's 07-31..08-01 and DEV2's 08-02) from the articles no DEV set holds:
   * Turkey's strikes on the PKK, the push into Lahj, Bahah in Aden, the Duma arson, Mullah Omar's death, the aircraft
   * debris on Reunion, the Saudi Super Cup's run-up, the Suez canal's opening, Taiz, …
   */
  dev6: {
    from: "2015-07-31T00:00:00",
    to: "2015-08-03T00:00:00",
    eventWords: [
      "تركيا",
      "التركي",
      "الكردستاني",
      "لحج",
      "العند",
      "عدن",
      "بحاح",
      "الحوثي",
      "تعز",
      "رضيع",
      "حرق",
      "دوابشة",
      "طالبان",
      "الملا",
      "الماليزية",
      "حطام",
      "السوبر",
      "السويس",
      "كيري",
      "داعش",
    ],
    eventSample: 150,
    randomSample: 150,
    seed: 20150728,
    excludeSets: [
      "stories-dev.jsonl",
      "stories-dev2.jsonl",
      "stories-dev3.jsonl",
      "stories-dev4.jsonl",
      "stories-dev5.jsonl",
    ],
  },
};
const LEAD_CHARS = 260;

function draw<T>(items: T[], n: number, rand: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

const name = process.argv[2] ?? "dev2";
const design = DESIGNS[name];
if (design === undefined)
  throw new Error(`sample-stories: no design ${name} (${Object.keys(DESIGNS).join(", ")})`);
const excluded = new Set((design.excludeSets ?? []).flatMap((f) => [...readStoryLabels(f).keys()]));
const inWindow = loadCorpus().filter(
  (a) =>
    a.date >= design.from &&
    a.date < design.to &&
    a.title.trim() !== "" &&
    a.text.trim() !== "" &&
    !excluded.has(a.id),
);
const isEvent = (t: string) => design.eventWords.some((w) => t.includes(w));
const rand = lcg(design.seed);
const events = draw(
  inWindow.filter((a) => isEvent(a.title)),
  design.eventSample,
  rand,
);
const rest = draw(
  inWindow.filter((a) => !isEvent(a.title)),
  design.randomSample,
  rand,
);
const sample = [...events, ...rest].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
console.error(
  `window ${inWindow.length} articles (${excluded.size} ids of other sets left out); event titles ${events.length} of ${inWindow.filter((a) => isEvent(a.title)).length}, random ${rest.length}`,
);
for (const a of sample) {
  console.log(
    `${a.id}\t${a.date}\t${a.source}\t${a.title}\n    ${a.text.replace(/\s+/g, " ").slice(0, LEAD_CHARS)}`,
  );
}
