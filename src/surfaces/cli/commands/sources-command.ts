/**
 * `akhbar sources [list|add|remove|enable|import-opml|export-opml]`: the sources akhbar follows, their feeds and
 * crawl health. Surface over the SourceStore and FeedStore ports; `add` fetches through the guarded transport.
 */
import { readFile, writeFile } from "node:fs/promises";
import { AkhbarError } from "../../../domain/errors.ts";
import type { Feed } from "../../../domain/feed.ts";
import { createCrawlPreparer, createHttpClient, openStorage } from "../../../main.ts";
import { findSourceFeeds } from "../../../pipeline/find-source-feeds.ts";
import { systemClock } from "../../../ports/clock.ts";
import type { Storage } from "../../../ports/storage.ts";
import { parseOpml, renderOpml } from "../../../stages/feeds/parse-opml.ts";
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
    const storage = await openStorage(ctx.config);
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
    `${"id".padEnd(width)}  ${"status".padEnd(12)}  ${"articles".padStart(8)}  ${"new".padStart(4)}  last fetch        next poll         name / error`,
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

/** Source id for a URL's site: its host without "www." ("https://www.spa.gov.sa/x" -> "spa.gov.sa"). */
function sourceIdFor(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
}

async function addSource(
  ctx: CommandContext,
  storage: Storage,
  url: string,
  values: Record<string, unknown>,
): Promise<number> {
  const country = typeof values.country === "string" ? values.country.toUpperCase() : null;
  if (country !== null && !/^[A-Z]{2}$/.test(country)) {
    throw new AkhbarError(
      "sources.usage",
      `sources add: --country must be an ISO 3166-1 alpha-2 code, got "${country}"`,
    );
  }
  const http = createHttpClient(ctx.config);
  const preparer = await createCrawlPreparer({ ...ctx.config, crawlWorkers: 0 });
  try {
    const found = await findSourceFeeds(url, { http, preparer });
    const first = found.feeds[0]!;
    const id = typeof values.id === "string" ? values.id : sourceIdFor(url);
    const existing = await storage.sources.getSource(id);
    await storage.sources.upsertSource({
      id,
      name: typeof values.name === "string" ? values.name : (existing?.name ?? first.title ?? id),
      homepage: existing?.homepage ?? first.homepage ?? new URL("/", url).href,
      country: country ?? existing?.country ?? null,
      language: existing?.language ?? "ar",
    });
    const added: Feed[] = [];
    for (const f of found.feeds) {
      const { feed } = await storage.feeds.addFeed(
        { url: f.url, sourceId: id, kind: f.kind, title: f.title },
        systemClock.now().getTime(),
      );
      added.push(feed);
    }
    if (ctx.json) printJson(ctx.io, { source: id, via: found.via, feeds: added.map(toFeedJson) });
    else {
      printLine(ctx.io, `source ${id}: ${added.length} feed(s) found via ${found.via}`);
      for (const f of added) printLine(ctx.io, `  [${f.id}] ${f.kind ?? "?"}  ${f.url}`);
    }
    return 0;
  } finally {
    await preparer.close();
    await http.close();
  }
}

async function removeSource(ctx: CommandContext, storage: Storage, idOrUrl: string): Promise<number> {
  const feed = /^https?:/i.test(idOrUrl) ? await storage.feeds.getFeedByUrl(idOrUrl) : null;
  if (feed !== null) {
    await storage.feeds.removeFeed(feed.id);
    printLine(ctx.io, `removed feed ${feed.url} of source ${feed.sourceId}`);
    return 0;
  }
  const removed = await storage.feeds.removeSource(idOrUrl);
  if (removed === null) throw new AkhbarError("sources.not_found", `sources: no source or feed "${idOrUrl}"`);
  const kept = removed.sourceDeleted ? "" : " (its articles stay searchable under it)";
  if (ctx.json)
    printJson(ctx.io, {
      source: idOrUrl,
      feeds_removed: removed.feedsRemoved,
      source_deleted: removed.sourceDeleted,
    });
  else
    printLine(ctx.io, `removed source ${idOrUrl}: ${removed.feedsRemoved} feed(s) no longer crawled${kept}`);
  return 0;
}

async function enableFeed(ctx: CommandContext, storage: Storage, feedId: string): Promise<number> {
  const id = Number(feedId);
  if (!Number.isInteger(id) || !(await storage.feeds.enableFeed(id, systemClock.now().getTime()))) {
    throw new AkhbarError("sources.not_found", `sources: no feed with id "${feedId}"`);
  }
  printLine(ctx.io, `feed ${id} enabled and due now`);
  return 0;
}

async function importOpml(ctx: CommandContext, storage: Storage, file: string): Promise<number> {
  const doc = parseOpml(await readFile(file, "utf8"));
  const nowMs = systemClock.now().getTime();
  let added = 0;
  let known = 0;
  for (const o of doc.outlines) {
    const id = sourceIdFor(o.htmlUrl ?? o.xmlUrl);
    if ((await storage.sources.getSource(id)) === null) {
      await storage.sources.upsertSource({
        id,
        name: o.title ?? id,
        homepage: o.htmlUrl,
        country: null,
        language: "ar",
      });
    }
    if ((await storage.feeds.addFeed({ url: o.xmlUrl, sourceId: id, title: o.title }, nowMs)).created)
      added++;
    else known++;
  }
  if (ctx.json) printJson(ctx.io, { added, known, skipped: doc.skipped });
  else
    printLine(
      ctx.io,
      `imported ${added} feed(s) (${known} already known, ${doc.skipped} outline(s) without a feed URL)`,
    );
  return 0;
}

async function exportOpml(ctx: CommandContext, storage: Storage, output: string | null): Promise<number> {
  const sources = new Map((await storage.sources.listSources()).map((s) => [s.id, s]));
  const feeds = await storage.feeds.listFeeds();
  const text = renderOpml(
    "akhbar sources",
    feeds.map((f) => {
      const s = sources.get(f.sourceId);
      return { title: s?.name ?? f.title, xmlUrl: f.url, htmlUrl: s?.homepage ?? null };
    }),
  );
  if (output === null) ctx.io.stdout.write(text);
  else {
    await writeFile(output, text);
    printLine(ctx.io, `wrote ${feeds.length} feed(s) to ${output}`);
  }
  return 0;
}
