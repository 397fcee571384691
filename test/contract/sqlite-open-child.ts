/**
 * Child process for the SQLite concurrent-open test: says "opening" on stdout, opens (and migrates) the file, then
 * prints the schema version it reached. Test helper (IO). Usage: node --import tsx sqlite-open-child.ts <db path>
 */
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";

const path = process.argv[2];
if (path === undefined) throw new Error("usage: sqlite-open-child.ts <db path>");
process.stdout.write("opening\n");
const storage = await openSqliteStorage(path);
const { v } = storage.db.prepare("SELECT max(version) AS v FROM schema_migrations").get() as { v: number };
process.stdout.write(`version ${v}\n`);
await storage.close();
