/**
 * The page shell every reader page shares: RTL Arabic document, skip link, header with navigation and search,
 * landmarks (banner, navigation, search, main, contentinfo) and the served stylesheet and script. Pure.
 */
import { displayTimeZone } from "./format-arabic-date.ts";
import { html, type SafeHtml } from "./html.ts";
import type { StaticAssets } from "./static-assets.ts";

export type NavItem = "home" | "entities" | "search" | "sources" | "admin" | null;

export interface PageShell {
  /** The document title's first part; " — أخبار" follows. */
  title: string;
  active: NavItem;
  body: SafeHtml;
  /** Echoed in the header search box. */
  query?: string;
  /** Alternate feeds (RSS / JSON Feed) for this page, announced in <head>, named `title` (default: the page's) when
   * the feed carries less than the page names (a home page's day or page number). */
  feeds?: { rss?: string; json?: string; title?: string };
  /** Search and admin pages are not for search engines. */
  noindex?: boolean;
}

const NAV: readonly [Exclude<NavItem, null>, string, string][] = [
  ["home", "/", "الرئيسية"],
  ["entities", "/entities", "في الأخبار"],
  ["search", "/search", "البحث"],
  ["sources", "/sources", "المصادر"],
];

/** The whole HTML document for a page. */
export function renderPage(page: PageShell, assets: StaticAssets): string {
  const nav = NAV.map(
    ([key, href, label]) =>
      html`<li><a href="${href}"${page.active === key ? html` aria-current="page"` : ""}>${label}</a></li>`,
  );
  const doc = html`<!doctype html>
<html lang="ar" dir="rtl" data-time-zone="${displayTimeZone()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} — أخبار</title>
${page.noindex ? html`<meta name="robots" content="noindex">` : ""}
<meta name="color-scheme" content="light dark">
${assets.preloadFonts.map((href) => html`<link rel="preload" href="${href}" as="font" type="font/woff2" crossorigin>`)}
<link rel="icon" href="${assets.iconUrl}" type="image/svg+xml">
<link rel="stylesheet" href="${assets.cssUrl}">
${page.feeds?.rss ? html`<link rel="alternate" type="application/rss+xml" title="${page.feeds.title ?? page.title}" href="${page.feeds.rss}">` : ""}
${page.feeds?.json ? html`<link rel="alternate" type="application/feed+json" title="${page.feeds.title ?? page.title}" href="${page.feeds.json}">` : ""}
<script src="${assets.jsUrl}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">تخطَّ إلى المحتوى</a>
<header class="site-header">
<div class="wrap bar">
<a class="brand" href="/">أخبار</a>
<nav aria-label="الأقسام"><ul>${nav}</ul></nav>
<form class="header-search" role="search" action="/search" method="get">
<label class="visually-hidden" for="site-q">ابحث في الأخبار</label>
<input id="site-q" type="search" name="q" value="${page.query ?? ""}" placeholder="ابحث في الأخبار…" maxlength="1000">
<button type="submit">بحث</button>
</form>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">
<div class="wrap">أخبار: محرّك أخبار عربية مفتوح المصدر. النصوص ملك ناشريها؛ الرابط إلى الأصل في كل مقال.</div>
</footer>
</body>
</html>
`;
  return doc.value;
}
