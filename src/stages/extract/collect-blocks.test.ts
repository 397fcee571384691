import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  collapsedLength,
  collectBlocks,
  hasHidingClass,
  judgeClassName,
  previewText,
} from "./collect-blocks.ts";
import { parseHtml } from "./parse-html.ts";
import { collapse } from "./read-page-metadata.ts";

describe("judgeClassName", () => {
  const rows: { name: string; expected: ReturnType<typeof judgeClassName>; why: string }[] = [
    { name: "article-body", expected: "keep", why: "a protective head word keeps the subtree" },
    {
      name: "comments-area",
      expected: { kind: "comments", trusted: true },
      why: "generic layout words are skipped to find the head word",
    },
    {
      name: "post-related",
      expected: { kind: "related_list", trusted: false },
      why: "the last word decides, not the first",
    },
    {
      name: "topicBodyAndFooter",
      expected: { kind: "navigation", trusted: false },
      why: "camelCase splits; a footer named with the body is left to the prose guard",
    },
    { name: "row-12", expected: "neutral", why: "layout words and numbers say nothing" },
    {
      name: "sidebar",
      expected: { kind: "navigation", trusted: false },
      why: "a single word is its own head",
    },
  ];
  for (const row of rows) {
    it(`judges "${row.name}": ${row.why}`, () => {
      expect(judgeClassName(row.name)).toEqual(row.expected);
    });
  }
});

describe("collectBlocks class and id hints", () => {
  const PROSE = "نص طويل من الخبر يكفي ليكون فقرة حقيقية من المقال ".repeat(8);

  it("prunes every element of a repeated boilerplate class, and keeps a protected one", () => {
    const html = `<div class="share-box"><a href="/x">شارك</a></div><div class="article-body has-share"><p>${PROSE}</p></div><div class="share-box"><a href="/y">تويتر</a></div>`;
    const { blocks, pruned } = collectBlocks(parseHtml(html).root, null);
    expect(blocks.map((b) => b.text)).toEqual([collapse(PROSE)]);
    expect(pruned.map((p) => [p.kind, p.text])).toEqual([
      ["share", "شارك"],
      ["share", "تويتر"],
    ]);
  });

  it("keeps a mislabelled wrapper that holds prose, but not a trusted footer", () => {
    const html = `<div class="sidebar-wrap"><p>${PROSE}</p></div><div class="footer"><p>${PROSE}</p></div>`;
    const { blocks, pruned } = collectBlocks(parseHtml(html).root, null);
    expect(blocks).toHaveLength(1);
    expect(pruned.map((p) => p.kind)).toEqual(["navigation"]);
  });

  it("drops a site's own drop token whatever the prose in it, and only on that site", () => {
    const html = `<div class="post-related"><p>${PROSE}</p></div><p>${PROSE}</p>`;
    expect(collectBlocks(parseHtml(html).root, "pnn.ps").blocks).toHaveLength(1);
    expect(collectBlocks(parseHtml(html).root, "example.com").blocks).toHaveLength(2);
  });
});

describe("collapsedLength", () => {
  it("equals the length of the collapsed text for any mix of white space", () => {
    const alphabet = [
      "a",
      "ب",
      " ",
      "\t",
      "\n",
      "\r",
      "\u00A0",
      "\u2003",
      "\u2028",
      "\u3000",
      "\uFEFF",
      "\u200B",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join("");
        expect(collapsedLength(text)).toBe(collapse(text).length);
      }),
    );
  });
});

describe("previewText", () => {
  it("returns the first characters of the collapsed text, as the whole text would give them", () => {
    const root = parseHtml(`<div>${"<p> كلمة   \n أخرى </p>".repeat(500)}</div>`).root;
    const div = root.children[0]!;
    if (div.type !== "element") throw new Error("expected an element");
    let whole = "";
    for (const p of div.children)
      if (p.type === "element") whole += ` ${collapse((p.children[0] as { text: string }).text)}`;
    expect(previewText(div, 300)).toBe(collapse(whole).slice(0, 300));
    expect(previewText(div, 300)).toHaveLength(300);
  });
});

describe("hasHidingClass", () => {
  const rows: { cls: string; expected: boolean; why: string }[] = [
    { cls: "hide", expected: true, why: "Webflow and Foundation hide with display:none" },
    { cls: "card__body d-none", expected: true, why: "Bootstrap 4-5 display utility" },
    { cls: "hidden md:block", expected: false, why: "Tailwind shows it again from a breakpoint on" },
    { cls: "d-none d-lg-flex", expected: false, why: "Bootstrap shows it again from a breakpoint on" },
    { cls: "hidden-xs", expected: false, why: "Bootstrap 3 hides it on phones only" },
    { cls: "hideout-story", expected: false, why: "only whole class names count" },
  ];
  for (const row of rows) {
    it(`answers ${row.expected} for "${row.cls}": ${row.why}`, () => {
      expect(hasHidingClass(row.cls)).toBe(row.expected);
    });
  }

  it("leaves a class-hidden copy of another story out of the blocks", () => {
    const html = `<p>القصة الأولى كاملة هنا.</p><div class="card"><a href="/b">قصة أخرى</a><div class="hide"><p>نص القصة الأخرى كاملا.</p></div></div>`;
    const { blocks, pruned } = collectBlocks(parseHtml(html).root, null);
    expect(blocks.map((b) => b.text)).toEqual(["القصة الأولى كاملة هنا.", "قصة أخرى"]);
    expect(pruned.map((p) => p.kind)).toEqual(["hidden"]);
  });
});
