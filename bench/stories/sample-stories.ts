/**
 * Draws the articles of a story-label set (testdata/labels/stories-dev2.jsonl) and prints them with their lead for
 * hand grouping: part drawn among titles naming the window's big events, part at random. Benchmark helper, not pure
 * (reads the corpus). Run: node --import tsx bench/stories/sample-stories.ts > bench/.tmp/dev2-sample.txt
 */
import { loadCorpus } from "./load-corpus.ts";

/** The DEV2 window (corpus date, crawl time): 2015-08-02T00 to 2015-08-05T00, apart from both other label sets. */
const FROM = "2015-08-02T00:00:00";
const TO = "2015-08-05T00:00:00";
/** Words naming the window's big events (Kerry's Cairo and Doha talks, the Super Cup, al-Anad, Aden, Suez, …). */
const EVENT_WORDS = [
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
];
const EVENT_SAMPLE = 180;
const RANDOM_SAMPLE = 120;
const SEED = 20150802;
const LEAD_CHARS = 260;

/** Numerical Recipes LCG: reproducible without a dependency. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function draw<T>(items: T[], n: number, rand: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

const inWindow = loadCorpus().filter(
  (a) => a.date >= FROM && a.date < TO && a.title.trim() !== "" && a.text.trim() !== "",
);
const isEvent = (t: string) => EVENT_WORDS.some((w) => t.includes(w));
const rand = lcg(SEED);
const events = draw(
  inWindow.filter((a) => isEvent(a.title)),
  EVENT_SAMPLE,
  rand,
);
const rest = draw(
  inWindow.filter((a) => !isEvent(a.title)),
  RANDOM_SAMPLE,
  rand,
);
const sample = [...events, ...rest].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
console.error(`window ${inWindow.length} articles; event titles ${events.length}, random ${rest.length}`);
for (const a of sample) {
  console.log(
    `${a.id}\t${a.date}\t${a.source}\t${a.title}\n    ${a.text.replace(/\s+/g, " ").slice(0, LEAD_CHARS)}`,
  );
}
