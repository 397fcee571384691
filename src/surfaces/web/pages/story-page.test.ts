import { describe, expect, it } from "vitest";
import type { StoryArticle, StoryDetail } from "../reader-data.ts";
import { COPIES_SHOWN_MAX, renderStoryPage, STORY_CARDS_PER_PAGE } from "./story-page.ts";

const HOUR_MS = 3_600_000;
const T0 = Date.parse("2015-07-22T07:00:00Z");

function article(n: number, duplicateOf: string | null = null, sourceId = `s${n % 5}`): StoryArticle {
  return {
    id: `a${n}`,
    title: `عنوان ${n}`,
    sourceId,
    citedSource: null,
    publishedAt: new Date(T0 + n * HOUR_MS).toISOString(),
    url: `https://example.com/${n}`,
    lead: "",
    duplicateOf,
  };
}

/** 60 originals; the first has 10 copies from outlets c0…c9. */
function bigStory(): StoryDetail {
  const articles = Array.from({ length: 60 }, (_, i) => article(i));
  for (let i = 0; i < 10; i++) articles.push(article(100 + i, "a0", `c${i}`));
  return {
    id: "big",
    headline: "قصة كبيرة",
    lead: "",
    articleCount: articles.length,
    sources: ["s0"],
    firstSeen: articles[0]?.publishedAt ?? null,
    lastUpdate: articles[59]?.publishedAt ?? null,
    leadArticleId: "a0",
    articles,
    entities: [
      { kind: "person", key: "عادل جبير", name: "عادل الجبير", mentions: 5, articles: 3 },
      { kind: "place", key: "رياض", name: "الرياض", mentions: 2, articles: 2 },
    ],
    dates: [{ day: "2015-08-06", articles: 4 }],
  };
}

const caps = { clusteredStories: true, similarMethod: "test" };
const ctx = { sources: new Map(), nowMs: T0 + 100 * HOUR_MS };
const hrefFor = (offset: number) => `/story/big?offset=${offset}`;

describe("story page entities", () => {
  it("lists the people and places the coverage names, each a phrase search, with how many articles name it", () => {
    const body = renderStoryPage(bigStory(), caps, ctx, { offset: 0, hrefFor }).value;
    expect(body).toContain("في هذه القصة");
    expect(body).toContain(`href="/search?q=${encodeURIComponent('"عادل الجبير"')}"`);
    expect(body).toContain("<dt>أشخاص</dt>");
    expect(body).toContain("<dt>أماكن</dt>");
    expect(body).not.toContain("<dt>جهات</dt>");
  });

  it("says when it happened: the days the coverage names, with how many articles name each", () => {
    const body = renderStoryPage(bigStory(), caps, ctx, { offset: 0, hrefFor }).value;
    expect(body).toContain("<dt>متى</dt>");
    expect(body).toContain('<time class="entity-chip" datetime="2015-08-06">الخميس، 6 أغسطس 2015</time>');
    expect(body).toContain('<span class="count" title="4 مقالات">4</span>');
  });

  it("says the people, places and organizations come from the first originals when there are more", () => {
    const big = renderStoryPage(bigStory(), caps, ctx, { offset: 0, hrefFor }).value;
    expect(big).toContain("في أول 40 مقالًا أصليًا من 60");
    const small = bigStory();
    small.articles = small.articles.slice(0, 40);
    expect(renderStoryPage(small, caps, ctx, { offset: 0, hrefFor }).value).not.toContain("في أول 40");
  });

  it("says in the timeline's tooltips how many articles each bar holds, an empty one «لا مقالات», not «0 مقال»", () => {
    const story = bigStory();
    story.articles = [story.articles[0]!, story.articles[59]!];
    const body = renderStoryPage(story, caps, ctx, { offset: 0, hrefFor }).value;
    const tips = [...body.matchAll(/<rect class="bar"[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(tips).toEqual(["مقال واحد", ...Array<string>(10).fill("لا مقالات"), "مقال واحد"]);
  });

  it("leaves the section out when no entity or date was found", () => {
    const body = renderStoryPage({ ...bigStory(), entities: [], dates: [] }, caps, ctx, {
      offset: 0,
      hrefFor,
    }).value;
    expect(body).not.toContain("في هذه القصة");
  });
});

describe("story page coverage paging", () => {
  it("lists one page of originals, earliest first, with a pager to the rest", () => {
    const body = renderStoryPage(bigStory(), caps, ctx, { offset: 0, hrefFor }).value;
    expect(body).toContain('href="/article/a0"');
    expect(body).toContain(`href="/article/a${STORY_CARDS_PER_PAGE - 1}"`);
    expect(body).not.toContain(`href="/article/a${STORY_CARDS_PER_PAGE}"`);
    expect(body).toContain(`href="/story/big?offset=${STORY_CARDS_PER_PAGE}" rel="next"`);
  });

  it("lists the newest originals first when asked, with the order control marking it and the same pager", () => {
    const orderHrefFor = (o: string) => `/story/big?sort=${o}`;
    const newestHref = (offset: number) => `/story/big?sort=newest&offset=${offset}`;
    const body = renderStoryPage(bigStory(), caps, ctx, {
      offset: 0,
      hrefFor: newestHref,
      order: "newest",
      orderHrefFor,
    }).value;
    const listed = [
      ...body.matchAll(/<li><article class="card"[^>]*>\s*<h[23][^>]*><a href="\/article\/(a\d+)"/g),
    ].map((m) => m[1]);
    expect(listed[0]).toBe("a59");
    expect(body).toContain('href="/article/a35"');
    expect(body).not.toContain('href="/article/a34"');
    expect(body).toContain(
      '<a class="sort-link" href="/story/big?sort=newest" aria-current="true">الأحدث أولًا</a>',
    );
    expect(body).toContain('<a class="sort-link" href="/story/big?sort=oldest">الأقدم أولًا</a>');
    expect(body).toContain(`href="/story/big?sort=newest&amp;offset=${STORY_CARDS_PER_PAGE}" rel="next"`);
    // a0's ten copies are still collapsed inside its card, on the last page now.
    const last = renderStoryPage(bigStory(), caps, ctx, {
      offset: STORY_CARDS_PER_PAGE * 2,
      hrefFor: newestHref,
      order: "newest",
      orderHrefFor,
    }).value;
    expect(last).toContain('href="/article/a0"');
    expect(last).toContain("10 مقالات منقولة");
  });

  it("shows the next originals on the next page, timeline and outlets still over the whole story", () => {
    const body = renderStoryPage(bigStory(), caps, ctx, { offset: STORY_CARDS_PER_PAGE, hrefFor }).value;
    expect(body).not.toContain('href="/article/a0"');
    expect(body).toContain(`href="/article/a${STORY_CARDS_PER_PAGE}"`);
    expect(body).toContain('rel="prev"');
    expect(body).toContain("70 مقالًا");
  });

  it("says a page past the end ended the coverage, and its links lead to the last page, not to another empty one", () => {
    const body = renderStoryPage(bigStory(), caps, ctx, { offset: 5000, hrefFor }).value;
    expect(body).not.toContain('<ol class="cards">');
    const last = /<a href="\/story\/big\?offset=(\d+)">اذهب إلى الصفحة الأخيرة \((\d+)\)<\/a>/.exec(body);
    expect(last).not.toBeNull();
    expect(Number(last![1])).toBe((Number(last![2]) - 1) * STORY_CARDS_PER_PAGE);
    expect(body).toContain(`href="/story/big?offset=${last![1]}" rel="prev"`);
    // That last page lists cards.
    const lastPage = renderStoryPage(bigStory(), caps, ctx, { offset: Number(last![1]), hrefFor }).value;
    expect(lastPage).toContain('<ol class="cards">');
  });

  it("lists a few copies inside their original's card and links the rest by outlet", () => {
    const body = renderStoryPage(bigStory(), caps, ctx, { offset: 0, hrefFor }).value;
    expect(body).toContain("10 مقالات منقولة عن هذا المقال");
    for (let i = 0; i < COPIES_SHOWN_MAX; i++)
      expect(body).toContain(`<li><a href="/article/a${100 + i}" dir="rtl">`);
    // The rest: one link each, named by its outlet, inside the note after the list.
    const note = body.slice(body.indexOf('<p class="note">و'), body.indexOf("</details>"));
    for (let i = COPIES_SHOWN_MAX; i < 10; i++) expect(note).toContain(`href="/article/a${100 + i}"`);
    expect(note).toContain("<bdi>c9</bdi></a>");
    // The disclosure is inside the original's card, not a list item of its own between cards.
    const card = body.slice(body.indexOf('<article class="card">'), body.indexOf("</article>"));
    expect(card).toContain('href="/article/a0"');
    expect(card).toContain('<details class="copies"><summary>10 مقالات منقولة عن هذا المقال</summary>');
    expect(card).toContain('<ol class="copy-list">');
  });
});

/** A story of one wire original, a copy of it published earlier, another outlet's original, and copies of an
 * original placed in another story. */
function mixedStory(): StoryDetail {
  const wire = { ...article(3, null, "spa") };
  const early = { ...article(1, "a3", "alweeam") };
  const other = { ...article(2, null, "okaz") };
  const copyAway = article(5, "far", "sabq");
  const copyAway2 = article(6, "far", "alyaum");
  const articles = [early, other, wire, copyAway, copyAway2];
  return {
    ...bigStory(),
    articleCount: articles.length,
    firstSeen: early.publishedAt,
    articles,
    entities: [],
    dates: [],
  };
}

describe("story page first report and copies", () => {
  const body = renderStoryPage(mixedStory(), caps, ctx, { offset: 0, hrefFor }).value;
  const cov = body.slice(body.indexOf('id="coverage-h"'), body.indexOf("</section>"));

  it("draws every member, copies of an original placed elsewhere as a card of their own", () => {
    for (const id of ["a1", "a2", "a3", "a5", "a6"]) expect(cov).toContain(`href="/article/${id}"`);
    expect(cov.match(/<article class="card">/g)).toHaveLength(3);
    expect(cov).toContain("مقال واحد منقول عن المقال نفسه");
    // Not named: cross-story copy pairs were more often wrong than right on the dev corpus.
    expect(cov).not.toContain("منقول عن <a");
    expect(cov).not.toContain('href="/article/far"');
  });

  it("gives the first badge to the earliest member, a copy, and opens its card's copies", () => {
    expect(cov.match(/first-badge/g)).toHaveLength(1);
    const badge = cov.indexOf("first-badge");
    expect(cov.lastIndexOf('href="/article/', badge)).toBe(cov.lastIndexOf('href="/article/a1"', badge));
    expect(cov).toContain('<details class="copies" open>');
    // The wire original's card comes first: it holds the first report.
    expect(cov.indexOf('href="/article/a3"')).toBeLessThan(cov.indexOf('href="/article/a2"'));
  });

  it("says when a copy was published before its original", () => {
    expect(cov).toContain('<span class="early-badge">نُشر قبل <bdi>spa</bdi></span>');
    expect(cov.match(/early-badge/g)).toHaveLength(1);
  });
});

describe("story page wire desk sections", () => {
  it("shows originals and the copies inside their card without a wire desk's section (عام / )", () => {
    const head = { ...article(0), title: "عام / الوزير يفتتح المعرض" };
    const copy = { ...article(1, "a0", "c1"), title: "اقتصادي / الوزير يفتتح المعرض" };
    const story = { ...bigStory(), articles: [head, copy], articleCount: 2 };
    const body = renderStoryPage(story, caps, ctx, { offset: 0, hrefFor }).value;
    expect(body).toContain('href="/article/a1"');
    expect(body).not.toContain("عام /");
    expect(body).not.toContain("اقتصادي /");
  });
});

describe("story page first-report badge", () => {
  const one = (articles: StoryArticle[]) =>
    renderStoryPage({ ...bigStory(), articles, articleCount: articles.length }, caps, ctx, {
      offset: 0,
      hrefFor,
    }).value;

  it("marks no first report in a story of one article: there is nothing it came before", () => {
    expect(one([article(0)])).not.toContain("first-badge");
  });

  it("marks the earliest member of a story of two", () => {
    expect(one([article(0), article(1)]).match(/first-badge/g)).toHaveLength(1);
  });
});

describe("story page wire release parts", () => {
  const CABINET = "عام / مجلس الوزراء يعقد جلسته";
  const wire = (id: string, title: string, minute: number, wirePart?: number): StoryArticle => ({
    ...article(0),
    id,
    title,
    sourceId: "was",
    publishedAt: `2015-08-10T20:${String(minute).padStart(2, "0")}:00Z`,
    ...(wirePart === undefined ? {} : { wirePart }),
  });
  const story = (articles: StoryArticle[]): StoryDetail => ({
    ...bigStory(),
    articles,
    articleCount: articles.length,
    entities: [],
    dates: [],
  });

  it("draws a release's continuation parts inside its first part's card, in part order, and no card of their own", () => {
    const body = renderStoryPage(
      story([
        wire("first", CABINET, 2),
        wire("p2", `${CABINET} إضافة ثانية`, 1, 2),
        wire("p1", `${CABINET} إضافة أولى`, 3, 1),
        wire("p5", CABINET, 0, 5),
      ]),
      caps,
      ctx,
    ).value;
    expect(body.match(/<article class="card">/g)).toHaveLength(1);
    expect(body).toContain("تتمة الخبر في 3 أجزاء");
    const order = ["p1", "p2", "p5"].map((id) => body.indexOf(`href="/article/${id}"`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The part whose title has no mark says which part it is; the earliest member (p5) opens the disclosure.
    expect(body).toContain("الإضافة 5");
    expect(body).toMatch(/<details class="copies parts" open>/);
  });
});
