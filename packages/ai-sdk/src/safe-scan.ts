import type { Guard, ScanOptions, SessionRef, SubjectInput, Verdict } from '@bulwark/core';

/** Called with every scan the engine could not complete (the error it threw and the subject it was given). */
export type ScanErrorHandler = (error: unknown, subject: SubjectInput) => void;

/**
 * Scans one subject and never throws. A subject the engine rejects (tool-call arguments with a cycle or nested too
 * deep, an invalid field) or an engine error gets the policy's fail mode — `block` with a clear reason when it fails
 * closed (the default), `allow` when it fails open — so it never becomes a stream error or a rejected
 * `generateText`, and never silently passes. The error is always reported: in `verdict.errors` and to `onError`.
 */
export async function scanSafely(guard: Guard, subject: SubjectInput, session: SessionRef, options?: ScanOptions, onError?: ScanErrorHandler): Promise<Verdict> {
  try {
    return await guard.scan(subject, session, options);
  } catch (error) {
    try {
      onError?.(error, subject);
    } catch {
      // A reporting callback never changes the outcome.
    }
    const message = error instanceof Error ? error.message : String(error);
    const closed = guard.policy.failMode === 'closed';
    return {
      ...(subject.id !== undefined ? { subjectId: subject.id } : {}),
      surface: subject.surface,
      decision: closed ? 'block' : 'allow',
      score: closed ? 1 : 0,
      categories: closed ? { policy: 1 } : {},
      findings: closed ? [{ detector: 'bulwark-ai-sdk/scan-error', category: 'policy', score: 1, message: 'could not be scanned; failing closed' }] : [],
      reason: closed ? `Blocked by Bulwark: this content could not be scanned (${message}).` : 'Allowed.',
      errors: [`scan failed: ${message}`],
      durationMs: 0,
    };
  }
}
