/**
 * Online story assignment after articles are stored: one StoryStream per process and store, rebuilt once from the
 * stored window, then fed new articles in (time, id) order; placements, group originals, merges (as aliases) and
 * stories commit in one transaction per step. Where several processes assign (PostgreSQL workers; serve --crawl beside
 * an import on one SQLite file), each step runs under the store's withAssignmentLock and first rebuilds a stream
 * another process has moved past, so none splits a story.
 * Pipeline: stages/stories does the work, StoryStore the IO.
 */
import type {
  ArticleContainment,
  EncodedStreamSnapshot,
  PlacementBatch,
  StoryHeadline,
  StoryStreamRow,
} from "../domain/story.ts";
import type { BatchPreparer } from "../ports/batch-preparer.ts";
import type { Storage } from "../ports/storage.ts";
import type { StoryStore } from "../ports/story-store.ts";
import { NEAR_DUPLICATE_WINDOW_DAYS } from "../stages/dedupe/near-duplicate-index.ts";
import {
  compareStreamOrder,
  PlacementLog,
  StoryStream,
  type StreamAnalysis,
  type ArticlePlacement as StreamPlacement,
} from "../stages/stories/recluster.ts";
import type { Story } from "../stages/stories/story-clusterer.ts";

/**
 * Days of stored articles replayed, at least, to rebuild the stream: the near-duplicate window (copies are only
 * looked for that far back), which also covers the story window (96 h). The replay starts at the newest stream
 * snapshot at least this far before the first article to place (PlacementBatch.snapshots: the clusterer's term and
 * headline-key statistics and merge-pass position, which count the whole stream), so a rebuilt stream weighs and
 * merges as the one that placed them. The replay rebuilds what no snapshot holds: a copy group that started before it
 * carries on under its stored key, opening time and original (DuplicateGroups.rebase), its first member in the replay
 * clustered as the copy it was (StoryStream.add `carried`); stories open at its start start afresh there, and by its
 * end the stream holds what one fold holds unless a story reached across the whole replay
 * (bench/stories/restart-replay.ts measures it: none on the dev corpus). Without a snapshot that old (a store written
 * before snapshots, a late arrival older than the kept ones) the replay starts this many days back from a fresh
 * stream, as before snapshots: IDF and bursts then count only the window.
 */
export const REBUILD_WINDOW_DAYS = NEAR_DUPLICATE_WINDOW_DAYS;
/**
 * Stream snapshots kept: one is taken before the first article of each UTC day the stream enters, and a rebuild
 * needs the newest one at least REBUILD_WINDOW_DAYS before the first article to place. An article on day D-n (n days
 * before the newest placed one's day D) needs the snapshot of day D-n-REBUILD_WINDOW_DAYS, so with every day present
 * REBUILD_WINDOW_DAYS + 1 + n snapshots are needed: + 3 lets a late arrival up to two days older find one
 * (stream-snapshots.test.ts; with + 2 it finds none and falls back to the fresh 14-day window). About 1 MB each on
 * the dev corpus.
 */
export const STREAM_SNAPSHOTS_KEPT = REBUILD_WINDOW_DAYS + 3;
/** Articles per transaction when recluster places everything: bounds the fingerprints held in memory. */
export const RECLUSTER_CHUNK_ARTICLES = 2_000;

/**
 * Rows per analysis job when another thread analyzes placement's text (BatchPreparer.analyzeStories): large enough
 * that a message's cost is small beside its work (~250 x 0.1 ms), small enough that the fold waits little for the
 * first one.
 */
export const STORY_ANALYSIS_CHUNK_ROWS = 250;

const DAY_MS = 86_400_000;

/** Where placement's text analysis may run beside the fold (an import's worker threads). */
export type StoryAnalyzer = Pick<BatchPreparer, "parallelism" | "analyzeStories">;

type Key = { timeMs: number; id: string };

/**
 * How far a placement step has got, for a progress display: `rebuild` while the stored window is fed back into a
 * fresh stream (rows of the window), `place` while the articles to place are folded (rows to place); `done` of
 * `total` in each. Called after every row: throttle in the callback.
 */
export type PlacementProgress = (phase: "rebuild" | "place", done: number, total: number) => void;

export interface AssignSummary {
  /** Articles placed (new ones, and later ones re-placed when an earlier article arrived late). */
  placed: number;
  /** True when an article older than the stream's last one arrived and the window was replayed. */
  replayed: boolean;
  merges: number;
  /** Stored articles fed to a fresh stream before placing (first use, a late arrival, or another process placed
   * since this one's last step); 0 when the stream in memory was current. The cost a warm stream saves. */
  rebuiltRows: number;
}

/**
 * The process-wide assigner of one store. Calls are serialized. Late arrivals (an article before the last one
 * placed) rebuild the stream from the window before them and re-place everything after them, so the stored
 * result equals one fold over the stored articles in (time, id) order, whatever the batching.
 */
export class StoryAssigner {
  readonly #store: StoryStore;
  #stream: StoryStream | null = null;
  #frontier: Key | null = null;
  /** Stream story id → stored story id, when a rebuilt stream opened a stored story under another id. */
  #storedIdOf = new Map<string, string>();
  /** Current original per copy group, as last written. */
  #originalOf = new Map<string, string>();
  /** Headline of each stream story that closed during the current step, as the clusterer described it then. */
  #closedHeadlines = new Map<string, Pick<Story, "id" | "headline" | "headlineArticleId">>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(store: StoryStore) {
    this.#store = store;
  }

  /**
   * Places these stored articles (ids already placed, or unknown, are skipped). On a store several processes
   * write, the step runs under the store's assignment lock, and a stream another process has moved past (it placed
   * or cleared since this assigner's last write) is dropped and rebuilt from the store first, as on first use.
   */
  assign(
    ids: readonly string[],
    options: { everyUnplaced?: boolean; analyzer?: StoryAnalyzer; onProgress?: PlacementProgress } = {},
  ): Promise<AssignSummary> {
    return this.#step(() =>
      this.#assign(ids, options.everyUnplaced === true, options.analyzer, options.onProgress),
    );
  }

  /** Drops every placement, story and alias, and starts from an empty stream without reading the store. */
  clear(): Promise<void> {
    return this.#step(async () => {
      await this.#store.clearStories();
      this.#stream = this.#newStream();
      this.#frontier = null;
    });
  }

  #newStream(): StoryStream {
    return new StoryStream({
      onStoryClosed: ({ id, headline, headlineArticleId }) =>
        this.#closedHeadlines.set(id, { id, headline, headlineArticleId }),
    });
  }

  /** Runs steps one at a time in this process, and under the store's assignment lock when it has one. */
  #step<T>(body: () => Promise<T>): Promise<T> {
    const store = this.#store;
    const run = this.#queue.then(() =>
      store.withAssignmentLock === undefined
        ? body()
        : store.withAssignmentLock((changedElsewhere) => {
            if (changedElsewhere) this.#stream = null;
            return body();
          }),
    );
    this.#queue = run.catch(() => {});
    return run;
  }

  async #assign(
    ids: readonly string[],
    everyUnplaced: boolean,
    analyzer: StoryAnalyzer | undefined,
    onProgress: PlacementProgress | undefined,
  ): Promise<AssignSummary> {
    const first = this.#stream === null;
    // Read under the lock in one round trip: an article another process placed meanwhile is left out.
    const rows = (
      await this.#store.getUnplacedStreamRows(ids, { everyUnplaced: first || everyUnplaced })
    ).sort(compareStreamOrder);
    const earliest = rows[0];
    if (earliest === undefined) return { placed: 0, replayed: false, merges: 0, rebuiltRows: 0 };
    let toPlace = rows;
    let replayed = false;
    let rebuiltRows = 0;
    if (first && (await this.#store.countStories({})) === 0) {
      // Nothing placed yet (a fresh store, a first import): the window holds only the unplaced articles just read,
      // so a fresh stream places them as they are, without reading them all a second time.
      this.#resetStream();
    } else if (first || (this.#frontier !== null && compareStreamOrder(earliest, this.#frontier) < 0)) {
      replayed = !first;
      const rebuilt = await this.#rebuild(earliest, onProgress);
      toPlace = rebuilt.toPlace;
      rebuiltRows = rebuilt.fed;
    }
    try {
      const batch = await this.#add(toPlace, analyzer, onProgress);
      await this.#store.writePlacements(batch);
      return { placed: batch.placements.length, replayed, merges: batch.merges.length, rebuiltRows };
    } catch (error) {
      // The stream has folded rows the store does not hold: drop it, so the next step rebuilds it from the store
      // instead of meeting those rows again ("already in the near-duplicate index") on every later step.
      this.#stream = null;
      throw error;
    }
  }

  /**
   * A fresh stream fed the stored window before `from` (their stored stories kept, mapped onto the stream's);
   * returns what must be (re)placed, in order: every stored article from `from` or from the first unplaced one in
   * the window, whichever comes first. An unplaced article before `from` (stored by another writer while this step
   * ran, its own job still queued) must be folded before the placed ones after it, never after them. `fed`: how
   * many stored articles the fresh stream was fed.
   */
  async #rebuild(
    from: Key,
    onProgress?: PlacementProgress,
  ): Promise<{ toPlace: StoryStreamRow[]; fed: number }> {
    const stream = this.#resetStream();
    const startMs = from.timeMs - REBUILD_WINDOW_DAYS * DAY_MS;
    const snapshot = await this.#store.findStreamSnapshot(startMs);
    const restored = snapshot !== null && stream.restore(snapshot.state) ? snapshot : null;
    const start: Key =
      restored === null ? { timeMs: startMs, id: "" } : { timeMs: restored.timeMs, id: restored.articleId };
    const window = await this.#store.listStreamRowsSince(start.timeMs);
    const toPlace: StoryStreamRow[] = [];
    const kept: { id: string; storyId: string }[] = [];
    const log = new PlacementLog();
    let read = 0;
    for (const row of window) {
      onProgress?.("rebuild", ++read, window.length);
      // Articles at the snapshot's time before its article are already counted in it.
      if (compareStreamOrder(row, start) < 0) continue;
      if (toPlace.length > 0 || row.storyId === null || compareStreamOrder(row, from) >= 0) {
        toPlace.push(row);
        continue;
      }
      // A copy group that started before the replay: its first member still stored opens a group in the stream,
      // which takes the stored group's id, opening time and original before the member is clustered (as the copy one
      // fold clustered), so later copies join and keep it as one fold (StoryStream.add `carried`).
      const g = row.group;
      const carried =
        g !== null && compareStreamOrder({ timeMs: g.openedMs, id: g.id }, start) < 0 ? g : null;
      // Whether it was a late copy is as stored: the late copy test reads its original's lead, which the replay does not
      // hold when the original came before it (a late copy changes no story; clustered otherwise, it would).
      const p = stream.add(row, undefined, carried, row.late);
      log.record(p);
      this.#note(row, p);
      kept.push({ id: row.id, storyId: row.storyId });
    }
    for (const k of kept) {
      const streamId = log.storyOf(k.id);
      if (streamId !== undefined && !this.#storedIdOf.has(streamId))
        this.#storedIdOf.set(streamId, k.storyId);
    }
    return { toPlace, fed: kept.length };
  }

  #note(row: StoryStreamRow, p: StreamPlacement): void {
    this.#frontier = { timeMs: row.timeMs, id: row.id };
    for (const g of p.groupMerges ?? []) this.#originalOf.delete(g.fromId);
    this.#originalOf.set(p.groupId, p.originalId);
  }

  /** An empty stream and the bookkeeping that maps it onto the store. */
  #resetStream(): StoryStream {
    const stream = this.#newStream();
    this.#stream = stream;
    this.#storedIdOf = new Map();
    this.#originalOf = new Map();
    this.#frontier = null;
    return stream;
  }

  #storedId(streamId: string): string {
    return this.#storedIdOf.get(streamId) ?? streamId;
  }

  /**
   * Indexes of `rows` (about to be fed after the frontier) before which a stream snapshot is taken: the first row of
   * each UTC day the stream enters, and the stream's very first row (`fresh`: a store younger than the rebuild window
   * replays from its start); only the newest STREAM_SNAPSHOTS_KEPT, since the store keeps no more.
   */
  #snapshotPoints(rows: readonly StoryStreamRow[], fresh: boolean): Set<number> {
    const points: number[] = [];
    let lastDay = this.#frontier === null ? null : Math.floor(this.#frontier.timeMs / DAY_MS);
    for (let i = 0; i < rows.length; i++) {
      const day = Math.floor(rows[i]!.timeMs / DAY_MS);
      if (lastDay === null ? fresh && i === 0 : day > lastDay) points.push(i);
      lastDay = day;
    }
    return new Set(points.slice(-STREAM_SNAPSHOTS_KEPT));
  }

  /**
   * Feeds rows (in order) to the stream and collects what the store must change. Story ids and originals are
   * read from each add's own result (a PlacementLog), never asked of the stream afterwards: the stream forgets
   * closed stories and evicted groups as its window moves, which a large batch (a whole import) outlives.
   */
  async #add(
    rows: readonly StoryStreamRow[],
    analyzer: StoryAnalyzer | undefined,
    onProgress?: PlacementProgress,
  ): Promise<PlacementBatch> {
    const stream = this.#stream!;
    this.#closedHeadlines = new Map();
    const log = new PlacementLog();
    const added: {
      row: StoryStreamRow;
      groupId: string;
      shingles: Uint32Array;
      signature: Uint32Array;
      late: boolean;
    }[] = [];
    const groupMerges: { fromId: string; intoId: string }[] = [];
    const groupOriginals: { groupId: string; originalId: string }[] = [];
    const containments: ArticleContainment[] = [];
    const merged: { from: string; into: string }[] = [];
    const snapshots: EncodedStreamSnapshot[] = [];
    const snapshotAt = this.#snapshotPoints(rows, stream.clusterer.position === 0);
    let at = 0;
    for await (const [row, analysis] of withAnalyses(rows, analyzer)) {
      if (snapshotAt.has(at++)) {
        // Encoded now: a copy of the stream's tables, which the rows added after it until the step's write do not
        // change, held as bytes (StoryStore.encodeStreamSnapshot).
        snapshots.push({
          timeMs: row.timeMs,
          articleId: row.id,
          state: this.#store.encodeStreamSnapshot(stream.carryOver()),
        });
      }
      const p = stream.add(row, analysis);
      onProgress?.("place", at, rows.length);
      log.record(p);
      const before = this.#originalOf.get(p.groupId);
      this.#note(row, p);
      // Merged groups' members (stored ones included) now point at this group's original; or a member became the
      // original (a wire copy arrived, or one that names an earlier member's agency).
      if (p.groupMerges !== undefined) groupMerges.push(...p.groupMerges);
      if (p.groupMerges !== undefined || (before !== undefined && before !== p.originalId)) {
        groupOriginals.push({ groupId: p.groupId, originalId: p.originalId });
      }
      if (p.containments !== undefined) containments.push(...p.containments);
      merged.push(...(p.assignment.merged ?? []));
      added.push({
        row,
        groupId: p.groupId,
        shingles: p.shingles,
        signature: p.signature,
        late: p.storyId === null,
      });
    }
    const finalStory = (id: string): string => {
      let s = id;
      const seen = new Set<string>();
      for (
        let m = merged.find((x) => x.from === s);
        m !== undefined && !seen.has(s);
        m = merged.find((x) => x.from === s)
      ) {
        seen.add(s);
        s = m.into;
      }
      return s;
    };
    const merges: { fromId: string; intoId: string }[] = [];
    for (const m of merged) {
      const from = this.#storedId(m.from);
      const to = this.#storedId(finalStory(m.into));
      if (from !== to && !merges.some((x) => x.fromId === from)) merges.push({ fromId: from, intoId: to });
    }
    // A late copy whose original this step did not place joins the original's story as stored (placed by an earlier
    // step, or before a rebuilt stream's replay): one fold's story of it, since the store holds one fold's placements.
    // An original no longer stored leaves the copy a story of its own.
    const storedHolders = added
      .filter((a) => a.late && log.storyOf(a.row.id) === undefined)
      .map((a) => log.storyHolderOf(a.row.id));
    const storedStoryOf = new Map(
      (await this.#store.getPlacements([...new Set(storedHolders)])).map((p) => [p.articleId, p.storyId]),
    );
    const placements = added.map(({ row, groupId, shingles, signature, late }) => {
      const streamStory = log.storyOf(row.id);
      return {
        articleId: row.id,
        storyId:
          streamStory !== undefined
            ? this.#storedId(streamStory)
            : (storedStoryOf.get(log.storyHolderOf(row.id)) ?? row.id),
        groupId,
        duplicateOf: log.duplicateOf(row.id),
        shingles,
        signature,
        ...(late ? { late } : {}),
      };
    });
    const touched = new Set([...placements.map((p) => p.storyId), ...merges.map((m) => m.intoId)]);
    const headlines: StoryHeadline[] = [];
    if (touched.size > 0) {
      // A story that closed during this step is described as it closed, so its headline does not depend on whether
      // the step that placed its last article also outlived it (one large step) or not (a step per batch).
      for (const s of [...this.#closedHeadlines.values(), ...stream.clusterer.listStories()]) {
        const storyId = this.#storedId(s.id);
        if (touched.has(storyId))
          headlines.push({ storyId, headline: s.headline, articleId: s.headlineArticleId });
      }
    }
    const first = rows[0];
    return {
      placements,
      groupMerges,
      groupOriginals,
      containments,
      merges,
      headlines,
      ...(first === undefined
        ? {}
        : {
            snapshots: {
              dropAfter: { timeMs: first.timeMs, articleId: first.id },
              write: snapshots,
              keep: STREAM_SNAPSHOTS_KEPT,
            },
          }),
    };
  }
}

/**
 * Each row with its analysis, in order. With an analyzer, chunks of STORY_ANALYSIS_CHUNK_ROWS are analyzed ahead
 * (up to its parallelism in flight) while the caller folds earlier rows, and a row comes with its text emptied (the
 * fold reads the analysis instead); without one, or for a step smaller than a chunk, the analysis is undefined and the
 * stream analyzes in this thread. Either way the stream gets the same
 * analysis (analyzeStreamArticle is pure), so placements do not depend on where it ran.
 */
async function* withAnalyses(
  rows: readonly StoryStreamRow[],
  analyzer: StoryAnalyzer | undefined,
): AsyncGenerator<[StoryStreamRow, StreamAnalysis | undefined]> {
  const analyze = analyzer?.analyzeStories?.bind(analyzer);
  if (analyze === undefined || rows.length < STORY_ANALYSIS_CHUNK_ROWS) {
    for (const row of rows) yield [row, undefined];
    return;
  }
  const inFlight: Promise<StreamAnalysis[]>[] = [];
  let next = 0;
  const submit = () => {
    inFlight.push(analyze(rows.slice(next, next + STORY_ANALYSIS_CHUNK_ROWS)));
    next += STORY_ANALYSIS_CHUNK_ROWS;
  };
  try {
    for (let start = 0; start < rows.length; start += STORY_ANALYSIS_CHUNK_ROWS) {
      while (next < rows.length && inFlight.length <= Math.max(1, analyzer!.parallelism)) submit();
      const analyses = await inFlight.shift()!;
      for (let i = 0; i < analyses.length; i++) {
        const row = rows[start + i]!;
        // With its analysis in, the fold reads none of the row's text: let it go now rather than when the step ends (a
        // whole dev-corpus import held ~85 MB of text through its fold; the main heap's live size at the last full GC
        // fell 213 -> 174 MB).
        row.text = "";
        yield [row, analyses[i]];
      }
    }
  } finally {
    // A failed fold leaves analyses behind; settle them so none rejects unobserved.
    await Promise.allSettled(inFlight);
  }
}

const assigners = new WeakMap<StoryStore, StoryAssigner>();

/** The process-wide assigner of a store (made on first use). */
export function storyAssignerFor(store: StoryStore): StoryAssigner {
  let a = assigners.get(store);
  if (a === undefined) {
    a = new StoryAssigner(store);
    assigners.set(store, a);
  }
  return a;
}

/** Places newly stored articles when the storage keeps stories; a no-op (null) on a backend without them. */
export async function assignStories(storage: Storage, ids: readonly string[]): Promise<AssignSummary | null> {
  if (storage.stories === undefined) return null;
  return storyAssignerFor(storage.stories).assign(ids);
}

/**
 * Places these articles and every other stored article still unplaced, in one step: a story job after an import
 * batch folds whatever the import workers stored so far at once, and the jobs queued behind it find little left.
 * Reads every unplaced article (one anti-join over the articles), so it suits batches, not single crawled items.
 * `analyzer`: where the text analysis may run beside the fold (an import's worker threads); `onProgress`: called as
 * rows are folded (PlacementProgress). Null without stories.
 */
export async function assignPendingStories(
  storage: Storage,
  ids: readonly string[],
  analyzer?: StoryAnalyzer,
  onProgress?: PlacementProgress,
): Promise<AssignSummary | null> {
  if (storage.stories === undefined) return null;
  return storyAssignerFor(storage.stories).assign(ids, {
    everyUnplaced: true,
    ...(analyzer === undefined ? {} : { analyzer }),
    ...(onProgress === undefined ? {} : { onProgress }),
  });
}

export interface ReclusterSummary {
  articles: number;
  stories: number;
  copies: number;
}

/**
 * `akhbar recluster`: drops every placement, story and alias and places every stored article again with a fresh
 * stream in (time, id) order; the process-wide assigner is replaced by the one that did it.
 */
export async function reclusterStories(
  store: StoryStore,
  onProgress?: (placed: number, total: number) => void,
): Promise<ReclusterSummary> {
  const assigner = new StoryAssigner(store);
  await assigner.clear();
  assigners.set(store, assigner);
  const ids = await store.listUnplacedIds();
  for (let i = 0; i < ids.length; i += RECLUSTER_CHUNK_ARTICLES) {
    await assigner.assign(ids.slice(i, i + RECLUSTER_CHUNK_ARTICLES), {
      // Each chunk places after the last: no rebuild, so only "place" reports.
      onProgress: (phase, done) => {
        if (phase === "place") onProgress?.(i + done, ids.length);
      },
    });
  }
  const stats = await store.duplicateStats();
  return { articles: stats.placedArticles, stories: stats.stories, copies: stats.copies };
}
