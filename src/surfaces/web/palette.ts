/**
 * The reader's colours, light and dark, as data: the stylesheet's custom properties are generated from it and the
 * accessibility test computes WCAG contrast from the same values. Pure.
 */

export interface Palette {
  /** Page background. */
  bg: string;
  /** Cards and panels. */
  surface: string;
  text: string;
  /** Meta lines (time, outlet): must still reach 4.5:1 on bg and surface. */
  muted: string;
  /** Links and the primary button. */
  accent: string;
  /** Text on the accent colour (buttons, header). */
  onAccent: string;
  border: string;
  /** Search-match highlight background; text on it is `text`. */
  mark: string;
  /** Keyboard focus ring: must reach 3:1 against bg (WCAG 2.2 SC 1.4.11). */
  focus: string;
  /** Header band. */
  header: string;
}

export const LIGHT_PALETTE: Palette = {
  bg: "#faf8f3",
  surface: "#ffffff",
  text: "#1d1b17",
  muted: "#5b564c",
  accent: "#0a5a4a",
  onAccent: "#ffffff",
  border: "#e2ddd1",
  mark: "#ffe27a",
  focus: "#c2410c",
  header: "#0b3b33",
};

export const DARK_PALETTE: Palette = {
  bg: "#141311",
  surface: "#1d1c19",
  text: "#ede9e1",
  muted: "#b4ada0",
  accent: "#7fd8bf",
  onAccent: "#0d1f1a",
  border: "#3a372f",
  mark: "#7a6514",
  focus: "#fb923c",
  header: "#0d2a25",
};

/** CSS custom properties for a palette: `--bg: #faf8f3; ...`. */
export function toCssVariables(p: Palette): string {
  return Object.entries(p)
    .map(([name, value]) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`)
    .join(";");
}

/** WCAG 2.x contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG relative luminance of #rrggbb (sRGB transfer function, W3C definition). */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) throw new Error(`palette: not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = Number.parseInt(h!, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
