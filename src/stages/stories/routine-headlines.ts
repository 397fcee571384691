/**
 * Routine headlines learned from the stream: each source's headline words and word pairs (numbers masked) counted by
 * the distinct days it used them; a headline made of words its source uses day after day, with at least one of its
 * word pairs too, is that source's routine (the day's market close, forecast, prayer times). Stories stage, pure
 * in-memory; counted in stream order, so batching cannot change it.
 */

/**
 * Distinct earlier days (UTC) a source must have used a headline word or word pair on before it counts as part of a
 * template. A daily template reaches it in its first working week; an event's names burst for a few days.
 */
export const ROUTINE_MIN_DAYS = 4;
/** Share of a headline's words (numbers aside) that must be template words of its source. */
export const ROUTINE_MIN_SHARE = 0.8;
/**
 * A word or pair the source has not used for this many days is forgotten (its day count starts again): memory
 * follows the window. Checked every ROUTINE_PRUNE_EVERY articles (stream positions).
 */
export const ROUTINE_FORGET_DAYS = 28;
/**
 * ...and one used on a single day is forgotten after this many: most headline words and pairs are used once (the
 * stream snapshot, which carries these counts, held 194k entries at the dev corpus's end, 1.1 MB of its 2.0 MB gzipped).
 */
export const ROUTINE_FORGET_SINGLE_DAYS = 7;
const ROUTINE_PRUNE_EVERY = 5_000;

const DAY_MS = 86_400_000;
/** A key holding a digit: a figure or date, masked so "يرتفع 16 نقطة" and "يرتفع 43 نقطة" are one skeleton. */
const NUMBER_KEY = /[0-9]/;
const NUMBER_MASK = "#";

/** RoutineHeadlines as plain data: [source and gram, distinct days, last day] per entry, in insertion order. */
export interface RoutineHeadlinesSnapshot {
  grams: [string, number, number][];
  added: number;
}

interface DayCount {
  days: number;
  lastDay: number;
}

/**
 * Per source, the days each headline word and adjacent word pair appeared. Example: a source that headlines
 * "مؤشر الأسهم السعودية يغلق مرتفعاً 43 نقطة" on four earlier days (other figures, other directions) makes its fifth
 * day's close routine; its first headline on a bombing is not (its place and event words are new to it).
 */
export class RoutineHeadlines {
  private readonly grams = new Map<string, DayCount>();
  private added = 0;

  constructor(
    private readonly minDays: number = ROUTINE_MIN_DAYS,
    private readonly minShare: number = ROUTINE_MIN_SHARE,
  ) {}

  /**
   * Whether a headline (its title keys in order) is routine for its source as of `timeMs`, counting only days before
   * that day. Call before `add` for the same article.
   */
  isRoutine(sourceId: string, titleKeys: readonly string[], timeMs: number): boolean {
    return this.judge(sourceId, titleKeys, Math.floor(timeMs / DAY_MS), false);
  }

  /** Counts a headline's words and pairs for its source at its day (call in stream order). */
  add(sourceId: string, titleKeys: readonly string[], timeMs: number): void {
    this.observe(sourceId, titleKeys, timeMs);
  }

  /**
   * `isRoutine` then `add` in one pass over the headline's words and pairs (each looked up once): counting today
   * changes no earlier day's count, so the answer is isRoutine's.
   */
  observe(sourceId: string, titleKeys: readonly string[], timeMs: number): boolean {
    const day = Math.floor(timeMs / DAY_MS);
    const routine = this.judge(sourceId, titleKeys, day, true);
    if (++this.added % ROUTINE_PRUNE_EVERY === 0) this.prune(day);
    return routine;
  }

  /**
   * The routine test over a headline's words and pairs, each read as its distinct days before `day`; with `record`,
   * each is also counted at `day` (so every word and pair is read, whatever the answer).
   */
  private judge(sourceId: string, titleKeys: readonly string[], day: number, record: boolean): boolean {
    const keys = masked(titleKeys);
    const daysBefore = (gram: string) =>
      record ? this.count(gramKey(sourceId, gram), day) : this.earlierDays(gramKey(sourceId, gram), day);
    let words = 0;
    let template = 0;
    let pair = false;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k !== NUMBER_MASK) {
        words++;
        if (daysBefore(k) >= this.minDays) template++;
      }
      if (i + 1 < keys.length && daysBefore(`${k} ${keys[i + 1]}`) >= this.minDays) pair = true;
    }
    return Number.isFinite(this.minDays) && words >= 2 && template >= this.minShare * words && pair;
  }

  toSnapshot(): RoutineHeadlinesSnapshot {
    return { grams: [...this.grams].map(([k, c]) => [k, c.days, c.lastDay]), added: this.added };
  }

  /** Takes a snapshot's counts; only on a RoutineHeadlines nothing was added to. */
  restore(snapshot: RoutineHeadlinesSnapshot): void {
    if (this.added !== 0) throw new Error("stories: restore into routine headlines in use");
    for (const [k, days, lastDay] of snapshot.grams) this.grams.set(k, { days, lastDay });
    this.added = snapshot.added;
  }

  /** Entries tracked (the benchmark's memory check). */
  get size(): number {
    return this.grams.size;
  }

  private earlierDays(key: string, day: number): number {
    const c = this.grams.get(key);
    if (c === undefined || isForgotten(c, day)) return 0;
    return c.lastDay === day ? c.days - 1 : c.days;
  }

  /** Counts `key` at `day`; returns its distinct days before that day (0 when new or forgotten). */
  private count(key: string, day: number): number {
    const c = this.grams.get(key);
    if (c === undefined || isForgotten(c, day)) {
      this.grams.set(key, { days: 1, lastDay: day });
      return 0;
    }
    if (c.lastDay === day) return c.days - 1;
    const earlier = c.days;
    c.days++;
    c.lastDay = day;
    return earlier;
  }

  private prune(day: number): void {
    for (const [k, c] of this.grams) if (isForgotten(c, day)) this.grams.delete(k);
  }
}

/** Whether a count is forgotten at `day` (ROUTINE_FORGET_DAYS, ROUTINE_FORGET_SINGLE_DAYS). */
function isForgotten(c: DayCount, day: number): boolean {
  return day - c.lastDay > (c.days === 1 ? ROUTINE_FORGET_SINGLE_DAYS : ROUTINE_FORGET_DAYS);
}

function masked(titleKeys: readonly string[]): string[] {
  return titleKeys.map((k) => (NUMBER_KEY.test(k) ? NUMBER_MASK : k));
}

function gramKey(sourceId: string, gram: string): string {
  return `${sourceId}\u0000${gram}`;
}
