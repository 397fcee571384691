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

  it("rejects a port that is not a number with a clear config error", () => {
    expect(() => loadConfig({ AKHBAR_PORT: "http" })).toThrow(/AKHBAR_PORT must be a port number/);
    expect(() => loadConfig({ AKHBAR_PORT: "70000" })).toThrow(/config/);
  });

  it("rejects an unknown log level", () => {
    expect(() => loadConfig({ AKHBAR_LOG_LEVEL: "loud" })).toThrow(/AKHBAR_LOG_LEVEL/);
  });
});
