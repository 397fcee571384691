/**
 * Headline subjects: the places, organizations and persons a headline names, so that a template's different events
 * ("الدفاع المدني تعايد منسوبيها", "هيئة الهلال الأحمر تعايد منسوبيها") are told apart from one event's coverage.
 * Stories stage, pure; read once per article (worker side) and compared in the clusterer's join and merge.
 */
import { PLACE_WITHIN } from "../entities/entity-lexicon.ts";
import { extractEntities, placeKeyOf } from "../entities/extract-entities.ts";

/**
 * A join whose article and story both name subjects of one kind and share none keeps this share of its score (and a
 * merge's cosine and score likewise): a shared template ("تعايد منسوبيها", "المقابلات الشخصية") is then not enough,
 * a shared lead still is. Tuned (bench/stories/tune-clustering.ts) on the DEV story sets and the `tune` half of
 * testdata/labels/story-purity.jsonl, against no check (1): 0.65 kept 315/360 same-event purity pairs and joined 42/58
 * different-event ones (mean DEV F1 0.520 -> 0.533); 0.5 kept 312 and joined 16 (DEV F1 0.538); 0.35 the same 312/16
 * (DEV F1 0.534). Long-range pairs unchanged (13/32 kept, 8/43 wrong). The `test` half, read alongside: wrong joins
 * 113 -> 91 of 113, same-event pairs kept 389 -> 355 of 398.
 */
export const SUBJECT_CONFLICT_FACTOR = 0.5;

/** Subject kinds, as the one-letter tag that begins a subject id (person is "r": "p" is taken by places). */
const PLACE = "p";
/**
 * A place that holds a named place from further up than its own region ("w:السعودية" for جدة): a story naming جدة
 * meets an article naming السعودية, but a story that has taken in السعودية does not meet every Saudi town (one
 * country-wide forecast would chain every region's), and towns of two regions stay apart.
 */
const HOLDING_PLACE = "w";
const ORGANIZATION = "o";
const PERSON = "r";
/** Marks a proper prefix of an organization's key, so a short form meets its long one either way round. */
const PREFIX = "<";

/**
 * Lexicon places whose name headlines use more often as an everyday word, so a subject would make a false conflict:
 * سيول ("floods": "سيول جارفة تجتاح المحافظة" named Seoul) and درعا ("a shield": "يسلم درعًا تذكاريًا" named Daraa).
 */
const PLACES_READ_AS_WORDS_IN_HEADLINES: ReadonlySet<string> = new Set(["سيول", "درعا"].map(placeKeyOf));

/**
 * Place key -> the subject ids of the places holding it (PLACE_WITHIN, followed to the top): its direct holder as a
 * place ("p:"), so towns of one region or of one country without regions meet (أبها and خميس مشيط in عسير, عدن and
 * لحج in اليمن), and a holder of regions as a holding place ("w:"), so جدة meets السعودية but not الرياض.
 */
const HOLDERS: ReadonlyMap<string, readonly string[]> = buildHolders();

function buildHolders(): Map<string, string[]> {
  const parent = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [place, holder] of PLACE_WITHIN) {
    const p = placeKeyOf(place);
    const h = placeKeyOf(holder);
    // Two towns with one stem key in different regions: the key says neither.
    if (parent.has(p) && parent.get(p) !== h) ambiguous.add(p);
    if (p !== h) parent.set(p, h);
  }
  for (const p of ambiguous) parent.delete(p);
  const holdsRegions = new Set<string>();
  for (const h of parent.values()) {
    const up = parent.get(h);
    if (up !== undefined) holdsRegions.add(up);
  }
  const out = new Map<string, string[]>();
  for (const p of parent.keys()) {
    const ids: string[] = [];
    const seen = new Set<string>([p]);
    for (let h = parent.get(p); h !== undefined && !seen.has(h); h = parent.get(h)) {
      seen.add(h);
      ids.push(`${ids.length === 0 && !holdsRegions.has(h) ? PLACE : HOLDING_PLACE}:${h}`);
    }
    out.set(p, ids);
  }
  return out;
}

/**
 * The subjects a headline names, as sorted distinct ids `<kind>:<key>`: a place with every region or country that
 * holds it ("أبها" -> places أبها and عسير), an organization by its key, a person by the last word of the name (a
 * later headline names "الجبير" for "عادل الجبير"). Keys are the entity reader's variant-folded stems. Example:
 * "تعليم جازان يبدأ المقابلات الشخصية" -> ["p:جاز", "w:سعود"]; "الخدمة المدنية تعايد منسوبيها" -> [] (the entity
 * reader does not know that body).
 */
export function toHeadlineSubjects(title: string): string[] {
  const out = new Set<string>();
  for (const e of extractEntities(title)) {
    if (e.kind === "place") {
      if (PLACES_READ_AS_WORDS_IN_HEADLINES.has(e.key)) continue;
      out.add(`${PLACE}:${e.key}`);
      for (const h of HOLDERS.get(e.key) ?? []) out.add(h);
    } else if (e.kind === "organization") out.add(`${ORGANIZATION}:${e.key}`);
    else out.add(`${PERSON}:${e.key.slice(e.key.lastIndexOf(" ") + 1)}`);
  }
  return withoutHeldPlaces(out).sort();
}

/**
 * Subject ids without a place that also holds another of them from above its region: "الرياض" with "السعودية" is
 * about Riyadh, and only Riyadh should meet (the holder stays as "w:", to meet a side naming only السعودية).
 */
function withoutHeldPlaces(ids: ReadonlySet<string>): string[] {
  return [...ids].filter((s) => !(s[0] === PLACE && ids.has(HOLDING_PLACE + s.slice(1))));
}

/** Proper prefixes of an organization id's key of at least two words ("o:هيئه هلال احمر" -> ["o:هيئه هلال"]). */
function organizationPrefixes(id: string): string[] {
  const out: string[] = [];
  for (let at = id.indexOf(" "), words = 1; at >= 0; at = id.indexOf(" ", at + 1)) {
    if (++words > 2) out.push(id.slice(0, at));
  }
  return out;
}

/** The empty set every SubjectSet starts with; never written. */
const NONE: Set<string> = new Set();

/**
 * The subjects of a story's headlines, growing as members join and stories merge. Two sides conflict when both name
 * a subject of one kind and they share no subject at all: a place counts as shared with any place holding it, an
 * organization with a short form of its name ("هيئة الهلال الأحمر" and "هيئة الهلال الأحمر السعودي").
 */
export class SubjectSet {
  /** Subject ids, and PREFIX + each proper prefix of the organizations'; shared empty until the first subject. */
  private ids: Set<string> = NONE;
  private kinds: Set<string> = NONE;

  add(subjects: readonly string[] | undefined): void {
    if (subjects === undefined || subjects.length === 0) return;
    // Most stories are one article with no subject: they allocate nothing.
    if (this.ids === NONE) {
      this.ids = new Set();
      this.kinds = new Set();
    }
    for (const s of subjects) {
      if (this.ids.has(s)) continue;
      this.ids.add(s);
      this.kinds.add(s[0] === HOLDING_PLACE ? PLACE : s[0]!);
      if (s[0] === ORGANIZATION) for (const p of organizationPrefixes(s)) this.ids.add(PREFIX + p);
    }
  }

  addSet(other: SubjectSet): void {
    this.add([...other.ids].filter((s) => s[0] !== PREFIX));
  }

  /** The subject ids added so far (no prefixes), a holding place's own id left out as in toHeadlineSubjects. */
  subjects(): string[] {
    return withoutHeldPlaces(this.ids).filter((s) => s[0] !== PREFIX);
  }

  /** True when `subjects` and this set both name a subject of one kind and share none. */
  conflicts(subjects: readonly string[] | undefined): boolean {
    if (subjects === undefined || this.ids.size === 0) return false;
    let commonKind = false;
    for (const s of subjects) {
      if (this.has(s)) return false;
      if (s[0] !== HOLDING_PLACE && this.kinds.has(s[0]!)) commonKind = true;
    }
    return commonKind;
  }

  /** Two stories conflict when neither meets any of the other's subjects (the rule is not symmetric for places). */
  conflictsWithSet(other: SubjectSet): boolean {
    return this.conflicts(other.subjects()) && other.conflicts(this.subjects());
  }

  private has(s: string): boolean {
    // A place meets itself, a town of its region, or a story place it holds; a holding place meets nothing itself.
    if (s[0] === HOLDING_PLACE) return false;
    if (this.ids.has(s)) return true;
    if (s[0] === PLACE) return this.ids.has(HOLDING_PLACE + s.slice(1));
    if (s[0] !== ORGANIZATION) return false;
    if (this.ids.has(PREFIX + s)) return true;
    for (const p of organizationPrefixes(s)) if (this.ids.has(p)) return true;
    return false;
  }
}
