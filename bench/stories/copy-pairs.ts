/**
 * Near-duplicates against the labelled pairs with the dedupe fold alone (the first half of StoryStream.add:
 * fingerprint, NearDuplicateIndex query/add, DuplicateGroups), so copy-rule changes are measured in seconds, not a
 * full stories run. Prints precision/recall per label set and half, and with --list every labelled pair the
 * groups get wrong with its overlaps and the copy links behind it: for a false positive the chain of verified copies
 * that put the two in one group, for a false negative the direct link (if any) and why it did not join the groups.
 * With --half tune (or test) only that half's figures and pairs are printed, so tuning never reads the other half.
 * Benchmark helper, not pure (reads the corpus and labels).
 * With --floor it also checks the issue's floor as bench/stories/run.ts does (every pair of the 3,000 articles from
 * 2015-08-06 with J >= 0.8 or C >= 0.9 on our shingles, or J >= 0.8 on 5-word surface shingles, >= 3 shingles): a
 * pair is found when it shares a copy group or the fold recorded a containment relation between the two
 * (compare-shingles.ts CopyTest "contained", stored as article containment).
 * Run: node --import tsx bench/stories/copy-pairs.ts [--list] [--floor] [--half tune|test|all] [--rule key=value ...]
 *   (--rule overrides a CopyRule field, e.g. --rule rewriteMaxHours=36; Infinity is accepted)
 */
import { resolve } from "node:path";
import { compareShingles } from "../../src/stages/dedupe/compare-shingles.ts";
import {
  SHINGLE_WORDS,
  shingleText,
  toLeadHashes,
  toShingleHashes,
  toShingleWords,
} from "../../src/stages/dedupe/shingle-text.ts";
import {
  applySecondReading,
  halfOf,
  type LabelledPair,
  PROFILE_SHINGLES,
  ruleFromArgs,
  type SecondReading,
  scoreCopies,
} from "./copy-rule-grid.ts";
import { loadDedupeTree } from "./dedupe-tree.ts";
import { type CopyLink, foldCopyGroups, linkPath, pairKey } from "./fold-copy-groups.ts";
import { loadStream, readLabels } from "./load-corpus.ts";

const argv = process.argv.slice(2);
const list = argv.includes("--list");
const halfArg = argv.includes("--half") ? argv[argv.indexOf("--half") + 1] : "all";
const fmt = (x: number, d = 3) => x.toFixed(d);
const rule = ruleFromArgs(argv, "copy-pairs");

const articles = loadStream();
const byId = new Map(articles.map((a) => [a.id, a]));
const pairs = readLabels<LabelledPair>("pairs.jsonl");
const second = readLabels<SecondReading>("pairs-second-reading.jsonl");
const sets = [
  { name: "original labels", pairs },
  { name: "second reading", pairs: applySecondReading(pairs, second) },
];

const tree = await loadDedupeTree(resolve("src"));
const t0 = process.cpuUsage();
const links: CopyLink[] = [];
const contained = new Set<string>();
const { groupOf } = foldCopyGroups(tree, articles, {
  rule,
  contained,
  ...(list ? { links } : {}),
});
const cpu = process.cpuUsage(t0);
console.log(
  `dedupe fold: ${articles.length} articles, ${fmt((cpu.user + cpu.system) / articles.length, 0)} µs CPU/article`,
);
const found = (p: LabelledPair) => groupOf.get(p.a) !== undefined && groupOf.get(p.a) === groupOf.get(p.b);
for (const set of sets) {
  for (const half of ["all", "tune", "test"] as const) {
    if (halfArg !== "all" && half !== halfArg) continue;
    const { tp, fp, fn } = scoreCopies(set.pairs, half, found);
    console.log(
      `${(half === "all" ? set.name : halfArg === "all" ? `  ${half} half` : `${set.name}, ${half} half`).padEnd(16)} P ${fmt(tp / Math.max(1, tp + fp))} R ${fmt(tp / Math.max(1, tp + fn))} (tp ${tp} fp ${fp} fn ${fn})`,
    );
  }
}

if (list) {
  const labelled = sets[1]!.pairs;
  const original = new Map(pairs.map((p) => [`${p.a} ${p.b}`, p.label]));
  for (const p of labelled) {
    if (halfArg !== "all" && halfOf(p) !== halfArg) continue;
    const f = found(p);
    if (f === (p.label === "copy")) continue;
    const a = byId.get(p.a)!;
    const b = byId.get(p.b)!;
    const wa = toShingleWords(a.text);
    const wb = toShingleWords(b.text);
    const o = compareShingles(toShingleHashes(wa, SHINGLE_WORDS), toShingleHashes(wb, SHINGLE_WORDS));
    const lead = compareShingles(toLeadHashes(wa), toLeadHashes(wb)).containment;
    console.log(
      `${f ? "FP" : "FN"} ${halfOf(p)} ${p.a} ${p.b} label ${p.label} (was ${original.get(`${p.a} ${p.b}`)}) J ${fmt(o.jaccard, 2)} C ${fmt(o.containment, 2)} n ${o.smaller} lead ${fmt(lead, 2)} dt ${fmt(Math.abs(a.timeMs - b.timeMs) / 3_600_000, 0)} h ${a.sourceId}/${b.sourceId}`,
    );
    const describe = (l: CopyLink) =>
      `${l.id} (${byId.get(l.id)!.sourceId}) ~ ${l.copyId} (${byId.get(l.copyId)!.sourceId}) J ${fmt(l.jaccard, 2)} C ${fmt(l.containment, 2)} ${l.test} ${l.role} dt ${fmt((byId.get(l.id)!.timeMs - byId.get(l.copyId)!.timeMs) / 3_600_000, 0)} h`;
    if (f) {
      for (const l of linkPath(links, p.a, p.b) ?? []) console.log(`   chain: ${describe(l)}`);
      continue;
    }
    const sizeOf = (id: string) => [...groupOf.values()].filter((g) => g === groupOf.get(id)).length;
    console.log(`   groups: ${sizeOf(p.a)} and ${sizeOf(p.b)} articles`);
    const direct = links.find(
      (l) => (l.id === p.a && l.copyId === p.b) || (l.id === p.b && l.copyId === p.a),
    );
    console.log(`   direct: ${direct === undefined ? "no verified copy link" : describe(direct)}`);
  }
}

if (argv.includes("--floor")) {
  const sample = articles.filter((a) => a.timeMs >= Date.parse("2015-08-06T00:00:00Z")).slice(0, 3000);
  const ours = sample.map((a) => shingleText(a.text));
  const j5 = sample.map((a) => shingleText(a.text, PROFILE_SHINGLES));
  let floor = 0;
  let inGroup = 0;
  let byContainment = 0;
  const missed: string[] = [];
  for (let i = 0; i < sample.length; i++) {
    for (let j = i + 1; j < sample.length; j++) {
      const o = compareShingles(ours[i]!, ours[j]!);
      if (o.smaller < 3) continue;
      if (!(o.jaccard >= 0.8 || o.containment >= 0.9 || compareShingles(j5[i]!, j5[j]!).jaccard >= 0.8))
        continue;
      floor++;
      const [x, y] = [sample[i]!.id, sample[j]!.id];
      if (groupOf.get(x) === groupOf.get(y)) inGroup++;
      else if (contained.has(pairKey(x, y))) byContainment++;
      else missed.push(`${x} ${y} J ${fmt(o.jaccard, 2)} C ${fmt(o.containment, 2)} n ${o.smaller}`);
    }
  }
  console.log(
    `floor pairs (3,000 articles from 2015-08-06): ${floor}; in one copy group ${inGroup}, recorded as containment ${byContainment}, missed ${missed.length}`,
  );
  for (const m of missed) console.log(`   missed: ${m}`);
}
