/**
 * Source: a publisher akhbar knows about (an outlet, a wire agency, a feed).
 * Pure domain type.
 */
export interface Source {
  /** Stable slug, e.g. "aawsat"; the `source` field of imported records. */
  id: string;
  name: string;
  homepage: string | null;
  /** ISO 3166-1 alpha-2, or null for pan-Arab or unknown. */
  country: string | null;
  language: string;
  createdAt: string;
}

export type SourceDraft = Omit<Source, "createdAt">;
