import { describe, expect, it } from "vitest";
import { EMPTY_QUERY, type QueryTerm, type SearchQuery } from "../../domain/search.ts";
import { compileFtsQuery } from "./compile-fts-query.ts";

const t = (surface: string, ...stems: string[]): QueryTerm => ({ display: surface, surface, stems });
const q = (partial: Partial<SearchQuery>): SearchQuery => ({
  ...EMPTY_QUERY,
  limit: 10,
  ...partial,
});

describe("compileFtsQuery", () => {
  it("matches a term through its stems in title and body or its surface form", () => {
    expect(compileFtsQuery(q({ terms: [t("alhukuma", "hukum", "hkm")] })).match).toBe(
      '({title body} : ("hukum" OR "hkm") OR surface : ("alhukuma"))',
    );
  });

  it("ranks two or three loose words by a NEAR window over title and body, every stem combination; else none", () => {
    expect(compileFtsQuery(q({ terms: [t("a", "a1", "a2"), t("b", "b")] })).near).toBe(
      '{title body} : NEAR("a1" "b", 1) OR {title body} : NEAR("a2" "b", 1)',
    );
    expect(compileFtsQuery(q({ terms: [t("a", "a"), t("b", "b"), t("c", "c")] })).near).toBe(
      '{title body} : NEAR("a" "b" "c", 1)',
    );
    const none = [[t("a", "a")], [t("a", "a"), t("b", "b"), t("c", "c"), t("d", "d")], [t("a", "a"), t("n")]];
    for (const terms of none) expect(compileFtsQuery(q({ terms })).near).toBeNull();
  });

  it("ORs the alternatives of an OR group inside the ANDed terms, and checks the title for any of them", () => {
    const compiled = compileFtsQuery(
      q({ terms: [t("a", "a")], anyOf: [[[t("b", "b")], [t("c", "c"), t("d", "d")]]] }),
    );
    expect(compiled.match).toBe(
      '({title body} : ("a") OR surface : ("a")) AND (({title body} : ("b") OR surface : ("b")) OR ({title body} : ("c" + "d") OR surface : ("c" + "d")))',
    );
    expect(compiled.title).toBe('({title} : ("a")) AND (({title} : ("b")) OR ({title} : ("c" + "d")))');
  });

  it("ANDs terms and applies exclusions with NOT", () => {
    expect(compileFtsQuery(q({ terms: [t("a", "a"), t("b", "b")], excluded: [t("x", "x")] })).match).toBe(
      '(({title body} : ("a") OR surface : ("a")) AND ({title body} : ("b") OR surface : ("b"))) NOT (({title body} : ("x") OR surface : ("x")))',
    );
  });

  it("builds phrases from adjacent stems or adjacent surface forms", () => {
    expect(compileFtsQuery(q({ phrases: [[t("w1", "s1"), t("w2", "s2", "v2")]] })).match).toBe(
      '({title body} : ("s1" + "s2") OR {title body} : ("s1" + "v2") OR surface : ("w1" + "w2"))',
    );
  });

  it("doubles quotes so a token can never close its string", () => {
    expect(compileFtsQuery(q({ terms: [t('a"b', 'c" OR "d')] })).match).toBe(
      '({title body} : ("c"" OR ""d") OR surface : ("a""b"))',
    );
  });

  it("ignores tokens with no letter or digit", () => {
    expect(compileFtsQuery(q({ terms: [t("!!!", "*", "")] }))).toEqual({
      match: null,
      excluded: null,
      title: null,
      filter: null,
      near: null,
    });
  });

  it("returns only the exclusions for a query with no positive term", () => {
    expect(compileFtsQuery(q({ excluded: [t("x", "x")] }))).toEqual({
      match: null,
      excluded: '({title body} : ("x") OR surface : ("x"))',
      title: null,
      filter: null,
      near: null,
    });
  });

  it("decides membership of a stemmed term on its stems alone, keeping surface forms for stemless terms and phrases", () => {
    const { filter } = compileFtsQuery(
      q({ terms: [t("alhukuma", "hukum", "hkm"), t("x1", "!")], phrases: [[t("w1", "s1"), t("w2", "s2")]] }),
    );
    expect(filter).toBe(
      '({title body} : ("hukum" OR "hkm")) AND (surface : ("x1")) AND ({title body} : ("s1" + "s2") OR surface : ("w1" + "w2"))',
    );
  });

  it("uses only the first stem of each word when a phrase has too many combinations", () => {
    const word = (n: number) => t(`w${n}`, `a${n}`, `b${n}`, `c${n}`);
    const { match } = compileFtsQuery(q({ phrases: [[word(1), word(2), word(3)]] }));
    expect(match).toBe('({title body} : ("a1" + "a2" + "a3") OR surface : ("w1" + "w2" + "w3"))');
  });
});
