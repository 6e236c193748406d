import { describe, expect, it } from 'vitest';
import type { Detector } from '../detector.ts';
import { createGuard } from '../engine/create-guard.ts';
import type { Verdict } from '../engine/verdict.ts';
import type { PolicyInput } from '../policy/policy-schema.ts';
import type { SubjectInput } from '../subject.ts';
import type { Decision } from '../surface.ts';

/** One step of a session case: a subject, and for the ones that matter, the decision and detectors expected. */
export type SessionStep = SubjectInput & {
  /** Expected decision of this subject. */
  expect?: Decision;
  /** Detector ids (or prefixes ending in `/`) that must be among the findings. */
  detectors?: string[];
  /** Detector ids (or prefixes ending in `/`) that must not be among the findings. */
  notDetectors?: string[];
};

/** A session case: steps scanned in order in one session. */
export interface SessionCase {
  name: string;
  policy?: PolicyInput;
  /** Detectors to run instead of the built-in ones (built from the case's policy). */
  detectors?: (policy: PolicyInput) => Detector[];
  steps: SessionStep[];
}

/** Scans the steps of a case in one session and returns every verdict. */
export async function runSessionCase(entry: SessionCase): Promise<Verdict[]> {
  const policy = entry.policy ?? {};
  const guard = createGuard({ policy, ...(entry.detectors ? { detectors: entry.detectors(policy) } : {}) });
  const verdicts: Verdict[] = [];
  for (const step of entry.steps) {
    const { expect: _expect, detectors: _detectors, notDetectors: _not, ...subject } = step;
    verdicts.push(await guard.scan(subject as SubjectInput, entry.name));
  }
  return verdicts;
}

const matches = (ids: readonly string[], wanted: string) => ids.some((id) => id === wanted || (wanted.endsWith('/') && id.startsWith(wanted)));

/** Table-driven session tests: every step with `expect` gets that decision, and the named detectors fire (or don't). */
export function testSessions(title: string, cases: readonly SessionCase[]): void {
  describe(title, () => {
    it.each(cases.map((entry) => [entry.name, entry] as const))('%s', async (_name, entry) => {
      const verdicts = await runSessionCase(entry);
      entry.steps.forEach((step, index) => {
        const verdict = verdicts[index];
        if (!verdict) return;
        const ids = verdict.findings.map((finding) => finding.detector);
        const where = `step ${index} (${step.surface}${'tool' in step && typeof step.tool === 'string' ? ` ${step.tool}` : ''}): ${verdict.reason} [${ids.join(', ')}]`;
        if (step.expect) expect(verdict.decision, where).toBe(step.expect);
        for (const wanted of step.detectors ?? []) expect(matches(ids, wanted), `${where} should include ${wanted}`).toBe(true);
        for (const unwanted of step.notDetectors ?? []) expect(matches(ids, unwanted), `${where} should not include ${unwanted}`).toBe(false);
      });
    });
  });
}
