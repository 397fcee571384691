/**
 * md5 hex of UTF-8 text, equal to PostgreSQL's md5(text) on a UTF8 database: the key of the md5(url_key) indexes.
 * Adapter helper, pure.
 */
import { createHash } from "node:crypto";

/** Example: `md5Hex("news.example/a")` is what `SELECT md5('news.example/a')` returns. */
export function md5Hex(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}
