import { describe, expect, it } from "vitest";
import { AkhbarError } from "../../domain/errors.ts";
import { adminErrorMessage, readerErrorMessage } from "./reader-error-message.ts";

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

describe("adminErrorMessage", () => {
  it.each([
    [
      "a refused form field is named by its label, with what it asks for",
      new AkhbarError("admin.bad_param", "admin: the country must be a two-letter code", {
        field: "country",
        reason: "not_country",
      }),
      "«البلد»: يجب أن يكون رمزًا من حرفين، مثل SA.",
    ],
    [
      "a bad feed URL",
      new AkhbarError("admin.bad_param", "admin: the feed URL must be an http(s) URL", {
        field: "feed",
        reason: "not_url",
      }),
      "«رابط الخلاصة»: يجب أن يكون رابطًا يبدأ بـ http:// أو https://.",
    ],
    [
      "a document that is no OPML",
      new AkhbarError("feed.parse_error", "feed: not an OPML document"),
      "تعذّرت قراءة ملف OPML: ليس مستند OPML صالحًا.",
    ],
    [
      "an English message with no wording of its own names its code, not its English",
      new AkhbarError("storage.busy", "storage: database is locked"),
      "تعذّر تنفيذ الطلب (storage.busy).",
    ],
    ["an unexpected error says nothing of its inside", new Error("SQLITE_BUSY"), "حدث خطأ غير متوقع."],
  ])("%s", (_why, err, text) => {
    expect(adminErrorMessage(err)).toBe(text);
  });
});
