/**
 * fixture-new: adds a golden extraction case from a local HTML file, writing testdata/extract/<name>/
 * {source.html, expected.txt, expected.html, expected-metadata.json} from the current extractor output for review.
 * Not pure (reads and writes files). Run: node --import tsx scripts/fixture-new.ts NAME FILE [--url URL] [--force]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { decodeHtml } from "../src/stages/extract/decode-html.ts";
import { extractArticle } from "../src/stages/extract/extract-article.ts";

const PATTERNS = {
  caseName: /^[a-z0-9][a-z0-9-]*$/,
} as const;

const [name, file, ...rest] = process.argv.slice(2);
const url = rest.includes("--url") ? rest[rest.indexOf("--url") + 1] : undefined;
const force = rest.includes("--force");
if (name === undefined || file === undefined || !PATTERNS.caseName.test(name)) {
  console.error("usage: fixture-new NAME FILE [--url URL] [--force]   (NAME: kebab-case)");
  process.exit(2);
}
const dir = join("testdata", "extract", name);
if (existsSync(dir) && !force) {
  console.error(`fixture-new: ${dir} exists; pass --force to overwrite`);
  process.exit(1);
}
const bytes = readFileSync(file);
const { text: html, charset } = decodeHtml(bytes);
const article = extractArticle(html, url === undefined ? {} : { url });
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "source.html"), bytes);
writeFileSync(join(dir, "expected.txt"), `${article.text}\n`);
// The sanitized body: what the reader shows, images and captions included.
writeFileSync(join(dir, "expected.html"), `${article.html}\n`);
const metadata = {
  url: url ?? null,
  charset,
  title: article.title,
  byline: article.byline,
  publishedAt: article.publishedAt,
  language: article.language,
  direction: article.direction,
  siteName: article.siteName,
  citedSource: article.citedSource,
  canonicalUrl: article.canonicalUrl,
  imageUrl: article.imageUrl,
  removedKinds: [...new Set(article.removed.map((r) => r.kind))].sort(),
};
writeFileSync(join(dir, "expected-metadata.json"), `${JSON.stringify(metadata, null, 2)}\n`);
console.log(
  `fixture-new: wrote ${dir} (${article.paragraphs.length} paragraphs); review expected.txt and expected.html before committing`,
);
