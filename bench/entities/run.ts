/**
 * Entity benchmark: extractEntities on the hand-labelled spans of two label sets, precision and recall per kind and
 * overall with exact and partial name matching, and CPU µs per article (on the tune spans).
 * - tune (testdata/labels/entities.jsonl, 40 spans, seed 20261129): used to find rule bugs, no longer an honest
 *   figure;
 * - test (testdata/labels/entities-test.jsonl, 40 other spans, seed 7): labelled blind, held out for the final
 *   figure; read it once, do not tune on it.
 * Not pure (reads the corpus and labels). Run: node --import tsx bench/entities/run.ts [--list] [--set=tune|test]
 * [--check]. --list prints each set's misses and false positives; --set runs one set only; --check only validates
 * the label files against the drawn spans (ids, span lengths, kinds) and prints no score.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeArabic } from "../../src/stages/arabic/normalize-arabic.ts";
import { type EntityKind, extractEntities } from "../../src/stages/entities/extract-entities.ts";
import { sampleLabelSets } from "./sample-articles.ts";

/** Timing rounds over the 40 tune spans: enough CPU time (~tens of ms) that the µs figure is stable to a few %. */
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

interface LabelSet {
  /** Heading of the set's tables. */
  title: string;
  labels: LabelLine[];
  spans: Map<string, string>;
}

/** Reads one label file and checks every line against the drawn spans of its set (same ids, same span length). */
function readLabelSet(title: string, file: string, drawn: readonly { id: string; span: string }[]): LabelSet {
  const labels = readFileSync(join(process.cwd(), "testdata", "labels", file), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as LabelLine);
  const spans = new Map(drawn.map((s) => [s.id, s.span]));
  const seen = new Set<string>();
  for (const l of labels) {
    const span = spans.get(l.id);
    if (span === undefined || span.length !== l.span_chars)
      throw new Error(
        `bench.entities: ${file}: span of ${l.id} is not the labelled one (${span?.length} vs ${l.span_chars})`,
      );
    if (seen.has(l.id)) throw new Error(`bench.entities: ${file}: ${l.id} labelled twice`);
    seen.add(l.id);
    for (const e of l.entities)
      if (!KINDS.includes(e.kind) || e.name.trim() === "")
        throw new Error(`bench.entities: ${file}: ${l.id} has a bad entity ${JSON.stringify(e)}`);
  }
  if (seen.size !== drawn.length)
    throw new Error(`bench.entities: ${file}: ${seen.size} spans labelled, ${drawn.length} drawn`);
  return { title, labels, spans };
}

const fmt = (x: number) => (Number.isNaN(x) ? "  -  " : x.toFixed(3));

/** Prints the exact and partial per-kind tables of one set (and, with list, its misses and false positives). */
function scoreSet({ title, labels, spans }: LabelSet, list: boolean): void {
  console.log(`\n=== ${title}: ${labels.length} spans`);
  const found = labels.map((l) =>
    extractEntities(spans.get(l.id)!).map((e) => ({ kind: e.kind, name: e.name })),
  );
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
}

const drawn = sampleLabelSets();
const sets = {
  tune: readLabelSet("tune (entities.jsonl)", "entities.jsonl", drawn.tune),
  test: readLabelSet("test (entities-test.jsonl)", "entities-test.jsonl", drawn.test),
};
const setArg = process.argv.find((a) => a.startsWith("--set="))?.slice("--set=".length);
if (setArg !== undefined && setArg !== "tune" && setArg !== "test")
  throw new Error(`bench.entities: unknown --set=${setArg} (tune|test)`);
const setNames: readonly (keyof typeof sets)[] = setArg === undefined ? ["tune", "test"] : [setArg];
if (process.argv.includes("--check")) {
  for (const s of Object.values(sets)) {
    const count = s.labels.reduce((n, l) => n + l.entities.length, 0);
    console.log(`${s.title}: ${s.labels.length} spans match their draw, ${count} entities`);
  }
  process.exit(0);
}
for (const name of setNames) scoreSet(sets[name], process.argv.includes("--list"));

/** Timing on the tune spans only, so the µs figure stays comparable with the runs before the test set existed. */
const texts = sets.tune.labels.map((l) => sets.tune.spans.get(l.id)!);
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
