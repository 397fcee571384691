/**
 * Headline subjects: the places (a country also by its adjective), organizations and persons a headline names, so
 * that a template's different events ("الدفاع المدني تعايد منسوبيها", "هيئة الهلال الأحمر تعايد منسوبيها",
 * "البورصة الكويتية تغلق", "بورصة مصر تغلق") are told apart from one event's coverage.
 * Stories stage, pure; read once per article (worker side) and compared in the clusterer's join and merge.
 */
import { matchKeyOf } from "../arabic/analyze-text.ts";
import { normalizeArabic } from "../arabic/normalize-arabic.ts";
import { isSpaceOnly, tokenize } from "../arabic/tokenize.ts";
import { PLACE_ADJECTIVES, PLACE_WITHIN } from "../entities/entity-lexicon.ts";
import { extractEntities, placeKeyOf } from "../entities/extract-entities.ts";
import { addressedPartOf, condemnedPartOf, namesViolentAct } from "./reaction-headline.ts";

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
/**
 * A country named only by its adjective ("a:مصر" for "البورصة المصرية"): it meets the country's place either way
 * round and tells two countries apart, but sharing it settles no other subject: "القوات العراقية تحرر جامعة الأنبار"
 * and "مقتل العشرات من داعش غربي العراق" are two events of one war. Read as a full place, such shares lifted
 * conflicts between bodies and joined 6 pairs of different DEV stories and no pair of one (mean DEV F1 0.537 ->
 * 0.526, bench/stories/tune-clustering.ts, 2026-11-30).
 */
const ADJECTIVE_PLACE = "a";
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
 * Match key of a country's adjective -> the country's place key ("المصرية", "مصريون" -> key "مصر" -> place مصر).
 * The match key folds proclitics, gender and number, and أمريكي/أميركي; keyed by the form with the article, since
 * a hamza's alef folds to the article's ("الألماني" keys as المان, "ألماني" as مان, which the footballer ماني shares):
 * an indefinite form is read where its key is the definite one's ("مصرية", not "ألمانية").
 */
const PLACE_OF_ADJECTIVE: ReadonlyMap<string, string> = new Map(
  PLACE_ADJECTIVES.map(([place, adjective]) => [
    matchKeyOf(normalizeArabic(`\u0627\u0644${adjective}`)),
    placeKeyOf(place),
  ]),
);

/**
 * A definite nisba adjective, singular, as normalized: the article (after و/ف and ب/ك, or ل as لل) and ي or يه (ية)
 * at the end: "اليمني", "بالمصرية", "للكويتية". Definite singular adjectives name a country's bodies and officials
 * ("الجيش اليمني", "البورصة الكويتية", "نظيره الروسي"); indefinite and plural ones mostly people's nationality in
 * another place's event ("يمني يناشد الملك", "وفاة 9 معتمرين عمانيين" in الأحساء, "جندي تركي"), where the country
 * is not what the headline is about. Also keeps the given name تركي (Turki) and "ترك" (left) out.
 */
const DEFINITE_NISBA = /^[\u0648\u0641]?(?:[\u0628\u0643]?\u0627\u0644|\u0644\u0644).+\u064a\u0647?$/;

/**
 * A word a definite adjective after it describes: a definite noun ("الجيش", "بالبورصة", "للخارجية") or one with a
 * pronoun ("نظيره", "حكومتها"; \u0647 HEH is also the folded ة of a feminine noun). An adjective after anything else
 * is a person's or a club's ("الأرجنتيني سابيلا", "شانديز الإيراني"), a name ("عبدالله بن عبدالمحسن التركي"), or
 * quoted ("القطار «الإسباني»"), and says little of what the headline is about.
 */
const DESCRIBED_NOUN =
  /^[\u0648\u0641]?(?:[\u0628\u0643]?\u0627\u0644|\u0644\u0644).|(?:\u0647|\u0647\u0627)$/;

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
 * holds it ("أبها" -> places أبها and عسير), a country the headline names only by its adjective after a noun
 * ("البورصة الكويتية" -> "a:كويت"), an organization by its key, a person by the last word of the name (a later
 * headline names "الجبير" for "عادل الجبير"). Keys are the entity reader's variant-folded stems. Example:
 * "تعليم جازان يبدأ المقابلات الشخصية" -> ["p:جاز", "w:سعود"]; "الخدمة المدنية تعايد منسوبيها" -> [] (the entity
 * reader does not know that body).
 * A condemnation names what it condemns only (reaction-headline.ts condemnedPartOf): "الإمارات تدين جريمة حرق رضيع
 * في نابلس" names نابلس, not الإمارات. Read with who condemns, an event's condemnations conflicted with its story and
 * with each other (the Duma arson split into stories of who condemned it); a condolence or a greeting keeps who
 * offers it. Measured (bench/stories/tune-clustering.ts, 2026-11-30): mean DEV F1 0.819 -> 0.836 (DEV4 R 0.606 ->
 * 0.734), see testdata/labels/README.md.
 * A call, warning, welcome, denial or rejection names what follows its verb (addressedPartOf) when that names a
 * subject or an act of violence ("الجامعة العربية ترحب بالهدنة في اليمن" -> اليمن; "حماس تدعو إلى الرد على مقتل
 * الطفل" -> none), else the whole headline: "تعليم الطائف يدعو 60 معلمًا لإجراء المقابلات" is its body's own news,
 * a template the subjects keep apart. A reaction after a clause reporting the event keeps the whole headline. Measured
 * (2026-11-30, helper "reactors2"): mean DEV F1 0.836 -> 0.851 (DEV4 P 0.967 -> 0.971, R 0.734 -> 0.830).
 */
export function toHeadlineSubjects(headline: string): string[] {
  const condemned = condemnedPartOf(headline);
  if (condemned !== null) return subjectsOf(condemned);
  const addressed = addressedPartOf(headline);
  if (addressed !== null) {
    const called = subjectsOf(addressed);
    if (called.length > 0 || namesViolentAct(addressed)) return called;
  }
  return subjectsOf(headline);
}

/** The subjects a text names (toHeadlineSubjects without its reading of reactions). */
function subjectsOf(title: string): string[] {
  const out = new Set<string>();
  for (const e of extractEntities(title)) {
    if (e.kind === "place") {
      if (PLACES_READ_AS_WORDS_IN_HEADLINES.has(e.key)) continue;
      out.add(`${PLACE}:${e.key}`);
      for (const h of HOLDERS.get(e.key) ?? []) out.add(h);
    } else if (e.kind === "organization") out.add(`${ORGANIZATION}:${e.key}`);
    else out.add(`${PERSON}:${e.key.slice(e.key.lastIndexOf(" ") + 1)}`);
  }
  const tokens = tokenize(title);
  for (let i = 1; i < tokens.length; i++) {
    const w = tokens[i]!.norm;
    if (!DEFINITE_NISBA.test(w)) continue;
    const before = tokens[i - 1]!;
    if (!isSpaceOnly(title, before.end, tokens[i]!.start) || !DESCRIBED_NOUN.test(before.norm)) continue;
    const place = PLACE_OF_ADJECTIVE.get(matchKeyOf(w));
    if (place !== undefined && !out.has(`${PLACE}:${place}`)) out.add(`${ADJECTIVE_PLACE}:${place}`);
  }
  return withoutHeldPlaces(out).sort();
}

/**
 * The places among subject ids (toHeadlineSubjects): places, holding places and countries named by their adjective;
 * organizations and persons dropped. Example: ["o:مجلس امن", "p:عسير", "r:نايف"] -> ["p:عسير"].
 */
export function toPlaceSubjects(subjects: readonly string[]): string[] {
  return subjects.filter((s) => s[0] === PLACE || s[0] === HOLDING_PLACE || s[0] === ADJECTIVE_PLACE);
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
  /** A place no other holds was added (a country, as far as PLACE_WITHIN knows). */
  private namesCountry = false;
  /** Headlines naming each town (a place directly held by a place: townsByHolder), null until one does. */
  private townCounts: Map<string, number> | null = null;
  /** Headlines naming each id (organization prefixes included), and headlines naming any subject: `conflicts`' mainShare. */
  private counts: Map<string, number> | null = null;
  private headlines = 0;

  /** True until a subject is added. */
  isEmpty(): boolean {
    return this.ids.size === 0;
  }

  add(subjects: readonly string[] | undefined): void {
    if (subjects === undefined || subjects.length === 0) return;
    // Most stories are one article with no subject: they allocate nothing.
    if (this.ids === NONE) {
      this.ids = new Set();
      this.kinds = new Set();
    }
    this.headlines++;
    for (const s of subjects) {
      this.count(s);
      if (s[0] === ORGANIZATION) for (const p of organizationPrefixes(s)) this.count(PREFIX + p);
      if (s[0] === PLACE && HOLDERS.get(s.slice(2))?.[0]?.[0] === PLACE) {
        this.townCounts ??= new Map();
        this.townCounts.set(s, (this.townCounts.get(s) ?? 0) + 1);
      }
      if (this.ids.has(s)) continue;
      this.ids.add(s);
      this.kinds.add(s[0] === HOLDING_PLACE ? PLACE : s[0]!);
      if (isCountry(s)) this.namesCountry = true;
      if (s[0] === ORGANIZATION) for (const p of organizationPrefixes(s)) this.ids.add(PREFIX + p);
    }
  }

  addSet(other: SubjectSet): void {
    const headlines = this.headlines;
    const counts = new Map(this.counts ?? []);
    this.add([...other.ids].filter((s) => s[0] !== PREFIX && !other.townCounts?.has(s)));
    for (const [id, n] of other.counts ?? []) counts.set(id, (counts.get(id) ?? 0) + n);
    // Towns carry their counts over (one add each, then the rest).
    for (const [t, n] of other.townCounts ?? []) {
      this.add([t]);
      this.townCounts!.set(t, this.townCounts!.get(t)! + n - 1);
    }
    // Counts and headlines are the two sides' sums, not what the adds above counted.
    if (counts.size > 0) this.counts = counts;
    this.headlines = headlines + other.headlines;
  }

  /** The subject ids added so far (no prefixes), a holding place's own id left out as in toHeadlineSubjects. */
  subjects(): string[] {
    return withoutHeldPlaces(this.ids).filter((s) => s[0] !== PREFIX);
  }

  /**
   * True when `subjects` and this set both name a subject of one kind and share none. A country named by its
   * adjective meets that country's place either way round but settles nothing else (two bodies of one country, or
   * "مدني بنجران" and "مدني جازان" beside "الأراضي اليمنية", still conflict), and conflicts only with another
   * country, by name or adjective (isCountry): a foreign body's reaction to a Saudi town's event stays with it.
   * With `mainShare`, this set meets a subject only when at least that share of its subject-naming headlines named it
   * (story-clusterer.ts STORY_MAIN_SUBJECT_SHARE): a grown story's union of subjects meets almost anything.
   */
  conflicts(subjects: readonly string[] | undefined, mainShare = 0): boolean {
    if (subjects === undefined || this.ids.size === 0) return false;
    const minCount = mainShare * this.headlines;
    let otherKind = false;
    let places = false;
    let adjectivePlaces = false;
    let sharedAdjective = false;
    let countries = false;
    for (const s of subjects) {
      const met = this.meets(s, minCount);
      if (met === MEETS) return false;
      if (met === MEETS_BY_ADJECTIVE) sharedAdjective = true;
      if (s[0] === PLACE) {
        places = true;
        if (isCountry(s)) countries = true;
      } else if (s[0] === ADJECTIVE_PLACE) adjectivePlaces = true;
      else if (s[0] !== HOLDING_PLACE && this.kinds.has(s[0]!)) otherKind = true;
    }
    if (otherKind || (places && this.kinds.has(PLACE))) return true;
    if (sharedAdjective) return false;
    const ownAdjectives = this.kinds.has(ADJECTIVE_PLACE);
    return (adjectivePlaces && (ownAdjectives || this.namesCountry)) || (ownAdjectives && countries);
  }

  /**
   * True when both sets name towns directly held by one place (PLACE_WITHIN: towns of one region, or of a country
   * without regions) and neither side's main towns (those its headlines name most often) are named by the other at
   * all: "المقاومة في مأرب تسيطر على ثلاثة مواقع" and "قوات هادي تسيطر على معظم أحياء عدن" name two fronts of one war,
   * which meet through اليمن as a join should (a campaign's reports move from town to town), but two pieces of
   * coverage that each settled on their own towns are two stories. Main towns, not all: a grown piece picks up a
   * round-up naming a third town (تعز) on both sides. Read for merges only (MERGE_SIBLING_TOWNS_APART); a holder
   * named by itself ("اليمن: …") is no town.
   */
  namesOtherSiblingTowns(other: SubjectSet): boolean {
    if (this.townCounts === null || other.townCounts === null) return false;
    const mine = townsByHolder(this.townCounts);
    const theirs = townsByHolder(other.townCounts);
    let apart = false;
    for (const [holder, towns] of theirs) {
      const own = mine.get(holder);
      if (own === undefined) continue;
      if (mainTowns(own).some((t) => towns.has(t)) || mainTowns(towns).some((t) => own.has(t))) return false;
      apart = true;
    }
    return apart;
  }

  /** Two stories conflict when neither meets any of the other's subjects (the rule is not symmetric for places). */
  conflictsWithSet(other: SubjectSet): boolean {
    return this.conflicts(other.subjects()) && other.conflicts(this.subjects());
  }

  /** Whether id `id` was added by at least `minCount` headlines (by any, up to 1). */
  private isMain(id: string, minCount: number): boolean {
    if (!this.ids.has(id)) return false;
    return minCount <= 1 || (this.counts?.get(id) ?? 0) >= minCount;
  }

  private count(id: string): void {
    this.counts ??= new Map();
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }

  /** How this set meets subject `s`: not at all, as one subject, or only through a country's adjective. */
  private meets(s: string, minCount = 0): Meeting {
    // A place meets itself, a town of its region, or a story place it holds; a holding place meets nothing itself.
    if (s[0] === HOLDING_PLACE) return MEETS_NOT;
    if (s[0] === PLACE || s[0] === ADJECTIVE_PLACE) {
      const key = s.slice(1);
      if (s[0] === PLACE && (this.isMain(s, minCount) || this.isMain(HOLDING_PLACE + key, minCount)))
        return MEETS;
      const byAdjective =
        this.isMain(ADJECTIVE_PLACE + key, minCount) ||
        (s[0] === ADJECTIVE_PLACE &&
          (this.isMain(PLACE + key, minCount) || this.isMain(HOLDING_PLACE + key, minCount)));
      return byAdjective ? MEETS_BY_ADJECTIVE : MEETS_NOT;
    }
    if (this.isMain(s, minCount)) return MEETS;
    if (s[0] !== ORGANIZATION) return MEETS_NOT;
    if (this.isMain(PREFIX + s, minCount)) return MEETS;
    for (const p of organizationPrefixes(s)) if (this.isMain(p, minCount)) return MEETS;
    return MEETS_NOT;
  }
}

/** Towns with their headline counts by the place directly holding them ("p:يمن" -> {"p:عدن" -> 3, "p:لحج" -> 1}). */
function townsByHolder(townCounts: ReadonlyMap<string, number>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [t, n] of townCounts) {
    const holder = HOLDERS.get(t.slice(2))![0]!;
    const towns = out.get(holder);
    if (towns === undefined) out.set(holder, new Map([[t, n]]));
    else towns.set(t, n);
  }
  return out;
}

/** The towns named most often (ties all kept). */
function mainTowns(towns: ReadonlyMap<string, number>): string[] {
  const top = Math.max(...towns.values());
  return [...towns].filter(([, n]) => n === top).map(([t]) => t);
}

/**
 * A place id of a place no other holds: a country, or a foreign town PLACE_WITHIN does not list. Only such places
 * conflict with a country's adjective: "السفير العماني: إخلاء ناجح لضحايا حادث الحافلة" and "إخلاء المصابين
 * العمانيين من مستشفيات الأحساء" report one accident (a foreign body's reaction to a Saudi town's event, as "الخارجية
 * المصرية تدين تفجير عسير"), while "البورصة الكويتية" and "بورصة مصر" report two markets.
 */
function isCountry(id: string): boolean {
  return id[0] === PLACE && !HOLDERS.has(id.slice(2));
}

const MEETS_NOT = 0;
const MEETS = 1;
const MEETS_BY_ADJECTIVE = 2;
type Meeting = typeof MEETS_NOT | typeof MEETS | typeof MEETS_BY_ADJECTIVE;
