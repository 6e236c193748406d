/** How a candidate becomes a finding: structure, a validator, and context words that raise or lower confidence. */
export interface PiiEntity {
  /** Stable id, used in findings as `pii/<id>`. */
  readonly id: string;
  /** Redaction placeholder entity, e.g. `CREDIT_CARD`. */
  readonly entity: string;
  readonly description: string;
  /** Candidate pattern source; compiled once with flag `g` (plus `flags`). */
  readonly pattern: string;
  readonly flags?: string;
  /** A cheap test that must pass before the pattern runs (e.g. the text contains `@`). */
  readonly prefilter?: RegExp;
  /** Structural or checksum validation of a candidate; candidates that fail are dropped. */
  readonly validate?: (candidate: string) => boolean;
  /** Confidence from the pattern and validator alone. */
  readonly score: number;
  /** Words near the value (or the JSON key naming it) that raise confidence to `contextScore`. */
  readonly contextWords: readonly string[];
  readonly contextScore: number;
  /** Words near the value that lower confidence (by 0.3). */
  readonly negativeWords?: readonly string[];
  /** Lowers confidence for values that are documented examples or otherwise not a person's data. */
  readonly discount?: (candidate: string) => number;
  readonly examples: { readonly positive: readonly string[]; readonly negative: readonly string[] };
}
