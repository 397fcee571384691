import { describe, expect, it } from "vitest";
import { DEFAULT_DB_PATH, loadConfig } from "./load-config.ts";

describe("loadConfig", () => {
  it("uses the embedded default database when AKHBAR_DB is unset or blank", () => {
    expect(loadConfig({}).dbPath).toBe(DEFAULT_DB_PATH);
    expect(loadConfig({ AKHBAR_DB: "  " }).dbPath).toBe(DEFAULT_DB_PATH);
  });

  it("reads the database path, host and port from the environment", () => {
    const config = loadConfig({ AKHBAR_DB: "/tmp/x.db", AKHBAR_HOST: "0.0.0.0", AKHBAR_PORT: "9000" });
    expect(config).toMatchObject({ dbPath: "/tmp/x.db", host: "0.0.0.0", port: 9000 });
  });

  it("selects PostgreSQL only through a postgres:// URL and never echoes a malformed one", () => {
    expect(loadConfig({}).databaseUrl).toBeNull();
    expect(loadConfig({ AKHBAR_DATABASE_URL: " " }).databaseUrl).toBeNull();
    const url = "postgres://akhbar@127.0.0.1:5432/akhbar";
    expect(loadConfig({ AKHBAR_DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({ AKHBAR_DATABASE_URL: "postgresql://db/x" }).databaseUrl).toBe("postgresql://db/x");
    expect(() => loadConfig({ AKHBAR_DATABASE_URL: "mysql://u:hunter2@db/x" })).toThrow(
      /AKHBAR_DATABASE_URL/,
    );
    expect(() => loadConfig({ AKHBAR_DATABASE_URL: "mysql://u:hunter2@db/x" })).not.toThrow(/hunter2/);
  });

  it("rejects a port that is not a number with a clear config error", () => {
    expect(() => loadConfig({ AKHBAR_PORT: "http" })).toThrow(/AKHBAR_PORT must be a port number/);
    expect(() => loadConfig({ AKHBAR_PORT: "70000" })).toThrow(/config/);
  });

  it("reads the display time zone, Riyadh by default, in its canonical spelling, and refuses an unknown one", () => {
    expect(loadConfig({}).displayTimeZone).toBe("Asia/Riyadh");
    expect(loadConfig({ AKHBAR_TIME_ZONE: "africa/cairo" }).displayTimeZone).toBe("Africa/Cairo");
    expect(loadConfig({ AKHBAR_TIME_ZONE: " UTC " }).displayTimeZone).toBe("UTC");
    expect(() => loadConfig({ AKHBAR_TIME_ZONE: "Mars/Olympus" })).toThrow(
      /AKHBAR_TIME_ZONE must be an IANA/,
    );
  });

  it("rejects an unknown log level", () => {
    expect(() => loadConfig({ AKHBAR_LOG_LEVEL: "loud" })).toThrow(/AKHBAR_LOG_LEVEL/);
  });

  it("reads the crawler's allow-list, host spacing and workers, and refuses a malformed allow-list", () => {
    const config = loadConfig({
      AKHBAR_FETCH_ALLOW: "127.0.0.1:8080",
      AKHBAR_CRAWL_HOST_INTERVAL_MS: "50",
      AKHBAR_CRAWL_WORKERS: "0",
    });
    expect(config.fetchAllow.entries).toHaveLength(1);
    expect(config).toMatchObject({ crawlHostIntervalMs: 50, crawlWorkers: 0 });
    expect(loadConfig({}).fetchAllow.entries).toEqual([]);
    expect(() => loadConfig({ AKHBAR_FETCH_ALLOW: "10.0.0.0:99999" })).toThrow(/AKHBAR_FETCH_ALLOW/);
    expect(() => loadConfig({ AKHBAR_CRAWL_HOST_INTERVAL_MS: "fast" })).toThrow(/config/);
  });
});
