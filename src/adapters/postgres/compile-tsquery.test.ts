import { describe, expect, it } from "vitest";
import { makeQuery as query, term as t } from "../../../test/contract/article-fixtures.ts";
import { buildDocVector } from "./build-doc-vector.ts";
import { compileTsquery } from "./compile-tsquery.ts";
import { splitLexemes } from "./split-lexemes.ts";

describe("splitLexemes", () => {
  const rows: { name: string; input: string; expected: string[] }[] = [
    {
      name: "Arabic token stays whole",
      input: "\u0627\u0644\u062d\u0643\u0648\u0645\u0629",
      expected: ["\u0627\u0644\u062d\u0643\u0648\u0645\u0629"],
    },
    { name: "ASCII punctuation separates, as FTS5 ascii", input: "title:a", expected: ["title", "a"] },
    { name: "ASCII letters fold to lower case", input: "NEAR", expected: ["near"] },
    { name: "quote and backslash are separators", input: "a'b\\c", expected: ["a", "b", "c"] },
    { name: "NUL is a separator, never sent to the server", input: "a\u0000b", expected: ["a", "b"] },
    { name: "non-ASCII marks are token characters (FTS5 ascii)", input: "\u200f", expected: ["\u200f"] },
    { name: "nothing but separators gives nothing", input: " *()- ", expected: [] },
  ];
  for (const row of rows) {
    it(row.name, () => expect(splitLexemes(row.input)).toEqual(row.expected));
  }

  it("cuts a lexeme to 2047 UTF-8 bytes at a character boundary", () => {
    const [cut] = splitLexemes("\u0628".repeat(2000));
    expect(Buffer.byteLength(cut ?? "")).toBe(2046);
  });
});

describe("compileTsquery", () => {
  it("matches a term by any stem or by its prefixed surface form", () => {
    expect(compileTsquery(query({ terms: [t("al-x", "x", "y")] })).match).toBe(
      "('x' | 'y' | ('=al' <-> '=x'))",
    );
  });

  it("keeps hostile text inside quoted lexemes", () => {
    const q = compileTsquery(query({ terms: [t("'; DROP TABLE articles; --")] }));
    expect(q.match).toBe("(('drop' <-> 'table' <-> 'articles') | ('=drop' <-> '=table' <-> '=articles'))");
  });

  it("ands terms and phrases, applies exclusions, and checks the title vector", () => {
    const q = compileTsquery(
      query({ terms: [t("a")], phrases: [[t("b"), t("c", "c1", "c2")]], excluded: [t("z")] }),
    );
    expect(q.match).toBe(
      "(('a' | '=a') & ((('b') <-> ('c1' | 'c2')) | (('=b') <-> ('=c')))) & !(('z' | '=z'))",
    );
    expect(q.excluded).toBe("('z' | '=z')");
    expect(q.title).toBe("(('a')) & (('b') <-> ('c1' | 'c2'))");
  });

  it("spells the proximity window out as every order and distance, in title (A) or in body (B)", () => {
    const near = compileTsquery(query({ terms: [t("a"), t("b", "b1", "b2")] })).near;
    expect(near).toBe(
      [
        "(('a':A) <1> ('b1':A | 'b2':A))",
        "(('a':A) <2> ('b1':A | 'b2':A))",
        "(('b1':A | 'b2':A) <1> ('a':A))",
        "(('b1':A | 'b2':A) <2> ('a':A))",
        "(('a':B) <1> ('b1':B | 'b2':B))",
        "(('a':B) <2> ('b1':B | 'b2':B))",
        "(('b1':B | 'b2':B) <1> ('a':B))",
        "(('b1':B | 'b2':B) <2> ('a':B))",
      ].join(" | "),
    );
    // Three words side by side in any of their 6 orders, per field.
    const three = compileTsquery(query({ terms: [t("a"), t("b"), t("c")] })).near!;
    expect(three.split(" | ")).toHaveLength(12);
    expect(three).toContain("(('c':B) <1> ('a':B) <1> ('b':B))");
    expect(compileTsquery(query({ terms: [t("a")] })).near).toBeNull();
  });

  it("ignores words without letters or digits, and has no positive part without them", () => {
    expect(compileTsquery(query({ terms: [t("!!!")], excluded: [t("x")] }))).toEqual({
      match: null,
      excluded: "('x' | '=x')",
      title: null,
      near: null,
    });
  });

  it("gives no title check when a word has no stems", () => {
    expect(compileTsquery(query({ terms: [{ display: "a", surface: "a", stems: [] }] })).title).toBeNull();
  });
});

describe("buildDocVector", () => {
  it("weights title A, body B, prefixed surface C, with a free position between fields", () => {
    const vectors = buildDocVector({ title: "oil price", body: "deal", surface: "oil price deal" } as never);
    expect(vectors).toEqual({
      doc: "'oil':1A 'price':2A 'deal':4B '=oil':6C '=price':7C '=deal':8C",
      title: "'oil':1 'price':2",
      docLength: 6,
    });
  });

  it("writes a position past the last one PostgreSQL keeps once, and counts it once", () => {
    // 16383 is the largest position: every later occurrence lands on it, and the server merges equal positions.
    const body = `${"x ".repeat(16_390)}w w`;
    const { doc, docLength } = buildDocVector({ title: "w", body, surface: "" } as never);
    expect(doc).toMatch(/^'w':1A,16383B /);
    expect(docLength).toBe(256 + 2);
  });

  it("keeps at most 256 positions of a lexeme, as PostgreSQL does", () => {
    const { doc } = buildDocVector({ title: "", body: "w ".repeat(300), surface: "" } as never);
    expect(doc.split(",")).toHaveLength(256);
  });
});
