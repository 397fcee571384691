/**
 * The dev-corpus articles of the two entity label sets and the span of each that was labelled: title plus the
 * first SPAN_TEXT_CHARS characters of the text, cut back to a word boundary, read from the dump's raw text (the
 * labels were drawn before import stripped widget residue, so their spans keep it). "tune" is the first set
 * (testdata/labels/entities.jsonl, seed SAMPLE_SEED); "test" is the second, held-out one
 * (testdata/labels/entities-test.jsonl, seed TEST_SAMPLE_SEED, skipping every article of the tune set).
 * Benchmark helper, not pure (reads the corpus). Run directly to print the spans of a set for labelling (to a
 * scratch file, never into the repo): node --import tsx bench/entities/sample-articles.ts [tune|test] > /tmp/x.txt
 */
import { pathToFileURL } from "node:url";
import { seededRandom as rng } from "../seeded-random.ts";
import { CORPUS_PATH, type CorpusArticle, loadCorpus } from "../stories/load-corpus.ts";

/** Articles labelled: enough for a first P/R figure while one annotator can read every span in one sitting. */
export const SAMPLE_ARTICLES = 40;
/** Fixed seed of the draw (the day the set was labelled), so the bench and the labels see the same articles. */
export const SAMPLE_SEED = 20261129;
/**
 * Seed of the second, held-out draw (testdata/labels/entities-test.jsonl): any fixed number other than
 * SAMPLE_SEED; 7 was chosen by the lead when the tune set started being used to find rule bugs.
 */
export const TEST_SAMPLE_SEED = 7;
/** Text characters after the title in a labelled span: about two lead paragraphs, feasible to label by hand. */
export const SPAN_TEXT_CHARS = 600;

export interface LabelledSpan {
  id: string;
  /** Title, a newline, then the text's first SPAN_TEXT_CHARS characters cut at a word boundary. */
  span: string;
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

/**
 * Draws SAMPLE_ARTICLES distinct articles with a title and text, none in skip (partial Fisher–Yates with seed).
 * The defaults give the tune set.
 */
export function sampleArticles(
  corpus: readonly CorpusArticle[] = loadCorpus(CORPUS_PATH, "raw"),
  seed: number = SAMPLE_SEED,
  skip: ReadonlySet<string> = new Set(),
): LabelledSpan[] {
  const pool = corpus.filter((a) => a.title.trim() !== "" && a.text.trim() !== "" && !skip.has(a.id));
  const random = rng(seed);
  const out: LabelledSpan[] = [];
  for (let i = 0; i < SAMPLE_ARTICLES && i < pool.length; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as CorpusArticle, pool[i] as CorpusArticle];
    const a = pool[i] as CorpusArticle;
    out.push({ id: a.id, span: spanOf(a) });
  }
  return out;
}

/**
 * The spans of both label sets from one corpus load: tune (SAMPLE_SEED) and test (TEST_SAMPLE_SEED, drawn from the
 * articles not in tune, so the two sets are disjoint by construction).
 */
export function sampleLabelSets(corpus: readonly CorpusArticle[] = loadCorpus(CORPUS_PATH, "raw")): {
  tune: LabelledSpan[];
  test: LabelledSpan[];
} {
  const tune = sampleArticles(corpus);
  const test = sampleArticles(corpus, TEST_SAMPLE_SEED, new Set(tune.map((s) => s.id)));
  return { tune, test };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const which = process.argv[2] ?? "tune";
  if (which !== "tune" && which !== "test")
    throw new Error(`sample-articles: unknown set ${which} (tune|test)`);
  for (const s of sampleLabelSets()[which]) console.log(`=== ${s.id} (${s.span.length} chars)\n${s.span}\n`);
}
