/**
 * Clustering quality against hand labels: pairwise precision/recall/F1 (Miranda et al. 2018) and B-cubed F1
 * (Bagga and Baldwin 1998), over the labelled articles only. Stories stage, pure.
 */

export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
  bcubedF1: number;
  predictedClusters: number;
  goldClusters: number;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/**
 * Scores predicted cluster ids against gold cluster ids for the articles in `gold`. Example: gold {a:1,b:1,c:2},
 * predicted {a:x,b:x,c:x} -> pairwise precision 1/3, recall 1.
 */
export function scoreClustering(
  gold: ReadonlyMap<string, string>,
  predicted: ReadonlyMap<string, string>,
): ClusterScores {
  const ids = [...gold.keys()].filter((id) => predicted.has(id));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const g = gold.get(ids[i]!) === gold.get(ids[j]!);
      const p = predicted.get(ids[i]!) === predicted.get(ids[j]!);
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
  }
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    let both = 0;
    let inPred = 0;
    let inGold = 0;
    for (const o of ids) {
      const g = gold.get(o) === gold.get(id);
      const p = predicted.get(o) === predicted.get(id);
      if (g && p) both++;
      if (p) inPred++;
      if (g) inGold++;
    }
    bp += both / inPred;
    br += both / inGold;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const n = ids.length || 1;
  return {
    precision,
    recall,
    f1: f1(precision, recall),
    bcubedF1: f1(bp / n, br / n),
    predictedClusters: new Set(ids.map((id) => predicted.get(id))).size,
    goldClusters: new Set(ids.map((id) => gold.get(id))).size,
  };
}
