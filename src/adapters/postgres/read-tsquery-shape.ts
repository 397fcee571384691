/**
 * Compiled tsquery text → what ts_rank's score depends on: the distinct lexemes it looks up and whether its root
 * is AND (ts_rank then scores pairs of matched positions, otherwise it sums each lexeme's positions). Adapter
 * helper, pure; reads only the quoted syntax compile-tsquery.ts writes.
 */

export interface TsqueryShape {
  /** Distinct lexemes (quotes and escapes removed), in first-seen order: ts_rank averages over these. */
  lexemes: string[];
  /** True when `&` joins the top level, the case ts_rank's pair scoring (calc_rank_and) takes. */
  andAtRoot: boolean;
}

/**
 * Reads tsquery input text as PostgreSQL's parser does for quoted operands: `''` is a quote, a backslash escapes
 * the next character.
 *
 * Example: `('oil' | '=it''s') & !('gas')` → {lexemes: [oil, =it's, gas], andAtRoot: true}.
 */
export function readTsqueryShape(text: string): TsqueryShape {
  const lexemes = new Set<string>();
  let depth = 0;
  let andAtRoot = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'") {
      let lexeme = "";
      i += 1;
      while (i < text.length) {
        const c = text[i] as string;
        if (c === "\\" && i + 1 < text.length) {
          lexeme += text[i + 1];
          i += 2;
        } else if (c === "'" && text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (c === "'") {
          break;
        } else {
          lexeme += c;
          i += 1;
        }
      }
      lexemes.add(lexeme);
    } else if (ch === "(") {
      depth += 1;
    } else if (ch === ")") {
      depth -= 1;
    } else if (ch === "&" && depth === 0) {
      andAtRoot = true;
    }
    i += 1;
  }
  return { lexemes: [...lexemes], andAtRoot };
}
