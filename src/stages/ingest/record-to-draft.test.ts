import { describe, expect, it } from "vitest";
import type { ArticleDraft } from "../../domain/article.ts";
import { isAkhbarError } from "../../domain/errors.ts";
import { recordToDraft, toIsoTime } from "./record-to-draft.ts";

const OPTIONS = { defaultOffset: "Z", now: "2026-01-01T00:00:00.000Z" };
const base = {
  id: "a1",
  source: "okaz",
  url: "http://okaz.example/a/1",
  title: "عنوان الخبر",
  date: "2015-07-21T02:16:13",
  text: "نص الخبر",
};

describe("recordToDraft", () => {
  it("keeps the record's own id, source and display text untouched", () => {
    const draft = recordToDraft({ ...base, text: "قالَ المُتحدِّث ـــ «نعم»" }, OPTIONS);
    expect(draft).toMatchObject({
      id: "a1",
      sourceId: "okaz",
      text: "قالَ المُتحدِّث ـــ «نعم»",
      language: "ar",
    });
  });

  it("canonicalizes the URL but keeps the original", () => {
    const draft = recordToDraft({ ...base, url: "http://okaz.example/a/1?utm_source=tw#top" }, OPTIONS);
    expect(draft.url).toBe("http://okaz.example/a/1?utm_source=tw#top");
    expect(draft.canonicalUrl).toBe("http://okaz.example/a/1");
  });

  it("derives a stable id from the canonical URL when the record has none", () => {
    const { id: _id, ...noId } = base;
    const a = recordToDraft(noId, OPTIONS);
    const b = recordToDraft({ ...noId, url: `${noId.url}?utm_campaign=x` }, OPTIONS);
    expect(a.id).toMatch(/^akh-[0-9a-f]{16}$/);
    expect(b.id).toBe(a.id);
  });

  it("takes the source from the URL host when the record names none", () => {
    const { source: _s, ...noSource } = base;
    expect(recordToDraft({ ...noSource, url: "https://www.okaz.com.sa/x" }, OPTIONS).sourceId).toBe(
      "okaz.com.sa",
    );
  });

  it("keeps unknown fields verbatim in extra", () => {
    const draft = recordToDraft({ ...base, section: "محليات", tags: ["a", 1] }, OPTIONS);
    expect(draft.extra).toEqual({ section: "محليات", tags: ["a", 1] });
  });

  it("decodes HTML entities a crawler left in titles", () => {
    expect(recordToDraft({ ...base, title: "&quot;نيوم&quot; &#8220;مشروع&#8221;" }, OPTIONS).title).toBe(
      '"نيوم" “مشروع”',
    );
  });

  it("turns SUBSTITUTE control runs into line breaks and drops other controls", () => {
    expect(recordToDraft({ ...base, text: "الأول.\u001a\u001aالثاني\u0007" }, OPTIONS).text).toBe(
      "الأول.\nالثاني",
    );
  });

  it("drops bidi overrides and terminal controls from title, text, byline and cited source (one rule for all)", () => {
    // U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+001B ESCAPE, U+009B CONTROL SEQUENCE INTRODUCER.
    const draft = recordToDraft(
      {
        ...base,
        title: "\u202eعنوان\u001b]0;x\u0007 الخبر",
        text: "نص\u2066 الخبر\u009b2J",
        byline: "\u202eمحمد العلي",
        cited_source: "\u202dواس",
      },
      OPTIONS,
    );
    expect(draft).toMatchObject({
      title: "عنوان]0;x الخبر",
      text: "نص الخبر2J",
      byline: "محمد العلي",
      citedSource: "واس",
    });
  });

  it("turns U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR into line breaks", () => {
    expect(recordToDraft({ ...base, text: "الأول.\u2028الثاني.\u2029الثالث" }, OPTIONS).text).toBe(
      "الأول.\nالثاني.\nالثالث",
    );
  });

  it("strips a permalink box holding the record's title, compared after the title's entities are decoded", () => {
    const story = "أكد الوزير أن الخطة تبدأ الأسبوع المقبل.";
    const title = "توزيع &#8220;موسوعة خطب الجمعة&#8221; على الخطباء";
    const text = `${story}\nرابط الخبر بصحيفة الوئام: توزيع \u201Cموسوعة خطب الجمعة\u201D على الخطباء`;
    expect(recordToDraft({ ...base, title, text }, OPTIONS).text).toBe(story);
    const other = `${story}\nوقال إن رابط الخبر الذي نشرته الصحيفة: غير صحيح ومفبرك`;
    expect(recordToDraft({ ...base, title, text: other }, OPTIONS).text).toBe(other);
  });

  it("stores a text that is only a permalink line to the story as no body: the article is title-only", () => {
    // 15 alweeam dev records: the whole text is the box, the title escaped as the feed wrote it.
    const title = "بالصور .. بدء تجهيز المعدات لرؤية &#8220;هلال شوال&#8221; في حوطة سدير";
    const text =
      "رابط الخبر بصحيفة الوئام: بالصور .. بدء تجهيز المعدات لرؤية \u201Cهلال شوال\u201D في حوطة سدير";
    const draft = recordToDraft({ ...base, title, text }, OPTIONS);
    expect(draft.text).toBe("");
    expect(draft.title).toBe("بالصور .. بدء تجهيز المعدات لرؤية \u201Cهلال شوال\u201D في حوطة سدير");
    expect(draft.contentHash).toBe("");
    expect(draft.citedSource).toBeNull();
    // A link box with no title leaves nothing to show: refused like a record without title and text.
    expect(() =>
      recordToDraft({ ...base, title: "", text: "رابط الخبر: https://example.com/?p=1" }, OPTIONS),
    ).toThrow(/"title" and "text" are both empty/);
  });

  it("strips widget residue from the edges of a record's plain text, and hashes the stripped text", () => {
    const story = "أكد الوزير أن الخطة تبدأ الأسبوع المقبل.";
    const draft = recordToDraft({ ...base, text: `شارك من خلال تويتر فيسبوك اكتب رأيك ${story}` }, OPTIONS);
    expect(draft.text).toBe(story);
    expect(draft.contentHash).toBe(recordToDraft({ ...base, text: story }, OPTIONS).contentHash);
  });

  it("drops a bare image address and the record's own title before it from its plain text, and hashes what is left", () => {
    const story = "أجرى المنتخب السعودي الأول لكرة القدم حصة تدريبية على ملعب نادي الشباب بالرياض";
    const thumb = "http://www.example.com/styles/114x72/public/2015/06/02/a-B60U8570.jpg?itok=usQnpLLK";
    const draft = recordToDraft(
      { ...base, title: "الأخضر يستعد", text: `الأخضر يستعد ${thumb} ${story}` },
      OPTIONS,
    );
    expect(draft.text).toBe(story);
    expect(draft.contentHash).toBe(recordToDraft({ ...base, text: story }, OPTIONS).contentHash);
  });

  it("strips widget residue from text a feed gave and from text extracted from a page alike", () => {
    const story = "أكد الوزير أن الخطة تبدأ الأسبوع المقبل.";
    const extracted = {
      title: "عنوان",
      text: `${story} سمات الوزير الخطة`,
      html: null,
      byline: null,
      publishedAt: null,
      citedSource: null,
      imageUrl: null,
      language: null,
    };
    const { text: _text, ...noText } = base;
    expect(recordToDraft(noText, OPTIONS, extracted).text).toBe(story);
    const page = { ...extracted, html: "<p>x</p>" as NonNullable<ArticleDraft["html"]> };
    expect(recordToDraft(noText, OPTIONS, page).text).toBe(story);
  });

  it("finds the cited source in a record's plain text when the record names none", () => {
    const sabq = { ...base, source: "sabq", url: "https://sabq.org/x1" };
    expect(recordToDraft({ ...sabq, text: "واس- جدة: التقى الأمير الوزير." }, OPTIONS).citedSource).toBe(
      "واس",
    );
    expect(recordToDraft({ ...sabq, text: "نص الخبر.\nالمصدر: سبق" }, OPTIONS).citedSource).toBeNull();
    const own = { ...sabq, cited_source: "رويترز", text: "واس- جدة: التقى الأمير الوزير." };
    expect(recordToDraft(own, OPTIONS).citedSource).toBe("رويترز");
  });

  it("reads a timestamp without offset in the given default offset", () => {
    const draft = recordToDraft(base, { ...OPTIONS, defaultOffset: "+03:00" });
    expect(draft.publishedAt).toBe("2015-07-20T23:16:13.000Z");
  });

  it("keeps an unparseable date in extra rather than losing the article", () => {
    const draft = recordToDraft({ ...base, date: "أمس" }, OPTIONS);
    expect(draft.publishedAt).toBeNull();
    expect(draft.fetchedAt).toBe(OPTIONS.now);
    expect(draft.extra.date_unparsed).toBe("أمس");
  });

  it("gives equal content hashes to texts that differ only in tashkeel and hamza seats", () => {
    const a = recordToDraft({ ...base, text: "قالَ المسؤول" }, OPTIONS);
    const b = recordToDraft({ ...base, text: "قال  المسئول" }, OPTIONS);
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).not.toBe("");
  });

  it.each([
    ["not an object", [1, 2], "expected a JSON object"],
    ["null", null, "expected a JSON object"],
    ["no url", { ...base, url: undefined }, '"url" is missing'],
    ["a relative url", { ...base, url: "/news/1" }, "not an absolute http(s) URL"],
    ["a javascript: url", { ...base, url: "javascript:alert(1)" }, "not an absolute http(s) URL"],
    ["nothing to show", { ...base, title: "", text: " " }, "both empty"],
    ["a numeric title", { ...base, title: 5 }, '"title" must be a string'],
    ["an object id", { ...base, id: { x: 1 } }, '"id" must be a string or an integer'],
    [
      "a text over MAX_TEXT_CHARS before its residue is stripped",
      { ...base, text: `${"ب ".repeat(999_995)}طباعة | واتساب` },
      '"text" is longer than',
    ],
  ])("rejects a record with %s, naming the problem", (_why, record, message) => {
    try {
      recordToDraft(record, OPTIONS);
      expect.unreachable();
    } catch (err) {
      expect(isAkhbarError(err, "import.bad_record")).toBe(true);
      expect((err as Error).message).toContain(message);
    }
  });
});

describe("toIsoTime", () => {
  it.each([
    [
      "an offset-less time takes the default offset",
      "2015-07-21T02:16:13",
      "+03:00",
      "2015-07-20T23:16:13.000Z",
    ],
    ["a space separator is accepted", "2015-07-21 02:16:13", "Z", "2015-07-21T02:16:13.000Z"],
    ["an explicit offset wins", "2015-07-21T02:16:13+02:00", "+03:00", "2015-07-21T00:16:13.000Z"],
    ["a bare date is midnight", "2015-07-21", "Z", "2015-07-21T00:00:00.000Z"],
    ["RFC 822 dates from feeds parse", "Tue, 21 Jul 2015 02:16:13 GMT", "Z", "2015-07-21T02:16:13.000Z"],
  ])("%s", (_why, input, offset, expected) => {
    expect(toIsoTime(input, offset)).toBe(expected);
  });

  it("returns null for nonsense and for absurd years", () => {
    expect(toIsoTime("soon", "Z")).toBeNull();
    expect(toIsoTime("0001-01-01", "Z")).toBeNull();
  });
});
