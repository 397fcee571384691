/**
 * Home page render latency (p50/p95/max) on a stored store, this tree's StoryReaderData against another version's
 * (`--base`: a checkout's src/surfaces/web/story-reader-data.ts, e.g. the commit before a rank change), renders
 * alternating between the two in one run so both see the same machine load, which is printed. Uncached readers: every
 * render ranks (the first view after a write). Pages: the newest (/) and ?day= views of the given days.
 * Benchmark helper, reads the store (writes nothing).
 * Run: node --import tsx bench/web/home-latency.ts --db /tmp/rank/akhbar.db --base /tmp/rank/base [--renders 200]
 */
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import type { Storage } from "../../src/ports/storage.ts";
import { createWebApp } from "../../src/surfaces/web/create-web-app.ts";
import type { ReaderData } from "../../src/surfaces/web/reader-data.ts";
import { StoryReaderData } from "../../src/surfaces/web/story-reader-data.ts";

const DAYS = ["2015-07-23", "2015-07-26", "2015-08-01", "2015-08-07", "2015-08-11"];

function pct(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      base: { type: "string" },
      renders: { type: "string", default: "200" },
    },
  });
  if (values.db === undefined || values.base === undefined)
    throw new Error("bench: --db and --base are required");
  const storage = await openSqliteStorage(values.db);
  const baseModule = (await import(resolve(join(values.base, "src/surfaces/web/story-reader-data.ts")))) as {
    StoryReaderData: new (s: Storage) => ReaderData;
  };
  const apps = {
    base: createWebApp({
      storage,
      adminToken: null,
      rateLimit: false,
      reader: new baseModule.StoryReaderData(storage),
    }),
    this: createWebApp({ storage, adminToken: null, rateLimit: false, reader: new StoryReaderData(storage) }),
  };
  const paths = ["/", ...DAYS.map((d) => `/?day=${d}`)];
  const renders = Number(values.renders);
  const times: Record<keyof typeof apps, number[]> = { base: [], this: [] };
  // CPU time of the render too: wall time on a shared machine is mostly waiting for a core.
  const cpu: Record<keyof typeof apps, number[]> = { base: [], this: [] };
  const order: (keyof typeof apps)[] = ["base", "this"];
  for (const name of order) for (const path of paths) await (await apps[name].request(path)).text();
  const load0 = loadavg()[0]!;
  for (let i = 0; i < renders; i++) {
    const path = paths[i % paths.length]!;
    // Alternating which goes first, so neither always runs on a warmer cache.
    for (const name of i % 2 === 0 ? order : [...order].reverse()) {
      const s = performance.now();
      const c = process.cpuUsage();
      const res = await apps[name].request(path);
      await res.text();
      const used = process.cpuUsage(c);
      times[name].push(performance.now() - s);
      cpu[name].push((used.user + used.system) / 1000);
      if (res.status !== 200) throw new Error(`bench: ${name} ${path} answered ${res.status}`);
    }
  }
  const load1 = loadavg()[0]!;
  console.log(
    `home page renders (${renders} each, paths ${paths.join(" ")}), ms; load average ${load0.toFixed(2)} → ${load1.toFixed(2)}`,
  );
  console.log("reader   wall p50     p95     max    cpu p50     p95");
  const ms = (x: number) => x.toFixed(1).padStart(7);
  for (const name of order) {
    const [t, u] = [times[name], cpu[name]];
    console.log(
      `${name.padEnd(6)} ${ms(pct(t, 50))} ${ms(pct(t, 95))} ${ms(Math.max(...t))}   ${ms(pct(u, 50))} ${ms(pct(u, 95))}`,
    );
  }
  await storage.close();
}

await main();
