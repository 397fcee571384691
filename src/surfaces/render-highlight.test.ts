import { describe, expect, it } from "vitest";
import { MARK_CLOSE as E, MARK_OPEN as S } from "../stages/search/build-snippet.ts";
import { renderHighlightHtml, renderHighlightTerminal } from "./render-highlight.ts";

describe("renderHighlightHtml", () => {
  it("escapes the text and turns markers into mark tags", () => {
    expect(renderHighlightHtml(`قال ${S}<b>أمريكا</b>${E} & "غيرها"`)).toBe(
      "قال <mark>&lt;b&gt;أمريكا&lt;/b&gt;</mark> &amp; &quot;غيرها&quot;",
    );
  });

  it("leaves an unpaired marker as text, escaped, never as a tag", () => {
    const html = renderHighlightHtml(`${S}<script>`);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<mark>");
  });
});

describe("renderHighlightTerminal", () => {
  it("drops markers when the output is not a terminal", () => {
    expect(renderHighlightTerminal(`a ${S}b${E} c`, false)).toBe("a b c");
  });

  it("colours matches on a terminal", () => {
    expect(renderHighlightTerminal(`${S}b${E}`, true)).toBe("\x1b[1;33mb\x1b[0m");
  });
});
