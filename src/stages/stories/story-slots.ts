/**
 * Story slots: small integers for the story clusterer's stories, with each story's time span, merged flag and a
 * shared-term counter in typed arrays, so posting lists hold numbers and a candidate scan reads a few contiguous
 * arrays instead of one object per posting (the scans were the clusterer's largest cost). Stories stage, in-memory.
 */

const INITIAL_SLOTS = 1024;

/**
 * Slot numbers for stories, reused only after `recycle`: a story that closed or merged stays listed in posting lists
 * until they are rebuilt, and its slot must keep describing it until then (as closed or merged).
 */
export class StorySlots<T> {
  /** Time of each slot's first and newest article, ms. */
  firstMs = new Float64Array(INITIAL_SLOTS);
  lastMs = new Float64Array(INITIAL_SLOTS);
  /** 1 once the slot's story was merged into another. */
  merged = new Uint8Array(INITIAL_SLOTS);
  /** Shared-term counts of the current count: `hits` is valid where `mark` equals the count's number. */
  private mark = new Uint32Array(INITIAL_SLOTS);
  hits = new Int32Array(INITIAL_SLOTS);
  private readonly items: (T | undefined)[] = [];
  private readonly free: number[] = [];
  private retired: number[] = [];
  private counting = 0;

  /** A slot for a new story whose first article is at `timeMs`. */
  open(item: T, timeMs: number): number {
    const n = this.free.pop() ?? this.items.length;
    if (n >= this.firstMs.length) this.grow(2 * this.firstMs.length);
    this.items[n] = item;
    this.firstMs[n] = timeMs;
    this.lastMs[n] = timeMs;
    this.merged[n] = 0;
    this.mark[n] = 0;
    return n;
  }

  /** The story in slot `n` (a retired one until `recycle`). */
  item(n: number): T {
    return this.items[n]!;
  }

  /** Marks a closed or merged story's slot for reuse once nothing lists it (`recycle`). */
  retire(n: number): void {
    this.retired.push(n);
  }

  /** Frees the retired slots: call when no posting list holds them any more. */
  recycle(): void {
    for (const n of this.retired) {
      this.items[n] = undefined;
      this.free.push(n);
    }
    this.retired = [];
  }

  /** Starts a new count of shared terms; returns its number for `hit`. */
  startCount(): number {
    if (this.counting === 0xffffffff) {
      this.mark.fill(0);
      this.counting = 0;
    }
    return ++this.counting;
  }

  /** Counts one shared term for slot `n` in count `count`; true when it is the slot's first in this count. */
  hit(n: number, count: number): boolean {
    if (this.mark[n] !== count) {
      this.mark[n] = count;
      this.hits[n] = 1;
      return true;
    }
    this.hits[n]!++;
    return false;
  }

  private grow(size: number): void {
    this.firstMs = grown(this.firstMs, new Float64Array(size));
    this.lastMs = grown(this.lastMs, new Float64Array(size));
    this.merged = grown(this.merged, new Uint8Array(size));
    this.mark = grown(this.mark, new Uint32Array(size));
    this.hits = grown(this.hits, new Int32Array(size));
  }
}

/** `to` holding `from`'s values at its start. */
function grown<A extends { set(values: ArrayLike<number>): void }>(from: ArrayLike<number>, to: A): A {
  to.set(from);
  return to;
}
