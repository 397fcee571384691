import { describe, expect, it } from "vitest";
import { cosine, type StoryTerms, TermStats, toSparseVector } from "./story-vector.ts";

const terms = (...keys: string[]): StoryTerms => ({ tf: new Map(keys.map((k) => [k, 1])), titleKeys: [] });

describe("TermStats.addEmptyDocuments", () => {
  it("counts background documents as holding none of the terms: IDF as over the larger collection", () => {
    const pool = [terms("oil", "opec"), terms("oil", "vienna"), terms("oil", "gold")];
    const small = new TermStats();
    const large = new TermStats();
    for (const t of pool) {
      small.addDocument(t);
      large.addDocument(t);
    }
    large.addEmptyDocuments(97);
    expect(large.documents).toBe(100);
    expect(large.idf("oil")).toBeCloseTo(Math.log(1 + 101 / 4), 12);
    // A word the whole pool shares keeps weight against a word one article holds, so the pool's shared word
    // still makes two of its articles similar.
    const sim = (stats: TermStats) =>
      cosine(toSparseVector(pool[0]!, stats), toSparseVector(pool[1]!, stats));
    expect(sim(large)).toBeGreaterThan(sim(small));
    large.addEmptyDocuments(-5);
    expect(large.documents).toBe(100);
  });
});
