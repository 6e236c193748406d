import type { AuditEvent, Category, Decision, Guard, Surface } from '@bulwark/core';
import type { PinStore } from '../catalog/pin-store.ts';
import type { ServerConfig } from '../config/proxy-config.ts';

/** What every session of one proxy shares: servers, pins, guards (one per server policy, one session store), audit. */
export interface ProxyContext {
  /** The enabled servers, by name. */
  readonly servers: Readonly<Record<string, ServerConfig>>;
  /** Whether tool and prompt names carry a `<server>__` prefix. */
  readonly namespace: boolean;
  /** Calls to tools a server did not list: denied, or scanned and forwarded. */
  readonly unlistedTools: 'deny' | 'scan';
  readonly pins: PinStore;
  /** The guard for one server (its policy merged over the proxy's); all guards share one session store. */
  guardFor(server: string): Guard;
  /** Writes a proxy decision (quarantine, unlisted tool, server down) to the audit sinks. */
  recordEvent(event: AuditEvent): Promise<void>;
  /** Diagnostics (stderr in the CLI: stdout is the protocol channel). */
  log(message: string): void;
  /** The proxy's own version, sent as client and server info. */
  readonly version: string;
  /** Tool changes already written to the audit log (server, tool, fingerprint), so a change is reported once. */
  readonly reportedChanges: Set<string>;
}

/** One proxy decision as an audit event, in the engine's event shape. */
export function proxyAuditEvent(fields: {
  sessionId: string;
  surface: Surface;
  tool?: string;
  decision: Decision;
  category: Category;
  detector: string;
  message: string;
}): AuditEvent {
  return {
    time: new Date().toISOString(),
    sessionId: fields.sessionId,
    surface: fields.surface,
    ...(fields.tool ? { tool: fields.tool } : {}),
    decision: fields.decision,
    score: 1,
    categories: { [fields.category]: 1 },
    findings: [{ detector: fields.detector, category: fields.category, score: 1, message: fields.message }],
    durationMs: 0,
  };
}
