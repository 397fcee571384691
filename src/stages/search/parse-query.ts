/**
 * Query parser: what a reader types -> SearchQuery with analyzed terms (words, "phrases", -exclusions, source:).
 * Pure. Uses the same analyzer as indexing (stages/arabic), so adapters never run Arabic rules themselves.
 */
import { AkhbarError } from "../../domain/errors.ts";
import type { QueryTerm, SearchQuery, SearchSort } from "../../domain/search.ts";
import { compoundKeyAt, mayBeginCompound, queryKeysOf } from "../arabic/analyze-text.ts";
import { COMPOUND_WORDS_MAX } from "../arabic/compound-names.ts";
import { stripInvisibles } from "../arabic/normalize-arabic.ts";
import { isStopWord } from "../arabic/stop-words.ts";
import { tokenize } from "../arabic/tokenize.ts";

/** Longest query read, in UTF-16 units; a pasted paragraph is cut here (search boxes rarely exceed 100). */
export const MAX_QUERY_CHARS = 512;
/** Most words kept across terms, phrases and exclusions; bounds the SQL an adapter builds. */
const MAX_QUERY_TERMS = 32;
/** Most `source:` filters kept. */
const MAX_QUERY_SOURCES = 16;

/** Quotation marks readers use for phrases: ASCII, guillemets and curly quotes all open or close one. */
const QUOTE_CHARS = new Set([
  "\u0022", // QUOTATION MARK
  "\u00ab", // LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
  "\u00bb", // RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
  "\u201c", // LEFT DOUBLE QUOTATION MARK
  "\u201d", // RIGHT DOUBLE QUOTATION MARK
  "\u201e", // DOUBLE LOW-9 QUOTATION MARK
]);

/** Most chunks (space-separated pieces of loose text) one compound spans: COMPOUND_WORDS_MAX words. */
const COMPOUND_CHUNKS_MAX = COMPOUND_WORDS_MAX;

/** Characters that mark an excluded word when they start it: hyphen-minus and MINUS SIGN. */
const EXCLUDE_MARKS = new Set(["-", "\u2212"]);

const SOURCE_PREFIX = "source:";

/**
 * The word that joins two alternatives (`أمريكا OR روسيا`): upper-case Latin only, as web search engines read it, so it
 * is never a word of an Arabic query. Arabic أو is not read as one: the script has no capitals to set an operator
 * apart, and it is an ordinary word of news prose (1 in 18 of the dev corpus's opening sentences, 29% of its
 * articles), so a pasted sentence holding it would silently switch from every word to either side.
 */
const OR_WORD = "OR";

/** Options the surface supplies: paging, time bounds and the freshness switch. */
export interface ParseQueryOptions {
  limit: number;
  offset: number;
  /** Source filters from outside the query text (flags, URL parameters); merged with `source:` words. */
  sources?: readonly string[];
  from?: string | null;
  to?: string | null;
  recency?: boolean;
  /** `date`: newest first instead of best first (SearchQuery.sort). */
  sort?: SearchSort;
}

/**
 * Analyzed terms of a display fragment. The words of a compound ("عبد الله", "أبو ظبي", "واتس اب") are one term, its
 * key (compoundKeyAt), as the index holds them at one position whichever way the text writes them, so the term finds
 * both writings, alone or inside a phrase. Its surface is the words written as one, particles removed (عبدالله), whose
 * search key the term's key is, as the SearchIndex port relies on.
 */
function termsOf(fragment: string): QueryTerm[] {
  const tokens = tokenize(fragment);
  const norms = tokens.map((t) => t.norm);
  const terms: QueryTerm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const compound = mayBeginCompound(t.norm) ? compoundKeyAt(norms, i) : null;
    if (compound !== null) {
      const last = tokens[i + compound.words - 1]!;
      terms.push({
        display: fragment.slice(t.start, last.end),
        surface: compound.written,
        stems: [compound.key],
      });
      i += compound.words - 1;
      continue;
    }
    terms.push({ display: fragment.slice(t.start, t.end), surface: t.norm, stems: queryKeysOf(t.norm) });
  }
  return terms;
}

/**
 * How many of `chunks` from `at` on one term takes: 1, or more when a compound (compoundKeyAt) that starts in the
 * chunk at `at` runs on into the next ("عبد" then "الله"; "أبو" then "عبد" then "الله"). Exclusions ("-اب") end it.
 */
function chunksOfTerm(chunks: readonly string[], at: number): number {
  let taken = 1;
  while (at + taken < chunks.length && !EXCLUDE_MARKS.has(chunks[at + taken]![0]!)) {
    const inside = tokenize(chunks.slice(at, at + taken).join(" ")).map((t) => t.norm);
    const after = tokenize(chunks.slice(at + taken, at + COMPOUND_CHUNKS_MAX).join(" ")).map((t) => t.norm);
    const words = [...inside, ...after];
    let reaches = false;
    for (let i = 0; i < inside.length && !reaches; i++) {
      const compound = mayBeginCompound(words[i]!) ? compoundKeyAt(words, i) : null;
      if (compound !== null) {
        reaches = i + compound.words > inside.length;
        i += compound.words - 1;
      }
    }
    if (!reaches) break;
    taken++;
  }
  return taken;
}

/** One piece of a query, in reading order: a quoted phrase's body, or one space-separated chunk of the loose text. */
type Piece = { phrase: string } | { chunk: string };

/** Splits raw input into phrase bodies and the chunks of loose text around them, in order; an unmatched quote is ignored. */
function splitPieces(raw: string): Piece[] {
  const pieces: Piece[] = [];
  const pushLoose = (text: string) => {
    for (const chunk of text.split(/\s+/u)) if (chunk !== "") pieces.push({ chunk });
  };
  let current = "";
  let open = false;
  let buffer = "";
  for (const ch of raw) {
    if (QUOTE_CHARS.has(ch)) {
      if (!open) {
        pushLoose(current);
        current = "";
        open = true;
        buffer = "";
      } else {
        pieces.push({ phrase: buffer });
        open = false;
      }
      continue;
    }
    if (!open) current += ch;
    else buffer += ch;
  }
  // An unbalanced quote: read what followed it as loose words.
  pushLoose(open ? buffer : current);
  return pieces;
}

/**
 * `raw` cut to MAX_QUERY_CHARS at the last whitespace before the limit (mid-word only when one word is longer), so a
 * pasted paragraph loses whole words, never half of one. `cut` says whether anything was left out.
 * Example: ("وزارة الصحة تعلن…" of 600 chars) → {text: the words within the first 512 chars, cut: true}.
 */
export function cutQuery(raw: string): { text: string; cut: boolean } {
  if (raw.length <= MAX_QUERY_CHARS) return { text: raw, cut: false };
  // The character just past the limit tells whether the limit falls between words.
  const head = raw.slice(0, MAX_QUERY_CHARS + 1);
  const lastSpace = head.search(/\s\S*$/u);
  const text = (lastSpace > 0 ? head.slice(0, lastSpace) : head.slice(0, MAX_QUERY_CHARS)).trimEnd();
  return { text, cut: true };
}

/**
 * Takes the `source:ID` words out of a query, outside quoted phrases, as the search form's outlet filter. Quotes pair
 * as in splitPieces: an unmatched quote opens nothing. Each word may name several outlets by commas; ids are
 * unquoted and lowercased (source ids are lowercase slugs), without repeats; checking them is the caller's job.
 * Example: `وزارة الصحة source:okaz,Sabq` → {text: "وزارة الصحة", sources: ["okaz", "sabq"]}.
 */
export function splitQuerySources(raw: string): { text: string; sources: string[] } {
  const sources: string[] = [];
  const kept: string[] = [];
  let inPhrase = false;
  // Quotes not yet passed: a quote opens a phrase only when one follows to close it.
  let quotesAhead = [...raw].filter((ch) => QUOTE_CHARS.has(ch)).length;
  for (const chunk of raw.split(/(\s+)/u)) {
    const chunkQuotes = [...chunk].filter((ch) => QUOTE_CHARS.has(ch)).length;
    if (!inPhrase && chunk.toLowerCase().startsWith(SOURCE_PREFIX)) {
      quotesAhead -= chunkQuotes;
      for (const id of sourceIdsOf(chunk.slice(SOURCE_PREFIX.length)))
        if (sources.length < MAX_QUERY_SOURCES && !sources.includes(id)) sources.push(id);
      continue;
    }
    kept.push(chunk);
    for (const ch of chunk) {
      if (!QUOTE_CHARS.has(ch)) continue;
      quotesAhead -= 1;
      if (inPhrase || quotesAhead > 0) inPhrase = !inPhrase;
    }
  }
  return { text: kept.join("").replace(/\s+/gu, " ").trim(), sources };
}

/** The outlet ids of a `source:` word's value: `okaz,«Sabq»` → ["okaz", "sabq"]. */
function sourceIdsOf(value: string): string[] {
  return [...value]
    .filter((ch) => !QUOTE_CHARS.has(ch))
    .join("")
    .toLowerCase()
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

/**
 * Parses a search box query. Words are required (AND); "quoted text" (also « », “ ”) is a phrase; -word excludes;
 * `a OR b` needs either (words or phrases, chained: `a OR b OR c`; OR binds only its neighbours); source:ID restricts
 * to a publisher (repeatable). Stop words outside phrases are not required, unless every word
 * is one (a search for علي, which is also على). Garbage is tolerated; input is capped at MAX_QUERY_CHARS and
 * MAX_QUERY_TERMS (cutQuery). A query of filters only (a source, from the text or `opts`) browses: no terms, the
 * newest matches first. Throws AkhbarError `search.bad_query` when neither a searchable word nor a source remains, and
 * `search.bad_param` (q, bad_syntax) for an OR with nothing on one side or next to an excluded word.
 * Example: `وزارة الصحة "كورونا الجديد" -لقاح source:spa` -> 2 terms, 1 phrase of 2, 1 excluded, sources ["spa"].
 */
export function parseQuery(raw: string, opts: ParseQueryOptions): SearchQuery {
  // Invisibles go first: U+FEFF is \s to the word split below but inside a word to the tokenizer and the index.
  // `source:` words leave first, by the rule the reader's search form uses, so the box and the results agree.
  const split = splitQuerySources(stripInvisibles(cutQuery(raw).text));
  const pieces = splitPieces(split.text);

  let budget = MAX_QUERY_TERMS;
  const take = (terms: QueryTerm[]): QueryTerm[] => {
    const kept = terms.slice(0, Math.max(0, budget));
    budget -= kept.length;
    return kept;
  };

  // The query's words and phrases in order, each an atom, and OR between them.
  const atoms: (Atom | typeof OR_WORD)[] = [];
  for (let p = 0; p < pieces.length; ) {
    const piece = pieces[p]!;
    if ("phrase" in piece) {
      // A phrase that is one compound in two words ("واتس اب", "عبد الله") is that word, written either way.
      const words = take(termsOf(piece.phrase));
      if (words.length > 0) atoms.push({ words, excluded: false, optional: false });
      p++;
      continue;
    }
    if (piece.chunk === OR_WORD) {
      atoms.push(OR_WORD);
      p++;
      continue;
    }
    // A run of loose chunks up to the next phrase or OR: a compound may span chunks inside it.
    const chunks: string[] = [];
    for (; p < pieces.length; p++) {
      const next = pieces[p]!;
      if (!("chunk" in next) || next.chunk === OR_WORD) break;
      chunks.push(next.chunk);
    }
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      const excluding = EXCLUDE_MARKS.has(chunk[0]!);
      // "عبد الله", "واتس اب" typed as two words: read with the next chunks so termsOf joins them ("-عبد الله"
      // excludes the name).
      const rest = [excluding ? chunk.slice(1) : chunk, ...chunks.slice(i + 1, i + COMPOUND_CHUNKS_MAX)];
      const taken = chunksOfTerm(rest, 0);
      const text = rest.slice(0, taken).join(" ");
      i += taken - 1;
      for (const term of take(termsOf(text)))
        atoms.push({ words: [term], excluded: excluding, optional: !excluding && isStopWord(term.surface) });
    }
  }

  const phrases: QueryTerm[][] = [];
  const required: QueryTerm[] = [];
  const excluded: QueryTerm[] = [];
  const anyOf: QueryTerm[][][] = [];
  const optionalStopWords: QueryTerm[] = [];
  for (const unit of joinAlternatives(atoms)) {
    if (unit.length > 1) {
      anyOf.push(unit.map((atom) => atom.words));
      continue;
    }
    const atom = unit[0]!;
    const [first] = atom.words;
    if (atom.words.length > 1) phrases.push(atom.words);
    else if (first === undefined) continue;
    else if (atom.excluded) excluded.push(first);
    // A one-word phrase is an exact required word, stop word or not.
    else if (atom.optional) optionalStopWords.push(first);
    else required.push(first);
  }
  if (required.length === 0 && phrases.length === 0 && anyOf.length === 0)
    required.push(...optionalStopWords);
  const allSources = [...new Set([...(opts.sources ?? []), ...split.sources])];
  if (required.length === 0 && phrases.length === 0 && anyOf.length === 0 && allSources.length === 0) {
    throw new AkhbarError("search.bad_query", "search: the query has no searchable words", {
      query: raw.slice(0, 100),
    });
  }
  return {
    terms: dedupeBySurface(required),
    phrases,
    anyOf,
    excluded: dedupeBySurface(excluded),
    sources: allSources,
    from: opts.from ?? null,
    to: opts.to ?? null,
    limit: opts.limit,
    offset: opts.offset,
    recency: opts.recency ?? false,
    sort: opts.sort ?? "relevance",
  };
}

/** True when `raw` has a word or phrase to match (not only filters, exclusions or punctuation). */
export function hasSearchableWords(raw: string): boolean {
  try {
    const q = parseQuery(raw, { limit: 0, offset: 0 });
    return q.terms.length + q.phrases.length + q.anyOf.length > 0;
  } catch {
    return false;
  }
}

/** A word (one term) or a quoted phrase of the query, excluded (-word) or not; a loose stop word is optional. */
interface Atom {
  words: QueryTerm[];
  excluded: boolean;
  optional: boolean;
}

/**
 * The atoms in units: an atom alone, or the alternatives OR joins (`a OR b OR "c d"`), repeats left out. OR binds its
 * two neighbours only, so `a b OR c` needs a and one of b, c. Throws AkhbarError `search.bad_param` (q, bad_syntax)
 * when an OR lacks a word or phrase on either side, or joins an excluded word (`-a OR b` has no one reading).
 */
function joinAlternatives(atoms: readonly (Atom | typeof OR_WORD)[]): Atom[][] {
  const units: Atom[][] = [];
  let joining = false;
  for (const atom of atoms) {
    const last = units.at(-1);
    if (atom === OR_WORD) {
      if (last === undefined || joining) throw badSyntax("OR must stand between two words or phrases");
      joining = true;
      continue;
    }
    if (!joining || last === undefined) {
      units.push([atom]);
      continue;
    }
    if (atom.excluded || last.some((a) => a.excluded))
      throw badSyntax("OR cannot join an excluded word (-word)");
    joining = false;
    const key = (a: Atom) => a.words.map((w) => w.surface).join(" ");
    if (!last.some((a) => key(a) === key(atom))) last.push({ ...atom, optional: false });
  }
  if (joining) throw badSyntax("OR must stand between two words or phrases");
  return units.map((unit) => (unit.length === 1 ? unit : unit.map((a) => ({ ...a, optional: false }))));
}

/** A query the parser cannot read: `search.bad_param` on `q`, as surfaces report a bad parameter (400). */
function badSyntax(problem: string): AkhbarError {
  return new AkhbarError("search.bad_param", `search: parameter "q" is not a valid query: ${problem}`, {
    param: "q",
    reason: "bad_syntax",
  });
}

/** Keeps the first term of each surface form: "غزة غزة" asks for one word. */
function dedupeBySurface(terms: QueryTerm[]): QueryTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    if (seen.has(t.surface)) return false;
    seen.add(t.surface);
    return true;
  });
}
