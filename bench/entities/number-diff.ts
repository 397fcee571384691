/**
 * Number-reading diff: findNumbers of this tree (A) against another tree's (B) on every title and text of the dev
 * corpus as import stores it; prints the mention counts, the mentions only A or only B reads (with context, one line
 * each, deduplicated), and the CPU time per article of each side. Not pure (reads the corpus).
 * Run: git archive main src | tar -x -C bench/.tmp/old
 *      node --import tsx bench/entities/number-diff.ts bench/.tmp/old/src [--cost]
 * --cost skips the listing and times three alternating rounds of each side.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { findNumbers, type NumberMention } from "../../src/stages/entities/find-numbers.ts";
import { loadCorpus } from "../stories/load-corpus.ts";

/** Characters of text shown either side of a changed mention. */
const CONTEXT_CHARS = 25;
/** Timing rounds per side, alternated so a busy machine slows both alike. */
const COST_ROUNDS = 3;

const [oldSrc, ...flags] = process.argv.slice(2);
if (oldSrc === undefined) {
  console.error("usage: number-diff.ts <old src dir> [--cost]");
  process.exit(2);
}
const oldModule = pathToFileURL(resolve(oldSrc, "stages/entities/find-numbers.ts")).href;
const { findNumbers: findOld } = (await import(oldModule)) as { findNumbers: typeof findNumbers };

const corpus = loadCorpus();
const fields = corpus.flatMap((a) => [
  { source: a.source, text: a.title },
  { source: a.source, text: a.text },
]);

if (flags.includes("--cost")) {
  const time = (find: (text: string) => NumberMention[]) => {
    const t0 = process.hrtime.bigint();
    for (const f of fields) find(f.text);
    return Number(process.hrtime.bigint() - t0) / 1e3 / corpus.length;
  };
  for (let round = 0; round < COST_ROUNDS; round++) {
    const b = time(findOld);
    const a = time(findNumbers);
    console.log(
      `round ${round}: A ${a.toFixed(1)} µs/article, B ${b.toFixed(1)} µs/article, A/B ${(a / b).toFixed(2)}`,
    );
  }
  process.exit(0);
}

const key = (m: NumberMention) => `${m.start}:${m.end}:${m.value}`;
const line = (side: string, source: string, text: string, m: NumberMention) => {
  const context = text
    .slice(Math.max(0, m.start - CONTEXT_CHARS), m.end + CONTEXT_CHARS)
    .replace(/\s+/g, " ");
  return `${side}\t${source}\t${m.text} = ${m.value}\t| ${context}`;
};
let countA = 0;
let countB = 0;
const changed = new Set<string>();
let changedMentions = 0;
for (const f of fields) {
  const a = findNumbers(f.text);
  const b = findOld(f.text);
  countA += a.length;
  countB += b.length;
  const keysA = new Set(a.map(key));
  const keysB = new Set(b.map(key));
  for (const m of a.filter((m) => !keysB.has(key(m)))) changed.add(line("A", f.source, f.text, m));
  for (const m of b.filter((m) => !keysA.has(key(m)))) changed.add(line("B", f.source, f.text, m));
  changedMentions += a.filter((m) => !keysB.has(key(m))).length + b.filter((m) => !keysA.has(key(m))).length;
}
console.log(
  `${corpus.length} articles: mentions A ${countA}, B ${countB}; ${changedMentions} mentions only one side reads (${changed.size} distinct lines)`,
);
for (const l of [...changed].sort()) console.log(l);
