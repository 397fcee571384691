/**
 * The 40 dev-corpus articles of the entity labels (testdata/labels/entities.jsonl) and the span of each that was
 * labelled: title plus the first SPAN_TEXT_CHARS characters of the text, cut back to a word boundary. Benchmark
 * helper, not pure (reads the corpus). Run directly to print the spans for labelling (to a scratch file, never
 * into the repo): node --import tsx bench/entities/sample-articles.ts > /tmp/entity-spans.txt
 */
import { pathToFileURL } from "node:url";
import { type CorpusArticle, loadCorpus } from "../stories/load-corpus.ts";

/** Articles labelled: enough for a first P/R figure while one annotator can read every span in one sitting. */
export const SAMPLE_ARTICLES = 40;
/** Fixed seed of the draw (the day the set was labelled), so the bench and the labels see the same articles. */
export const SAMPLE_SEED = 20261129;
/** Text characters after the title in a labelled span: about two lead paragraphs, feasible to label by hand. */
export const SPAN_TEXT_CHARS = 600;

export interface LabelledSpan {
  id: string;
  /** Title, a newline, then the text's first SPAN_TEXT_CHARS characters cut at a word boundary. */
  span: string;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts text to at most max characters, backing off to the last whitespace so no word is split. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  if (/\s/.test(text[max] ?? "")) return head.trimEnd();
  const lastSpace = head.search(/\s\S*$/);
  return (lastSpace > 0 ? head.slice(0, lastSpace) : head).trimEnd();
}

/** The labelled span of one article (title, newline, cut text). */
export function spanOf(a: CorpusArticle): string {
  return `${a.title.trim()}\n${cutAtWord(a.text.trim(), SPAN_TEXT_CHARS)}`;
}

/** Draws SAMPLE_ARTICLES distinct articles with a title and text (partial Fisher–Yates, SAMPLE_SEED). */
export function sampleArticles(corpus: readonly CorpusArticle[] = loadCorpus()): LabelledSpan[] {
  const pool = corpus.filter((a) => a.title.trim() !== "" && a.text.trim() !== "");
  const random = rng(SAMPLE_SEED);
  const out: LabelledSpan[] = [];
  for (let i = 0; i < SAMPLE_ARTICLES && i < pool.length; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as CorpusArticle, pool[i] as CorpusArticle];
    const a = pool[i] as CorpusArticle;
    out.push({ id: a.id, span: spanOf(a) });
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const s of sampleArticles()) console.log(`=== ${s.id} (${s.span.length} chars)\n${s.span}\n`);
}
