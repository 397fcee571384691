// biome-ignore lint/style/noRestrictedImports: the golden test reads testdata; the stage itself stays pure.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cpuMsOf } from "../../../test/fixtures/cpu-time.ts";
import { AkhbarError } from "../../domain/errors.ts";
import { decodeHtml } from "./decode-html.ts";
import { extractArticle } from "./extract-article.ts";

const GOLDEN_DIR = join(import.meta.dirname, "..", "..", "..", "testdata", "extract");

const PARAGRAPH =
  "أعلنت الوزارة اليوم عن خطة جديدة لتطوير الخدمات في المحافظات، وقال المتحدث باسمها إن التنفيذ يبدأ الشهر المقبل.";

function page(body: string, head = ""): string {
  return `<html lang="ar" dir="rtl"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

describe("extractArticle golden pages", () => {
  const cases = readdirSync(GOLDEN_DIR).filter((d) => existsSync(join(GOLDEN_DIR, d, "source.html")));
  for (const name of cases) {
    it(`extracts the reviewed text, metadata and body HTML of ${name}`, () => {
      const dir = join(GOLDEN_DIR, name);
      const expectedMeta = JSON.parse(readFileSync(join(dir, "expected-metadata.json"), "utf8"));
      const { text: html } = decodeHtml(readFileSync(join(dir, "source.html")));
      const article = extractArticle(html, expectedMeta.url === null ? {} : { url: expectedMeta.url });
      expect(`${article.text}\n`).toBe(readFileSync(join(dir, "expected.txt"), "utf8"));
      expect(article.title).toBe(expectedMeta.title);
      expect(article.byline).toBe(expectedMeta.byline);
      expect(article.publishedAt).toBe(expectedMeta.publishedAt);
      expect(article.citedSource).toBe(expectedMeta.citedSource);
      expect(article.siteName).toBe(expectedMeta.siteName);
      expect(article.canonicalUrl).toBe(expectedMeta.canonicalUrl);
      // Cases added before the body HTML was reviewed have no expected.html.
      const expectedHtml = join(dir, "expected.html");
      if (existsSync(expectedHtml)) expect(`${article.html}\n`).toBe(readFileSync(expectedHtml, "utf8"));
    });
  }
});

describe("extractArticle", () => {
  it("removes every spelling of an in-body read-also insert", () => {
    const spellings = [
      "اقرأ أيضًا.. خبر آخر",
      "إقرأ أيضاً: خبر آخر",
      "اقرأ أيضا – خبر آخر",
      "إقـــرا أيـضـا ... خبر آخر",
    ];
    for (const insert of spellings) {
      const a = extractArticle(
        page(`<article><h1>عنوان</h1><p>${PARAGRAPH}</p><p>${insert}</p><p>${PARAGRAPH} تابع.</p></article>`),
      );
      expect(a.text).not.toContain("خبر آخر");
      expect(a.removed.some((r) => r.kind === "read_also")).toBe(true);
    }
  });

  it("drops a related list, share bar, view counter and comments around the story", () => {
    const a = extractArticle(
      page(`<article><h1>عنوان الخبر</h1><div>1200 مشاهدة</div><div class="share">شارك</div>
        <p>${PARAGRAPH}</p><p>${PARAGRAPH} وأضاف.</p><h3>مقالات ذات صلة</h3><ul><li><a href="/1">خبر أول</a></li><li><a href="/2">خبر ثان</a></li></ul>
        <div id="comments"><p>تعليق طويل من أحد القراء على الخبر يعبر فيه عن رأيه بالتفصيل في الخطة الجديدة.</p></div></article>`),
    );
    expect(a.paragraphs).toHaveLength(2);
    expect(a.text).not.toContain("مشاهدة");
    expect(a.text).not.toContain("خبر أول");
    expect(a.text).not.toContain("تعليق طويل");
  });

  it("drops a comment notice after the story together with the welcome line its wrapper opens with", () => {
    const a = extractArticle(
      page(`<div><h1>عنوان الخبر</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH} وأضاف.</p><p>${PARAGRAPH} وختم.</p>
        <div><p>ترحب الصحيفة بالنقاش الحيوي والمفيد، وننصحك بمراجعة إرشادات الاستخدام قبل أن تكتب تعليقك على هذا الخبر.</p>
        <p>الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.</p></div>
        <div class="fb-comments"></div></div>`),
    );
    expect(a.paragraphs).toHaveLength(3);
    expect(a.text).not.toContain("ترحب");
    expect(a.removed.filter((r) => r.kind === "comments")).toHaveLength(2);
  });

  it("keeps a short story that shares its wrapper with a comment disclaimer", () => {
    const a = extractArticle(
      page(`<div><h1>عنوان الخبر</h1><div><p>${PARAGRAPH}</p><p>${PARAGRAPH} وأضاف.</p>
        <p>الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.</p></div></div>`),
    );
    expect(a.paragraphs).toEqual([PARAGRAPH, `${PARAGRAPH} وأضاف.`]);
  });

  it("reads a story written only inside <noscript> when nothing else on the page holds one", () => {
    const story = `<p>${PARAGRAPH}</p><p>${PARAGRAPH} وأضاف.</p><p>${PARAGRAPH} وختم.</p>`;
    const a = extractArticle(
      page(`<div class="widget Blog"><script type="text/template">${story}</script><noscript>${story}</noscript></div>
        <div class="sidebar"><a href="/a">أرشيف</a></div>`),
    );
    expect(a.paragraphs).toEqual([PARAGRAPH, `${PARAGRAPH} وأضاف.`, `${PARAGRAPH} وختم.`]);
  });

  it("leaves <noscript> text out when the page has a story of its own", () => {
    const a = extractArticle(
      page(
        `<article><p>${PARAGRAPH}</p><noscript><p>فعّل جافاسكربت لتشاهد التعليقات على هذا الخبر وتشارك فيها مع القراء الآخرين.</p></noscript></article>`,
      ),
    );
    expect(a.paragraphs).toEqual([PARAGRAPH]);
  });

  it("drops share and print buttons and the author bio under an English story", () => {
    const story =
      "Exercising regularly can improve symptoms of mild to moderate depression, a review of many studies suggests.";
    const a = extractArticle(
      `<html lang="en"><body><article><h1>Exercise and mood</h1><div>Share</div><div>Print This Page</div>
        <p>${story}</p><p>${story} More.</p><h3>About the Author</h3><p>Jane Doe is the executive editor of the newsletter and writes about health.</p></article></body></html>`,
    );
    expect(a.paragraphs).toEqual([story, `${story} More.`]);
  });

  it("reads title, date, byline, cited source, canonical URL and direction", () => {
    const a = extractArticle(
      page(
        `<article><h1>الحكومة تقر الموازنة</h1><div>كتب: أحمد علي</div><p>الرياض (واس) - ${PARAGRAPH}</p></article>`,
        '<title>الحكومة تقر الموازنة | صحيفة الغد</title><meta property="og:site_name" content="صحيفة الغد"><link rel="canonical" href="/a/1"><meta property="article:published_time" content="2024-03-01T09:00:00+03:00">',
      ),
      { url: "https://alghad.example/x?utm=1" },
    );
    expect(a.title).toBe("الحكومة تقر الموازنة");
    expect(a.byline).toBe("أحمد علي");
    expect(a.publishedAt).toBe("2024-03-01T09:00:00+03:00");
    expect(a.citedSource).toBe("واس");
    expect(a.canonicalUrl).toBe("https://alghad.example/a/1");
    expect(a.direction).toBe("rtl");
    expect(a.language).toBe("ar");
    expect(a.html).toContain('dir="rtl"');
  });

  it("reads a declared author that is an agency credit as the cited source, not a byline", () => {
    const a = extractArticle(
      page(
        `<article><h1>الحكومة تقر الموازنة</h1><p>${PARAGRAPH}</p></article>`,
        '<meta name="author" content="واس - الرياض"><meta property="og:title" content="الحكومة تقر الموازنة">',
      ),
      { url: "https://paper.example/a/1" },
    );
    expect([a.byline, a.citedSource]).toEqual([null, "واس"]);
  });

  it("takes the byline from a header element marked as the author, without its dateline city", () => {
    const a = extractArticle(
      page(
        `<article><h1>الحكومة تقر الموازنة</h1><span class="articleUser">سوهاج – منى عبد الرحمن السيد</span><div class="clr"></div><div class="content"><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div></article>`,
      ),
    );
    expect(a.byline).toBe("منى عبد الرحمن السيد");
  });

  it("ignores a declared author the page never shows (a CMS account) and keeps one it shows", () => {
    const body = `<article><h1>الحكومة تقر الموازنة</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article>`;
    const hidden = extractArticle(page(body, '<meta name="author" content="Karim benali">'));
    expect(hidden.byline).toBeNull();
    const shown = extractArticle(
      page(
        body.replace("</h1>", "</h1><div>سارة الخطيب</div>"),
        '<meta name="author" content="سارة الخطيب">',
      ),
    );
    expect(shown.byline).toBe("سارة الخطيب");
  });

  it("reads the headline with the quotes og:title dropped, and the title part the page shows alone", () => {
    const quoted = extractArticle(
      page(
        `<article><h1>&quot;موسم حار&quot;… الأرصاد تحذر من موجة جديدة</h1><p>${PARAGRAPH}</p></article>`,
        '<meta property="og:title" content="موسم حار… الأرصاد تحذر من موجة جديدة">',
      ),
    );
    expect(quoted.title).toBe('"موسم حار"… الأرصاد تحذر من موجة جديدة');
    const prefixed = extractArticle(
      page(
        `<div class="main_title"><span id="title">الأرصاد تحذر من موجة حر جديدة</span></div><div><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div>`,
        "<title>صحيفة المساء - الأرصاد تحذر من موجة حر جديدة</title>",
      ),
      { url: "https://almasaa.example/view?id=1" },
    );
    expect(prefixed.title).toBe("الأرصاد تحذر من موجة حر جديدة");
  });

  it("reads meta title when og:title is empty and <title> is only the site's name", () => {
    const a = extractArticle(
      page(
        `<div><h3>الأمن: ضبط شبكة احتيال إلكتروني</h3><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div>`,
        '<title>وكالة الأنباء</title><meta property="og:title" content=""><meta name="title" content="الأمن: ضبط شبكة احتيال إلكتروني">',
      ),
    );
    expect(a.title).toBe("الأمن: ضبط شبكة احتيال إلكتروني");
  });

  it("reads a visible date written with slashes around the month name", () => {
    const a = extractArticle(
      page(
        `<article><h1>عنوان الخبر</h1><div>الأربعاء 18/مارس/2020 - 02:30 م</div><p>${PARAGRAPH}</p></article>`,
      ),
    );
    expect(a.publishedAt).toBe("2020-03-18");
  });

  it("reads a visible Arabic date with Arabic-Indic digits when no metadata has one", () => {
    const a = extractArticle(
      page(`<article><h1>عنوان</h1><div>الثلاثاء ١٤ يناير ٢٠٢٠</div><p>${PARAGRAPH}</p></article>`),
    );
    expect(a.publishedAt).toBe("2020-01-14");
  });

  it("never lets script content or handlers into the sanitized HTML", () => {
    const a = extractArticle(
      page(
        `<article><p onclick="x()">${PARAGRAPH}<script>alert(1)</script><img src=x onerror=alert(1)></p></article>`,
      ),
    );
    expect(a.html).not.toContain("script");
    expect(a.html).not.toContain("onerror");
  });

  it("keeps a paragraph's links (absolute) and emphasis, and writes a paragraph with a removed insert as text", () => {
    const a = extractArticle(
      page(
        `<article><p>${PARAGRAPH} <a href="/news/2" onclick="x()">الخبر السابق</a> و<strong>تفاصيل</strong></p>` +
          `<p>${PARAGRAPH} <span style="display:none">مخفي</span> <a href="javascript:alert(1)">هنا</a></p></article>`,
      ),
      { url: "https://alghad.example/news/1" },
    );
    expect(a.html).toContain(
      '<a href="https://alghad.example/news/2" rel="noopener noreferrer">الخبر السابق</a>',
    );
    expect(a.html).toContain("<strong>تفاصيل</strong>");
    expect(a.html).not.toContain("onclick");
    expect(a.html).not.toContain("javascript");
    // The hidden span is not part of the block, so that paragraph is written as its text.
    expect(a.html).not.toContain("مخفي");
    expect(a.html).toContain("المقبل. هنا</p>");
  });
});

describe("extractArticle container choice", () => {
  it("reads a Chinese story whose paragraphs are short in characters", () => {
    const zh = "香港行政长官在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向民众道歉。";
    const a = extractArticle(
      `<html><body><div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div><div><p>请使用最新的浏览器，以获得最佳浏览效果。</p></div><div class="story"><p>${zh}</p><p>${zh}</p><p>${zh}</p></div></body></html>`,
    );
    expect(a.paragraphs).toEqual([zh, zh, zh]);
  });

  it("keeps a story whose wrapper class also names its footer (topicBodyAndFooter)", () => {
    const a = extractArticle(
      page(
        `<div class="topicBodyAndFooter"><p>${PARAGRAPH}</p><p>${PARAGRAPH} وأضاف.</p><p>${PARAGRAPH} وتابع.</p></div>`,
      ),
    );
    expect(a.paragraphs).toHaveLength(3);
  });

  it("answers a page of short lines only with those lines instead of extract.no_content", () => {
    const a = extractArticle(
      page(`<div><h2>تحقق من أنك لست روبوتا</h2><div>اضغط مطولا على الزر</div></div>`),
    );
    expect(a.text).toContain("اضغط مطولا على الزر");
  });

  it("drops a block that is only markup written as text", () => {
    const a = extractArticle(
      page(
        `<article><p>&lt;img height="1" width="1" src="https://pixel.example/p"/&gt;</p><p>${PARAGRAPH}</p></article>`,
      ),
    );
    expect(a.text).not.toContain("<img");
    expect(a.removed.some((r) => r.kind === "markup")).toBe(true);
  });

  it("takes the story out of a wrapper that also holds a login modal and the next story's teaser", () => {
    const a = extractArticle(
      page(`<div class="wrap"><div class="story"><p>${PARAGRAPH}</p><p>${PARAGRAPH} وأضاف.</p><p>${PARAGRAPH} وتابع.</p><p>${PARAGRAPH} وختم.</p></div>
        <div class="next-up"><p>قصة أخرى عن موضوع مختلف تماما يقرؤها الزوار بعد هذا الخبر في الموقع نفسه.</p></div></div>`),
    );
    expect(a.paragraphs).toHaveLength(4);
    expect(a.text).not.toContain("قصة أخرى");
  });
});

describe("extractArticle on hostile input", () => {
  const expectCode = (fn: () => unknown, code: string): void => {
    try {
      fn();
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AkhbarError);
      expect((err as AkhbarError).code).toBe(code);
    }
  };

  it("refuses a 50 MB page with extract.too_large at once", () => {
    const page = `<p>${"أ".repeat(50 * 1024 * 1024)}</p>`;
    expect(cpuMsOf(() => expectCode(() => extractArticle(page), "extract.too_large"))).toBeLessThan(2000);
  });

  it("answers 100k nested elements with extract.too_deep quickly, without a stack overflow", () => {
    const html = `${"<div>".repeat(100_000)}<p>${PARAGRAPH}</p>${"</div>".repeat(100_000)}`;
    expect(cpuMsOf(() => expectCode(() => extractArticle(html), "extract.too_deep"))).toBeLessThan(1000);
  });

  it("answers 100k unclosed inline elements with extract.too_deep", () => {
    expectCode(() => extractArticle(`<p>${"<span><b>".repeat(50_000)}${PARAGRAPH}`), "extract.too_deep");
  });

  it("extracts text from under 5,000 nested elements, past the tree depth cap", () => {
    const html = `${"<div>".repeat(5_000)}<p>${PARAGRAPH}</p>${"</div>".repeat(5_000)}`;
    expect(extractArticle(html).text).toContain("أعلنت الوزارة");
  });

  it("answers binary garbage with an error, never a crash", () => {
    let seed = 42;
    const chars: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      chars.push(String.fromCharCode(seed & 0xffff));
    }
    const result = (() => {
      try {
        return extractArticle(chars.join(""));
      } catch (err) {
        return err;
      }
    })();
    if (result instanceof Error) expect(result).toBeInstanceOf(AkhbarError);
  });

  it("decodes a page with broken UTF-8 through the fallback instead of failing", () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(page(`<p>${PARAGRAPH}</p>`)),
      0xff,
      0xfe,
      0x80,
    ]);
    const { text } = decodeHtml(bytes);
    expect(() => extractArticle(text)).not.toThrow();
  });

  it("answers a page with no article with extract.no_content", () => {
    const nav = Array.from({ length: 50 }, (_, i) => `<li><a href="/s/${i}">قسم ${i}</a></li>`).join("");
    expectCode(
      () => extractArticle(page(`<nav><ul>${nav}</ul></nav><div><a href="/">الرئيسية</a></div>`)),
      "extract.no_content",
    );
    expectCode(() => extractArticle(""), "extract.no_content");
  });

  it("handles a 5 MB page of many paragraphs in bounded time", () => {
    const html = page(`<article>${`<p>${PARAGRAPH}</p>`.repeat(20_000)}</article>`);
    // CPU time of this test process (vitest runs each file in its own fork): other jobs on a loaded machine
    // stretch the wall clock, not the work done.
    const started = process.cpuUsage();
    const a = extractArticle(html);
    expect(a.paragraphs.length).toBe(20_000);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(4000);
  });
});
