/**
 * findCitedSource: the origin a story credits ("المصدر: الجزيرة", "(واس)", "نقلاً عن رويترز") -> a short name.
 * Pure; part of the extract stage (also used on flattened text by segmentText, and on plain text by import through
 * findTextCitedSource). Agencies are data, sorted.
 */
import { knownOutlet, knownOutletIds } from "../../config/known-outlets.ts";
import { isWireDatelineLine, splitLeadDateline } from "../dedupe/strip-syndication-marks.ts";
import { foldMatchText } from "./fold-match-text.ts";

export interface Agency {
  /** Display name returned as the cited source. */
  name: string;
  /**
   * A news agency, or a channel or paper. Agencies exist to be credited, so their full names count anywhere in a
   * text's edges; a channel or paper named in running text is mostly what the story is about (its presenter, its
   * journalists' trial, an interview it aired: dev corpus, 2026-12-01), so it counts only in a credit's place.
   */
  kind: "agency" | "channel" | "paper";
  /** Other spellings seen in credits, display form. */
  aliases: readonly string[];
  /** Hosts of the agency itself: its own credit line on its own site is not a cited source. */
  hosts: readonly string[];
}

/** News agencies and outlets credited by Arabic copy, sorted by name. */
export const AGENCIES: readonly Agency[] = [
  {
    name: "أ ف ب",
    kind: "agency",
    // "الفرنسية" alone is aleqtisadiya's closing credit («الفرنسية»); an alias only matches a whole credit.
    aliases: [
      "أ.ف.ب",
      "أ. ف. ب",
      "الفرنسية",
      "فرانس برس",
      "وكالة الأنباء الفرنسية",
      "وكالة الصحافة الفرنسية",
      "وكالة فرانس برس",
      "AFP",
    ],
    hosts: ["afp.com"],
  },
  { name: "أ ش أ", kind: "agency", aliases: ["أ.ش.أ", "وكالة أنباء الشرق الأوسط"], hosts: ["mena.org.eg"] },
  { name: "أسوشيتد برس", kind: "agency", aliases: ["أ ب", "أسوشيتدبرس", "AP"], hosts: ["apnews.com"] },
  { name: "الأناضول", kind: "agency", aliases: ["وكالة الأناضول"], hosts: ["aa.com.tr"] },
  { name: "الجزيرة", kind: "channel", aliases: ["الجزيرة نت", "قناة الجزيرة"], hosts: ["aljazeera.net"] },
  { name: "العربية", kind: "channel", aliases: ["العربية نت", "قناة العربية"], hosts: ["alarabiya.net"] },
  // The Saudi daily, named with its media noun; "الجزيرة" alone stays the channel.
  {
    name: "صحيفة الجزيرة",
    kind: "paper",
    aliases: ["جريدة الجزيرة", "الجزيرة السعودية", "الجزيرة (السعودية)"],
    hosts: ["al-jazirah.com"],
  },
  { name: "بترا", kind: "agency", aliases: ["وكالة الأنباء الأردنية"], hosts: ["petra.gov.jo"] },
  { name: "بنا", kind: "agency", aliases: ["وكالة أنباء البحرين"], hosts: ["bna.bh"] },
  {
    name: "د ب أ",
    kind: "agency",
    aliases: ["د.ب.أ", "الألمانية", "الوكالة الألمانية", "وكالة الأنباء الألمانية"],
    hosts: ["dpa.com"],
  },
  { name: "رويترز", kind: "agency", aliases: ["وكالة رويترز", "Reuters"], hosts: ["reuters.com"] },
  {
    name: "سانا",
    kind: "agency",
    aliases: ["وكالة سانا", "الوكالة العربية السورية للأنباء"],
    hosts: ["sana.sy"],
  },
  { name: "قنا", kind: "agency", aliases: ["وكالة الأنباء القطرية"], hosts: ["qna.org.qa"] },
  { name: "كونا", kind: "agency", aliases: ["وكالة الأنباء الكويتية"], hosts: ["kuna.net.kw"] },
  { name: "واج", kind: "agency", aliases: ["وكالة الأنباء الجزائرية"], hosts: ["aps.dz"] },
  { name: "واس", kind: "agency", aliases: ["وكالة الأنباء السعودية"], hosts: ["spa.gov.sa"] },
  { name: "وام", kind: "agency", aliases: ["وكالة أنباء الإمارات"], hosts: ["wam.ae"] },
  { name: "وطنية", kind: "agency", aliases: ["الوكالة الوطنية للإعلام"], hosts: ["nna-leb.gov.lb"] },
  { name: "وكالات", kind: "agency", aliases: ["الوكالات", "وكالات الأنباء"], hosts: [] },
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

/**
 * Words right before a channel's or paper's full name that make it a credit: it reported what follows ("قالت قناة
 * العربية إن", "بحسب ما أذاعت قناة العربية"). Anywhere else a channel or paper is mostly a subject ("مذيع قناة
 * الجزيرة", "صحفيين في قناة الجزيرة", "مقابلة مع قناة الجزيرة": dev corpus). Folded.
 */
const REPORTING_VERBS = new Set(
  [
    "قال",
    "قالت",
    "ذكر",
    "ذكرت",
    "اعلن",
    "اعلنت",
    "اورد",
    "اوردت",
    "افاد",
    "افادت",
    "نقل",
    "نقلت",
    "نشر",
    "نشرت",
    "بث",
    "بثت",
    "اذاع",
    "اذاعت",
    "كشف",
    "كشفت",
  ].map(foldMatchText),
);
/**
 * Nouns right before an agency's full name that make the agency what the sentence is about, not its source: "رئيس
 * وكالة الأنباء السعودية" (a ceremony's guest list, dev corpus). Folded.
 */
const AGENCY_SUBJECT_HEADS = new Set(
  ["رئيس", "مدير", "نائب", "مقر", "مبنى", "موظفي", "موظفو", "مجلس"].map(foldMatchText),
);
/** Media nouns that name a paper: "صحيفة X" credits the paper X when X is an outlet akhbar knows. Folded. */
const PAPER_NOUNS: ReadonlySet<string> = new Set(["صحيفه", "جريده"]);

/** Shortest multi-word alias trusted anywhere in a line: full agency names, not "أ ب". */
export const MIN_NAMED_ALIAS_CHARS = 12;

/** Longest credited name kept from free text, in words. */
export const MAX_CITED_NAME_WORDS = 4;

/** Longest line read as a standalone credit line ("المصدر: الجزيرة"), in characters. */
export const MAX_CREDIT_LINE_CHARS = 80;

/** Characters of a plain text's opening read for a credit: its dateline and first sentence ("الرياض (واس) -",
 * "ذكرت وكالة رويترز أن ..."). A credit verb further in cites a fact, not the story's origin (dev corpus, 2026-11-30:
 * whole-text reading credited "السويس", "الجيش" and mid-story quotes of AFP to aawsat's own reports). */
export const LEAD_CREDIT_CHARS = 200;
/** Characters read at the end of each of a plain text's last TAIL_CREDIT_LINES lines: closing credits
 * ("... اقتصاد عالمي. \"رويترز\"", "* خدمة «نيويورك تايمز»"), which can sit above an end mark or a footer line. */
export const TAIL_CREDIT_CHARS = 100;
export const TAIL_CREDIT_LINES = 3;
/** Lines of a plain text read for an opening dateline: aawsat puts a headline and a subheadline above
 * "باريس - أ.ف.ب: ..." (dev corpus). */
export const LEAD_DATELINE_LINES = 3;
/** Longest line read as a byline of its own without the spaced dash strip-syndication-marks asks for ("الأحساء- واس",
 * 3alyoum): bylineAgency still wants every part short and one part a known agency. */
const BYLINE_LINE_MAX_WORDS = 6;

const PATTERNS = {
  // "المصدر: X", "مصدر الخبر - X", "Source: X" on a line of its own.
  creditLine: /^(?:المصدر|مصدر الخبر|المصادر|source)\s*[:\-\u2013]\s*(.+)$/,
  // A syndicated piece's credit line on folded text: "* خدمة «نيويورك تايمز»", "* بالاتفاق مع «بلومبيرغ»" (aawsat).
  syndicationLine: /^\*?\s*(?:خدمه|بالاتفاق مع)\s+["«\u201C]([^"»\u201D]{2,40})["»\u201D]/,
  // The quotes quotedTail reads: any of them ends a quoted name; only the opening ones start one.
  quoteChar: /["«»\u201C\u201D]/,
  openingQuote: /["«\u201C]/,
  closingQuote: /["»\u201D]/,
  // The media noun right before a quoted tail, on folded text: "... لصحيفه " -> صحيفه.
  mediumBefore: /(?:^|\s)ل?(موقع|صحيفه|جريده|وكاله|قناه|شبكه|مجله|اذاعه)\s*$/,
  // "(واس)", "(رويترز)" anywhere: agency credits in parentheses at a dateline or the end.
  parenthesized: /[(]([^()]{2,30})[)]/g,
  // Credit verbs followed by a media noun and the name (quoted or not), on folded text: "نقلا عن وكالة رويترز",
  // "وفقا لصحيفة ...", "حسب وكالة "الأناضول" التركية".
  creditVerb:
    /(?:نقلا عن|نقلت|نقل|وفق ما نقل(?:ت|ه)?|وفقا|بحسب ما (?:نقلت|نقل|اوردت|اورد|ذكرت|ذكر|افادت|افاد)|حسبما (?:نقلت|نقل|اوردت|ذكرت|افادت|افاد)[^.،]{0,40}?|بحسب|حسب|ذكرت|اوردت|افادت)\s+(?:ل)?(موقع|صحيفه|جريده|وكاله|قناه|شبكه|مجله|اذاعه)\s+["«\u201C]?([^.،:"«»\u201C\u201D()]+)/,
  // A credit verb right before the name, no media noun: "بحسب رويترز.", "ووفقا لـ "رويترز"" (known agencies only).
  bareCreditVerb:
    /(?:نقلا عن|وفقا ل|بحسب|حسب|حسبما ذكرت|حسبما افادت)\s*["«\u201C]?\s*([^.،:"«»\u201C\u201D()]+)/,
  arabicLetter: /[\u0600-\u06FF]/,
  bylineParts: /\s*[-\u2013\u2014/,\u060C|]\s*/,
  // Brackets and quotes around a byline's parts: "(رويترز)", "«رويترز»".
  parentheses: /[()«»"\u201C\u201D]/g,
  space: /\s+/,
  // The lookbehind starts a match only where the run starts: "[…]+$" alone retries from every character of a long
  // run that does not end the text, quadratic work.
  trailingPunctuation: /(?<![.,\u060C:\u061B])[.,\u060C:\u061B]+$/u,
  // What follows a parenthesized name that stands as a tag: the line's end ("... (رويترز)") or a dateline's dash or
  // colon ("بكين - (د.ب.أ):").
  // (One white-space run before $: two meeting there backtrack quadratically over a long run of spaces.)
  tagAfter: /^\s*(?:[-\u2013\u2014:]|[.\u060C]\s*$|$)/,
  // "لوكالة رويترز" / "لصحيفة X" where the speaker talks to a medium.
  toMedium: /\sل(وكاله|صحيفه|موقع|قناه|شبكه|مجله|اذاعه)\s+([^.،:"«»()]+)/,
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

/** NAMED_ALIASES with their agency, in AGENCIES order (namedAgency answers the first agency named). */
const NAMED_ALIAS_AGENCIES: readonly { alias: string; agency: Agency }[] = FOLDED_AGENCIES.flatMap((a) =>
  a.folded
    .filter((n) => n.includes(" ") && n.length >= MIN_NAMED_ALIAS_CHARS)
    .map((alias) => ({ alias, agency: a.agency })),
);

/** Every folded name and alias -> its agency's display name; the first agency in AGENCIES order wins a shared one. */
const AGENCY_BY_FOLDED_NAME: ReadonlyMap<string, string> = (() => {
  const byName = new Map<string, string>();
  for (const { agency, folded } of FOLDED_AGENCIES)
    for (const name of folded) if (!byName.has(name)) byName.set(name, agency.name);
  return byName;
})();

/** Display names of agencies -> their kind. */
const KIND_BY_NAME: ReadonlyMap<string, Agency["kind"]> = new Map(AGENCIES.map((a) => [a.name, a.kind]));

/**
 * Finds the credited origin in body paragraphs and dropped meta lines; null for own reporting.
 * `host` is the publisher's host: an agency's credit on its own site is not a citation. `options.ownNames` are the
 * publisher's own names (an outlet crediting itself, "سبق" on sabq.org, cites nobody); a name's parenthesized part
 * counts on its own ("وكالة الأنباء السعودية (واس)" also rejects "واس"). With `options.verbAgenciesOnly` a credit verb
 * counts only when it names a known agency ("ذكرت صحيفة فارايتي" credits nobody): on text without page structure the
 * words after "قناة", "موقع" are often no medium ("قناة السويس").
 * Example: findCitedSource(["الرياض (واس) - أعلن ..."], "al-madina.com") === "واس".
 */
export function findCitedSource(
  lines: readonly string[],
  host: string | null,
  options: CitedSourceOptions = {},
): string | null {
  const own = ownNameKeys(options.ownNames ?? []);
  const accept = (name: string | null): string | null =>
    name !== null && !isOwnAgency(name, host) && !isOwnName(name, own) ? name : null;
  // Each line folded once, when a step first needs it (a page's body has many lines no step reads folded).
  const foldedLines: (string | undefined)[] = [];
  const foldedAt = (i: number): string => {
    foldedLines[i] ??= foldMatchText(lines[i]!);
    return foldedLines[i];
  };
  // 1. An explicit credit line wins: aggregators put it under the text.
  for (const [i, line] of lines.entries()) {
    if (line.length > MAX_CREDIT_LINE_CHARS) continue;
    const folded = foldedAt(i);
    const m = PATTERNS.creditLine.exec(folded) ?? PATTERNS.syndicationLine.exec(folded);
    if (m?.[1] !== undefined) {
      const name = accept(toCitedName(m[1], line));
      if (name !== null) return name;
    }
  }
  // 2. Agency credit in parentheses or quoted at a line's end, then credit verbs, in page order.
  for (const [i, line] of lines.entries()) {
    for (const m of line.matchAll(PATTERNS.parenthesized)) {
      const name = accept(knownAgency(foldMatchText(m[1] ?? "")));
      // A channel or paper in brackets inside a sentence is a subject ("عبر صحيفته (الجزيرة) كشف"): only a tag.
      if (name === null) continue;
      if (KIND_BY_NAME.get(name) === "agency" || PATTERNS.tagAfter.test(line.slice(m.index + m[0].length)))
        return name;
    }
    const tail = quotedTailOf(line);
    if (tail !== null) {
      // A media noun before the quotes names which outlet: "وفقاً لصحيفة “الجزيرة”" is the paper.
      const medium = PATTERNS.mediumBefore.exec(foldMatchText(line.slice(0, tail.index)))?.[1];
      const folded = foldMatchText(tail.name);
      const name = accept(
        (medium === undefined ? null : knownAgency(`${medium} ${folded}`)) ?? knownAgency(folded),
      );
      if (name !== null) return name;
    }
    // Named aliases and credit verbs are Arabic: a line without Arabic letters (English copy) skips the fold.
    if (!PATTERNS.arabicLetter.test(line)) continue;
    const folded = foldedAt(i);
    const named = namedAgency(folded);
    if (named !== null && accept(named) !== null) return named;
    const credit = PATTERNS.creditVerb.exec(folded);
    const verb = credit ?? PATTERNS.toMedium.exec(folded);
    if (verb?.[2] !== undefined) {
      // A paper a speaker talks to ("رئيس التحرير المكلف لصحيفة الشرق") is not credited as a known paper.
      const paper = credit === null ? undefined : verb[1];
      const name = accept(toCitedName(verb[2], line, options.verbAgenciesOnly === true, verb[1], paper));
      if (name !== null) return name;
    }
    const bare = PATTERNS.bareCreditVerb.exec(folded)?.[1];
    if (bare !== undefined) {
      const name = accept(toCitedName(bare, line, true));
      if (name !== null) return name;
    }
  }
  return null;
}

/** Longest name quotedTailOf reads between the quotes (white space around it not counted). */
const QUOTED_TAIL_MAX_CHARS = 30;

/**
 * A name quoted at the very end of a line (white space and one full stop may follow): "... عالمي. \"رويترز\"",
 * "... «الفرنسية» ." (aleqtisadiya) -> {name: "الفرنسية", index: of its opening quote}; null when the line does not end
 * so or the quoted text, trimmed, is not 2 to 30 characters. A scan from the end, linear in the line: the regex it
 * replaces (["«“]\s*([^quotes]{2,30}?)\s*["»”]\s*\.?\s*$) backtracked quadratically over a long run of white space
 * (a line of 16,000 characters took 5.6 s in findCitedSource).
 */
function quotedTailOf(line: string): { name: string; index: number } | null {
  let end = line.trimEnd();
  if (end.endsWith(".")) end = end.slice(0, -1).trimEnd();
  if (end === "" || !PATTERNS.closingQuote.test(end[end.length - 1]!)) return null;
  // The opening quote is the last quote before the closing one: a name holds no quote.
  let open = end.length - 2;
  while (open >= 0 && !PATTERNS.quoteChar.test(end[open]!)) open--;
  if (open < 0 || !PATTERNS.openingQuote.test(end[open]!)) return null;
  const name = end.slice(open + 1, -1).trim();
  return name.length >= 2 && name.length <= QUOTED_TAIL_MAX_CHARS ? { name, index: open } : null;
}

/**
 * The origin a plain text credits (a dump's text, a feed's summary: no page around it), read where outlets put
 * credits: the dateline or byline opening the text ("واس- جدة: ...", "عين اليوم – واس"; datelineAgency over the first
 * LEAD_DATELINE_LINES lines), then findCitedSource over the first LEAD_CREDIT_CHARS of the opening lines and the ends
 * of the last TAIL_CREDIT_LINES lines.
 * A dateline naming no agency ("محمد المواسي- سبق- الرياض:") credits nobody by itself; one naming the publisher's own
 * agency is own reporting (null). A credit verb counts only for a known agency (verbAgenciesOnly): free names after
 * one were wrong more often than right on the dev corpus ("التفتيش وتطوير بيئة العمل", "السويس", names cut mid-way).
 * `host` and `ownNames` as for findCitedSource.
 * Example: findTextCitedSource("واس- جدة: التقى الأمير ...", "sabq.org", ["سبق"]) === "واس".
 */
export function findTextCitedSource(
  text: string,
  host: string | null,
  ownNames: readonly string[] = [],
): string | null {
  const opening = openingLines(text, LEAD_CREDIT_CHARS, LEAD_DATELINE_LINES);
  if (opening.length === 0) return null;
  for (const line of opening.slice(0, LEAD_DATELINE_LINES)) {
    const credit = datelineAgency(line, host);
    if (credit !== null)
      return credit.own || ownNameKeys(ownNames).has(foldMatchText(credit.name)) ? null : credit.name;
  }
  const edges: string[] = [];
  let left = LEAD_CREDIT_CHARS;
  for (const line of opening) {
    if (left <= 0) break;
    edges.push(line.slice(0, left));
    left -= line.length;
  }
  for (const line of closingLines(text, TAIL_CREDIT_LINES)) edges.push(line.slice(-TAIL_CREDIT_CHARS));
  return findCitedSource(edges, host, { ownNames, verbAgenciesOnly: true });
}

/** The text's first non-blank lines, trimmed, until they hold `minChars` characters and number `minLines`; read
 * from the start without splitting the whole text (import runs this on every article). */
function openingLines(text: string, minChars: number, minLines: number): string[] {
  const out: string[] = [];
  let chars = 0;
  for (let start = 0; start < text.length && (chars < minChars || out.length < minLines); ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== "") {
      out.push(line);
      chars += line.length;
    }
    start = end + 1;
  }
  return out;
}

/** The text's last `count` non-blank lines, trimmed, in text order, read from the end. */
function closingLines(text: string, count: number): string[] {
  const out: string[] = [];
  for (let end = text.length; end > 0 && out.length < count; ) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line !== "") out.unshift(line);
    end = start - 1;
  }
  return out;
}

/** The agency a text's opening line credits: SPA's dateline line, a "واس- جدة:" prefix, a byline line. */
function datelineAgency(line: string, host: string | null): { name: string; own: boolean } | null {
  if (isWireDatelineLine(line)) return line.endsWith("واس") ? bylineAgency("واس", host) : null;
  const dateline =
    splitLeadDateline(line)?.dateline ??
    (line.length <= MAX_CREDIT_LINE_CHARS && line.split(PATTERNS.space).length <= BYLINE_LINE_MAX_WORDS
      ? line
      : null);
  return dateline === null ? null : bylineAgency(dateline, host);
}

export interface CitedSourceOptions {
  /** The publisher's own names: never its cited source. */
  ownNames?: readonly string[];
  /** A credit verb credits only a known agency, never a free name. */
  verbAgenciesOnly?: boolean;
}

const NO_NAMES: ReadonlySet<string> = new Set();
/** ownNameKeys per publisher: one outlet's names are asked for every article it publishes. Bounded by the sources. */
const OWN_NAME_KEYS = new Map<string, ReadonlySet<string>>();
/** A store has tens of sources; past this many the memo starts over rather than grow. */
const MAX_MEMO_PUBLISHERS = 1_000;

/** An outlet name's parenthesized part: an agency's acronym ("وكالة الأنباء السعودية (واس)") or a country that tells
 * two outlets apart ("الجزيرة (السعودية)"). */
const OUTLET_NAME_PARENTHESIZED = /[(]([^()]+)[)]/;
/** Folded names of agencies, whose parenthesized part is their acronym. */
const AGENCY_OUTLET_NAME = /^(?:ال)?وكاله /;

/**
 * Folded names of the outlets akhbar knows (config knownOutlet; outletNameKeys) -> the paper's cited name, "صحيفة"
 * and the name without its parenthesized part: "عكاظ" -> "صحيفة عكاظ", "الجزيره" -> "صحيفة الجزيرة". Agencies are
 * named by AGENCIES, not as papers.
 */
const PAPER_BY_FOLDED_NAME: ReadonlyMap<string, string> = (() => {
  const byName = new Map<string, string>();
  for (const id of knownOutletIds()) {
    const name = knownOutlet(id)!.name;
    if (AGENCY_OUTLET_NAME.test(foldMatchText(name))) continue;
    const display = `صحيفة ${name.replace(OUTLET_NAME_PARENTHESIZED, " ").replace(/\s+/g, " ").trim()}`;
    for (const key of outletNameKeys(name)) if (!byName.has(key)) byName.set(key, display);
  }
  return byName;
})();

/**
 * The names an outlet goes by, folded: its whole name, the name without its parenthesized part, and that part when it
 * is an agency's acronym. Used for a publisher's own names here and for the outlets a citation names
 * (dedupe/cited-outlet-ids.ts). "الجزيرة (السعودية)" -> "الجزيره (السعوديه)", "الجزيره" (a country is no name of the
 * paper); "وكالة الأنباء السعودية (واس)" -> the whole name, "وكاله الانباء السعوديه", "واس".
 */
export function outletNameKeys(name: string): string[] {
  const keys = [foldMatchText(name)];
  const inner = OUTLET_NAME_PARENTHESIZED.exec(name)?.[1];
  if (inner === undefined) return keys;
  const outer = foldMatchText(name.replace(OUTLET_NAME_PARENTHESIZED, " "));
  keys.push(outer);
  if (AGENCY_OUTLET_NAME.test(outer)) keys.push(foldMatchText(inner));
  return keys;
}

/** outletNameKeys of every name of a publisher, memoized per publisher. */
function ownNameKeys(names: readonly string[]): ReadonlySet<string> {
  if (names.length === 0) return NO_NAMES;
  const memoKey = names.join("\n");
  const memo = OWN_NAME_KEYS.get(memoKey);
  if (memo !== undefined) return memo;
  const keys = new Set(names.flatMap(outletNameKeys));
  if (OWN_NAME_KEYS.size >= MAX_MEMO_PUBLISHERS) OWN_NAME_KEYS.clear();
  OWN_NAME_KEYS.set(memoKey, keys);
  return keys;
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

/** Whether `name`, or any name of the known outlet it names, is one of the publisher's own (folded) names:
 * "صحيفة الجزيرة" is the own name of a publisher called "الجزيرة (السعودية)", whatever its host, and "صحيفة عكاظ"
 * that of "عكاظ". */
function isOwnName(name: string, own: ReadonlySet<string>): boolean {
  if (own.size === 0) return false;
  if (own.has(foldMatchText(name)) || own.has(withoutPaperNoun(foldMatchText(name)))) return true;
  const agency = FOLDED_AGENCIES.find((a) => a.agency.name === name);
  return agency?.folded.some((n) => own.has(n)) === true;
}

/** True when `name` is an agency publishing on its own site (`host` is one of its hosts or under one). */
function isOwnAgency(name: string, host: string | null): boolean {
  if (host === null) return false;
  const agency = AGENCIES.find((a) => a.name === name);
  return agency?.hosts.some((h) => host === h || host.endsWith(`.${h}`)) === true;
}

/**
 * An agency named by a multi-word alias in the line where a credit stands: an agency anywhere but after a noun that
 * makes it the subject ("وكالة الأنباء السعودية" -> "واس", not in "رئيس وكالة الأنباء السعودية"); a channel or paper
 * only right after a reporting verb ("قالت قناة العربية إن" -> "العربية", not "مذيع قناة الجزيرة").
 */
function namedAgency(folded: string): string | null {
  for (const { alias, agency } of NAMED_ALIAS_AGENCIES)
    for (let at = folded.indexOf(alias); at >= 0; at = folded.indexOf(alias, at + 1)) {
      const glued = at > 0 && folded[at - 1] !== " ";
      const before = wordBefore(folded, glued ? folded.lastIndexOf(" ", at) + 1 : at);
      if (
        agency.kind === "agency" ? !AGENCY_SUBJECT_HEADS.has(before) : !glued && REPORTING_VERBS.has(before)
      )
        return agency.name;
    }
  return null;
}

/** The folded word ending right before index `at` (a space apart), without a joined و or ف; "" at the start. */
function wordBefore(folded: string, at: number): string {
  const end = folded.lastIndexOf(" ", at - 1);
  if (end < 0) return "";
  const word = folded.slice(folded.lastIndexOf(" ", end - 1) + 1, end);
  return word.length > 3 && (word[0] === "\u0648" || word[0] === "\u0641") ? word.slice(1) : word;
}

/** A folded name without a leading paper noun: "صحيفه عكاظ" -> "عكاظ"; any other name as it is. */
export function withoutPaperNoun(folded: string): string {
  const space = folded.indexOf(" ");
  return space > 0 && PAPER_NOUNS.has(folded.slice(0, space)) ? folded.slice(space + 1) : folded;
}

/**
 * The agency a cited name names exactly, by its display name or an alias (any spelling foldMatchText folds alike), or
 * null. Example: agencyNamed("وكالة رويترز")?.name === "رويترز"; agencyNamed("نيويورك تايمز") === null.
 */
export function agencyNamed(name: string): Agency | null {
  const display = knownAgency(foldMatchText(name));
  return display === null ? null : (AGENCIES.find((a) => a.name === display) ?? null);
}

/**
 * Whether an outlet's name is a news agency's ("وكالة الأنباء السعودية (واس)", "رويترز"), by any of its names
 * (outletNameKeys), not a channel's or a paper's ("الجزيرة (السعودية)" is a paper, and its short name the channel's).
 */
export function isAgencyOutletName(name: string): boolean {
  return outletNameKeys(name).some((key) => agencyNamed(key)?.kind === "agency");
}

/** Returns the agency display name when `folded` names a known agency exactly. */
function knownAgency(folded: string): string | null {
  return AGENCY_BY_FOLDED_NAME.get(folded.trim()) ?? null;
}

/**
 * Turns the folded words after a credit into a display name, preferring a known outlet. `medium` is the folded media
 * noun the credit put before the name ("صحيفه" in "نقلا عن صحيفة الجزيرة"): a known outlet named with it wins over one
 * named without, so the Saudi paper is not credited as the channel of the same name. `creditMedium` is that noun when a
 * credit verb put it there: "صحيفة" or "جريدة" and the whole name of an outlet akhbar knows name the paper ("وفقاً
 * لصحيفة “المدينة”" -> "صحيفة المدينة"; not "صحيفة الوطن الكويتية", another paper).
 */
function toCitedName(
  foldedTail: string,
  original: string,
  agenciesOnly = false,
  medium?: string,
  creditMedium?: string,
): string | null {
  const words: string[] = [];
  for (const word of foldedTail.trim().split(" ")) {
    if (words.length >= MAX_CITED_NAME_WORDS || NAME_STOP_WORDS.has(word)) break;
    words.push(word);
  }
  for (let n = words.length; n > 0; n--) {
    // The credit verb's media noun is not in the tail: "نقلت وكالة الأنباء السعودية" leaves "الانباء السعوديه".
    const name = words.slice(0, n).join(" ");
    const agency =
      (medium === undefined ? null : knownAgency(`${medium} ${name}`)) ??
      knownAgency(name) ??
      knownAgency(`وكاله ${name}`);
    if (agency !== null) return agency;
  }
  if (creditMedium !== undefined && PAPER_NOUNS.has(creditMedium)) {
    const paper = PAPER_BY_FOLDED_NAME.get(words.join(" "));
    if (paper !== undefined) return paper;
  }
  if (words.length === 0 || agenciesOnly) return null;
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
