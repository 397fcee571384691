import { describe, expect, it } from "vitest";
import { extractArticle } from "./extract-article.ts";
import { parseHtml } from "./parse-html.ts";
import { bestSrcsetCandidate, IMAGE_MIN_SIDE_PX, imageSource } from "./select-body-images.ts";

const PARAGRAPH =
  "أعلنت الوزارة اليوم عن خطة جديدة لتطوير الخدمات في المحافظات، وقال المتحدث باسمها إن التنفيذ يبدأ الشهر المقبل.";
const URL = "https://news.example/2024/story.html";

function bodyHtml(article: string): string {
  return extractArticle(`<html lang="ar"><body>${article}</body></html>`, { url: URL }).html;
}

function imageSources(html: string): string[] {
  return [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
}

describe("imageSource", () => {
  const rows: { name: string; img: string; expected: string | null }[] = [
    { name: "a plain src", img: '<img src="/a.jpg">', expected: "/a.jpg" },
    {
      name: "a lazy-load attribute over the placeholder in src",
      img: '<img src="/grey.gif" data-src="/real.jpg">',
      expected: "/real.jpg",
    },
    {
      name: "data-lazy-src (WordPress lazy-load plugins)",
      img: '<img data-lazy-src="/w.jpg">',
      expected: "/w.jpg",
    },
    { name: "data-original (jQuery lazyload)", img: '<img data-original="/j.jpg">', expected: "/j.jpg" },
    {
      name: "the widest srcset candidate when src is a data: placeholder",
      img: '<img src="data:image/gif;base64,R0lGOD" srcset="/s.jpg 300w, /l.jpg 1200w, /m.jpg 800w">',
      expected: "/l.jpg",
    },
    {
      name: "a picture source's srcset when the img has no address",
      img: '<picture><source srcset="/p-1x.webp 1x, /p-2x.webp 2x"><img alt="x"></picture>',
      expected: "/p-2x.webp",
    },
    { name: "nothing for a data: URI alone", img: '<img src="data:image/png;base64,iVBOR">', expected: null },
  ];
  for (const row of rows) {
    it(`reads ${row.name}`, () => {
      let img = null;
      const stack = [parseHtml(row.img).root];
      while (stack.length > 0 && img === null) {
        const el = stack.pop()!;
        if (el.tag === "img") img = el;
        for (const c of el.children) if (c.type === "element") stack.push(c);
      }
      expect(imageSource(img!)).toBe(row.expected);
    });
  }
});

describe("bestSrcsetCandidate", () => {
  it("counts a candidate without descriptor as 1x and prefers width descriptors", () => {
    expect(bestSrcsetCandidate("a.jpg, b.jpg 2x")).toBe("b.jpg");
    expect(bestSrcsetCandidate("a.jpg 3x, b.jpg 640w")).toBe("b.jpg");
    expect(bestSrcsetCandidate("https://cdn.test/a,b.jpg 100w, https://cdn.test/c.jpg 200w")).toBe(
      "https://cdn.test/c.jpg",
    );
    expect(bestSrcsetCandidate("")).toBeNull();
  });
});

describe("selectBodyImages through extractArticle", () => {
  it("keeps the lead figure with its caption and an in-body photo, resolved against the page URL", () => {
    const html = bodyHtml(`<article><h1>عنوان</h1>
      <figure><img src="/img/lead.jpg" alt="الوزير" width="800" height="450"><figcaption>الوزير خلال المؤتمر</figcaption></figure>
      <p>${PARAGRAPH}</p><img src="//cdn.news.example/in.jpg"><p>${PARAGRAPH} تابع.</p></article>`);
    expect(html).toContain(
      '<figure><img src="https://news.example/img/lead.jpg" alt="الوزير" width="800" height="450"><figcaption>الوزير خلال المؤتمر</figcaption></figure><p>',
    );
    expect(imageSources(html)).toEqual([
      "https://news.example/img/lead.jpg",
      "https://cdn.news.example/in.jpg",
    ]);
    // The photo stands between the two paragraphs, where the page has it.
    expect(html.indexOf("in.jpg")).toBeGreaterThan(html.indexOf("المقبل.</p>"));
  });

  it("writes a kept caption paragraph inside its figure instead of after it", () => {
    const caption = "صورة أرشيفية للوزارة في العاصمة خلال افتتاح المبنى الجديد الذي يضم الإدارات كلها.";
    const a = extractArticle(
      `<body><article><p>${PARAGRAPH}</p><figure><img src="/b.jpg"><figcaption><p>${caption}</p></figcaption></figure><p>${PARAGRAPH} تابع.</p></article></body>`,
      { url: URL },
    );
    expect(a.paragraphs).toContain(caption);
    expect(a.html).toContain(
      `<figure><img src="https://news.example/b.jpg" alt=""><figcaption>${caption}</figcaption></figure>`,
    );
    expect(a.html).not.toContain(`<p>${caption}</p>`);
  });

  it("drops images of read-also inserts, related lists, bylines and the tail after the story", () => {
    const html = bodyHtml(`<article><h1>عنوان</h1>
      <div class="byline-box"><img src="/people/writer.jpg"><span>كتب: أحمد علي</span></div>
      <p>${PARAGRAPH}</p>
      <div class="insert"><img src="/other-story.jpg"><p>اقرأ أيضاً: خبر آخر عن الوزارة</p></div>
      <p>${PARAGRAPH} تابع.</p>
      <div><img src="/tail.jpg"><a href="/x">خبر ذو صلة</a></div></article>`);
    expect(imageSources(html)).toEqual([]);
  });

  it("drops pixels, small icons, logos, sprites, avatars and non-http addresses", () => {
    const small = IMAGE_MIN_SIDE_PX - 1;
    const html = bodyHtml(`<article><p>${PARAGRAPH}</p>
      <img src="https://t.example/p.gif" width="1" height="1">
      <img src="/share.png" width="${small}">
      <img src="/assets/site-logo.png"><img class="social-icon" src="/fb.png"><img src="/img/sprites/all.png">
      <img class="authorAvatar" src="/u/1.jpg"><img src="data:image/png;base64,iVBOR"><img src="javascript:alert(1)">
      <img src="ftp://files.example/a.jpg">
      <p>${PARAGRAPH} تابع.</p></article>`);
    expect(imageSources(html)).toEqual([]);
  });

  it("keeps one copy of an image the page shows twice", () => {
    const html = bodyHtml(
      `<article><img src="/a.jpg"><p>${PARAGRAPH}</p><img src="https://news.example/a.jpg"><p>${PARAGRAPH} تابع.</p></article>`,
    );
    expect(imageSources(html)).toEqual(["https://news.example/a.jpg"]);
  });

  it("never changes the plain text: images and captions reach the HTML only", () => {
    const page = (withImages: boolean) =>
      `<body><article><h1>عنوان</h1>${withImages ? '<figure><img src="/l.jpg"><figcaption>تعليق الصورة</figcaption></figure>' : ""}<p>${PARAGRAPH}</p>${withImages ? '<img data-src="/m.jpg">' : ""}<p>${PARAGRAPH} تابع.</p></article></body>`;
    const without = extractArticle(page(false), { url: URL });
    const withImages = extractArticle(page(true), { url: URL });
    expect(withImages.text).toBe(without.text);
    expect(imageSources(withImages.html)).toHaveLength(2);
  });

  it("resolves nothing relative without a page URL", () => {
    const a = extractArticle(
      `<body><article><img src="/a.jpg"><p>${PARAGRAPH}</p><p>${PARAGRAPH} تابع.</p></article></body>`,
    );
    expect(a.html).not.toContain("<img");
  });
});
