/**
 * Extraction benchmark: akhbar's extractor vs @mozilla/readability on linkedom over every page of
 * ../shared/data/extraction, each set scored with its published metric, plus pages/s per core: pages per CPU-second
 * of the process, so other jobs on a shared machine do not count (wall-clock ratio in brackets). The engines take
 * turns of TURN_PAGES pages, so what does leak in (caches, GC of the other's garbage) falls on both; small sets are
 * timed over several rounds.
 * Then the flattened-whole-page segmentation figures of segment.ts.
 * Not pure (reads files). Run: node --import tsx bench/extract/run.ts [--set NAME] [--verbose] [--segment-only] [--list]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { decodeHtml } from "../../src/stages/extract/decode-html.ts";
import { extractArticle } from "../../src/stages/extract/extract-article.ts";
import {
  countSnippets,
  meanPrf,
  normalizeSpace,
  type Prf,
  type SnippetCounts,
  shingleCounts,
  shingleMetrics,
  snippetMetrics,
  wordBag,
} from "./metrics.ts";
import { printSegmentRows, runSegmentSets } from "./segment.ts";

/** Pages run untimed through both engines before each set is measured. */
const WARMUP_PAGES = 5;

/** Pages an engine runs before the other takes its turn. Short enough that load from other jobs on the machine
 * falls on both engines alike; long enough that one engine's garbage is mostly collected in its own turn. */
const TURN_PAGES = 10;

/** Page runs timed per engine at least: small sets (newspaper4k 23 pages, arabic-dev 15) are timed over several
 * rounds, so one pause does not decide their ratio. Scores come from the first round. */
const MIN_TIMED_RUNS = 120;

const DATA_DIR = join(process.cwd(), "..", "shared", "data", "extraction");

interface Page {
  id: string;
  path: string;
  url: string | undefined;
}

type Engine = "akhbar" | "readability";
const ENGINES: readonly Engine[] = ["akhbar", "readability"];

interface EngineRun {
  texts: Map<string, string>;
  ms: number;
  /** CPU time of the process (user + system) over the engine's turns: other jobs on the machine do not count. */
  cpuMs: number;
  /** Page runs timed (pages times rounds). */
  runs: number;
  errors: number;
}

const args = process.argv.slice(2);
const onlySet = args.includes("--set") ? args[args.indexOf("--set") + 1] : undefined;
const verbose = args.includes("--verbose");
/** Only the flattened-whole-page segmentation figures (segment.ts): seconds instead of minutes. */
const segmentOnly = args.includes("--segment-only");

function readJson(path: string): unknown {
  const raw = readFileSync(path);
  return JSON.parse((path.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8"));
}

function runEngines(pages: readonly Page[]): Record<Engine, EngineRun> {
  const out = {} as Record<Engine, EngineRun>;
  const html = new Map<string, string>();
  for (const p of pages) {
    const bytes = gunzipSync(readFileSync(p.path));
    try {
      html.set(p.id, decodeHtml(bytes).text);
    } catch {
      html.set(p.id, "");
    }
  }
  // Warm both engines' JIT on a few pages first so neither pays it inside its timing.
  for (const p of pages.slice(0, WARMUP_PAGES)) {
    const source = html.get(p.id) ?? "";
    try {
      extractArticle(source);
    } catch {}
    try {
      readability(source);
    } catch {}
  }
  for (const engine of ENGINES) out[engine] = { texts: new Map(), ms: 0, cpuMs: 0, runs: 0, errors: 0 };
  const rounds = Math.max(1, Math.ceil(MIN_TIMED_RUNS / Math.max(1, pages.length)));
  for (let round = 0; round < rounds; round++) {
    for (let start = 0; start < pages.length; start += TURN_PAGES) {
      const turn = pages.slice(start, start + TURN_PAGES);
      // The engine that goes first alternates from turn to turn.
      const order = (start / TURN_PAGES + round) % 2 === 0 ? ENGINES : [...ENGINES].reverse();
      for (const engine of order) timeTurn(out[engine], engine, turn, html, round === 0);
    }
  }
  return out;
}

function timeTurn(
  run: EngineRun,
  engine: Engine,
  pages: readonly Page[],
  html: ReadonlyMap<string, string>,
  keepTexts: boolean,
): void {
  const cpuStart = process.cpuUsage();
  for (const p of pages) {
    const source = html.get(p.id) ?? "";
    const start = performance.now();
    let text = "";
    try {
      text =
        engine === "akhbar"
          ? extractArticle(source, p.url === undefined ? {} : { url: p.url }).text
          : readability(source);
    } catch {
      if (keepTexts) run.errors++;
    }
    run.ms += performance.now() - start;
    run.runs++;
    if (keepTexts) run.texts.set(p.id, text);
  }
  const cpu = process.cpuUsage(cpuStart);
  run.cpuMs += (cpu.user + cpu.system) / 1000;
}

function readability(html: string): string {
  const { document } = parseHTML(html);
  return (
    new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()
      ?.textContent ?? ""
  );
}

interface Row {
  set: string;
  metric: string;
  pages: number;
  scores: Record<Engine, Prf & { extra?: string }>;
  /** Pages per CPU-second: pages/s per core, whatever else runs on the machine. */
  rates: Record<Engine, number>;
  wallRates: Record<Engine, number>;
  errors: Record<Engine, number>;
}

const rows: Row[] = [];

function record(
  set: string,
  metric: string,
  pages: Page[],
  runs: Record<Engine, EngineRun>,
  score: (run: EngineRun) => Prf & { extra?: string },
): void {
  const scores = {} as Row["scores"];
  const rates = {} as Row["rates"];
  const wallRates = {} as Row["wallRates"];
  const errors = {} as Row["errors"];
  for (const e of ENGINES) {
    scores[e] = score(runs[e]);
    rates[e] = runs[e].runs / (runs[e].cpuMs / 1000);
    wallRates[e] = runs[e].runs / (runs[e].ms / 1000);
    errors[e] = runs[e].errors;
  }
  rows.push({ set, metric, pages: pages.length, scores, rates, wallRates, errors });
}

function shouldRun(set: string): boolean {
  return !segmentOnly && (onlySet === undefined || onlySet === set);
}

// scrapinghub-aeb: 4-gram shingles, mean over pages.
if (shouldRun("scrapinghub-aeb")) {
  const dir = join(DATA_DIR, "scrapinghub-aeb");
  const gold = readJson(join(dir, "ground-truth.json")) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const pages = Object.entries(gold).map(([id, g]) => ({
    id,
    path: join(dir, "html", `${id}.html.gz`),
    url: g.url,
  }));
  const runs = runEngines(pages);
  record("scrapinghub-aeb", "shingle", pages, runs, (run) =>
    shingleMetrics(pages.map((p) => shingleCounts(gold[p.id]!.articleBody, run.texts.get(p.id) ?? ""))),
  );
}

// trafilatura-eval: snippet counting, micro.
if (shouldRun("trafilatura-eval")) {
  const dir = join(DATA_DIR, "trafilatura-eval");
  const gold = readJson(join(dir, "evaldata.json")) as Record<
    string,
    { html: string; with: string[]; without: string[] }
  >;
  const pages = Object.entries(gold).map(([url, g]) => ({ id: url, path: join(dir, g.html), url }));
  const runs = runEngines(pages);
  record("trafilatura-eval", "snippets", pages, runs, (run) => {
    const counts: SnippetCounts[] = pages.map((p) =>
      countSnippets(run.texts.get(p.id) ?? "", gold[p.id]!.with, gold[p.id]!.without),
    );
    const m = snippetMetrics(counts);
    return { ...m, extra: `acc ${m.accuracy.toFixed(3)}` };
  });
}

// wcxb-test: word-bag P/R/F1 averaged over pages; articles-only F1 as extra.
if (shouldRun("wcxb-test")) {
  const dir = join(DATA_DIR, "wcxb-test");
  const gold = readJson(join(dir, "ground-truth.json.gz")) as Record<
    string,
    { url: string; page_type: string; main_content: string }
  >;
  const pages = Object.entries(gold).map(([id, g]) => ({
    id,
    path: join(dir, "html", `${id}.html.gz`),
    url: g.url,
  }));
  const runs = runEngines(pages);
  record("wcxb-test", "word-bag", pages, runs, (run) => {
    const all = pages.map((p) => wordBag(run.texts.get(p.id) ?? "", gold[p.id]!.main_content));
    const articles = pages
      .filter((p) => gold[p.id]!.page_type === "article")
      .map((p) => wordBag(run.texts.get(p.id) ?? "", gold[p.id]!.main_content));
    return { ...meanPrf(all), extra: `articles F1 ${meanPrf(articles).f1.toFixed(3)}` };
  });
}

// newspaper4k and fundus: silver full text, scored with shingles.
for (const set of ["newspaper4k", "fundus"] as const) {
  if (!shouldRun(set)) continue;
  const dir = join(DATA_DIR, set);
  const goldFile = set === "newspaper4k" ? "expected.json" : "ground-truth.json";
  const gold = readJson(join(dir, goldFile)) as Record<
    string,
    { html: string; articleBody: string; url: string }
  >;
  const pages = Object.entries(gold).map(([id, g]) => ({ id, path: join(dir, g.html), url: g.url }));
  const runs = runEngines(pages);
  record(`${set} (silver)`, "shingle", pages, runs, (run) =>
    shingleMetrics(pages.map((p) => shingleCounts(gold[p.id]!.articleBody, run.texts.get(p.id) ?? ""))),
  );
}

// arabic-dev: word-bag on body paragraphs; not-body samples must be absent.
interface ArabicGold {
  id: string;
  url: string;
  title: string;
  published: string;
  author: string | null;
  cited_source: string | null;
  body: string[];
  not_body_samples: string[];
  has_read_also_insert: boolean;
}
if (shouldRun("arabic-dev")) {
  const dir = join(DATA_DIR, "arabic-dev");
  const gold = readJson(join(dir, "gold.json")) as ArabicGold[];
  const byId = new Map(gold.map((g) => [g.id, g]));
  const pages = gold.map((g) => ({ id: g.id, path: join(dir, "html", `${g.id}.html.gz`), url: g.url }));
  const runs = runEngines(pages);
  record("arabic-dev", "word-bag", pages, runs, (run) => {
    let leaks = 0;
    const prfs = pages.map((p) => {
      const g = byId.get(p.id)!;
      const text = run.texts.get(p.id) ?? "";
      const norm = normalizeSpace(text);
      const pageLeaks = g.not_body_samples.filter((s) => norm.includes(normalizeSpace(s)));
      leaks += pageLeaks.length;
      const prf = wordBag(text, g.body.join("\n"));
      if (verbose) console.log(p.id, prf.precision.toFixed(3), prf.recall.toFixed(3), pageLeaks.join(" | "));
      return prf;
    });
    const m = meanPrf(prfs);
    return { ...m, extra: `not-body leaks ${leaks}` };
  });
  // Metadata of akhbar only (Readability's byline/date are not compared here).
  let title = 0;
  let date = 0;
  let author = 0;
  let cited = 0;
  for (const g of gold) {
    const bytes = gunzipSync(readFileSync(join(dir, "html", `${g.id}.html.gz`)));
    try {
      const a = extractArticle(decodeHtml(bytes).text, { url: g.url });
      if (normalizeSpace(a.title) === normalizeSpace(g.title)) title++;
      if ((a.publishedAt ?? "").slice(0, 10) === g.published) date++;
      if ((a.byline ?? null) === g.author) author++;
      if ((a.citedSource ?? null) === g.cited_source) cited++;
      if (verbose) console.log(g.id, "|", a.title, "|", a.publishedAt, "|", a.byline, "|", a.citedSource);
    } catch {}
  }
  console.log(
    `arabic-dev metadata (akhbar): title ${title}/${gold.length}, date ${date}/${gold.length}, author ${author}/${gold.length}, cited source ${cited}/${gold.length}`,
  );
}

const fmt = (n: number): string => n.toFixed(3);
if (rows.length > 0) {
  console.log("");
  console.log(
    `${"set".padEnd(20)} ${"metric".padEnd(9)} ${"pages".padStart(5)} | ${"akhbar P/R/F1".padEnd(19)} ${"pages/s".padStart(8)} | ${"readability P/R/F1".padEnd(19)} ${"pages/s".padStart(8)} | speed (wall)`,
  );
  for (const r of rows) {
    const a = r.scores.akhbar;
    const b = r.scores.readability;
    console.log(
      `${r.set.padEnd(20)} ${r.metric.padEnd(9)} ${String(r.pages).padStart(5)} | ${`${fmt(a.precision)}/${fmt(a.recall)}/${fmt(a.f1)}`.padEnd(19)} ${r.rates.akhbar.toFixed(1).padStart(8)} | ${`${fmt(b.precision)}/${fmt(b.recall)}/${fmt(b.f1)}`.padEnd(19)} ${r.rates.readability.toFixed(1).padStart(8)} | ${(r.rates.akhbar / r.rates.readability).toFixed(1)}x (${(r.wallRates.akhbar / r.wallRates.readability).toFixed(1)}x)`,
    );
    const extras = ENGINES.map(
      (e) => `${e}: ${r.scores[e].extra ?? ""}${r.errors[e] > 0 ? ` (${r.errors[e]} errors)` : ""}`,
    ).join("; ");
    if (extras.replace(/\w+: ;?/g, "").trim() !== "") console.log(`${"".padEnd(37)}${extras}`);
  }
}

printSegmentRows(
  runSegmentSets({
    dataDir: DATA_DIR,
    shouldRun: (set) => onlySet === undefined || onlySet === set,
    list: args.includes("--list"),
  }),
);
