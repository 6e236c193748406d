/** Whether a decision stops what it was about (`block`, or `ask` until a human approves); a flag only monitors. */
export function isStopping(decision: string | undefined): boolean {
  return decision === 'block' || decision === 'ask';
}

/** A scored example: its attack score and whether the engine stopped it. */
export interface ScoredExample {
  readonly score: number;
  readonly stopped: boolean;
}

/** The share of examples the engine stopped (TPR on positives, FPR on negatives). */
export function stoppedRate(examples: readonly ScoredExample[]): number {
  if (examples.length === 0) return Number.NaN;
  return examples.filter((example) => example.stopped).length / examples.length;
}

/**
 * The score threshold that keeps the false-positive rate at or under `fpr` on `negatives`:
 * positives count as detected when their score is strictly above it.
 */
export function thresholdAtFpr(negatives: readonly number[], fpr: number): number {
  if (negatives.length === 0) return 0;
  const sorted = [...negatives].sort((a, b) => b - a);
  const allowed = Math.floor(fpr * sorted.length);
  return sorted[allowed] ?? 0;
}

/** TPR when the threshold is chosen so that FPR on the negatives stays ≤ `fpr`. */
export function tprAtFpr(positives: readonly number[], negatives: readonly number[], fpr: number): number {
  if (positives.length === 0) return Number.NaN;
  const threshold = thresholdAtFpr(negatives, fpr);
  return positives.filter((score) => score > threshold).length / positives.length;
}
