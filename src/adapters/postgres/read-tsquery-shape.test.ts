import { describe, expect, it } from "vitest";
import { makeQuery as query, term as t } from "../../../test/contract/article-fixtures.ts";
import { compileTsquery } from "./compile-tsquery.ts";
import { readTsqueryShape } from "./read-tsquery-shape.ts";

describe("readTsqueryShape", () => {
  const rows: { name: string; input: string; lexemes: string[]; andAtRoot: boolean }[] = [
    { name: "one lexeme", input: "'oil'", lexemes: ["oil"], andAtRoot: false },
    {
      name: "a term's alternatives are ORed inside parentheses",
      input: "('oil' | '=oil')",
      lexemes: ["oil", "=oil"],
      andAtRoot: false,
    },
    {
      name: "two terms are ANDed at the top",
      input: "('oil' | '=oil') & ('gas')",
      lexemes: ["oil", "=oil", "gas"],
      andAtRoot: true,
    },
    {
      name: "an exclusion ANDs at the top",
      input: "('oil') & !('gas')",
      lexemes: ["oil", "gas"],
      andAtRoot: true,
    },
    {
      name: "a phrase's <-> is not an AND",
      input: "((('a') <-> ('b')) | (('=a') <-> ('=b')))",
      lexemes: ["a", "b", "=a", "=b"],
      andAtRoot: false,
    },
    {
      name: "an ampersand inside a quoted lexeme is text",
      input: "('a&b' | '=a')",
      lexemes: ["a&b", "=a"],
      andAtRoot: false,
    },
    {
      name: "a doubled quote and a backslash escape are read as the server reads them",
      input: "('it''s' | 'x\\\\y' | 'it''s')",
      lexemes: ["it's", "x\\y"],
      andAtRoot: false,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(readTsqueryShape(row.input)).toEqual({ lexemes: row.lexemes, andAtRoot: row.andAtRoot });
    });
  }

  it("reads compiled queries: one term ORs its forms, two terms AND", () => {
    const one = compileTsquery(query({ terms: [t("\u0627\u0644\u0646\u0641\u0637", "\u0646\u0641\u0637")] }));
    expect(readTsqueryShape(one.match ?? "")).toEqual({
      lexemes: ["\u0646\u0641\u0637", "=\u0627\u0644\u0646\u0641\u0637"],
      andAtRoot: false,
    });
    const two = compileTsquery(query({ terms: [t("oil"), t("gas")] }));
    expect(readTsqueryShape(two.match ?? "").andAtRoot).toBe(true);
  });
});
