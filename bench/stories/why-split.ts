/**
 * Why the clusterer splits DEV stories (stories-dev2, -dev4, -dev5 and -dev6.jsonl unless named; never a held-out set):
 * for each labelled article that did not join the story holding an earlier member of its labelled story, the parts of
 * its join score against that story (cosine, headline-key share, time and age damping, subject and ordinal conflicts,
 * the routine and opinion rules, whether the story was proposed as a candidate) and the first cause that kept it out;
 * then, for each pair of predicted pieces of one labelled story left apart at the end, why the merge pass did not join
 * them (start gap, cosine and score, subject conflict). Reads the clusterer's private state (a diagnostic, not an API).
 * Prints titles to the terminal only. Benchmark helper, not pure (reads files).
 * Run: node --import tsx bench/stories/why-split.ts ['{"ageGraceHours":36}'] [stories-dev2.jsonl ...]
 */

import { toPlaceSubjects } from "../../src/stages/stories/headline-subjects.ts";
import { PlacementLog, StoryStream } from "../../src/stages/stories/recluster.ts";
import {
  type ClusterInput,
  type ClusterTuning,
  DEFAULT_CLUSTER_TUNING,
  StoryClusterer,
} from "../../src/stages/stories/story-clusterer.ts";
import type { SparseVector } from "../../src/stages/stories/story-vector.ts";
import { loadStream, readStoryLabels } from "./load-corpus.ts";

const HOUR_MS = 3_600_000;
const args = process.argv.slice(2);
const tuningArg = args.find((a) => a.startsWith("{"));
const tuning: ClusterTuning = {
  ...DEFAULT_CLUSTER_TUNING,
  ...(JSON.parse(tuningArg ?? "{}") as Partial<ClusterTuning>),
};
const files = args.filter((a) => a.endsWith(".jsonl"));
const gold = new Map<string, string>();
for (const f of files.length > 0
  ? files
  : ["stories-dev2.jsonl", "stories-dev4.jsonl", "stories-dev5.jsonl", "stories-dev6.jsonl"])
  for (const [id, st] of readStoryLabels(f)) gold.set(id, `${f.replace(/^stories-|\.jsonl$/g, "")}/${st}`);

// biome-ignore lint/suspicious/noExplicitAny: a diagnostic reads the clusterer's private state.
type Internals = any;
interface Why {
  id: string;
  story: string;
  partner: string;
  cause: string;
  detail: string;
}
const whys: Why[] = [];
const storyMembers = new Map<string, string[]>();
for (const [id, st] of gold) storyMembers.set(st, [...(storyMembers.get(st) ?? []), id]);
const placedStory = new Map<string, string>();
let current: { scored: Set<unknown> } | null = null;

const proto = StoryClusterer.prototype as Internals;
const originalScore = proto.scoreAgainst;
proto.scoreAgainst = function (this: Internals, article: ClusterInput, story: unknown, kw: Float64Array) {
  current?.scored.add(story);
  return originalScore.call(this, article, story, kw);
};
const originalBest = proto.bestStory;
proto.bestStory = function (
  this: Internals,
  article: ClusterInput,
  vector: SparseVector,
  ids: Int32Array,
  routine: boolean,
) {
  current = { scored: new Set() };
  const best = originalBest.call(this, article, vector, ids, routine);
  const st = gold.get(article.id);
  if (st !== undefined) diagnose(this, article, vector, ids, routine, best, st);
  current = null;
  return best;
};

function diagnose(
  c: Internals,
  article: ClusterInput,
  vector: SparseVector,
  ids: Int32Array,
  routine: boolean,
  best: { story: Internals; score: number } | null,
  st: string,
): void {
  // Stories holding earlier members of the labelled story, open now.
  const partners = new Map<Internals, string>();
  for (const m of storyMembers.get(st)!) {
    if (m === article.id) continue;
    const s = c.storyOfArticle.get(m);
    if (s !== undefined && !partners.has(s)) partners.set(s, m);
  }
  if (partners.size === 0) return;
  const joins = best !== null && best.score >= c.tuning.joinMinScore ? best.story : null;
  if (joins !== null && partners.has(joins)) return;
  for (const [s, m] of partners) {
    const parts = scoreParts(c, article, vector, ids, s, routine);
    whys.push({ id: article.id, story: st, partner: m, ...classify(c, parts, best, joins, s) });
  }
}

interface Parts {
  cos: number;
  keyShare: number;
  timeDecay: number;
  ageDecay: number;
  subject: number;
  ordinal: boolean;
  routineSkip: boolean;
  proposed: boolean;
  lift: number;
  final: number;
}

function scoreParts(
  c: Internals,
  article: ClusterInput,
  vector: SparseVector,
  ids: Int32Array,
  story: Internals,
  routine: boolean,
): Parts {
  c.scatter(vector, ids);
  const cos = c.cosineWithScattered(story.vector, story.ids);
  c.unscatter(ids);
  const kw = c.keyWeights(article);
  let keys = 0;
  let total = 0;
  article.terms.titleKeys.forEach((k: string, i: number) => {
    total += kw[i];
    if (story.keyCounts.has(k)) keys += kw[i];
  });
  const keyShare = total === 0 ? 0 : keys / total;
  const dh = Math.max(0, article.timeMs - c.slots.lastMs[story.slot]) / HOUR_MS;
  const timeDecay = Math.exp(-(dh * dh) / (2 * tuning.timeSigmaHours ** 2));
  const age = Math.max(0, article.timeMs - c.agedFromMs(story)) / HOUR_MS - tuning.ageGraceHours;
  // A headline naming a key the story owns is not damped by its age (STORY_OWNED_NAME_*).
  const ageDecay =
    age > 0 && !c.namesOwnedKey(story, article)
      ? Math.exp(-(age * age) / (2 * tuning.ageSigmaHours ** 2))
      : 1;
  let subject = c.subjectFactor(story.subjects, article.subjects, tuning.storyMainSubjectShare);
  if (
    subject < 1 &&
    tuning.reportedPlaceConflictsOnly &&
    article.subjects &&
    c.isReportedAt(story, article.timeMs)
  )
    subject = c.subjectFactor(
      story.subjects,
      toPlaceSubjects(article.subjects),
      tuning.storyMainSubjectShare,
    );
  const ordinal = story.ordinals.conflicts(article.ordinals);
  let routineSkip = false;
  if (routine && story.routineBySource !== null && !c.wasReported(story)) {
    const before = story.routineBySource.get(article.sourceId);
    if (before !== undefined && article.timeMs - before >= tuning.routineSourceGapHours * HOUR_MS)
      routineSkip = true;
  }
  const liftable = c.sharesReportedNames(story, article);
  const leadLift = c.leadNamesReported(story, article) ? tuning.reportedLeadLift : 1;
  const namesBoth = !story.subjects.isEmpty() && (article.subjects?.length ?? 0) > 0;
  const titleLift = liftable && namesBoth ? tuning.reportedJoinLift : 1;
  const lift = subject === 1 ? Math.max(titleLift, leadLift) : leadLift > 1 ? leadLift : subject;
  const raw = (tuning.cosineWeight * cos + tuning.titleKeyWeight * keyShare) * timeDecay * ageDecay;
  const final = raw * lift * (ordinal ? tuning.ordinalConflictFactor : 1);
  return {
    cos,
    keyShare,
    timeDecay,
    ageDecay,
    subject,
    ordinal,
    routineSkip,
    proposed: current!.scored.has(story),
    lift,
    final,
  };
}

function classify(
  c: Internals,
  p: Parts,
  best: { story: Internals; score: number } | null,
  joins: Internals | null,
  s: Internals,
): { cause: string; detail: string } {
  const t = c.tuning.joinMinScore;
  const undamped = tuning.cosineWeight * p.cos + tuning.titleKeyWeight * p.keyShare;
  const detail = `cos ${p.cos.toFixed(2)} keys ${p.keyShare.toFixed(2)} time ${p.timeDecay.toFixed(2)} age ${p.ageDecay.toFixed(2)} subj ${p.subject} ord ${p.ordinal ? 1 : 0} lift ${p.lift.toFixed(2)} final ${p.final.toFixed(3)} best ${best?.score.toFixed(3) ?? "-"}${joins !== null ? ` (joined ${joins.members.length}-member ${joins === s ? "same" : "other"})` : ""}`;
  let cause: string;
  if (p.routineSkip) cause = "routine rule";
  else if (!p.proposed) cause = p.final >= t ? "not proposed (would join)" : "not proposed (low score)";
  else if (p.ordinal && p.final < t && p.final / tuning.ordinalConflictFactor >= t)
    cause = "ordinal conflict";
  else if (p.subject < 1 && p.final < t && undamped * p.timeDecay * p.ageDecay >= t)
    cause = "subject conflict";
  else if (p.final >= t) cause = "another story scored higher";
  else if (undamped * p.timeDecay >= t && p.ageDecay < 1) cause = "age damping";
  else if (undamped >= t && p.timeDecay < 1) cause = "time damping";
  else cause = "low similarity";
  return { cause, detail };
}

const stream = new StoryStream({ tuning });
const log = new PlacementLog();
const articles = loadStream();
const byId = new Map(articles.map((a) => [a.id, a]));
const when = (id: string) => new Date(byId.get(id)!.timeMs).toISOString().slice(5, 16);
// Pieces still apart some hours after each set's window: why the merge pass left them so.
const snapshots = [
  { set: "dev5", atMs: Date.parse("2015-07-22T12:00:00Z") },
  { set: "dev", atMs: Date.parse("2015-07-24T12:00:00Z") },
  { set: "dev4", atMs: Date.parse("2015-08-02T12:00:00Z") },
  { set: "dev6", atMs: Date.parse("2015-08-03T12:00:00Z") },
  { set: "dev2", atMs: Date.parse("2015-08-05T12:00:00Z") },
  { set: "dev3", atMs: Date.parse("2015-08-12T12:00:00Z") },
];
const mergeLines: string[] = [];
const mergeTally = new Map<string, number>();
function diagnoseMerges(c: Internals, set: string): void {
  for (const [st, ids] of storyMembers) {
    if (!st.startsWith(`${set}/`)) continue;
    const pieces = [...new Set(ids.map((id) => c.storyOfArticle.get(id)).filter((x) => x !== undefined))];
    pieces.sort(c.byAge);
    for (let i = 0; i < pieces.length; i++)
      for (let j = i + 1; j < pieces.length; j++) {
        const [s, o] = [pieces[i], pieces[j]];
        c.scatter(s.vector, s.ids);
        const cos = c.cosineWithScattered(o.vector, o.ids);
        c.unscatter(s.ids);
        const score = tuning.cosineWeight * cos + tuning.titleKeyWeight * c.storyKeyShare(s, o, new Map());
        const subject = c.subjectFactor(s.subjects, o.subjects);
        const ordinal = s.ordinals.conflictsWithSet(o.ordinals) ? tuning.ordinalConflictFactor : 1;
        const gapH = (c.slots.firstMs[o.slot] - c.agedFromMs(s)) / HOUR_MS;
        const pairs =
          ids.filter((id) => c.storyOfArticle.get(id) === s).length *
          ids.filter((id) => c.storyOfArticle.get(id) === o).length;
        const passes = (f: number) => cos * f >= tuning.mergeMinCosine || score * f >= tuning.mergeMinScore;
        const cause =
          gapH > tuning.mergeMaxStartGapHours
            ? "start gap"
            : !passes(1)
              ? score >= 0.25
                ? "merge score 0.25-0.35"
                : "merge score < 0.25"
              : !passes(subject * ordinal)
                ? subject < 1
                  ? "subject conflict"
                  : "ordinal conflict"
                : "would merge (shared terms filter / not rechecked)";
        mergeTally.set(`${set} ${cause}`, (mergeTally.get(`${set} ${cause}`) ?? 0) + pairs);
        const reported = c.wasReported(s) ? "R" : c.wasReported(o) ? "r" : "-";
        mergeLines.push(
          `${reported} ${st.padEnd(44)} ${String(s.members.length).padStart(3)}+${String(o.members.length).padEnd(3)} gap ${gapH.toFixed(1).padStart(5)}h cos ${cos.toFixed(2)} score ${score.toFixed(3)} subj ${subject} ${cause.padEnd(24)} pairs ${pairs} | ${c.describe(s).headline.slice(0, 45)} || ${c.describe(o).headline.slice(0, 45)}${subject < 1 ? ` [${s.subjects.subjects().join(" ")}] x [${o.subjects.subjects().join(" ")}]` : ""}`,
        );
      }
  }
}
for (const a of articles) {
  while (snapshots.length > 0 && a.timeMs >= snapshots[0]!.atMs)
    diagnoseMerges(stream.clusterer as Internals, snapshots.shift()!.set);
  const p = stream.add(a);
  log.record(p);
  // Copies and opinion columns never reach bestStory: record why they stand apart.
  const st = gold.get(a.id);
  if (st === undefined) continue;
  placedStory.set(a.id, p.storyId ?? "");
  const c = stream.clusterer as Internals;
  if (p.duplicateOf === null && p.assignment.opened && p.assignment.score === 0) {
    const partner = storyMembers.get(st)!.find((m) => m !== a.id && placedStory.has(m));
    if (partner !== undefined && c.storyOfArticle.get(partner) !== undefined)
      whys.push({ id: a.id, story: st, partner, cause: "opinion or thin", detail: "" });
  }
}

console.log("===== arrivals kept out of a labelled partner's story");
for (const w of whys) {
  const a = byId.get(w.id)!;
  const split = log.storyOf(w.id) !== log.storyOf(w.partner);
  console.log(
    `${split ? "SPLIT" : "fixed"} ${w.story.padEnd(40)} ${when(w.id)} ${w.cause.padEnd(26)} ${w.detail} | ${a.title.slice(0, 70)} <- ${when(w.partner)} ${byId.get(w.partner)!.title.slice(0, 50)}`,
  );
}
const tally = new Map<string, number>();
for (const w of whys) {
  if (log.storyOf(w.id) === log.storyOf(w.partner)) continue;
  tally.set(w.cause, (tally.get(w.cause) ?? 0) + 1);
}
console.log("===== causes of arrivals still split at the end (article x partner story)");
for (const [cause, n] of [...tally].sort((x, y) => y[1] - x[1]))
  console.log(`${String(n).padStart(4)} ${cause}`);
// Same-story pairs still apart, by the cause of the later member's arrival.
const pairTally = new Map<string, number>();
for (const [st, ids] of storyMembers) {
  if (ids.length < 2) continue;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const [x, y] = [ids[i]!, ids[j]!].sort((u, v) => byId.get(u)!.timeMs - byId.get(v)!.timeMs) as [
        string,
        string,
      ];
      if (log.storyOf(x) === log.storyOf(y)) continue;
      const w = whys.find((v) => v.id === y && log.storyOf(v.partner) === log.storyOf(x));
      const cause = w?.cause ?? "joined another piece, copy, or no partner open";
      const key = `${st.split("/")[0]} ${cause}`;
      pairTally.set(key, (pairTally.get(key) ?? 0) + 1);
    }
}
console.log(
  "===== pieces of one labelled story still apart after its window, and why the merge pass left them",
);
for (const l of mergeLines) console.log(l);
console.log("===== same-story pairs in pieces left apart, by merge cause (set, cause)");
for (const [k, n] of [...mergeTally].sort()) console.log(`${String(n).padStart(4)} ${k}`);
console.log("===== same-story pairs split, by the later member's arrival cause (set, cause)");
for (const [k, n] of [...pairTally].sort()) console.log(`${String(n).padStart(4)} ${k}`);
