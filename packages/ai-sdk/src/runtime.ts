import { createHmac, randomBytes } from 'node:crypto';
import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { createGuard, type Guard, type ScanOptions, type SessionRef, type SubjectInput, type Verdict } from '@bulwark/core';
import { createBoundedMap, type BoundedMap } from './bounded-map.ts';
import { BulwarkSettingsSchema, type BulwarkMiddlewareOptions, type BulwarkSettings, type SessionIdOption } from './options.ts';
import { BulwarkConfigError } from '@bulwark/core';
import { scanSafely, type ScanErrorHandler } from './safe-scan.ts';

/** What the middleware learned about one language-model call, from `transformParams` to `wrapGenerate`/`wrapStream`. */
export interface CallContext {
  readonly session: SessionRef;
  /** Tools whose definitions were blocked: calls to them are removed. */
  readonly blockedTools: ReadonlySet<string>;
  /** Set when the newest user input was blocked: the model is not called. */
  readonly promptBlock?: Verdict;
}

/** A tool call the middleware has judged, remembered for the `toolApproval` hook. */
export interface ToolCallRecord {
  readonly session: SessionRef;
  readonly verdict: Verdict;
  /** Whether the middleware already rewrote the call's arguments (a `redact` verdict was enforced). */
  readonly argumentsRewritten: boolean;
}

/** State shared by the middleware hooks and the `toolApproval` hook of one `bulwarkMiddleware(...)`. */
export interface GuardRuntime {
  readonly guard: Guard;
  readonly settings: BulwarkSettings;
  readonly sessionId: SessionIdOption | undefined;
  readonly systemPrompt: string | undefined;
  /** Key of the session fingerprints and cache keys (random per middleware, never logged). */
  readonly key: string;
  /** Verdicts of prompt content already scanned in a session: each part is scanned (and recorded) once. */
  readonly contentVerdicts: BoundedMap<Verdict>;
  /** Tool-call verdicts by tool call id. */
  readonly toolCalls: BoundedMap<ToolCallRecord>;
  /** Per-call context, keyed by the transformed parameters object the SDK hands to the wrap hooks. */
  readonly calls: WeakMap<LanguageModelV4CallOptions, CallContext>;
  /** Reports scans the engine could not complete. */
  readonly onScanError: ScanErrorHandler | undefined;
}

/** Builds the runtime of one middleware; settings are validated here, and errors name the field. */
export function createRuntime(options: BulwarkMiddlewareOptions): GuardRuntime {
  const { guard, sessionId, systemPrompt, onScanError, ...data } = options;
  const parsed = BulwarkSettingsSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`).join('; ');
    throw new BulwarkConfigError(`invalid bulwarkMiddleware options: ${issues}`);
  }
  if (sessionId !== undefined && typeof sessionId !== 'string' && typeof sessionId !== 'function') {
    throw new BulwarkConfigError('invalid bulwarkMiddleware options: sessionId: expected a string or a function');
  }
  if (onScanError !== undefined && typeof onScanError !== 'function') {
    throw new BulwarkConfigError('invalid bulwarkMiddleware options: onScanError: expected a function');
  }
  return {
    guard: guard ?? createGuard(),
    settings: parsed.data,
    sessionId,
    systemPrompt,
    key: randomBytes(32).toString('hex'),
    contentVerdicts: createBoundedMap(parsed.data.cacheSize),
    toolCalls: createBoundedMap(parsed.data.cacheSize),
    calls: new WeakMap(),
    onScanError,
  };
}

/**
 * Scans a subject once per session and place: the same part seen again on a later step (or a later turn, with the
 * history resent) reuses its verdict instead of being scanned and recorded again. `place` tells apart equal content at
 * different places of a conversation (the second "yes" of a chat is a new prompt).
 */
export async function scanOnce(runtime: GuardRuntime, session: SessionRef, subject: SubjectInput, content: string, place: string): Promise<Verdict> {
  const cacheKey = createHmac('sha256', runtime.key)
    .update(`${session.id}\u0000${subject.surface}\u0000${place}\u0000${content}`)
    .digest('hex');
  const cached = runtime.contentVerdicts.get(cacheKey);
  if (cached) return cached;
  const verdict = await scan(runtime, subject, session);
  runtime.contentVerdicts.set(cacheKey, verdict);
  return verdict;
}

/**
 * Every scan of the adapter goes through here: it never throws — a subject the engine cannot scan gets the policy's
 * fail mode (see `scanSafely`) and the error is reported to `onScanError`.
 */
export function scan(runtime: GuardRuntime, subject: SubjectInput, session: SessionRef, options?: ScanOptions): Promise<Verdict> {
  return scanSafely(runtime.guard, subject, session, options, runtime.onScanError);
}

/** Whether a decision stops the content it was made for. Input surfaces cannot ask anyone, so `ask` stops too. */
export function stops(verdict: Verdict): boolean {
  return verdict.decision === 'block' || verdict.decision === 'ask';
}
