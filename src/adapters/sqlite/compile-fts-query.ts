/**
 * SearchQuery → FTS5 MATCH expressions over the `articles_fts(title, body, surface)` columns.
 * Adapter helper, pure. Every token is emitted as a quoted FTS5 string, so user text can never be read as
 * FTS5 syntax (NEAR, AND, *, ^, column filters) and never causes a syntax error.
 */
import type { QueryTerm, SearchQuery } from "../../domain/search.ts";
import { PHRASE_STEM_COMBINATIONS_MAX } from "../search-policy.ts";

/** unicode61 (default categories L*, N*, Co) drops every other character; a string of none matches nothing. */
const TOKEN_CHAR_RE = /[\p{L}\p{N}\p{Co}]/u;

export interface FtsQuery {
  /** All terms and phrases, ANDed, with exclusions applied; null when the query has no positive part. */
  match: string | null;
  /** The excluded terms ORed (for browsing with exclusions); null when nothing is excluded. */
  excluded: string | null;
  /** Every term and phrase found in the title (through its stems); null when the query has no positive part. */
  title: string | null;
}

/**
 * Compiles a query. A term matches when any of its stems is in `title` or `body`, or its surface form is in
 * `surface`. A phrase matches its stems adjacent in `title`/`body`, or its surface forms adjacent in `surface`.
 * Terms and phrases with no usable token (punctuation only) are ignored, like stop words.
 *
 * Example: terms [{surface: "الحكومة", stems: ["حكوم"]}] →
 *   `({title body} : ("حكوم") OR surface : ("الحكومة"))`
 */
export function compileFtsQuery(query: SearchQuery): FtsQuery {
  const positive: string[] = [];
  const inTitle: string[] = [];
  for (const term of query.terms) {
    const expr = termExpression(term);
    if (expr !== null) positive.push(expr);
    const title = titleExpression([term]);
    if (title !== null) inTitle.push(title);
  }
  for (const phrase of query.phrases) {
    const expr = phraseExpression(phrase);
    if (expr !== null) positive.push(expr);
    const title = titleExpression(phrase);
    if (title !== null) inTitle.push(title);
  }
  const negative: string[] = [];
  for (const term of query.excluded) {
    const expr = termExpression(term);
    if (expr !== null) negative.push(expr);
  }
  const excluded = negative.length === 0 ? null : negative.join(" OR ");
  if (positive.length === 0) return { match: null, excluded, title: null };
  const all = positive.join(" AND ");
  // A query whose words have no stems cannot be checked against the title: "false" (an empty phrase) matches nothing.
  const title = inTitle.length === positive.length ? inTitle.join(" AND ") : '""';
  return { match: excluded === null ? all : `(${all}) NOT (${excluded})`, excluded, title };
}

/** The words' stems adjacent in the title (a single word: any of its stems in the title). */
function titleExpression(words: readonly QueryTerm[]): string | null {
  const stemLists = words.map((w) => uniqueUsable(w.stems)).filter((l) => l.length > 0);
  if (stemLists.length === 0) return null;
  const [only] = stemLists;
  if (stemLists.length === 1 && only !== undefined)
    return `({title} : (${only.map(ftsString).join(" OR ")}))`;
  const combinations = stemLists.reduce((n, list) => n * list.length, 1);
  const lists =
    combinations <= PHRASE_STEM_COMBINATIONS_MAX ? stemLists : stemLists.map((l) => l.slice(0, 1));
  return `(${cartesian(lists)
    .map((combo) => `{title} : (${combo.map(ftsString).join(" + ")})`)
    .join(" OR ")})`;
}

function termExpression(term: QueryTerm): string | null {
  const stems = uniqueUsable(term.stems);
  const alternatives: string[] = [];
  if (stems.length > 0) alternatives.push(`{title body} : (${stems.map(ftsString).join(" OR ")})`);
  if (isUsable(term.surface)) alternatives.push(`surface : (${ftsString(term.surface)})`);
  return alternatives.length === 0 ? null : `(${alternatives.join(" OR ")})`;
}

function phraseExpression(words: readonly QueryTerm[]): string | null {
  const usable = words.filter((w) => isUsable(w.surface) || uniqueUsable(w.stems).length > 0);
  if (usable.length === 0) return null;
  const [only] = usable;
  if (usable.length === 1 && only !== undefined) return termExpression(only);

  const alternatives: string[] = [];
  const stemLists = usable.map((w) => uniqueUsable(w.stems));
  if (stemLists.every((list) => list.length > 0)) {
    const combinations = stemLists.reduce((n, list) => n * list.length, 1);
    const lists =
      combinations <= PHRASE_STEM_COMBINATIONS_MAX ? stemLists : stemLists.map((l) => l.slice(0, 1));
    for (const combo of cartesian(lists)) {
      alternatives.push(`{title body} : (${combo.map(ftsString).join(" + ")})`);
    }
  }
  if (usable.every((w) => isUsable(w.surface))) {
    alternatives.push(`surface : (${usable.map((w) => ftsString(w.surface)).join(" + ")})`);
  }
  return alternatives.length === 0 ? null : `(${alternatives.join(" OR ")})`;
}

function cartesian(lists: readonly string[][]): string[][] {
  let out: string[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((item) => [...prefix, item]));
  return out;
}

function isUsable(token: string): boolean {
  return TOKEN_CHAR_RE.test(token);
}

function uniqueUsable(tokens: readonly string[]): string[] {
  return [...new Set(tokens.filter(isUsable))];
}

/** An FTS5 string literal: double quotes doubled (FTS5 query syntax, "strings"). */
function ftsString(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}
