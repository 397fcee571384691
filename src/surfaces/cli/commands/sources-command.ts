/**
 * `akhbar sources [list|add|remove|enable|import-opml|export-opml]`: the sources akhbar follows, their feeds and
 * crawl health. Surface over the SourceStore and FeedStore ports; `add` fetches through the guarded transport.
 */
import { readFile, writeFile } from "node:fs/promises";
import { AkhbarError } from "../../../domain/errors.ts";
import { createCrawlPreparer, createHttpClient, createLogger, openStorage } from "../../../main.ts";
import {
  addSourceFromUrl,
  importOpmlText,
  removeSourceOrFeed,
  renderSourcesOpml,
} from "../../../pipeline/manage-sources.ts";
import { systemClock } from "../../../ports/clock.ts";
import type { Storage } from "../../../ports/storage.ts";
import { feedsBySource, toFeedJson, toSourceHealth, toSourceJson } from "../../present.ts";
import { type Command, type CommandContext, printJson, printLine } from "../command.ts";

const ACTIONS = ["list", "add", "remove", "enable", "import-opml", "export-opml"] as const;

export const sourcesCommand: Command = {
  name: "sources",
  summary: "list, add, remove, import and export the sources akhbar follows, with crawl health",
  usage:
    "sources [list] [--json] | add URL [--name N] [--country CC] [--id ID] | remove ID|FEED_URL | enable FEED_ID" +
    " | import-opml FILE | export-opml [--output FILE]",
  options: {
    name: { type: "string" },
    country: { type: "string" },
    id: { type: "string" },
    output: { type: "string" },
  },
  positionals: true,
  async run(ctx, values, positionals) {
    const action = positionals[0] ?? "list";
    const arg = positionals[1];
    if (!(ACTIONS as readonly string[]).includes(action)) {
      throw new AkhbarError(
        "sources.usage",
        `sources: unknown action "${action}" (try: ${ACTIONS.join(", ")})`,
      );
    }
    if (action !== "list" && action !== "export-opml" && arg === undefined) {
      throw new AkhbarError(
        "sources.usage",
        `sources ${action}: missing argument (usage: akhbar ${this.usage})`,
      );
    }
    const storage = await openStorage(ctx.config, createLogger(ctx.config, ctx.io.stderr));
    try {
      if (action === "list") return await listSources(ctx, storage);
      if (action === "add") return await addSource(ctx, storage, arg!, values);
      if (action === "remove") return await removeSource(ctx, storage, arg!);
      if (action === "enable") return await enableFeed(ctx, storage, arg!);
      if (action === "import-opml") return await importOpml(ctx, storage, arg!);
      return await exportOpml(ctx, storage, typeof values.output === "string" ? values.output : null);
    } finally {
      await storage.close();
    }
  },
};

async function listSources(ctx: CommandContext, storage: Storage): Promise<number> {
  const sources = await storage.sources.listSources();
  const feeds = feedsBySource(await storage.feeds.listFeeds());
  if (ctx.json) {
    printJson(ctx.io, { sources: sources.map((s) => toSourceJson(s, feeds.get(s.id))) });
    return 0;
  }
  const width = Math.max(4, ...sources.map((s) => s.id.length));
  printLine(
    ctx.io,
    `${"id".padEnd(width)}  ${"status".padEnd(12)}  ${"articles".padStart(8)}  ${"new".padStart(4)}  last fetch (UTC)  next poll (UTC)   name / error`,
  );
  for (const s of sources) {
    const h = toSourceHealth(feeds.get(s.id) ?? []);
    const when = (iso: string | null) => (iso === null ? "-" : iso.slice(0, 16).replace("T", " ")).padEnd(16);
    const tail = h.error === null ? s.name : `${s.name} \u2014 ${h.error}`;
    printLine(
      ctx.io,
      `${s.id.padEnd(width)}  ${h.status.padEnd(12)}  ${String(s.articleCount).padStart(8)}  ${String(h.new_items).padStart(4)}  ${when(h.last_fetch_at)}  ${when(h.next_poll_at)}  ${tail}`,
    );
  }
  return 0;
}

async function addSource(
  ctx: CommandContext,
  storage: Storage,
  url: string,
  values: Record<string, unknown>,
): Promise<number> {
  const http = createHttpClient(ctx.config);
  const preparer = await createCrawlPreparer({ ...ctx.config, crawlWorkers: 0 });
  try {
    const added = await addSourceFromUrl(
      { storage, http, preparer, clock: systemClock },
      {
        url,
        id: typeof values.id === "string" ? values.id : undefined,
        name: typeof values.name === "string" ? values.name : undefined,
        country: typeof values.country === "string" ? values.country : null,
      },
    );
    if (ctx.json)
      printJson(ctx.io, { source: added.sourceId, via: added.via, feeds: added.feeds.map(toFeedJson) });
    else {
      printLine(ctx.io, `source ${added.sourceId}: ${added.feeds.length} feed(s) found via ${added.via}`);
      for (const f of added.feeds) printLine(ctx.io, `  [${f.id}] ${f.kind ?? "?"}  ${f.url}`);
    }
    return 0;
  } finally {
    await preparer.close();
    await http.close();
  }
}

async function removeSource(ctx: CommandContext, storage: Storage, idOrUrl: string): Promise<number> {
  const removed = await removeSourceOrFeed(storage, idOrUrl);
  if (removed.kind === "feed") {
    printLine(ctx.io, `removed feed ${removed.feed.url} of source ${removed.feed.sourceId}`);
    return 0;
  }
  if (ctx.json)
    printJson(ctx.io, {
      source: idOrUrl,
      feeds_removed: removed.feedsRemoved,
      source_deleted: removed.sourceDeleted,
    });
  else {
    const kept = removed.sourceDeleted ? "" : " (its articles stay searchable under it)";
    printLine(ctx.io, `removed source ${idOrUrl}: ${removed.feedsRemoved} feed(s) no longer crawled${kept}`);
  }
  return 0;
}

async function enableFeed(ctx: CommandContext, storage: Storage, feedId: string): Promise<number> {
  // Digits only, as intParam reads numbers: Number() would take "1e3" or " 5" for feed 1000 or 5.
  const id = /^\d+$/.test(feedId) ? Number(feedId) : Number.NaN;
  if (!Number.isSafeInteger(id) || !(await storage.feeds.enableFeed(id, systemClock.now().getTime()))) {
    throw new AkhbarError("sources.not_found", `sources: no feed with id "${feedId}"`);
  }
  printLine(ctx.io, `feed ${id} enabled and due now`);
  return 0;
}

async function importOpml(ctx: CommandContext, storage: Storage, file: string): Promise<number> {
  const { added, known, skipped } = await importOpmlText(storage, await readFile(file, "utf8"), systemClock);
  if (ctx.json) printJson(ctx.io, { added, known, skipped });
  else
    printLine(
      ctx.io,
      `imported ${added} feed(s) (${known} already known, ${skipped} outline(s) without a feed URL)`,
    );
  return 0;
}

async function exportOpml(ctx: CommandContext, storage: Storage, output: string | null): Promise<number> {
  const { text, feeds } = await renderSourcesOpml(storage);
  if (output === null) ctx.io.stdout.write(text);
  else {
    await writeFile(output, text);
    printLine(ctx.io, `wrote ${feeds} feed(s) to ${output}`);
  }
  return 0;
}
