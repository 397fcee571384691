/**
 * Story leads that are byline residue: reads a dev-corpus store's stories (each one's headline article, as the
 * top-stories page does) and prints the leads leadOf gives that are credit lines ("إعداد: …", "كتب: …"), a
 * reporter's name with a town or a date, or a caption of names. Usage: node --import tsx
 * bench/web/lead-residue-probe.ts FILE [--all] (--all: every article's lead, not only stories' leads).
 */
import Database from "better-sqlite3";
import { leadOf } from "../../src/surfaces/web/storage-reader-data.ts";

const file = process.argv[2];
if (file === undefined) throw new Error("usage: lead-residue-probe.ts FILE [--all]");
const db = new Database(file, { readonly: true });
const rows = (
  process.argv.includes("--all")
    ? db.prepare("SELECT 1 AS n, id, source_id AS src, text FROM articles")
    : db.prepare(`SELECT s.article_count AS n, a.id, a.source_id AS src, a.text FROM stories s
        JOIN articles a ON a.id = s.headline_article_id`)
).all() as { n: number; id: string; src: string; text: string }[];
/** A credit word opening the line, then a colon or a dash. */
const CREDIT = /^[\s*-]*(كتب|كتبت|كتبه|بقلم|إعداد|اعداد|تصوير|متابعة|تقرير|حوار|ترجمة|تحرير)\s*[:\-–]/u;
/** No sentence-ending mark and at most this many words: a caption, a name, a dateline. */
const SHORT_WORDS = 7;
let credit = 0;
let short = 0;
for (const r of rows) {
  const lead = leadOf(r.text);
  if (lead === "") continue;
  const words = lead.split(" ").length;
  const kind = CREDIT.test(lead)
    ? "credit"
    : words <= SHORT_WORDS && !/[.!?\u061f:]$/u.test(lead)
      ? "short"
      : null;
  if (kind === null) continue;
  if (kind === "credit") credit++;
  else short++;
  console.log(`${kind}\t${r.n}\t${r.src}\t${r.id}\t${lead}`);
}
console.log(
  `leads read: ${rows.length}; credit lines ${credit}; short lines without a sentence end ${short}`,
);
