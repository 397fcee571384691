import { describe, expect, it } from "vitest";
import { DEFAULT_COPY_RULE } from "./compare-shingles.ts";
import { namesOtherPlaces, toTextPlaces } from "./lead-places.ts";
import { fingerprintText, NearDuplicateIndex } from "./near-duplicate-index.ts";
import { DEFAULT_SHINGLE_OPTIONS, toShingleWords } from "./shingle-text.ts";

/** Places of a text as fingerprintText reads them (surface shingle words). */
const placesOf = (text: string) =>
  toTextPlaces(toShingleWords(text, { ...DEFAULT_SHINGLE_OPTIONS, form: "surface" }));

/** An invented national-day cable (the formula outlets print for every country), filled in with one country. */
const cable = (president: string, country: string) =>
  `بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة لفخامة الرئيس ${president} رئيس جمهورية ` +
  `${country} بمناسبة ذكرى استقلال بلاده. وأعرب الملك المفدى باسمه واسم شعب وحكومة المملكة العربية السعودية عن ` +
  `أصدق التهاني وأطيب التمنيات بالصحة والسعادة لفخامته، ولحكومة وشعب ${country} الصديق اطراد التقدم والازدهار. ` +
  `كما بعث ولي العهد برقية تهنئة مماثلة لفخامة الرئيس ${president} أعرب فيها عن أطيب التهاني وأصدق التمنيات ` +
  "بموفور الصحة والسعادة لفخامته ولحكومة وشعب بلاده المزيد من التقدم والازدهار في ظل قيادته الحكيمة.";
const BOLIVIA = cable("إيفو موراليس", "بوليفيا");
const SINGAPORE = cable("توني تان", "سنغافورة");

describe("namesOtherPlaces", () => {
  const cases: { name: string; a: string; b: string; expected: boolean }[] = [
    {
      name: "reads one formula filled in with two countries as naming other places",
      a: BOLIVIA,
      b: SINGAPORE,
      expected: true,
    },
    {
      name: "reads one cable printed twice as naming the same places",
      a: BOLIVIA,
      b: BOLIVIA.replace("لفخامة الرئيس", "للرئيس"),
      expected: false,
    },
    {
      name: "lets one side have a place of its own (an outlet's dateline, a trimmed last paragraph)",
      a: `جدة: ${BOLIVIA}`,
      b: BOLIVIA,
      expected: false,
    },
    {
      name: "meets a place written with a proclitic (بجدة) and without it (جدة)",
      a: "افتتح الأمير المعرض في جدة أمس بحضور عدد من المسؤولين والزوار",
      b: "افتتح الأمير المعرض بجدة أمس بحضور عدد من المسؤولين والزوار ومن الرياض",
      expected: false,
    },
    {
      name: "reads surface words, not stems: a camera (كاميرا) is not Cameroon, Hajj (الحج) not Lahij",
      a: "استعان الباحثون بكاميرا متطورة لتصوير الحشرات في موسم الحج",
      b: "استعان الباحثون في أمريكا بكاميرا متطورة لتصوير الحشرات",
      expected: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(namesOtherPlaces(placesOf(c.a), placesOf(c.b))).toBe(c.expected));
  }
});

describe("NearDuplicateIndex and lead places", () => {
  it("keeps apart two national-day cables to two countries, whose resemblance passes the copy rule", () => {
    const index = new NearDuplicateIndex();
    index.add("bolivia", 0, fingerprintText(BOLIVIA, "okaz").fingerprint);
    const query = fingerprintText(SINGAPORE, "alriyadh").fingerprint;
    expect(index.query(query, 30 * 3_600_000)).toEqual([]);
    // Without the place check the formula alone makes them copies (J between 0.5 and 0.8).
    const loose = new NearDuplicateIndex({ rule: { ...DEFAULT_COPY_RULE, otherPlacesMaxJaccard: 0 } });
    loose.add("bolivia", 0, fingerprintText(BOLIVIA, "okaz").fingerprint);
    const [match] = loose.query(query, 30 * 3_600_000);
    expect(match?.id).toBe("bolivia");
    expect(match?.jaccard).toBeLessThan(0.8);
  });
  it("still finds the same cable from another outlet", () => {
    const index = new NearDuplicateIndex();
    index.add("bolivia", 0, fingerprintText(BOLIVIA, "okaz").fingerprint);
    const query = fingerprintText(`واس - ${BOLIVIA.replace("لفخامة الرئيس", "للرئيس")}`, "sabq").fingerprint;
    expect(index.query(query, 3_600_000).map((m) => m.id)).toEqual(["bolivia"]);
  });
});
