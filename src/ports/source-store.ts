/**
 * SourceStore port: publishers and their article statistics.
 * Interface only; implemented by adapters.
 */
import type { Source, SourceDraft } from "../domain/source.ts";

export interface SourceSummary extends Source {
  articleCount: number;
  /** Latest published (else fetched) time among its articles. */
  lastArticleAt: string | null;
}

export interface SourceStore {
  /** Inserts or updates by id; keeps createdAt of an existing source. */
  upsertSource(source: SourceDraft): Promise<Source>;
  /** Creates the sources that do not exist yet with their id as name; existing ones are untouched. */
  ensureSources(ids: readonly string[]): Promise<void>;
  getSource(id: string): Promise<Source | null>;
  listSources(): Promise<SourceSummary[]>;
}
