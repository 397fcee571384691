/**
 * The search an entity links to (the reader's chips, /entities, the entities API): every form of the entity as a
 * quoted phrase, joined by OR. Surface code over stages/arabic and stages/search's syntax; pure.
 */
import { searchKeyOf } from "../stages/arabic/analyze-text.ts";
import { tokenize } from "../stages/arabic/tokenize.ts";
import { type EntityKind, isGivenName } from "../stages/entities/extract-entities.ts";
import { MAX_QUERY_CHARS } from "../stages/search/parse-query.ts";

/**
 * Words of all the phrases together at most: parse-query.ts reads 32 words of a query (MAX_QUERY_TERMS), so forms past
 * that would be dropped unseen; forms come most used first, so the rarest go.
 */
const ENTITY_QUERY_WORDS_MAX = 32;

/**
 * The query for an entity's forms (extract-entities.ts Entity.forms, most used first; a place's name alone): each as a
 * quoted phrase, joined by OR, leaving out a form that holds another one's words in a row (compared by search key, so particles and
 * spellings the search folds do not count): the shorter one's phrase finds its articles too.
 * Examples (forms): ["وزارة الداخلية السعودية", "وزارة الداخلية"] -> `"وزارة الداخلية"`;
 * ["محمد بن نايف", "الأمير محمد"] -> `"محمد بن نايف" OR "الأمير محمد"`; a place ["أبها", "أبين"] -> `"أبها"`.
 */
export function toEntityQuery(entity: { kind: EntityKind; name: string; forms?: readonly string[] }): string {
  // A place's spellings share one search key (analyze-text.ts: سورية finds سوريا), so its name's phrase finds them
  // all; other names under its entity key are other places the key's light stems join (أبها and أبين are both اب).
  const forms = entity.kind === "place" ? [entity.name] : (entity.forms ?? [entity.name]);
  const keyed = forms
    // A person's given name alone ("فيصل" counted as "فيصل بن تركي" in one story) names thousands of others.
    .filter((form, i) => i === 0 || entity.kind !== "person" || !isGivenNameAlone(form))
    .map((form) => ({
      form: form.replace(/["\u00ab\u00bb\u201c\u201d\u201e]/gu, " ").trim(),
      keys: keysOf(form),
    }))
    .filter((f) => f.keys.length > 0);
  const kept = keyed.filter(
    (f, i) =>
      !keyed.some(
        (g, j) =>
          j !== i &&
          holdsInARow(f.keys, g.keys) &&
          // Of two forms with the same keys, the first stays.
          (g.keys.length < f.keys.length || j < i),
      ),
  );
  const phrases: string[] = [];
  let words = 0;
  let chars = 0;
  for (const f of kept) {
    const phrase = `"${f.form}"`;
    // Within the parser's word and character caps too: a query cut at MAX_QUERY_CHARS could end on a dangling OR
    // (a 400) or an open quote.
    const more = chars + (phrases.length > 0 ? " OR ".length : 0) + phrase.length;
    if ((words + f.keys.length > ENTITY_QUERY_WORDS_MAX || more > MAX_QUERY_CHARS) && phrases.length > 0)
      break;
    words += f.keys.length;
    chars = more;
    phrases.push(phrase);
  }
  return phrases.join(" OR ");
}

/** True when `form` is one word that is a given name (extract-entities.ts isGivenName). */
function isGivenNameAlone(form: string): boolean {
  const words = tokenize(form);
  return words.length === 1 && isGivenName(words[0]!.norm);
}

function keysOf(form: string): string[] {
  return tokenize(form).map((t) => searchKeyOf(t.norm));
}

/** True when `inner` occurs in `outer` as consecutive keys. */
function holdsInARow(outer: readonly string[], inner: readonly string[]): boolean {
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((k, j) => outer[i + j] === k)) return true;
  }
  return false;
}
