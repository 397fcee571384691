import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureApp, openFixtureApp, SIMILAR_RECORDS } from "../../../test/web/fixture-app.ts";
import { parseFeed } from "../../stages/feeds/parse-feed.ts";
import { renderJsonFeed } from "./render-json-feed.ts";
import { renderRss } from "./render-rss.ts";

let f: FixtureApp;
beforeAll(async () => {
  f = await openFixtureApp({ extra: SIMILAR_RECORDS });
});
afterAll(() => f.close());

const get = async (path: string) => {
  const res = await f.app.request(`http://akhbar.test${path}`);
  return { res, status: res.status, body: await res.text() };
};

describe("feed renderers", () => {
  const feed = {
    title: "أخبار <اختبار> & \u0001",
    description: "وصف",
    homePageUrl: "http://akhbar.test/",
    feedUrl: "http://akhbar.test/feeds/top.rss",
    items: [
      {
        id: "akhbar:article:1",
        url: "http://akhbar.test/article/1",
        externalUrl: "http://okaz.example/1?a=1&b=2",
        title: "<b>عنوان</b>",
        summary: "نص & نص",
        published: "2015-07-22T07:00:00.000Z",
        author: "عكاظ",
      },
    ],
  };

  it("escapes every text field of an RSS document and drops characters XML forbids", () => {
    const xml = renderRss(feed);
    expect(xml).toContain("<title>أخبار &lt;اختبار&gt; &amp; </title>");
    expect(xml).toContain("<title>&lt;b&gt;عنوان&lt;/b&gt;</title>");
    expect(xml).toContain("<pubDate>Wed, 22 Jul 2015 07:00:00 GMT</pubDate>");
    expect(xml).not.toContain("\u0001");
  });

  it("closes an item's unclosed bidi override at the end of its field in RSS and JSON Feed", () => {
    // U+202E RIGHT-TO-LEFT OVERRIDE opened, U+202C POP DIRECTIONAL FORMATTING closing it.
    const item = { ...feed.items[0]!, title: "\u202eعنوان", author: "\u202eعكاظ" };
    const hostile = { ...feed, items: [item] };
    expect(renderRss(hostile)).toContain("<title>\u202eعنوان\u202c</title>");
    expect(renderJsonFeed(hostile).items[0]).toMatchObject({
      title: "\u202eعنوان\u202c",
      authors: [{ name: "\u202eعكاظ\u202c" }],
    });
  });

  it("writes RSS that akhbar's own feed parser reads back item for item", () => {
    const parsed = parseFeed(renderRss(feed), { url: "http://akhbar.test/feeds/top.rss" });
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.entries[0]).toMatchObject({
      guid: "akhbar:article:1",
      url: "http://akhbar.test/article/1",
      summary: "نص & نص",
      author: "عكاظ",
      published: "2015-07-22T07:00:00.000Z",
    });
  });

  it("writes JSON Feed 1.1 with plain-text content and external URLs", () => {
    const json = renderJsonFeed(feed);
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.items[0]).toMatchObject({
      content_text: "نص & نص",
      external_url: "http://okaz.example/1?a=1&b=2",
    });
    expect(json.items[0]).not.toHaveProperty("content_html");
  });
});

describe("feed routes", () => {
  it("serves top stories as RSS and JSON Feed with absolute links", async () => {
    const rss = await get("/feeds/top.rss");
    expect(rss.status).toBe(200);
    expect(rss.res.headers.get("content-type")).toContain("application/rss+xml");
    expect(rss.body).toMatch(/<link>http:\/\/akhbar\.test\/story\/[^<]+<\/link>/);
    const json = JSON.parse((await get("/feeds/top.json")).body);
    const stories = JSON.parse((await get("/api/stories?limit=50")).body).stories as { id: string }[];
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(
      stories.slice(0, json.items.length).map((story) => `akhbar:story:${story.id}`),
    );
    expect(json.items.length).toBeGreaterThan(0);
    expect(json.feed_url).toBe("http://akhbar.test/feeds/top.json");
  });

  it("serves a story's, a source's and a search's feed", async () => {
    expect((await get("/feeds/story/fx-002.rss")).body).toContain("akhbar:article:fx-002");
    // A source's feed: its own newest articles, as its page lists them (the stories it took part in carried other
    // outlets' leads, outlets and times under its name).
    const source = JSON.parse((await get("/feeds/source/sabq.json")).body);
    const page = JSON.parse((await get("/api/search?source=sabq&sort=date")).body);
    expect(source.items.map((i: { id: string }) => i.id)).toEqual(
      page.hits.map((h: { id: string }) => `akhbar:article:${h.id}`),
    );
    expect(source.items[0]).toMatchObject({
      url: `http://akhbar.test/article/${page.hits[0].id}`,
      external_url: page.hits[0].url,
      authors: [{ name: "سبق" }],
    });
    const search = JSON.parse((await get(`/feeds/search.json?q=${encodeURIComponent("أمريكا")}`)).body);
    expect(search.items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining(["akhbar:article:fx-001", "akhbar:article:fx-002"]),
    );
    expect(search.items[0].summary).not.toContain("\ue000");
  });

  it("names a search feed by its words and outlets, and links the same search in the reader", async () => {
    const browse = JSON.parse((await get("/feeds/search.json?source=sabq")).body);
    expect(browse.title).toBe("أخبار: أحدث المقالات في سبق");
    expect(browse.home_page_url).toBe("http://akhbar.test/search?source=sabq");
    const typed = JSON.parse(
      (await get(`/feeds/search.json?q=${encodeURIComponent("أمريكا source:okaz")}`)).body,
    );
    expect(typed.title).toBe("أخبار: بحث «أمريكا» في عكاظ");
    expect(typed.home_page_url).toBe(
      `http://akhbar.test/search?q=${encodeURIComponent("أمريكا")}&source=okaz`,
    );
  });

  it("names and links a top-stories feed by the outlet or country it is filtered by, as the home page that offers it", async () => {
    const outlet = JSON.parse((await get("/feeds/top.json?source=sabq")).body);
    expect(outlet.title).toBe("أخبار: أهم الأخبار في «سبق»");
    expect(outlet.home_page_url).toBe("http://akhbar.test/?source=sabq");
    expect(outlet.items.length).toBeGreaterThan(0);
    const country = JSON.parse((await get("/feeds/top.json?country=sa")).body);
    expect(country.title).toBe("أخبار: أهم الأخبار من مصادر المملكة العربية السعودية");
    expect(country.home_page_url).toBe("http://akhbar.test/?country=SA");
    const api = JSON.parse((await get("/api/stories?country=SA&limit=50")).body).stories as { id: string }[];
    expect(country.items.map((i: { id: string }) => i.id)).toEqual(
      api.slice(0, country.items.length).map((s) => `akhbar:story:${s.id}`),
    );
    // An outlet the store does not know is refused as the API and the search feed refuse it, not an empty feed.
    const unknown = await get("/feeds/top.rss?source=nope");
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error).toMatchObject({ code: "feeds.bad_param" });
    // So is a country code no country has, in the feed and in the API; a country without outlets is an empty list.
    const noCountry = await get("/feeds/top.rss?country=saudi");
    expect(noCountry.status).toBe(400);
    expect(JSON.parse(noCountry.body).error).toMatchObject({
      code: "feeds.bad_param",
      message: expect.stringContaining("unknown country"),
    });
    for (const code of ["zz", "XX"]) {
      const api = await get(`/api/stories?country=${code}`);
      expect(api.status).toBe(400);
      expect(JSON.parse(api.body).error).toMatchObject({
        code: "api.bad_param",
        message: expect.stringContaining("unknown country"),
      });
    }
    const noOutlets = await get("/api/stories?country=NO");
    expect(noOutlets.status).toBe(200);
    expect(JSON.parse(noOutlets.body).stories).toEqual([]);
  });

  it("exports the sources as OPML pointing at akhbar's per-source feeds", async () => {
    const { body } = await get("/feeds/sources.opml");
    expect(body).toContain('<opml version="2.0">');
    expect(body).toContain('xmlUrl="http://akhbar.test/feeds/source/sabq.rss"');
  });

  it("answers unknown ids and bad searches with the JSON error shape", async () => {
    const missing = await get("/feeds/story/none.rss");
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe("feeds.not_found");
    const bad = await get("/feeds/search.rss");
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe("search.bad_param");
  });
});

describe("feed items and sources as the reader shows them (product review)", () => {
  let g: FixtureApp;
  beforeAll(async () => {
    g = await openFixtureApp({
      extra: [
        {
          id: "fx-wire",
          source: "spa",
          url: "http://spa.example/wire",
          title: "عام / مجلس الشورى يناقش تقرير هيئة الاستثمار",
          date: "2015-07-26T08:00:00",
          text: "ناقش مجلس الشورى في جلسته اليوم تقرير هيئة الاستثمار السنوي وأوصى بدعم المشروعات الصغيرة.",
        },
      ],
    });
  });
  afterAll(() => g.close());
  const read = async (path: string) => {
    const res = await g.app.request(`http://akhbar.test${path}`);
    return { status: res.status, body: await res.text() };
  };

  it("titles an item without the wire desk's section, in search and story feeds", async () => {
    const search = JSON.parse((await read(`/feeds/search.json?q=${encodeURIComponent("الشورى")}`)).body);
    expect(search.items.map((i: { title: string }) => i.title)).toContain(
      "مجلس الشورى يناقش تقرير هيئة الاستثمار",
    );
    const story = await read("/feeds/story/fx-wire.rss");
    expect(story.status).toBe(200);
    expect(story.body).toContain("<title>مجلس الشورى يناقش تقرير هيئة الاستثمار</title>");
    expect(story.body).not.toContain("عام /");
  });

  it("reads source: in a search feed's q as an outlet's id or Arabic name, and refuses one naming no outlet", async () => {
    const named = JSON.parse(
      (await read(`/feeds/search.json?q=${encodeURIComponent("أمريكا source:عكاظ")}`)).body,
    );
    expect(named.title).toBe("أخبار: بحث «أمريكا» في عكاظ");
    const unknown = await read(`/feeds/search.json?q=${encodeURIComponent("أمريكا source:nosuch")}`);
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error.code).toBe("feeds.bad_param");
  });
});
