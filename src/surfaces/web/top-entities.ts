/**
 * "في الأخبار": the people, places and organizations of the top stories, each with the stories that name it.
 * Surface code over ReaderData (each story's entities come from stages/entities through ReaderData.storyEntities).
 */
import {
  type EntityKind,
  formsOf,
  longerFormOf,
  type NameMerge,
} from "../../stages/entities/extract-entities.ts";
import type { ReaderData, StorySummary } from "./reader-data.ts";

/** Top stories read: the home page's first pages, where a reader looks for who and where the news is about. */
export const TOP_ENTITY_STORIES = 30;
/** Entities listed per kind (the page's, and /api/entities' default `limit`). */
export const TOP_ENTITIES_PER_KIND = 15;
/** Stories listed under an entity. */
export const TOP_ENTITY_STORY_LINKS = 3;

/** An entity of the top stories: how many of them name it, and the first few (best ranked first). */
export interface TopEntity {
  kind: EntityKind;
  key: string;
  name: string;
  /** Every name written for it in the stories read (extract-entities.ts Entity.forms), `name` first. */
  forms: string[];
  storyCount: number;
  stories: Pick<StorySummary, "id" | "headline">[];
}

/**
 * The entities the top stories name, by kind (people, places, organizations), those named by more stories first (ties:
 * more articles, then name), with `storiesRead`, the top stories read (up to TOP_ENTITY_STORIES; fewer when the filter
 * leaves fewer). Each story counts once per entity; its best-ranked stories are listed. A
 * person's short lineage merges into the longer one that begins with it (longerFormOf across stories: "محمد بن نايف"
 * into "محمد بن نايف بن عبدالعزيز") when one of the stories read names both (the longer entity's shorterKeys), so one
 * person is one line; bodies do not ("مجلس الوزراء" is many countries').
 * `perKind` entities at most of each kind are listed (TOP_ENTITIES_PER_KIND by default). `merges`, when given,
 * receives each such merge (bench/entities/entity-merges.ts).
 */
export async function topEntities(
  reader: ReaderData,
  sources: readonly string[],
  merges?: NameMerge[],
  perKind = TOP_ENTITIES_PER_KIND,
): Promise<{ storiesRead: number; entities: TopEntity[] }> {
  const { stories } = await reader.topStories({ sources, limit: TOP_ENTITY_STORIES, offset: 0 });
  const byId = new Map<
    string,
    TopEntity & {
      articles: number;
      names: Map<string, number>;
      storyIds: Set<string>;
      shorterKeys: Set<string>;
      allForms: Set<string>;
    }
  >();
  // Read side by side (on PostgreSQL each story is a few round trips), combined in rank order.
  const read = await Promise.all(stories.map((summary) => reader.storyEntities(summary.id)));
  for (const story of read) {
    if (story === null) continue;
    for (const e of story.entities) {
      // One word ("صالح") names someone in its story; across stories it may be several people.
      if (e.kind === "person" && !e.key.includes(" ")) continue;
      const id = `${e.kind} ${e.key}`;
      let entry = byId.get(id);
      if (entry === undefined) {
        entry = {
          kind: e.kind,
          key: e.key,
          name: e.name,
          storyCount: 0,
          stories: [],
          articles: 0,
          names: new Map(),
          storyIds: new Set(),
          shorterKeys: new Set(),
          allForms: new Set(),
          forms: [],
        };
        byId.set(id, entry);
      }
      entry.storyCount++;
      entry.storyIds.add(story.id);
      entry.articles += e.articles;
      entry.names.set(e.name, (entry.names.get(e.name) ?? 0) + e.articles);
      for (const k of e.shorterKeys ?? []) entry.shorterKeys.add(k);
      for (const f of e.forms ?? [e.name]) entry.allForms.add(f);
      if (entry.stories.length < TOP_ENTITY_STORY_LINKS)
        entry.stories.push({ id: story.id, headline: story.headline });
    }
  }
  // Stories come best-ranked first, so a merged entry's links stay in rank order when drawn from its stories' ranks.
  const rank = new Map(stories.map((s, k) => [s.id, k]));
  const entries = [...byId.values()];
  for (const short of entries) {
    if (short.kind !== "person" || short.storyCount === 0) continue;
    const into = longerFormOf(short, entries, (e) => e.storyCount, true);
    if (into === undefined) continue;
    merges?.push({
      kind: short.kind,
      shortKey: short.key,
      shortName: mostNamed(short.names),
      intoKey: into.key,
      intoName: mostNamed(into.names),
    });
    // The longer name is the one shown: the short one's spellings are left behind.
    for (const id of short.storyIds) into.storyIds.add(id);
    into.storyCount = into.storyIds.size;
    into.articles += short.articles;
    for (const k of [short.key, ...short.shorterKeys]) into.shorterKeys.add(k);
    for (const f of short.allForms) into.allForms.add(f);
    into.stories = [...into.stories, ...short.stories]
      .filter((s, k, all) => all.findIndex((t) => t.id === s.id) === k)
      .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
      .slice(0, TOP_ENTITY_STORY_LINKS);
    short.storyCount = 0;
  }
  const kinds: readonly EntityKind[] = ["person", "place", "organization"];
  const all = entries
    .filter((e) => e.storyCount > 0)
    .sort((a, b) => b.storyCount - a.storyCount || b.articles - a.articles || a.name.localeCompare(b.name));
  const listed = kinds.flatMap((kind) =>
    all
      .filter((e) => e.kind === kind)
      .slice(0, perKind)
      .map(({ kind: k, key, names, storyCount, stories: s, allForms }) => ({
        kind: k,
        key,
        name: mostNamed(names),
        forms: formsOf(names, allForms),
        storyCount,
        stories: s,
      })),
  );
  return { storiesRead: stories.length, entities: listed };
}

/** The spelling of an entity its stories name most often. */
function mostNamed(names: ReadonlyMap<string, number>): string {
  return [...names].sort((a, b) => b[1] - a[1])[0]![0];
}
