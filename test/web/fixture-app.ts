/**
 * Test helper: a real SQLite storage in a temp folder loaded with the Arabic fixture records, and the reader app
 * over it (optionally with the JSON API mounted inside).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import type { Storage } from "../../src/ports/storage.ts";
import { createApi } from "../../src/surfaces/api/create-api.ts";
import { createWebApp, type WebDeps } from "../../src/surfaces/web/create-web-app.ts";
import { FIXTURE_RECORDS, type FixtureRecord } from "../fixtures/arabic-articles.ts";
import { importFixture } from "../fixtures/import-fixture.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789";
/** "Now" for relative times: a day after the newest fixture article. */
export const FIXTURE_NOW = Date.parse("2015-07-27T13:00:00Z");

export interface FixtureApp {
  app: Hono;
  storage: Storage;
  close(): Promise<void>;
}

/** Opens storage, imports `records` (default: the fixture set plus `extra`), builds the app. */
export async function openFixtureApp(
  options: { extra?: FixtureRecord[]; web?: Partial<WebDeps> } = {},
): Promise<FixtureApp> {
  const dir = mkdtempSync(join(tmpdir(), "akhbar-web-"));
  const storage = await openSqliteStorage(join(dir, "web.db"));
  await importFixture(storage, [...FIXTURE_RECORDS, ...(options.extra ?? [])]);
  const app = createWebApp({
    storage,
    adminToken: ADMIN_TOKEN,
    api: createApi({ storage, version: "test", startedAt: new Date() }),
    rateLimit: false,
    now: () => FIXTURE_NOW,
    ...options.web,
  });
  return {
    app,
    storage,
    async close() {
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Records that make "مقالات مشابهة" non-empty for fx-002: other Gulf–US partnership news, not copies. */
export const SIMILAR_RECORDS: FixtureRecord[] = [
  {
    id: "fx-101",
    source: "okaz",
    url: "http://okaz.example/news/101",
    title: "الخليج وأميركا يبحثان شراكة في الطاقة المتجددة",
    date: "2015-07-23T08:00:00",
    text: "بحث مسؤولون من دول الخليج مع أميركا شراكة جديدة في الطاقة المتجددة.\nوقال مسؤول إن الشراكة تشمل مشاريع للطاقة الشمسية.",
  },
  {
    id: "fx-102",
    source: "sabq",
    url: "http://sabq.example/102",
    title: "شراكة اقتصادية خليجية أوروبية في قطاع المياه",
    date: "2015-07-24T09:00:00",
    text: "أعلنت دول الخليج شراكة اقتصادية مع شركات أوروبية في قطاع المياه وتحلية مياه البحر.",
  },
  {
    id: "fx-103",
    source: "alriyadh",
    url: "http://alriyadh.example/103",
    title: "أميركا تعرض على الخليج شراكة اقتصادية أوسع",
    date: "2015-07-25T10:00:00",
    text: "عرضت أميركا على دول الخليج توسيع الشراكة الاقتصادية لتشمل التعليم والصحة.",
  },
];
