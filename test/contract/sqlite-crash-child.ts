/**
 * Child process for the SQLite crash test: starts a 200-article batch and SIGKILLs itself mid-transaction.
 * Test helper (IO). Usage: node --import tsx sqlite-crash-child.ts <db path>
 */
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import { makeArticleWrite } from "./article-fixtures.ts";

const KILL_AT_ITEM = 150;

const path = process.argv[2];
if (path === undefined) throw new Error("usage: sqlite-crash-child.ts <db path>");
const storage = await openSqliteStorage(path);
await storage.articles.writeArticles([makeArticleWrite("committed")]);
const batch = Array.from({ length: 200 }, (_, i) => {
  const write = makeArticleWrite(`doomed${i}`);
  if (i === KILL_AT_ITEM) {
    Object.defineProperty(write.article, "title", {
      get() {
        // Killed from inside the transaction: earlier rows of the batch are written but not committed.
        process.kill(process.pid, "SIGKILL");
        return "never";
      },
    });
  }
  return write;
});
await storage.articles.writeArticles(batch);
