import { describe, expect, it } from 'vitest';
import type { Detector } from '../detector.ts';
import { createGuard } from '../engine/create-guard.ts';
import type { SubjectInput } from '../subject.ts';
import type { Surface } from '../surface.ts';
import type { RuleExample, RulePackInput } from '../rules/rule-pack.ts';
import { createRulePackDetector } from '../rules/rule-pack-detector.ts';

/** Builds a text subject on a surface (tool calls carry the text as one argument). */
export function subjectOn(surface: Surface, text: string): SubjectInput {
  switch (surface) {
    case 'tool_call':
      return { surface, tool: 'example_tool', args: { input: text } };
    case 'tool_definition':
      return { surface, tool: { name: 'example_tool', description: text } };
    default:
      return { surface, text };
  }
}

/** Runs a detector alone over one text, through the full engine (normalization included). */
export async function findingsOf(detector: Detector, text: string, surface: Surface) {
  const guard = createGuard({ detectors: [detector] });
  return (await guard.scan(subjectOn(surface, text))).findings;
}

/** Table-driven tests for a rule pack: every rule's positives must match it, its negatives must not. */
export function testRulePack(pack: RulePackInput): void {
  const detector = createRulePackDetector(pack);
  const exampleSurface = detector.pack.exampleSurface;
  const unpack = (example: RuleExample) => (typeof example === 'string' ? { text: example, surface: exampleSurface } : example);
  describe(`rule pack ${detector.pack.id}`, () => {
    for (const rule of detector.pack.rules) {
      const id = `${detector.pack.id}/${rule.id}`;
      describe(rule.id, () => {
        it.each(rule.examples.positive.map(unpack))('matches $surface: $text', async ({ text, surface }) => {
          const findings = await findingsOf(detector, text, surface);
          expect(findings.map((finding) => finding.detector)).toContain(id);
        });
        it.each(rule.examples.negative.map(unpack))('does not match $surface: $text', async ({ text, surface }) => {
          const findings = await findingsOf(detector, text, surface);
          expect(findings.map((finding) => finding.detector)).not.toContain(id);
        });
      });
    }
  });
}

/** One case of a detector table. */
export interface DetectorCase {
  text: string;
  surface?: Surface;
  /** Detector ids (or prefixes ending in `/`) that must be among the findings. */
  expect?: string[];
}

/** ESLint RuleTester-style table: `valid` cases yield no finding, `invalid` cases yield the expected ones. */
export function testDetector(detector: Detector, cases: { valid: DetectorCase[]; invalid: DetectorCase[]; surface?: Surface }): void {
  const surfaceOf = (entry: DetectorCase) => entry.surface ?? cases.surface ?? detector.meta.surfaces[0] ?? 'prompt';
  describe(`detector ${detector.meta.id}`, () => {
    it.each(cases.valid)('valid: $text', async (entry) => {
      expect(await findingsOf(detector, entry.text, surfaceOf(entry))).toEqual([]);
    });
    it.each(cases.invalid)('invalid: $text', async (entry) => {
      const ids = (await findingsOf(detector, entry.text, surfaceOf(entry))).map((finding) => finding.detector);
      expect(ids.length).toBeGreaterThan(0);
      for (const expected of entry.expect ?? []) {
        expect(ids.some((id) => id === expected || (expected.endsWith('/') && id.startsWith(expected)))).toBe(true);
      }
    });
  });
}
