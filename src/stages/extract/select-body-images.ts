/**
 * selectBodyImages: which of the page's images belong in the article body (the lead photo, in-body figures) and
 * where they go among the kept blocks. Runs after selectBody, before rendering; pure, extract stage. Images only
 * reach the sanitized HTML, never the plain text.
 */
import type { Block, ImageSpot } from "./collect-blocks.ts";
import { type HtmlElement, walkHtml } from "./parse-html.ts";
import { collapse } from "./read-page-metadata.ts";
import { resolveUrl } from "./resolve-url.ts";

/** An image narrower or shorter than this, by its width/height attributes, is a pixel, an icon or a button, never a
 * news photo (tracking pixels are 1x1, share icons 16-48 px). */
export const IMAGE_MIN_SIDE_PX = 50;

/** Most images kept per article: a photo gallery page can hold hundreds, and the body is for reading. */
export const IMAGES_MAX_PER_ARTICLE = 40;

/** Lazy-loading attributes that hold the real address while `src` holds a placeholder, in the order read
 * (WordPress lazy-load plugins, jQuery lazyload's data-original). Sorted by how often news pages use them. */
const LAZY_SOURCE_ATTRIBUTES: readonly string[] = ["data-src", "data-lazy-src", "data-original"];

/** srcset attributes, the lazy one first (lazysizes writes the real srcset to data-srcset). */
const SRCSET_ATTRIBUTES: readonly string[] = ["data-srcset", "srcset"];

/** Words in an image's class, id or file path that mark it as decoration, not a photo of the story. Sorted. */
const DECORATIVE_WORDS: ReadonlySet<string> = new Set([
  "avatar",
  "avatars",
  "badge",
  "btn",
  "button",
  "buttons",
  "emoji",
  "favicon",
  "gravatar",
  "icon",
  "icons",
  "loader",
  "logo",
  "logos",
  "pixel",
  "placeholder",
  "spacer",
  "spinner",
  "sprite",
  "sprites",
]);

const PATTERNS = {
  words: /[^a-z0-9]+/,
  camel: /([a-z])([A-Z])/g,
  srcsetItem: /,\s+|,(?=[a-zA-Z]*:?\/\/)/,
  space: /\s+/,
  descriptor: /^(\d+(?:\.\d+)?)([wx])$/,
  number: /^\d+$/,
  dataUrl: /^\s*data:/i,
} as const;

export interface BodyImage {
  /** Absolute http(s) address. */
  src: string;
  alt: string;
  width: string | null;
  height: string | null;
  /** Index of the block the image goes before. */
  position: number;
  /** The image's own figcaption: kept blocks inside it are written there instead of as paragraphs. */
  caption: HtmlElement | null;
  /** The figcaption's lines when selectBody dropped them all (a caption above the story reads as a label line, so
   * edge trimming takes it): they describe the image, so the figure still shows them. Null when some were kept. */
  droppedCaption: string | null;
}

export interface ImageContext {
  /** Subtrees holding the story. */
  roots: ReadonlySet<HtmlElement>;
  /** Blocks inside the roots, in page order. */
  inContainer: readonly Block[];
  /** The blocks selectBody kept, in page order. */
  kept: readonly Block[];
  baseUrl: string | null;
}

/**
 * Keeps an image when it sits inside the article container, before the end of the last kept block, and its box (the
 * nearest enclosing element that holds text blocks, figures aside) holds kept text: an image in a read-also insert,
 * a related list or a byline box shares its box with dropped lines only. Drops pixels, icons, logos and avatars,
 * and addresses that are not http(s) once resolved.
 * Example: `<article><figure><img src="/a.jpg"></figure><p>story…</p></article>` with base https://x.test/ ->
 * [{src: "https://x.test/a.jpg", position: 0, …}].
 */
export function selectBodyImages(spots: readonly ImageSpot[], ctx: ImageContext): BodyImage[] {
  const last = ctx.kept[ctx.kept.length - 1];
  if (last === undefined || spots.length === 0) return [];
  const holdsBlocks = new Set<HtmlElement>();
  const holdsKept = new Set<HtmlElement>();
  const keptSet = new Set(ctx.kept);
  for (const b of ctx.inContainer) {
    markAncestors(b.owner, holdsBlocks, ctx.roots);
    if (keptSet.has(b)) markAncestors(b.owner, holdsKept, ctx.roots);
  }
  const images: BodyImage[] = [];
  const seen = new Set<string>();
  let blocksByOwner: Map<HtmlElement, Block[]> | null = null;
  for (const spot of spots) {
    if (images.length >= IMAGES_MAX_PER_ARTICLE) break;
    if (spot.position > last.index) continue;
    const box = imageBox(spot.element, holdsBlocks, ctx.roots);
    if (box === null || !holdsKept.has(box)) continue;
    const el = spot.element;
    const width = dimension(el.attrs.width);
    const height = dimension(el.attrs.height);
    if (
      (width !== null && Number(width) < IMAGE_MIN_SIDE_PX) ||
      (height !== null && Number(height) < IMAGE_MIN_SIDE_PX)
    )
      continue;
    const raw = imageSource(el);
    if (raw === null) continue;
    const src = resolveUrl(raw, ctx.baseUrl);
    if (src === null || seen.has(src) || isDecorative(el, src)) continue;
    seen.add(src);
    const caption = figureCaption(el);
    if (caption !== null) blocksByOwner ??= groupByOwner(ctx.inContainer);
    images.push({
      src,
      alt: collapse(el.attrs.alt ?? ""),
      width,
      height,
      position: spot.position,
      caption,
      droppedCaption: caption === null ? null : droppedLines(caption, blocksByOwner ?? new Map(), keptSet),
    });
  }
  return images;
}

/** Marks `from` and its ancestors up to the nearest root; stops early at one already marked. */
function markAncestors(from: HtmlElement, marked: Set<HtmlElement>, roots: ReadonlySet<HtmlElement>): void {
  for (let cur: HtmlElement | null = from; cur !== null && !marked.has(cur); cur = cur.parent) {
    marked.add(cur);
    if (roots.has(cur)) return;
  }
}

/** The image's box: its nearest ancestor inside a root that holds text blocks, skipping figures (their caption
 * lines describe the image and say nothing about the box); null when the image is outside every root. */
function imageBox(
  img: HtmlElement,
  holdsBlocks: ReadonlySet<HtmlElement>,
  roots: ReadonlySet<HtmlElement>,
): HtmlElement | null {
  let box: HtmlElement | null = null;
  for (let cur = img.parent; cur !== null; cur = cur.parent) {
    if (box === null && holdsBlocks.has(cur) && cur.tag !== "figure" && cur.tag !== "figcaption") box = cur;
    if (roots.has(cur)) return box ?? cur;
  }
  return null;
}

/**
 * The image's address as written: a lazy-loading attribute, else `src` unless it is a data: placeholder, else the
 * widest srcset candidate of the image or of its `<picture>` sources. Example: `<img src="data:…" data-src="/a.jpg">`
 * -> "/a.jpg"; `<img srcset="s.jpg 300w, l.jpg 1200w">` -> "l.jpg".
 */
export function imageSource(img: HtmlElement): string | null {
  for (const name of LAZY_SOURCE_ATTRIBUTES) {
    const value = usable(img.attrs[name]);
    if (value !== null) return value;
  }
  const src = usable(img.attrs.src);
  if (src !== null) return src;
  for (const name of SRCSET_ATTRIBUTES) {
    const best = bestSrcsetCandidate(img.attrs[name]);
    if (best !== null) return best;
  }
  const picture = img.parent;
  if (picture === null || picture.tag !== "picture") return null;
  for (const child of picture.children) {
    if (child.type !== "element" || child.tag !== "source") continue;
    for (const name of SRCSET_ATTRIBUTES) {
      const best = bestSrcsetCandidate(child.attrs[name]);
      if (best !== null) return best;
    }
  }
  return null;
}

function usable(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === "" || PATTERNS.dataUrl.test(trimmed) ? null : trimmed;
}

/**
 * The candidate with the largest width (w) or density (x) descriptor; a candidate without one counts as 1x (HTML
 * Living Standard, "srcset attribute"). Example: bestSrcsetCandidate("a.jpg 1x, b.jpg 2x") === "b.jpg".
 */
export function bestSrcsetCandidate(srcset: string | undefined): string | null {
  if (srcset === undefined) return null;
  let best: string | null = null;
  let bestWidth = -1;
  let bestDensity = -1;
  for (const item of srcset.split(PATTERNS.srcsetItem)) {
    const [url, descriptor] = item.trim().split(PATTERNS.space);
    if (url === undefined || usable(url) === null) continue;
    const m = descriptor === undefined ? null : PATTERNS.descriptor.exec(descriptor);
    const value = m === null ? 1 : Number(m[1]);
    // Width descriptors outrank densities: a candidate list mixes them only by mistake.
    if (m?.[2] === "w") {
      if (value > bestWidth) {
        bestWidth = value;
        best = url;
      }
    } else if (bestWidth < 0 && value > bestDensity) {
      bestDensity = value;
      best = url;
    }
  }
  return best;
}

/** A width or height attribute in pixels, or null when absent or not a plain number. */
function dimension(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed !== undefined && PATTERNS.number.test(trimmed) ? trimmed : null;
}

/** Icons, logos, sprites, avatars and pixels named so in the class, id or file path. */
function isDecorative(img: HtmlElement, src: string): boolean {
  const { class: cls, id } = img.attrs;
  return (
    hasDecorativeWord(cls) || hasDecorativeWord(id) || hasDecorativeWord(new URL(src).pathname.toLowerCase())
  );
}

function hasDecorativeWord(value: string | undefined): boolean {
  if (value === undefined || value === "") return false;
  for (const word of value.replace(PATTERNS.camel, "$1 $2").toLowerCase().split(PATTERNS.words)) {
    if (DECORATIVE_WORDS.has(word)) return true;
  }
  return false;
}

function groupByOwner(blocks: readonly Block[]): Map<HtmlElement, Block[]> {
  const byOwner = new Map<HtmlElement, Block[]>();
  for (const b of blocks) {
    const list = byOwner.get(b.owner);
    if (list === undefined) byOwner.set(b.owner, [b]);
    else list.push(b);
  }
  return byOwner;
}

/** The text of the blocks inside `caption`, in page order and joined by a space, when none of them was kept; else
 * null. Walks the caption's own (small) subtree, not the page's blocks. */
function droppedLines(
  caption: HtmlElement,
  byOwner: ReadonlyMap<HtmlElement, readonly Block[]>,
  kept: ReadonlySet<Block>,
): string | null {
  const inside: Block[] = [...(byOwner.get(caption) ?? [])];
  walkHtml(caption, (node) => {
    if (node.type === "element") inside.push(...(byOwner.get(node) ?? []));
    return true;
  });
  if (inside.length === 0 || inside.some((b) => kept.has(b))) return null;
  return inside
    .sort((a, b) => a.index - b.index)
    .map((b) => b.text)
    .join(" ");
}

/** The figcaption of the figure the image is in, if any. */
function figureCaption(img: HtmlElement): HtmlElement | null {
  let figure: HtmlElement | null = img.parent;
  if (figure?.tag === "picture" || figure?.tag === "a") figure = figure.parent;
  if (figure?.tag !== "figure") return null;
  for (const child of figure.children)
    if (child.type === "element" && child.tag === "figcaption") return child;
  return null;
}
