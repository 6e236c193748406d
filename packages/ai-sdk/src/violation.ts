import { BulwarkViolationError, type Verdict } from '@bulwark/core';

/** The typed error raised in `onBlock: 'throw'` mode. */
export function violation(verdict: Verdict): BulwarkViolationError {
  return new BulwarkViolationError({ decision: verdict.decision, score: verdict.score, reason: verdict.reason, findings: verdict.findings });
}
