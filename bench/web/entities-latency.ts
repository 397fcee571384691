/**
 * "في الأخبار" (/entities) render latency on a stored store, this tree against another version's (`--base`: a
 * checkout's src, e.g. main before the change), renders alternating between the two so both see the same machine
 * load, which is printed; wall and CPU time (on a shared machine wall time is mostly waiting for a core). Pages: the
 * unfiltered list and the biggest outlet's. Three situations:
 * - first view: a new app (reader) per render, nothing cached;
 * - after a write: one app, a write (the store's change mark moves) before every render, as during a crawl; this tree
 *   twice, with the page's max age 0 (every render recomputes, its per-article entities kept) and the default one;
 * - unchanged: one app, no writes.
 * Benchmark helper, reads the store and re-writes one source row as it was (the write).
 * Run: node --import tsx bench/web/entities-latency.ts --db /tmp/dev.db --base /tmp/base [--renders 20]
 *      (or --pg postgres://… instead of --db)
 */
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { Hono } from "hono";
import { openPostgresStorage } from "../../src/adapters/postgres/open-postgres-storage.ts";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import type { Storage } from "../../src/ports/storage.ts";
import { createWebApp, type WebDeps } from "../../src/surfaces/web/create-web-app.ts";

function pct(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

type MakeApp = (deps: WebDeps) => Hono;

interface Timed {
  wall: number[];
  cpu: number[];
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      pg: { type: "string" },
      base: { type: "string" },
      renders: { type: "string", default: "20" },
    },
  });
  if ((values.db === undefined) === (values.pg === undefined) || values.base === undefined)
    throw new Error("bench: --base and one of --db or --pg are required");
  const storage: Storage =
    values.db !== undefined ? await openSqliteStorage(values.db) : await openPostgresStorage(values.pg!);
  const base = (await import(resolve(join(values.base, "src/surfaces/web/create-web-app.ts")))) as {
    createWebApp: MakeApp;
  };
  const makers: Record<string, MakeApp> = { base: base.createWebApp, this: createWebApp };
  const deps = { storage, adminToken: null, rateLimit: false } as const;
  const [biggest] = (await storage.sources.listSources()).sort((a, b) => b.articleCount - a.articleCount);
  const paths = ["/entities", `/entities?source=${encodeURIComponent(biggest!.id)}`];
  const [touched] = await storage.sources.listSources();
  const write = () => storage.sources.upsertSource(touched!);
  const renders = Number(values.renders);

  const render = async (app: Hono, path: string, into: Timed) => {
    const s = performance.now();
    const c = process.cpuUsage();
    const res = await app.request(path);
    await res.text();
    const used = process.cpuUsage(c);
    into.wall.push(performance.now() - s);
    into.cpu.push((used.user + used.system) / 1000);
    if (res.status !== 200) throw new Error(`bench: ${path} answered ${res.status}`);
  };
  const report = (title: string, rows: Record<string, Timed>, load0: number) => {
    console.log(`\n${title}; load average ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`);
    console.log("app              wall p50     p95     max    cpu p50     p95");
    const ms = (x: number) => x.toFixed(1).padStart(7);
    for (const [name, t] of Object.entries(rows)) {
      console.log(
        `${name.padEnd(15)} ${ms(pct(t.wall, 50))} ${ms(pct(t.wall, 95))} ${ms(Math.max(...t.wall))}   ${ms(pct(t.cpu, 50))} ${ms(pct(t.cpu, 95))}`,
      );
    }
  };
  const timed = (): Timed => ({ wall: [], cpu: [] });

  // Warm-up: module code compiled and the store's pages read once by each.
  for (const make of Object.values(makers)) for (const path of paths) await make(deps).request(path);

  // First view: a new app per render.
  {
    const rows = { base: timed(), this: timed() };
    const load0 = loadavg()[0]!;
    for (let i = 0; i < renders; i++) {
      const path = paths[i % paths.length]!;
      for (const name of i % 2 === 0 ? ["base", "this"] : ["this", "base"]) {
        await render(makers[name]!(deps), path, rows[name as keyof typeof rows]);
      }
    }
    report(`first view (a new app per render; ${renders} renders each, ${paths.join(" ")}), ms`, rows, load0);
  }

  // After a write: one app each, the change mark moved before every render.
  {
    const apps: Record<string, Hono> = {
      base: base.createWebApp(deps),
      "this, max age 0": createWebApp({ ...deps, entitiesMaxAgeMs: 0 }),
      this: createWebApp(deps),
    };
    const rows: Record<string, Timed> = Object.fromEntries(Object.keys(apps).map((k) => [k, timed()]));
    for (const app of Object.values(apps)) for (const path of paths) await app.request(path);
    const load0 = loadavg()[0]!;
    const names = Object.keys(apps);
    for (let i = 0; i < renders; i++) {
      const path = paths[i % paths.length]!;
      for (const name of i % 2 === 0 ? names : [...names].reverse()) {
        await write();
        await render(apps[name]!, path, rows[name]!);
      }
    }
    report(`after a write (one before every render; ${renders} renders each), ms`, rows, load0);
  }

  // Unchanged store: one app each, no writes.
  {
    const apps: Record<string, Hono> = { base: base.createWebApp(deps), this: createWebApp(deps) };
    const rows: Record<string, Timed> = { base: timed(), this: timed() };
    for (const app of Object.values(apps)) for (const path of paths) await app.request(path);
    const load0 = loadavg()[0]!;
    for (let i = 0; i < renders; i++) {
      const path = paths[i % paths.length]!;
      for (const name of i % 2 === 0 ? ["base", "this"] : ["this", "base"]) {
        await render(apps[name]!, path, rows[name]!);
      }
    }
    report(`unchanged store (${renders} renders each), ms`, rows, load0);
  }
  await storage.close();
}

await main();
