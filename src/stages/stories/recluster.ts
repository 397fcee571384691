/**
 * The whole dedupe + story pipeline as one fold over an article stream: fingerprint, find copies, group them,
 * cluster into stories. `recluster` rebuilds from scratch; `StoryStream` is the same fold, one article at a time.
 * Stories stage, pure and deterministic: articles are taken in (time, id) order, so batching cannot matter.
 */
import { DuplicateGroups } from "../dedupe/duplicate-groups.ts";
import { minhashSignature } from "../dedupe/minhash-signature.ts";
import { NearDuplicateIndex } from "../dedupe/near-duplicate-index.ts";
import { shingleText } from "../dedupe/shingle-text.ts";
import { type Assignment, type Story, StoryClusterer } from "./story-clusterer.ts";
import { toStoryTerms } from "./story-vector.ts";

export interface StreamArticle {
  id: string;
  sourceId: string;
  citedSource: string | null;
  title: string;
  text: string;
  /** Published time (else fetched), ms since epoch. */
  timeMs: number;
}

export interface ArticlePlacement {
  id: string;
  /** Copy group key (the group's first article). */
  groupId: string;
  duplicateOf: string | null;
  storyId: string;
  /** What to persist so the index can be rebuilt without re-analysing text. */
  shingles: Uint32Array;
  signature: Uint32Array;
}

/** Orders a stream: time, then id (code-unit order). */
export function compareStreamOrder(
  a: { timeMs: number; id: string },
  b: { timeMs: number; id: string },
): number {
  return a.timeMs - b.timeMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class StoryStream {
  readonly nearDuplicates = new NearDuplicateIndex();
  readonly groups = new DuplicateGroups();
  readonly clusterer = new StoryClusterer();
  /** Nanoseconds spent per phase (for the benchmark). */
  readonly timings = { dedupeMs: 0, clusterMs: 0 };

  /** Adds one article; call in (time, id) order. */
  add(a: StreamArticle): ArticlePlacement & { assignment: Assignment } {
    const t0 = performance.now();
    const shingles = shingleText(a.text);
    const signature = minhashSignature(shingles);
    const copies = this.nearDuplicates.query({ shingles, signature });
    this.nearDuplicates.add(a.id, a.timeMs, { shingles, signature });
    const group = this.groups.add(
      { id: a.id, sourceId: a.sourceId, citedSource: a.citedSource, timeMs: a.timeMs },
      copies.map((c) => c.id),
    );
    const t1 = performance.now();
    const duplicateOf = group.originalId === a.id ? null : group.originalId;
    const assignment = this.clusterer.add({
      id: a.id,
      sourceId: a.sourceId,
      title: a.title,
      timeMs: a.timeMs,
      terms: toStoryTerms(a.title, a.text),
      duplicateOf,
    });
    this.timings.dedupeMs += t1 - t0;
    this.timings.clusterMs += performance.now() - t1;
    return {
      id: a.id,
      groupId: group.groupId,
      duplicateOf,
      storyId: assignment.storyId,
      shingles,
      signature,
      assignment,
    };
  }
}

export interface ReclusterResult {
  /** Final story of every article (after merges). */
  storyOf: Map<string, string>;
  /** Final duplicateOf of every article (null for originals). */
  duplicateOf: Map<string, string | null>;
  stories: Story[];
}

/** Rebuilds duplicate groups and stories from scratch over any order of input (it sorts by (time, id) first). */
export function recluster(articles: readonly StreamArticle[]): ReclusterResult {
  const stream = new StoryStream();
  const ordered = [...articles].sort(compareStreamOrder);
  for (const a of ordered) stream.add(a);
  const storyOf = new Map<string, string>();
  const duplicateOf = new Map<string, string | null>();
  for (const a of ordered) {
    storyOf.set(a.id, stream.clusterer.storyOf(a.id)!);
    duplicateOf.set(a.id, stream.groups.duplicateOf(a.id));
  }
  return { storyOf, duplicateOf, stories: stream.clusterer.listStories() };
}
