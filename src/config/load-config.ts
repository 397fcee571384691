/**
 * Config: the environment parsed and validated once, typed; CLI flags override it.
 * Pure apart from reading the `env` object it is given.
 */
import { AkhbarError } from "../domain/errors.ts";

/** Where the embedded database lives when nothing else is said: a folder beside the working directory. */
export const DEFAULT_DB_PATH = "./data/akhbar.db";
/** 8080 is free on most machines and needs no privileges. */
export const DEFAULT_PORT = 8080;
/** Loopback by default: exposing a server beyond the machine is a deliberate choice (AKHBAR_HOST=0.0.0.0). */
export const DEFAULT_HOST = "127.0.0.1";

export interface Config {
  dbPath: string;
  host: string;
  port: number;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

const LOG_LEVELS = new Set(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** Reads AKHBAR_DB, AKHBAR_HOST, AKHBAR_PORT and AKHBAR_LOG_LEVEL; throws `config.invalid` on bad values. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const port = env.AKHBAR_PORT === undefined ? DEFAULT_PORT : parsePort(env.AKHBAR_PORT, "AKHBAR_PORT");
  const logLevel = env.AKHBAR_LOG_LEVEL ?? "info";
  if (!LOG_LEVELS.has(logLevel)) {
    throw new AkhbarError(
      "config.invalid",
      `config: AKHBAR_LOG_LEVEL must be one of ${[...LOG_LEVELS].join(", ")}, got "${logLevel}"`,
    );
  }
  return {
    dbPath: nonEmpty(env.AKHBAR_DB) ?? DEFAULT_DB_PATH,
    host: nonEmpty(env.AKHBAR_HOST) ?? DEFAULT_HOST,
    port,
    logLevel: logLevel as Config["logLevel"],
  };
}

/** Parses a TCP port (0 lets the OS choose); throws `config.invalid` naming `what` otherwise. */
export function parsePort(value: string, what: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) {
    throw new AkhbarError("config.invalid", `config: ${what} must be a port number 0-65535, got "${value}"`);
  }
  return port;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
