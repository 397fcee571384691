/**
 * End-to-end through real Chromium against the reader on a real socket (127.0.0.1, port 0) over fixture data:
 * RTL rendering, search highlighting, similar articles, admin login, CSP, no third-party requests, font layout
 * shift, and an accessibility pass (landmarks, heading order, contrast computed from the rendered colours,
 * visible keyboard focus). Screenshots go to test-artifacts/web/.
 */
import { once } from "node:events";
import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { html } from "../../src/surfaces/web/html.ts";
import { contrastRatio } from "../../src/surfaces/web/palette.ts";
import { pager } from "../../src/surfaces/web/view-parts.ts";
import { type FixtureRecord, STORY_RECORDS } from "../fixtures/arabic-articles.ts";
import { ADMIN_TOKEN, type FixtureApp, openFixtureApp, SIMILAR_RECORDS } from "../web/fixture-app.ts";

const CHROMIUM = "/usr/bin/chromium";
/** U+202D LEFT-TO-RIGHT OVERRIDE and U+202C POP DIRECTIONAL FORMATTING. */
const LRO = "\u202d";
const PDF = "\u202c";
const ARTIFACTS = join(import.meta.dirname, "../../test-artifacts/web");
const hasChromium = existsSync(CHROMIUM);

let f: FixtureApp;
let server: ServerType;
let browser: Browser;
let base: string;
const foreignRequests: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  f = await openFixtureApp({ extra: SIMILAR_RECORDS });
  // Unsanitized HTML written straight to the store (XSS-08): the CSP must stop it even if the sanitizer were skipped.
  (f.storage as SqliteStorage).db
    .prepare("UPDATE articles SET html = ? WHERE id = 'fx-005'")
    .run('<p>فقرة</p><script>window.__pwned = 1</script><p onclick="window.__pwned = 2">نص</p>');
  // A title stored before ingest dropped bidi controls: an unclosed U+202D LEFT-TO-RIGHT OVERRIDE opens it.
  (f.storage as SqliteStorage).db
    .prepare("UPDATE articles SET title = ? || title WHERE id = 'fx-005'")
    .run(LRO);
  server = serve({ fetch: f.app.fetch, port: 0, hostname: "127.0.0.1" });
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (!hasChromium) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await f?.close();
});

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: "ar", timezoneId: "Asia/Riyadh" });
  page.on("request", (req) => {
    if (!req.url().startsWith(base) && !req.url().startsWith("data:")) foreignRequests.push(req.url());
  });
  await page.goto(`${base}${path}`, { waitUntil: "load" });
  await page.evaluate("document.fonts.ready");
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe.skipIf(!hasChromium)("the reader in Chromium", () => {
  it("renders the home page right to left in the Arabic webfont, on desktop and phone", async () => {
    const page = await open("/");
    expect(await page.evaluate("[document.documentElement.lang, document.documentElement.dir]")).toEqual([
      "ar",
      "rtl",
    ]);
    expect(await page.evaluate("getComputedStyle(document.querySelector('h1')).direction")).toBe("rtl");
    expect(await page.evaluate(`document.fonts.check('16px "Plex Arabic"', 'أخبار')`)).toBe(true);
    // The brand sits at the right edge in RTL.
    const brand = (await page.locator(".brand").boundingBox())!;
    expect(brand.x).toBeGreaterThan(640);
    await shot(page, "home-desktop");
    await page.close();
    const phone = await open("/", { width: 390, height: 844 });
    const overflow = await phone.evaluate("document.documentElement.scrollWidth > window.innerWidth");
    expect(overflow).toBe(false);
    await shot(phone, "home-phone");
    await phone.close();
  });

  it("fits the home filters and the sources table to a 375 px phone: wide fields, no sideways scrolling", async () => {
    const phone = { width: 375, height: 812 };
    const home = await open("/?day=2015-07-25", phone);
    // Product review: each filter kept its default control width, the outlet menu a third of the form.
    const widths = (await home.evaluate(`(() => {
      const form = document.querySelector(".filters");
      const style = getComputedStyle(form);
      const inner = form.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
      return [...form.querySelectorAll("label > input, label > select")].map((c) => c.getBoundingClientRect().width / inner);
    })()`)) as number[];
    expect(widths).toHaveLength(3);
    for (const share of widths) expect(share).toBeGreaterThanOrEqual(0.4);
    expect(await home.evaluate("document.documentElement.scrollWidth > window.innerWidth")).toBe(false);
    await shot(home, "home-day-phone");
    await home.close();
    // The table scrolled sideways inside its box, dates broken a word a line: one labelled block per outlet instead.
    const sources = await open("/sources", phone);
    const box = (await sources.evaluate(
      "(() => { const t = document.querySelector('.table-scroll'); return { scroll: t.scrollWidth, client: t.clientWidth }; })()",
    )) as { scroll: number; client: number };
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    expect(await sources.evaluate("document.documentElement.scrollWidth > window.innerWidth")).toBe(false);
    await shot(sources, "sources-phone");
    await sources.close();
  });

  it("keeps the pager to one row on a 375 px phone, its links labelled and the current page marked", async () => {
    // The reader's stylesheet, on a page of its origin (page.route) holding only pagers: the fixture store has too
    // few articles for a 15-page list, the size of the dev corpus's largest story's coverage.
    const home = await open("/");
    const css = await home.locator('link[rel="stylesheet"]').getAttribute("href");
    await home.close();
    const href = (offset: number) => `?offset=${offset}`;
    const pagers = [0, 25, 50, 100, 325, 350].map((offset) => pager(375, 25, offset, href));
    // Three-digit page numbers: a deep search or source listing.
    pagers.push(pager(25_000, 25, 12_500, href));
    const body = html`<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${css}"></head><body><main class="wrap">${pagers}</main></body></html>`;
    for (const [width, numbers] of [
      [375, 3],
      [1280, 7],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "ar" });
      await page.route(`${base}/pager-fixture`, (route) =>
        route.fulfill({ contentType: "text/html; charset=utf-8", body: body.value }),
      );
      await page.goto(`${base}/pager-fixture`);
      await page.evaluate("document.fonts.ready");
      const rows = (await page.evaluate(`[...document.querySelectorAll(".pager")].map((ul) => {
        const items = [...ul.children].filter((li) => li.getBoundingClientRect().width > 0);
        return {
          centres: [...new Set(items.map((li) => Math.round(li.getBoundingClientRect().top + li.getBoundingClientRect().height / 2)))].length,
          numbers: items.filter((li) => /^\\d+$/.test(li.textContent)).length,
          current: items.filter((li) => li.querySelector('[aria-current="page"]')).length,
          unlabelled: items.filter((li) => { const a = li.querySelector("a"); return a && !a.getAttribute("aria-label") && !a.getAttribute("rel"); }).length,
        };
      })`)) as { centres: number; numbers: number; current: number; unlabelled: number }[];
      // The 15-page pager's middle page (offset 100) and the 1,000-page one show their window; each pager one row.
      expect(rows.map((r) => r.centres)).toEqual(rows.map(() => 1));
      expect(rows[3]!.numbers).toBe(numbers);
      expect(rows[6]!.numbers).toBe(numbers);
      for (const r of rows) {
        expect(r.current).toBe(1);
        expect(r.unlabelled).toBe(0);
      }
      expect(await page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).toBe(false);
      await shot(page, `pager-${width}`);
      await page.close();
    }
  });

  it("shows results on a phone's first screen, the outlet and date fields folded until one is set", async () => {
    // Product review: at 390x844 the unfolded form filled the first screen (the dev store's first hit began 767 px down).
    const phone = { width: 390, height: 844 };
    const page = await open(`/search?q=${encodeURIComponent("أمريكا")}`, phone);
    expect(await page.locator("details.filter-more").getAttribute("open")).toBeNull();
    const first = await page.locator(".results > li").first().boundingBox();
    expect(first).not.toBeNull();
    // The whole first hit's heading and some of its snippet are on the first screen.
    expect(first!.y + 120).toBeLessThan(phone.height);
    expect(await page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).toBe(false);
    await shot(page, "search-phone");
    // Unfolding shows the fields; a search with one of them set comes back unfolded.
    await page.locator("details.filter-more summary").click();
    await page.fill("input[name=from]", "2015-07-22");
    await page.locator(".filters button[type=submit]").click();
    await page.waitForURL(/from=2015-07-22/);
    expect(await page.locator("details.filter-more").getAttribute("open")).toBe("");
    expect(await page.locator("input[name=from]").isVisible()).toBe(true);
    await page.close();
  });

  it("searches from the header box and shows highlighted results with outlet facets", async () => {
    const page = await open("/");
    await page.fill("#site-q", "أمريكا");
    await page.press("#site-q", "Enter");
    await page.waitForURL(/\/search\?q=/);
    const marks = await page.locator(".results mark").allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.join(" ")).toMatch(/أمريك|أميرك/);
    expect(await page.locator(".facets li").count()).toBeGreaterThan(1);
    await shot(page, "search");
    await page.close();
  });

  it("switches a story's coverage to newest first with its order control, on a phone", async () => {
    // A store whose story has several originals (the shared fixture's stories have one card each).
    const g = await openFixtureApp({ extra: [...STORY_RECORDS] });
    const storyServer = serve({ fetch: g.app.fetch, port: 0, hostname: "127.0.0.1" });
    await once(storyServer, "listening");
    const storyBase = `http://127.0.0.1:${(storyServer.address() as AddressInfo).port}`;
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: "ar" });
    try {
      await page.goto(`${storyBase}/story/st-001`);
      const control = page.locator('nav.sort-choice[aria-label="ترتيب التغطية"]');
      expect(await control.isVisible()).toBe(true);
      expect(await control.locator('[aria-current="true"]').textContent()).toBe("الأقدم أولًا");
      const cardTimes = () =>
        page.evaluate(
          `[...document.querySelectorAll("#coverage-h ~ ol.cards > li > article > .meta time")].map((t) => Date.parse(t.getAttribute("datetime")))`,
        ) as Promise<number[]>;
      const oldest = await cardTimes();
      expect(oldest.length).toBeGreaterThan(1);
      expect(oldest[0]).toBeLessThan(oldest[oldest.length - 1]!);
      await control.getByRole("link", { name: "الأحدث أولًا" }).click();
      await page.waitForURL(/sort=newest/);
      expect(await page.locator('nav.sort-choice [aria-current="true"]').textContent()).toBe("الأحدث أولًا");
      const newest = await cardTimes();
      // The same cards the other way round (a card sorts by its earliest member, a copy printed before its original).
      expect(newest).toEqual([...oldest].reverse());
      expect(await page.evaluate("document.documentElement.scrollWidth > window.innerWidth")).toBe(false);
      await shot(page, "story-newest-phone");
    } finally {
      await page.close();
      await new Promise<void>((resolve) => storyServer.close(() => resolve()));
      await g.close();
    }
  });

  it("shows an article with its similar articles and a story page with its charts", async () => {
    const page = await open("/article/fx-002");
    expect(await page.locator(".similar li").count()).toBeGreaterThan(0);
    // An Arabic title: laid out right to left by its letters (text-direction.ts), not by dir=auto.
    expect(await page.locator("h1").getAttribute("dir")).toBe("rtl");
    expect(await page.evaluate("getComputedStyle(document.querySelector('h1')).direction")).toBe("rtl");
    await shot(page, "article");
    await page.goto(`${base}/story/fx-002`);
    expect(await page.locator("svg.chart rect").count()).toBeGreaterThan(0);
    // Every member is drawn once: the coverage cards and the copies inside them add up to the story's articles.
    const story = (await (await fetch(`${base}/api/stories/fx-002`)).json()) as { article_total: number };
    const cards = await page.locator("#coverage-h ~ ol.cards > li").count();
    const copies = await page.locator("#coverage-h ~ ol.cards .copy-list > li").count();
    expect(cards + copies).toBe(story.article_total);
    // Copies sit inside their original's card (fx-008 copies fx-002), not in a list item of their own.
    expect(copies).toBeGreaterThan(0);
    expect(await page.locator("#coverage-h ~ ol.cards > li > details").count()).toBe(0);
    expect(await page.locator("article.card details.copies .copy-list").count()).toBeGreaterThan(0);
    await shot(page, "story");
    await page.goto(`${base}/sources`);
    await shot(page, "sources");
    await page.close();
  });

  it("requires the admin token before showing the admin forms", async () => {
    const page = await open("/admin");
    expect(await page.locator("form[action='/admin/sources']").count()).toBe(0);
    await page.fill("#admin-token", "not-the-token-at-all");
    await page.click("button[type=submit] >> text=دخول");
    expect(await page.locator("[role=alert]").textContent()).toContain("الرمز غير صحيح");
    await page.fill("#admin-token", ADMIN_TOKEN);
    await page.click("button[type=submit] >> text=دخول");
    await page.waitForSelector("form[action='/admin/sources']");
    await page.fill("input[name=id]", "spa");
    await page.fill("input[name=name]", "وكالة الأنباء السعودية");
    await page.click("form[action='/admin/sources'] button");
    await page.waitForSelector("text=أضيف المصدر");
    await shot(page, "admin");
    await page.close();
  });

  it("blocks injected script through the CSP and makes no third-party requests", async () => {
    const page = await open("/article/fx-005");
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.reload({ waitUntil: "load" });
    await page.click("text=نص");
    expect(await page.evaluate("window.__pwned")).toBeUndefined();
    expect(violations.length).toBeGreaterThan(0);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it("keeps a stored title's unclosed override from reversing the text after it", async () => {
    const page = await open("/article/fx-005");
    // The tab's title cannot isolate: the override is closed before " — أخبار".
    expect(await page.evaluate("document.title")).toBe(`${LRO}الوزير زار المستشفى الجديد${PDF} — أخبار`);
    // Inline, without an isolating element: the outlet name after the title still reads right to left (its first
    // letter right of its last), as it would with no override before it.
    await page.close();
    // A blank page: the reader's CSP (Trusted Types) refuses setContent.
    const blank = await browser.newPage();
    await blank.setContent(
      html`<p dir="rtl" style="font-size:32px"><span>${`${LRO}الوزير زار المستشفى`}</span> — <span id="next">عكاظ اليوم</span></p>`
        .value,
    );
    const [firstX, lastX] = (await blank.evaluate(`(() => {
      const text = document.getElementById("next").firstChild;
      const x = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().left; };
      return [x(0), x(text.length - 1)];
    })()`)) as [number, number];
    expect(firstX).toBeGreaterThan(lastX);
    await blank.close();
  });

  it("does not shift the layout when the webfont arrives", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/article/fx-002`, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready");
    const cls = await page.evaluate(`new Promise((resolve) => {
      let total = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
        .observe({ type: "layout-shift", buffered: true });
      setTimeout(() => resolve(total), 300);
    })`);
    expect(cls as number).toBeLessThan(0.05);
    await page.close();
  });
});

describe.skipIf(!hasChromium)("accessibility", () => {
  it.each(["/", "/search?q=%D8%B4%D8%B1%D8%A7%D9%83%D8%A9", "/article/fx-002", "/story/fx-002", "/sources"])(
    "gives %s its landmarks and an unbroken heading order",
    async (path) => {
      const page = await open(path);
      const landmarks = (await page.evaluate(`[
        !!document.querySelector("header"), !!document.querySelector("nav"), !!document.querySelector("[role=search]"),
        document.querySelectorAll("main").length, !!document.querySelector("footer")]`)) as unknown[];
      expect(landmarks).toEqual([true, true, true, 1, true]);
      const levels = (await page.evaluate(
        `[...document.querySelectorAll("h1,h2,h3,h4,h5,h6")].map((h) => Number(h.tagName[1]))`,
      )) as number[];
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      expect(levels[0]).toBe(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
      await page.close();
    },
  );

  it("renders text, meta lines, links and highlights with AA contrast in light and dark schemes", async () => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await browser.newPage({ colorScheme: scheme });
      await page.goto(`${base}/search?q=${encodeURIComponent("أمريكا")}`);
      const pairs = (await page.evaluate(`(() => {
        const hex = (c) => "#" + c.match(/\\d+/g).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, "0")).join("");
        const bgOf = (el) => { for (let e = el; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor;
          if (b !== "rgba(0, 0, 0, 0)" && b !== "transparent") return hex(b); } return hex(getComputedStyle(document.documentElement).backgroundColor); };
        return [".results h3 a", ".results .meta", ".results mark", ".snippet", "footer .wrap", ".facets a", ".site-header nav a"]
          .map((s) => document.querySelector(s)).filter(Boolean)
          .map((el) => [el.className || el.tagName, hex(getComputedStyle(el).color), bgOf(el)]);
      })()`)) as [string, string, string][];
      expect(pairs.length).toBeGreaterThanOrEqual(6);
      for (const [what, fg, bg] of pairs) {
        expect({ what, scheme, ratio: contrastRatio(fg, bg) >= 4.5 }).toEqual({ what, scheme, ratio: true });
      }
      await page.close();
    }
  });

  it("reaches the skip link, navigation and search by keyboard with a visible focus ring", async () => {
    const page = await open("/");
    const focused: { tag: string; text: string; outline: string }[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      focused.push(
        (await page.evaluate(`(() => { const el = document.activeElement; const s = getComputedStyle(el);
          return { tag: el.tagName, text: (el.textContent || el.getAttribute("name") || "").trim().slice(0, 20),
                   outline: s.outlineStyle + " " + s.outlineWidth }; })()`)) as {
          tag: string;
          text: string;
          outline: string;
        },
      );
    }
    expect(focused[0]!.text).toBe("تخطَّ إلى المحتوى");
    expect(focused.map((x) => x.text)).toEqual(
      expect.arrayContaining(["الرئيسية", "في الأخبار", "البحث", "q"]),
    );
    for (const x of focused) expect(x.outline).toMatch(/^solid [23]px$/);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await shot(page, "keyboard-focus");
    await page.keyboard.press("/");
    expect(await page.evaluate("document.activeElement.id")).toBe("site-q");
    await page.close();
  });

  it('jumps to the search box with the "/" key on an Arabic layout (code Slash, key ظ), not while typing', async () => {
    const page = await open("/");
    const pressArabicSlash = (selector: string) =>
      page.evaluate(
        `document.querySelector(${JSON.stringify(selector)}).dispatchEvent(new KeyboardEvent("keydown", { key: "\u0638", code: "Slash", bubbles: true, cancelable: true }))`,
      );
    // dispatchEvent answers false when the handler called preventDefault.
    expect(await pressArabicSlash("main")).toBe(false);
    expect(await page.evaluate("document.activeElement.id")).toBe("site-q");
    await page.focus("select[name=source]");
    expect(await pressArabicSlash("select[name=source]")).toBe(true);
    expect(await page.evaluate("document.activeElement.name")).toBe("source");
    await page.close();
  });

  it("changes a filter by keyboard without leaving the page, applies it with the button, and at once by mouse", async () => {
    const page = await open("/");
    await page.focus("select[name=source]");
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(300);
    expect(new URL(page.url()).search).toBe("");
    const chosen = await page.evaluate("document.querySelector('select[name=source]').value");
    expect(chosen).not.toBe("");
    await shot(page, "filter-keyboard");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement.textContent")).toBe("عرض");
    await Promise.all([page.waitForURL(/source=/, { timeout: 5000 }), page.keyboard.press("Enter")]);
    expect(new URL(page.url()).searchParams.get("source")).toBe(chosen);
    await page.goto(`${base}/`);
    // A pointer press on the menu, then a choice: the page follows without the button.
    await page.dispatchEvent("select[name=source]", "pointerdown");
    await Promise.all([
      page.waitForURL(/source=sabq/, { timeout: 5000 }),
      page.selectOption("select[name=source]", "sabq"),
    ]);
    await page.close();
  });
});

/**
 * A story naming the ministry in full and then short (one entity, both forms), and a report of another day naming it
 * short only: the chip must find that report too.
 */
const MINISTRY_RECORDS: FixtureRecord[] = [
  {
    id: "mx-1",
    source: "okaz",
    url: "http://okaz.example/news/mx-1",
    title: "الداخلية تعلن ضبط خلية في القصيم",
    date: "2015-07-25T08:00:00",
    text: "أعلنت وزارة الداخلية السعودية اليوم ضبط خلية في منطقة القصيم.\nوقالت وزارة الداخلية إن التحقيق جار مع الموقوفين.",
  },
  {
    id: "mx-2",
    source: "sabq",
    url: "http://sabq.example/news/mx-2",
    title: "ضبط خلية في القصيم",
    date: "2015-07-25T10:00:00",
    text: "كشفت وزارة الداخلية السعودية عن ضبط خلية في القصيم.\nوأوضحت وزارة الداخلية أن أفرادها موقوفون.",
  },
  {
    id: "mx-3",
    source: "alyaum",
    url: "http://alyaum.example/news/mx-3",
    title: "تمديد ساعات العمل في الجوازات",
    date: "2015-07-21T09:00:00",
    text: "قالت وزارة الداخلية إن ساعات العمل في إدارات الجوازات تمدد خلال الصيف.",
  },
];

describe.skipIf(!hasChromium)("entity chips in Chromium", () => {
  let m: FixtureApp;
  let mServer: ServerType;
  let mBase: string;
  beforeAll(async () => {
    m = await openFixtureApp({ extra: MINISTRY_RECORDS });
    mServer = serve({ fetch: m.app.fetch, port: 0, hostname: "127.0.0.1" });
    await once(mServer, "listening");
    mBase = `http://127.0.0.1:${(mServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => mServer?.close(() => resolve()));
    await m?.close();
  });

  it("finds, from a story's chip, the articles naming the entity in any of its forms", async () => {
    const [placement] = await m.storage.stories!.getPlacements(["mx-1"]);
    const page = await browser.newPage({ locale: "ar", timezoneId: "Asia/Riyadh" });
    await page.goto(`${mBase}/story/${encodeURIComponent(placement!.storyId)}`);
    const chip = page.locator("a.entity-chip", { hasText: "وزارة الداخلية السعودية" });
    await Promise.all([page.waitForURL(/\/search\?q=/), chip.click()]);
    const titles = await page.locator(".results h3").allTextContents();
    // The report naming it short only is found, as the story's own articles are.
    expect(titles.join("\n")).toContain("تمديد ساعات العمل في الجوازات");
    expect(titles.join("\n")).toContain("ضبط خلية في القصيم");
    await shot(page, "entity-chip-search");
    await page.close();
  });
});
