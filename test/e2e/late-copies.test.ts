/**
 * Late copies end to end: a newspaper's copy of a release a week after the release's story went quiet joins that
 * story; the story page marks it "أعيد نشره لاحقاً" and the JSON API flags it `late`, while the story's last update
 * stays the release's. Real SQLite through the fixture app.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FixtureRecord } from "../fixtures/arabic-articles.ts";
import { inventedWords as words } from "../fixtures/invented-words.ts";
import { type FixtureApp, openFixtureApp } from "../web/fixture-app.ts";

// biome-ignore lint/suspicious/noExplicitAny: test reads JSON bodies by field.
const json = (res: Response): Promise<any> => res.json();

const record = (id: string, source: string, date: string, title: string, text: string): FixtureRecord => ({
  id,
  source,
  url: `http://news.example/${id}`,
  title,
  date,
  text,
});

/** A release on Jul 1, other news on Jul 2, the release's copy in another outlet on Jul 9 (192 h on). */
const RECORDS: FixtureRecord[] = [
  record("release", "was", "2015-07-01T06:00:00", words(7000, 6), words(7000, 80)),
  record("other", "sabq", "2015-07-02T09:00:00", words(8000, 6), words(8000, 80)),
  record("late-copy", "okaz", "2015-07-09T07:30:00", words(7000, 6), words(7000, 80)),
];

let fx: FixtureApp;
let storyId: string;
beforeAll(async () => {
  fx = await openFixtureApp({ extra: RECORDS });
  const [placement] = await fx.storage.stories!.getPlacements(["release"]);
  storyId = placement!.storyId;
}, 60_000);
afterAll(async () => {
  await fx.close();
});

describe("a late copy in its original's story", () => {
  it("is flagged late in the API's member list, and the story's last update stays the release's", async () => {
    const story = await json(await fx.app.request(`/api/stories/${encodeURIComponent(storyId)}`));
    const members = Object.fromEntries(
      story.articles.map((a: { id: string; late: boolean }) => [a.id, a.late]),
    );
    expect(members).toEqual({ release: false, "late-copy": true });
    expect(story.last_update).toBe("2015-07-01T06:00:00.000Z");
  });

  it("is marked as republished later on the story page, and the original is not", async () => {
    const body = await (await fx.app.request(`/story/${encodeURIComponent(storyId)}`)).text();
    expect(body.match(/أعيد نشره لاحقاً/g)?.length).toBe(1);
    const copyRow = body.slice(body.indexOf('href="/article/late-copy"'));
    expect(copyRow.slice(0, copyRow.indexOf("</article>"))).toContain("أعيد نشره لاحقاً");
  });
});
