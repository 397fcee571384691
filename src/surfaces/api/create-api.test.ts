import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFixture } from "../../../test/fixtures/import-fixture.ts";
import { openSqliteStorage } from "../../adapters/sqlite/open-sqlite-storage.ts";
import type { SourceStore } from "../../ports/source-store.ts";
import type { Storage } from "../../ports/storage.ts";
import { createApi } from "./create-api.ts";

let dir: string;
let storage: Storage;
let app: ReturnType<typeof createApi>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "akhbar-api-"));
  storage = await openSqliteStorage(join(dir, "api.db"));
  await importFixture(storage);
  app = createApi({ storage, version: "test", startedAt: new Date() });
});
afterAll(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await app.request(path);
  // biome-ignore lint/suspicious/noExplicitAny: the assertions below check the JSON shape
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe("HTTP API", () => {
  it("reports health with the article count", async () => {
    const { status, body } = await get("/health");
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", articles: 7 });
  });

  it("searches with Arabic-aware matching and returns the documented hit shape", async () => {
    const { status, body } = await get(`/api/search?q=${encodeURIComponent("أمريكا")}&limit=2`);
    expect(status).toBe(200);
    // Three articles match; fx-008 is fx-002's wire text from another outlet, so they are one hit with one copy.
    expect(body.total).toBe(2);
    expect(body.hits).toHaveLength(2);
    expect(body.hits.flatMap((h: { copies: { id: string }[] }) => h.copies.map((c) => c.id))).toEqual([
      "fx-008",
    ]);
    expect(body.hits[0]).toHaveProperty("snippet");
    // The title's matching word is marked in title_html, in the other spelling too; title stays plain.
    const titles = (await get(`/api/search?q=${encodeURIComponent("أمريكا")}`)).body.hits.map(
      (h: { title: string; title_html: string }) => [h.title, h.title_html],
    );
    expect(titles).toContainEqual([
      "أميركا والخليج: شراكة اقتصادية",
      "<mark>أميركا</mark> والخليج: شراكة اقتصادية",
    ]);
  });

  it("filters search by repeated or comma-separated source parameters", async () => {
    const one = await get(`/api/search?q=${encodeURIComponent("أميركا")}&source=alyaum`);
    expect(one.body.hits.map((h: { id: string }) => h.id)).toEqual(["fx-008"]);
    const two = await get(`/api/search?q=${encodeURIComponent("أميركا")}&source=alyaum,okaz`);
    expect(two.body.total).toBe(2);
  });

  it.each([
    ["a missing query", "/api/search", "q"],
    ["a non-numeric limit", "/api/search?q=x&limit=ten", "limit"],
    ["a limit above the page cap", "/api/search?q=x&limit=5000", "limit"],
    ["a negative offset", "/api/search?q=x&offset=-1", "offset"],
    ["an impossible date", "/api/search?q=x&from=2015-02-30", "from"],
    ["a reversed range", "/api/search?q=x&from=2015-08-02&to=2015-08-01", "from"],
    ["a repeated single-valued parameter", "/api/search?q=x&q=y", "q"],
  ])("answers 400 with a clear message for %s", async (_why, path, param) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe("search.bad_param");
    expect(body.error.message).toContain(`"${param}"`);
  });

  it("lists a source's newest articles for q=source:ID alone or for source without q", async () => {
    for (const path of ["/api/search?q=source:sabq", "/api/search?source=sabq"]) {
      const { status, body } = await get(path);
      expect(status).toBe(200);
      expect(body.total).toBeGreaterThan(0);
      expect(new Set(body.hits.map((h: { source: string }) => h.source))).toEqual(new Set(["sabq"]));
    }
    const { status, body } = await get("/api/search");
    expect(status).toBe(400);
    expect(body.error.message).toBe('search: parameter "q" is required');
  });

  it("answers 400, not 500, for a query with nothing searchable in it", async () => {
    const { status, body } = await get(`/api/search?q=${encodeURIComponent('"" - ؟!')}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("search.bad_query");
  });

  it("returns an article with its stored fields and 404 for an unknown id", async () => {
    const found = await get("/api/articles/fx-006");
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: "fx-006", source: "sabq", byline: "محرر سبق" });
    // Where it sits: fx-008 is fx-002's wire text from another outlet, a copy in the same story.
    const original = (await get("/api/articles/fx-002")).body;
    expect(original.story_id).toEqual(expect.any(String));
    expect(original.duplicate_of).toBeNull();
    expect((await get("/api/articles/fx-008")).body).toMatchObject({
      story_id: original.story_id,
      duplicate_of: "fx-002",
    });
    const missing = await get("/api/articles/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("api.not_found");
  });

  it("gives the dates an article mentions, resolved against its publish date", async () => {
    const { body } = await get("/api/articles/fx-001");
    expect(body.dates).toEqual([
      expect.objectContaining({
        field: "text",
        text: "اليوم",
        first: "2015-07-21",
        last: "2015-07-21",
        granularity: "day",
        relative: true,
      }),
    ]);
    expect(body.text.slice(body.dates[0].start, body.dates[0].end)).toBe("اليوم");
  });

  it("lists sources with article counts", async () => {
    const { body } = await get("/api/sources");
    const sabq = body.sources.find((s: { id: string }) => s.id === "sabq");
    expect(sabq).toMatchObject({ article_count: 2 });
  });

  it("answers unknown routes with a JSON 404", async () => {
    const { status, body } = await get("/api/nothing");
    expect(status).toBe(404);
    expect(body.error.code).toBe("api.not_found");
  });
});

describe("HTTP API on a socket: the outlets a search reads", () => {
  // Product review: every /api/search listed every outlet (with its article count and last article) to resolve
  // source names, though most searches name none.
  let server: ServerType;
  let base: string;
  let listed = 0;
  beforeAll(async () => {
    const sources = storage.sources;
    const counting: SourceStore = {
      upsertSource: (s) => sources.upsertSource(s),
      ensureSources: (ids) => sources.ensureSources(ids),
      getSource: (id) => sources.getSource(id),
      listSources: () => {
        listed++;
        return sources.listSources();
      },
    };
    const api = createApi({
      storage: { ...storage, sources: counting },
      version: "test",
      startedAt: new Date(),
    });
    server = serve({ fetch: api.fetch, port: 0, hostname: "127.0.0.1" });
    await once(server, "listening");
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const search = async (query: Record<string, string>) => {
    const before = listed;
    const res = await fetch(`${base}/api/search?${new URLSearchParams(query)}`);
    // biome-ignore lint/suspicious/noExplicitAny: the assertions below check the JSON shape
    const body = (await res.json()) as Record<string, any>;
    return { status: res.status, body, reads: listed - before };
  };

  it("reads no outlet for a search that names none", async () => {
    const { status, body, reads } = await search({ q: "أمريكا" });
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    expect(reads).toBe(0);
  });

  it("reads the outlets once for a search naming one, by source= or by source: in q", async () => {
    expect(await search({ q: "أمريكا", source: "okaz" })).toMatchObject({ status: 200, reads: 1 });
    expect(await search({ q: "أمريكا source:okaz" })).toMatchObject({ status: 200, reads: 1 });
  });

  it("knows an outlet's new name at once after a rename, and no longer its old one", async () => {
    const unknown = await search({ q: "أمريكا", source: "عكاظ اليوم" });
    expect(unknown.status).toBe(400);
    const { createdAt: _, ...okaz } = (await storage.sources.getSource("okaz"))!;
    await storage.sources.upsertSource({ ...okaz, name: "عكاظ اليوم" });
    const renamed = await search({ q: "أمريكا", source: "عكاظ اليوم" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.hits.map((h: { source: string }) => h.source)).toEqual(["okaz"]);
    await storage.sources.upsertSource(okaz);
    expect((await search({ q: "أمريكا", source: "عكاظ اليوم" })).status).toBe(400);
    expect((await search({ q: "أمريكا", source: okaz.name })).status).toBe(200);
  });
});
