import { describe, expect, it } from "vitest";
import { opmlImportMessage } from "./source-admin.ts";

describe("opmlImportMessage", () => {
  it.each([
    [3, 2, 1, "استُوردت 3 خلاصات؛ خلاصتان مسجلتان من قبل، عنصر واحد في الملف بلا رابط خلاصة."],
    [1, 0, 0, "استُوردت خلاصة واحدة."],
    [0, 5, 0, "لم تُستورد خلاصات جديدة؛ 5 خلاصات مسجلة من قبل."],
    [0, 0, 2, "لم تُستورد خلاصات جديدة؛ عنصران في الملف بلا رابط خلاصة."],
    [12, 1, 11, "استُوردت 12 خلاصة؛ خلاصة واحدة مسجلة من قبل، 11 عنصرًا في الملف بلا رابط خلاصة."],
    [0, 0, 0, "لم تُستورد خلاصات جديدة."],
  ])("%i added, %i known, %i without a feed: %s", (added, known, skipped, message) => {
    expect(opmlImportMessage(added, known, skipped)).toBe(message);
  });
});
