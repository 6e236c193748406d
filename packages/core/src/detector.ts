import type { Finding } from './finding.ts';
import type { NormalizedText } from './normalize/normalize.ts';
import type { Policy } from './policy/policy-schema.ts';
import type { SessionState } from './session/session-state.ts';
import type { ExtractedText, Subject } from './subject.ts';
import type { Category, Decision, Surface } from './surface.ts';

/** What a detector is: id, what it finds, where it applies. */
export interface DetectorMeta {
  /** Stable id, used in findings (`<id>/<rule>`), policy and audit. */
  readonly id: string;
  readonly categories: readonly Category[];
  /** Surfaces it applies to. */
  readonly surfaces: readonly Surface[];
  /** One sentence for docs and `bulwark detectors`. */
  readonly description: string;
}

/** The shared input every detector reads: the subject, its extracted text and one normalized view of it. */
export interface ScanInput {
  readonly subject: Subject;
  readonly extracted: ExtractedText;
  readonly normalized: NormalizedText;
}

/** What a detector may know about where it runs. The session is a read-only snapshot. */
export interface DetectorContext {
  readonly surface: Surface;
  readonly session: Readonly<SessionState>;
  readonly policy: Policy;
}

/**
 * A detector, ESLint-style: `meta` plus a `scan` over the shared normalized input. Detectors only report
 * findings (with spans); they never rewrite input. `observe` lets a detector record what it needs in session
 * state after the verdict.
 */
export interface Detector {
  readonly meta: DetectorMeta;
  scan(input: ScanInput, context: DetectorContext): Finding[] | Promise<Finding[]>;
  observe?(input: ScanInput, state: SessionState, outcome: { findings: readonly Finding[]; decision: Decision }): void;
}
