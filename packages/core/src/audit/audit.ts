import { createWriteStream, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Finding } from '../finding.ts';
import type { Category, Decision, Surface } from '../surface.ts';

/** One verdict as an audit record. Holds no raw secrets: leak evidence is replaced by keyed fingerprints. */
export interface AuditEvent {
  time: string;
  sessionId?: string;
  userId?: string;
  subjectId?: string;
  surface: Surface;
  tool?: string;
  decision: Decision;
  /** In shadow mode: the decision that would have been enforced. */
  shadowDecision?: Decision;
  score: number;
  categories: Partial<Record<Category, number>>;
  findings: Array<Pick<Finding, 'detector' | 'category' | 'score' | 'message' | 'span' | 'view' | 'entity'> & { fingerprint?: string }>;
  /** Detectors that failed, with the failure mode applied. */
  errors?: string[];
  durationMs: number;
}

/** Where audit events go. `write` must not throw; slow sinks should buffer. */
export interface AuditSink {
  write(event: AuditEvent): void | Promise<void>;
  close?(): Promise<void>;
}

/** Writes one JSON line per event to a stream or a file path (appending). */
export function createJsonlAuditSink(target: string | Writable): AuditSink {
  const stream: Writable | WriteStream = typeof target === 'string' ? createWriteStream(target, { flags: 'a' }) : target;
  return {
    write(event) {
      stream.write(`${JSON.stringify(event)}\n`);
    },
    async close() {
      if (typeof target !== 'string') return;
      await new Promise<void>((resolve) => stream.end(resolve));
    },
  };
}

/** Keeps events in memory (tests, demos). */
export function createMemoryAuditSink(): AuditSink & { readonly events: AuditEvent[] } {
  const events: AuditEvent[] = [];
  return { events, write: (event) => void events.push(event) };
}
