import type { Finding } from '../finding.ts';
import type { Category, Decision, Surface } from '../surface.ts';

/** One rewritten span of a subject's extracted text, `[start, end)`, and what replaced it. */
export interface RedactedSpan {
  start: number;
  end: number;
  replacement: string;
}

/** The engine's answer for one subject: the decision the host acts on, and everything behind it. */
export interface Verdict {
  subjectId?: string;
  surface: Surface;
  /** The decision to enforce (`allow` in shadow mode). */
  decision: Decision;
  /** In shadow mode, what would have been enforced. */
  shadowDecision?: Decision;
  /** Composite risk 0..1. */
  score: number;
  /** Score per category found. */
  categories: Partial<Record<Category, number>>;
  findings: Finding[];
  /**
   * The rewritten subject when the decision is `redact`: text, arguments for tool calls, and the spans of the
   * extracted text that were rewritten with their replacements (sorted, non-overlapping) — streaming adapters use
   * them to rewrite text that has not been emitted yet.
   */
  redacted?: { text: string; args?: Record<string, unknown>; spans?: RedactedSpan[] };
  /** A short reason, written so a model (or a person) can read it and recover. */
  reason: string;
  /** Detectors that failed during this scan. */
  errors: string[];
  durationMs: number;
}
