/**
 * Reads the SaudiNewsNet dev corpus in place (../shared/data/corpus, CC BY-NC-SA: never copied into the repo).
 * Benchmark helper, not pure (reads a file).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { isAkhbarError } from "../../src/domain/errors.ts";
import { recordToDraft } from "../../src/stages/ingest/record-to-draft.ts";
import { compareStreamOrder, type StreamArticle } from "../../src/stages/stories/recluster.ts";

export interface CorpusArticle {
  id: string;
  source: string;
  url: string;
  title: string;
  date: string;
  text: string;
  /** The origin import reads from the text (ArticleDraft.citedSource); absent on the raw dump. */
  citedSource?: string | null;
}

export const CORPUS_PATH = join(process.cwd(), "..", "shared", "data", "corpus", "saudinewsnet.dev.jsonl.gz");

/** Which title and text a corpus article carries: as import stores them (recordToDraft: entities in titles decoded,
 * transport damage repaired, widget residue stripped, the cited source read), what benchmarks replay; or as the dump has them, to read what
 * a text rule changes (and for the entity bench, whose spans are labelled on the raw text). */
export type CorpusText = "imported" | "raw";

/** Import options for corpus records: dates carry no offset and are read as UTC (see timeOf). */
const IMPORT_OPTIONS = { defaultOffset: "Z", now: "2026-01-01T00:00:00.000Z" };

/** Every article of the dev corpus, in file order ((date, source, id)), with its `title` and `text` as import stores
 * them unless asked for the raw dump. */
export function loadCorpus(path: string = CORPUS_PATH, text: CorpusText = "imported"): CorpusArticle[] {
  const lines = gunzipSync(readFileSync(path)).toString("utf8").split("\n");
  const out: CorpusArticle[] = [];
  for (const line of lines) {
    if (line.trim() === "") continue;
    const a = JSON.parse(line) as CorpusArticle;
    out.push(text === "raw" ? a : imported(a));
  }
  return out;
}

/** The article with the title and text import stores. A record import refuses (the dump holds some with neither
 * title nor text) stays as it is, so every benchmark replays the same articles. */
function imported(a: CorpusArticle): CorpusArticle {
  try {
    const draft = recordToDraft(a, IMPORT_OPTIONS);
    return { ...a, title: draft.title, text: draft.text, citedSource: draft.citedSource };
  } catch (err) {
    if (isAkhbarError(err, "import.bad_record")) return a;
    throw err;
  }
}

/** Corpus dates carry no offset; read them as UTC so replays are machine-independent. */
export function timeOf(a: CorpusArticle): number {
  return Date.parse(`${a.date}Z`);
}

/** Corpus articles as the stories stream reads them, in (time, id) order: what every stories benchmark replays. */
export function toStream(corpus: readonly CorpusArticle[]): StreamArticle[] {
  return corpus
    .map((a) => ({
      id: a.id,
      sourceId: a.source,
      citedSource: a.citedSource ?? null,
      title: a.title,
      text: a.text,
      timeMs: timeOf(a),
    }))
    .sort(compareStreamOrder);
}

/** The whole dev corpus as a stream (toStream of loadCorpus). */
export function loadStream(path: string = CORPUS_PATH, text: CorpusText = "imported"): StreamArticle[] {
  return toStream(loadCorpus(path, text));
}

/** The records of a label file (testdata/labels/<file>, one JSON object a line), in file order. */
export function readLabels<T>(file: string): T[] {
  return readFileSync(join(process.cwd(), "testdata", "labels", file), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as T);
}

/**
 * Hand-labelled stories (testdata/labels/<file>, one {id, story} a line) as article id -> story label.
 * Example: readStoryLabels("stories-dev.jsonl").get("snn-…") -> "suez-canal".
 */
export function readStoryLabels(file: string): Map<string, string> {
  return new Map(readLabels<{ id: string; story: string }>(file).map((r) => [r.id, r.story] as const));
}
