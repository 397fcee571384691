/**
 * `npm run bench:import`: the whole import as a user runs it (`bin/akhbar import` of the dev corpus into a fresh
 * SQLite file: parsing, analysis, store, index, compaction, then dedupe and story placement), next to the same
 * import with `--no-stories` in the same run, so the stories' share is a ratio; runs alternate. Reports articles/s
 * and the child's peak RSS (from /proc, sampled). Issue #5's target: whole import >= 1,000 articles/s on 2 cores.
 * Also the child's CPU seconds, all threads and its main thread alone (from /proc, sampled): on a machine other jobs
 * load, wall time follows the load (the same tree gave 282 and 320 articles/s at load 8-10 against 785 at a lower
 * one), while the main thread's CPU (store writes, then the story fold) bounds the import's wall time when the
 * machine is quiet, and does not move with the load.
 * With `--peer DIR` (another checkout, e.g. `git worktree add /tmp/main main` with node_modules linked), the import
 * with stories of that tree and of this one alternate instead, each round starting with the other, for an A/B of a
 * change; `--keep DIR` keeps each run's store there (<tree>-<round>.db) for bench/import/diff-stores.ts.
 * Not pure (spawns the CLI, writes temporary files). Run: npm run bench:import [-- --rounds N] [--peer DIR] [--keep DIR]
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = join(import.meta.dirname, "../..");
const CORPUS = join(ROOT, "..", "shared", "data", "corpus", "saudinewsnet.dev.jsonl.gz");
const args = process.argv.slice(2);
const option = (name: string): string | undefined =>
  args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
const ROUNDS = Number(option("--rounds") ?? "2");
const PEER = option("--peer");
const KEEP = option("--keep");
/** How often the child's resident set is read. */
const RSS_SAMPLE_MS = 100;

interface Run {
  seconds: number;
  imported: number;
  placed: number;
  peakRssMb: number;
  /** CPU seconds of the whole child (every thread) and of its main thread, as last sampled before it exited. */
  cpuSeconds: number;
  mainCpuSeconds: number;
}

/** Linux's USER_HZ: the unit of /proc's utime and stime. */
const CLOCK_TICKS_PER_SECOND = 100;

function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}

/** utime + stime of /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat, in seconds (0 once the process is gone). */
function cpuSeconds(statPath: string): number {
  try {
    const stat = readFileSync(statPath, "utf8");
    // Fields after the command name (which may hold spaces), from field 3 (state): utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** One import of the corpus by the CLI of `tree`; its store is kept as KEEP/<keepAs>.db when KEEP is set. */
async function runImport(stories: boolean, tree: string, keepAs: string): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "akhbar-bench-import-"));
  try {
    const argv = [
      "--db",
      join(dir, "akhbar.db"),
      "--json",
      "import",
      CORPUS,
      ...(stories ? [] : ["--no-stories"]),
    ];
    const t0 = performance.now();
    const child = spawn(join(tree, "bin", "akhbar"), argv, { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
    });
    let peak = 0;
    let cpu = 0;
    let mainCpu = 0;
    const timer = setInterval(() => {
      if (child.pid === undefined) return;
      peak = Math.max(peak, rssMb(child.pid));
      cpu = Math.max(cpu, cpuSeconds(`/proc/${child.pid}/stat`));
      mainCpu = Math.max(mainCpu, cpuSeconds(`/proc/${child.pid}/task/${child.pid}/stat`));
    }, RSS_SAMPLE_MS);
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    clearInterval(timer);
    const seconds = (performance.now() - t0) / 1000;
    // Exit 1 means some lines were rejected (the corpus has 52 empty records); anything else is a failure.
    if (code !== 0 && code !== 1) throw new Error(`akhbar import exited with ${code}`);
    const summary = JSON.parse(out) as { imported: number; placedInStories: number };
    return {
      seconds,
      imported: summary.imported,
      placed: summary.placedInStories,
      peakRssMb: peak,
      cpuSeconds: cpu,
      mainCpuSeconds: mainCpu,
    };
  } finally {
    if (KEEP !== undefined && existsSync(join(dir, "akhbar.db")))
      copyFileSync(join(dir, "akhbar.db"), join(KEEP, `${keepAs}.db`));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a round runs, in order: with and without stories, or with `--peer` this tree and the peer's. */
const sides: { name: string; tree: string; stories: boolean }[] =
  PEER === undefined
    ? [
        { name: "import with stories", tree: ROOT, stories: true },
        { name: "import --no-stories", tree: ROOT, stories: false },
      ]
    : [
        { name: `peer ${basename(PEER)}`, tree: PEER, stories: true },
        { name: "this tree", tree: ROOT, stories: true },
      ];
const rows: { name: string; run: Run; load: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // With a peer, alternate which goes first so neither always meets the machine's state of the round's start.
  for (const side of PEER !== undefined && round % 2 === 1 ? [...sides].reverse() : sides) {
    const load = loadavg()[0] ?? 0;
    const run = await runImport(side.stories, side.tree, `${side.name.replace(/\W+/g, "-")}-${round}`);
    rows.push({ name: side.name, run, load });
  }
}
console.log(`corpus: ${CORPUS}`);
console.log(
  `${"run".padEnd(22)} ${"s".padStart(7)} ${"articles/s".padStart(11)} ${"placed".padStart(7)} ${"peak RSS".padStart(9)} ${"CPU s".padStart(6)} ${"main".padStart(6)}  load`,
);
for (const { name, run, load } of rows) {
  console.log(
    `${name.padEnd(22)} ${run.seconds.toFixed(2).padStart(7)} ${(run.imported / run.seconds).toFixed(0).padStart(11)} ${String(run.placed).padStart(7)} ${`${run.peakRssMb.toFixed(0)} MB`.padStart(9)} ${run.cpuSeconds.toFixed(1).padStart(6)} ${run.mainCpuSeconds.toFixed(1).padStart(6)}  ${load.toFixed(2)}`,
  );
}
const ofSide = (name: string) => rows.filter((r) => r.name === name).map((r) => r.run);
const best = (name: string) => Math.min(...ofSide(name).map((r) => r.seconds));
if (PEER === undefined) {
  const withStories = best("import with stories");
  const without = best("import --no-stories");
  console.log(
    `best of ${ROUNDS}: whole import ${(rows[0]!.run.imported / withStories).toFixed(0)} articles/s; stories cost ${(withStories / without).toFixed(2)}x the import without them`,
  );
} else {
  // CPU seconds follow the work, not the machine's load: the figure to compare on a shared machine.
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [peer, self] = sides.map((s) => ofSide(s.name));
  console.log(
    `mean of ${ROUNDS}: CPU s ${mean(peer!.map((r) => r.cpuSeconds)).toFixed(1)} -> ${mean(self!.map((r) => r.cpuSeconds)).toFixed(1)}, main ${mean(peer!.map((r) => r.mainCpuSeconds)).toFixed(1)} -> ${mean(self!.map((r) => r.mainCpuSeconds)).toFixed(1)}, peak RSS ${mean(peer!.map((r) => r.peakRssMb)).toFixed(0)} -> ${mean(self!.map((r) => r.peakRssMb)).toFixed(0)} MB (peer -> this tree)`,
  );
}
console.log("target (issue #5): whole import with dedupe and clustering >= 1000 articles/s on 2 cores");
