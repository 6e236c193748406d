/** Detection metrics: TPR/FPR at a threshold, thresholds for a target FPR, TPR at a fixed FPR. */

/** Smallest threshold whose false-positive rate on `negatives` is at most `maximumFpr` (scores ≥ t flag). */
export function thresholdForFpr(negatives: readonly number[], maximumFpr: number): number {
  if (negatives.length === 0) return 0.5;
  const sorted = [...negatives].sort((left, right) => right - left);
  const allowed = Math.floor(maximumFpr * sorted.length);
  const boundary = sorted[allowed];
  if (boundary === undefined) return 0;
  return Math.min(1, boundary + 1e-6);
}

/** Share of scores at or above the threshold. */
export function rateAtOrAbove(scores: readonly number[], threshold: number): number {
  if (scores.length === 0) return Number.NaN;
  return scores.filter((score) => score >= threshold).length / scores.length;
}

/** TPR at the threshold that gives at most `maximumFpr` on the negatives. */
export function tprAtFpr(positives: readonly number[], negatives: readonly number[], maximumFpr: number): number {
  return rateAtOrAbove(positives, thresholdForFpr(negatives, maximumFpr));
}

/** Rounds for reports. */
export function round(value: number, digits = 4): number {
  return Number.isNaN(value) ? value : Math.round(value * 10 ** digits) / 10 ** digits;
}
