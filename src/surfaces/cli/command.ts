/**
 * The shape of one CLI command, and the context every command gets.
 * Surface code: commands do IO through the context only, so tests can run them in-process.
 */
import type { ParseArgsConfig } from "node:util";
import type { Config } from "../../config/load-config.ts";
import { renderHighlightTerminal } from "../render-highlight.ts";
import { toTerminalJson, toTerminalText } from "./terminal-text.ts";

export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
}

export interface CommandContext {
  config: Config;
  io: CliIo;
  json: boolean;
  /** Resolves when the user asks the process to stop (SIGINT/SIGTERM); long commands finish their batch and return. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  /** One line for `akhbar help`. */
  summary: string;
  /** Usage line after `akhbar `, e.g. `search QUERY [--source S]`. */
  usage: string;
  options: OptionSpec;
  /** Whether positional arguments are allowed. */
  positionals: boolean;
  run(ctx: CommandContext, values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

/**
 * Writes one line to stdout, its controls neutralized (toTerminalText), so a stored title cannot drive the terminal.
 * Example: "1. \u001b[2Jخبر" is written "1. \ufffd[2Jخبر".
 */
export function printLine(io: CliIo, line = ""): void {
  io.stdout.write(`${toTerminalText(line)}\n`);
}

/**
 * printLine for a line whose matches the snippet builder marked (a search's titles and snippets: buildSnippet and
 * highlightTitle drop a text's own marker code points first): the marks are coloured on a terminal and dropped
 * elsewhere, the only escape sequences the CLI writes.
 */
export function printMarkedLine(io: CliIo, line: string): void {
  io.stdout.write(
    `${renderHighlightTerminal(toTerminalText(line, { keepMarks: true }), io.stdout.isTTY === true)}\n`,
  );
}

/** Writes one line to stderr, its controls neutralized as printLine's (an error message may quote a record). */
export function printError(io: CliIo, line: string): void {
  io.stderr.write(`${toTerminalText(line)}\n`);
}

/** Writes a value as JSON (one document, pretty when stdout is a terminal); characters a terminal acts on escaped. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${toTerminalJson(value, io.stdout.isTTY ? 2 : 0)}\n`);
}

/**
 * A command's parsed flags as the surfaces' parameter reader (search-params.ts ParamReader): a string flag's value,
 * a repeated flag's values, nothing for an absent or boolean flag. So `--limit` is read by intParam, as `limit=` is
 * over HTTP.
 */
export function readFlags(values: Record<string, unknown>): (name: string) => string[] {
  return (name) => {
    const value = values[name];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
    return typeof value === "string" ? [value] : [];
  };
}
