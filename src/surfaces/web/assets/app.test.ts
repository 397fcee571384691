import { readFileSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { formatArabicTime, setDisplayTimeZone } from "../format-arabic-date.ts";

/** A fixed clock: 7 Aug 2015, 0:37 in Riyadh (as format-arabic-date.test.ts). */
const NOW = Date.parse("2015-08-06T21:37:00Z");

/** The ages the page script writes into `<time data-relative>` elements at `now`, one per instant. */
function scriptAges(instants: readonly string[], now: number, timeZone = "Asia/Riyadh"): string[] {
  const els = instants.map((iso) => ({
    textContent: "",
    getAttribute: (name: string) => (name === "datetime" ? iso : ""),
  }));
  const document = {
    // The server writes its display zone on <html data-time-zone> (layout.ts).
    documentElement: { dataset: { timeZone } },
    querySelectorAll: (selector: string) => (selector === "time[data-relative]" ? els : []),
    addEventListener: () => {},
  };
  const context = createContext({ document, setInterval: () => 0 });
  runInContext(`Date.now = () => ${now};`, context);
  runInContext(readFileSync(new URL("./app.js", import.meta.url), "utf8"), context);
  return els.map((el) => el.textContent);
}

describe("the page script's ages", () => {
  const instants = [
    "2015-08-06T18:37:00Z", // hours
    "2015-08-06T12:00:00Z", // under a day, across midnight
    "2015-08-05T21:30:00Z", // the previous Riyadh day
    "2015-08-05T20:00:00Z", // 25.6 h back, two Riyadh days back
    "2015-07-30T21:38:00Z", // just under a week
  ];

  it("counts days by the Riyadh calendar: 23:00 two days back is the day before yesterday", () => {
    expect(scriptAges(instants, NOW)).toEqual(["قبل 3 ساعات", "قبل 9 ساعات", "أمس", "أول أمس", "قبل 7 أيام"]);
  });

  it("agrees with the server's formatter, so a page's ages do not change when the script runs", () => {
    expect(scriptAges(instants, NOW)).toEqual(instants.map((iso) => formatArabicTime(iso, NOW)?.age));
  });

  it("counts days in the zone the page names, as the server set to that zone does", () => {
    // At 22:37 on 6 August in Casablanca (UTC+1), 21:30 UTC on 5 August is still yesterday, and 20:00 UTC too.
    const ages = scriptAges(instants, NOW, "Africa/Casablanca");
    expect(ages.slice(2, 4)).toEqual(["أمس", "أمس"]);
    setDisplayTimeZone("Africa/Casablanca");
    try {
      expect(ages).toEqual(instants.map((iso) => formatArabicTime(iso, NOW)?.age));
    } finally {
      setDisplayTimeZone("Asia/Riyadh");
    }
  });
});
