/**
 * The engine-independent shape of a compiled search: which terms and phrases are required, which are excluded,
 * and whether every one can be checked against the title. Each search adapter supplies its own syntax (FTS5
 * MATCH, PostgreSQL tsquery) through a dialect. Adapter helper, pure.
 */
import type { QueryTerm, SearchQuery } from "../domain/search.ts";

/** A token with no letter, digit or private-use character is ignored like a stop word, in every engine. */
const TOKEN_CHAR_RE = /[\p{L}\p{N}\p{Co}]/u;

export interface QueryDialect {
  /** One term: any of its stems in title/body, or its surface form; null when nothing in it is usable. */
  term(term: QueryTerm): string | null;
  /** Adjacent words; null when nothing in it is usable. */
  phrase(words: readonly QueryTerm[]): string | null;
  /** The words' stems adjacent in the title; null when they have no usable stem. */
  title(words: readonly QueryTerm[]): string | null;
  and: string;
  or: string;
  /** `positive` without any match of `excluded`. */
  without(positive: string, excluded: string): string;
  /** The title expression when some word has no stems, so no title can hold them all. */
  noTitle: string | null;
}

export interface CompiledQuery {
  /** All terms and phrases, ANDed, with exclusions applied; null when the query has no positive part. */
  match: string | null;
  /** The excluded terms ORed (for browsing with exclusions); null when nothing is excluded. */
  excluded: string | null;
  /** Every term and phrase found in the title (through its stems); `noTitle` when that cannot hold. */
  title: string | null;
}

/** Walks the query once in a fixed order and joins the dialect's pieces. */
export function compileQueryShape(query: SearchQuery, dialect: QueryDialect): CompiledQuery {
  const positive: string[] = [];
  const inTitle: string[] = [];
  for (const term of query.terms) {
    const expr = dialect.term(term);
    if (expr !== null) positive.push(expr);
    const title = dialect.title([term]);
    if (title !== null) inTitle.push(title);
  }
  for (const phrase of query.phrases) {
    const expr = dialect.phrase(phrase);
    if (expr !== null) positive.push(expr);
    const title = dialect.title(phrase);
    if (title !== null) inTitle.push(title);
  }
  // Alternatives: any one matches; the title boost holds when the title holds one of those that have stems.
  for (const group of query.anyOf) {
    const exprs: string[] = [];
    const titles: string[] = [];
    for (const words of group) {
      const expr = words.length === 1 ? dialect.term(words[0]!) : dialect.phrase(words);
      if (expr !== null && !exprs.includes(expr)) exprs.push(expr);
      const title = dialect.title(words);
      if (title !== null) titles.push(title);
    }
    if (exprs.length === 0) continue;
    positive.push(exprs.length === 1 ? exprs[0]! : `(${exprs.join(dialect.or)})`);
    if (titles.length > 0) inTitle.push(titles.length === 1 ? titles[0]! : `(${titles.join(dialect.or)})`);
  }
  const negative: string[] = [];
  for (const term of query.excluded) {
    const expr = dialect.term(term);
    if (expr !== null) negative.push(expr);
  }
  const excluded = negative.length === 0 ? null : negative.join(dialect.or);
  if (positive.length === 0) return { match: null, excluded, title: null };
  const all = positive.join(dialect.and);
  const title = inTitle.length === positive.length ? inTitle.join(dialect.and) : dialect.noTitle;
  return { match: excluded === null ? all : dialect.without(all, excluded), excluded, title };
}

export function isUsable(token: string): boolean {
  return TOKEN_CHAR_RE.test(token);
}

/** The usable tokens, each once, in order. */
export function uniqueUsable(tokens: readonly string[]): string[] {
  return [...new Set(tokens.filter(isUsable))];
}
