/**
 * Every CLI command, in the order `akhbar help` lists them. The one table of the CLI.
 */
import type { Command } from "./command.ts";
import { crawlCommand } from "./commands/crawl-command.ts";
import { exportCommand } from "./commands/export-command.ts";
import { extractCommand } from "./commands/extract-command.ts";
import { importCommand } from "./commands/import-command.ts";
import { searchCommand } from "./commands/search-command.ts";
import { segmentCommand } from "./commands/segment-command.ts";
import { serveCommand } from "./commands/serve-command.ts";
import { sourcesCommand } from "./commands/sources-command.ts";

export const COMMANDS: readonly Command[] = [
  importCommand,
  searchCommand,
  serveCommand,
  exportCommand,
  sourcesCommand,
  crawlCommand,
  extractCommand,
  segmentCommand,
];
