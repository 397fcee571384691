import { describe, expect, it } from "vitest";
import { type HtmlElement, parseHtml } from "./parse-html.ts";

/** The tree as "tag(children)" with text in quotes, for comparing shapes. */
function outline(el: HtmlElement): string {
  return el.children
    .map((c) => (c.type === "text" ? JSON.stringify(c.text) : `${c.tag}(${outline(c)})`))
    .join(" ");
}

describe("parseHtml script and style bodies", () => {
  const rows: { html: string; expected: string; why: string }[] = [
    {
      html: '<p>a</p><script>if (x < y) { s = "<p>no</p>"; }</script><p>b</p>',
      expected: 'p("a") script() p("b")',
      why: "markup inside a script body is not parsed",
    },
    {
      html: "<style>p > a { color: red }</style><p>b</p>",
      expected: 'style() p("b")',
      why: "a style body is skipped like a script's",
    },
    {
      html: '<script>var s = "</scripts>"; var t = "</script";</script ><p>b</p>',
      expected: 'script() p("b")',
      why: "only the end tag name followed by space or > closes the body",
    },
    {
      html: "<SCRIPT type=text/javascript>x()</SCRIPT><p>b</p>",
      expected: 'script() p("b")',
      why: "tag names are case-insensitive",
    },
    {
      html: '<!-- <script> --><p>a</p><div title="<script>"><p>b</p></div>',
      expected: 'p("a") div(p("b"))',
      why: "a <script> inside a comment or an attribute value opens nothing",
    },
    {
      html: "<textarea><script>x()</script></textarea><p>b</p>",
      expected: 'textarea() p("b")',
      why: "a <script> inside other raw text opens nothing",
    },
    {
      html: '<script data-x="a>b">x("<p>")</script><p>b</p>',
      expected: 'script() p("b")',
      why: "a > inside a quoted attribute does not end the open tag",
    },
    {
      html: '<svg><script href="a.js"/></svg><p>b</p>',
      expected: 'svg(script()) p("b")',
      why: "a self-closed script in SVG has no body to skip",
    },
    {
      html: "<p>a</p><script>never closed <p>x</p>",
      expected: 'p("a") script()',
      why: "an unclosed script runs to the end of the page",
    },
  ];
  for (const row of rows) {
    it(`parses ${JSON.stringify(row.html).slice(0, 40)}…: ${row.why}`, () => {
      expect(outline(parseHtml(row.html).root)).toBe(row.expected);
    });
  }

  it("still reads JSON-LD script bodies and the title", () => {
    const doc = parseHtml(
      '<head><title>T &amp; U</title><script type="application/ld+json">{"a":"</p>"}</script></head>',
    );
    expect(doc.jsonLd).toEqual(['{"a":"</p>"}']);
    expect(doc.titleText).toBe("T & U");
  });
});
