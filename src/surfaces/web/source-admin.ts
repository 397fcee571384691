/**
 * SourceAdmin: the source-management actions the admin pages offer (add a source, import OPML, disable). Interface
 * plus a thin implementation over today's Storage; the crawl backend (issue 4) will provide the full one.
 */
import { AkhbarError } from "../../domain/errors.ts";
import type { Storage } from "../../ports/storage.ts";

export interface NewSource {
  /** Slug: lowercase letters, digits and dashes. */
  id: string;
  name: string;
  homepage: string | null;
  /** ISO 3166-1 alpha-2 or null. */
  country: string | null;
  /** A feed to poll, when the backend can poll. */
  feedUrl: string | null;
}

export interface SourceAdmin {
  /** Adds or updates a source (and its feed); returns a message for the admin. */
  addSource(source: NewSource): Promise<string>;
  /** Imports an OPML subscription list; returns a message with counts. */
  importOpml(text: string): Promise<string>;
  /** Stops polling a source's feeds; its articles stay. */
  disableSource(id: string): Promise<string>;
}

/**
 * What works before the crawl backend lands: sources are stored; feeds, OPML import and disabling answer
 * `admin.unavailable` with a clear message instead of pretending.
 */
export class StorageSourceAdmin implements SourceAdmin {
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  async addSource(source: NewSource): Promise<string> {
    await this.#storage.sources.upsertSource({
      id: source.id,
      name: source.name,
      homepage: source.homepage,
      country: source.country,
      language: "ar",
    });
    return source.feedUrl === null
      ? `أضيف المصدر ${source.name}.`
      : `أضيف المصدر ${source.name}؛ لم تُسجَّل الخلاصة لأن الجلب الآلي غير متاح بعد.`;
  }

  async importOpml(_text: string): Promise<string> {
    throw unavailable("OPML import");
  }

  async disableSource(_id: string): Promise<string> {
    throw unavailable("disabling a source");
  }
}

function unavailable(what: string): AkhbarError {
  return new AkhbarError(
    "admin.unavailable",
    `admin: ${what} needs the crawl backend, which is not running here`,
  );
}
