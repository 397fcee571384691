import { describe, expect, it } from "vitest";
import { citedOutletIds } from "./cited-outlet-ids.ts";

describe("citedOutletIds", () => {
  const rows: { why: string; cited: string | null; ids: string[] }[] = [
    { why: "an agency's short name names every outlet on its host", cited: "واس", ids: ["spa", "was"] },
    { why: "an agency's long name is the same agency", cited: "وكالة الأنباء السعودية", ids: ["spa", "was"] },
    { why: "a paper credited by its name", cited: "الشرق الأوسط", ids: ["aawsat"] },
    { why: "a name folds: hamza and teh marbuta spelt otherwise", cited: "الشرق الاوسط", ids: ["aawsat"] },
    {
      why: "a name two outlets share names both: the channel (an agency's name) and the Saudi paper",
      cited: "الجزيرة",
      ids: ["aljazeera", "aljazirah"],
    },
    { why: "the channel's own name is the channel only", cited: "الجزيرة نت", ids: ["aljazeera"] },
    { why: "the Saudi paper is cited by its whole name", cited: "الجزيرة (السعودية)", ids: ["aljazirah"] },
    { why: "the Saudi paper is cited with its media noun", cited: "صحيفة الجزيرة", ids: ["aljazirah"] },
    { why: "the Saudi paper is cited with the other media noun", cited: "جريدة الجزيرة", ids: ["aljazirah"] },
    {
      why: "the channel named with its media noun is the channel only",
      cited: "قناة الجزيرة",
      ids: ["aljazeera"],
    },
    {
      why: "a known paper named with its media noun (find-cited-source credits so)",
      cited: "صحيفة عكاظ",
      ids: ["okaz"],
    },
    { why: "a paper named like its city, with its media noun", cited: "صحيفة الرياض", ids: ["alriyadh"] },
    { why: "a media noun before an unknown paper names nothing", cited: "صحيفة الغارديان", ids: [] },
    { why: "a country telling two outlets apart is no name", cited: "السعودية", ids: [] },
    { why: "an agency's acronym in parentheses is its name", cited: "وفا", ids: ["wafa"] },
    { why: "a paper named like its city is the paper in a credit", cited: "الرياض", ids: ["alriyadh"] },
    { why: '"agencies" names no outlet', cited: "وكالات", ids: [] },
    { why: "an agency akhbar knows no outlet of", cited: "رويترز", ids: [] },
    { why: "a paper akhbar does not know", cited: "نيويورك تايمز", ids: [] },
    { why: "no citation", cited: null, ids: [] },
  ];
  for (const { why, cited, ids } of rows)
    it(`${why}: ${cited ?? "null"}`, () => {
      expect([...citedOutletIds(cited)].sort()).toEqual(ids);
    });
});
