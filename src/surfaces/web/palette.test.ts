import { describe, expect, it } from "vitest";
import { contrastRatio, DARK_PALETTE, LIGHT_PALETTE } from "./palette.ts";

describe.each([
  ["light", LIGHT_PALETTE],
  ["dark", DARK_PALETTE],
])("the %s palette", (_name, p) => {
  it.each([
    ["body text on the page", p.text, p.bg, 7],
    ["body text on cards", p.text, p.surface, 7],
    ["meta text on the page", p.muted, p.bg, 4.5],
    ["meta text on cards", p.muted, p.surface, 4.5],
    ["links on the page", p.accent, p.bg, 4.5],
    ["links on cards", p.accent, p.surface, 4.5],
    ["button text", p.onAccent, p.accent, 4.5],
    ["highlighted matches", p.text, p.mark, 4.5],
    ["header text", "#ffffff", p.header, 4.5],
  ])("gives %s at least WCAG AA contrast", (_what, fg, bg, min) => {
    expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(min);
  });

  it("gives the focus ring at least 3:1 against the page (WCAG 1.4.11)", () => {
    expect(contrastRatio(p.focus, p.bg)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(p.focus, p.surface)).toBeGreaterThanOrEqual(3);
  });
});
