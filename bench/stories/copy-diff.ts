/**
 * What a dedupe change does to copy groups on the whole dev corpus: runs the dedupe fold of an older src tree (A,
 * `git archive <commit> src | tar -x -C bench/.tmp/old`) and of the working tree (B) over the corpus, counts the
 * article pairs B puts in one copy group and A does not (added) and the reverse (removed), and prints a seeded
 * sample of each with both titles, sources, hours apart, overlap and the texts' first characters, for reading.
 * Labels see few of these pairs (testdata/labels/README.md: a change whose new pairs are half wrong is no gain).
 * Prints corpus text to the terminal only. Benchmark helper, not pure (reads the corpus).
 * Run: node --import tsx bench/stories/copy-diff.ts [old src root, default bench/.tmp/old/src] [--sample 20]
 *   [--chars 220] [--seed 20261130] [--a-raw-text]
 * With `--a-raw-text` A reads the dump's raw text (B the text import stores): what a text rule at import
 * (plainDisplayText) changes; pass `src` as the old root to keep the code the same.
 */
import { resolve } from "node:path";
import { lcg } from "../seeded-random.ts";
import { loadDedupeTree } from "./dedupe-tree.ts";
import { foldCopyGroups } from "./fold-copy-groups.ts";
import { CORPUS_PATH, loadStream } from "./load-corpus.ts";

const SEED_DEFAULT = 20261130;
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const sampleSize = flag("--sample", 20);
const chars = flag("--chars", 220);
const seed = flag("--seed", SEED_DEFAULT);
const oldRoot = resolve(
  args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? "bench/.tmp/old/src",
);
const newRoot = resolve("src");

const articles = loadStream();
const articlesA = args.includes("--a-raw-text") ? loadStream(CORPUS_PATH, "raw") : articles;
const byId = new Map(articles.map((a) => [a.id, a]));

/** Pairs `x` puts in one group and `y` does not. */
function pairsOnlyIn(x: Map<string, string>, y: Map<string, string>): [string, string][] {
  const members = new Map<string, string[]>();
  for (const [id, g] of x) members.set(g, [...(members.get(g) ?? []), id]);
  const out: [string, string][] = [];
  for (const ids of members.values()) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (y.get(ids[i]!) !== y.get(ids[j]!)) out.push([ids[i]!, ids[j]!]);
      }
    }
  }
  return out;
}

function sample<T>(xs: readonly T[], n: number, random: () => number): T[] {
  const copy = [...xs];
  for (let i = 0; i < Math.min(n, copy.length); i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

const [oldM, newM] = [await loadDedupeTree(oldRoot), await loadDedupeTree(newRoot)];
const a = foldCopyGroups(oldM, articlesA).groupOf;
const b = foldCopyGroups(newM, articles).groupOf;
const added = pairsOnlyIn(b, a);
const removed = pairsOnlyIn(a, b);
const pairCount = (x: Map<string, string>) => {
  const sizes = new Map<string, number>();
  for (const g of x.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  return [...sizes.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
};
console.log(`A (${oldRoot}): ${pairCount(a)} same-group pairs; B (working tree): ${pairCount(b)}`);
console.log(`added (B only): ${added.length}; removed (A only): ${removed.length}`);
const random = lcg(seed);
const words = newM.text.toShingleWords;
const shingles = (id: string) =>
  newM.text.toShingleHashes(words(byId.get(id)!.text), newM.text.SHINGLE_WORDS);
const lead = (id: string) => newM.text.toLeadHashes(words(byId.get(id)!.text));
for (const [name, list] of [
  ["added", added],
  ["removed", removed],
] as const) {
  console.log(`\n== ${name}: ${Math.min(sampleSize, list.length)} of ${list.length} ==`);
  sample(list, sampleSize, random).forEach(([x, y], n) => {
    const o = newM.compare.compareShingles(shingles(x), shingles(y));
    const l = newM.compare.compareShingles(lead(x), lead(y)).containment;
    const ax = byId.get(x)!;
    const ay = byId.get(y)!;
    console.log(
      `\n#${n + 1} ${x} ${y} J ${o.jaccard.toFixed(2)} C ${o.containment.toFixed(2)} lead ${l.toFixed(2)} dt ${(Math.abs(ax.timeMs - ay.timeMs) / 3_600_000).toFixed(0)} h`,
    );
    for (const art of [ax, ay]) {
      console.log(`  [${art.sourceId}] ${art.title}`);
      console.log(`    ${art.text.replace(/\s+/g, " ").slice(0, chars)}`);
    }
  });
}
