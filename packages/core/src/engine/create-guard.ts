import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { placeholderFor, restorePlaceholders } from '../act/placeholders.ts';
import { keyedHash, redactionSpans, redactSubject, type RedactionStrategy } from '../act/redact.ts';
import type { AuditEvent, AuditSink } from '../audit/audit.ts';
import type { Detector, DetectorContext, ScanInput } from '../detector.ts';
import { BulwarkConfigError, BulwarkDetectorError } from '../errors.ts';
import type { Finding } from '../finding.ts';
import { normalize } from '../normalize/normalize.ts';
import { categoryRule, evaluatePolicy } from '../policy/evaluate-policy.ts';
import { formatIssues, resolvePolicy } from '../policy/load-policy.ts';
import type { Policy, PolicyInput } from '../policy/policy-schema.ts';
import { createSessionState, type SessionState } from '../session/session-state.ts';
import { createMemorySessionStore, type SessionStore } from '../session/session-store.ts';
import { extractText, SubjectSchema, type SubjectInput } from '../subject.ts';
import { builtinDetectors } from '../detectors/builtin.ts';
import type { AttackClassifierSource, ModelCalibration } from '../detectors/injection-fusion.ts';
import type { HarmRequestModel } from '../detectors/harm-request/harm-request-model.ts';
import type { ModelSource } from '../detectors/lazy-model.ts';
import { recordInSession } from './record-session.ts';
import { describeVerdict } from './reason.ts';
import type { Verdict } from './verdict.ts';

/** Everything a guard is built from. Immutable once the guard exists. */
export interface GuardConfig {
  /** The policy (parsed or as written); defaults when absent. */
  policy?: Policy | PolicyInput;
  /** Replaces the built-in detectors. */
  detectors?: readonly Detector[];
  /** Added after the built-in (or given) detectors. */
  extraDetectors?: readonly Detector[];
  /** Session state store; in memory by default. */
  store?: SessionStore;
  /** Audit sinks; every verdict becomes one event. */
  audit?: AuditSink | readonly AuditSink[];
  /**
   * The injection/jailbreak classifier for the built-in detectors: a classifier, or a loader the guard calls once on
   * the first scan that needs it. `false` runs rules and normalization signals only.
   */
  classifier?: AttackClassifierSource | false;
  /** Calibration of that classifier (model thresholds on the policy scale). */
  classifierCalibration?: ModelCalibration;
  /**
   * The harm-request model the built-in jailbreak-pretext and disfluent-tail detectors read (a model or a loader
   * called once); default: the committed one. `false` leaves it out.
   */
  harmRequests?: ModelSource<HarmRequestModel>;
  /** Called when a detector throws (the policy's failure mode is applied either way). Defaults to `console.error`. */
  onDetectorError?: (error: BulwarkDetectorError) => void;
}

/** Who and where: the session a subject belongs to. */
export interface SessionRef {
  id: string;
  userId?: string;
  /** The protected system prompt in force (for leakage checks). */
  systemPrompt?: string;
  /** Canary tokens planted for this session. */
  canaries?: readonly string[];
}

/** A session reference as callers pass it, checked at the edge so a wrong type names the field. */
const SessionRefSchema = z.object({
  id: z.string(),
  userId: z.string().optional(),
  systemPrompt: z.string().optional(),
  canaries: z.array(z.string()).optional(),
});

/** Options of one scan. */
export interface ScanOptions {
  /**
   * `false` makes the scan provisional: it reads the session but records nothing (no session update, no audit
   * event). Streaming adapters use it for the intermediate scans of a hold-back window; the last scan records.
   */
  record?: boolean;
}

/** The engine: scans subjects in sessions and returns verdicts. */
export interface Guard {
  readonly policy: Policy;
  readonly detectors: readonly Detector[];
  /** Scans one subject. Without a session, the subject is a run of its own. */
  scan(subject: SubjectInput, session?: SessionRef | string, options?: ScanOptions): Promise<Verdict>;
  /** The current state of a session, if any. */
  session(sessionId: string): Promise<SessionState | undefined>;
  /**
   * Puts a session's reversible placeholders (`[EMAIL_1]`) back into text shown to the user — the model's answer.
   * Only values redacted from the prompt and tool results are restorable; never pass tool arguments through this.
   */
  restore(text: string, sessionId: string): Promise<string>;
  /** Drops a session's state. */
  forget(sessionId: string): Promise<void>;
  /** Flushes and closes audit sinks. */
  close(): Promise<void>;
}

/** Creates a guard. Detectors and rule packs compile here, once. */
export function createGuard(config: GuardConfig = {}): Guard {
  const policy = resolvePolicy(config.policy);
  const disabled = new Set(policy.detectors.disable);
  const builtinOptions = {
    ...(config.classifier !== undefined ? { classifier: config.classifier } : {}),
    ...(config.classifierCalibration ? { calibration: config.classifierCalibration } : {}),
    ...(config.harmRequests !== undefined ? { harmRequests: config.harmRequests } : {}),
  };
  const detectors = [...(config.detectors ?? builtinDetectors(policy, builtinOptions)), ...(config.extraDetectors ?? [])].filter(
    (detector) => !disabled.has(detector.meta.id),
  );
  const store = config.store ?? createMemorySessionStore();
  const sinks: readonly AuditSink[] = config.audit === undefined ? [] : Array.isArray(config.audit) ? config.audit : [config.audit as AuditSink];
  const hashKey = policy.redaction.hashKey ?? randomBytes(32).toString('hex');
  const reportError = config.onDetectorError ?? ((error: BulwarkDetectorError) => console.error(`[bulwark] ${error.message}`));
  const sessionQueues = new Map<string, Promise<unknown>>();

  async function scanNow(subjectInput: SubjectInput, sessionRef: SessionRef | undefined, record: boolean): Promise<Verdict> {
    const started = performance.now();
    const parsed = SubjectSchema.safeParse(subjectInput);
    if (!parsed.success) throw new BulwarkConfigError(formatIssues(parsed.error, 'subject'));
    const subject = parsed.data;
    const surface = subject.surface;

    const stored = sessionRef ? await store.get(sessionRef.id) : undefined;
    // A provisional scan works on a shallow copy (it records nothing, so only the fields set just below change).
    const state = (stored && !record ? { ...stored } : stored) ?? createSessionState(sessionRef?.id ?? 'ephemeral');
    if (sessionRef?.userId) state.userId = sessionRef.userId;
    if (sessionRef?.systemPrompt) state.systemPrompt = sessionRef.systemPrompt;
    if (sessionRef?.canaries) state.canaries = [...new Set([...state.canaries, ...sessionRef.canaries])];

    const extracted = extractText(subject);
    const input: ScanInput = { subject, extracted, normalized: normalize(extracted.text) };
    const context: DetectorContext = { surface, session: state, policy };
    const surfaceDisabled = new Set(policy.surfaces[surface]?.disable ?? []);

    const findings: Finding[] = [];
    const errors: string[] = [];
    const active = detectors.filter((detector) => detector.meta.surfaces.includes(surface) && !surfaceDisabled.has(detector.meta.id));
    for (const detector of active) {
      try {
        findings.push(...(await detector.scan(input, context)));
      } catch (cause) {
        const error = new BulwarkDetectorError(detector.meta.id, cause);
        reportError(error);
        errors.push(error.message);
        if (policy.failMode === 'closed') {
          findings.push({ detector: detector.meta.id, category: 'policy', score: 1, message: 'detector failed; failing closed' });
        }
      }
    }

    const outcome = evaluatePolicy(findings, policy, surface);
    let redacted: Verdict['redacted'];
    if (outcome.decision === 'redact') {
      // Leak findings are rewritten when they reach their category's threshold themselves (a weak phone-like number
      // is not masked because a card was found); if only their combination crossed it, all of them are.
      const reaches = (finding: Finding) => finding.score >= categoryRule(policy, surface, finding.category).threshold;
      const redactable = findings.filter((finding) => {
        if (!outcome.triggered.includes(finding.category)) return false;
        if (!finding.category.startsWith('leak.')) return true;
        return reaches(finding) || !findings.some((other) => other.category === finding.category && reaches(other));
      });
      const spans = redactionSpans(redactable);
      const strategyOf = (entity: string) => policy.redaction.entities[entity] ?? policy.redaction.strategy;
      if (spans.some((span) => strategyOf(span.entity) === 'block')) {
        outcome.decision = 'block';
      } else {
        const reversible = policy.redaction.reversible && (surface === 'prompt' || surface === 'tool_result' || surface === 'document');
        const result = redactSubject(subject, extracted, spans, {
          strategy: 'redact',
          key: hashKey,
          strategyFor: (entity) => strategyOf(entity) as RedactionStrategy,
          ...(reversible ? { placeholderFor: (value: string, entity: string) => placeholderFor(state.placeholders, value, entity) } : {}),
        });
        redacted = result.args ? { text: result.text, args: result.args, spans: result.replaced } : { text: result.text, spans: result.replaced };
      }
    }
    const shadow = policy.mode === 'shadow';
    const verdict: Verdict = {
      ...(subject.id !== undefined ? { subjectId: subject.id } : {}),
      surface,
      decision: shadow ? 'allow' : outcome.decision,
      ...(shadow && outcome.decision !== 'allow' ? { shadowDecision: outcome.decision } : {}),
      score: outcome.score,
      categories: outcome.categories,
      findings,
      ...(redacted && !shadow ? { redacted } : {}),
      reason: describeVerdict(outcome.decision, surface, outcome.triggered, findings),
      errors,
      durationMs: 0,
    };

    verdict.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    if (!record) return verdict;
    recordInSession(state, input, outcome.decision, outcome.score, findings);
    for (const detector of active) detector.observe?.(input, state, { findings, decision: outcome.decision });
    if (sessionRef) await store.set(state);

    if (sinks.length > 0) {
      const event = toAuditEvent(verdict, subject, sessionRef, extracted.text, hashKey);
      for (const sink of sinks) await sink.write(event);
    }
    return verdict;
  }

  return {
    policy,
    detectors,
    scan(subject, session, options) {
      const record = options?.record ?? true;
      if (session === undefined) return scanNow(subject, undefined, record);
      const checked = SessionRefSchema.safeParse(typeof session === 'string' ? { id: session } : session);
      if (!checked.success) return Promise.reject(new BulwarkConfigError(formatIssues(checked.error, 'session')));
      const sessionRef: SessionRef = checked.data;
      // Scans of one session run in order, so state updates never interleave.
      const previous = sessionQueues.get(sessionRef.id) ?? Promise.resolve();
      const next = previous.then(
        () => scanNow(subject, sessionRef, record),
        () => scanNow(subject, sessionRef, record),
      );
      const tail = next.catch(() => undefined);
      sessionQueues.set(sessionRef.id, tail);
      void tail.then(() => {
        if (sessionQueues.get(sessionRef.id) === tail) sessionQueues.delete(sessionRef.id);
      });
      return next;
    },
    session: (sessionId) => store.get(sessionId),
    async restore(text, sessionId) {
      const state = await store.get(sessionId);
      return state ? restorePlaceholders(text, state.placeholders) : text;
    },
    forget: (sessionId) => store.delete(sessionId),
    async close() {
      for (const sink of sinks) await sink.close?.();
    },
  };
}

function toAuditEvent(verdict: Verdict, subject: ReturnType<typeof SubjectSchema.parse>, session: SessionRef | undefined, text: string, key: string): AuditEvent {
  const tool = subject.surface === 'tool_definition' ? subject.tool.name : 'tool' in subject ? subject.tool : undefined;
  return {
    time: new Date().toISOString(),
    ...(session?.id ? { sessionId: session.id } : {}),
    ...(session?.userId ? { userId: session.userId } : {}),
    ...(verdict.subjectId ? { subjectId: verdict.subjectId } : {}),
    surface: verdict.surface,
    ...(typeof tool === 'string' ? { tool } : {}),
    decision: verdict.decision,
    ...(verdict.shadowDecision ? { shadowDecision: verdict.shadowDecision } : {}),
    score: verdict.score,
    categories: verdict.categories,
    findings: verdict.findings.map((finding) => ({
      detector: finding.detector,
      category: finding.category,
      score: finding.score,
      message: finding.message,
      ...(finding.span ? { span: finding.span } : {}),
      ...(finding.view ? { view: finding.view } : {}),
      ...(finding.entity ? { entity: finding.entity } : {}),
      // A keyed fingerprint lets operators correlate repeated values without the value itself reaching the log.
      ...(finding.span ? { fingerprint: keyedHash(text.slice(finding.span.start, finding.span.end), key) } : {}),
    })),
    ...(verdict.errors.length > 0 ? { errors: verdict.errors } : {}),
    durationMs: verdict.durationMs,
  };
}
