import { describe, expect, it } from "vitest";
import { isAkhbarError } from "../../domain/errors.ts";
import { decodeHtml, MAX_HTML_BYTES } from "./decode-html.ts";

/** Bytes of windows-1256 text for the few letters used here (ALEF 0xC7, LAM 0xE1, MEEM 0xE3). */
const CP1256_ALM = [0xc7, 0xe1, 0xe3];
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe("decodeHtml", () => {
  const cases: { name: string; bytes: number[]; contentType?: string; charset: string; contains: string }[] =
    [
      {
        name: "reads UTF-8 after a byte order mark",
        bytes: [0xef, 0xbb, 0xbf, ...new TextEncoder().encode("<p>سلام</p>")],
        charset: "utf-8",
        contains: "سلام",
      },
      {
        name: "follows the HTTP header charset",
        bytes: [...ascii("<p>"), ...CP1256_ALM],
        contentType: "text/html; charset=windows-1256",
        charset: "windows-1256",
        contains: "\u0627\u0644\u0645",
      },
      {
        name: "finds a meta charset declared after the first kilobyte",
        bytes: [...ascii(`<!--${"x".repeat(3000)}--><meta charset="windows-1256"><p>`), ...CP1256_ALM],
        charset: "windows-1256",
        contains: "\u0627\u0644\u0645",
      },
      {
        name: "reads ISO-8859-6 from an http-equiv declaration",
        bytes: [
          ...ascii('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6"><p>'),
          0xc7,
          0xe4,
        ],
        charset: "iso-8859-6",
        contains: "\u0627\u0644",
      },
      {
        name: "keeps valid UTF-8 even when the page claims a legacy charset",
        bytes: [...ascii('<meta charset="windows-1256">'), ...new TextEncoder().encode("خبر")],
        charset: "utf-8",
        contains: "خبر",
      },
      {
        name: "falls back to windows-1256 for undeclared bytes that are runs of Arabic letters",
        bytes: [...ascii("<p>"), ...CP1256_ALM, 0x20, ...CP1256_ALM],
        charset: "windows-1256",
        contains: "\u0627\u0644\u0645",
      },
      {
        name: "falls back to windows-1252 for isolated Latin accents",
        bytes: [...ascii("<p>caf"), 0xe9, ...ascii(" cr"), 0xe8, ...ascii("me</p>")],
        charset: "windows-1252",
        contains: "café",
      },
    ];
  for (const c of cases) {
    it(c.name, () => {
      const out = decodeHtml(new Uint8Array(c.bytes), c.contentType);
      expect(out.charset).toBe(c.charset);
      expect(out.text).toContain(c.contains);
    });
  }

  it("refuses binary garbage with extract.bad_encoding", () => {
    const bytes = new Uint8Array(4096);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed & 0xff;
    }
    expect(() => decodeHtml(bytes)).toThrowError(expect.objectContaining({ code: "extract.bad_encoding" }));
  });

  it("refuses pages over the byte cap with extract.too_large", () => {
    try {
      decodeHtml(new Uint8Array(MAX_HTML_BYTES + 1));
      expect.unreachable();
    } catch (err) {
      expect(isAkhbarError(err, "extract.too_large")).toBe(true);
    }
  });
});
