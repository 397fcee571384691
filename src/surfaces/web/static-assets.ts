/**
 * The reader's static files, read once at startup: the stylesheet (palette variables prepended), the script and the
 * site icon under content-hashed names, and the IBM Plex Sans Arabic woff2 files from the @fontsource package. Surface IO.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DARK_PALETTE, LIGHT_PALETTE, toCssVariables } from "./palette.ts";

export interface StaticAsset {
  body: Uint8Array;
  contentType: string;
  etag: string;
  /** Content-hashed names never change content, so they may be cached for a year. */
  immutable: boolean;
}

export interface StaticAssets {
  /** URL path → file. */
  files: Map<string, StaticAsset>;
  cssUrl: string;
  jsUrl: string;
  /** The site icon (SVG: lines of text on the header colour); /favicon.ico serves it too. */
  iconUrl: string;
  /** Fonts worth preloading on every page (the Arabic subsets, regular weight). */
  preloadFonts: string[];
}

/**
 * Only the weights and subsets the pages use: regular and bold, Arabic and Latin (about 125 KB in all; Latin loads
 * only when a page has Latin characters, through unicode-range).
 */
const FONT_FILES: readonly [string, string][] = [
  ["plex-arabic-400.woff2", "ibm-plex-sans-arabic-arabic-400-normal.woff2"],
  ["plex-arabic-700.woff2", "ibm-plex-sans-arabic-arabic-700-normal.woff2"],
  ["plex-latin-400.woff2", "ibm-plex-sans-arabic-latin-400-normal.woff2"],
  ["plex-latin-700.woff2", "ibm-plex-sans-arabic-latin-700-normal.woff2"],
];

let cached: StaticAssets | null = null;

/** Loads (once per process) and returns the asset table. */
export function loadStaticAssets(): StaticAssets {
  if (cached !== null) return cached;
  const files = new Map<string, StaticAsset>();
  const here = join(import.meta.dirname, "assets");
  const variables = `:root{${toCssVariables(LIGHT_PALETTE)}}@media (prefers-color-scheme: dark){:root{${toCssVariables(DARK_PALETTE)}}}\n`;
  const css = Buffer.from(variables + readFileSync(join(here, "app.css"), "utf8"));
  const js = readFileSync(join(here, "app.js"));
  const cssUrl = `/static/app.${hashOf(css).slice(0, 10)}.css`;
  const jsUrl = `/static/app.${hashOf(js).slice(0, 10)}.js`;
  files.set(cssUrl, asset(css, "text/css; charset=utf-8", true));
  files.set(jsUrl, asset(js, "text/javascript; charset=utf-8", true));
  const icon = readFileSync(join(here, "favicon.svg"));
  const iconUrl = `/static/favicon.${hashOf(icon).slice(0, 10)}.svg`;
  files.set(iconUrl, asset(icon, "image/svg+xml", true));
  const require = createRequire(import.meta.url);
  const fontDir = join(dirname(require.resolve("@fontsource/ibm-plex-sans-arabic/package.json")), "files");
  for (const [name, file] of FONT_FILES) {
    files.set(`/static/fonts/${name}`, asset(readFileSync(join(fontDir, file)), "font/woff2", false));
  }
  cached = { files, cssUrl, jsUrl, iconUrl, preloadFonts: ["/static/fonts/plex-arabic-400.woff2"] };
  return cached;
}

function asset(body: Uint8Array, contentType: string, immutable: boolean): StaticAsset {
  return { body, contentType, etag: `"${hashOf(body).slice(0, 20)}"`, immutable };
}

function hashOf(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}
