/**
 * How often the light stem keeps the indefinite accusative's final alef, so that one word has two keys ("مسجداً" ->
 * "مسجدا" against "مسجد"): over the dev corpus's content words (titles and texts, stop words out), the words written
 * with a final \u0627 ARABIC LETTER ALEF that their key keeps, counted where the key without it is another word's key
 * seen at least 1, 20 or 100 times; then the 60 commonest such keys and a token-weighted sample of 40 (seed
 * 20261130) to read which are the accusative and which a word's own alef (مما، بدا، اننا). Measures only: changing the
 * stemmer changes the search index's analyzer version. Benchmark helper, not pure (reads the corpus).
 * Run: node --import tsx bench/stories/accusative-alef.ts [search] (search: the search keys instead of match keys)
 */
import { matchKeyOf, searchKeyOf } from "../../src/stages/arabic/analyze-text.ts";
import { isStopWord } from "../../src/stages/arabic/stop-words.ts";
import { tokenize } from "../../src/stages/arabic/tokenize.ts";
import { seededRandom } from "../seeded-random.ts";
import { loadCorpus } from "./load-corpus.ts";

const keyOf = process.argv[2] === "search" ? searchKeyOf : matchKeyOf;
const counts = new Map<string, number>();
const forms = new Map<string, Map<string, number>>();
let tokens = 0;
for (const a of loadCorpus()) {
  for (const t of tokenize(`${a.title} ${a.text}`)) {
    if (!/[\u0621-\u064a]/.test(t.norm) || isStopWord(t.norm)) continue;
    tokens++;
    const k = keyOf(t.norm);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    // Only words written with a final alef whose key keeps it (the indefinite accusative's seat, "مسجداً" -> "مسجدا").
    if (k.endsWith("\u0627") && t.norm.endsWith("\u0627")) {
      const f = forms.get(k) ?? new Map<string, number>();
      f.set(t.norm, (f.get(t.norm) ?? 0) + 1);
      forms.set(k, f);
    }
  }
}
let endAlef = 0;
const written = new Map<string, number>();
for (const [k, f] of forms)
  written.set(
    k,
    [...f.values()].reduce((x, y) => x + y, 0),
  );
for (const n of written.values()) endAlef += n;
console.log(
  `content tokens ${tokens}, keys ${counts.size}, tokens written with a final alef kept in their key ${endAlef}`,
);
for (const min of [1, 20, 100]) {
  let split = 0;
  let keys = 0;
  for (const [k, n] of written) {
    if (k.length < 3) continue;
    const base = counts.get(k.slice(0, -1)) ?? 0;
    if (base >= min) {
      split += n;
      keys++;
    }
  }
  console.log(
    `base stem >= ${min} tokens: ${split} tokens (${((100 * split) / tokens).toFixed(2)}%), ${keys} keys`,
  );
}
const top = [...written]
  .filter(([k]) => k.length >= 3 && (counts.get(k.slice(0, -1)) ?? 0) >= 20)
  .sort((a, b) => b[1] - a[1]);
console.log("top 60 keys (key tokens / base tokens / commonest form):");
for (const [k, n] of top.slice(0, 60)) {
  const f = [...forms.get(k)!].sort((a, b) => b[1] - a[1])[0]!;
  console.log(`${k}\t${n}\t${counts.get(k.slice(0, -1))}\t${f[0]}`);
}
// A token-weighted sample of 40 keys, for reading.
const rnd = seededRandom(20261130);
const rest = top;
const total = rest.reduce((x, [, n]) => x + n, 0);
const sample = new Set<number>();
while (sample.size < Math.min(40, rest.length)) {
  let r = rnd() * total;
  let i = 0;
  while (r >= rest[i]![1]) r -= rest[i++]![1];
  sample.add(i);
}
console.log("token-weighted sample of 40 keys:");
for (const i of [...sample].sort((a, b) => a - b)) {
  const [k, n] = rest[i]!;
  const f = [...forms.get(k)!].sort((a, b) => b[1] - a[1])[0]!;
  console.log(`${k}\t${n}\t${counts.get(k.slice(0, -1))}\t${f[0]}`);
}
