/**
 * SearchQuery → FTS5 MATCH expressions over the `articles_fts(title, body, surface)` columns.
 * Adapter helper, pure. Every token is emitted as a quoted FTS5 string, so user text can never be read as
 * FTS5 syntax (NEAR, AND, *, ^, column filters) and never causes a syntax error.
 */
import type { QueryTerm, SearchQuery } from "../../domain/search.ts";
import {
  capStemCombinations,
  cartesian,
  compileQueryShape,
  isUsable,
  type QueryDialect,
  uniqueUsable,
} from "../compile-query-shape.ts";
import { PROXIMITY_GAP_TOKENS } from "../search-policy.ts";

export interface FtsQuery {
  /** All terms and phrases, ANDed, with exclusions applied; null when the query has no positive part. */
  match: string | null;
  /** The excluded terms ORed (for browsing with exclusions); null when nothing is excluded. */
  excluded: string | null;
  /** Every term and phrase found in the title (through its stems); null when the query has no positive part. */
  title: string | null;
  /**
   * The same set of articles as `match`, in the cheapest form: a term with stems is looked up in `title`/`body`
   * only, since a surface-form match implies a stem match (SearchIndex port). About half the work of `match`
   * when FTS5 walks every match to count them; `match` is still what ranks, so exact forms score higher.
   */
  filter: string | null;
  /** The loose words within the proximity window in title or body (CompiledQuery.near); null when not ranked by it. */
  near: string | null;
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
  return {
    ...compileQueryShape(query, FTS5_DIALECT),
    filter: compileQueryShape(query, FTS5_FILTER_DIALECT).match,
  };
}

/** FTS5 syntax. A query whose words have no stems cannot be checked against the title: `""` matches nothing. */
const FTS5_DIALECT: QueryDialect = {
  term: termExpression,
  phrase: phraseExpression,
  title: titleExpression,
  and: " AND ",
  or: " OR ",
  without: (positive, excluded) => `(${positive}) NOT (${excluded})`,
  noTitle: '""',
  near: (stemLists) =>
    cartesian(stemLists)
      .map((combo) => `{title body} : NEAR(${combo.map(ftsString).join(" ")}, ${PROXIMITY_GAP_TOKENS})`)
      .join(" OR "),
};

/**
 * FTS5 syntax for deciding membership only: a term with usable stems needs no surface alternative. A phrase keeps
 * it: its surface forms may be adjacent across the title/body boundary, where its stems are in two columns.
 */
const FTS5_FILTER_DIALECT: QueryDialect = {
  ...FTS5_DIALECT,
  term: (term) => {
    const stems = stemsAlternative(term);
    return stems === null ? termExpression(term) : `(${stems})`;
  },
};

/** The words' stems adjacent in the title (a single word: any of its stems in the title). */
function titleExpression(words: readonly QueryTerm[]): string | null {
  const stemLists = words.map((w) => uniqueUsable(w.stems)).filter((l) => l.length > 0);
  if (stemLists.length === 0) return null;
  const [only] = stemLists;
  if (stemLists.length === 1 && only !== undefined)
    return `({title} : (${only.map(ftsString).join(" OR ")}))`;
  return `(${cartesian(capStemCombinations(stemLists))
    .map((combo) => `{title} : (${combo.map(ftsString).join(" + ")})`)
    .join(" OR ")})`;
}

/** Any of the term's stems in title or body; null when it has no usable stem. */
function stemsAlternative(term: QueryTerm): string | null {
  const stems = uniqueUsable(term.stems);
  return stems.length === 0 ? null : `{title body} : (${stems.map(ftsString).join(" OR ")})`;
}

function termExpression(term: QueryTerm): string | null {
  const alternatives: string[] = [];
  const stems = stemsAlternative(term);
  if (stems !== null) alternatives.push(stems);
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
    for (const combo of cartesian(capStemCombinations(stemLists))) {
      alternatives.push(`{title body} : (${combo.map(ftsString).join(" + ")})`);
    }
  }
  if (usable.every((w) => isUsable(w.surface))) {
    alternatives.push(`surface : (${usable.map((w) => ftsString(w.surface)).join(" + ")})`);
  }
  return alternatives.length === 0 ? null : `(${alternatives.join(" OR ")})`;
}

/** An FTS5 string literal: double quotes doubled (FTS5 query syntax, "strings"). */
function ftsString(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}
