/**
 * A throwaway PostgreSQL database per test file, and a fresh schema in it per opened Storage (dropped on close).
 * Test helper (IO). Server: AKHBAR_TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres (trust auth).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import {
  openPostgresStorage,
  type PostgresStorage,
  type PostgresStorageOptions,
} from "../../src/adapters/postgres/open-postgres-storage.ts";
import { ANALYZER_VERSION } from "../../src/stages/arabic/analyze-text.ts";

/** The schema openFresh empties and reuses. */
const CONTRACT_SCHEMA = "contract";

const ADMIN_URL = process.env.AKHBAR_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  /** URL of this file's own database. */
  url: string;
  /**
   * Opens a Storage on this file's contract schema, emptied first: much faster than migrating a new schema for
   * every test. Sequences go on counting (no contract depends on their start). Tests of one file run in turn.
   */
  openFresh(opts?: PostgresStorageOptions): Promise<PostgresStorage>;
  /** Opens a second Storage on an existing schema (another process's view); close() leaves the schema. */
  openSchema(schema: string, opts?: PostgresStorageOptions): Promise<PostgresStorage>;
  newSchemaName(): string;
  drop(): Promise<void>;
}

/** True when the test server answers; the suite is skipped (outside CI) when it does not. */
export async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `akhbar_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  let counter = 0;
  const db: TestDatabase = {
    url: url.toString(),
    newSchemaName: () => `s${++counter}_${randomBytes(3).toString("hex")}`,
    async openFresh(opts = {}) {
      const storage = await openPostgresStorage(db.url, { ...opts, schema: CONTRACT_SCHEMA });
      const client = await storage.pool.connect();
      try {
        const { rows } = await client.query<{ name: string }>(
          "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'",
          [CONTRACT_SCHEMA],
        );
        // DELETE with foreign keys and triggers off (replica role, superuser) empties tiny tables in any order,
        // about 10× faster than TRUNCATE, which writes new files for every table and index.
        await client.query("BEGIN");
        await client.query("SET LOCAL session_replication_role = replica");
        for (const { name } of rows) await client.query(`DELETE FROM ${name}`);
        // What the migration writes into a database with no article yet: the current analyzer's version.
        await client.query("INSERT INTO search_analyzer (id, version) VALUES (1, $1)", [ANALYZER_VERSION]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
      return storage;
    },
    openSchema: (schema, opts = {}) => openPostgresStorage(db.url, { ...opts, schema }),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
  return db;
}
