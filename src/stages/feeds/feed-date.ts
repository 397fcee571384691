/**
 * parseFeedDate: the date strings feeds really carry -> ISO 8601 UTC (feeds stage). Pure.
 * RFC 822/1123 with named, numeric or odd zones, ISO 8601/W3C-DTF with or without zone, Arabic-Indic digits.
 */

/** Zone abbreviations seen in feeds, in minutes east of UTC. "AST" is read as Arabia Standard Time (+3): in
 * Arabic news feeds it means Riyadh/Baghdad, not the North American Atlantic zone. RFC 822 section 5 defines
 * only UT/GMT and the US zones. */
const ZONES: Readonly<Record<string, number>> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  AST: 180,
  KSA: 180,
  GST: 240,
  IRST: 210,
};

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const PATTERNS = {
  arabicIndicDigit: /[\u0660-\u0669]/g,
  easternArabicDigit: /[\u06F0-\u06F9]/g,
  iso: /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i,
  rfc822:
    /^(?:[A-Za-z]+,?\s*)?(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{2,4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/,
  offset: /^(?:GMT|UTC|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i,
} as const;

function zoneMinutes(zone: string): number | null {
  const z = zone.trim().replace(/^\(|\)$/g, "");
  if (z === "") return 0;
  const named = ZONES[z.toUpperCase()];
  if (named !== undefined) return named;
  const m = PATTERNS.offset.exec(z);
  if (!m) return null;
  const sign = m[1] === "-" ? -1 : 1;
  const hours = Number(m[2]);
  // "+0300" arrives as hours "03" minutes "00"; "+3" and "GMT+3" as hours only.
  const minutes = m[3] !== undefined ? Number(m[3]) : 0;
  if (hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  offsetMin: number,
): string | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const ms = Date.UTC(y, mo, d, h, mi, s) - offsetMin * 60_000;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * Parses a feed date to ISO 8601 UTC, or null when it cannot be read. A missing zone means UTC.
 * Example: "Sun, 12 May 2024 14:30:00 +0300" -> "2024-05-12T11:30:00.000Z".
 */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw
    .trim()
    .replace(PATTERNS.arabicIndicDigit, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(PATTERNS.easternArabicDigit, (c) => String(c.charCodeAt(0) - 0x06f0));
  if (s === "") return null;
  const iso = PATTERNS.iso.exec(s);
  if (iso) {
    const zone = iso[7] ?? "";
    const offset = zone === "" ? 0 : zoneMinutes(zone.length === 3 ? `${zone}00` : zone);
    if (offset === null) return null;
    return build(+iso[1]!, +iso[2]! - 1, +iso[3]!, +(iso[4] ?? 0), +(iso[5] ?? 0), +(iso[6] ?? 0), offset);
  }
  const rfc = PATTERNS.rfc822.exec(s);
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.slice(0, 3).toLowerCase());
    if (month < 0) return null;
    let year = Number(rfc[3]);
    if (rfc[3]!.length === 2) year += year < 50 ? 2000 : 1900;
    const offset = zoneMinutes(rfc[7] ?? "");
    if (offset === null) return null;
    return build(year, month, +rfc[1]!, +(rfc[4] ?? 0), +(rfc[5] ?? 0), +(rfc[6] ?? 0), offset);
  }
  const fallback = Date.parse(s);
  return Number.isNaN(fallback) ? null : new Date(fallback).toISOString();
}
