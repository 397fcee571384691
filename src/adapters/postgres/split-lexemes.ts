/**
 * Analyzed index text → tsvector lexemes, split exactly as the SQLite adapter's FTS5 `ascii` tokenizer splits it,
 * so both adapters agree on what a token is. Adapter helper, pure. Nothing here is ever parsed by PostgreSQL's
 * text-search parser: lexemes reach it quoted (see quoteLexeme), so hostile input is never tsquery syntax.
 */

/** FTS5 `ascii`: every ASCII character that is not a letter or digit separates tokens; all other code points are token characters. */
const ASCII_SEPARATORS_RE = /[\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f]+/;
const ASCII_UPPER_RE = /[A-Z]+/g;

/** PostgreSQL refuses longer lexemes ("word is too long", MAXSTRLEN in ts_type.h); both sides cut alike. */
export const LEXEME_BYTES_MAX = 2047;

/**
 * Lexemes of one analyzed token (or of a space-joined field): split on ASCII non-alphanumerics, ASCII folded to
 * lower case like FTS5 `ascii`, each cut to LEXEME_BYTES_MAX UTF-8 bytes.
 *
 * Example: `title:A` → [`title`, `a`]; `\u0627\u0644\u062d\u0643\u0648\u0645\u0629` (الحكومة) → itself.
 */
export function splitLexemes(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(ASCII_SEPARATORS_RE)) {
    if (piece === "") continue;
    out.push(
      cutToBytes(
        piece.replace(ASCII_UPPER_RE, (s) => s.toLowerCase()),
        LEXEME_BYTES_MAX,
      ),
    );
  }
  return out;
}

/** A lexeme as tsvector/tsquery input text: single-quoted, quotes doubled and backslashes escaped (PostgreSQL §8.11.1). */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

function cutToBytes(s: string, maxBytes: number): string {
  if (s.length * 3 <= maxBytes) return s;
  let bytes = 0;
  let end = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    end += ch.length;
  }
  return s.slice(0, end);
}
