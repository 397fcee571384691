/**
 * The engine-independent shape of a compiled search: which terms and phrases are required, which are excluded,
 * and whether every one can be checked against the title. Each search adapter supplies its own syntax (FTS5
 * MATCH, PostgreSQL tsquery) through a dialect. Adapter helper, pure.
 */
import type { QueryTerm, SearchQuery } from "../domain/search.ts";
import { PHRASE_STEM_COMBINATIONS_MAX, PROXIMITY_TERMS_MAX, PROXIMITY_TERMS_MIN } from "./search-policy.ts";

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
  /**
   * Each word's stems (one list per word, the cap on combinations applied) standing within the proximity window
   * (search-policy.ts, PROXIMITY_GAP_TOKENS) in one field, in any order.
   */
  near(stemLists: readonly string[][]): string;
}

export interface CompiledQuery {
  /** All terms and phrases, ANDed, with exclusions applied; null when the query has no positive part. */
  match: string | null;
  /** The excluded terms ORed (for browsing with exclusions); null when nothing is excluded. */
  excluded: string | null;
  /** Every term and phrase found in the title (through its stems); `noTitle` when that cannot hold. */
  title: string | null;
  /**
   * The query's loose words within the proximity window of one another (dialect.near); null unless the query has
   * PROXIMITY_TERMS_MIN to PROXIMITY_TERMS_MAX of them, each with a usable stem.
   */
  near: string | null;
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
  if (positive.length === 0) return { match: null, excluded, title: null, near: null };
  const all = positive.join(dialect.and);
  const title = inTitle.length === positive.length ? inTitle.join(dialect.and) : dialect.noTitle;
  const match = excluded === null ? all : dialect.without(all, excluded);
  return { match, excluded, title, near: nearOf(query.terms, dialect) };
}

/** dialect.near over the words' stems, when the query has a proximity to rank by (CompiledQuery.near). */
function nearOf(terms: readonly QueryTerm[], dialect: QueryDialect): string | null {
  if (terms.length < PROXIMITY_TERMS_MIN || terms.length > PROXIMITY_TERMS_MAX) return null;
  const stemLists = terms.map((t) => uniqueUsable(t.stems));
  if (stemLists.some((list) => list.length === 0)) return null;
  return dialect.near(capStemCombinations(stemLists));
}

/**
 * Stem lists as phrases and windows spell them out: every combination while there are at most
 * PHRASE_STEM_COMBINATIONS_MAX, else each word's first stem (its common spelling).
 */
export function capStemCombinations(stemLists: readonly string[][]): string[][] {
  const combinations = stemLists.reduce((n, list) => n * list.length, 1);
  return combinations <= PHRASE_STEM_COMBINATIONS_MAX ? [...stemLists] : stemLists.map((l) => l.slice(0, 1));
}

/** Every combination of one item from each list, in order: [[a, b], [c]] → [[a, c], [b, c]]. */
export function cartesian(lists: readonly string[][]): string[][] {
  let out: string[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((item) => [...prefix, item]));
  return out;
}

export function isUsable(token: string): boolean {
  return TOKEN_CHAR_RE.test(token);
}

/** The usable tokens, each once, in order. */
export function uniqueUsable(tokens: readonly string[]): string[] {
  return [...new Set(tokens.filter(isUsable))];
}
