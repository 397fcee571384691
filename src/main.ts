/**
 * Composition root: picks the storage adapter for the config and hands out ports.
 * The only module that knows which adapters exist.
 */
import type { Config } from "./config/load-config.ts";
import type { Storage } from "./ports/storage.ts";

/** Opens the configured storage (SQLite at `config.dbPath`, created with its folder on first use). */
export async function openStorage(config: Config): Promise<Storage> {
  const { openSqliteStorage } = await import("./adapters/sqlite/open-sqlite-storage.ts");
  return openSqliteStorage(config.dbPath);
}
