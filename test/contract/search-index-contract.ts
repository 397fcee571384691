/**
 * Contract suite for the SearchIndex port, fed through ArticleStore.writeArticles: every adapter runs it unchanged.
 * Test suite factory; `open` must return a fresh, empty Storage each call. Index fields are hand-made tokens.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ARTICLE_TEXT_CHARS_MIN, RANK_CANDIDATES_MAX } from "../../src/adapters/search-policy.ts";
import { isAkhbarError } from "../../src/domain/errors.ts";
import type { SearchQuery, SearchResultRef } from "../../src/domain/search.ts";
import type { Storage } from "../../src/ports/storage.ts";
import { buildIndexFields } from "../../src/stages/arabic/analyze-text.ts";
import { parseQuery } from "../../src/stages/search/parse-query.ts";
import { makeArticleWrite, makeQuery, term } from "./article-fixtures.ts";

/** الحكومة (the government): surface form, and its light stem حكوم. */
const AL_HUKUMA = "\u0627\u0644\u062d\u0643\u0648\u0645\u0629";
const HUKUMA_HA = "\u062d\u0643\u0648\u0645\u062a\u0647\u0627";
const HUKUM = "\u062d\u0643\u0648\u0645";

/** Strings that are FTS5 syntax if not quoted; none may surface as an error. */
const HOSTILE_TOKENS = [
  '"',
  '""',
  'a"b',
  "NEAR",
  "NEAR(a b, 2)",
  "AND",
  "OR",
  "NOT",
  "*",
  "a*",
  "^a",
  "title:a",
  "{title body}:a",
  "surface : x",
  "(",
  ")",
  "+",
  "-a",
  ":",
  "\u0000",
  "'; DROP TABLE articles; --",
  "\u200f\u200e",
  "",
];

export function describeSearchIndexContract(name: string, open: () => Promise<Storage>): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });

    const ids = async (q: Partial<SearchQuery>) =>
      (await storage.search.search(makeQuery(q))).hits.map((h) => h.id);

    it("finds articles containing a term in title or body", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "oil price", body: "markets" } }),
        makeArticleWrite("b", { index: { title: "football", body: "oil fields" } }),
        makeArticleWrite("c", { index: { title: "weather", body: "rain" } }),
      ]);
      const found = await ids({ terms: [term("oil")] });
      expect(found.sort()).toEqual(["id-a", "id-b"]);
    });

    it("requires every term to match", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "oil price", body: "" } }),
        makeArticleWrite("b", { index: { title: "oil", body: "" } }),
      ]);
      expect(await ids({ terms: [term("oil"), term("price")] })).toEqual(["id-a"]);
    });

    it("matches a term through any of its variant stems", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "amrik", body: "" } }),
        makeArticleWrite("b", { index: { title: "amirk", body: "" } }),
        makeArticleWrite("c", { index: { title: "other", body: "" } }),
      ]);
      const found = await ids({ terms: [term("amerika", "amrik", "amirk")] });
      expect(found.sort()).toEqual(["id-a", "id-b"]);
    });

    it("matches a term without a usable stem by its surface form", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "xstem", body: "", surface: "xstem exactform" } }),
        makeArticleWrite("b", { index: { title: "xstem", body: "", surface: "xstem" } }),
      ]);
      const stemless = { display: "exactform", surface: "exactform", stems: ["", "!"] };
      expect(await ids({ terms: [stemless] })).toEqual(["id-a"]);
      expect((await storage.search.search(makeQuery({ terms: [stemless, term("xstem")] }))).total).toBe(1);
    });

    it("ranks the exact surface form above a match through the stem only", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("stem", { index: { title: HUKUM, body: "x y z", surface: `${HUKUMA_HA} x y z` } }),
        makeArticleWrite("exact", { index: { title: HUKUM, body: "x y z", surface: `${AL_HUKUMA} x y z` } }),
      ]);
      expect(await ids({ terms: [term(AL_HUKUMA, HUKUM)] })).toEqual(["id-exact", "id-stem"]);
    });

    it("ranks a title match above a body that repeats the word", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("body", {
          index: {
            title: "unrelated heading here",
            body: "filler oil filler oil filler oil filler oil filler oil",
          },
        }),
        makeArticleWrite("title", {
          index: { title: "oil deal signed", body: "filler filler filler filler" },
        }),
      ]);
      expect(await ids({ terms: [term("oil")] })).toEqual(["id-title", "id-body"]);
    });

    // Dev corpus: a print edition's headline over no text outscored the same headline over the full article
    // (length normalization lifts a ten-token document near every word's ceiling).
    it("ranks an article with text above a headline over no text, on every ranking path", async () => {
      const headline = "oil deal signed";
      await storage.articles.writeArticles([
        makeArticleWrite("full", {
          text: "t".repeat(400),
          index: { title: headline, body: `${"filler ".repeat(30)}oil ${"filler ".repeat(30)}` },
        }),
        makeArticleWrite("headline", { text: "", index: { title: headline, body: "" } }),
        makeArticleWrite("other", { text: "t".repeat(400), index: { title: "x", body: "gas" } }),
      ]);
      for (const variant of [
        {},
        { recency: true },
        { sources: ["alpha"] },
        { foldCopies: true },
        { foldCopies: true, sources: ["alpha"] },
        { foldCopies: true, recency: true },
      ]) {
        const { total, hits } = await storage.search.search(makeQuery({ terms: [term("oil")], ...variant }));
        expect({ variant, total, ids: hits.map((h) => h.id) }).toEqual({
          variant,
          total: 2,
          ids: ["id-full", "id-headline"],
        });
      }
    });

    it.each([
      ["an empty text", "", true],
      [
        "a caption or a line of names, under ARTICLE_TEXT_CHARS_MIN",
        "c".repeat(ARTICLE_TEXT_CHARS_MIN - 1),
        true,
      ],
      [
        "a brief of ARTICLE_TEXT_CHARS_MIN characters is article text",
        "c".repeat(ARTICLE_TEXT_CHARS_MIN),
        false,
      ],
    ])("scales down %s against an equal match with text", async (_why, text, scaled) => {
      // Equal index fields, so equal scores rank the newer (later written) first unless the text decides.
      await storage.articles.writeArticles([
        makeArticleWrite("with-text", { text: "t".repeat(400), index: { title: "oil", body: "" } }),
        makeArticleWrite("short", { text, index: { title: "oil", body: "" } }),
      ]);
      expect(await ids({ terms: [term("oil")] })).toEqual(
        scaled ? ["id-with-text", "id-short"] : ["id-short", "id-with-text"],
      );
    });

    it("matches a phrase only when its words are adjacent and in order", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("adjacent", { index: { title: "", body: "the crown prince visited" } }),
        makeArticleWrite("apart", { index: { title: "", body: "the crown of the prince" } }),
        makeArticleWrite("reversed", { index: { title: "", body: "prince crown" } }),
      ]);
      expect(await ids({ phrases: [[term("crown"), term("prince")]] })).toEqual(["id-adjacent"]);
    });

    it("matches a phrase through variant stems or through the surface forms", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("v1", { index: { title: "", body: "big amrik deal", surface: "big amrika deal" } }),
        makeArticleWrite("v2", { index: { title: "", body: "big amirk deal", surface: "big amirka deal" } }),
        // The title ends with the phrase's first word and the body starts with its second: adjacent only in surface.
        makeArticleWrite("surface", {
          index: { title: "news big", body: "amrik deal", surface: "news al-big al-amerika deal" },
        }),
        makeArticleWrite("apart", {
          index: { title: "big", body: "x amrik", surface: "al-big x al-amerika" },
        }),
      ]);
      const found = await ids({ phrases: [[term("al-big", "big"), term("al-amerika", "amrik", "amirk")]] });
      expect(found.sort()).toEqual(["id-surface", "id-v1", "id-v2"]);
    });

    it("finds a name written in one word or two by either writing, as a word and inside a phrase (analyzer)", async () => {
      // Index fields and queries from the analyzer and the query parser: عبد الله and أبو ظبي key as one word.
      const analyzed = (key: string, title: string, text: string) =>
        makeArticleWrite(key, { title, text, index: buildIndexFields(title, text) });
      await storage.articles.writeArticles([
        analyzed("one", "خادم الحرمين الملك سلمان بن عبدالعزيز يصل أبوظبي", "وصل اليوم."),
        analyzed("two", "وصول", "استقبل الملك سلمان بن عبد العزيز آل سعود وفدا بأبو ظبي."),
        analyzed("apart", "عبد", "قال العزيز إن سلمان بن عبد زار ظبي أبو."),
      ]);
      const found = async (raw: string) =>
        (await storage.search.search(parseQuery(raw, { limit: 20, offset: 0 }))).hits.map((h) => h.id).sort();
      for (const raw of ["عبدالعزيز", "عبد العزيز", "«عبد العزيز»", "أبوظبي", "أبو ظبي", "بأبوظبي"]) {
        expect(await found(raw), raw).toEqual(["id-one", "id-two"]);
      }
      for (const raw of ['"سلمان بن عبدالعزيز"', '"سلمان بن عبد العزيز"', '"الملك سلمان بن عبد العزيز"']) {
        expect(await found(raw), raw).toEqual(["id-one", "id-two"]);
      }
      expect(await found('"عبد العزيز آل سعود"')).toEqual(["id-two"]);
      // A word of the two-word name alone still finds that writing (and the article that holds the word apart).
      expect(await found("ظبي")).toEqual(["id-apart", "id-two"]);
      expect(await found("عبدالعزيز -أبو ظبي")).toEqual([]);
    });

    it("matches a group of alternatives by any one of them, ANDed with the rest of the query", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("phrase", { index: { title: "", body: "the crown prince visited the port" } }),
        makeArticleWrite("word", { index: { title: "heir", body: "visited the port" } }),
        makeArticleWrite("apart", { index: { title: "", body: "the crown of the prince at the port" } }),
        makeArticleWrite("elsewhere", { index: { title: "heir", body: "visited the town" } }),
      ]);
      const anyOf = [[[term("crown"), term("prince")], [term("heir")]]];
      expect((await ids({ anyOf })).sort()).toEqual(["id-elsewhere", "id-phrase", "id-word"]);
      expect((await ids({ anyOf, terms: [term("port")] })).sort()).toEqual(["id-phrase", "id-word"]);
      expect(await ids({ anyOf, excluded: [term("visited")] })).toEqual([]);
    });

    it("parses and finds entity forms OR'ed as a chip links them (analyzer)", async () => {
      const analyzed = (key: string, title: string, text: string) =>
        makeArticleWrite(key, { title, text, index: buildIndexFields(title, text) });
      await storage.articles.writeArticles([
        analyzed("full", "بيان", "أعلنت وزارة الداخلية السعودية اليوم."),
        analyzed("short", "بيان", "قالت وزارة الداخلية إن الحادث وقع أمس."),
        analyzed("other", "بيان", "قال وزير الخارجية عادل الجبير."),
        analyzed("neither", "بيان", "أعلنت الوزارة عن الداخلية."),
      ]);
      const found = async (raw: string) =>
        (await storage.search.search(parseQuery(raw, { limit: 20, offset: 0 }))).hits.map((h) => h.id).sort();
      expect(await found('"وزارة الداخلية السعودية"')).toEqual(["id-full"]);
      expect(await found('"وزارة الداخلية السعودية" OR "عادل الجبير"')).toEqual(["id-full", "id-other"]);
      expect(await found('"عادل الجبير" OR "وزارة الداخلية"')).toEqual(["id-full", "id-other", "id-short"]);
    });

    it("leaves out articles that contain an excluded term", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "oil", body: "price" } }),
        makeArticleWrite("b", { index: { title: "oil", body: "sport" } }),
      ]);
      expect(await ids({ terms: [term("oil")], excluded: [term("sport")] })).toEqual(["id-a"]);
    });

    it("browses the newest articles when a query has filters but no terms", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("old", { publishedAt: "2015-07-01T00:00:00Z" }),
        makeArticleWrite("new", { publishedAt: "2015-08-01T00:00:00Z" }),
        makeArticleWrite("other", { sourceId: "beta", publishedAt: "2015-08-02T00:00:00Z" }),
      ]);
      const result = await storage.search.search(makeQuery({ sources: ["alpha"] }));
      expect(result.total).toBe(2);
      expect(result.hits.map((h) => h.id)).toEqual(["id-new", "id-old"]);
    });

    it("applies exclusions while browsing without terms", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "sport", body: "" } }),
        makeArticleWrite("b", { index: { title: "politics", body: "" } }),
      ]);
      expect(await ids({ excluded: [term("sport")] })).toEqual(["id-b"]);
    });

    it("restricts results to the given sources", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { sourceId: "okaz", index: { title: "oil", body: "" } }),
        makeArticleWrite("b", { sourceId: "sabq", index: { title: "oil", body: "" } }),
        makeArticleWrite("c", { sourceId: "aawsat", index: { title: "oil", body: "" } }),
      ]);
      const found = await ids({ terms: [term("oil")], sources: ["okaz", "aawsat"] });
      expect(found.sort()).toEqual(["id-a", "id-c"]);
    });

    it("filters by time with an inclusive from and an exclusive to, on published else fetched time", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("jul20", { publishedAt: "2015-07-20T12:00:00Z", index: { title: "oil", body: "" } }),
        makeArticleWrite("jul21", { publishedAt: "2015-07-21T00:00:00Z", index: { title: "oil", body: "" } }),
        makeArticleWrite("fetched22", {
          publishedAt: null,
          fetchedAt: "2015-07-22T08:00:00",
          index: { title: "oil", body: "" },
        }),
        makeArticleWrite("jul23", { publishedAt: "2015-07-23T00:00:00Z", index: { title: "oil", body: "" } }),
      ]);
      const found = await ids({ terms: [term("oil")], from: "2015-07-21", to: "2015-07-23T00:00:00Z" });
      expect(found.sort()).toEqual(["id-fetched22", "id-jul21"]);
    });

    it("counts matches per source, as a one-source search's total, ignoring the source filter", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a1", { sourceId: "alpha", index: { title: "oil", body: "price" } }),
        makeArticleWrite("a2", { sourceId: "alpha", index: { title: "oil", body: "sport" } }),
        makeArticleWrite("b1", {
          sourceId: "beta",
          publishedAt: "2015-01-01T00:00:00Z",
          index: { title: "oil", body: "price" },
        }),
        makeArticleWrite("c1", { sourceId: "gamma", index: { title: "rain", body: "" } }),
      ]);
      const oil = makeQuery({ terms: [term("oil")], sources: ["gamma"] });
      expect(Object.fromEntries(await storage.search.countBySource(oil))).toEqual({ alpha: 2, beta: 1 });
      const withoutSport = makeQuery({ terms: [term("oil")], excluded: [term("sport")] });
      expect(Object.fromEntries(await storage.search.countBySource(withoutSport))).toEqual({
        alpha: 1,
        beta: 1,
      });
      const since = makeQuery({ terms: [term("oil")], from: "2015-06-01T00:00:00Z" });
      expect(Object.fromEntries(await storage.search.countBySource(since))).toEqual({ alpha: 2 });
      const browse = makeQuery({ excluded: [term("oil")] });
      expect(Object.fromEntries(await storage.search.countBySource(browse))).toEqual({ gamma: 1 });
      for (const [source, n] of await storage.search.countBySource(oil)) {
        expect((await storage.search.search({ ...oil, sources: [source] })).total).toBe(n);
      }
    });

    it("pages through results and reports the total of all matches", async () => {
      await storage.articles.writeArticles(
        Array.from({ length: 25 }, (_, i) =>
          makeArticleWrite(`p${i}`, { index: { title: "oil", body: `w${i}` } }),
        ),
      );
      const page1 = await storage.search.search(makeQuery({ terms: [term("oil")], limit: 10, offset: 0 }));
      const page3 = await storage.search.search(makeQuery({ terms: [term("oil")], limit: 10, offset: 20 }));
      const beyond = await storage.search.search(makeQuery({ terms: [term("oil")], limit: 10, offset: 40 }));
      expect(page1.total).toBe(25);
      expect(page1.hits).toHaveLength(10);
      expect(page3.hits).toHaveLength(5);
      expect(beyond).toEqual({ total: 25, hits: [] });
      const all = [];
      for (let offset = 0; offset < 25; offset += 10) {
        all.push(...(await ids({ terms: [term("oil")], limit: 10, offset })));
      }
      expect(new Set(all).size).toBe(25);
    });

    it("pages through more matches than any ranking window meets each exactly once, newest window first", async () => {
      // More than RANK_CANDIDATES_MAX (the largest window an adapter ranks for a broad query).
      const count = RANK_CANDIDATES_MAX + 60;
      const writes = Array.from({ length: count }, (_, i) =>
        makeArticleWrite(`w${i}`, {
          index: { title: `common t${i}`, body: i % 3 === 0 ? "common common" : "other" },
        }),
      );
      for (let i = 0; i < writes.length; i += 500)
        await storage.articles.writeArticles(writes.slice(i, i + 500));
      const seen: string[] = [];
      for (let offset = 0; offset < count; offset += 700) {
        const query = makeQuery({ terms: [term("common")], limit: 700, offset });
        const page = await storage.search.search(query);
        expect(page.total).toBe(count);
        seen.push(...page.hits.map((h) => h.id));
      }
      expect(seen).toHaveLength(count);
      expect(new Set(seen).size).toBe(count);
      // The newest article is inside every adapter's window, the oldest outside it: window first.
      expect(seen.indexOf(`id-w${count - 1}`)).toBeLessThan(seen.indexOf("id-w0"));
    }, 60_000);

    /**
     * A store of copy groups for the folding cases: `count` articles matching "common" (more than any ranking window),
     * in three sources, scores varied by how often the body repeats the word, published an hour apart; most in groups
     * of 2-4 members whose seqs lie far apart (so a group straddles the window), some alone, some never placed, and
     * every group with one member that does not match. Returns each article's group key (its own id when alone).
     */
    async function writeCopyGroups(count: number): Promise<Map<string, string>> {
      const groupOf = new Map<string, string>();
      const writes = [];
      const members = new Map<string, string[]>();
      for (let i = 0; i < count; i++) {
        const id = `id-c${i}`;
        const key = i % 7 === 0 ? id : `g${i % 190}`;
        if (!members.has(key)) members.set(key, []);
        members.get(key)!.push(id);
        writes.push(
          makeArticleWrite(`c${i}`, {
            sourceId: ["alpha", "beta", "gamma"][i % 3]!,
            publishedAt: new Date(Date.UTC(2015, 6, 1) + i * 3_600_000).toISOString(),
            index: { title: `common t${i}`, body: `${"common ".repeat(i % 5)}w${i}` },
          }),
        );
      }
      // A member of each group that the query does not match: never listed, not even as a copy.
      for (const [key, ids] of members) {
        if (ids.length > 1) {
          writes.push(makeArticleWrite(`x${key}`, { index: { title: "rain", body: "" } }));
          ids.push(`id-x${key}`);
        }
      }
      for (let i = 0; i < writes.length; i += 500)
        await storage.articles.writeArticles(writes.slice(i, i + 500));
      const placements = [];
      for (const ids of members.values()) {
        // Some articles are never placed (a crash before their placement): each is a hit of its own.
        const placed = ids.filter((id) => !/^id-c\d*3$/.test(id));
        for (const id of placed) {
          placements.push({
            articleId: id,
            storyId: placed[0]!,
            groupId: placed[0]!,
            duplicateOf: id === placed[0] ? null : placed[0]!,
            shingles: Uint32Array.from([1]),
            signature: new Uint32Array(128),
          });
        }
        for (const id of ids) groupOf.set(id, placed.includes(id) ? placed[0]! : id);
      }
      await storage.stories!.writePlacements({
        placements,
        groupMerges: [],
        groupOriginals: [],
        merges: [],
        headlines: [],
      });
      return groupOf;
    }

    /** Every article hit of `query` unfolded, in rank order, from pages past any ranking window. */
    async function unfoldedRanking(query: SearchQuery): Promise<string[]> {
      const out: string[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await storage.search.search({ ...query, limit: 1000, offset, foldCopies: false });
        out.push(...page.hits.map((h) => h.id));
        if (page.hits.length < 1000) return out;
      }
    }

    it("pages through copy groups: every group once, each page full but the last, in the articles' rank order", async () => {
      if (storage.stories === undefined) return;
      const count = RANK_CANDIDATES_MAX + 200;
      const groupOf = await writeCopyGroups(count);
      const timeOrder = (id: string) => Number(id.slice(4));
      const cases: [string, Partial<SearchQuery>][] = [
        ["a broad query (ranking window, then past it)", { terms: [term("common")] }],
        ["a broad query with recency", { terms: [term("common")], recency: true }],
        ["a broad query newest first", { terms: [term("common")], sort: "date" }],
        ["a filtered query newest first", { terms: [term("common")], sources: ["beta"], sort: "date" }],
        ["a query filtered to two sources", { terms: [term("common")], sources: ["alpha", "beta"] }],
        ["browsing one source", { sources: ["beta"] }],
        ["browsing with an exclusion", { excluded: [term("rain")], from: "2015-07-05T00:00:00Z" }],
      ];
      for (const [name, q] of cases) {
        // Expected: the unfolded ranking, each group where its best match ranks, its other matches as copies.
        const ranking = await unfoldedRanking(makeQuery(q));
        const expected = new Map<string, string[]>();
        for (const id of ranking) {
          const key = groupOf.get(id)!;
          if (!expected.has(key)) expected.set(key, []);
          expected.get(key)!.push(id);
        }
        const limit = 37;
        const seen: SearchResultRef[] = [];
        for (let offset = 0; ; offset += limit) {
          const page = await storage.search.search(makeQuery({ ...q, limit, offset, foldCopies: true }));
          expect(page.total, name).toBe(expected.size);
          if (offset + limit <= expected.size) expect(page.hits, name).toHaveLength(limit);
          seen.push(...page.hits);
          if (page.hits.length < limit) break;
        }
        expect(seen.length, name).toBe(expected.size);
        expect(
          seen.map((h) => h.id),
          name,
        ).toEqual([...expected.values()].map((ids) => ids[0]));
        for (const hit of seen) {
          const others = expected.get(groupOf.get(hit.id)!)!.slice(1);
          expect(hit.copies, `${name}: copies of ${hit.id}`).toEqual(
            others.sort((a, b) => timeOrder(a) - timeOrder(b)),
          );
        }
      }
    }, 120_000);

    it("folds by the copy groups as they are now: after a merge, a move and a deletion", async () => {
      if (storage.stories === undefined) return;
      await storage.articles.writeArticles(
        ["a", "b", "c", "d", "e"].map((k) => makeArticleWrite(k, { index: { title: "oil", body: k } })),
      );
      const place = (id: string, group: string) => ({
        articleId: `id-${id}`,
        storyId: `id-${group}`,
        groupId: `id-${group}`,
        duplicateOf: id === group ? null : `id-${group}`,
        shingles: Uint32Array.from([1]),
        signature: new Uint32Array(128),
      });
      const none = { groupMerges: [], groupOriginals: [], merges: [], headlines: [] };
      const groups = async () =>
        (await storage.search.search(makeQuery({ terms: [term("oil")], limit: 10, foldCopies: true }))).hits
          .map((h) => [h.id, ...(h.copies ?? [])].sort().join(" "))
          .sort();
      await storage.stories.writePlacements({
        ...none,
        placements: [place("a", "a"), place("b", "a"), place("c", "c"), place("d", "c"), place("e", "e")],
      });
      expect(await groups()).toEqual(["id-a id-b", "id-c id-d", "id-e"]);
      await storage.stories.writePlacements({
        ...none,
        placements: [],
        groupMerges: [{ fromId: "id-c", intoId: "id-a" }],
      });
      expect(await groups()).toEqual(["id-a id-b id-c id-d", "id-e"]);
      // Placed again in another group (a recluster), then one member deleted.
      await storage.stories.writePlacements({ ...none, placements: [place("d", "e")] });
      expect(await groups()).toEqual(["id-a id-b id-c", "id-d id-e"]);
      await storage.articles.deleteArticle("id-e", "test");
      expect(await groups()).toEqual(["id-a id-b id-c", "id-d"]);
    });

    it("counts copy groups per source when folding, as a one-source folded search's total", async () => {
      if (storage.stories === undefined) return;
      await writeCopyGroups(120);
      for (const q of [makeQuery({ terms: [term("common")] }), makeQuery({ excluded: [term("rain")] })]) {
        const folded = { ...q, foldCopies: true };
        const counts = await storage.search.countBySource(folded);
        expect([...counts.keys()].sort()).toEqual(["alpha", "beta", "gamma"]);
        for (const [source, n] of counts) {
          expect((await storage.search.search({ ...folded, sources: [source] })).total).toBe(n);
          expect(n).toBeLessThanOrEqual((await storage.search.countBySource(q)).get(source)!);
        }
      }
    });

    /** Every time the fixtures use (their default fetchedAt is 2015-07-21). */
    const ALL_TIME = { fromMs: 0, toMs: Date.parse("2100-01-01T00:00:00Z") };
    const neighbourIds = async (terms: string[], window = ALL_TIME, limit = 10) =>
      (
        await storage.search.searchNeighbours(
          terms.map((t) => term(t)),
          window,
          limit,
        )
      ).map((h) => h.id);

    it("finds a word's neighbours among its search matches, best first and at most the limit asked", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "oil oil", body: "" } }),
        makeArticleWrite("b", { index: { title: "x", body: "oil and many other words here" } }),
        makeArticleWrite("c", { index: { title: "gas", body: "prices" } }),
        makeArticleWrite("d", { index: { title: "y", body: "z", surface: "naft" } }),
      ]);
      const oil = await storage.search.searchNeighbours([term("oil")], ALL_TIME, 5);
      expect(oil.map((h) => h.id)).toEqual(["id-a", "id-b"]);
      expect(oil[0]?.score).toBeGreaterThan(oil[1]?.score ?? Number.POSITIVE_INFINITY);
      expect(await neighbourIds(["oil"], ALL_TIME, 1)).toEqual(["id-a"]);
      // A word without stems is looked for by its surface form, as search does.
      const naft = { display: "naft", surface: "naft", stems: [] };
      expect((await storage.search.searchNeighbours([naft], ALL_TIME, 5)).map((h) => h.id)).toEqual(["id-d"]);
      expect(await neighbourIds(["oil"], ALL_TIME, 0)).toEqual([]);
      expect(await neighbourIds(['"'], ALL_TIME, 5)).toEqual([]);
      expect(await neighbourIds([], ALL_TIME, 5)).toEqual([]);
    });

    it("finds articles holding any of the words, those holding more of them first", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("oil", { index: { title: "oil", body: "one two three" } }),
        makeArticleWrite("both", { index: { title: "oil gas", body: "one two" } }),
        makeArticleWrite("gas", { index: { title: "gas", body: "one two three" } }),
        makeArticleWrite("none", { index: { title: "coal", body: "one two three" } }),
      ]);
      const found = await neighbourIds(["oil", "gas", '"']);
      expect(found[0]).toBe("id-both");
      expect([...found].sort()).toEqual(["id-both", "id-gas", "id-oil"]);
    });

    it("finds an old article's in-window neighbour even when many newer articles share the word", async () => {
      // More newer matches than any ranking window (RANK_CANDIDATES_MAX), each scoring higher than the old one.
      await storage.articles.writeArticles([
        makeArticleWrite("old", {
          publishedAt: "2015-07-01T12:00:00Z",
          index: { title: "oil", body: "a b c d" },
        }),
      ]);
      const newer = Array.from({ length: RANK_CANDIDATES_MAX + 5 }, (_, i) =>
        makeArticleWrite(`new${i}`, {
          publishedAt: "2015-08-01T12:00:00Z",
          index: { title: "oil oil", body: "" },
        }),
      );
      for (let i = 0; i < newer.length; i += 500)
        await storage.articles.writeArticles(newer.slice(i, i + 500));
      const july = { fromMs: Date.parse("2015-06-28T12:00:00Z"), toMs: Date.parse("2015-07-04T12:00:00Z") };
      expect(await neighbourIds(["oil"], july)).toEqual(["id-old"]);
      expect(await neighbourIds(["oil"], ALL_TIME, 3)).not.toContain("id-old");
    }, 60_000);

    it("keeps exactly the window's articles, both ends included, whatever order they were stored in", async () => {
      const at = (key: string, iso: string) =>
        makeArticleWrite(key, { publishedAt: iso, index: { title: "oil", body: key } });
      // Stored out of time order, so the window's articles are not one run of arrival order.
      await storage.articles.writeArticles([
        at("late", "2015-07-10T00:00:00.001Z"),
        at("start", "2015-07-05T00:00:00.000Z"),
        at("early", "2015-07-04T23:59:59.999Z"),
        at("end", "2015-07-10T00:00:00.000Z"),
        at("mid", "2015-07-07T00:00:00.000Z"),
      ]);
      const window = { fromMs: Date.parse("2015-07-05T00:00:00Z"), toMs: Date.parse("2015-07-10T00:00:00Z") };
      expect((await neighbourIds(["oil"], window)).sort()).toEqual(["id-end", "id-mid", "id-start"]);
      expect(await neighbourIds(["oil"], { fromMs: window.toMs, toMs: window.fromMs })).toEqual([]);
      expect(await neighbourIds(["oil"], { fromMs: 0, toMs: 1000 })).toEqual([]);
    });

    it("keeps the best in-window neighbours when stored among them are better matches outside the window", async () => {
      const at = (key: string, iso: string, title: string, body: string) =>
        makeArticleWrite(key, { publishedAt: iso, index: { title, body } });
      // Late arrivals from other weeks, stored between the window's articles and each a better match than any of them:
      // the window's first hits come only after all of these in rank order.
      const others = Array.from({ length: 8 }, (_, i) =>
        at(`other${i}`, "2015-08-20T00:00:00Z", "oil oil", ""),
      );
      await storage.articles.writeArticles([
        at("best", "2015-07-06T00:00:00Z", "oil", "oil a"),
        ...others,
        at("mid", "2015-07-07T00:00:00Z", "oil", "a b c"),
        at("low", "2015-07-08T00:00:00Z", "x", "oil a b c d e f g"),
      ]);
      const window = { fromMs: Date.parse("2015-07-05T00:00:00Z"), toMs: Date.parse("2015-07-10T00:00:00Z") };
      expect(await neighbourIds(["oil"], window, 2)).toEqual(["id-best", "id-mid"]);
      expect(await neighbourIds(["oil"], window, 5)).toEqual(["id-best", "id-mid", "id-low"]);
      expect((await neighbourIds(["oil"], ALL_TIME, 2)).every((id) => id.startsWith("id-other"))).toBe(true);
    });

    it("returns scores where higher is better, in descending order", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "oil oil", body: "" } }),
        makeArticleWrite("b", { index: { title: "x", body: "oil and many other words here" } }),
      ]);
      const { hits } = await storage.search.search(makeQuery({ terms: [term("oil")] }));
      expect(hits.map((h) => h.id)).toEqual(["id-a", "id-b"]);
      expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Number.POSITIVE_INFINITY);
    });

    it("lets recency lift a fresh article above an equally relevant old one", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("old", {
          publishedAt: "2015-07-01T00:00:00Z",
          index: { title: "oil", body: "a b c d" },
        }),
        makeArticleWrite("fresh", {
          publishedAt: "2015-08-01T00:00:00Z",
          index: { title: "oil", body: "a b c d e f g h" },
        }),
      ]);
      expect(await ids({ terms: [term("oil")], recency: false })).toEqual(["id-old", "id-fresh"]);
      expect(await ids({ terms: [term("oil")], recency: true })).toEqual(["id-fresh", "id-old"]);
    });

    it("lists every match newest first with sort date, whatever its relevance, and pages through them once", async () => {
      // Written out of time order, two at one instant (arrival breaks the tie, later first), relevance against time.
      const at = (key: string, day: string, title: string) =>
        makeArticleWrite(key, { publishedAt: `2015-07-${day}T00:00:00Z`, index: { title, body: "x" } });
      await storage.articles.writeArticles([
        at("mid", "10", "oil oil oil"),
        at("old", "01", "oil"),
        at("new", "20", "oil gas"),
        at("tie1", "15", "oil"),
        at("tie2", "15", "oil"),
        at("sport", "25", "oil sport"),
        at("none", "30", "gas"),
      ]);
      const newest = ["id-sport", "id-new", "id-tie2", "id-tie1", "id-mid", "id-old"];
      const all = await storage.search.search(makeQuery({ terms: [term("oil")], sort: "date" }));
      expect(all.total).toBe(6);
      expect(all.hits.map((h) => h.id)).toEqual(newest);
      expect(all.hits[0]!.score).toBeGreaterThan(all.hits[5]!.score);
      expect(await ids({ terms: [term("oil")] })).not.toEqual(newest);
      for (const foldCopies of [false, true]) {
        const paged: string[] = [];
        for (let offset = 0; offset < 6; offset += 4) {
          const page = await storage.search.search(
            makeQuery({ terms: [term("oil")], sort: "date", limit: 4, offset, foldCopies }),
          );
          expect(page.total).toBe(6);
          paged.push(...page.hits.map((h) => h.id));
        }
        expect(paged, `foldCopies ${foldCopies}`).toEqual(newest);
      }
      // Exclusions, time bounds and sources hold; recency changes nothing.
      const q = { terms: [term("oil")], excluded: [term("sport")], sort: "date" as const };
      expect(await ids({ ...q, recency: true })).toEqual(newest.slice(1));
      expect(await ids({ ...q, from: "2015-07-12T00:00:00Z", to: "2015-07-16T00:00:00Z" })).toEqual([
        "id-tie2",
        "id-tie1",
      ]);
      expect(await ids({ ...q, sources: ["beta"] })).toEqual([]);
      // A word of few matches in the store (SQLite joins and sorts them rather than walking the time index).
      for (const foldCopies of [false, true])
        expect(await ids({ terms: [term("gas")], sort: "date", foldCopies })).toEqual(["id-none", "id-new"]);
    });

    it("finds either alternative of an OR group, words or phrases, with the other terms and exclusions still holding", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("us", { index: { title: "america talks", body: "x" } }),
        makeArticleWrite("ru", { index: { title: "russia talks", body: "x" } }),
        makeArticleWrite("both", { index: { title: "america russia talks", body: "x" } }),
        makeArticleWrite("cn", { index: { title: "china talks", body: "x" } }),
        makeArticleWrite("apart", { index: { title: "oil talks", body: "news of the price" } }),
        makeArticleWrite("phrase", { index: { title: "talks", body: "oil price up" } }),
        makeArticleWrite("sport", { index: { title: "russia sport", body: "x" } }),
      ]);
      const sorted = async (q: Partial<SearchQuery>) => (await ids(q)).sort();
      const usOrRu = [[term("america")], [term("russia")]];
      expect(await sorted({ anyOf: [usOrRu] })).toEqual(["id-both", "id-ru", "id-sport", "id-us"]);
      expect(await sorted({ terms: [term("talks")], anyOf: [usOrRu] })).toEqual([
        "id-both",
        "id-ru",
        "id-us",
      ]);
      expect(await sorted({ anyOf: [usOrRu], excluded: [term("sport")] })).toEqual([
        "id-both",
        "id-ru",
        "id-us",
      ]);
      // A phrase alternative keeps its words adjacent.
      const phraseOrChina = [[term("oil"), term("price")], [term("china")]];
      expect(await sorted({ anyOf: [phraseOrChina] })).toEqual(["id-cn", "id-phrase"]);
      // Two groups: one of each.
      expect(await sorted({ anyOf: [usOrRu, [[term("sport")], [term("china")]]] })).toEqual(["id-sport"]);
      // The title boost holds when the title holds an alternative: a title hit ranks above a body-only one.
      await storage.articles.writeArticles([
        makeArticleWrite("body", { index: { title: "talks", body: "china china china" } }),
      ]);
      expect((await ids({ anyOf: [[[term("china")], [term("nothing")]]] }))[0]).toBe("id-cn");
      // Counted alike per source and when folding; sorted newest first as any query.
      expect(Object.fromEntries(await storage.search.countBySource(makeQuery({ anyOf: [usOrRu] })))).toEqual({
        alpha: 4,
      });
      expect((await storage.search.search(makeQuery({ anyOf: [usOrRu], foldCopies: true }))).total).toBe(4);
      expect((await storage.search.search(makeQuery({ anyOf: [usOrRu], sort: "date" }))).total).toBe(4);
    });

    it("ranks an article whose words stand close together above one naming them far apart", async () => {
      const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");
      await storage.articles.writeArticles([
        // Written first, the shorter far-apart article would win the tie-break and bm25's length term.
        makeArticleWrite("apart", { index: { title: "news", body: `crown ${filler(30)} prince` } }),
        makeArticleWrite("near", { index: { title: "news", body: `x prince w1 crown ${filler(30)} y w2` } }),
        makeArticleWrite("split", { index: { title: "crown", body: `prince ${filler(30)}` } }),
      ]);
      const ranked = await ids({ terms: [term("crown"), term("prince")] });
      expect(ranked[0]).toBe("id-near");
      // Within the window in any order; a word in the title and one in the body are not near each other.
      expect(ranked.indexOf("id-near")).toBeLessThan(ranked.indexOf("id-apart"));
      const near = await storage.search.search(makeQuery({ terms: [term("crown"), term("prince")] }));
      const apart = near.hits.find((h) => h.id === "id-apart")!.score;
      // Three words: side by side, in any order (the window spans PROXIMITY_GAP_TOKENS + 1 positions).
      await storage.articles.writeArticles([
        makeArticleWrite("three", {
          index: { title: "news", body: `king ${filler(30)} crown prince ${filler(3)}` },
        }),
        makeArticleWrite("three-near", { index: { title: "news", body: `prince crown king ${filler(34)}` } }),
      ]);
      expect((await ids({ terms: [term("crown"), term("prince"), term("king")] }))[0]).toBe("id-three-near");
      expect(near.hits.find((h) => h.id === "id-near")!.score).toBeGreaterThan(apart);
    });

    it("no longer finds a deleted article", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "oil", body: "" } }),
        makeArticleWrite("b", { index: { title: "oil", body: "" } }),
      ]);
      await storage.articles.deleteArticle("id-a", "x");
      const result = await storage.search.search(makeQuery({ terms: [term("oil")] }));
      expect(result).toMatchObject({ total: 1, hits: [{ id: "id-b" }] });
    });

    it("searches the new index fields after an update, not the old ones", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a", { index: { title: "before", body: "" } })]);
      await storage.articles.writeArticles([makeArticleWrite("a", { index: { title: "after", body: "" } })]);
      expect(await ids({ terms: [term("before")] })).toEqual([]);
      expect(await ids({ terms: [term("after")] })).toEqual(["id-a"]);
    });

    it("indexes the last version of an article written twice in one batch, once", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "before", body: "" } }),
        makeArticleWrite("b", { index: { title: "other", body: "" } }),
        makeArticleWrite("a", { index: { title: "after", body: "" } }),
      ]);
      expect(await ids({ terms: [term("before")] })).toEqual([]);
      expect(await storage.search.search(makeQuery({ terms: [term("after")] }))).toMatchObject({
        total: 1,
        hits: [{ id: "id-a" }],
      });
      expect(await ids({ terms: [term("other")] })).toEqual(["id-b"]);
    });

    it("never throws on tokens that are FTS5 syntax, and treats them as plain text", async () => {
      await storage.articles.writeArticles([
        makeArticleWrite("a", { index: { title: "near and or not title a", body: "b" } }),
      ]);
      for (const token of HOSTILE_TOKENS) {
        const t = { display: token, surface: token, stems: [token] };
        await storage.search.search(makeQuery({ terms: [t] }));
        await storage.search.search(makeQuery({ terms: [term("b")], excluded: [t] }));
        await storage.search.search(makeQuery({ phrases: [[t, term("b"), t]] }));
      }
      expect(await ids({ terms: [term("NEAR")] })).toEqual(["id-a"]);
      expect(await ids({ terms: [term("title:a")] })).toEqual(["id-a"]);
    });

    it("ignores a term with no searchable characters instead of matching nothing", async () => {
      await storage.articles.writeArticles([makeArticleWrite("a", { index: { title: "oil", body: "" } })]);
      expect(await ids({ terms: [term("oil"), term("!!!")] })).toEqual(["id-a"]);
    });

    it("rejects a negative limit or an unparseable date with search.bad_query", async () => {
      for (const q of [
        makeQuery({ limit: -1 }),
        makeQuery({ offset: 1.5 }),
        makeQuery({ from: "last week" }),
      ]) {
        let caught: unknown;
        try {
          await storage.search.search(q);
        } catch (err) {
          caught = err;
        }
        expect(isAkhbarError(caught, "search.bad_query")).toBe(true);
      }
    });
  });
}
