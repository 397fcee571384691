import { describe, expect, it } from "vitest";
import { MAX_QUERY_CHARS, parseQuery } from "../stages/search/parse-query.ts";
import { toEntityQuery } from "./entity-query.ts";

describe("toEntityQuery", () => {
  it.each([
    { why: "one form: its phrase", forms: ["وزارة الصحة"], query: '"وزارة الصحة"' },
    {
      why: "a longer name holding a shorter one merged into it: the shorter finds both",
      forms: ["وزارة الداخلية السعودية", "وزارة الداخلية"],
      query: '"وزارة الداخلية"',
    },
    {
      why: "forms that hold none of the others: all, ORed, most used first",
      forms: ["محمد بن نايف بن عبدالعزيز", "الأمير محمد بن نايف", "ولي العهد محمد"],
      query: '"محمد بن نايف بن عبدالعزيز" OR "الأمير محمد بن نايف" OR "ولي العهد محمد"',
    },
    {
      why: "spellings the search folds (hamza, the article and a particle on a known name) are one form: the first stays",
      forms: ["أوباما", "اوباما", "السعودية", "بالسعودية"],
      query: '"أوباما" OR "السعودية"',
    },
    {
      why: "a form whose key the search keeps apart stays, as its own alternative",
      forms: ["أوباما", "لأوباما"],
      query: '"أوباما" OR "لأوباما"',
    },
    {
      why: "a quote inside a form cannot break the phrase",
      forms: ['شركة "أرامكو"'],
      query: '"شركة  أرامكو"',
    },
  ])("$why", ({ forms, query }) => {
    expect(toEntityQuery({ kind: "organization", name: forms[0]!, forms })).toBe(query);
  });

  it("searches a place by its name alone: its spellings share a search key, other names under its key are other places", () => {
    expect(toEntityQuery({ kind: "place", name: "أبها", forms: ["أبها", "أبين"] })).toBe('"أبها"');
  });

  it("leaves out a person's given name alone, which names thousands of others, but not a family name alone", () => {
    expect(toEntityQuery({ kind: "person", name: "فيصل بن تركي", forms: ["فيصل بن تركي", "فيصل"] })).toBe(
      '"فيصل بن تركي"',
    );
    expect(toEntityQuery({ kind: "person", name: "باراك أوباما", forms: ["باراك أوباما", "أوباما"] })).toBe(
      '"أوباما"',
    );
  });

  it("searches an entity listed without forms by its name", () => {
    expect(toEntityQuery({ kind: "person", name: "عادل الجبير" })).toBe('"عادل الجبير"');
  });

  it("parses into one group of its phrases, or one phrase, never more words than a query reads", () => {
    const forms = ["وزارة الصحة السعودية", "الهيئة العامة للغذاء والدواء"];
    const q = parseQuery(toEntityQuery({ kind: "organization", name: forms[0]!, forms }), {
      limit: 10,
      offset: 0,
    });
    expect(q.anyOf?.map((g) => g.length)).toEqual([2]);
    const many = Array.from({ length: 20 }, (_, i) => `اسم${i} ثان${i} ثالث${i}`);
    const parsed = parseQuery(toEntityQuery({ kind: "person", name: many[0]!, forms: many }), {
      limit: 10,
      offset: 0,
    });
    expect(parsed.anyOf?.[0]?.length).toBe(10);
  });

  it("stays within the parser's character cap: long forms are dropped whole, never cut into a dangling OR", () => {
    const long = Array.from({ length: 16 }, (_, i) => `${"م".repeat(15)}${i} ${"ن".repeat(15)}${i}`);
    const query = toEntityQuery({ kind: "organization", name: long[0]!, forms: long });
    expect(query.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    const parsed = parseQuery(query, { limit: 10, offset: 0 });
    expect(parsed.anyOf?.[0]?.length).toBe(query.split(" OR ").length);
    expect(parsed.terms).toEqual([]);
  });
});
