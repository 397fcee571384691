/**
 * Story purity pairs (testdata/labels/story-purity.jsonl): 40 multi-outlet stories the clusterer of 2026-11-29
 * (commit 44b3eac) formed on the whole dev corpus, each member labelled by the event it reports. Every pair of
 * members of one sampled story is a pair the clusterer joined: `same` when both report one event, `different` when
 * a template (each city's teacher interviews, each family's wedding, each arrest) or a neighbouring event was
 * chained in. Scores how many of each pair kind a clustering keeps together: precision is what it measures (wrong
 * joins among these pairs), and `kept` shows what a stricter rule costs. Benchmark helper, not pure (reads a file).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const LABELS = join(process.cwd(), "testdata", "labels", "story-purity.jsonl");

export interface PurityPair {
  a: string;
  b: string;
  /** Sampled stories alternate: odd samples `tune` (may steer constants), even ones `test` (reported only). */
  half: "tune" | "test";
  same: boolean;
}

interface PuritySample {
  sample: number;
  half: "tune" | "test";
  articles: { id: string; event: string }[];
}

/** Every member pair of every sampled story, labelled same event or not. */
export function readPurityPairs(): PurityPair[] {
  if (!existsSync(LABELS)) return [];
  const pairs: PurityPair[] = [];
  for (const line of readFileSync(LABELS, "utf8").trim().split("\n")) {
    const s = JSON.parse(line) as PuritySample;
    for (let i = 0; i < s.articles.length; i++) {
      for (let j = i + 1; j < s.articles.length; j++) {
        const x = s.articles[i]!;
        const y = s.articles[j]!;
        pairs.push({ a: x.id, b: y.id, half: s.half, same: x.event === y.event });
      }
    }
  }
  return pairs;
}

export interface PurityScore {
  /** Same-event pairs still in one story. */
  keptSame: number;
  same: number;
  /** Different-event pairs still in one story (wrong joins). */
  keptDifferent: number;
  different: number;
}

/** Per half (and `all`): how many same-event and different-event pairs a clustering keeps together. */
export function scorePurity(
  pairs: readonly PurityPair[],
  storyOf: (id: string) => string | undefined,
): Record<string, PurityScore> {
  const out: Record<string, PurityScore> = {};
  for (const p of pairs) {
    const together = storyOf(p.a) !== undefined && storyOf(p.a) === storyOf(p.b);
    for (const key of [p.half, "all"]) {
      const r = out[key] ?? { keptSame: 0, same: 0, keptDifferent: 0, different: 0 };
      out[key] = r;
      if (p.same) {
        r.same++;
        if (together) r.keptSame++;
      } else {
        r.different++;
        if (together) r.keptDifferent++;
      }
    }
  }
  return out;
}

/** One line per half: "purity tune: P 0.816 kept same 380/380 wrong 85/85". */
export function formatPurity(score: Record<string, PurityScore>): string[] {
  return (["tune", "test"] as const).flatMap((half) => {
    const r = score[half];
    if (r === undefined) return [];
    const p = r.keptSame / Math.max(1, r.keptSame + r.keptDifferent);
    return [
      `purity ${half}: P ${p.toFixed(3)} kept same ${r.keptSame}/${r.same} wrong ${r.keptDifferent}/${r.different}`,
    ];
  });
}
