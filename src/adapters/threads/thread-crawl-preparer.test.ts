import { describe, expect, it } from "vitest";
import { ThreadCrawlPreparer } from "./thread-crawl-preparer.ts";

const RSS = new TextEncoder().encode(
  '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title><link>http://127.0.0.1/a</link></item></channel></rss>',
);

describe("ThreadCrawlPreparer", () => {
  it("does not count a worker's start-up against its first task's time limit", async () => {
    // Loading the pipeline's TypeScript in a new thread takes far longer than 200 ms; the task itself does not.
    const preparer = new ThreadCrawlPreparer(1, 200);
    try {
      const doc = await preparer.parseFeed({
        bytes: RSS,
        contentType: "application/rss+xml",
        url: "http://127.0.0.1/f",
      });
      expect(doc.entries.map((e) => e.url)).toEqual(["http://127.0.0.1/a"]);
    } finally {
      await preparer.close();
    }
  });

  it("answers every task queued while its workers start", async () => {
    const preparer = new ThreadCrawlPreparer(2, 2_000);
    try {
      const docs = await Promise.all(
        Array.from({ length: 5 }, () =>
          preparer.parseFeed({ bytes: RSS, contentType: "application/rss+xml", url: "http://127.0.0.1/f" }),
        ),
      );
      expect(docs.map((d) => d.entries.length)).toEqual([1, 1, 1, 1, 1]);
    } finally {
      await preparer.close();
    }
  });
});
