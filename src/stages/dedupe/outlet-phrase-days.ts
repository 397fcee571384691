/**
 * OutletPhraseDays: on which days of the near-duplicate window each outlet printed each (sampled) shingle, so
 * verification can tell an outlet's daily template (the weather report, the daily bulletin, a column page's
 * furniture) from the passages a copy shares with its original. Dedupe stage, in-memory and deterministic (a
 * hashed table of day bits, cleared a day at a time).
 */
import { mix32 } from "./shingle-text.ts";

/**
 * Slots, as a power of two: 2^22 × 2 bytes = 8 MB. Only one shingle in SAMPLE_EVERY is recorded (the low bits of
 * its hash), so a 14-day window of the dev corpus holds about a million (outlet, shingle) keys: a key shares its slot
 * with another about one time in four, and reads as printed on a third day only when two others share it.
 */
const TABLE_BITS = 22;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

/** One shingle in 2^SAMPLE_BITS is recorded (hashes are avalanche-mixed, so the low bits are a fair sample). */
const SAMPLE_BITS = 2;
const SAMPLE_MASK = (1 << SAMPLE_BITS) - 1;

/** Days a slot remembers (bits of a Uint16): more than the 14-day window, so a day's bit is cleared before reuse. */
const RING_DAYS = 16;
const DAY_MS = 86_400_000;

/** True when a shingle is one the table records. */
export function isRecordedShingle(shingle: number): boolean {
  return (shingle & SAMPLE_MASK) === 0;
}

/** Day number of a time (UTC days since the epoch). */
export function dayOf(timeMs: number): number {
  return Math.floor(timeMs / DAY_MS);
}

function slotOf(sourceKey: number, shingle: number): number {
  return mix32(shingle ^ sourceKey) & TABLE_MASK;
}

/** A source id's hash, mixed into each shingle's slot. Example: sourceKeyOf("okaz") is the same number every run. */
export function sourceKeyOf(sourceId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < sourceId.length; i++) h = Math.imul(h ^ sourceId.charCodeAt(i), 0x01000193);
  return mix32(h);
}

export class OutletPhraseDays {
  private readonly days = new Uint16Array(1 << TABLE_BITS);
  /** Keys (sourceKeyOf) of every outlet recorded. */
  private readonly sourceKeys: number[] = [];
  private readonly sourceIds = new Set<string>();
  /** The latest day recorded; bits of days it passed are cleared. */
  private lastDay = Number.NEGATIVE_INFINITY;

  /** Records that `sourceId` printed `shingles` (sorted distinct hashes) on the day of `timeMs`. */
  addText(sourceId: string, timeMs: number, shingles: Uint32Array): void {
    const day = dayOf(timeMs);
    this.advanceTo(day);
    // A text older than the latest day (out of order) is recorded on the latest: its own bit may be reused.
    const bit = 1 << (Math.min(day, this.lastDay) % RING_DAYS);
    const key = sourceKeyOf(sourceId);
    if (!this.sourceIds.has(sourceId)) {
      this.sourceIds.add(sourceId);
      this.sourceKeys.push(key);
    }
    for (let i = 0; i < shingles.length; i++) {
      const x = shingles[i]!;
      if (isRecordedShingle(x)) this.days[slotOf(key, x)]! |= bit;
    }
  }

  /**
   * Days in (dayOf(cutoffMs), dayOf(timeMs)] on which the outlet of `sourceKey` (sourceKeyOf) printed `shingle` (a
   * recorded one): whole days of the window only, so a process that replays the window from its start counts the same
   * days as one that ran through.
   */
  daysWith(sourceKey: number, shingle: number, cutoffMs: number, timeMs: number): number {
    return popcount16(this.days[slotOf(sourceKey, shingle)]! & this.windowMask(cutoffMs, timeMs));
  }

  /**
   * A test for one text being read (from `newSourceId`, at `timeMs`): true for a shingle (a recorded one) that some
   * outlet printed on `minDays` or more whole days of the window (daysWith), the new text's outlet counting the day of
   * `timeMs` too (the text holds it): one of its daily phrases. Built once per text, used per shared shingle.
   */
  dailyPhraseTest(
    cutoffMs: number,
    timeMs: number,
    minDays: number,
    newSourceId: string,
  ): (shingle: number) => boolean {
    const mask = this.windowMask(cutoffMs, timeMs);
    const todayBit = 1 << (dayOf(timeMs) % RING_DAYS);
    const newKey = sourceKeyOf(newSourceId);
    const others = this.sourceKeys.filter((k) => k !== newKey);
    return (shingle) => {
      if (popcount16((this.days[slotOf(newKey, shingle)]! & mask) | todayBit) >= minDays) return true;
      for (const key of others)
        if (popcount16(this.days[slotOf(key, shingle)]! & mask) >= minDays) return true;
      return false;
    };
  }

  /** Bits of the whole days in (dayOf(cutoffMs), dayOf(timeMs)] the ring still holds. */
  private windowMask(cutoffMs: number, timeMs: number): number {
    const today = dayOf(timeMs);
    const last = Math.min(today, this.lastDay);
    const first = Math.max(dayOf(cutoffMs) + 1, today - (RING_DAYS - 3));
    let mask = 0;
    for (let d = first; d <= last; d++) mask |= 1 << (d % RING_DAYS);
    return mask;
  }

  /** Clears the bits of the days between the last recorded day and `day`, which the ring reuses. */
  private advanceTo(day: number): void {
    if (day <= this.lastDay) return;
    const from = this.lastDay === Number.NEGATIVE_INFINITY ? day - RING_DAYS + 1 : this.lastDay + 1;
    let clear = 0;
    for (let d = Math.max(from, day - RING_DAYS + 1); d <= day; d++) clear |= 1 << (d % RING_DAYS);
    if (this.lastDay !== Number.NEGATIVE_INFINITY) {
      const keep = ~clear & 0xffff;
      for (let i = 0; i < this.days.length; i++) this.days[i]! &= keep;
    }
    this.lastDay = day;
  }
}

function popcount16(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}
