/**
 * A day's top stories as the home page's `?day=` ranks them, under the rank before 2026-12 (lifetime originals and
 * outlets, decayed by the story's last update) and under rank-stories.ts (coverage by each article's own time), side
 * by side, with what an editor reads to judge them: headline, first seen, articles and outlets in the 24 h before the
 * day's end and to date, and articles after the day (which the old rank counted on a past day). Benchmark helper, reads a store (read-only).
 * Run: node --import tsx bench/stories/top-stories-by-day.ts --db /tmp/rank/akhbar.db [--days 2015-07-26,...] [--top 10]
 */
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { rankSourceCountSql } from "../../src/adapters/story-row.ts";
import type { RankMember } from "../../src/domain/story.ts";
import { rankStories } from "../../src/stages/stories/rank-stories.ts";
import { displayDayEndMs } from "../../src/surfaces/web/format-arabic-date.ts";
import { TOP_STORIES_WINDOW_HOURS } from "../../src/surfaces/web/reader-data.ts";
import { TOP_STORIES_CANDIDATES } from "../../src/surfaces/web/story-reader-data.ts";

const HOUR_MS = 3_600_000;
/**
 * The judged days of the dev corpus (it starts on 07-21): about every other day of its three weeks, around the crawl
 * holes (no articles on 07-28..30, 08-02 and 08-05: a day after a hole is kept), with the day the old rank was seen
 * wrong on (07-26) and the Asir mosque bombing's days after (08-07..11).
 */
const DAYS = [
  "2015-07-22",
  "2015-07-23",
  "2015-07-25",
  "2015-07-26",
  "2015-07-27",
  "2015-07-31",
  "2015-08-01",
  "2015-08-03",
  "2015-08-04",
  "2015-08-07",
  "2015-08-09",
  "2015-08-11",
];
/**
 * What the listing marks for an editor's reading: a top story with no article in the 24 h before the day's end is
 * stale; one with fewer than THIN_ARTICLES is there on older coverage; a story left out of the top that those 24 h
 * covered at least twice as much, by OUTLETS_MORE more outlets, as a story in it that is not stale is listed after it
 * (passed over).
 */
const THIN_ARTICLES = 3;
const OUTLETS_MORE = 3;

interface StoryRow {
  id: string;
  headline: string;
  first_seen_ms: number;
  last_update_ms: number;
  original_count: number;
  rank_source_count: number;
}

/** The old rank's outlets, counted per story as the dropped `stories.rank_source_count` stored them. */
const STORY_ROW_COLUMNS = `id, headline, first_seen_ms, last_update_ms, original_count,
  ${rankSourceCountSql("json_array_length(sources)")} AS rank_source_count`;

interface Ranked {
  id: string;
  score: number;
}

/** The rank before: (1 + ln originals) · (1 + ln outlets) · e^(−age/24 h), lifetime counts, age from the last update. */
function rankOld(db: Database.Database, asOfMs: number): Ranked[] {
  const rows = db
    .prepare<[number, number, number], StoryRow>(
      `SELECT ${STORY_ROW_COLUMNS} FROM stories
       WHERE last_update_ms >= ? AND first_seen_ms <= ? ORDER BY last_update_ms DESC, id LIMIT ?`,
    )
    .all(asOfMs - TOP_STORIES_WINDOW_HOURS * HOUR_MS, asOfMs, TOP_STORIES_CANDIDATES);
  const scored = rows.map((s) => ({
    id: s.id,
    last: s.last_update_ms,
    score:
      (1 + Math.log(Math.max(1, s.original_count))) *
      (1 + Math.log(Math.max(1, s.rank_source_count))) *
      Math.exp(-Math.max(0, asOfMs - s.last_update_ms) / HOUR_MS / 24),
  }));
  scored.sort((a, b) => b.score - a.score || b.last - a.last || (a.id < b.id ? -1 : 1));
  return scored;
}

function main() {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      days: { type: "string" },
      top: { type: "string", default: "10" },
      tau: { type: "string" },
    },
  });
  if (values.db === undefined) throw new Error("bench: --db PATH is required");
  const db = new Database(values.db, { readonly: true });
  const top = Number(values.top);
  const days = values.days?.split(",") ?? DAYS;
  const stories = new Map(
    db
      .prepare<[], StoryRow>(`SELECT ${STORY_ROW_COLUMNS} FROM stories`)
      .all()
      .map((s) => [s.id, s]),
  );
  const members = db
    .prepare<[], { story_id: string; time_ms: number; source_id: string; late: number }>(
      "SELECT story_id, time_ms, source_id, late FROM article_placements",
    )
    .all()
    .map(
      (m): RankMember => ({
        storyId: m.story_id,
        timeMs: m.time_ms,
        sourceId: m.source_id,
        late: m.late === 1,
      }),
    );
  const byStory = new Map<string, RankMember[]>();
  for (const m of members) byStory.set(m.storyId, [...(byStory.get(m.storyId) ?? []), m]);
  const newest = Math.max(...[...stories.values()].map((s) => s.last_update_ms));

  for (const day of days) {
    const asOfMs = Math.min(newest, displayDayEndMs(day));
    const windowFromMs = asOfMs - TOP_STORIES_WINDOW_HOURS * HOUR_MS;
    const inWindow = members.filter((m) => m.timeMs >= windowFromMs && m.timeMs <= asOfMs);
    const lists: [string, Ranked[]][] = [
      ["old", rankOld(db, asOfMs)],
      ["new", rankStories(inWindow, asOfMs, values.tau === undefined ? undefined : Number(values.tau))],
    ];
    console.log(`\n=== ${day} (as of ${new Date(asOfMs).toISOString()}) ===`);
    const recentOf = (id: string) => {
      const own = (byStory.get(id) ?? []).filter((m) => m.timeMs <= asOfMs && !m.late);
      const recent = own.filter((m) => m.timeMs > asOfMs - 24 * HOUR_MS);
      return { own, recent, recentSources: new Set(recent.map((m) => m.sourceId)).size };
    };
    const line = (rank: string, score: string, id: string) => {
      const s = stories.get(id)!;
      const { own, recent, recentSources } = recentOf(id);
      const firstDays = (asOfMs - s.first_seen_ms) / (24 * HOUR_MS);
      const lastH = (asOfMs - Math.max(...own.map((m) => m.timeMs))) / HOUR_MS;
      const flag = recent.length === 0 ? "STALE" : recent.length < THIN_ARTICLES ? "thin" : "";
      const later = (byStory.get(id) ?? []).filter((m) => m.timeMs > asOfMs).length;
      return [
        rank.padStart(2),
        score.padStart(6),
        flag.padEnd(5),
        `24h ${String(recent.length).padStart(3)}a/${String(recentSources).padStart(2)}o`,
        `all ${String(own.length).padStart(3)}a/${String(new Set(own.map((m) => m.sourceId)).size).padStart(2)}o`,
        `first ${firstDays.toFixed(1).padStart(4)}d last ${lastH.toFixed(0).padStart(3)}h`,
        `later ${String(later).padStart(3)}a`,
        id.slice(0, 8),
        s.headline.slice(0, 70),
      ].join("  ");
    };
    for (const [name, ranked] of lists) {
      const shown = ranked.slice(0, top);
      const stale = shown.filter((r) => recentOf(r.id).recent.length === 0).length;
      const thin = shown.filter((r) => recentOf(r.id).recent.length < THIN_ARTICLES).length - stale;
      const shownRecent = shown.map((r) => recentOf(r.id));
      const left = [...new Set(inWindow.map((m) => m.storyId))].filter((id) => {
        if (shown.some((r) => r.id === id)) return false;
        const y = recentOf(id);
        return shownRecent.some(
          (x) =>
            x.recent.length > 0 &&
            y.recent.length >= 2 * x.recent.length &&
            y.recentSources >= x.recentSources + OUTLETS_MORE,
        );
      });
      console.log(`-- ${name}: ${stale} stale, ${thin} thin, ${left.length} passed over`);
      for (const [i, r] of shown.entries()) console.log(line(String(i + 1), r.score.toFixed(2), r.id));
      for (const id of left) {
        const at = ranked.findIndex((r) => r.id === id);
        console.log(line(">", at < 0 ? "-" : `#${at + 1}`, id));
      }
    }
  }
  db.close();
}

main();
