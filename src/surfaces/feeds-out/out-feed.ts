/**
 * The feed akhbar publishes, before it is written as RSS 2.0 or JSON Feed 1.1: one shape, two renderers.
 * Pure domain-of-the-surface types.
 */

export interface OutItem {
  /** Stable, unique across akhbar's feeds: "akhbar:article:ID" or "akhbar:story:ID". */
  id: string;
  /** Where the item opens on akhbar (absolute). */
  url: string;
  /** The publisher's original page, when it differs from `url`. */
  externalUrl: string | null;
  title: string;
  /** Plain text (never HTML): the lead or snippet. */
  summary: string;
  /** ISO time or null. */
  published: string | null;
  /** Publisher display name. */
  author: string | null;
}

export interface OutFeed {
  title: string;
  description: string;
  /** The HTML page this feed mirrors (absolute). */
  homePageUrl: string;
  /** This feed's own URL (absolute). */
  feedUrl: string;
  items: OutItem[];
}

/** XML 1.0 forbids C0 controls other than tab, LF and CR, and the noncharacters FFFE/FFFF; drop them. */
export function stripXmlInvalid(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}
