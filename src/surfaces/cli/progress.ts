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
/**
 * Rate and ETA are shown once this much time has passed: a phase's first line is written at once, when a row or two
 * in a millisecond read as "1,000/s  ETA 0:00" (story placement's first line did).
 */
export const PROGRESS_RATE_MIN_MS = 1_000;

export interface ProgressState {
  /** Items finished so far (articles). */
  items: number;
  /** Work done and total work in the unit ETA is computed from (bytes of input), when known. */
  done: number;
  total: number | null;
  elapsedMs: number;
}

/**
 * "[#####-----]  41%  11,532 articles  2,310/s  ETA 0:14" — ETA and bar only when the total is known, rate and ETA
 * only from PROGRESS_RATE_MIN_MS on.
 */
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
  parts.push(`${state.items.toLocaleString("en-US")} ${unit}`);
  if (state.elapsedMs < PROGRESS_RATE_MIN_MS) return parts.join("  ");
  parts.push(`${Math.round(rate).toLocaleString("en-US")}/s`);
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

/**
 * Progress of a job that runs in phases (story placement: the stored window re-read, then the new articles placed),
 * a fresh bar per phase so each one's rate and ETA count its own work; `units` names what each phase counts.
 */
export class PhasedProgress<Phase extends string> {
  private current: { phase: Phase; reporter: ProgressReporter } | null = null;

  constructor(
    private readonly io: CliIo,
    private readonly units: Readonly<Record<Phase, string>>,
  ) {}

  update(phase: Phase, done: number, total: number): void {
    if (this.current?.phase !== phase) {
      this.current?.reporter.finish();
      this.current = { phase, reporter: new ProgressReporter(this.io, this.units[phase]) };
    }
    this.current.reporter.update(done, done, total);
  }

  finish(): void {
    this.current?.reporter.finish();
  }
}
