/**
 * Interleaved CPU A/B of the dedupe fold (what StoryStream.add does before clustering: shingle words, shingles,
 * signature, lead, word hashes and source when the version has the rewrite test, headline words when it has the late
 * one, NearDuplicateIndex query/add, DuplicateGroups): A is an
 * older src tree (`git archive <commit> src | tar -x -C bench/.tmp/old`), B the working tree. The corpus goes to
 * both in alternating chunks, each chunk's process CPU time charged to its side, so machine load falls on both
 * alike; the two sides' copy groups are compared at the end. Benchmark helper, not pure (reads the corpus).
 * Run: node --import tsx bench/stories/ab-dedupe-cost.ts [old src root, default bench/.tmp/old/src] [rounds]
 */
import { resolve } from "node:path";
import { type DedupeTree, loadDedupeTree } from "./dedupe-tree.ts";
import { loadStream } from "./load-corpus.ts";

const CHUNK = 250;
const DAY_MS = 86_400_000;
const oldRoot = resolve(process.argv[2] ?? "bench/.tmp/old/src");
const rounds = Number(process.argv[3] ?? 3);
const newRoot = resolve("src");

/** One side's fold; word pairs, time and source go in only when the version knows about them. */
function makeFold(m: DedupeTree, places: PlacesModule | undefined) {
  const index = new m.index.NearDuplicateIndex();
  const groups = new m.groups.DuplicateGroups();
  // Versions before the rewrite test have no word pairs; the working tree reads word hashes for them.
  const pairWords = (m.text as { REWRITE_SHINGLE_WORDS?: number }).REWRITE_SHINGLE_WORDS;
  const groupOf = new Map<string, string>();
  // Versions before containment relations join groups on every verified copy.
  const grouping = (m.groups as { groupingCopies?: <T>(c: readonly T[]) => T[] }).groupingCopies;
  const toTitleHashes = (m.index as { toTitleHashes?: (title: string) => Uint32Array }).toTitleHashes;
  return {
    groupOf,
    add(a: ReturnType<typeof loadStream>[number]): void {
      // Versions with lead places (dedupe/lead-places.ts) read the words as written in the same pass.
      const surface: string[] = [];
      const words =
        places === undefined
          ? m.text.toShingleWords(a.text)
          : m.text.toShingleWords(a.text, m.text.DEFAULT_SHINGLE_OPTIONS, Number.POSITIVE_INFINITY, surface);
      const wordHashes = pairWords === undefined ? undefined : m.text.toWordHashes(words);
      const shingles =
        wordHashes === undefined
          ? m.text.toShingleHashes(words, m.text.SHINGLE_WORDS)
          : m.text.toShingleHashesOfWords(wordHashes, m.text.SHINGLE_WORDS);
      const fp = {
        shingles,
        signature: m.minhash.minhashSignature(shingles),
        lead: m.text.toLeadHashes(words),
        ...(wordHashes === undefined ? {} : { wordHashes, sourceId: a.sourceId }),
        ...(places === undefined ? {} : { places: places.toTextPlaces(surface) }),
        // Versions with the late rewrite test read the headline's words.
        ...(toTitleHashes === undefined ? {} : { title: toTitleHashes(a.title) }),
      };
      const copies = index.query(fp, a.timeMs);
      index.add(a.id, a.timeMs, fp);
      // Trees from before the versions merge have no isCopyPair (their mergeIdsOf ignores the argument).
      const isCopyPair = (index as { isCopyPair?: (x: string, y: string) => boolean }).isCopyPair?.bind(
        index,
      );
      groups.evictBefore(a.timeMs - m.index.NEAR_DUPLICATE_WINDOW_DAYS * DAY_MS);
      const g = groups.add(
        { id: a.id, sourceId: a.sourceId, citedSource: a.citedSource, timeMs: a.timeMs },
        (grouping === undefined ? copies : grouping(copies)).map((c) => c.id),
        groups.mergeIdsOf(copies, a.timeMs, isCopyPair),
      );
      groupOf.set(a.id, g.groupId);
    },
  };
}

type PlacesModule = typeof import("../../src/stages/dedupe/lead-places.ts");
/** The tree's lead-places module, if it has one. */
const loadPlaces = (root: string): Promise<PlacesModule | undefined> =>
  import(`${root}/stages/dedupe/lead-places.ts`).catch(() => undefined);

const articles = loadStream();
const [oldM, newM] = [await loadDedupeTree(oldRoot), await loadDedupeTree(newRoot)];
const [oldPlaces, newPlaces] = [await loadPlaces(oldRoot), await loadPlaces(newRoot)];
const totals = { A: 0, B: 0 };
let last: { A: Map<string, string>; B: Map<string, string> } | undefined;
for (let r = 0; r < rounds; r++) {
  const sides = [
    { name: "A" as const, fold: makeFold(oldM, oldPlaces) },
    { name: "B" as const, fold: makeFold(newM, newPlaces) },
  ];
  for (let i = 0; i < articles.length; i += CHUNK) {
    const chunk = articles.slice(i, i + CHUNK);
    const order = (i / CHUNK + r) % 2 === 0 ? sides : [...sides].reverse();
    for (const s of order) {
      const t0 = process.cpuUsage();
      for (const a of chunk) s.fold.add(a);
      const t = process.cpuUsage(t0);
      totals[s.name] += t.user + t.system;
    }
  }
  last = { A: sides[0]!.fold.groupOf, B: sides[1]!.fold.groupOf };
}
const n = articles.length * rounds;
console.log(`A (${oldRoot}): ${(totals.A / n).toFixed(1)} µs CPU/article`);
console.log(`B (working tree): ${(totals.B / n).toFixed(1)} µs CPU/article`);
console.log(
  `B/A: ${(totals.B / totals.A).toFixed(3)} (${articles.length} articles × ${rounds} rounds, chunks of ${CHUNK})`,
);
let differ = 0;
for (const [id, g] of last!.A) if (last!.B.get(id) !== g) differ++;
console.log(`articles whose group key differs between A and B: ${differ}`);
