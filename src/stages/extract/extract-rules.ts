/**
 * extractRules: the data the extractor decides with (markers, class/id hints, per-site rules), sorted, each with
 * its reason. Pure data for the extract stage; markers are written in display spelling and folded at load.
 */
import { foldMatchText } from "./fold-match-text.ts";

export type RemovedKind =
  | "ads"
  | "comments"
  | "date_line"
  | "edge_line"
  | "hidden"
  | "link_list"
  | "markup"
  | "meta_line"
  | "navigation"
  | "read_also"
  | "related_list"
  | "share"
  | "title_repeat";

/** How a marker matches a block's folded text: the whole block, or its start (then the block must be short). */
export type MarkerMatch = "exact" | "prefix";

/** What happens after a heading marker: nothing (`line`), the following headline blocks go (`list`), or the rest
 * of the container goes (`tail`, for comment sections and footers that follow the article). */
export type MarkerScope = "line" | "list" | "tail";

export interface BoilerplateMarker {
  marker: string;
  kind: RemovedKind;
  match: MarkerMatch;
  scope: MarkerScope;
  reason: string;
}

/** Boilerplate markers, sorted by marker. Prefix markers only fire on blocks of at most MARKER_PREFIX_MAX_CHARS. */
const MARKERS_SOURCE: readonly BoilerplateMarker[] = [
  {
    marker: "©",
    kind: "meta_line",
    match: "prefix",
    scope: "line",
    reason: "copyright line; not tail: photo credits start with it too (msn.com)",
  },
  {
    marker: "about the author",
    kind: "meta_line",
    match: "exact",
    scope: "tail",
    reason: "author bio heading after the story (health.harvard.edu)",
  },
  { marker: "advertisement", kind: "ads", match: "exact", scope: "line", reason: "ad slot label" },
  {
    marker: "all rights reserved",
    kind: "meta_line",
    match: "prefix",
    scope: "line",
    reason: "copyright line",
  },
  {
    marker: "copyright",
    kind: "meta_line",
    match: "prefix",
    scope: "line",
    reason: "copyright line; photo credits use it too",
  },
  {
    marker: "read also",
    kind: "read_also",
    match: "prefix",
    scope: "list",
    reason: "English read-also promo",
  },
  {
    marker: "read more",
    kind: "read_also",
    match: "prefix",
    scope: "list",
    reason: "English read-more promo",
  },
  {
    marker: "related",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "English related box heading",
  },
  { marker: "see also", kind: "read_also", match: "prefix", scope: "list", reason: "English see-also promo" },
  {
    marker: "print this page",
    kind: "share",
    match: "exact",
    scope: "line",
    reason: "print button (health.harvard.edu)",
  },
  { marker: "share", kind: "share", match: "exact", scope: "line", reason: "share button label" },
  { marker: "share this", kind: "share", match: "prefix", scope: "line", reason: "share bar label" },
  { marker: "آخر الأخبار", kind: "related_list", match: "prefix", scope: "list", reason: "latest-news box" },
  {
    marker: "أخر الأخبار",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "latest-news box, common misspelling (washwasha, petra)",
  },
  {
    marker: "أخبار ذات صلة",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "related-news list",
  },
  {
    marker: "أخبار متعلقة",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "related-news list",
  },
  { marker: "أضف تعليق", kind: "comments", match: "prefix", scope: "tail", reason: "comment form heading" },
  {
    marker: "إضافة تعليق",
    kind: "comments",
    match: "prefix",
    scope: "tail",
    reason: "comment form heading (assabah)",
  },
  {
    marker: "اخبار اخرى",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "other-news list (altaakhipress)",
  },
  {
    marker: "اخترنا لك",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "editor's picks box (lbcgroup)",
  },
  { marker: "استمع", kind: "share", match: "exact", scope: "line", reason: "text-to-speech button (alyaum)" },
  { marker: "اشترك في", kind: "meta_line", match: "prefix", scope: "line", reason: "subscription promo" },
  { marker: "اطبع المقال", kind: "share", match: "exact", scope: "line", reason: "print button (aps.dz)" },
  {
    marker: "اقرأ أيضا",
    kind: "read_also",
    match: "prefix",
    scope: "list",
    reason: "read-also insert, all spellings fold here",
  },
  { marker: "اقرأ المزيد", kind: "read_also", match: "prefix", scope: "list", reason: "read-more promo" },
  {
    marker: "الأكثر تعليقا",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "most-commented box",
  },
  {
    marker: "الأكثر تصفحاً",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "most-browsed box (arabic.cnn.com)",
  },
  { marker: "الأكثر قراءة", kind: "related_list", match: "prefix", scope: "list", reason: "most-read box" },
  {
    marker: "الأكثر مشاركة",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "most-shared box",
  },
  {
    marker: "الأكثر مشاهدة",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "most-viewed box",
  },
  {
    marker: "الآراء الواردة",
    kind: "comments",
    match: "prefix",
    scope: "tail",
    reason: "comment disclaimer: the opinions below are the commenters' own (arabic.cnn.com)",
  },
  { marker: "التالي", kind: "navigation", match: "exact", scope: "line", reason: "next-article link" },
  { marker: "التعليقات", kind: "comments", match: "prefix", scope: "tail", reason: "comments heading" },
  { marker: "السابق", kind: "navigation", match: "exact", scope: "line", reason: "previous-article link" },
  { marker: "الكلمات المفتاحية", kind: "meta_line", match: "prefix", scope: "line", reason: "tag line" },
  { marker: "المزيد عن", kind: "meta_line", match: "prefix", scope: "line", reason: "tag line (alsbbora)" },
  {
    marker: "المواضيع المتعلقة",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "related list (alsbbora)",
  },
  { marker: "انظر أيضا", kind: "read_also", match: "prefix", scope: "list", reason: "see-also box (sana)" },
  { marker: "تابعوا", kind: "meta_line", match: "prefix", scope: "line", reason: "follow-us promo" },
  { marker: "تابعونا", kind: "meta_line", match: "prefix", scope: "line", reason: "follow-us promo" },
  {
    marker: "تعليقات",
    kind: "comments",
    match: "prefix",
    scope: "tail",
    reason: "comments heading (washwasha, alsbbora)",
  },
  {
    marker: "جميع الحقوق محفوظة",
    kind: "meta_line",
    match: "prefix",
    scope: "tail",
    reason: "copyright footer",
  },
  {
    marker: "حدث في مثل هذا اليوم",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "on-this-day box",
  },
  { marker: "حقوق النشر", kind: "meta_line", match: "prefix", scope: "tail", reason: "copyright footer" },
  {
    marker: "شارك",
    kind: "share",
    match: "exact",
    scope: "line",
    reason: "share label; exact only: the verb opens real sentences",
  },
  { marker: "شارك بالقصة", kind: "share", match: "exact", scope: "line", reason: "share label (al-madina)" },
  { marker: "شاركها", kind: "share", match: "exact", scope: "line", reason: "share label (pnn)" },
  { marker: "شاهد أيضا", kind: "read_also", match: "prefix", scope: "list", reason: "watch-also promo" },
  { marker: "طالع أيضا", kind: "read_also", match: "prefix", scope: "list", reason: "read-also variant" },
  { marker: "طباعة", kind: "share", match: "exact", scope: "line", reason: "print button" },
  {
    marker: "عدد القراءات",
    kind: "meta_line",
    match: "prefix",
    scope: "line",
    reason: "view counter (altaakhipress)",
  },
  { marker: "عدد المشاهدات", kind: "meta_line", match: "prefix", scope: "line", reason: "view counter" },
  { marker: "كلمات مفتاحية", kind: "meta_line", match: "prefix", scope: "line", reason: "tag line (aps.dz)" },
  {
    marker: "مقالات ذات صلة",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "related list (lbcgroup)",
  },
  {
    marker: "مقالات مشابهة",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "similar-articles list",
  },
  {
    marker: "مواضيع ذات صلة",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "related topics",
  },
  {
    marker: "مواضيع ذات علاقة",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "related topics (alyaum)",
  },
  { marker: "مواضيع متعلقة", kind: "related_list", match: "prefix", scope: "list", reason: "related topics" },
  { marker: "نسخ الرابط", kind: "share", match: "exact", scope: "line", reason: "copy-link button (petra)" },
  { marker: "وسوم", kind: "meta_line", match: "prefix", scope: "line", reason: "tag line" },
  {
    marker: "يحدث الآن",
    kind: "related_list",
    match: "prefix",
    scope: "list",
    reason: "live ticker box (almogaz)",
  },
];

export interface FoldedMarker extends BoilerplateMarker {
  folded: string;
}

/** Markers folded once, longest first so "شارك بالقصة" wins over "شارك". */
export const BOILERPLATE_MARKERS: readonly FoldedMarker[] = MARKERS_SOURCE.map((m) => ({
  ...m,
  folded: foldMatchText(m.marker),
})).sort((a, b) => b.folded.length - a.folded.length);

/** Class/id head words whose subtree is dropped even when it holds prose (the prose guard in collectBlocks keeps
 * mislabelled wrappers otherwise): footers and comment threads are long text by nature (jpost.com footer). */
export const TRUSTED_NEGATIVE_TOKENS: ReadonlySet<string> = new Set([
  "comment",
  "comments",
  "disqus",
  "footer",
]);

/** Class/id head words that mark a subtree as boilerplate, sorted, with the reason. Words come from class names
 * and ids split at `-`, `_` and camelCase; only a name's head word (see GENERIC_CLASS_TOKENS) counts. */
export const NEGATIVE_CLASS_TOKENS: ReadonlyMap<string, { kind: RemovedKind; reason: string }> = new Map([
  ["ad", { kind: "ads", reason: "ad slot" }],
  ["adsbygoogle", { kind: "ads", reason: "AdSense slot" }],
  ["advert", { kind: "ads", reason: "ad slot" }],
  ["advertisement", { kind: "ads", reason: "ad slot" }],
  ["ads", { kind: "ads", reason: "ad slot" }],
  ["breadcrumb", { kind: "navigation", reason: "breadcrumb trail" }],
  ["breadcrumbs", { kind: "navigation", reason: "breadcrumb trail" }],
  ["comment", { kind: "comments", reason: "comment thread or form" }],
  ["comments", { kind: "comments", reason: "comment thread or form" }],
  ["cookie", { kind: "navigation", reason: "cookie banner" }],
  ["disqus", { kind: "comments", reason: "Disqus thread" }],
  ["footer", { kind: "navigation", reason: "page footer" }],
  ["login", { kind: "navigation", reason: "login form or modal (sputniknews)" }],
  ["menu", { kind: "navigation", reason: "menus" }],
  ["modal", { kind: "navigation", reason: "modal dialog: login, registration, consent (sputniknews)" }],
  ["mostread", { kind: "related_list", reason: "most-read box" }],
  ["nav", { kind: "navigation", reason: "navigation" }],
  ["navbar", { kind: "navigation", reason: "navigation" }],
  ["newsletter", { kind: "meta_line", reason: "newsletter signup" }],
  ["next", { kind: "navigation", reason: "next-article pager" }],
  ["outbrain", { kind: "related_list", reason: "Outbrain recommendations" }],
  ["pager", { kind: "navigation", reason: "pager" }],
  ["pagination", { kind: "navigation", reason: "pager" }],
  ["popular", { kind: "related_list", reason: "popular-posts box" }],
  ["popup", { kind: "navigation", reason: "popup dialog" }],
  ["prev", { kind: "navigation", reason: "previous/next pager (lbcgroup next_prev_container)" }],
  ["related", { kind: "related_list", reason: "related-posts box" }],
  ["share", { kind: "share", reason: "share bar" }],
  ["sharing", { kind: "share", reason: "share bar" }],
  ["sidebar", { kind: "navigation", reason: "sidebar" }],
  ["signup", { kind: "meta_line", reason: "newsletter or account signup" }],
  ["social", { kind: "share", reason: "social buttons" }],
  ["sponsored", { kind: "ads", reason: "sponsored content" }],
  ["subscribe", { kind: "meta_line", reason: "subscription promo" }],
  ["taboola", { kind: "related_list", reason: "Taboola recommendations" }],
  ["tags", { kind: "meta_line", reason: "tag list" }],
  ["ticker", { kind: "related_list", reason: "news ticker (almogaz, petra)" }],
  ["trending", { kind: "related_list", reason: "trending box" }],
  ["widget", { kind: "navigation", reason: "sidebar widget" }],
]);

/** Layout words skipped when finding a class name's head word ("comments-area" is about comments). Sorted. */
export const GENERIC_CLASS_TOKENS: ReadonlySet<string> = new Set([
  "area",
  "block",
  "box",
  "col",
  "container",
  "ct",
  "holder",
  "inner",
  "item",
  "items",
  "module",
  "outer",
  "region",
  "row",
  "section",
  "top",
  "window",
  "wrap",
  "wrapper",
]);

/** Class/id tokens that protect a subtree from NEGATIVE_CLASS_TOKENS ("article-share" is dropped, but
 * "article-body has-share" is kept), sorted. */
export const POSITIVE_CLASS_TOKENS: ReadonlySet<string> = new Set([
  "article",
  "articlebody",
  "body",
  "content",
  "entry",
  "main",
  "post",
  "story",
  "text",
]);

/** Tags whose subtree is never article text, with the removal kind (null: dropped silently). Sorted. */
export const SKIPPED_TAGS: ReadonlyMap<string, RemovedKind | null> = new Map<string, RemovedKind | null>([
  ["applet", null],
  ["aside", "related_list"],
  ["audio", null],
  ["button", "share"],
  ["canvas", null],
  ["datalist", null],
  ["embed", null],
  ["footer", "navigation"],
  ["head", null],
  ["iframe", null],
  ["input", null],
  ["map", null],
  ["math", null],
  ["menu", "navigation"],
  ["nav", "navigation"],
  ["noscript", null],
  ["object", null],
  ["option", null],
  ["script", null],
  ["select", null],
  ["style", null],
  ["svg", null],
  ["template", null],
  ["textarea", null],
  ["video", null],
]);

/** Per-site rules, sorted by host: extra subtrees to drop, matched as class/id tokens. */
export const SITE_RULES: ReadonlyMap<string, { dropTokens: readonly string[]; reason: string }> = new Map([
  [
    "aps.dz",
    { dropTokens: ["itemextrafields", "itemnavigation"], reason: "Joomla K2 extra fields and pager" },
  ],
  ["pnn.ps", { dropTokens: ["post-related"], reason: "Sahifa theme related box inside the entry" }],
]);

/** What a widget label is in plain text that lost its HTML: a control (share, print, font size, comment, pager,
 * platform button), the heading of a tag line (tags follow, no sentence), or the label of a permalink line (the
 * story's own link or headline follows). */
export type WidgetRole = "control" | "tags" | "permalink";

export interface WidgetLabel {
  label: string;
  role: WidgetRole;
  reason: string;
}

/** Labels of page widgets as they survive in scraped plain text, sorted by label; the plain-text counterpart of
 * the share and navigation markers above (stripWidgetResidue reads both). A control label is only residue in a
 * run of two or more, or alone on an edge line: "شارك" and "تويتر" open and end real sentences. */
const WIDGET_LABELS_SOURCE: readonly WidgetLabel[] = [
  { label: "a+", role: "control", reason: "font-size button" },
  { label: "a-", role: "control", reason: "font-size button" },
  { label: "comments", role: "control", reason: "comment count button" },
  { label: "email", role: "control", reason: "share by e-mail button" },
  { label: "facebook", role: "control", reason: "share button" },
  { label: "google+", role: "control", reason: "share button" },
  { label: "linkedin", role: "control", reason: "share button" },
  { label: "next", role: "control", reason: "slider or pager button (3alyoum 'Next Previous')" },
  { label: "permalink", role: "permalink", reason: "permalink label" },
  { label: "pinterest", role: "control", reason: "share button" },
  { label: "previous", role: "control", reason: "slider or pager button" },
  { label: "print", role: "control", reason: "print button" },
  { label: "short link", role: "permalink", reason: "short-link box" },
  { label: "tags", role: "tags", reason: "tag line heading" },
  { label: "telegram", role: "control", reason: "share button" },
  { label: "tweet", role: "control", reason: "share button" },
  { label: "twitter", role: "control", reason: "share button" },
  { label: "whatsapp", role: "control", reason: "share button" },
  { label: "أرسل لصديق", role: "control", reason: "send-to-a-friend button" },
  { label: "أضف تعليقك", role: "control", reason: "comment button" },
  { label: "إنستغرام", role: "control", reason: "share button" },
  { label: "اطبع", role: "control", reason: "print button" },
  { label: "اكتب تعليقك", role: "control", reason: "comment button" },
  { label: "اكتب رأيك", role: "control", reason: "comment button (okaz share bar)" },
  { label: "البريد الإلكتروني", role: "control", reason: "share by e-mail button" },
  { label: "الرابط المختصر", role: "permalink", reason: "short-link box" },
  { label: "الكلمات الدلالية", role: "tags", reason: "tag line heading" },
  { label: "الكلمات المفتاحية", role: "tags", reason: "tag line heading" },
  { label: "المزيد", role: "control", reason: "read-more link ending a teaser (aawsat '...المزيد')" },
  { label: "الوسوم", role: "tags", reason: "tag line heading" },
  { label: "انستقرام", role: "control", reason: "share button" },
  { label: "تصغير الخط", role: "control", reason: "font-size button" },
  { label: "تكبير الخط", role: "control", reason: "font-size button" },
  { label: "تلغرام", role: "control", reason: "share button" },
  { label: "تويتر", role: "control", reason: "share button" },
  { label: "تيليجرام", role: "control", reason: "share button" },
  { label: "جوجل بلس", role: "control", reason: "share button (okaz share bar)" },
  { label: "جوجل+", role: "control", reason: "share button" },
  { label: "حجم الخط", role: "control", reason: "font-size control" },
  {
    label: "رابط الخبر",
    role: "permalink",
    reason: "story link box (alweeam 'رابط الخبر بصحيفة الوئام: headline')",
  },
  { label: "رابط المقال", role: "permalink", reason: "story link box" },
  { label: "رابط مختصر", role: "permalink", reason: "short-link box" },
  { label: "سمات", role: "tags", reason: "tag line heading in Arabic WordPress themes (3alyoum)" },
  { label: "شارك عبر", role: "control", reason: "share bar label" },
  { label: "شارك على", role: "control", reason: "share bar label" },
  { label: "شارك من خلال", role: "control", reason: "share bar label (okaz)" },
  { label: "فيس بوك", role: "control", reason: "share button" },
  { label: "فيسبوك", role: "control", reason: "share button" },
  { label: "كلمات دلالية", role: "tags", reason: "tag line heading" },
  { label: "كلمات مفتاحية", role: "tags", reason: "tag line heading" },
  { label: "لينكد إن", role: "control", reason: "share button" },
  { label: "واتس آب", role: "control", reason: "share button" },
  { label: "واتساب", role: "control", reason: "share button" },
  { label: "وسوم", role: "tags", reason: "tag line heading" },
];

export interface FoldedWidgetLabel {
  role: WidgetRole;
  /** The label's folded words. */
  words: readonly string[];
}

/** Widget labels folded and split into words, the exact share and navigation markers added as controls ("شارك",
 * "طباعة", "التالي", "نسخ الرابط"), longest first so "شارك من خلال" wins over "شارك". */
export const WIDGET_LABELS: readonly FoldedWidgetLabel[] = [
  ...WIDGET_LABELS_SOURCE.map((l) => ({ role: l.role, text: l.label })),
  ...MARKERS_SOURCE.filter((m) => m.kind === "share" || m.kind === "navigation").map((m) => ({
    role: "control" as const,
    text: m.marker,
  })),
]
  .map((l) => ({ role: l.role, words: foldMatchText(l.text).split(" ") }))
  .sort((a, b) => b.words.length - a.words.length);
