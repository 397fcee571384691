/**
 * Segmentation figures of the extraction benchmark: whole pages flattened to plain text (flattenPage: menus, lists
 * and footers included, one line per block) and split by segmentText; its main segments are scored against each
 * set's gold with that set's metric. Arabic pages (arabic-dev, the Arabic pages of arabic-index.json) exercise the
 * Arabic markers; scrapinghub-aeb, wcxb-test and fundus only the language-neutral rules.
 * Not pure (reads files). Run: node --import tsx bench/extract/run.ts --segment-only [--set NAME] [--list]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeHtml } from "../../src/stages/extract/decode-html.ts";
import { segmentText } from "../../src/stages/extract/segment-text.ts";
import { flattenPage } from "./flatten-page.ts";
import {
  countSnippets,
  meanPrf,
  normalizeSpace,
  type Prf,
  shingleCounts,
  shingleMetrics,
  snippetMetrics,
  wordBag,
} from "./metrics.ts";

/** Leaked lines printed per page with --list: enough to see the cause, not the whole page. */
const LIST_MAX_LINES = 12;

export interface SegmentRow {
  set: string;
  metric: string;
  pages: number;
  score: Prf;
  extra: string;
}

interface SegmentOptions {
  dataDir: string;
  shouldRun: (set: string) => boolean;
  list: boolean;
}

interface ArabicDevGold {
  id: string;
  body: string[];
  not_body_samples: string[];
}

interface IndexEntry {
  set: string;
  id: string;
  html: string;
  with?: string[];
  without?: string[];
}

function readJson(path: string): unknown {
  const raw = readFileSync(path);
  return JSON.parse((path.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8"));
}

/** The main segments' text of a gzip'd page flattened whole. */
export function segmentMain(path: string): string {
  const lines = flattenPage(decodeHtml(gunzipSync(readFileSync(path))).text);
  return segmentText(lines.join("\n"))
    .segments.filter((s) => s.kind === "main")
    .map((s) => s.text)
    .join("\n");
}

/** With --list: one page's P/R and the main lines whose words the gold does not hold (the leaks), or a note. */
function listPage(id: string, prf: Prf, main: string, gold: string, note = ""): void {
  console.log(`  ${id} P ${prf.precision.toFixed(3)} R ${prf.recall.toFixed(3)}${note}`);
  const goldWords = new Set(normalizeSpace(gold.toLowerCase()).split(" "));
  const foreign = main
    .split("\n")
    .filter((l) => {
      const words = normalizeSpace(l.toLowerCase()).split(" ");
      return words.filter((w) => goldWords.has(w)).length / words.length < 0.5;
    })
    .slice(0, LIST_MAX_LINES);
  for (const l of foreign) console.log(`    + ${l.slice(0, 160)}`);
}

export function runSegmentSets({ dataDir, shouldRun, list }: SegmentOptions): SegmentRow[] {
  const rows: SegmentRow[] = [];
  if (shouldRun("arabic-dev")) {
    const dir = join(dataDir, "arabic-dev");
    const gold = readJson(join(dir, "gold.json")) as ArabicDevGold[];
    let leaks = 0;
    const prfs = gold.map((g) => {
      const main = segmentMain(join(dir, "html", `${g.id}.html.gz`));
      const norm = normalizeSpace(main);
      const pageLeaks = g.not_body_samples.filter((s) => norm.includes(normalizeSpace(s)));
      leaks += pageLeaks.length;
      const prf = wordBag(main, g.body.join("\n"));
      if (list)
        listPage(
          g.id,
          prf,
          main,
          g.body.join("\n"),
          pageLeaks.length > 0 ? ` leaks: ${pageLeaks.join(" | ")}` : "",
        );
      return prf;
    });
    rows.push({
      set: "arabic-dev",
      metric: "word-bag",
      pages: gold.length,
      score: meanPrf(prfs),
      extra: `not-body leaks ${leaks}`,
    });
  }
  if (shouldRun("arabic-index")) {
    // Three public Arabic pages with their own sets' gold: snippets (trafilatura-eval) or silver text (shingles).
    const index = readJson(join(dataDir, "arabic-index.json")) as IndexEntry[];
    const parts: string[] = [];
    for (const e of index) {
      const main = segmentMain(join(dataDir, e.html));
      if (e.with !== undefined) {
        const m = snippetMetrics([countSnippets(main, e.with, e.without ?? [])]);
        parts.push(`${e.set} snippets P/R ${m.precision.toFixed(2)}/${m.recall.toFixed(2)}`);
        if (list) console.log(`  ${e.id.slice(0, 40)} snippets tp/fp`, m.precision, m.recall);
        continue;
      }
      const goldFile = e.set === "newspaper4k" ? "expected.json" : "ground-truth.json";
      const body = (readJson(join(dataDir, e.set, goldFile)) as Record<string, { articleBody: string }>)[
        e.id
      ]!.articleBody;
      const m = shingleMetrics([shingleCounts(body, main)]);
      parts.push(`${e.set} shingle P/R ${m.precision.toFixed(2)}/${m.recall.toFixed(2)}`);
      if (list) listPage(e.id, m, main, body);
    }
    console.log(`arabic-index (segment, main): ${parts.join("; ")}`);
  }
  if (shouldRun("scrapinghub-aeb")) {
    const dir = join(dataDir, "scrapinghub-aeb");
    const gold = readJson(join(dir, "ground-truth.json")) as Record<string, { articleBody: string }>;
    rows.push(
      shingleSet(
        "scrapinghub-aeb",
        Object.entries(gold).map(([id, g]) => ({
          id,
          path: join(dir, "html", `${id}.html.gz`),
          body: g.articleBody,
        })),
        list,
      ),
    );
  }
  if (shouldRun("fundus")) {
    const dir = join(dataDir, "fundus");
    const gold = readJson(join(dir, "ground-truth.json")) as Record<
      string,
      { html: string; articleBody: string }
    >;
    rows.push(
      shingleSet(
        "fundus (silver)",
        Object.entries(gold).map(([id, g]) => ({ id, path: join(dir, g.html), body: g.articleBody })),
        list,
      ),
    );
  }
  if (shouldRun("wcxb-test")) {
    // Held-out split of WCXB: scored only; its pages are not listed (--list skips them), so no rule is tuned on it.
    const dir = join(dataDir, "wcxb-test");
    const gold = readJson(join(dir, "ground-truth.json.gz")) as Record<
      string,
      { page_type: string; main_content: string }
    >;
    const all: Prf[] = [];
    const articles: Prf[] = [];
    for (const [id, g] of Object.entries(gold)) {
      const prf = wordBag(segmentMain(join(dir, "html", `${id}.html.gz`)), g.main_content);
      all.push(prf);
      if (g.page_type === "article") articles.push(prf);
    }
    const a = meanPrf(articles);
    rows.push({
      set: "wcxb-test",
      metric: "word-bag",
      pages: all.length,
      score: meanPrf(all),
      extra: `articles P/R/F1 ${a.precision.toFixed(3)}/${a.recall.toFixed(3)}/${a.f1.toFixed(3)}`,
    });
  }
  return rows;
}

/** A set scored by shingles (its gold a silver or full article body): each page's main segments against its body. */
function shingleSet(
  set: string,
  pages: readonly { id: string; path: string; body: string }[],
  list: boolean,
): SegmentRow {
  const counts = pages.map(({ id, path, body }) => {
    const main = segmentMain(path);
    const c = shingleCounts(body, main);
    if (list) listPage(id, shingleMetrics([c]), main, body);
    return c;
  });
  return { set, metric: "shingle", pages: counts.length, score: shingleMetrics(counts), extra: "" };
}

export function printSegmentRows(rows: readonly SegmentRow[]): void {
  const fmt = (n: number): string => n.toFixed(3);
  console.log("");
  console.log(
    `${"flattened whole page".padEnd(20)} ${"metric".padEnd(9)} ${"pages".padStart(5)} | akhbar segment (main) P/R/F1`,
  );
  for (const r of rows) {
    const s = r.score;
    console.log(
      `${r.set.padEnd(20)} ${r.metric.padEnd(9)} ${String(r.pages).padStart(5)} | ${fmt(s.precision)}/${fmt(s.recall)}/${fmt(s.f1)}${r.extra === "" ? "" : `  ${r.extra}`}`,
    );
  }
}
