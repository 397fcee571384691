/**
 * Every CLI command, in the order `akhbar help` lists them. The one table of the CLI.
 */
import type { Command } from "./command.ts";

export const COMMANDS: readonly Command[] = [];
