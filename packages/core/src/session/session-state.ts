import { z } from 'zod';

/** Content the session has read, remembered for data-flow checks. */
export const SessionReadSchema = z.object({
  surface: z.string(),
  tool: z.string().optional(),
  /** Taint labels: `untrusted`, `private`. */
  labels: z.array(z.string()),
  /** A bounded excerpt of what was read (kept in the session store, never in audit events). */
  text: z.string(),
  /** Whether a detector found an attack in it. */
  suspicious: z.boolean(),
});
/** Content the session has read. */
export type SessionRead = z.infer<typeof SessionReadSchema>;

/** What a session has seen and done so far: the state data-flow and intent checks reason over. */
export const SessionStateSchema = z.object({
  id: z.string(),
  userId: z.string().optional(),
  /** The protected system prompt in force. */
  systemPrompt: z.string().optional(),
  /** Canary tokens planted in the system prompt or context. */
  canaries: z.array(z.string()).default([]),
  /** The user's own requests, in order (`prompt` subjects). The first is the stated goal. */
  prompts: z.array(z.string()).default([]),
  /** Untrusted and private content read through tools and documents. */
  reads: z.array(SessionReadSchema).default([]),
  /** Tool calls made, by tool name. */
  toolCalls: z.record(z.string(), z.number()).default({}),
  /** Accumulated risk of this session (monitor → throttle → block). */
  risk: z.number().default(0),
  /** Events scanned in this session. */
  events: z.number().default(0),
  /** Reversible redaction placeholders (`[EMAIL_1]` → value) minted in this session; kept in the store, never audited. */
  placeholders: z.record(z.string(), z.string()).default({}),
  /** Free-form state owned by detectors, keyed by detector id. */
  detectorState: z.record(z.string(), z.unknown()).default({}),
});
/** What a session has seen and done so far. */
export type SessionState = z.infer<typeof SessionStateSchema>;

/** A fresh state for a session. */
export function createSessionState(id: string, init: Partial<SessionState> = {}): SessionState {
  return SessionStateSchema.parse({ id, ...init });
}
