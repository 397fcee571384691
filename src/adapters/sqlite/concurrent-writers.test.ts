import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { makeArticleWrite } from "../../../test/contract/article-fixtures.ts";
import { openSqliteStorage } from "./open-sqlite-storage.ts";

const dir = mkdtempSync(join(tmpdir(), "akhbar-writers-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Another connection committing small writes back to back for `ms` (as `akhbar serve --crawl` does beside an
 * import): a worker thread with its own better-sqlite3 connection. Resolves with its commit count.
 */
function otherWriter(path: string, ms: number): { ready: Promise<void>; done: Promise<number> } {
  const modulePath = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const Database = require(workerData.modulePath);
     const db = new Database(workerData.path);
     db.pragma("busy_timeout = 5000");
     const put = db.prepare("INSERT OR REPLACE INTO app_flags (name, set_at) VALUES (?, ?)");
     parentPort.postMessage("ready");
     let n = 0;
     for (const end = Date.now() + workerData.ms; Date.now() < end; n++) put.run("other-" + (n % 50), String(n));
     db.close();
     parentPort.postMessage(n);`,
    { eval: true, workerData: { path, ms, modulePath } },
  );
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const done = new Promise<number>((resolve, reject) => {
    worker.on("message", (m) => (m === "ready" ? onReady() : resolve(m as number)));
    worker.on("error", reject);
  });
  return { ready, done };
}

describe("SQLite writes beside another connection's", () => {
  it("waits for the other writer instead of failing when it commits between a transaction's read and write", async () => {
    const path = join(dir, "two.db");
    const storage = await openSqliteStorage(path);
    try {
      const other = otherWriter(path, 1_500);
      await other.ready;
      const failures: string[] = [];
      let writes = 0;
      for (const end = Date.now() + 1_500; Date.now() < end; writes++) {
        try {
          // Each reads (known ids, URLs, hashes; the sources) before it writes.
          await storage.articles.writeArticles([
            makeArticleWrite(`k${writes}`, { sourceId: `src${writes % 7}` }),
          ]);
          await storage.stories!.writePlacements({
            placements: [],
            groupMerges: [],
            groupOriginals: [],
            merges: [{ fromId: `s${writes}`, intoId: `s${writes + 1}` }],
            headlines: [],
          });
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
      expect(await other.done).toBeGreaterThan(0);
      expect(writes).toBeGreaterThan(0);
      expect(failures.slice(0, 3)).toEqual([]);
    } finally {
      await storage.close();
    }
  }, 30_000);
});
