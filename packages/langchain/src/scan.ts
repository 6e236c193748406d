import type { Guard, ScanOptions, SessionRef, SubjectInput, Verdict } from '@bulwark/core';

/**
 * Scans one subject. A guard that throws (invalid subject, broken store) never crashes the host and never silently
 * passes: the policy's fail mode decides, exactly as for a detector that throws.
 */
export async function scanSafely(guard: Guard, subject: SubjectInput, session: SessionRef | undefined, options?: ScanOptions): Promise<Verdict> {
  try {
    return await guard.scan(subject, session, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failClosed = guard.policy.failMode === 'closed';
    return {
      ...(subject.id !== undefined ? { subjectId: subject.id } : {}),
      surface: subject.surface,
      decision: failClosed ? 'block' : 'allow',
      score: failClosed ? 1 : 0,
      categories: failClosed ? { policy: 1 } : {},
      findings: [],
      reason: failClosed ? 'Blocked by Bulwark: the content could not be scanned.' : 'Allowed.',
      errors: [`scan failed: ${message}`],
      durationMs: 0,
    };
  }
}

/** Whether a verdict stops the content (block, or ask with nobody to ask). */
export function stops(verdict: Verdict): boolean {
  return verdict.decision === 'block' || verdict.decision === 'ask';
}
