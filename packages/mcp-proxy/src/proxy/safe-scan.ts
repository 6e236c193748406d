import type { Guard, SessionRef, SubjectInput, Verdict } from '@bulwark/core';
import { proxyAuditEvent, type ProxyContext } from './proxy-context.ts';

/** Scans one subject for one server in one session; never throws. */
export type ScanSubject = (subject: SubjectInput) => Promise<Verdict>;

/**
 * A scanner bound to a server's guard and a session that never throws: a subject the engine cannot scan (a
 * malformed tool name, an engine error) gets the policy's failure mode — blocked when it fails closed (the
 * default), allowed when it fails open — and the failure is written to the audit log.
 */
export function safeScanner(context: ProxyContext, guard: Guard, session: SessionRef): ScanSubject {
  return async (subject) => {
    try {
      return await guard.scan(subject, session);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const closed = guard.policy.failMode === 'closed';
      context.log(`scan failed (${subject.surface}): ${message}; failing ${closed ? 'closed' : 'open'}`);
      const event = proxyAuditEvent({
        sessionId: session.id,
        surface: subject.surface,
        decision: closed ? 'block' : 'allow',
        category: 'policy',
        detector: 'bulwark-mcp/scan-error',
        message: `could not be scanned: ${message}`,
      });
      await context.recordEvent({ ...event, errors: [message] });
      return {
        surface: subject.surface,
        decision: closed ? 'block' : 'allow',
        score: closed ? 1 : 0,
        categories: closed ? { policy: 1 } : {},
        findings: closed ? [{ detector: 'bulwark-mcp/scan-error', category: 'policy', score: 1, message: 'could not be scanned; failing closed' }] : [],
        reason: closed ? `Blocked by Bulwark: this content could not be scanned (${message}).` : 'Allowed.',
        errors: [message],
        durationMs: 0,
      };
    }
  };
}
