/**
 * Copies whose title names subjects that conflict with their original's (stories/headline-subjects.ts
 * SubjectSet.conflicts): on the whole dev corpus, with the dedupe fold of an older src tree (A, `git archive <commit>
 * src | tar -x -C bench/.tmp/old`) and of the working tree (B). A copy's original is its copy group's final original,
 * as storage keeps it (`duplicate_of` repointed on merges). Template texts about different subjects (national-day
 * cables to two countries, two regions' forecasts) show up here; so do right copies retitled by an outlet (مطار
 * الدمام = مطار الملك فهد), so the count is a pointer for reading, not a precision. Prints both counts, then a
 * seeded sample of the conflicts only in A, only in B and in both, each with the chain of copy links (test, overlap,
 * what the fold did with it) that put the copy in its original's group.
 * Prints corpus titles to the terminal only. Benchmark helper, not pure (reads the corpus).
 * Run: node --import tsx bench/stories/copy-title-conflicts.ts [old src root, default bench/.tmp/old/src]
 *   [--sample 40] [--seed 7]
 */
import { resolve } from "node:path";
import { SubjectSet, toHeadlineSubjects } from "../../src/stages/stories/headline-subjects.ts";
import { lcg } from "../seeded-random.ts";
import { type DedupeTree, loadDedupeTree } from "./dedupe-tree.ts";
import { type CopyGroupsFold, type CopyLink, foldCopyGroups, linkPath } from "./fold-copy-groups.ts";
import { loadStream } from "./load-corpus.ts";

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const sampleSize = flag("--sample", 40);
const seed = flag("--seed", 7);
const oldRoot = resolve(
  args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? "bench/.tmp/old/src",
);
const newRoot = resolve("src");

const articles = loadStream();
const byId = new Map(articles.map((a) => [a.id, a]));

/** Copies (id -> original) whose title's subjects conflict with the original's title's. */
function conflictsOf(originalOf: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, original] of originalOf) {
    if (original === id) continue;
    const subjects = new SubjectSet();
    subjects.add(toHeadlineSubjects(byId.get(original)!.title));
    if (subjects.conflicts(toHeadlineSubjects(byId.get(id)!.title))) out.set(id, original);
  }
  return out;
}

const [oldM, newM] = [await loadDedupeTree(oldRoot), await loadDedupeTree(newRoot)];
/** A tree's fold with every copy link but the containments its groups never joined on. */
function foldOf(m: DedupeTree): CopyGroupsFold & { links: CopyLink[] } {
  const all: CopyLink[] = [];
  const fold = foldCopyGroups(m, articles, { links: all });
  return { ...fold, links: all.filter((l) => !(l.role === "none" && l.test === "contained")) };
}

const a = foldOf(oldM);
const b = foldOf(newM);
const ca = conflictsOf(a.originalOf);
const cb = conflictsOf(b.originalOf);
const copies = (x: Map<string, string>) => [...x].filter(([id, o]) => id !== o).length;
console.log(
  `A (${oldRoot}): copies ${copies(a.originalOf)}, title-subject conflicts with their original ${ca.size}`,
);
console.log(
  `B (working tree): copies ${copies(b.originalOf)}, title-subject conflicts with their original ${cb.size}`,
);
const random = lcg(seed);
const title = (id: string) => byId.get(id)!.title.replace(/\s+/g, " ").slice(0, 70);
const hours = (x: string, y: string) => ((byId.get(x)!.timeMs - byId.get(y)!.timeMs) / 3_600_000).toFixed(0);
for (const [name, list, fold] of [
  ["only in A", [...ca].filter(([id, o]) => cb.get(id) !== o), a],
  ["only in B", [...cb].filter(([id, o]) => ca.get(id) !== o), b],
  ["in both", [...cb].filter(([id, o]) => ca.get(id) === o), b],
] as const) {
  const rows = [...list];
  console.log(`\n== ${name}: ${Math.min(sampleSize, rows.length)} of ${rows.length} ==`);
  for (let n = 0; n < sampleSize && rows.length > 0; n++) {
    const [id, original] = rows.splice(Math.floor(random() * rows.length), 1)[0]!;
    console.log(`\n#${n + 1} ${original} [${byId.get(original)!.sourceId}] ${title(original)}`);
    console.log(`   copy ${id} [${byId.get(id)!.sourceId}] ${title(id)}`);
    for (const l of linkPath(fold.links, original, id) ?? []) {
      console.log(
        `   link ${l.id} ~ ${l.copyId} J ${l.jaccard.toFixed(2)} C ${l.containment.toFixed(2)} ${l.test} ${l.role} dt ${hours(l.id, l.copyId)} h`,
      );
    }
  }
}
