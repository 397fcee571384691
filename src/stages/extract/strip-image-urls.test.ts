import { describe, expect, it } from "vitest";
import { stripImageUrls } from "./strip-image-urls.ts";

const TITLE = "خطة الهلال عند الريس";
const TEASER = "كشف مدرب الفريق الأول لكرة القدم بنادي النصر خطته التي سينتهجها أمام الهلال في النهائي";
const THUMB =
  "http://www.example.com/sites/default/files/styles/114x72/public/2015/06/01/not%20yet%20assigned-2.JPG?itok=i8Mk_7oN";
const PROSE = "أكد الوزير أن الخطة تبدأ الأسبوع المقبل.";

const rows: { name: string; input: string; title?: string; expected: string }[] = [
  {
    name: "drops a latest-news box's headline and thumbnail opening the text (arriyadiyah), keeping the teaser",
    input: `${TITLE} ${THUMB} ${TEASER}`,
    title: TITLE,
    expected: TEASER,
  },
  {
    name: "drops the box's headline when it differs from the title only in tashkeel and spacing",
    input: `خطةُ الهلال  عند الريس ${THUMB} ${TEASER}`,
    title: TITLE,
    expected: TEASER,
  },
  {
    name: "keeps the words before an address that are not the article's title (prose, not a teaser headline)",
    input: `قال الوزير ${THUMB} إن الخطة تبدأ الأسبوع المقبل.`,
    title: TITLE,
    expected: "قال الوزير إن الخطة تبدأ الأسبوع المقبل.",
  },
  {
    name: "keeps the words before an address when no title is given",
    input: `${TITLE} ${THUMB} ${TEASER}`,
    expected: `${TITLE} ${TEASER}`,
  },
  {
    name: "drops an address on a line of its own, keeping the paragraphs around it",
    input: `${PROSE}\nhttps://cdn.example.com/photos/a.jpg\n${TEASER}`,
    expected: `${PROSE}\n\n${TEASER}`,
  },
  {
    name: "drops an address ending the text",
    input: `${PROSE} www.example.com/a/b.png`,
    expected: PROSE,
  },
  {
    name: "drops every address, with fragment or query, of every image extension",
    input: `${PROSE} http://a.example/1.jpeg#top ${TEASER} http://a.example/2.webp?w=1 http://a.example/3.gif`,
    expected: `${PROSE} ${TEASER}`,
  },
  {
    name: "keeps a link to a page",
    input: `${PROSE} www.gdp.gov.sa .`,
    expected: `${PROSE} www.gdp.gov.sa .`,
  },
  {
    name: "keeps an address whose path goes on past the image name (a page, not the image)",
    input: `${PROSE} http://a.example/photo.jpg/view`,
    expected: `${PROSE} http://a.example/photo.jpg/view`,
  },
  {
    name: "keeps an address glued to punctuation (inside prose or markup, not a bare address)",
    input: `${PROSE} (http://a.example/photo.jpg)`,
    expected: `${PROSE} (http://a.example/photo.jpg)`,
  },
  {
    name: "keeps an image file name without an address",
    input: `${PROSE} الصورة photo.jpg`,
    expected: `${PROSE} الصورة photo.jpg`,
  },
  {
    name: "returns an empty text for a text that is only an image address",
    input: ` ${THUMB} `,
    expected: "",
  },
];

describe("stripImageUrls", () => {
  for (const row of rows) {
    it(row.name, () => {
      expect(stripImageUrls(row.input, row.title)).toBe(row.expected);
    });
  }

  it("is idempotent on every row", () => {
    for (const row of rows) {
      const once = stripImageUrls(row.input, row.title);
      expect(stripImageUrls(once, row.title)).toBe(once);
    }
  });
});
