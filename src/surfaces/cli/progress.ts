/**
 * Progress reporting for long CLI jobs: a redrawn bar with rate and ETA on a terminal,
 * plain periodic lines otherwise (logs, CI). Surface code; `formatProgress` is pure.
 */
import type { CliIo } from "./command.ts";

/** Redraw at most this often on a terminal: faster is flicker, slower feels stuck. */
export const PROGRESS_TTY_INTERVAL_MS = 200;
/** One plain line this often when stderr is not a terminal: enough to see it moving without flooding logs. */
export const PROGRESS_PLAIN_INTERVAL_MS = 5_000;
const BAR_WIDTH = 24;

export interface ProgressState {
  /** Items finished so far (articles). */
  items: number;
  /** Work done and total work in the unit ETA is computed from (bytes of input), when known. */
  done: number;
  total: number | null;
  elapsedMs: number;
}

/** "[#####-----]  41%  11,532 articles  2,310/s  ETA 0:14" — ETA and bar only when the total is known. */
export function formatProgress(state: ProgressState, unit = "articles"): string {
  const seconds = Math.max(state.elapsedMs / 1000, 1e-3);
  const rate = state.items / seconds;
  const parts: string[] = [];
  if (state.total !== null && state.total > 0) {
    const fraction = Math.min(1, state.done / state.total);
    const filled = Math.round(fraction * BAR_WIDTH);
    parts.push(
      `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`,
      `${Math.floor(fraction * 100)}%`.padStart(4),
    );
  }
  parts.push(
    `${state.items.toLocaleString("en-US")} ${unit}`,
    `${Math.round(rate).toLocaleString("en-US")}/s`,
  );
  if (state.total !== null && state.total > 0 && state.done > 0 && state.done < state.total) {
    const remainingMs = (state.elapsedMs / state.done) * (state.total - state.done);
    parts.push(`ETA ${formatDuration(remainingMs)}`);
  }
  return parts.join("  ");
}

/** 75_000 → "1:15", 3_723_000 → "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** Throttled writer of progress lines to stderr; `finish` clears the bar on a terminal. */
export class ProgressReporter {
  private lastWriteMs = Number.NEGATIVE_INFINITY;
  private readonly startMs = Date.now();
  private readonly tty: boolean;

  constructor(
    private readonly io: CliIo,
    private readonly unit = "articles",
  ) {
    this.tty = io.stderr.isTTY === true;
  }

  update(items: number, done: number, total: number | null): void {
    const now = Date.now();
    const interval = this.tty ? PROGRESS_TTY_INTERVAL_MS : PROGRESS_PLAIN_INTERVAL_MS;
    if (now - this.lastWriteMs < interval) return;
    this.lastWriteMs = now;
    const line = formatProgress({ items, done, total, elapsedMs: now - this.startMs }, this.unit);
    this.io.stderr.write(this.tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }

  finish(): void {
    if (this.tty) this.io.stderr.write("\r\x1b[2K");
  }
}
