/**
 * `npm run bench:import`: the whole import as a user runs it (`bin/akhbar import` of the dev corpus into a fresh
 * SQLite file: parsing, analysis, store, index, compaction, then dedupe and story placement), next to the same
 * import with `--no-stories` in the same run, so the stories' share is a ratio; runs alternate. Reports articles/s
 * and the child's peak RSS (from /proc, sampled). Issue #5's target: whole import >= 1,000 articles/s on 2 cores.
 * Also the child's CPU seconds, all threads and its main thread alone (from /proc, sampled): on a machine other jobs
 * load, wall time follows the load (the same tree gave 282 and 320 articles/s at load 8-10 against 785 at a lower
 * one), while the main thread's CPU (store writes, then the story fold) bounds the import's wall time when the
 * machine is quiet, and does not move with the load.
 * Not pure (spawns the CLI, writes temporary files). Run: npm run bench:import [-- --rounds N]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = join(import.meta.dirname, "../..");
const CORPUS = join(ROOT, "..", "shared", "data", "corpus", "saudinewsnet.dev.jsonl.gz");
const args = process.argv.slice(2);
const ROUNDS = args.includes("--rounds") ? Number(args[args.indexOf("--rounds") + 1]) : 2;
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

async function runImport(stories: boolean): Promise<Run> {
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
    const child = spawn(join(ROOT, "bin", "akhbar"), argv, { stdio: ["ignore", "pipe", "ignore"] });
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
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows: { name: string; run: Run; load: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const stories of [true, false]) {
    const load = loadavg()[0] ?? 0;
    const run = await runImport(stories);
    rows.push({ name: stories ? "import with stories" : "import --no-stories", run, load });
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
const best = (name: string) => Math.min(...rows.filter((r) => r.name === name).map((r) => r.run.seconds));
const withStories = best("import with stories");
const without = best("import --no-stories");
console.log(
  `best of ${ROUNDS}: whole import ${(rows[0]!.run.imported / withStories).toFixed(0)} articles/s; stories cost ${(withStories / without).toFixed(2)}x the import without them`,
);
console.log("target (issue #5): whole import with dedupe and clustering >= 1000 articles/s on 2 cores");
