/**
 * SearchQuery → tsquery input text over the `doc` vector of build-doc-vector.ts: stems match title/body lexemes,
 * surface forms match the prefixed surface lexemes. Adapter helper, pure. Every lexeme is quoted, so user text is
 * never read as tsquery syntax (& | ! <-> : * parentheses) and never causes a syntax error.
 */
import type { QueryTerm, SearchQuery } from "../../domain/search.ts";
import {
  capStemCombinations,
  compileQueryShape,
  isUsable,
  type QueryDialect,
  uniqueUsable,
} from "../compile-query-shape.ts";
import { PROXIMITY_GAP_TOKENS } from "../search-policy.ts";
import { SURFACE_LEXEME_PREFIX } from "./build-doc-vector.ts";
import { quoteLexeme, splitLexemes } from "./split-lexemes.ts";

export interface TsQueryText {
  /** All terms and phrases, ANDed, with exclusions applied; null when the query has no positive part. */
  match: string | null;
  /** The excluded terms ORed (for browsing with exclusions); null when nothing is excluded. */
  excluded: string | null;
  /** Every term and phrase found in the title (through its stems), over the `title` vector; null when that cannot
   * hold (no boost). */
  title: string | null;
  /** The loose words within the proximity window in title or body (CompiledQuery.near); null when not ranked by it. */
  near: string | null;
}

/**
 * Compiles a query with the SQLite adapter's semantics (compile-fts-query.ts). A term matches when any of its
 * stems is in the title or body, or its surface form is in `surface`; a phrase matches its stems adjacent, or its
 * surface forms adjacent. A token that splits into several lexemes (`title:a`) is a phrase of them, as in FTS5.
 *
 * Example: terms [{surface: "الحكومة", stems: ["حكوم"]}] → `('حكوم' | '=الحكومة')`
 */
export function compileTsquery(query: SearchQuery): TsQueryText {
  return compileQueryShape(query, TSQUERY_DIALECT);
}

/** tsquery syntax. A query whose words have no stems cannot be checked against the title: no title boost. */
const TSQUERY_DIALECT: QueryDialect = {
  term: termExpression,
  phrase: phraseExpression,
  title: titleExpression,
  and: " & ",
  or: " | ",
  without: (positive, excluded) => `(${positive}) & !(${excluded})`,
  noTitle: null,
  near: nearExpression,
};

/**
 * Title and body carry weights A and B (build-doc-vector.ts): the words' stems, in every order, each 1 to
 * PROXIMITY_GAP_TOKENS + 1 positions after the one before and at most that far from the first to the last, all in
 * one field, as FTS5's NEAR(…, PROXIMITY_GAP_TOKENS) over title and body. Example (2 words, gap 1): ('a':A <1> 'b':A)
 * | ('a':A <2> 'b':A) | ('b':A <1> 'a':A) | … and the same with B.
 */
function nearExpression(stemLists: readonly string[][]): string {
  const span = PROXIMITY_GAP_TOKENS + 1;
  const alternatives: string[] = [];
  for (const weight of ["A", "B"]) {
    const words = stemLists.map((list) => `(${list.map((t) => lexemes(t, "", weight)).join(" | ")})`);
    for (const order of permutations(words.map((_, i) => i))) {
      for (const steps of distanceSteps(words.length - 1, span)) {
        let expr = words[order[0]!]!;
        steps.forEach((d, i) => {
          expr += ` <${d}> ${words[order[i + 1]!]!}`;
        });
        alternatives.push(`(${expr})`);
      }
    }
  }
  return alternatives.join(" | ");
}

/** Every order of `items`. */
function permutations(items: readonly number[]): number[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Every list of `count` steps of at least 1 whose sum is at most `span`: (2, 3) → [1,1] [1,2] [2,1]. */
function distanceSteps(count: number, span: number): number[][] {
  if (count === 0) return [[]];
  const out: number[][] = [];
  for (let d = 1; d <= span - (count - 1); d++)
    for (const rest of distanceSteps(count - 1, span - d)) out.push([d, ...rest]);
  return out;
}

/** The words' stems adjacent in the title (a single word: any of its stems in the title). */
function titleExpression(words: readonly QueryTerm[]): string | null {
  const stemLists = words.map((w) => uniqueUsable(w.stems)).filter((l) => l.length > 0);
  if (stemLists.length === 0) return null;
  return phraseOf(stemLists.length === 1 ? stemLists : capStemCombinations(stemLists), "", "");
}

function termExpression(term: QueryTerm): string | null {
  const alternatives = uniqueUsable(term.stems).map((stem) => lexemes(stem, "", ""));
  if (isUsable(term.surface)) alternatives.push(lexemes(term.surface, SURFACE_LEXEME_PREFIX, ""));
  return alternatives.length === 0 ? null : `(${alternatives.join(" | ")})`;
}

function phraseExpression(words: readonly QueryTerm[]): string | null {
  const usable = words.filter((w) => isUsable(w.surface) || uniqueUsable(w.stems).length > 0);
  if (usable.length === 0) return null;
  const [only] = usable;
  if (usable.length === 1 && only !== undefined) return termExpression(only);

  const alternatives: string[] = [];
  const stemLists = usable.map((w) => uniqueUsable(w.stems));
  if (stemLists.every((list) => list.length > 0))
    alternatives.push(phraseOf(capStemCombinations(stemLists), "", ""));
  if (usable.every((w) => isUsable(w.surface))) {
    alternatives.push(
      phraseOf(
        usable.map((w) => [w.surface]),
        SURFACE_LEXEME_PREFIX,
        "",
      ),
    );
  }
  return alternatives.length === 0 ? null : `(${alternatives.join(" | ")})`;
}

/**
 * Word alternatives in a row: `(a1 | a2) <-> (b1)`. tsquery allows OR inside a phrase, so where FTS5 needs the
 * cartesian product this stays one expression; the same cap keeps both adapters matching the same articles.
 */
function phraseOf(lists: readonly string[][], prefix: string, weight: string): string {
  return `(${lists.map((list) => `(${list.map((t) => lexemes(t, prefix, weight)).join(" | ")})`).join(" <-> ")})`;
}

/** One token as tsquery: its lexemes (prefixed, weight-labelled) adjacent, like an FTS5 string of several tokens. */
function lexemes(token: string, prefix: string, weight: string): string {
  const label = weight === "" ? "" : `:${weight}`;
  const parts = splitLexemes(token).map((l) => `${quoteLexeme(prefix + l)}${label}`);
  return parts.length === 1 ? (parts[0] ?? "") : `(${parts.join(" <-> ")})`;
}
