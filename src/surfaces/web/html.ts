/**
 * A tiny tagged template for server-rendered pages: every interpolated value is escaped with the one
 * escapeHtml helper unless it is already SafeHtml, its bidi controls balanced first so stored text cannot reverse
 * what follows it even where no element isolates it (a message, a tooltip, the tab's title). Pure.
 */
import { balanceBidiControls } from "../balance-bidi-controls.ts";
import { escapeHtml } from "../render-highlight.ts";

/** HTML that is safe to put into a page as it is: built by `html` or explicitly trusted with `trustedHtml`. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

/**
 * html`<p>${title}</p>` escapes `title`; arrays are joined; null, undefined and false render nothing.
 * Example: html`<b>${"<i>"}</b>`.value === "<b>&lt;i&gt;</b>".
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** Marks markup produced elsewhere as safe: only for the allow-list sanitizer's output and renderHighlightHtml. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: Interpolation | undefined): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(balanceBidiControls(String(value)));
}
