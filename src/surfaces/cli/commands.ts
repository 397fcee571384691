/**
 * Every CLI command, in the order `akhbar help` lists them. The one table of the CLI.
 */
import type { Command } from "./command.ts";
import { crawlCommand } from "./commands/crawl-command.ts";
import { deleteCommand } from "./commands/delete-command.ts";
import { duplicatesCommand } from "./commands/duplicates-command.ts";
import { exportCommand } from "./commands/export-command.ts";
import { extractCommand } from "./commands/extract-command.ts";
import { importCommand } from "./commands/import-command.ts";
import { jobsCommand } from "./commands/jobs-command.ts";
import { reclusterCommand } from "./commands/recluster-command.ts";
import { schedulerCommand } from "./commands/scheduler-command.ts";
import { searchCommand } from "./commands/search-command.ts";
import { segmentCommand } from "./commands/segment-command.ts";
import { serveCommand } from "./commands/serve-command.ts";
import { similarCommand } from "./commands/similar-command.ts";
import { sourcesCommand } from "./commands/sources-command.ts";
import { storiesCommand } from "./commands/stories-command.ts";
import { storyCommand } from "./commands/story-command.ts";
import { workerCommand } from "./commands/worker-command.ts";

export const COMMANDS: readonly Command[] = [
  importCommand,
  searchCommand,
  storiesCommand,
  storyCommand,
  similarCommand,
  duplicatesCommand,
  reclusterCommand,
  serveCommand,
  exportCommand,
  deleteCommand,
  sourcesCommand,
  crawlCommand,
  schedulerCommand,
  workerCommand,
  jobsCommand,
  extractCommand,
  segmentCommand,
];
