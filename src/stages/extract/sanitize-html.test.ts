import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type HtmlElement, parseHtml, walkHtml } from "./parse-html.ts";
import { sanitizeHtml, sanitizeTree } from "./sanitize-html.ts";

function countElements(html: string): number {
  let n = 0;
  walkHtml(parseHtml(html).root, (node) => {
    if (node.type === "element") n++;
    return true;
  });
  return n;
}

/** Audit oracle of notes/reliability.md D: forbidden elements, handlers and URL schemes. */
function auditFailures(html: string): string[] {
  const failures: string[] = [];
  const forbidden = new Set([
    "script",
    "style",
    "link",
    "meta",
    "base",
    "object",
    "embed",
    "applet",
    "frame",
    "frameset",
    "form",
    "input",
    "button",
    "iframe",
  ]);
  walkHtml(parseHtml(html).root, (node) => {
    if (node.type === "text") return true;
    if (forbidden.has(node.tag)) failures.push(`element ${node.tag}`);
    for (const [name, value] of Object.entries(node.attrs)) {
      if (name.startsWith("on") || name === "srcdoc") failures.push(`attribute ${name}`);
      if (
        ["href", "src", "cite", "action", "formaction", "poster", "background", "xlink:href"].includes(name)
      ) {
        const cleaned = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
        if (/^(?:javascript|data|vbscript):/.test(cleaned)) failures.push(`url ${value}`);
      }
    }
    return true;
  });
  return failures;
}

describe("sanitizeHtml", () => {
  const payloads: { name: string; input: string; expected?: string }[] = [
    {
      name: "drops a script with its content",
      input: "<p>نص<script>alert(1)</script></p>",
      expected: "<p>نص</p>",
    },
    { name: "drops event handlers", input: '<p onclick="x()">نص</p>', expected: "<p>نص</p>" },
    { name: "drops javascript: links", input: '<a href="javascript:alert(1)">x</a>', expected: "<a>x</a>" },
    { name: "drops obfuscated javascript: links", input: '<a href="java\tscript:alert(1)">x</a>' },
    { name: "drops control-prefixed javascript: links", input: '<a href="\u0001javascript:alert(1)">x</a>' },
    { name: "drops data: images", input: '<img src="data:text/html;base64,PHNjcmlwdD4=">' },
    {
      name: "keeps dir and lang for Arabic text",
      input: '<div dir="rtl" lang="ar"><p>مرحبا</p></div>',
      expected: '<div dir="rtl" lang="ar"><p>مرحبا</p></div>',
    },
    { name: "drops an invalid dir value", input: '<p dir="evil">x</p>', expected: "<p>x</p>" },
    {
      name: "adds noopener to links",
      input: '<a href="https://example.com/">x</a>',
      expected: '<a href="https://example.com/" rel="noopener noreferrer">x</a>',
    },
    {
      name: "drops iframes with their content",
      input: '<iframe src="https://evil.test/"><p>x</p></iframe><p>y</p>',
      expected: "<p>y</p>",
    },
    {
      name: "drops styles and style attributes",
      input: '<style>p{}</style><p style="background:url(javascript:x)">y</p>',
      expected: "<p>y</p>",
    },
    {
      name: "drops forms and inputs",
      input: '<form action="javascript:x"><input value="a"><p>y</p></form>',
      expected: "",
    },
    {
      name: "survives svg and math nesting tricks",
      input: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    },
    {
      name: "survives noscript attribute tricks",
      input: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    },
    {
      name: "unwraps unknown elements but keeps their text",
      input: "<custom-el><b>نص</b></custom-el>",
      expected: "<b>نص</b>",
    },
  ];
  for (const p of payloads) {
    it(p.name, () => {
      const out = sanitizeHtml(p.input);
      if (p.expected !== undefined) expect(out).toBe(p.expected);
      expect(auditFailures(out)).toEqual([]);
    });
  }

  it("survives 300-deep nesting", () => {
    const out = sanitizeHtml(`${"<div>".repeat(300)}x${"</div>".repeat(300)}`);
    expect(out).toContain("x");
    expect(auditFailures(out)).toEqual([]);
  });

  const tag = fc.constantFrom(
    "p",
    "div",
    "a",
    "img",
    "script",
    "style",
    "svg",
    "math",
    "template",
    "noscript",
    "iframe",
    "b",
    "li",
    "form",
    "h2",
  );
  const attr = fc.constantFrom(
    ' href="javascript:x"',
    ' onclick="x"',
    ' dir="rtl"',
    ' src="https://a/"',
    ' lang="ar"',
    "",
    ' style="x"',
  );
  const text = fc.constantFrom("نص", "text", "&amp;", "<!-- c -->", "&lt;script&gt;", " ");
  const fragment = fc
    .array(
      fc.oneof(
        fc.tuple(tag, attr).map(([t, a]) => `<${t}${a}>`),
        tag.map((t) => `</${t}>`),
        text,
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(""));

  it("never adds elements, passes the audit and is idempotent on random HTML", () => {
    fc.assert(
      fc.property(fragment, (html) => {
        const once = sanitizeHtml(html);
        expect(countElements(once)).toBeLessThanOrEqual(countElements(html));
        expect(auditFailures(once)).toEqual([]);
        expect(sanitizeHtml(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe("sanitizeTree", () => {
  it("renders a tree built without parsing through the same allow-list, escaping its text", () => {
    const root: HtmlElement = { type: "element", tag: "#root", attrs: {}, children: [], parent: null };
    const div: HtmlElement = {
      type: "element",
      tag: "div",
      attrs: { dir: "rtl", onclick: "x()" },
      children: [],
      parent: root,
    };
    const script: HtmlElement = { type: "element", tag: "script", attrs: {}, children: [], parent: div };
    script.children.push({ type: "text", text: "bad()", parent: script });
    const link: HtmlElement = {
      type: "element",
      tag: "a",
      attrs: { href: "javascript:alert(1)" },
      children: [],
      parent: div,
    };
    link.children.push({ type: "text", text: "رابط", parent: link });
    div.children.push({ type: "text", text: '<b>"نص" & </b>', parent: div }, script, link);
    root.children.push(div);
    expect(sanitizeTree(root)).toBe('<div dir="rtl">&lt;b&gt;"نص" &amp; &lt;/b&gt;<a>رابط</a></div>');
  });
});
