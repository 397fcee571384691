/**
 * Worker-thread entry for ThreadCrawlPreparer: parses feeds and prepares items on request.
 * Adapter (thread IO); all logic lives in pipeline/prepare-crawl-item.ts. AkhbarErrors cross back as {code, message}.
 */
import { parentPort } from "node:worker_threads";
import { isAkhbarError } from "../../domain/errors.ts";
import {
  type CrawlItemInput,
  type FeedParseInput,
  parseCrawledFeed,
  prepareCrawlItem,
} from "../../pipeline/prepare-crawl-item.ts";

type Job =
  | { id: number; kind: "feed"; input: FeedParseInput }
  | { id: number; kind: "item"; input: CrawlItemInput };

parentPort!.on("message", (job: Job) => {
  try {
    const result = job.kind === "feed" ? parseCrawledFeed(job.input) : prepareCrawlItem(job.input);
    parentPort!.postMessage({ id: job.id, ok: true, result });
  } catch (err) {
    if (isAkhbarError(err))
      parentPort!.postMessage({ id: job.id, ok: false, code: err.code, message: err.message });
    else
      parentPort!.postMessage({
        id: job.id,
        ok: false,
        code: null,
        message: (err as Error).stack ?? String(err),
      });
  }
});
