/**
 * CLI entry: global options (--db, --json, --help), then one command from the table in commands.ts.
 * Surface code. Exit codes (exitCodeOf, EXIT_STATUS_HELP): 0 ok, 1 not found or part of the input not taken, 2 error,
 * 64 usage.
 */
import { parseArgs } from "node:util";
import { type Config, loadConfig } from "../../config/load-config.ts";
import { isAkhbarError } from "../../domain/errors.ts";
import { setDisplayTimeZone } from "../web/format-arabic-date.ts";
import { type CliIo, type Command, printError } from "./command.ts";
import { COMMANDS } from "./commands.ts";

// Exit statuses, as grep and diff give them (1 the answer is no, 2 trouble) with sysexits' EX_USAGE for a wrong
// invocation: a script can tell a story id that does not exist (1) from a store it cannot open (2) and from its own
// mistake (64), which `akhbar story` exited 2 for alike.

/**
 * Nothing of what was named exists (`story ID`, `similar ID`, `delete ID`, `sources remove ID`); commands also return
 * it when part of their input was not taken (import's rejected lines, extract's unreadable pages).
 */
export const EXIT_NOT_FOUND = 1;
/** The command could not do its work: an unreadable file or store, a failed fetch, an unexpected error. */
export const EXIT_ERROR = 2;
/** A wrong invocation: an unknown command or option, a missing argument, an option value out of bounds. */
export const EXIT_USAGE = 64;
/** The exit statuses as `akhbar help` and the README list them. */
export const EXIT_STATUS_HELP = [
  "exit status:",
  "  0   done",
  "  1   not found (no story, article, source or feed with that id), or part of the input not taken",
  "  2   error (a file or store that cannot be read, a failed fetch, an unexpected failure)",
  "  64  usage (unknown command or option, missing argument, bad option value)",
];

/**
 * The exit status for an AkhbarError's code: `*.not_found` 1, a wrong argument (`*.usage`, `*.bad_param`,
 * `*.bad_query`) 64, anything else 2. Example: exitCodeOf("story.not_found") → 1.
 */
export function exitCodeOf(code: string): number {
  if (code.endsWith(".not_found")) return EXIT_NOT_FOUND;
  if (code.endsWith(".usage") || code.endsWith(".bad_param") || code.endsWith(".bad_query"))
    return EXIT_USAGE;
  return EXIT_ERROR;
}

const GLOBAL_OPTIONS = {
  db: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Runs `akhbar ARGS` and returns the exit code. `io` defaults to the process's streams and environment. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const at = commandIndex(argv);
  const name = at < 0 ? undefined : argv[at];
  const command = COMMANDS.find((c) => c.name === name);
  if (name === undefined || name === "help" || command === undefined) {
    const wantsHelp = name === undefined || name === "help" || argv.includes("--help");
    io[wantsHelp ? "stdout" : "stderr"].write(renderHelp(name === "help" || wantsHelp ? undefined : name));
    return wantsHelp ? 0 : EXIT_USAGE;
  }
  const rest = argv.filter((_, i) => i !== at);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: command.positionals,
      strict: true,
    });
  } catch (err) {
    io.stderr.write(`akhbar ${command.name}: ${(err as Error).message}\nusage: akhbar ${command.usage}\n`);
    return EXIT_USAGE;
  }
  if (parsed.values.help === true) {
    io.stdout.write(renderCommandHelp(command));
    return 0;
  }
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    const config: Config = loadConfig(io.env);
    if (typeof parsed.values.db === "string") config.dbPath = parsed.values.db;
    // Before anything formats a date or reads a named day (the reader, search's from/to, feeds).
    setDisplayTimeZone(config.displayTimeZone);
    return await command.run(
      { config, io, json: parsed.values.json === true, signal: controller.signal },
      parsed.values,
      parsed.positionals,
    );
  } catch (err) {
    if (isAkhbarError(err)) {
      printError(io, `akhbar ${command.name}: ${withCause(err)} [${err.code}]`);
      return exitCodeOf(err.code);
    }
    if (isFileSystemError(err)) {
      // A file named on the command line that cannot be read or written is the user's to fix, not a crash: the
      // system's message names the file and the reason, without a stack.
      printError(io, `akhbar ${command.name}: ${err.message} [fs.${err.code}]`);
      return EXIT_ERROR;
    }
    printError(io, `akhbar ${command.name}: unexpected error: ${(err as Error).stack ?? String(err)}`);
    return EXIT_ERROR;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

/**
 * Index of the command name: the first argument that is neither an option nor the value of a global option that
 * takes one, so `akhbar --db data/x.db search ...` finds `search`, not the path. -1 when there is none.
 */
export function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("-")) return i;
    const option = arg.slice(2);
    if (option in GLOBAL_OPTIONS && GLOBAL_OPTIONS[option as keyof typeof GLOBAL_OPTIONS].type === "string")
      i++;
  }
  return -1;
}

/**
 * An error's message and, when it wraps another whose message it does not already say, that one's: "cannot open the
 * store" alone leaves the user guessing (a directory, a permission, a locked file).
 * Example: "store: cannot open SQLite database x.db" with cause "unable to open database file" -> both, ": " between.
 */
function withCause(err: Error): string {
  const cause = err.cause instanceof Error ? err.cause.message.trim() : "";
  return cause === "" || err.message.includes(cause) ? err.message : `${err.message}: ${cause}`;
}

/** A Node file-system call's failure (ENOENT, EACCES, EISDIR…): its message names the path and the reason. */
function isFileSystemError(err: unknown): err is Error & { code: string; path: string } {
  const e = err as { code?: unknown; syscall?: unknown; path?: unknown };
  return (
    err instanceof Error &&
    typeof e.code === "string" &&
    /^E[A-Z]+$/.test(e.code) &&
    typeof e.syscall === "string" &&
    typeof e.path === "string"
  );
}

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

function renderHelp(unknown?: string): string {
  const lines = unknown === undefined ? [] : [`akhbar: unknown command "${unknown}"`, ""];
  lines.push("usage: akhbar [--db PATH] [--json] COMMAND [options]", "", "commands:");
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(width)}  ${c.summary}`);
  lines.push(
    "",
    "global options:",
    "  --db PATH   SQLite database (env AKHBAR_DB, default ./data/akhbar.db)",
    "  --json      print results as JSON",
    "",
    "`akhbar COMMAND --help` shows a command's options.",
    "",
    ...EXIT_STATUS_HELP,
    "",
  );
  return lines.join("\n");
}

function renderCommandHelp(command: Command): string {
  const lines = [`usage: akhbar ${command.usage}`, "", command.summary, ""];
  const names = Object.keys(command.options);
  if (names.length > 0) lines.push(`options: ${names.map((n) => `--${n}`).join(" ")} --db --json`, "");
  return lines.join("\n");
}
