/**
 * SourceAdmin: the source-management actions the admin pages offer (add a source, import OPML, disable).
 * Interface plus its implementation over Storage (surface glue; the logic is in pipeline/manage-sources).
 */
import { AkhbarError } from "../../domain/errors.ts";
import { disableSource, importOpmlText } from "../../pipeline/manage-sources.ts";
import { type Clock, systemClock } from "../../ports/clock.ts";
import type { Storage } from "../../ports/storage.ts";
import { feedsLabel, outlinesLabel, registeredFeedsLabel } from "./count-label.ts";

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
  /**
   * Adds a new source (and its feed); returns a message for the admin. An id already in use is refused
   * (admin.bad_param, field "id", reason "taken"): the form adds, it never renames or re-points an outlet.
   */
  addSource(source: NewSource): Promise<string>;
  /** Imports an OPML subscription list; returns a message with counts. */
  importOpml(text: string): Promise<string>;
  /** Stops polling a source's feeds; its articles stay. */
  disableSource(id: string): Promise<string>;
}

/**
 * The admin actions over Storage: sources and their feed URLs are stored (the crawler polls a new feed at once and
 * shows any error in the source's health), OPML imports and disabling go through pipeline/manage-sources, the same
 * code as `akhbar sources`.
 */
export class StorageSourceAdmin implements SourceAdmin {
  readonly #storage: Storage;
  readonly #clock: Clock;

  constructor(storage: Storage, clock: Clock = systemClock) {
    this.#storage = storage;
    this.#clock = clock;
  }

  async addSource(source: NewSource): Promise<string> {
    const existing = await this.#storage.sources.getSource(source.id);
    if (existing !== null)
      throw new AkhbarError(
        "admin.bad_param",
        `admin: the id "${source.id}" is already the source "${existing.name}"`,
        { field: "id", reason: "taken" },
      );
    await this.#storage.sources.upsertSource({
      id: source.id,
      name: source.name,
      homepage: source.homepage,
      country: source.country,
      language: "ar",
    });
    if (source.feedUrl === null) return `أضيف المصدر ${source.name}.`;
    const { created } = await this.#storage.feeds.addFeed(
      { url: source.feedUrl, sourceId: source.id },
      this.#clock.now().getTime(),
    );
    return created
      ? `أضيف المصدر ${source.name} وخلاصته؛ سيُجلب قريبًا.`
      : `أضيف المصدر ${source.name}؛ الخلاصة مسجلة من قبل.`;
  }

  async importOpml(text: string): Promise<string> {
    const { added, known, skipped } = await importOpmlText(this.#storage, text, this.#clock);
    return opmlImportMessage(added, known, skipped);
  }

  async disableSource(id: string): Promise<string> {
    const feeds = await disableSource(this.#storage, id, "admin: disabled from the web admin");
    return feeds === 0
      ? `لا خلاصات تعمل للمصدر ${id}؛ تبقى مقالاته.`
      : `أُوقفت ${feedsLabel(feeds)} للمصدر ${id}؛ تبقى مقالاته.`;
  }
}

/**
 * What an OPML import did, in the admin's Arabic; parts that count nothing are left out. Pure.
 * Example: (3, 2, 1) → "استُوردت 3 خلاصات؛ خلاصتان مسجلتان من قبل، عنصر واحد في الملف بلا رابط خلاصة."
 */
export function opmlImportMessage(added: number, known: number, skipped: number): string {
  const imported = added === 0 ? "لم تُستورد خلاصات جديدة" : `استُوردت ${feedsLabel(added)}`;
  const rest = [
    ...(known > 0 ? [`${registeredFeedsLabel(known)} من قبل`] : []),
    ...(skipped > 0 ? [`${outlinesLabel(skipped)} في الملف بلا رابط خلاصة`] : []),
  ];
  return rest.length === 0 ? `${imported}.` : `${imported}؛ ${rest.join("، ")}.`;
}
