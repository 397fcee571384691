/**
 * Scoring functions of the extraction benchmark sets, reimplemented from each set's published description
 * (../shared/data/extraction/README.md). Pure; bench only.
 */

const PATTERNS = {
  // Python's `\w` (re.UNICODE): letters, digits, underscore; combining marks split words as in Python.
  word: /[\p{L}\p{N}_]+/gu,
  space: /\s+/g,
} as const;

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function tokenizeWords(text: string): string[] {
  return text.match(PATTERNS.word) ?? [];
}

/** scrapinghub-aeb evaluate.py: 4-gram shingle tp/fp/fn per page, normalised to sum 1. */
export function shingleCounts(truth: string, pred: string, n = 4): [number, number, number] {
  const t = shingles(truth, n);
  const p = shingles(pred, n);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

function shingles(text: string, n: number): Map<string, number> {
  const tokens = tokenizeWords(text);
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const sh = tokens.slice(i, i + n);
    if (sh.length === 0) continue;
    const key = sh.join("\u0001");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** scrapinghub-aeb: mean precision over pages with tp+fp>0, mean recall over pages with tp+fn>0, F1 of means. */
export function shingleMetrics(counts: readonly [number, number, number][]): Prf {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const [tp, fp, fn] of counts) {
    if (tp + fp > 0) ps.push(fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
    if (tp + fn > 0) rs.push(fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
  }
  const precision = mean(ps);
  const recall = mean(rs);
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

/** WCXB evaluate.py word_f1: lower-cased `\w+` bags, multiset overlap. */
export function wordBag(pred: string, ref: string): Prf {
  const p = tokenizeWords(pred.toLowerCase());
  const r = tokenizeWords(ref.toLowerCase());
  if (r.length === 0)
    return p.length === 0 ? { precision: 1, recall: 1, f1: 1 } : { precision: 0, recall: 0, f1: 0 };
  if (p.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const counts = new Map<string, number>();
  for (const w of r) counts.set(w, (counts.get(w) ?? 0) + 1);
  let overlap = 0;
  for (const w of p) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(w, c - 1);
    }
  }
  const precision = overlap / p.length;
  const recall = overlap / r.length;
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** Mean of per-page P, R and F1 (WCXB averages each over pages). */
export function meanPrf(pages: readonly Prf[]): Prf {
  return {
    precision: mean(pages.map((p) => p.precision)),
    recall: mean(pages.map((p) => p.recall)),
    f1: mean(pages.map((p) => p.f1)),
  };
}

/** trafilatura eval_common.py: whitespace-normalised substring search; micro tp/fp/fn/tn over pages. */
export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function countSnippets(
  output: string,
  withSnippets: readonly string[],
  without: readonly string[],
): SnippetCounts {
  const text = normalizeSpace(output);
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const s of withSnippets) {
    if (text.includes(normalizeSpace(s))) c.tp++;
    else c.fn++;
  }
  for (const s of without) {
    if (text.includes(normalizeSpace(s))) c.fp++;
    else c.tn++;
  }
  return c;
}

export function snippetMetrics(all: readonly SnippetCounts[]): Prf & { accuracy: number } {
  const s = all.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, tn: a.tn + c.tn }), {
    tp: 0,
    fp: 0,
    fn: 0,
    tn: 0,
  });
  return {
    precision: s.tp / (s.tp + s.fp || 1),
    recall: s.tp / (s.tp + s.fn || 1),
    accuracy: (s.tp + s.tn) / (s.tp + s.tn + s.fp + s.fn || 1),
    f1: (2 * s.tp) / (2 * s.tp + s.fp + s.fn || 1),
  };
}

export function normalizeSpace(text: string): string {
  return text.replace(PATTERNS.space, " ").trim();
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}
