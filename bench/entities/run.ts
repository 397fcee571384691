/**
 * Entity benchmark: extractEntities on the 40 hand-labelled spans of testdata/labels/entities.jsonl (held out: no
 * rule was tuned on them), precision and recall per kind and overall with exact and partial name matching, and
 * CPU µs per article. Not pure (reads the corpus and labels). Run: node --import tsx bench/entities/run.ts [--list]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeArabic } from "../../src/stages/arabic/normalize-arabic.ts";
import { type EntityKind, extractEntities } from "../../src/stages/entities/extract-entities.ts";
import { sampleArticles } from "./sample-articles.ts";

/** Timing rounds over the 40 spans: enough CPU time (~tens of ms) that the µs figure is stable to a few %. */
const TIMING_ROUNDS = 200;

interface NamedKind {
  kind: EntityKind;
  name: string;
}
interface LabelLine {
  id: string;
  span_chars: number;
  entities: NamedKind[];
}

const KINDS: readonly EntityKind[] = ["person", "place", "organization"];
/** Short kind tags of the --list lines. */
const KIND_TAGS: Record<EntityKind, string> = { person: "per", place: "pla", organization: "org" };

/** A name's words after normalizeArabic, punctuation dropped: "«سابك»" -> ["سابك"], "أ. ب" -> ["ا", "ب"]. */
function wordsOf(name: string): string[] {
  return normalizeArabic(name)
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter((w) => w !== "");
}

const isExact = (a: string[], b: string[]) => a.join(" ") === b.join(" ");
/** Every word of the shorter name is a word of the longer one ("الجبير" in "عادل الجبير"). */
function isPartial(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const longWords = new Set(long);
  return short.length > 0 && short.every((w) => longWords.has(w));
}

interface Tally {
  gold: number;
  found: number;
  matched: number;
}

/**
 * One-to-one matching of gold to found names of the same kind, greedily (exact pairs first, then, with partial,
 * partial pairs); returns the unmatched of each side.
 */
function matchNames(gold: NamedKind[], found: NamedKind[], partial: boolean) {
  const goldLeft = new Set(gold.map((_, i) => i));
  const foundLeft = new Set(found.map((_, i) => i));
  const tests = partial ? [isExact, isPartial] : [isExact];
  for (const test of tests)
    for (const g of [...goldLeft])
      for (const f of foundLeft) {
        const gg = gold[g]!;
        const ff = found[f]!;
        if (gg.kind === ff.kind && test(wordsOf(gg.name), wordsOf(ff.name))) {
          goldLeft.delete(g);
          foundLeft.delete(f);
          break;
        }
      }
  return { misses: [...goldLeft].map((i) => gold[i]!), falsePositives: [...foundLeft].map((i) => found[i]!) };
}

const labels: LabelLine[] = readFileSync(join(process.cwd(), "testdata", "labels", "entities.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as LabelLine);
const spans = new Map(sampleArticles().map((s) => [s.id, s.span]));
for (const l of labels) {
  const span = spans.get(l.id);
  if (span === undefined || span.length !== l.span_chars)
    throw new Error(
      `bench.entities: span of ${l.id} is not the labelled one (${span?.length} vs ${l.span_chars})`,
    );
}

const found = labels.map((l) =>
  extractEntities(spans.get(l.id)!).map((e) => ({ kind: e.kind, name: e.name })),
);
const list = process.argv.includes("--list");

const fmt = (x: number) => (Number.isNaN(x) ? "  -  " : x.toFixed(3));
for (const partial of [false, true]) {
  const tally = new Map<EntityKind | "all", Tally>(
    [...KINDS, "all" as const].map((k) => [k, { gold: 0, found: 0, matched: 0 }]),
  );
  const lines: string[] = [];
  labels.forEach((l, i) => {
    const got = found[i]!;
    const { misses, falsePositives } = matchNames(l.entities, got, partial);
    for (const k of [...KINDS, "all" as const]) {
      const t = tally.get(k)!;
      const of = (xs: NamedKind[]) => xs.filter((x) => k === "all" || x.kind === k).length;
      t.gold += of(l.entities);
      t.found += of(got);
      t.matched += of(l.entities) - of(misses);
    }
    if (misses.length + falsePositives.length > 0) {
      const show = (xs: NamedKind[]) => xs.map((x) => `${KIND_TAGS[x.kind]}:${x.name}`).join("، ");
      lines.push(`  ${l.id}  miss [${show(misses)}]  fp [${show(falsePositives)}]`);
    }
  });
  console.log(
    `\n${partial ? "partial" : "exact"} matching (kind + ${partial ? "words contained" : "same normalized name"})`,
  );
  console.log("  kind          gold  found  match  precision  recall  F1");
  for (const [k, t] of tally) {
    const p = t.matched / t.found;
    const r = t.matched / t.gold;
    const f = (2 * p * r) / (p + r);
    console.log(
      `  ${k.padEnd(12)} ${String(t.gold).padStart(5)} ${String(t.found).padStart(6)} ${String(t.matched).padStart(6)}  ${fmt(p).padStart(9)}  ${fmt(r).padStart(6)}  ${fmt(f)}`,
    );
  }
  if (list) for (const line of lines) console.log(line);
}

const texts = labels.map((l) => spans.get(l.id)!);
for (const t of texts) extractEntities(t);
const wallStart = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (let r = 0; r < TIMING_ROUNDS; r++) for (const t of texts) extractEntities(t);
const cpu = process.cpuUsage(cpuStart);
const wallUs = Number(process.hrtime.bigint() - wallStart) / 1000;
const runs = TIMING_ROUNDS * texts.length;
console.log(
  `\ntime: ${((cpu.user + cpu.system) / runs).toFixed(1)} µs CPU per article (${(wallUs / runs).toFixed(1)} µs wall), ${runs} runs on spans of ${Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length)} chars`,
);
