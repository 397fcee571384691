/**
 * citedOutletIds: the outlet ids a cited source may name (ArticleDraft.citedSource, an Arabic name such as "واس" or
 * "الشرق الأوسط") among the outlets akhbar knows (config knownOutlet). Dedupe stage, pure (data lookups, memoized):
 * DuplicateGroups ranks a cited outlet first as its copy group's original.
 */
import { knownOutlet, knownOutletIds } from "../../config/known-outlets.ts";
import { agencyNamed, outletNameKeys, withoutPaperNoun } from "../extract/find-cited-source.ts";
import { foldMatchText } from "../extract/fold-match-text.ts";

const NONE: ReadonlySet<string> = new Set();

const PATTERNS = {
  host: /^www\./,
} as const;

/** Folded outlet names -> the ids of the outlets bearing them; a name two outlets bear names both. */
const OUTLETS_BY_FOLDED_NAME: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const byName = new Map<string, Set<string>>();
  for (const id of knownOutletIds())
    for (const key of outletNameKeys(knownOutlet(id)!.name)) {
      const ids = byName.get(key) ?? new Set<string>();
      ids.add(id);
      byName.set(key, ids);
    }
  return byName;
})();

/** Outlet homepage hosts without "www." -> outlet ids ("spa.gov.sa" -> spa and was). */
const OUTLETS_BY_HOST: ReadonlyMap<string, readonly string[]> = (() => {
  const byHost = new Map<string, string[]>();
  for (const id of knownOutletIds()) {
    const homepage = knownOutlet(id)!.homepage;
    if (homepage === null) continue;
    const host = new URL(homepage).hostname.replace(PATTERNS.host, "");
    byHost.set(host, [...(byHost.get(host) ?? []), id]);
  }
  return byHost;
})();

/** Distinct cited names seen are few (agencies, a few papers); past this many the memo starts over rather than grow. */
const MAX_MEMO_NAMES = 1_000;
const MEMO = new Map<string, ReadonlySet<string>>();

/**
 * The ids of the known outlets `citedName` may name; empty for "agencies" (وكالات), an outlet akhbar does not know,
 * or null. A known agency (find-cited-source.ts AGENCIES) names the outlets on its hosts, and any name names the
 * outlets whose names it folds alike (outletNameKeys), so a name two outlets share names both: "الجزيرة" is the
 * channel in AGENCIES, but in the dev corpus a column alweeam reprinted "نقلا عن الجزيرة" came from the Saudi paper,
 * whose own copy sat in the same group. A copy group holds one of them at most in practice, and that one is meant.
 * A paper named with its noun names that paper only: "صحيفة الجزيرة" -> {aljazirah}, "صحيفة عكاظ" -> {okaz}.
 * Examples: "واس" -> {spa, was}; "الشرق الأوسط" -> {aawsat}; "الجزيرة" -> {aljazeera, aljazirah}; "وكالات" -> {}.
 */
export function citedOutletIds(citedName: string | null): ReadonlySet<string> {
  if (citedName === null) return NONE;
  const memo = MEMO.get(citedName);
  if (memo !== undefined) return memo;
  const hosts = agencyNamed(citedName)?.hosts ?? [];
  const folded = foldMatchText(citedName);
  // "صحيفة عكاظ" names the paper عكاظ (find-cited-source.ts credits a known paper so).
  const ids = new Set([
    ...(OUTLETS_BY_FOLDED_NAME.get(folded) ?? []),
    ...(OUTLETS_BY_FOLDED_NAME.get(withoutPaperNoun(folded)) ?? []),
  ]);
  for (const [host, outletIds] of OUTLETS_BY_HOST)
    if (hosts.some((h) => host === h || host.endsWith(`.${h}`))) for (const id of outletIds) ids.add(id);
  if (MEMO.size >= MAX_MEMO_NAMES) MEMO.clear();
  MEMO.set(citedName, ids);
  return ids;
}
