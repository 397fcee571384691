/**
 * Content hash: the exact-duplicate key of an article body, computed on match text so that
 * re-encodings (presentation forms, tashkeel, hamza seats, spacing) of one text share a key. Pure.
 */
import { createHash } from "node:crypto";
import { normalizedWords } from "../arabic/analyze-text.ts";

/**
 * Hex SHA-1 of the body's normalized tokens joined by one space; "" for a body with no words.
 * Example: contentHash("قالَ المسؤول") === contentHash("قال  المسئول").
 */
export function contentHash(text: string): string {
  // tokenize()'s words equal tokenizeNormalized(normalizeArabic(text)) (a property both test files hold), so keys
  // stay those of earlier versions, while only the words that need it are normalized; and the words are shared
  // with the index fields built right after (normalizedWords keeps the last text's words).
  const words = normalizedWords(text);
  if (words.length === 0) return "";
  return createHash("sha1").update(words.join(" ")).digest("hex");
}
