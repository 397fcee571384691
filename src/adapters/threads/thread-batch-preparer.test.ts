import { describe, expect, it } from "vitest";
import { analyzeForReindex } from "../../pipeline/reindex-articles.ts";
import { ThreadBatchPreparer } from "./thread-batch-preparer.ts";

/** Arabic sentences, repeated: a batch whose analysis takes the worker a while. */
const TEXT =
  "\u0642\u0627\u0644 \u0627\u0644\u0645\u0633\u0624\u0648\u0644\u0648\u0646 \u0625\u0646 \u0627\u0644\u0623\u0633\u0639\u0627\u0631 \u0627\u0631\u062a\u0641\u0639\u062a \u0641\u064a \u0627\u0644\u0631\u064a\u0627\u0636 \u0648\u062c\u062f\u0629. ".repeat(
    200,
  );

describe("ThreadBatchPreparer.analyzeForReindex", () => {
  it("gives the analyses this thread would, while this thread's event loop keeps turning", async () => {
    const preparer = new ThreadBatchPreparer(1);
    try {
      const rows = Array.from({ length: 100 }, (_, i) => ({
        seq: i + 1,
        title: `\u062e\u0628\u0631 ${i}`,
        text: TEXT,
      }));
      // Warm: the worker's start (loading the analyzer) is not the batch's analysis.
      await preparer.analyzeForReindex(rows.slice(0, 1));
      let settled = false;
      const analyzing = preparer.analyzeForReindex(rows).finally(() => {
        settled = true;
      });
      let turns = 0;
      while (!settled) {
        await new Promise((resolve) => setImmediate(resolve));
        turns++;
      }
      // In this thread the analysis would be one synchronous call: not one turn while it runs.
      expect(turns).toBeGreaterThan(10);
      expect(await analyzing).toEqual(rows.map((row) => analyzeForReindex(row.title, row.text)));
    } finally {
      await preparer.close();
    }
  }, 60_000);
});
