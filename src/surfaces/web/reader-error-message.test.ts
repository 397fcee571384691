import { describe, expect, it } from "vitest";
import { AkhbarError } from "../../domain/errors.ts";
import { readerErrorMessage } from "./reader-error-message.ts";

describe("readerErrorMessage", () => {
  it.each([
    [
      "a bad parameter is worded from its details, not its English message",
      new AkhbarError("web.bad_param", 'web: parameter "offset" must be between 0 and 10000, got 20000', {
        param: "offset",
        reason: "out_of_range",
        min: 0,
        max: 10_000,
      }),
      400,
      "«موضع الصفحة (offset)» في الرابط يجب أن يكون بين 0 و10000.",
    ],
    [
      "a parameter the reader has no name for is named as in the URL",
      new AkhbarError("search.bad_param", "x", { param: "zzz", reason: "repeated" }),
      400,
      "«zzz» مكرّر في الرابط؛ تكفي قيمة واحدة.",
    ],
    [
      "a message already written for the reader is kept",
      new AkhbarError("web.not_found", "لا توجد قصة بهذا المعرّف."),
      404,
      "لا توجد قصة بهذا المعرّف.",
    ],
    [
      "an English message without details falls back to the status's sentence",
      new AkhbarError("stories.not_found", "stories: no story x"),
      404,
      "لم نجد ما تبحث عنه.",
    ],
    ["an unexpected error says nothing of its inside", new Error("SQLITE_BUSY"), 500, "حدث خطأ غير متوقع."],
  ])("%s", (_why, err, status, text) => {
    expect(readerErrorMessage(err, status)).toBe(text);
  });
});
