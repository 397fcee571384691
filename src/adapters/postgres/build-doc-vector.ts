/**
 * IndexFields → the text of one article's tsvectors: `doc` (title stems weight A, body stems weight B, surface forms
 * weight C in their own lexeme namespace, SURFACE_LEXEME_PREFIX) and `title` (the title stems alone, small enough
 * to stay inline, for the title-match boost). Adapter helper, pure; written by the article store.
 */
import type { IndexFields, MatchText } from "../../domain/article.ts";
import { quoteLexeme, splitLexemes } from "./split-lexemes.ts";

/**
 * Put before every surface lexeme, so a stem never matches a surface form or the reverse (what FTS5 column filters
 * do in the SQLite adapter) without weight-restricted tsquery items, which would force a GIN recheck of every match.
 * `=` is an ASCII separator, so no split lexeme ever starts with it.
 */
export const SURFACE_LEXEME_PREFIX = "=";

/**
 * Positions left free between fields, so a phrase never runs from the title's last word into the body's first
 * (FTS5 phrases stay inside one column). `<->` needs distance 1; a gap of 1 free position is enough.
 */
const FIELD_GAP_POSITIONS = 1;

/** PostgreSQL clamps positions to 16383 (MAXENTRYPOS − 1); sending larger ones is wasted bytes. */
const POSITION_MAX = 16383;

/** PostgreSQL keeps at most 256 positions per lexeme (MAXNUMPOS); the rest would be dropped by the server anyway. */
const POSITIONS_PER_LEXEME_MAX = 256;

/**
 * A tsvector's lexemes may total at most 1 MiB − 1 bytes (MAXSTRPOS); past a safe margin under that, further new
 * lexemes are left out (only giant texts get there; their first million bytes of vocabulary stay searchable).
 */
const LEXEME_BYTES_TOTAL_MAX = 1_000_000;

export interface DocVectors {
  doc: string;
  title: string;
  /** Positions in `doc`, counted as ts_rank's length normalization counts them (stored for its score bound). */
  docLength: number;
}

/**
 * The tsvector input texts for an article's index fields.
 *
 * Example: {title: "oil price", body: "deal", surface: "oil price deal"} →
 *   doc `'oil':1A 'price':2A 'deal':4B '=oil':6C '=price':7C '=deal':8C`, title `'oil':1 'price':2`, docLength 6.
 */
export function buildDocVector(index: IndexFields): DocVectors {
  const doc = vectorText(index, true);
  return {
    doc: doc.text,
    title: vectorText({ ...index, body: "" as MatchText, surface: "" as MatchText }, false).text,
    docLength: doc.positions,
  };
}

/**
 * The tsvector text and its position count. Each lexeme's positions are distinct, as PostgreSQL keeps them (it
 * merges equal positions), so the count is the one the server sees.
 */
function vectorText(index: IndexFields, weighted: boolean): { text: string; positions: number } {
  const entries = new Map<string, { labels: string[]; last: number }>();
  let bytes = 0;
  let pos = 0;
  let count = 0;
  const add = (field: string, prefix: string, weight: string) => {
    for (const piece of splitLexemes(field)) {
      pos += 1;
      const lexeme = prefix + piece;
      let entry = entries.get(lexeme);
      if (entry === undefined) {
        const size = Buffer.byteLength(lexeme);
        if (bytes + size > LEXEME_BYTES_TOTAL_MAX) continue;
        bytes += size;
        entry = { labels: [], last: 0 };
        entries.set(lexeme, entry);
      }
      // Past POSITION_MAX every position is the same one: the first (of the heaviest, earliest field) stands for all.
      const at = Math.min(pos, POSITION_MAX);
      if (entry.labels.length < POSITIONS_PER_LEXEME_MAX && at !== entry.last) {
        entry.labels.push(`${at}${weight}`);
        entry.last = at;
        count += 1;
      }
    }
    pos += FIELD_GAP_POSITIONS;
  };
  add(index.title, "", weighted ? "A" : "");
  if (index.body !== "") add(index.body, "", "B");
  if (index.surface !== "") add(index.surface, SURFACE_LEXEME_PREFIX, "C");
  const parts: string[] = [];
  for (const [lexeme, entry] of entries) parts.push(`${quoteLexeme(lexeme)}:${entry.labels.join(",")}`);
  return { text: parts.join(" "), positions: count };
}
