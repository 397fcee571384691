/**
 * findCitedSource: the origin a story credits ("المصدر: الجزيرة", "(واس)", "نقلاً عن رويترز") -> a short name.
 * Pure; part of the extract stage (also used on flattened text by segmentText). Agencies are data, sorted.
 */
import { foldMatchText } from "./fold-match-text.ts";

export interface Agency {
  /** Display name returned as the cited source. */
  name: string;
  /** Other spellings seen in credits, display form. */
  aliases: readonly string[];
  /** Hosts of the agency itself: its own credit line on its own site is not a cited source. */
  hosts: readonly string[];
}

/** News agencies and outlets credited by Arabic copy, sorted by name. */
export const AGENCIES: readonly Agency[] = [
  { name: "أ ف ب", aliases: ["أ.ف.ب", "فرانس برس", "وكالة فرانس برس", "AFP"], hosts: ["afp.com"] },
  { name: "أسوشيتد برس", aliases: ["أ ب", "أسوشيتدبرس", "AP"], hosts: ["apnews.com"] },
  { name: "الأناضول", aliases: ["وكالة الأناضول"], hosts: ["aa.com.tr"] },
  { name: "الجزيرة", aliases: ["الجزيرة نت", "قناة الجزيرة"], hosts: ["aljazeera.net"] },
  { name: "العربية", aliases: ["العربية نت", "قناة العربية"], hosts: ["alarabiya.net"] },
  { name: "بترا", aliases: ["وكالة الأنباء الأردنية"], hosts: ["petra.gov.jo"] },
  { name: "بنا", aliases: ["وكالة أنباء البحرين"], hosts: ["bna.bh"] },
  { name: "د ب أ", aliases: ["د.ب.أ", "الوكالة الألمانية"], hosts: ["dpa.com"] },
  { name: "رويترز", aliases: ["وكالة رويترز", "Reuters"], hosts: ["reuters.com"] },
  { name: "سانا", aliases: ["وكالة سانا", "الوكالة العربية السورية للأنباء"], hosts: ["sana.sy"] },
  { name: "قنا", aliases: ["وكالة الأنباء القطرية"], hosts: ["qna.org.qa"] },
  { name: "كونا", aliases: ["وكالة الأنباء الكويتية"], hosts: ["kuna.net.kw"] },
  { name: "واج", aliases: ["وكالة الأنباء الجزائرية"], hosts: ["aps.dz"] },
  { name: "واس", aliases: ["وكالة الأنباء السعودية"], hosts: ["spa.gov.sa"] },
  { name: "وام", aliases: ["وكالة أنباء الإمارات"], hosts: ["wam.ae"] },
  { name: "وطنية", aliases: ["الوكالة الوطنية للإعلام"], hosts: ["nna-leb.gov.lb"] },
  { name: "وكالات", aliases: ["وكالات الأنباء"], hosts: [] },
];

/** Words after a credit verb that end the credited name ("نقلا عن رويترز أن ..." stops at "أن"). */
const NAME_STOP_WORDS = new Set([
  "ان",
  "انه",
  "في",
  "عن",
  "على",
  "الى",
  "من",
  "بان",
  "اليوم",
  "امس",
  "حيث",
  "قوله",
  "و",
]);

/** Shortest multi-word alias trusted anywhere in a line: full agency names, not "أ ب". */
export const MIN_NAMED_ALIAS_CHARS = 12;

/** Longest credited name kept from free text, in words. */
export const MAX_CITED_NAME_WORDS = 4;

/** Longest line read as a standalone credit line ("المصدر: الجزيرة"), in characters. */
export const MAX_CREDIT_LINE_CHARS = 80;

const PATTERNS = {
  // "المصدر: X", "مصدر الخبر - X", "Source: X" on a line of its own.
  creditLine: /^(?:المصدر|مصدر الخبر|المصادر|source)\s*[:\-\u2013]\s*(.+)$/,
  // "(واس)", "(رويترز)" anywhere: agency credits in parentheses at a dateline or the end.
  parenthesized: /[(]([^()]{2,30})[)]/g,
  // Credit verbs followed by a media noun and the name (quoted or not), on folded text: "نقلا عن وكالة رويترز",
  // "وفقا لصحيفة ...", "حسب وكالة "الأناضول" التركية".
  creditVerb:
    /(?:نقلا عن|نقلت|نقل|وفق ما نقل(?:ت|ه)?|وفقا|بحسب ما (?:نقلت|نقل|اوردت|اورد|ذكرت|ذكر|افادت|افاد)|حسبما (?:نقلت|نقل|اوردت|ذكرت|افادت|افاد)[^.،]{0,40}?|بحسب|حسب|ذكرت|اوردت|افادت)\s+(?:ل)?(?:موقع|صحيفه|جريده|وكاله|قناه|شبكه|مجله|اذاعه)\s+["«]?([^.،:"«»()]+)/,
  // "لوكالة رويترز" / "لصحيفة X" where the speaker talks to a medium.
  arabicLetter: /[\u0600-\u06FF]/,
  bylineParts: /\s*[-\u2013\u2014/,\u060C|]\s*/,
  parentheses: /[()]/g,
  space: /\s+/,
  trailingPunctuation: /[.,\u060C:\u061B]+$/u,
  toMedium: /\sل(?:وكاله|صحيفه|موقع|قناه|شبكه|مجله|اذاعه)\s+([^.،:"«»()]+)/,
} as const;

interface FoldedAgency {
  agency: Agency;
  folded: string[];
}

const FOLDED_AGENCIES: readonly FoldedAgency[] = AGENCIES.map((agency) => ({
  agency,
  folded: [agency.name, ...agency.aliases].map(foldMatchText).sort((a, b) => b.length - a.length),
}));

/** Multi-word aliases long enough to be trusted anywhere in a line (namedAgency). All are Arabic, which is why
 * findCitedSource skips lines without Arabic letters; a test holds that. */
export const NAMED_ALIASES: readonly string[] = FOLDED_AGENCIES.flatMap((a) =>
  a.folded.filter((n) => n.includes(" ") && n.length >= MIN_NAMED_ALIAS_CHARS),
);

/**
 * Finds the credited origin in body paragraphs and dropped meta lines; null for own reporting.
 * `host` is the publisher's host: an agency's credit on its own site is not a citation.
 * Example: findCitedSource(["الرياض (واس) - أعلن ..."], "al-madina.com") === "واس".
 */
export function findCitedSource(lines: readonly string[], host: string | null): string | null {
  const accept = (name: string | null): string | null =>
    name !== null && !isOwnAgency(name, host) ? name : null;
  // 1. An explicit credit line wins: aggregators put it under the text.
  for (const line of lines) {
    if (line.length > MAX_CREDIT_LINE_CHARS) continue;
    const m = PATTERNS.creditLine.exec(foldMatchText(line));
    if (m?.[1] !== undefined) {
      const name = accept(toCitedName(m[1], line));
      if (name !== null) return name;
    }
  }
  // 2. Agency credit in parentheses, then credit verbs, in page order.
  for (const line of lines) {
    for (const m of line.matchAll(PATTERNS.parenthesized)) {
      const name = accept(knownAgency(foldMatchText(m[1] ?? "")));
      if (name !== null) return name;
    }
    // Named aliases and credit verbs are Arabic: a line without Arabic letters (English copy) skips the fold.
    if (!PATTERNS.arabicLetter.test(line)) continue;
    const folded = foldMatchText(line);
    const named = namedAgency(folded);
    if (named !== null && accept(named) !== null) return named;
    const verb = PATTERNS.creditVerb.exec(folded) ?? PATTERNS.toMedium.exec(folded);
    if (verb?.[1] !== undefined) {
      const name = accept(toCitedName(verb[1], line));
      if (name !== null) return name;
    }
  }
  return null;
}

/**
 * The agency a byline credits when the byline is a credit rather than a person: "واس - الرياض" (agency and
 * dateline city), "اليوم - وكالات" (the paper and "agencies"), "(رويترز)". Every part between dashes, slashes or
 * commas is a short name and one of them is a known agency. `own` is true when the agency is the publisher itself
 * (an agency's credit on its own site is still not a person, but cites nobody).
 * Example: bylineAgency("واس - الرياض", "al-madina.com") -> { name: "واس", own: false }.
 */
export function bylineAgency(byline: string, host: string | null): { name: string; own: boolean } | null {
  const parts = byline
    .split(PATTERNS.bylineParts)
    .map((p) => p.replace(PATTERNS.parentheses, "").trim())
    .filter((p) => p !== "");
  if (parts.some((p) => p.split(PATTERNS.space).length > MAX_CITED_NAME_WORDS)) return null;
  for (const part of parts) {
    const name = knownAgency(foldMatchText(part));
    if (name !== null) return { name, own: isOwnAgency(name, host) };
  }
  return null;
}

/** True when `name` is an agency publishing on its own site (`host` is one of its hosts or under one). */
function isOwnAgency(name: string, host: string | null): boolean {
  if (host === null) return false;
  const agency = AGENCIES.find((a) => a.name === name);
  return agency?.hosts.some((h) => host === h || host.endsWith(`.${h}`)) === true;
}

/** An agency named by a multi-word alias anywhere in the line ("وكالة الأنباء السعودية" -> "واس"). */
function namedAgency(folded: string): string | null {
  for (const { agency, folded: names } of FOLDED_AGENCIES) {
    if (names.some((n) => n.includes(" ") && n.length >= MIN_NAMED_ALIAS_CHARS && folded.includes(n)))
      return agency.name;
  }
  return null;
}

/** Returns the agency display name when `folded` names a known agency exactly. */
function knownAgency(folded: string): string | null {
  const key = folded.trim();
  for (const { agency, folded: names } of FOLDED_AGENCIES) if (names.includes(key)) return agency.name;
  return null;
}

/** Turns the folded words after a credit into a display name, preferring a known agency. */
function toCitedName(foldedTail: string, original: string): string | null {
  const words: string[] = [];
  for (const word of foldedTail.trim().split(" ")) {
    if (words.length >= MAX_CITED_NAME_WORDS || NAME_STOP_WORDS.has(word)) break;
    words.push(word);
  }
  for (let n = words.length; n > 0; n--) {
    const agency = knownAgency(words.slice(0, n).join(" "));
    if (agency !== null) return agency;
  }
  if (words.length === 0) return null;
  return displaySpan(original, words.length, foldedTail) ?? words.join(" ");
}

/** Recovers the display spelling of the first `count` words of `foldedTail` inside `original`. */
function displaySpan(original: string, count: number, foldedTail: string): string | null {
  const originalWords = original.trim().split(PATTERNS.space);
  const firstFolded = foldedTail.trim().split(" ")[0];
  const start = originalWords.findIndex((w) => foldMatchText(w) === firstFolded);
  if (start < 0) return null;
  return originalWords
    .slice(start, start + count)
    .join(" ")
    .replace(PATTERNS.trailingPunctuation, "");
}
