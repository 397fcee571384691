/**
 * What an entity chip's search finds: for the entities of the top stories (the /entities page) and of their story
 * pages, the articles a search for the entity's name as one phrase finds (the chips before entity-query.ts) against a
 * search for all its forms (toEntityQuery). Prints one row per entity, of each kind, most forms first.
 * Usage: node --import tsx bench/entities/entity-chip-searches.ts DB [--per-kind N]
 */
import { openSqliteStorage } from "../../src/adapters/sqlite/open-sqlite-storage.ts";
import type { EntityKind } from "../../src/stages/entities/extract-entities.ts";
import { parseQuery } from "../../src/stages/search/parse-query.ts";
import { toEntityQuery } from "../../src/surfaces/entity-query.ts";
import { StoryReaderData } from "../../src/surfaces/web/story-reader-data.ts";
import { topEntities } from "../../src/surfaces/web/top-entities.ts";

const [db, ...rest] = process.argv.slice(2);
if (db === undefined) throw new Error("usage: entity-chip-searches.ts DB [--per-kind N]");
const perKind = rest[0] === "--per-kind" ? Number(rest[1]) : 4;
const storage = await openSqliteStorage(db);
const reader = new StoryReaderData(storage);
const total = async (q: string) =>
  (await storage.search.search(parseQuery(q, { limit: 1, offset: 0, foldCopies: false } as never))).total;

const { entities: top } = await topEntities(reader, []);
const { stories } = await reader.topStories({ sources: [], limit: 10, offset: 0 });
const chips = new Map<string, { kind: string; name: string; forms: readonly string[]; where: string }>();
for (const e of top)
  chips.set(`${e.kind} ${e.key}`, { kind: e.kind, name: e.name, forms: e.forms, where: "/entities" });
for (const s of stories) {
  const story = await reader.story(s.id);
  for (const e of story?.entities ?? []) {
    const id = `${e.kind} ${e.key}`;
    if (!chips.has(id))
      chips.set(id, { kind: e.kind, name: e.name, forms: e.forms ?? [e.name], where: "story" });
  }
}
console.log("kind\twhere\tname\tforms\tbefore\tafter\tquery");
for (const kind of ["person", "place", "organization"]) {
  const list = [...chips.values()]
    .filter((c) => c.kind === kind)
    .sort((a, b) => b.forms.length - a.forms.length);
  for (const c of list.slice(0, perKind)) {
    const query = toEntityQuery({ kind: c.kind as EntityKind, name: c.name, forms: c.forms });
    console.log(
      [c.kind, c.where, c.name, c.forms.length, await total(`"${c.name}"`), await total(query), query].join(
        "\t",
      ),
    );
  }
}
await storage.close();
