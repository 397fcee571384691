/**
 * "في الأخبار": the people, places and organizations the top stories name, each linked to a search for its forms
 * (entity-query.ts) and to
 * the stories that name it. Pure render.
 */
import type { EntityKind } from "../../../stages/entities/extract-entities.ts";
import { toEntityQuery } from "../../entity-query.ts";
import { textDirection } from "../../text-direction.ts";
import { storiesLabel } from "../count-label.ts";
import { html, type SafeHtml } from "../html.ts";
import type { TopEntity } from "../top-entities.ts";

const SECTIONS: readonly [EntityKind, string][] = [
  ["person", "أشخاص"],
  ["place", "أماكن"],
  ["organization", "جهات"],
];

export function renderEntitiesPage(entities: readonly TopEntity[], storyCount: number): SafeHtml {
  return html`<h1>في الأخبار</h1>
${storyCount === 0 ? "" : html`<p class="note">الأشخاص والأماكن والجهات التي تذكرها أهم القصص الآن (${storiesLabel(storyCount)})، مستخرجة آليًا من نصوص التغطية.</p>`}
${
  entities.length === 0
    ? html`<p class="note">لا أسماء في أهم القصص بعد.</p>`
    : html`<div class="entity-columns">${SECTIONS.map(([kind, heading]) => {
        const list = entities.filter((e) => e.kind === kind);
        if (list.length === 0) return "";
        return html`<section aria-labelledby="${kind}-h"><h2 id="${kind}-h">${heading}</h2><ol class="entity-list">${list.map(
          (e) =>
            html`<li><a class="entity-name" href="/search?q=${encodeURIComponent(toEntityQuery(e))}" dir="auto">${e.name}</a> <span class="count">${storiesLabel(e.storyCount)}</span><ul class="entity-stories">${e.stories.map(
              (s) =>
                html`<li><a href="/story/${encodeURIComponent(s.id)}" dir="${textDirection(s.headline)}">${s.headline}</a></li>`,
            )}</ul></li>`,
        )}</ol></section>`;
      })}</div>`
}`;
}
