/**
 * Contract suite for the ArticleStore port: every storage adapter runs it unchanged.
 * Test suite factory; `open` must return a fresh, empty Storage each call.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ArticleWrite, IndexFields, SanitizedHtml } from "../../src/domain/article.ts";
import { isAkhbarError } from "../../src/domain/errors.ts";
import type { ReindexAnalysis, ReindexBatch } from "../../src/ports/article-store.ts";
import type { Storage } from "../../src/ports/storage.ts";
import { ANALYZER_VERSION, digestIndexFields } from "../../src/stages/arabic/analyze-text.ts";
import { textDigest } from "../../src/stages/dedupe/text-digest.ts";
import { makeArticleWrite, makeQuery, term } from "./article-fixtures.ts";

/** Arabic with hamza seats, tashkeel, tatweel, ZWNJ, RLM, NBSP and an astral character: must round-trip byte-exact. */
const ARABIC_TEXT =
  "\u0645\u064f\u062d\u064e\u0645\u0651\u064e\u062f\u064c \u0645\u0633\u0624\u0648\u0644 \u0640\u0640 \u0625\u0633\u0631\u0627\u0626\u064a\u0644\u200c\u200f\u00a0\u0661\u0662\n\u0627\u0644\u0641\u0642\u0631\u0629 \ud83d\udcf0";

/** A stand-in for the analyzer a re-index runs (pipeline/reindex-articles analyzeForReindex). */
type Analyze = (title: string, text: string) => ReindexAnalysis;

/**
 * Writes and deletes one article with ARABIC_TEXT, for a test that reads the store's tombstones row as stored: it must
 * hold the text's digest and no part of the text (a takedown keeps none of it). Returns the text.
 */
export async function deleteArticleForTombstoneRow(storage: Storage): Promise<string> {
  await storage.articles.writeArticles([makeArticleWrite("gone", { text: ARABIC_TEXT })]);
  expect(await storage.articles.deleteArticle("id-gone", "publisher takedown")).toBe(true);
  return ARABIC_TEXT;
}

/** What deleteArticleForTombstoneRow's tombstone row holds: its keys and digest, no column with any of the text. */
export function expectTombstoneRowWithoutText(row: Record<string, unknown>, text: string): void {
  expect(row).toMatchObject({ id: "id-gone", source_id: "alpha", text_digest: textDigest(text) });
  // Each line of the text, and each word of three letters or more: none is in any column.
  const parts = text.split(/\s+/u).filter((w) => w.length >= 3);
  for (const value of Object.values(row)) {
    for (const part of parts) expect(String(value)).not.toContain(part);
  }
}

export function describeArticleStoreContract(name: string, open: () => Promise<Storage>): void {
  describe(`ArticleStore contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });

    it("inserts new articles and reports one outcome per input in order", async () => {
      const outcomes = await storage.articles.writeArticles([makeArticleWrite("a"), makeArticleWrite("b")]);
      expect(outcomes).toEqual([
        { status: "inserted", id: "id-a" },
        { status: "inserted", id: "id-b" },
      ]);
      expect(await storage.articles.countArticles()).toBe(2);
    });

    it("reports every article unchanged when the same batch is written twice", async () => {
      const batch = ["a", "b", "c"].map((k) => makeArticleWrite(k));
      await storage.articles.writeArticles(batch);
      const second = await storage.articles.writeArticles(batch);
      expect(second.map((o) => o.status)).toEqual(["unchanged", "unchanged", "unchanged"]);
      expect(await storage.articles.countArticles()).toBe(3);
    });

    it("treats a re-fetch with only a new fetchedAt as unchanged", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a")]);
      const [outcome] = await storage.articles.writeArticles([
        makeArticleWrite("a", { fetchedAt: "2015-08-01T00:00:00" }),
      ]);
      expect(outcome?.status).toBe("unchanged");
    });

    it("updates an article whose content changed and keeps its seq", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a")]);
      const before = await storage.articles.getArticle("id-a");
      const [outcome] = await storage.articles.writeArticles([
        makeArticleWrite("a", { title: "corrected title", text: "corrected text", contentHash: "hash-a2" }),
      ]);
      expect(outcome).toEqual({ status: "updated", id: "id-a" });
      const after = await storage.articles.getArticle("id-a");
      expect(after?.title).toBe("corrected title");
      expect(after?.text).toBe("corrected text");
      expect(after?.seq).toBe(before?.seq);
      expect(await storage.articles.countArticles()).toBe(1);
    });

    it("updates an article whose index fields changed, as after an analyzer upgrade", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a")]);
      const [outcome] = await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { body: "reanalyzed" } }),
      ]);
      expect(outcome?.status).toBe("updated");
    });

    it("keeps an article unchanged whether its index digest came with the write or was computed by the store", async () => {
      const write = makeArticleWrite("a");
      await storage.articles.writeArticles([{ ...write, indexDigest: digestIndexFields(write.index) }]);
      const [outcome] = await storage.articles.writeArticles([write]);
      expect(outcome).toEqual({ status: "unchanged", id: "id-a" });
    });

    it("reports a different id with the same canonical URL as a duplicate and keeps the first", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a")]);
      const [outcome] = await storage.articles.writeArticles([
        makeArticleWrite("b", {
          canonicalUrl: "https://news.example/a",
          url: "https://news.example/a?weekly",
        }),
      ]);
      expect(outcome).toEqual({ status: "duplicate", id: "id-b", existingId: "id-a", by: "canonical_url" });
      expect(await storage.articles.getArticle("id-b")).toBeNull();
      expect(await storage.articles.countArticles()).toBe(1);
    });

    it("treats http and https copies of one canonical URL as duplicates", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { canonicalUrl: "http://news.example/a" }),
      ]);
      const [outcome] = await storage.articles.writeArticles([
        makeArticleWrite("b", { canonicalUrl: "https://news.example/a" }),
      ]);
      expect(outcome).toMatchObject({ status: "duplicate", existingId: "id-a", by: "canonical_url" });
    });

    it("finds an article by its canonical URL, http and https alike; none for an unknown or deleted one", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { canonicalUrl: "http://news.example/a" }),
        makeArticleWrite("b"),
      ]);
      expect(await storage.articles.findArticleIdByUrl("http://news.example/a")).toBe("id-a");
      expect(await storage.articles.findArticleIdByUrl("https://news.example/a")).toBe("id-a");
      expect(await storage.articles.findArticleIdByUrl("https://news.example/b")).toBe("id-b");
      expect(await storage.articles.findArticleIdByUrl("https://news.example/c")).toBeNull();
      await storage.articles.deleteArticle("id-a", "takedown");
      expect(await storage.articles.findArticleIdByUrl("http://news.example/a")).toBeNull();
    });

    it("detects a canonical-URL duplicate inside one batch", async () => {
      const outcomes = await storage.articles.writeArticles([
        makeArticleWrite("a"),
        makeArticleWrite("b", { canonicalUrl: "https://news.example/a" }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["inserted", "duplicate"]);
    });

    it("reports the same text from the same source under another URL as a content-hash duplicate", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a", { contentHash: "same" })]);
      const [outcome] = await storage.articles.writeArticles([
        makeArticleWrite("b", { contentHash: "same" }),
      ]);
      expect(outcome).toEqual({ status: "duplicate", id: "id-b", existingId: "id-a", by: "content_hash" });
    });

    it("keeps the same wire text from two sources as two articles (coverage, not duplication)", async () => {
      const outcomes = await storage.articles.writeArticles([
        makeArticleWrite("a", { contentHash: "wire", sourceId: "okaz" }),
        makeArticleWrite("b", { contentHash: "wire", sourceId: "alriyadh" }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["inserted", "inserted"]);
    });

    it("does not dedupe empty-text articles by content hash", async () => {
      const outcomes = await storage.articles.writeArticles([
        makeArticleWrite("a", { contentHash: "empty", text: "" }),
        makeArticleWrite("b", { contentHash: "empty", text: "  " }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["inserted", "inserted"]);
    });

    it("deletes an article, tombstones it, and refuses to store it again", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a")]);
      expect(await storage.articles.deleteArticle("id-a", "legal request")).toBe(true);
      expect(await storage.articles.getArticle("id-a")).toBeNull();
      expect(await storage.articles.countArticles()).toBe(0);
      const [again] = await storage.articles.writeArticles([makeArticleWrite("a")]);
      expect(again).toEqual({ status: "tombstoned", id: "id-a" });
    });

    it("refuses a new id that carries a deleted article's canonical URL", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a")]);
      await storage.articles.deleteArticle("id-a", "spam");
      const [outcome] = await storage.articles.writeArticles([
        makeArticleWrite("b", { canonicalUrl: "https://news.example/a" }),
      ]);
      expect(outcome?.status).toBe("tombstoned");
    });

    it("refuses a new id from the same source with a deleted article's content hash", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a", { contentHash: "gone" })]);
      await storage.articles.deleteArticle("id-a", "spam");
      const outcomes = await storage.articles.writeArticles([
        makeArticleWrite("b", { contentHash: "gone" }),
        makeArticleWrite("c", { contentHash: "gone", sourceId: "other" }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["tombstoned", "inserted"]);
    });

    it("refuses a deleted article's text re-posted with other spacing, punctuation, tashkeel and tatweel", async () => {
      // قالَ المسؤولُ: نعم. (the official said: yes.) and the same words, bare, on two lines, with a tatweel.
      const marked =
        "\u0642\u0627\u0644\u064e \u0627\u0644\u0645\u0633\u0624\u0648\u0644\u064f: \u0646\u0639\u0645.";
      const bare = "\u0642\u0627\u0640\u0644\n\u0627\u0644\u0645\u0633\u0624\u0648\u0644  \u0646\u0639\u0645";
      await storage.articles.writeArticles([
        makeArticleWrite("a", { text: marked, contentHash: "old-analyzer" }),
      ]);
      await storage.articles.deleteArticle("id-a", "takedown");
      const outcomes = await storage.articles.writeArticles([
        // Hashed by another analyzer, at other URLs: only the text says it is the deleted article.
        makeArticleWrite("b", { text: bare, contentHash: "new-analyzer" }),
        makeArticleWrite("c", { text: bare, contentHash: "new-analyzer-2", sourceId: "other" }),
        makeArticleWrite("d", { text: `${bare} \u0644\u0627`, contentHash: "new-analyzer-3" }),
      ]);
      // The same text from another outlet, and a longer text from the same one, are other articles.
      expect(outcomes.map((o) => o.status)).toEqual(["tombstoned", "inserted", "inserted"]);
    });

    it("returns false when deleting an unknown id", async () => {
      expect(await storage.articles.deleteArticle("id-nope", "x")).toBe(false);
    });

    it("returns null for an unknown id", async () => {
      expect(await storage.articles.getArticle("id-nope")).toBeNull();
    });

    it("returns getArticles in the order asked and leaves unknown ids out", async () => {
      await storage.articles.writeArticles(["a", "b", "c"].map((k) => makeArticleWrite(k)));
      const got = await storage.articles.getArticles(["id-c", "id-nope", "id-a", "id-b"]);
      expect(got.map((a) => a.id)).toEqual(["id-c", "id-a", "id-b"]);
      expect(await storage.articles.getArticles([])).toEqual([]);
    });

    it("returns summaries as getArticles does, without html and extra", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { html: "<p>a</p>" as SanitizedHtml, extra: { k: 1 } }),
        makeArticleWrite("b"),
      ]);
      const got = await storage.articles.getArticleSummaries(["id-b", "id-nope", "id-a"]);
      expect(got.map((a) => a.id)).toEqual(["id-b", "id-a"]);
      const { html, extra, ...summary } = (await storage.articles.getArticle("id-a"))!;
      expect(html).toBe("<p>a</p>");
      expect(extra).toEqual({ k: 1 });
      expect(got[1]).toEqual(summary);
      expect(await storage.articles.getArticleSummaries([])).toEqual([]);
    });

    it("round-trips every draft field, extra JSON included", async () => {
      const write = makeArticleWrite("a", {
        citedSource: "\u0648\u0627\u0633",
        publishedAt: "2015-07-20T22:00:00+03:00",
        byline: "by someone",
        imageUrl: "https://news.example/a.jpg",
        extra: { author: "x", tags: ["a", "b"], nested: { n: 1, ok: true, none: null } },
      });
      await storage.articles.writeArticles([write]);
      const got = await storage.articles.getArticle("id-a");
      expect(got).toMatchObject(write.article);
      expect(got?.extra).toEqual(write.article.extra);
      expect(typeof got?.seq).toBe("number");
      expect(typeof got?.storedAt).toBe("string");
    });

    it("round-trips Arabic text and title byte-exact", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { title: ARABIC_TEXT, text: ARABIC_TEXT }),
      ]);
      const got = await storage.articles.getArticle("id-a");
      expect(Buffer.from(got?.text ?? "").equals(Buffer.from(ARABIC_TEXT))).toBe(true);
      expect(got?.title).toBe(ARABIC_TEXT);
    });

    it("assigns increasing seq numbers and pages through them with listArticlesAfter", async () => {
      await storage.articles.writeArticles(["a", "b", "c", "d", "e"].map((k) => makeArticleWrite(k)));
      const first = await storage.articles.listArticlesAfter(0, 2);
      expect(first.map((a) => a.id)).toEqual(["id-a", "id-b"]);
      const last = first.at(-1)?.seq ?? 0;
      const rest = await storage.articles.listArticlesAfter(last, 10);
      expect(rest.map((a) => a.id)).toEqual(["id-c", "id-d", "id-e"]);
      const seqs = [...first, ...rest].map((a) => a.seq);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      expect(await storage.articles.listArticlesAfter(rest.at(-1)?.seq ?? 0, 10)).toEqual([]);
    });

    it("never reuses the seq of a deleted article", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a"), makeArticleWrite("b")]);
      const b = await storage.articles.getArticle("id-b");
      await storage.articles.deleteArticle("id-b", "x");
      await storage.articles.writeArticles([makeArticleWrite("c")]);
      const c = await storage.articles.getArticle("id-c");
      expect(c?.seq).toBeGreaterThan(b?.seq ?? Number.POSITIVE_INFINITY);
    });

    it("leaves no partial batch when an item fails mid-batch", async () => {
      await storage.articles.writeArticles([makeArticleWrite("before")]);
      let reads = 0;
      const exploding: ArticleWrite = makeArticleWrite("boom");
      Object.defineProperty(exploding.article, "title", {
        get() {
          reads += 1;
          throw new Error("boom while reading the title");
        },
      });
      const batch = [makeArticleWrite("a"), makeArticleWrite("b"), exploding, makeArticleWrite("c")];
      await expect(storage.articles.writeArticles(batch)).rejects.toThrow();
      expect(reads).toBeGreaterThan(0);
      expect(await storage.articles.countArticles()).toBe(1);
      expect(await storage.articles.getArticle("id-a")).toBeNull();
    });

    it("refuses an article whose times are not ISO 8601, storing nothing of its batch", async () => {
      let caught: unknown;
      try {
        await storage.articles.writeArticles([
          makeArticleWrite("a"),
          makeArticleWrite("b", { fetchedAt: "soon" }),
        ]);
      } catch (err) {
        caught = err;
      }
      expect(isAkhbarError(caught, "store.invalid_article")).toBe(true);
      expect(await storage.articles.countArticles()).toBe(0);
    });

    it("writes an empty batch as a no-op", async () => {
      expect(await storage.articles.writeArticles([])).toEqual([]);
    });

    describe("re-indexing with a newer analyzer", () => {
      /** Analyzer versions after the current one. */
      const NEWER = ANALYZER_VERSION + 1;
      const NEWEST = ANALYZER_VERSION + 2;
      /**
       * A stand-in analyzer: index fields "new<title>", so a search tells old terms from new ones, and a content hash
       * "new-<title>" (an analyzer change refolds the text the hash is taken of).
       */
      const analyze: Analyze = (title) => {
        const word = `new${title.replace(/\s+/gu, "")}`;
        const index = { title: word, body: word, surface: word } as IndexFields;
        return { index, indexDigest: digestIndexFields(index), contentHash: `new-${title}` };
      };
      /** One batch as the pipeline runs it: read, analyzed outside the store, written back. */
      const step = async (version: number, analyzeRow: Analyze, limit: number): Promise<ReindexBatch> => {
        const read = await storage.articles.readReindexBatch(version, limit);
        if (read === null) return { reindexed: 0, changed: 0, done: true };
        return storage.articles.writeReindexBatch(
          read,
          read.rows.map((row) => analyzeRow(row.title, row.text)),
        );
      };
      const found = async (word: string) =>
        (await storage.search.search(makeQuery({ terms: [term(word)] }))).hits.map((h) => h.id);
      const writeFive = () =>
        storage.articles.writeArticles(
          ["1", "2", "3", "4", "5"].map((k) =>
            makeArticleWrite(k, { index: { title: `old${k}`, body: "old" } }),
          ),
        );

      it("records the current analyzer version for a store created empty (nothing in it to re-index)", async () => {
        expect(await storage.articles.readAnalyzerVersion()).toBe(ANALYZER_VERSION);
      });

      it("re-indexes every article in seq order, one batch per call, then records the version", async () => {
        await writeFive();
        const batches: ReindexBatch[] = [];
        for (let i = 0; i < 10; i++) {
          const batch = await step(NEWER, analyze, 2);
          batches.push(batch);
          if (batch.done) break;
        }
        expect(batches.map((b) => b.reindexed)).toEqual([2, 2, 1, 0]);
        expect(batches.at(-1)?.done).toBe(true);
        expect(await storage.articles.readAnalyzerVersion()).toBe(NEWER);
        expect(await found("newtitle3")).toEqual(["id-3"]);
        expect(await found("old3")).toEqual([]);
        expect(await found("old")).toEqual([]);
      });

      it("counts the articles a re-index has reached, so a resumed run goes on from an earlier run's count", async () => {
        await writeFive();
        const counts = [await storage.articles.countReindexed(NEWER)];
        for (;;) {
          const batch = await step(NEWER, analyze, 2);
          if (batch.done) break;
          counts.push(await storage.articles.countReindexed(NEWER));
        }
        expect(counts).toEqual([0, 2, 4, 5]);
        // Done: the store records the version, and no re-index is under way.
        expect(await storage.articles.countReindexed(NEWER)).toBe(0);
        // A re-index to another version than the one under way has reached nothing of its own.
        await step(NEWEST, analyze, 2);
        expect(await storage.articles.countReindexed(NEWEST)).toBe(2);
        expect(await storage.articles.countReindexed(NEWEST + 1)).toBe(0);
        // A deleted article the re-index reached no longer counts.
        expect(await storage.articles.deleteArticle("id-1", "legal")).toBe(true);
        expect(await storage.articles.countReindexed(NEWEST)).toBe(1);
      });

      it("does nothing when the store already records the version", async () => {
        await writeFive();
        while (!(await step(NEWER, analyze, 10)).done) {}
        let calls = 0;
        const counting: Analyze = (title, text) => {
          calls++;
          return analyze(title, text);
        };
        expect(await step(NEWER, counting, 10)).toEqual({
          reindexed: 0,
          changed: 0,
          done: true,
        });
        expect(calls).toBe(0);
      });

      it("keeps the new digest, so re-writing an article with the new fields leaves it unchanged", async () => {
        await writeFive();
        while (!(await step(NEWER, analyze, 10)).done) {}
        const stored = await storage.articles.getArticle("id-2");
        const { index, contentHash } = analyze(stored!.title, stored!.text);
        const [outcome] = await storage.articles.writeArticles([
          {
            ...makeArticleWrite("2", { index: { title: index.title, body: index.body }, contentHash }),
            index,
          },
        ]);
        expect(outcome).toEqual({ status: "unchanged", id: "id-2" });
      });

      it("re-derives the content hash, so an exact copy hashed by the new analyzer meets the stored article", async () => {
        await writeFive();
        while (!(await step(NEWER, analyze, 10)).done) {}
        const stored = await storage.articles.getArticle("id-3");
        // Another id and URL, the same source and the hash the new analyzer gives the same text.
        const copy = makeArticleWrite("9", {
          sourceId: stored!.sourceId,
          contentHash: analyze(stored!.title, stored!.text).contentHash,
        });
        const [outcome] = await storage.articles.writeArticles([copy]);
        expect(outcome).toEqual({ status: "duplicate", id: "id-9", existingId: "id-3", by: "content_hash" });
      });

      it("finds an exact copy of an article the re-index has not reached, whose stored hash an older analyzer folded", async () => {
        await writeFive();
        await step(NEWER, analyze, 2);
        // Article 4 still holds the hash the older analyzer gave its text; the copy comes with the newer analyzer's.
        const stored = await storage.articles.getArticle("id-4");
        const copy = makeArticleWrite("9", {
          sourceId: stored!.sourceId,
          title: stored!.title,
          text: stored!.text,
          contentHash: analyze(stored!.title, stored!.text).contentHash,
        });
        const [outcome] = await storage.articles.writeArticles([copy]);
        expect(outcome).toEqual({ status: "duplicate", id: "id-9", existingId: "id-4", by: "content_hash" });
      });

      it("keeps a deleted article deleted after a re-index: a copy at another URL is known by its text digest", async () => {
        await writeFive();
        const gone = await storage.articles.getArticle("id-3");
        expect(await storage.articles.deleteArticle("id-3", "legal")).toBe(true);
        while (!(await step(NEWER, analyze, 2)).done) {}
        // Re-posted by its outlet at another URL, under another id, hashed by the new analyzer.
        const [outcome] = await storage.articles.writeArticles([
          makeArticleWrite("9", {
            sourceId: gone!.sourceId,
            text: gone!.text,
            contentHash: analyze(gone!.title, gone!.text).contentHash,
          }),
        ]);
        expect(outcome).toEqual({ status: "tombstoned", id: "id-9" });
      });

      it("keeps a deleted article deleted mid re-index, whichever analyzer hashed its copy", async () => {
        await writeFive();
        const gone = await storage.articles.getArticle("id-1");
        expect(await storage.articles.deleteArticle("id-1", "legal")).toBe(true);
        await step(NEWER, analyze, 2);
        const [outcome] = await storage.articles.writeArticles([
          makeArticleWrite("9", {
            sourceId: gone!.sourceId,
            text: gone!.text,
            contentHash: analyze(gone!.title, gone!.text).contentHash,
          }),
        ]);
        expect(outcome).toEqual({ status: "tombstoned", id: "id-9" });
        expect(await storage.articles.getArticle("id-9")).toBeNull();
      });

      it("resumes after the last committed batch when a batch fails, and loses nothing of the failed one", async () => {
        await writeFive();
        const seen: string[] = [];
        const failOnFour: Analyze = (title, text) => {
          seen.push(title);
          if (title === "title 4" && seen.filter((t) => t === "title 4").length === 1) {
            throw new Error("crash while analyzing");
          }
          return analyze(title, text);
        };
        await step(NEWER, failOnFour, 2);
        await expect(step(NEWER, failOnFour, 2)).rejects.toThrow("crash while analyzing");
        // The failed batch committed nothing: article 3 still has its old terms, and the store is not at the new version.
        expect(await found("old3")).toEqual(["id-3"]);
        expect(await storage.articles.readAnalyzerVersion()).toBe(ANALYZER_VERSION);
        while (!(await step(NEWER, failOnFour, 2)).done) {}
        expect(seen).toEqual(["title 1", "title 2", "title 3", "title 4", "title 3", "title 4", "title 5"]);
        expect(await found("old")).toEqual([]);
        expect(await storage.articles.readAnalyzerVersion()).toBe(NEWER);
      });

      it("leaves a re-index to a newer version under way alone: two versions taking turns would never finish", async () => {
        await writeFive();
        await step(NEWEST, analyze, 2);
        expect(await step(NEWER, analyze, 2)).toEqual({
          reindexed: 0,
          changed: 0,
          done: true,
        });
        let steps = 0;
        while (!(await step(NEWEST, analyze, 2)).done) steps++;
        expect(steps).toBe(2);
        expect(await storage.articles.readAnalyzerVersion()).toBe(NEWEST);
      });

      it("writes no analysis over an article changed or deleted since the batch was read, and reads the changed one again", async () => {
        await writeFive();
        const read = (await storage.articles.readReindexBatch(NEWER, 4))!;
        expect(read.rows.map((r) => r.title)).toEqual(["title 1", "title 2", "title 3", "title 4"]);
        // Meanwhile a writer (the crawler, with the current analyzer) rewrites article 2 and deletes article 3.
        const [rewritten] = await storage.articles.writeArticles([
          makeArticleWrite("2", { title: "fresh 2", index: { title: "fresh2", body: "fresh" } }),
        ]);
        expect(rewritten).toEqual({ status: "updated", id: "id-2" });
        expect(await storage.articles.deleteArticle("id-3", "legal")).toBe(true);
        const batch = await storage.articles.writeReindexBatch(
          read,
          read.rows.map((row) => analyze(row.title, row.text)),
        );
        expect(batch).toEqual({ reindexed: 2, changed: 2, done: false });
        // Article 2 keeps the writer's fields, never those of the title read; article 3 left nothing to find.
        expect(await found("fresh2")).toEqual(["id-2"]);
        expect(await found("newtitle2")).toEqual([]);
        expect(await found("newtitle3")).toEqual([]);
        expect(await found("newtitle4")).toEqual(["id-4"]);
        // The resume point stopped before article 2: the next batch reads it again, with its new title.
        const next = (await storage.articles.readReindexBatch(NEWER, 10))!;
        expect(next.rows.map((r) => r.title)).toEqual(["fresh 2", "title 4", "title 5"]);
        while (!(await step(NEWER, analyze, 10)).done) {}
        expect(await found("newfresh2")).toEqual(["id-2"]);
        expect(await found("old")).toEqual([]);
        expect(await storage.articles.readAnalyzerVersion()).toBe(NEWER);
      });

      it("writes a batch once when two processes read it: the second finds the resume point moved", async () => {
        await writeFive();
        const first = (await storage.articles.readReindexBatch(NEWER, 2))!;
        const second = (await storage.articles.readReindexBatch(NEWER, 2))!;
        const analyses = first.rows.map((row) => analyze(row.title, row.text));
        expect(await storage.articles.writeReindexBatch(first, analyses)).toEqual({
          reindexed: 2,
          changed: 0,
          done: false,
        });
        expect(await storage.articles.writeReindexBatch(second, analyses)).toEqual({
          reindexed: 0,
          changed: 0,
          done: false,
        });
        expect(await storage.articles.countReindexed(NEWER)).toBe(2);
        expect((await storage.articles.readReindexBatch(NEWER, 2))!.rows.map((r) => r.title)).toEqual([
          "title 3",
          "title 4",
        ]);
      });

      it("resumes a batch read but never written (the process stopped while analyzing it) from its first article", async () => {
        await writeFive();
        await step(NEWER, analyze, 2);
        const lost = (await storage.articles.readReindexBatch(NEWER, 2))!;
        const again = (await storage.articles.readReindexBatch(NEWER, 2))!;
        expect(again).toEqual(lost);
        expect(again.rows.map((r) => r.title)).toEqual(["title 3", "title 4"]);
        expect(await storage.articles.countReindexed(NEWER)).toBe(2);
      });

      it("starts over from the first article when a newer version is asked mid-way", async () => {
        await writeFive();
        await step(NEWER, analyze, 2);
        const seen: string[] = [];
        const newest: Analyze = (title, text) => {
          seen.push(title);
          return analyze(title, text);
        };
        while (!(await step(NEWEST, newest, 2)).done) {}
        expect(seen).toEqual(["title 1", "title 2", "title 3", "title 4", "title 5"]);
        expect(await storage.articles.readAnalyzerVersion()).toBe(NEWEST);
      });
    });
  });
}
