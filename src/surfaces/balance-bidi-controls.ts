/**
 * Output defence for stored text shown inline: every bidi embedding, override and isolate a string opens is closed
 * at its end and closers it never opened are dropped, so a row stored before ingest dropped these controls
 * (stages/ingest/clean-display.ts) cannot reach past its own text on a page or in a feed. Pure; shared by surfaces.
 */

/** U+202A LRE, U+202B RLE, U+202D LRO, U+202E RLO open an embedding or override; U+202C PDF closes one. U+2066 LRI,
 * U+2067 RLI, U+2068 FSI open an isolate; U+2069 PDI closes the innermost open isolate and whatever opened inside it. */
const BIDI_CONTROL_RE = /[\u202a-\u202e\u2066-\u2069]/;
const PDF = "\u202c";
const PDI = "\u2069";

/**
 * The text with its bidi controls balanced (UAX #9 X1-X8 pairing): unmatched PDF/PDI dropped, openers left open
 * closed at the end, in reverse order. Text without such controls is returned as it is (one regex test).
 * Example: "\u202eعنوان" -> "\u202eعنوان\u202c"; "a\u2069b" -> "ab"; "\u2066x\u2069" unchanged.
 */
export function balanceBidiControls(text: string): string {
  if (!BIDI_CONTROL_RE.test(text)) return text;
  const open: string[] = []; // the closer each open control needs, innermost last
  let out = "";
  for (const c of text) {
    if (c === PDF) {
      // A PDF closes an embedding opened inside the innermost isolate only (X7).
      if (open.length > 0 && open[open.length - 1] === PDF) {
        open.pop();
        out += c;
      }
    } else if (c === PDI) {
      // A PDI closes the innermost open isolate and every embedding opened after it (X6a); unmatched, dropped.
      const at = open.lastIndexOf(PDI);
      if (at >= 0) {
        open.length = at;
        out += c;
      }
    } else {
      if (c >= "\u2066" && c <= "\u2068") open.push(PDI);
      else if (c >= "\u202a" && c <= "\u202e") open.push(PDF);
      out += c;
    }
  }
  for (let i = open.length - 1; i >= 0; i--) out += open[i];
  return out;
}
