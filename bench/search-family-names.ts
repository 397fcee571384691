/**
 * Reads off the dev corpus the family names written as a nisba with the article (القحطاني، العبادي، السديري) that
 * search keys keep whole (src/stages/arabic/family-name-nisbas.ts), and prints the table. The rule: a word ال + stem
 * + ي is a family name when at least FAMILY_NAME_MIN_SHARE of its occurrences follow a given name (GIVEN_NAMES: "حيدر
 * العبادي", "عبد الله X"), it occurs FAMILY_NAME_MIN_TOKENS times or more, and nothing already keys it (a place's
 * adjective, a proper name, a spelling variant). Usage: node --import tsx bench/search-family-names.ts [--list]
 * (--list: every candidate with its counts, not the table).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PLACES_WITH_PLAIN_ADJECTIVE } from "../src/stages/arabic/analyze-text.ts";
import { FAMILY_NAME_NISBAS } from "../src/stages/arabic/family-name-nisbas.ts";
import { normalizeArabic } from "../src/stages/arabic/normalize-arabic.ts";
import { properNameOf } from "../src/stages/arabic/proper-names.ts";
import { SPELLING_VARIANTS } from "../src/stages/arabic/spelling-variants.ts";
import { tokenize } from "../src/stages/arabic/tokenize.ts";
import { GIVEN_NAMES, PLACE_ADJECTIVES } from "../src/stages/entities/entity-lexicon.ts";
import { readLines } from "../src/surfaces/cli/read-lines.ts";

const CORPUS =
  process.env.AKHBAR_BENCH_CORPUS ??
  join(import.meta.dirname, "../../shared/data/corpus/saudinewsnet.dev.jsonl.gz");

/**
 * Share of a nisba's occurrences right after a given name from which it is a family name: every form at 0.30 or
 * more with 8+ tokens read as a family name (المالكي 0.39, الحربي 0.37, العبادي 0.39, السلمي 0.34, العسيري 0.34);
 * under it adjectives begin (الحضاري "civilizational" 0.20, الجمالي "aesthetic" 0.22, الشرفي "honorary" 0.20).
 */
const FAMILY_NAME_MIN_SHARE = 0.3;
/** Fewest tokens a nisba needs: with fewer, two or three chance neighbours decide the share. */
const FAMILY_NAME_MIN_TOKENS = 8;

/**
 * Given names that are more often everyday words, normalized: علي is also على "on" (على التوالي, على المستوى gave
 * التوالي 1.00 and المستوي 0.35), عيد the feast (عيد الأضحى gave الاضحي 0.84), رمضان and شعبان months.
 */
const GIVEN_NAMES_READ_AS_WORDS = new Set(["علي", "عيد", "رمضان", "شعبان"].map(normalizeArabic));
const GIVEN = new Set(GIVEN_NAMES.map(normalizeArabic).filter((n) => !GIVEN_NAMES_READ_AS_WORDS.has(n)));
/** "مستشفى الملك فيصل التخصصي": institutions named after a king are followed by their kind, not a family name. */
const KING = normalizeArabic("الملك");
const ABD = normalizeArabic("عبد");
const ARTICLE = "\u0627\u0644"; // ALEF, LAM: the article
const YEH = "\u064a"; // ARABIC LETTER YEH

/**
 * Adjectives of places whose search meets them (اليمني, السوري, الأحسائي: PLACE_ADJECTIVES, PLACES_WITH_PLAIN_ADJECTIVE)
 * and spelling-variant forms: searched with their place or group.
 */
const KEYED_ELSEWHERE = new Set([
  ...PLACE_ADJECTIVES.flatMap(([place, adjective]) => [
    ARTICLE + normalizeArabic(adjective),
    normalizeArabic(place) + YEH,
  ]),
  ...PLACES_WITH_PLAIN_ADJECTIVE.map((place) => place + YEH),
  ...SPELLING_VARIANTS.flatMap((g) => g.forms.map(normalizeArabic)),
]);
/** The table this prints: its forms are proper names already, and must not be ruled out for being one. */
const TABLE = new Set(FAMILY_NAME_NISBAS);

function isNisbaWithArticle(norm: string): boolean {
  return norm.length >= 5 && norm.startsWith(ARTICLE) && norm.endsWith(YEH);
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) throw new Error(`search-family-names: corpus not found at ${CORPUS}`);
  const tokens = new Map<string, number>();
  const afterGiven = new Map<string, number>();
  const source = await readLines(CORPUS);
  for await (const line of source.lines) {
    const r = JSON.parse(line.text) as { title?: string; text?: string };
    const words = [...tokenize(r.title ?? ""), ...tokenize(r.text ?? "")].map((t) => t.norm);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (!isNisbaWithArticle(w)) continue;
      tokens.set(w, (tokens.get(w) ?? 0) + 1);
      const prev = words[i - 1];
      const named = (prev !== undefined && GIVEN.has(prev) && words[i - 2] !== KING) || words[i - 2] === ABD;
      if (named) afterGiven.set(w, (afterGiven.get(w) ?? 0) + 1);
    }
  }
  const rows = [...tokens]
    .map(([form, n]) => ({ form, n, share: (afterGiven.get(form) ?? 0) / n }))
    .filter(
      (r) =>
        r.n >= FAMILY_NAME_MIN_TOKENS &&
        !KEYED_ELSEWHERE.has(r.form) &&
        (properNameOf(r.form) === null || TABLE.has(r.form)),
    )
    .sort((a, b) => b.n - a.n || (a.form < b.form ? -1 : 1));
  if (process.argv.includes("--list")) {
    for (const r of rows) console.log(`${r.form}\t${r.n}\t${r.share.toFixed(2)}`);
    return;
  }
  const names = rows
    .filter((r) => r.share >= FAMILY_NAME_MIN_SHARE)
    .map((r) => r.form)
    .sort();
  console.log(`// ${names.length} forms`);
  for (let i = 0; i < names.length; i += 8)
    console.log(
      `  ${names
        .slice(i, i + 8)
        .map((n) => `"${n}"`)
        .join(", ")},`,
    );
}

await main();
