/**
 * Content hash: the exact-duplicate key of an article body, computed on match text so that
 * re-encodings (presentation forms, tashkeel, hamza seats, spacing) of one text share a key. Pure.
 */
import { createHash } from "node:crypto";
import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { tokenizeNormalized } from "../arabic/tokenize.ts";

/**
 * Hex SHA-1 of the body's normalized tokens joined by one space; "" for a body with no words.
 * Example: contentHash("قالَ المسؤول") === contentHash("قال  المسئول").
 */
export function contentHash(text: string): string {
  const tokens = tokenizeNormalized(normalizeArabic(text));
  if (tokens.length === 0) return "";
  return createHash("sha1").update(tokens.join(" ")).digest("hex");
}
