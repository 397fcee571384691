/**
 * PostingLists: 32-bit keys to the stream slots posted under them, for the near-duplicate index's LSH bands and
 * sampled shingles. Dedupe stage, in-memory, pure.
 */

/** Cell value of an empty cell in PostingLists; lone slots are >= 0, list references <= -2. */
const EMPTY = -1;

/**
 * Posting lists from a 32-bit key to stream slots in insertion order, in an open-addressing table of typed arrays
 * (linear probing, deletion by backward shift): a lookup touches one or two cache lines where a Map of this size
 * (a window holds ~10^5 keys) touches several. Most keys (LSH bands above all) hold a single article, so a lone slot
 * is stored in the cell itself and only a second one makes an array.
 */
export class PostingLists {
  private keys = new Int32Array(1024);
  private cells = new Int32Array(1024).fill(EMPTY);
  private shift = 22;
  private used = 0;
  private readonly lists: number[][] = [];
  private readonly freeLists: number[] = [];

  /** Home cell of a key: Fibonacci hashing on the high bits (sampled shingle keys have their low bits zero). */
  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  private find(key: number): number {
    const mask = this.cells.length - 1;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      if (this.cells[i] === EMPTY) return -1 - i;
      if (this.keys[i] === key) return i;
    }
  }

  /** The slots posted under `key`, oldest first: a lone slot, a read-only array of several, or undefined. */
  at(unsignedKey: number): number | readonly number[] | undefined {
    const i = this.find(unsignedKey | 0);
    if (i < 0) return undefined;
    const cell = this.cells[i]!;
    return cell >= 0 ? cell : this.lists[-2 - cell];
  }

  /** Posts `slot` under `key`; slots are added in increasing order. */
  push(unsignedKey: number, slot: number): void {
    const key = unsignedKey | 0;
    const i = this.find(key);
    if (i < 0) {
      this.keys[-1 - i] = key;
      this.cells[-1 - i] = slot;
      if (++this.used * 2 > this.cells.length) this.grow();
      return;
    }
    const cell = this.cells[i]!;
    if (cell >= 0) {
      const list = [cell, slot];
      const at = this.freeLists.pop();
      if (at === undefined) {
        this.lists.push(list);
        this.cells[i] = -1 - this.lists.length;
      } else {
        this.lists[at] = list;
        this.cells[i] = -2 - at;
      }
    } else this.lists[-2 - cell]!.push(slot);
  }

  /** Removes `slot` from `key`'s list; eviction removes the oldest slot, which is the first. */
  drop(unsignedKey: number, slot: number): void {
    const i = this.find(unsignedKey | 0);
    if (i < 0) return;
    const cell = this.cells[i]!;
    if (cell >= 0) {
      if (cell === slot) this.deleteCell(i);
      return;
    }
    const list = this.lists[-2 - cell]!;
    if (list[0] === slot) list.shift();
    else {
      const at = list.indexOf(slot);
      if (at >= 0) list.splice(at, 1);
    }
    if (list.length > 1) return;
    this.lists[-2 - cell] = [];
    this.freeLists.push(-2 - cell);
    if (list.length === 1) this.cells[i] = list[0]!;
    else this.deleteCell(i);
  }

  /** Empties cell `i` and moves later cells of its probe run back so every key stays reachable from its home. */
  private deleteCell(at: number): void {
    const mask = this.cells.length - 1;
    let i = at;
    this.cells[i] = EMPTY;
    this.used--;
    for (let j = (i + 1) & mask; this.cells[j] !== EMPTY; j = (j + 1) & mask) {
      const home = this.home(this.keys[j]!);
      // Cell j may move to i unless its home lies cyclically in (i, j].
      const stays = i <= j ? home > i && home <= j : home > i || home <= j;
      if (stays) continue;
      this.keys[i] = this.keys[j]!;
      this.cells[i] = this.cells[j]!;
      this.cells[j] = EMPTY;
      i = j;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const cells = this.cells;
    this.keys = new Int32Array(keys.length * 2);
    this.cells = new Int32Array(cells.length * 2).fill(EMPTY);
    this.shift--;
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] === EMPTY) continue;
      const at = -1 - this.find(keys[i]!);
      this.keys[at] = keys[i]!;
      this.cells[at] = cells[i]!;
    }
  }
}
