/**
 * A wire release sent in parts: SPA (واس) sends a long release as its first part under the headline, then "إضافة
 * أولى", "إضافة ثانية" … under the same headline, each text going on where the last stopped. linkWireParts finds,
 * among some articles (one story's), the first part each continuation part goes on from. Dedupe stage, pure.
 */
import { stripWireHeadlineMarks } from "./strip-syndication-marks.ts";

/**
 * How far from its first part a continuation part may be published. SPA sends a release's parts together (dev corpus,
 * bench/stories/wire-parts.ts: 20 parts, at most 1.9 h from the first part or its copy, some seconds before it); a day
 * either side leaves room for a feed that stores them late, and a same-headline release of another day stays apart.
 */
export const WIRE_PART_MAX_HOURS = 24;

export interface WirePartMember {
  id: string;
  sourceId: string;
  title: string;
  /** wirePartNumber(title, text): null for no part (the one part whose title has no mark opens its text with it). */
  part: number | null;
  /** Published time, ms since epoch. */
  timeMs: number;
}

/** A continuation part and the first part of its release. */
export interface WirePartLink {
  partId: string;
  firstId: string;
  /** The part's ordinal (wirePartNumber): parts list in this order. */
  part: number;
}

const HOUR_MS = 3_600_000;

/**
 * For each continuation part among `members` whose release's first part is there too, that first part: an article
 * with no part mark under the same headline once desk section and part mark are off, within WIRE_PART_MAX_HOURS;
 * from the same outlet first (the wire's own), else an outlet's copy of it, then the nearest in time, then the
 * smallest id. Parts without a first part among `members` are not linked. Example: "عام / الوزير يفتتح المعرض"
 * (was) and "عام / الوزير يفتتح المعرض إضافة ثانية" (was) -> [{partId: the second, firstId: the first, part: 2}].
 */
export function linkWireParts(members: readonly WirePartMember[]): WirePartLink[] {
  const firsts = new Map<string, WirePartMember[]>();
  const parts: { m: WirePartMember; part: number; key: string }[] = [];
  for (const m of members) {
    const part = m.part;
    const key = stripWireHeadlineMarks(m.title);
    if (part !== null) parts.push({ m, part, key });
    else {
      const list = firsts.get(key);
      if (list === undefined) firsts.set(key, [m]);
      else list.push(m);
    }
  }
  const links: WirePartLink[] = [];
  for (const { m, part, key } of parts) {
    const gap = (f: WirePartMember) => Math.abs(f.timeMs - m.timeMs);
    const first = (firsts.get(key) ?? [])
      .filter((f) => gap(f) <= WIRE_PART_MAX_HOURS * HOUR_MS)
      .sort(
        (a, b) =>
          Number(b.sourceId === m.sourceId) - Number(a.sourceId === m.sourceId) ||
          gap(a) - gap(b) ||
          (a.id < b.id ? -1 : 1),
      )[0];
    if (first !== undefined) links.push({ partId: m.id, firstId: first.id, part });
  }
  return links;
}
