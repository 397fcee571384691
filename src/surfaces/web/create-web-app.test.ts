import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  type FixtureApp,
  openFixtureApp,
  SIMILAR_RECORDS,
} from "../../../test/web/fixture-app.ts";
import type { SqliteStorage } from "../../adapters/sqlite/open-sqlite-storage.ts";
import { createWebApp } from "./create-web-app.ts";
import { DATE_FORMAT_HINT } from "./reader-error-message.ts";

let f: FixtureApp;

beforeAll(async () => {
  f = await openFixtureApp({
    extra: SIMILAR_RECORDS,
  });
  // Hostile fields written straight to the store, past import's validation, as a compromised source could.
  (f.storage as SqliteStorage).db
    .prepare("UPDATE articles SET title = ?, url = ?, text = ? WHERE id = 'fx-003'")
    .run(
      "<script>alert(1)</script> \u202egpj.exe عنوان",
      "javascript:alert(1)",
      'نص <img src=x onerror="alert(1)"> وسوم',
    );
});
afterAll(() => f.close());

const page = async (path: string, init?: RequestInit) => {
  const res = await f.app.request(path, init);
  return { res, status: res.status, body: await res.text() };
};
const q = encodeURIComponent;

describe("reader pages", () => {
  it("serves the home page as an RTL Arabic document with top stories and filters", async () => {
    const { status, body, res } = await page("/");
    expect(status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(body).toContain('<html lang="ar" dir="rtl" data-time-zone="Asia/Riyadh">');
    expect(body).toContain("أهم الأخبار");
    // Story ids come from clustering: every top story is a linked headline.
    const top = JSON.parse((await page("/api/stories?limit=3")).body).stories as { id: string }[];
    for (const story of top) expect(body).toContain(`<h2 dir="rtl"><a href="/story/${story.id}">`);
    expect(body).toContain('name="source"');
    expect(body).toContain('rel="alternate" type="application/rss+xml"');
  });

  it("says the list ended, not that nothing was imported, on a page past the last story", async () => {
    const { status, body } = await page("/?offset=9980");
    expect(status).toBe(200);
    expect(body).toContain("<title>أهم الأخبار — الصفحة 500 — أخبار</title>");
    expect(body).toContain("لا قصص في هذه الصفحة");
    expect(body).not.toContain("لم تُستورد أي مقالات بعد");
  });

  it("filters the home page by outlet and says so when a filter matches nothing", async () => {
    const sabq = await page("/?source=sabq");
    expect(sabq.body).toContain("/story/fx-005");
    expect(sabq.body).not.toContain("/story/fx-001");
    // Heading and document title name the outlet shown.
    expect(sabq.body).toContain("<h1>أهم الأخبار في «<bdi>سبق</bdi>»</h1>");
    expect(sabq.body).toContain("<title>أهم الأخبار في «سبق» — أخبار</title>");
    // A later page of a past day: its feeds carry the outlet's newest stories, and are named so.
    const later = await page("/?source=sabq&day=2015-07-26&offset=20");
    expect(later.body).toContain("<title>أهم أخبار الأحد، 26 يوليو 2015 في «سبق» — الصفحة 2 — أخبار</title>");
    expect(later.body).toContain('title="أهم الأخبار في «سبق»" href="/feeds/top.rss?source=sabq"');
    // Filtered by country, it offers that country's feed (it offered every outlet's, named as every outlet's).
    expect((await page("/?country=sa")).body).toContain(
      'title="أهم الأخبار من مصادر المملكة العربية السعودية" href="/feeds/top.rss?country=SA"',
    );
    const none = await page("/?country=ZZ");
    expect(none.status).toBe(200);
    expect(none.body).toContain("لا مقالات لهذا الاختيار");
  });

  it("answers a bad paging parameter with a 400 page in Arabic naming it, with the stable code", async () => {
    const { status, body } = await page("/?offset=abc");
    expect(status).toBe(400);
    expect(body).toContain("«موضع الصفحة (offset)» في الرابط يجب أن يكون عددًا صحيحًا.");
    expect(body).toContain('<code dir="ltr">web.bad_param</code>');
    expect(body).not.toContain("must be");
  });

  it("shows a story with its coverage, timeline and outlets", async () => {
    const { status, body } = await page("/story/fx-002");
    expect(status).toBe(200);
    expect(body).toContain("أميركا والخليج: شراكة اقتصادية");
    expect(body).toContain('<svg class="chart"');
    expect(body).toContain('href="/feeds/story/fx-002.rss"');
  });

  it("shows an article with publisher, Arabic dates, the original link and similar articles", async () => {
    const { status, body } = await page("/article/fx-002");
    expect(status).toBe(200);
    expect(body).toContain("الناشر:");
    expect(body).toMatch(/<time datetime="2015-07-22T[^"]+">22 يوليو 2015/);
    expect(body).toContain('href="http://aawsat.example/home/article/2" rel="noopener noreferrer nofollow"');
    expect(body).toContain("مقالات مشابهة");
    // Whatever clustering decides, the page links every article of the related API's similar list.
    const related = JSON.parse((await page("/api/articles/fx-002/related")).body) as {
      similar: { id: string }[];
    };
    expect(related.similar.length).toBeGreaterThan(0);
    for (const a of related.similar) expect(body).toContain(`href="/article/${a.id}"`);
  });

  it("says which article a copy was copied from and lists its story's other reports", async () => {
    const copy = await page("/article/fx-008");
    // alyaum's copy of aawsat's text credits nobody: aawsat printed it first, which is all the page can say.
    expect(copy.body).toContain('نُشر النص نفسه أولاً في <a href="/article/fx-002">');
    const original = await page("/article/fx-002");
    expect(original.body).not.toContain("منقول عن");
    expect(original.body).not.toContain("نُشر النص نفسه أولاً");
    // The original's page names the outlet that printed its text again.
    expect(original.body).toContain('<h2 id="same-text-h">النص نفسه في</h2>');
    expect(original.body).toMatch(/id="same-text-h"[\s\S]*href="\/article\/fx-008"/);
    const story = JSON.parse((await page("/api/stories/fx-002")).body) as {
      id: string;
      articles: { id: string; duplicate_of: string | null }[];
    };
    const others = story.articles.filter((a) => a.id !== "fx-002" && a.duplicate_of === null);
    expect(others.length).toBeGreaterThan(0);
    const aside = original.body.slice(original.body.indexOf('id="article-coverage-h"'));
    for (const a of others) expect(aside).toContain(`href="/article/${a.id}"`);
    // Its own copies are not other coverage.
    expect(aside.slice(0, aside.indexOf('id="similar-h"'))).not.toContain('href="/article/fx-008"');
    expect(aside).toContain(`<a href="/story/${story.id}">كل تغطية القصة (`);
  });

  it("lists the dates an article gives against its publish date, with the day meant", async () => {
    const { body } = await page("/article/fx-001");
    expect(body).toContain("تواريخ في الخبر");
    expect(body).toContain(
      '<li><bdi>اليوم</bdi>: <time datetime="2015-07-21">الثلاثاء، 21 يوليو 2015</time></li>',
    );
  });

  it("escapes source fields and never links a javascript: URL", async () => {
    const { body } = await page("/article/fx-003");
    expect(body).not.toContain("<script>alert");
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body).not.toContain('href="javascript:');
    // Mostly Latin letters (the injected markup), so laid out left to right.
    expect(body).toContain('<h1 id="article-title" dir="ltr">&lt;script&gt;');
    expect(body).not.toContain("<img");
  });

  it("renders an article's stored sanitized HTML without its third-party images", async () => {
    const db = (f.storage as SqliteStorage).db;
    db.prepare("UPDATE articles SET html = ? WHERE id = 'fx-004'").run(
      '<p>فقرة <b>مهمة</b></p><img src="http://x.example/a.jpg">',
    );
    const { body } = await page("/article/fx-004");
    expect(body).toContain("<p>فقرة <b>مهمة</b></p>");
    expect(body).not.toContain("x.example/a.jpg");
  });

  it("shows the body's images lazily, with an https image policy, when the reader is set to show remote images", async () => {
    const db = (f.storage as SqliteStorage).db;
    db.prepare("UPDATE articles SET html = ? WHERE id = 'fx-004'").run(
      '<figure><img src="https://x.example/a.jpg" alt="صورة" width="800" height="450"><figcaption>تعليق</figcaption></figure><p>فقرة</p>',
    );
    const app = createWebApp({ storage: f.storage, adminToken: null, rateLimit: false, remoteImages: true });
    const res = await app.request("/article/fx-004");
    const body = await res.text();
    expect(body).toContain(
      '<figure><img loading="lazy" decoding="async" src="https://x.example/a.jpg" alt="صورة" width="800" height="450"><figcaption>تعليق</figcaption></figure>',
    );
    expect(res.headers.get("content-security-policy")).toContain("img-src 'self' https:;");
    const plain = await page("/article/fx-004");
    expect(plain.body).not.toContain("x.example/a.jpg");
    expect(plain.res.headers.get("content-security-policy")).toContain("img-src 'self';");
  });

  it("lists a republished story once in search results, naming and linking the outlets of its copies", async () => {
    const api = JSON.parse((await page(`/api/search?q=${q("شراكة اقتصادية")}`)).body);
    const folded = api.hits.filter((h: { copies: unknown[] }) => h.copies.length > 0);
    expect(folded.length).toBeGreaterThan(0);
    const [hit] = folded as { id: string; copies: { id: string; source: string }[] }[];
    const listed = api.hits.map((h: { id: string }) => h.id);
    for (const copy of hit!.copies) expect(listed).not.toContain(copy.id);
    const { body } = await page(`/search?q=${q("شراكة اقتصادية")}`);
    expect(body).toContain('<p class="copies-line">نُشر أيضاً في: ');
    expect(body).toContain(`<a href="/article/${hit!.copies[0]!.id}">`);
  });

  it("searches with highlighted snippets, facet counts per outlet and paging", async () => {
    const { status, body } = await page(`/search?q=${q("أمريكا")}`);
    expect(status).toBe(200);
    expect(body).toContain("<mark>");
    expect(body).toMatch(/<h3 dir="rtl"><a href="\/article\/[^"]+"><mark>أميركا<\/mark> والخليج/);
    expect(body).toMatch(
      /<a href="\/search\?q=[^"]*&amp;source=aawsat"[^>]*><bdi>الشرق الأوسط<\/bdi><\/a><span class="count">1<\/span>/,
    );
    const paged = await page(`/search?q=${q("شراكة")}&offset=0`);
    expect(paged.body).toContain("نتائج");
  });

  it("offers best-first and newest-first orders above the results, the chosen one marked and kept in paging", async () => {
    const best = await page(`/search?q=${q("شراكة")}`);
    expect(best.body).toContain('<nav class="sort-choice" aria-label="ترتيب النتائج">');
    expect(best.body).toMatch(
      /<a class="sort-link" href="\/search\?q=[^"]*"[^>]* aria-current="true">الأكثر صلة<\/a>/,
    );
    expect(best.body).toMatch(/<a class="sort-link" href="\/search\?q=[^"]*&amp;sort=date">الأحدث<\/a>/);
    const newest = await page(`/search?q=${q("شراكة")}&sort=date`);
    expect(newest.status).toBe(200);
    expect(newest.body).toMatch(
      /<a class="sort-link" href="\/search\?q=[^"]*&amp;sort=date" aria-current="true">الأحدث<\/a>/,
    );
    expect(newest.body).toContain('<input type="hidden" name="sort" value="date">');
    const api = JSON.parse((await page(`/api/search?q=${q("شراكة")}&sort=date&limit=100`)).body);
    const times = api.hits.map((h: { published_at: string }) => Date.parse(h.published_at));
    expect(times.length).toBeGreaterThan(1);
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const bad = await page(`/api/search?q=${q("شراكة")}&sort=newest`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe("search.bad_param");
    const badPage = await page(`/search?q=${q("شراكة")}&sort=newest`);
    expect(badPage.status).toBe(400);
    expect(badPage.body).toContain("«الترتيب» في الرابط ليس من الخيارات المعروضة.");
  });

  it("searches either word of an OR, highlighted, and refuses a dangling OR as a 400 bad q parameter", async () => {
    const either = JSON.parse((await page(`/api/search?q=${q("بطريق OR أمريكا")}`)).body);
    const alone = JSON.parse((await page(`/api/search?q=${q("أمريكا")}`)).body);
    expect(either.total).toBe(alone.total);
    expect(either.total).toBeGreaterThan(0);
    expect(either.hits[0].title_html).toContain("<mark>");
    const api = await page(`/api/search?q=${q("أمريكا OR")}`);
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body).error.code).toBe("search.bad_param");
    const reader = await page(`/search?q=${q("OR أمريكا")}`);
    expect(reader.status).toBe(400);
    expect(reader.body).toContain("تصل OR بين كلمتين أو عبارتين");
  });

  it("helps when a search finds nothing or has no query yet", async () => {
    const none = await page(`/search?q=${q("بطريق")}&source=sabq`);
    // One word is named, not called "all the words".
    expect(none.body).toContain("لا مقالات تطابق «<bdi>بطريق</bdi>».");
    expect(none.body).not.toContain("كل الكلمات");
    const two = await page(`/search?q=${q("بطريق قطبي")}`);
    expect(two.body).toContain("لا مقالات تطابق كل الكلمات.");
    expect(none.body).toContain("ابحث في كل المصادر وكل التواريخ");
    const empty = await page("/search");
    expect(empty.body).toContain("ابحث كما تكتب");
  });

  it("gives the advice that fits the query when nothing is found", async () => {
    const one = await page(`/search?q=${q("بطريق")}`);
    expect(one.body).toContain("تحقّق من إملاء الكلمة");
    expect(one.body).not.toContain("قلّل عدد الكلمات");
    expect(one.body).not.toContain("علامتي تنصيص");
    const several = await page(`/search?q=${q("بطريق قطبي")}`);
    expect(several.body).toContain("قلّل عدد الكلمات");
    expect(several.body).not.toContain("تحقّق من إملاء الكلمة");
    const phrase = await page(`/search?q=${q('"بطريق قطبي"')}`);
    expect(phrase.body).toContain("علامتي تنصيص");
  });

  it("shows a refused search as a 400 page with the reason in Arabic, never a 500", async () => {
    const bad = await page(`/search?q=x&from=2015-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("تعذّر البحث");
    expect(bad.body).toContain(`«من تاريخ» ليس تاريخًا صحيحًا. اكتبه بالصيغة ${DATE_FORMAT_HINT}.`);
    const nothing = await page(`/search?q=${q('"" - ؟!')}`);
    expect(nothing.status).toBe(400);
    expect(nothing.body).toContain("لم تبقَ في البحث كلمة يُبحث بها");
    // Not the developer message, and no date advice for a query without dates.
    expect(nothing.body).not.toContain("search: ");
    expect(/<div class="error-box"[\s\S]*?<\/div>/.exec(nothing.body)?.[0]).not.toContain("2015-08-01");
  });

  it("cuts an over-long query at a word boundary and says so instead of refusing it", async () => {
    const long = Array.from({ length: 300 }, () => "أمريكا").join(" ");
    const { status, body } = await page(`/search?q=${q(long)}`);
    expect(status).toBe(200);
    expect(body).toContain("فاقتصرنا على أول");
    const echoed = /<input type="search" name="q" value="([^"]*)"/.exec(body)?.[1] ?? "";
    expect(echoed.length).toBeLessThanOrEqual(512);
    expect(echoed.split(" ").every((w) => w === "أمريكا")).toBe(true);
  });

  it("moves source: from the query into the outlet menu; facet links replace the outlet", async () => {
    const { status, body } = await page(`/search?q=${q("أمريكا source:aawsat")}`);
    expect(status).toBe(200);
    expect(body).toContain('<option value="aawsat" selected>');
    expect(body).toContain('<input type="search" name="q" value="أمريكا"');
    // A facet link carries one outlet, never the typed one as well.
    for (const href of body.matchAll(/<li><a href="(\/search\?[^"]*)"[^>]*><bdi>/g))
      expect(href[1]!.match(/source/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(body).toMatch(/في <bdi>الشرق الأوسط<\/bdi><\/h2>/);
  });

  it("shows several outlets as one visible choice: okaz or sabq", async () => {
    const { body } = await page(`/search?q=${q("الرياض source:okaz source:sabq")}`);
    expect(body).toContain('<option value="okaz,sabq" selected>');
    expect(body).toMatch(/في <bdi>[^<]+<\/bdi> أو <bdi>[^<]+<\/bdi><\/h2>/);
  });

  it("reads source:a,b typed in the box as two outlets, selected in the menu, and keeps them on a resubmit", async () => {
    const typed = await page(`/search?q=${q("الرياض source:okaz,SABQ")}`);
    expect(typed.status).toBe(200);
    expect(typed.body).toContain('<option value="okaz,sabq" selected>');
    expect(typed.body).toContain('<input type="search" name="q" value="الرياض"');
    // What the form sends back when submitted as shown.
    const again = await page(`/search?q=${q("الرياض")}&source=${q("okaz,sabq")}`);
    expect(again.body).toContain('<option value="okaz,sabq" selected>');
    expect(again.body).toMatch(/في <bdi>[^<]+<\/bdi> أو <bdi>[^<]+<\/bdi><\/h2>/);
  });

  it("says an outlet id is unknown instead of finding nothing, typed or from the menu", async () => {
    for (const path of [`/search?q=${q("الرياض source:nope")}`, `/search?q=${q("الرياض")}&source=nope`]) {
      const { status, body } = await page(path);
      expect(status, path).toBe(400);
      expect(body, path).toContain("«nope»");
      expect(body, path).toContain('<input type="search" name="q" value="الرياض"');
    }
  });

  it("reads an outlet's Arabic name typed after source: as that outlet", async () => {
    const { status, body } = await page(`/search?q=${q("الرياض source:عكاظ")}`);
    expect(status).toBe(200);
    expect(body).toContain('<option value="okaz" selected>');
    expect(body).toContain('<input type="search" name="q" value="الرياض"');
  });

  it("says a name typed after source: is no outlet it knows on the search page, with the form kept", async () => {
    const { status, body } = await page(`/search?q=${q("الرياض source:مجهولة")}`);
    expect(status).toBe(400);
    expect(body).toContain("«مجهولة»");
    expect(body).toContain('<input type="search" name="q" value="الرياض"');
  });

  it("takes source: out of a query with an unmatched quote, as the parser does: box, menu and links agree", async () => {
    const { status, body } = await page(`/search?q=${q('"أمريكا source:aawsat')}`);
    expect(status).toBe(200);
    expect(body).toContain('<option value="aawsat" selected>');
    expect(body).toContain('<input type="search" name="q" value="&quot;أمريكا"');
    for (const href of body.matchAll(/<a href="(\/search\?[^"]*)"/g))
      expect(href[1]!).not.toContain("source%3A");
  });

  it("lists a source's newest articles for a query that is only source:ID", async () => {
    const { status, body } = await page(`/search?q=${q("source:sabq")}`);
    expect(status).toBe(200);
    expect(body).toContain("أحدث المقالات في");
    expect(body).toContain('<option value="sabq" selected>');
    const hits = [...body.matchAll(/<ul class="meta"><li><bdi>([^<]+)<\/bdi>/g)].map((m) => m[1]);
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits).size).toBe(1);
  });

  it("lists sources with article counts and shows one source with its per-day chart", async () => {
    const list = await page("/sources");
    expect(list.body).toMatch(
      /<bdi>سبق<\/bdi><\/a><\/th>\s*<td data-label="البلد">المملكة العربية السعودية<\/td>\s*<td class="num" data-label="المقالات">3<\/td>/,
    );
    const one = await page("/sources/sabq");
    expect(one.status).toBe(200);
    expect(one.body).toContain("المقالات في اليوم");
    // Its own newest articles, each to its article page; no story card carrying another outlet's headline.
    const latest = one.body.slice(one.body.indexOf('id="latest-h"'), one.body.indexOf('id="perday-h"'));
    expect(latest).toContain('href="/article/fx-006"');
    expect(latest.indexOf('href="/article/fx-006"')).toBeLessThan(latest.indexOf('href="/article/fx-005"'));
    expect(latest).not.toContain('href="/story/');
    expect((await page("/sources/nope")).status).toBe(404);
  });

  it("names the page after the first in the document title of search, story and source pages, as the home page does", async () => {
    const title = async (path: string) => /<title>([^<]*)<\/title>/.exec((await page(path)).body)?.[1];
    expect(await title(`/search?q=${q("أمريكا")}&offset=10`)).toBe("بحث: أمريكا — الصفحة 2 — أخبار");
    expect(await title(`/search?q=${q("أمريكا")}`)).toBe("بحث: أمريكا — أخبار");
    expect(await title("/sources/sabq?offset=10")).toBe("سبق — الصفحة 2 — أخبار");
    const story = JSON.parse((await page("/api/stories?limit=1")).body).stories[0] as {
      id: string;
      headline: string;
    };
    expect(await title(`/story/${story.id}?offset=25`)).toBe(`${story.headline} — الصفحة 2 — أخبار`);
    // The feeds a later page offers are named without its number: they carry the whole list, newest first.
    const feedTitle = async (path: string) =>
      /<link rel="alternate" type="application\/rss\+xml" title="([^"]*)"/.exec((await page(path)).body)?.[1];
    expect(await feedTitle(`/search?q=${q("أمريكا")}&offset=10`)).toBe("بحث: أمريكا");
    expect(await feedTitle("/sources/sabq?offset=10")).toBe("سبق");
    expect(await feedTitle(`/story/${story.id}?offset=25`)).toBe(story.headline);
    // A search page past its results says so and links the last page.
    const past = await page(`/search?q=${q("أمريكا")}&offset=50`);
    expect(past.body).toContain("اذهب إلى الصفحة الأخيرة (1)</a>");
    expect(past.body).toContain(`href="/search?q=${q("أمريكا")}" rel="prev"`);
  });

  it("counts a source's articles per day in Riyadh time, the day printed beside each of them", async () => {
    // A print edition stamped 23:45 UTC is the next morning's paper in Riyadh (2:45): counted per UTC day, the chart
    // put it on the day before the one its card shows, and left the last Riyadh day out.
    const night = (id: string, date: string) => ({
      id,
      source: "nightly",
      url: `http://nightly.example/${id}`,
      title: `طبعة الصباح ${id}`,
      date,
      text: `نص طبعة الصباح رقم ${id} كما نشرتها الصحيفة بعد منتصف الليل بتوقيت الرياض.`,
    });
    const g = await openFixtureApp({
      extra: [night("n-1", "2015-07-31T23:45:00Z"), night("n-2", "2015-08-01T22:30:00Z")],
    });
    try {
      const body = await (await g.app.request("/sources/nightly")).text();
      const bars = [...body.matchAll(/<rect class="bar"[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]);
      // Earliest first, ending on the last article's day.
      expect(bars.slice(-3)).toEqual([
        "31 يوليو 2015: لا مقالات",
        "1 أغسطس 2015: مقال واحد",
        "2 أغسطس 2015: مقال واحد",
      ]);
    } finally {
      await g.close();
    }
  });

  it("answers unknown pages with an HTML 404 and unknown API routes with the JSON error shape", async () => {
    const html = await page("/nothing-here");
    expect(html.status).toBe(404);
    expect(html.body).toContain("الصفحة غير موجودة");
    const json = await page("/api/nothing");
    expect(json.status).toBe(404);
    expect(JSON.parse(json.body)).toEqual({ error: { code: "api.not_found", message: expect.any(String) } });
  });

  it.each([
    ["a search", "POST", "/api/search?q=x"],
    ["a story by id", "DELETE", "/api/stories/fx-001"],
    ["an article's related list", "PUT", "/api/articles/fx-001/related"],
    ["a story's feed", "POST", "/feeds/story/fx-001.rss"],
    ["health", "POST", "/health"],
  ])(
    "answers another method on %s with 405 and the methods it takes, not 'no route'",
    async (_what, method, path) => {
      const res = await f.app.request(path, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("api.method_not_allowed");
    },
  );

  it("still answers a path no route serves with 404 whatever the method", async () => {
    for (const path of ["/api/stories/", "/api/nothing", "/feeds/story/x.xml"]) {
      const res = await f.app.request(path, { method: "POST" });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("api.not_found");
    }
  });

  it("serves hashed static assets with long caching and the fonts locally", async () => {
    const home = await page("/");
    const css = /href="(\/static\/app\.[0-9a-f]+\.css)"/.exec(home.body)?.[1];
    expect(css).toBeDefined();
    const res = await f.app.request(css!);
    expect(res.headers.get("cache-control")).toContain("immutable");
    const text = await res.text();
    expect(text).toContain("font-display: swap");
    expect(text).toContain("size-adjust");
    const font = await f.app.request("/static/fonts/plex-arabic-400.woff2");
    expect(font.status).toBe(200);
    expect(font.headers.get("content-type")).toBe("font/woff2");
  });

  it("links a site icon from every page and serves it at /favicon.ico too", async () => {
    const home = await page("/");
    const icon = /<link rel="icon" href="(\/static\/favicon\.[0-9a-f]+\.svg)"/.exec(home.body)?.[1];
    expect(icon).toBeDefined();
    const res = await f.app.request(icon!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    // The icon itself, never a permanent redirect to a hashed name that a later release drops.
    const ico = await f.app.request("/favicon.ico");
    expect(ico.status).toBe(200);
    expect(ico.headers.get("content-type")).toBe("image/svg+xml");
    expect(await ico.text()).toBe(await res.text());
    expect(ico.headers.get("cache-control")).not.toContain("immutable");
  });

  it("never compresses /admin: its pages carry the anti-forgery token beside reflected text (BREACH)", async () => {
    const res = await f.app.request("/admin", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBeNull();
  });

  it("gzips pages for clients that accept it, and revalidates a compressed asset's weak tag", async () => {
    const plain = await page("/");
    const res = await f.app.request("/", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toContain("Accept-Encoding");
    const zipped = Buffer.from(await res.arrayBuffer());
    expect(gunzipSync(zipped).toString("utf8")).toBe(plain.body);
    expect(zipped.length).toBeLessThan(Buffer.byteLength(plain.body) / 2);
    const css = /href="(\/static\/app\.[0-9a-f]+\.css)"/.exec(plain.body)![1]!;
    const first = await f.app.request(css, { headers: { "Accept-Encoding": "gzip" } });
    const tag = first.headers.get("etag")!;
    expect(tag.startsWith("W/")).toBe(true);
    const again = await f.app.request(css, { headers: { "Accept-Encoding": "gzip", "If-None-Match": tag } });
    expect(again.status).toBe(304);
  });

  it("keeps every page under 100 KB of HTML", async () => {
    for (const path of ["/", "/story/fx-002", "/article/fx-002", `/search?q=${q("أمريكا")}`, "/sources"]) {
      expect(Buffer.byteLength((await page(path)).body)).toBeLessThan(100_000);
    }
  });
});

describe("security headers", () => {
  it("sends a strict CSP without inline scripts and the other hardening headers", async () => {
    const { res, body } = await page("/");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(body).not.toMatch(/<script>(?!<\/script>)/);
    expect(body).not.toMatch(/ style="/);
  });

  it("sends a sandboxing CSP on JSON and feeds", async () => {
    const { res } = await page("/api/stories");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
  });
});

describe("admin", () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    f.app.request(path, {
      method: "POST",
      body: form(fields),
      headers: { "content-type": "application/x-www-form-urlencoded", host: "localhost", ...headers },
    });
  const login = async () => {
    const res = await post("/admin/login", { token: ADMIN_TOKEN });
    expect(res.status).toBe(303);
    const cookie = /akhbar_admin=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
    expect(res.headers.get("set-cookie")).toMatch(/HttpOnly/i);
    expect(res.headers.get("set-cookie")).toMatch(/SameSite=Strict/i);
    const admin = await f.app.request("/admin", { headers: { cookie: cookie! } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await admin.text())?.[1];
    return { cookie: cookie!, csrf: csrf! };
  };

  it("shows a login form and refuses a wrong token", async () => {
    expect((await page("/admin")).body).toContain('name="token"');
    const res = await post("/admin/login", { token: "wrong-token-wrong-token" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("adds a source after login with a valid CSRF token", async () => {
    const { cookie, csrf } = await login();
    const res = await post(
      "/admin/sources",
      { _csrf: csrf, id: "spa", name: "واس", country: "sa" },
      { cookie },
    );
    expect(res.status).toBe(303);
    expect(decodeURIComponent(res.headers.get("location") ?? "")).toContain("أضيف المصدر واس");
    expect(await f.storage.sources.getSource("spa")).toMatchObject({ name: "واس", country: "SA" });

    // The same id again is refused, and the source keeps its name and gains no feed (product review: adding
    // "okaz" renamed عكاظ everywhere and re-pointed its feed).
    const again = await post(
      "/admin/sources",
      {
        _csrf: csrf,
        id: "spa",
        name: "dup",
        homepage: "https://example.com/",
        feed: "https://example.com/rss",
      },
      { cookie },
    );
    const done = new URL(again.headers.get("location") ?? "", "http://localhost").searchParams.get("done");
    expect(done).toBe("!«المعرّف»: مستخدم لمصدر موجود؛ اختر معرّفًا آخر.");
    expect(await f.storage.sources.getSource("spa")).toMatchObject({ name: "واس", homepage: null });
    expect(await f.storage.feeds.getFeedByUrl("https://example.com/rss")).toBeNull();
    // The table lists outlets by the Arabic names it shows.
    const listed = [
      ...(await (await f.app.request("/admin", { headers: { cookie } })).text()).matchAll(
        /data-confirm="إيقاف جلب (.+?)؟"/g,
      ),
    ].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(2);
    expect(listed).toEqual([...listed].sort((a, b) => a.localeCompare(b, "ar")));
    const scripted = await post(
      "/admin/sources",
      { id: "spa", name: "dup" },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    expect(await scripted.json()).toEqual({
      ok: false,
      message: 'admin: the id "spa" is already the source "واس"',
    });
  });

  it("refuses admin actions without a session, without the CSRF token or from another origin", async () => {
    const { cookie, csrf } = await login();
    expect((await post("/admin/sources", { id: "x1", name: "x" })).status).toBe(403);
    expect((await post("/admin/sources", { id: "x2", name: "x" }, { cookie })).status).toBe(403);
    expect((await post("/admin/sources", { _csrf: "forged", id: "x3", name: "x" }, { cookie })).status).toBe(
      403,
    );
    const cross = await post(
      "/admin/sources",
      { _csrf: csrf, id: "x4", name: "x" },
      { cookie, origin: "http://evil.test" },
    );
    expect(cross.status).toBe(403);
    const site = await post(
      "/admin/sources",
      { _csrf: csrf, id: "x5", name: "x" },
      { cookie, "sec-fetch-site": "cross-site" },
    );
    expect(site.status).toBe(403);
    for (const id of ["x1", "x2", "x3", "x4", "x5"]) expect(await f.storage.sources.getSource(id)).toBeNull();
  });

  it("accepts a bearer token instead of a session for scripted calls", async () => {
    const ok = await post(
      "/admin/sources",
      { id: "bearer-src", name: "مصدر" },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true });
    const bad = await post("/admin/sources", { id: "x6", name: "x" }, { authorization: "Bearer nope" });
    expect(bad.status).toBe(401);
  });

  it("adds a source with its feed, imports OPML and disables a source's feeds through the admin forms", async () => {
    const { cookie, csrf } = await login();
    const added = await post(
      "/admin/sources",
      { _csrf: csrf, id: "wam", name: "وام", feed: "https://wam.example/rss.xml" },
      { cookie },
    );
    expect(added.status).toBe(303);
    const feed = await f.storage.feeds.getFeedByUrl("https://wam.example/rss.xml");
    expect(feed).toMatchObject({ sourceId: "wam", disabledReason: null });

    const opml = `<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="قنا" xmlUrl="https://qna.example/feed" htmlUrl="https://qna.example/"/></body></opml>`;
    const imported = await post("/admin/opml", { _csrf: csrf, opml }, { cookie });
    expect(decodeURIComponent(imported.headers.get("location") ?? "")).toContain("done=استُوردت خلاصة واحدة.");
    expect(await f.storage.feeds.getFeedByUrl("https://qna.example/feed")).not.toBeNull();

    const disabled = await post("/admin/sources/wam/disable", { _csrf: csrf }, { cookie });
    expect(decodeURIComponent(disabled.headers.get("location") ?? "")).toContain("أُوقفت خلاصة واحدة للمصدر");
    expect((await f.storage.feeds.getFeedByUrl("https://wam.example/rss.xml"))?.disabledReason).toMatch(
      /admin/,
    );
  });

  it("words a refused form in Arabic on the page and keeps the English message for a bearer script", async () => {
    const { cookie, csrf } = await login();
    const res = await post(
      "/admin/sources",
      { _csrf: csrf, id: "bad-country", name: "س", country: "sau" },
      { cookie },
    );
    expect(res.status).toBe(303);
    const done = new URL(res.headers.get("location") ?? "", "http://localhost").searchParams.get("done");
    expect(done).toBe("!«البلد»: يجب أن يكون رمزًا من حرفين، مثل SA.");
    const shown = await f.app.request(res.headers.get("location") ?? "", { headers: { cookie } });
    expect(await shown.text()).toContain("«البلد»: يجب أن يكون رمزًا من حرفين");
    const opml = await post("/admin/opml", { _csrf: csrf, opml: "<html></html>" }, { cookie });
    expect(decodeURIComponent(opml.headers.get("location") ?? "")).toContain("تعذّرت قراءة ملف OPML");
    const script = await post(
      "/admin/sources",
      { id: "Bad Id", name: "x" },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    expect(await script.json()).toMatchObject({
      ok: false,
      message: "admin: the id must be lowercase letters, digits and dashes",
    });
    expect(await f.storage.sources.getSource("bad-country")).toBeNull();
  });

  it("turns the admin pages off when no token is configured", async () => {
    const app = createWebApp({ storage: f.storage, adminToken: null, rateLimit: false });
    const res = await app.request("/admin");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("AKHBAR_ADMIN_TOKEN");
  });
});

describe("reader JSON routes", () => {
  it("refuses a source id the store does not know, and answers a known one", async () => {
    for (const path of [
      `/api/search?q=${q("الرياض")}&source=nope`,
      "/api/stories?source=nope",
      "/api/entities?source=nope",
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).error, path).toMatchObject({ code: "api.bad_param" });
    }
    expect((await page(`/api/search?q=${q("الرياض")}&source=sabq`)).status).toBe(200);
    expect((await page("/api/stories?source=sabq")).status).toBe(200);
  });

  it("reads source: in the API's q as the search page does: an outlet's id or Arabic name, an unknown one a 400", async () => {
    const byParam = JSON.parse((await page(`/api/search?q=${q("الرياض")}&source=sabq`)).body);
    const name = (await f.storage.sources.getSource("sabq"))?.name ?? "";
    expect(name).toMatch(/\p{Script=Arabic}/u);
    for (const typed of ["الرياض source:sabq", `source:${name} الرياض`]) {
      const res = await page(`/api/search?q=${q(typed)}`);
      expect(res.status, typed).toBe(200);
      expect(JSON.parse(res.body).total, typed).toBe(byParam.total);
    }
    const unknown = await page(`/api/search?q=${q("الرياض source:nosuch")}`);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error).toMatchObject({ code: "api.bad_param" });
  });

  it("reads no stories for entities when the country filter names no outlet, and refuses a code no country has", async () => {
    const res = await page("/api/entities?country=no");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ stories_read: 0, limit: 15, entities: [] });
    expect((await page("/api/entities?country=zz")).status).toBe(400);
    const all = JSON.parse((await page("/api/entities")).body);
    expect(all.stories_read).toBeGreaterThan(0);
  });

  it("lists top stories with paging and validates parameters", async () => {
    const ok = await page("/api/stories?limit=2");
    const body = JSON.parse(ok.body);
    expect(body).toMatchObject({ limit: 2, offset: 0, clustered: true });
    expect(body.stories).toHaveLength(2);
    expect(body.stories[0].article_count).toBeGreaterThanOrEqual(1);
    // The coverage its rank weighs is told: its articles in the 24 h up to the ranked time, some or all of them.
    for (const story of body.stories) {
      expect(story.recent_article_count).toBeGreaterThanOrEqual(0);
      expect(story.recent_article_count).toBeLessThanOrEqual(story.article_count);
    }
    expect((await page("/api/stories/fx-002")).body).not.toContain("recent_article_count");
    const bad = await page("/api/stories?limit=0");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe("api.bad_param");
    // The JSON routes answer in the API's codes, not the pages'.
    const one = await page("/api/stories/fx-002?limit=abc");
    expect(one.status).toBe(400);
    expect(JSON.parse(one.body).error).toMatchObject({ code: "api.bad_param" });
    expect(JSON.parse(one.body).error.message).toMatch(/^api: parameter "limit"/);
  });

  it("returns a story and an article's related lists, 404 for unknown ids", async () => {
    // fx-008 is the same wire text from another outlet: coverage of fx-002's story, the original listed first.
    const story = JSON.parse((await page("/api/stories/fx-002")).body);
    const members = story.articles.map((a: { id: string }) => a.id);
    expect(members[0]).toBe("fx-002");
    expect(members).toContain("fx-008");
    // أميركا (the United States: its key is the lexicon's), named in both originals' titles and texts.
    expect(story.entities).toContainEqual({
      kind: "place",
      name: "أميركا",
      forms: ["أميركا"],
      search: '"أميركا"',
      articles: 2,
      mentions: 4,
    });
    const related = JSON.parse((await page("/api/articles/fx-002/related")).body);
    expect(related.method).toBe("story-tfidf");
    expect(related.story_id).toBe(story.id);
    expect(JSON.parse((await page("/api/articles/fx-008/related")).body).story_id).toBe(story.id);
    const similar = related.similar.map((a: { id: string }) => a.id);
    expect(similar.length).toBeGreaterThan(0);
    // Similar articles come from other stories: never coverage of the article's own story.
    for (const id of members) expect(similar).not.toContain(id);
    expect((await page("/api/stories/none")).status).toBe(404);
  });

  it("lists the top stories' people, places and organizations as a page and as JSON", async () => {
    const json = JSON.parse((await page("/api/entities")).body);
    const usa = json.entities.find((e: { name: string }) => e.name === "أميركا");
    expect(usa).toMatchObject({ kind: "place" });
    expect(usa.story_count).toBeGreaterThanOrEqual(1);
    // Each story listed under the entity names it.
    expect(usa.stories.length).toBeGreaterThan(0);
    for (const { id } of usa.stories as { id: string }[]) {
      const story = JSON.parse((await page(`/api/stories/${id}`)).body);
      expect(story.entities.map((e: { name: string }) => e.name)).toContain("أميركا");
    }
    const html = await page("/entities");
    expect(html.status).toBe(200);
    expect(html.body).toContain("<h1>في الأخبار</h1>");
    expect(html.body).toContain(`href="/search?q=${encodeURIComponent('"أميركا"')}"`);
    expect((await page("/entities?country=ZZ")).body).toContain("لا أسماء في أهم القصص بعد");
  });

  it("lists at most `limit` entities of each kind, and refuses a limit out of bounds as the other lists do", async () => {
    const all = JSON.parse((await page("/api/entities")).body) as {
      limit: number;
      entities: { kind: string }[];
    };
    expect(all.limit).toBe(15);
    const kinds = [...new Set(all.entities.map((e) => e.kind))];
    // The fixture's top stories name more than one of some kind, so a limit of 1 leaves some out.
    expect(all.entities.length).toBeGreaterThan(kinds.length);
    const one = JSON.parse((await page("/api/entities?limit=1")).body) as typeof all;
    expect(one.limit).toBe(1);
    expect(one.entities.map((e) => e.kind)).toEqual(kinds);
    expect(one.entities).toEqual(kinds.map((k) => all.entities.find((e) => e.kind === k)));
    for (const bad of ["0", "101", "x", "-1"]) {
      const res = await page(`/api/entities?limit=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(JSON.parse(res.body).error, bad).toMatchObject({ code: "api.bad_param" });
    }
  });

  it("serves the OpenAPI document", async () => {
    const doc = JSON.parse((await page("/api/openapi.json")).body);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/search", "/api/stories", "/feeds/top.rss"]),
    );
    expect(doc.paths["/api/stories"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["since", "until", "day"]),
    );
    // Every JSON route the app answers is described: the route tables and the document cannot drift apart.
    const jsonRoutes = f.app.routes
      .filter((r) => r.method === "GET" && /^\/(api|health)/.test(r.path))
      .map((r) => r.path.replace(/:(\w+)/g, "{$1}"));
    expect(jsonRoutes.length).toBeGreaterThan(6);
    for (const path of jsonRoutes) expect(Object.keys(doc.paths)).toContain(path);
  });
});

describe("a wire release sent in parts", () => {
  const HEADLINE = "عام / نائب خادم الحرمين الشريفين يرأس جلسة مجلس الوزراء";
  const at = (s: number) => `2015-08-10T23:27:${String(s).padStart(2, "0")}`;
  const release = (id: string, title: string, s: number, text: string) => ({
    id,
    source: "was",
    url: `http://spa.example/${id}`,
    title,
    date: at(s),
    text,
  });
  let g: FixtureApp;
  beforeAll(async () => {
    g = await openFixtureApp({
      extra: [
        release(
          "wp-first",
          HEADLINE,
          16,
          "جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس\nرأس نائب خادم الحرمين الشريفين الجلسة التي عقدها مجلس الوزراء في قصر السلام بجدة، وأطلع المجلس على نتائج الاتصالات والمباحثات.",
        ),
        release(
          "wp-2",
          `${HEADLINE} إضافة ثانية`,
          14,
          "وافق مجلس الوزراء على تفويض معالي وزير الخارجية بالتباحث مع الجانب الألماني في شأن مشروع اتفاقية للتعاون.",
        ),
        release(
          "wp-1",
          `${HEADLINE} إضافة أولى`,
          15,
          "بعد الاطلاع على ما رفعه معالي وزير الداخلية، قرر مجلس الوزراء الموافقة على مذكرة تفاهم للتعاون الأمني.",
        ),
      ],
    });
  });
  afterAll(() => g.close());

  it("shows the parts inside the first part's card of the story page, and says so in the story's JSON", async () => {
    const { story_id: story } = (await (await g.app.request("/api/articles/wp-first")).json()) as {
      story_id: string;
    };
    const json = (await (await g.app.request(`/api/stories/${story}`)).json()) as {
      articles: { id: string; part_of: string | null; wire_part: number | null }[];
    };
    const byId = new Map(json.articles.map((a) => [a.id, a]));
    expect(byId.get("wp-1")).toMatchObject({ part_of: "wp-first", wire_part: 1 });
    expect(byId.get("wp-2")).toMatchObject({ part_of: "wp-first", wire_part: 2 });
    expect(byId.get("wp-first")).toMatchObject({ part_of: null, wire_part: null });
    const body = await (await g.app.request(`/story/${story}`)).text();
    expect(body.match(/<article class="card">/g)).toHaveLength(1);
    expect(body).toContain("تتمة الخبر في جزأين");
    expect(body.indexOf('href="/article/wp-1"')).toBeLessThan(body.indexOf('href="/article/wp-2"'));
  });
});

describe("people of the top stories merged across stories", () => {
  const article = (id: string, hour: number, title: string, text: string) => ({
    id,
    source: "sabq",
    url: `http://sabq.example/${id}`,
    title,
    date: `2015-07-27T${String(hour).padStart(2, "0")}:30:00`,
    text,
  });
  let g: FixtureApp;
  beforeAll(async () => {
    g = await openFixtureApp({
      extra: [
        // A prince named in full and then short in one story, and short in another: one person, one line.
        article(
          "pm-1",
          9,
          "أمير القصيم يدشن مهرجان التمور في بريدة",
          "دشن صاحب السمو الملكي الأمير فيصل بن مشعل بن سعود بن عبدالعزيز أمير منطقة القصيم مهرجان التمور، وتجول الأمير فيصل بن مشعل بن سعود في أجنحة المهرجان.",
        ),
        article(
          "pm-2",
          10,
          "تخريج أربعين يتيما من جمعية البر بعنيزة",
          "رعى الأمير فيصل بن مشعل بن سعود حفل تخريج الأيتام الذي أقامته جمعية البر بعنيزة مساء أمس.",
        ),
        // A prince short in one story and carried on to his grandfather in another: one man written in full.
        article(
          "pm-5",
          13,
          "سلطان بن سلمان يفتتح معرض التراث العمراني في جدة",
          "افتتح الأمير سلطان بن سلمان رئيس هيئة السياحة معرض التراث العمراني في جدة.",
        ),
        article(
          "pm-6",
          14,
          "هيئة السياحة تطلق برنامج المواقع الأثرية في العلا",
          "أطلق الأمير سلطان بن سلمان بن عبدالعزيز رئيس الهيئة العامة للسياحة والتراث الوطني برنامج المواقع الأثرية في العلا.",
        ),
        // A two-name lineage in one story and the same two names with a family name in another: no story names
        // both, so nothing says they are one man.
        article(
          "pm-3",
          11,
          "تكريم الفائزين بجائزة التميز في مدارس الطائف",
          "كرم الأستاذ محمد بن عبدالعزيز مدير مكتب التعليم الفائزين بجائزة التميز في مدارس الطائف.",
        ),
        article(
          "pm-4",
          12,
          "افتتاح عيادة جديدة لطب الأسنان في مستشفى الحرس",
          "افتتح الدكتور محمد بن عبدالعزيز الصفيان عيادة جديدة لطب الأسنان في مستشفى الحرس الوطني.",
        ),
      ],
    });
  });
  afterAll(() => g.close());

  it("merges a short lineage into the longer one when a story names both or the longer only carries the lineage on", async () => {
    const body = (await (await g.app.request("/api/entities")).json()) as {
      entities: { kind: string; name: string; story_count: number }[];
    };
    const people = body.entities.filter((e) => e.kind === "person").map((e) => `${e.name}:${e.story_count}`);
    expect(people).toContain("فيصل بن مشعل بن سعود بن عبدالعزيز:2");
    expect(people).not.toContain("فيصل بن مشعل بن سعود:1");
    expect(people).toContain("محمد بن عبدالعزيز:1");
    expect(people).toContain("محمد بن عبدالعزيز الصفيان:1");
    expect(people).toContain("سلطان بن سلمان بن عبدالعزيز:2");
    expect(people.filter((p) => p.startsWith("سلطان بن سلمان:"))).toEqual([]);
  });
});
