import type { SecretRuleInput } from '../detectors/secrets/secret-rule.ts';
import { SecretRuleSchema } from '../detectors/secrets/secret-rule.ts';
import { createSecretsDetector } from '../detectors/secrets/secrets-detector.ts';
import type { Surface } from '../surface.ts';
import { testDetector } from './rule-pack-tester.ts';

/**
 * Table-driven tests for secret rules (gitleaks-style): each rule's positive examples must be found by that rule,
 * and its negative examples by no rule at all. Runs through the full engine, normalization included.
 */
export function testSecretRules(rules: readonly SecretRuleInput[], options: { surface?: Surface; extraRules?: boolean } = {}): void {
  const detector = createSecretsDetector(options.extraRules ? { extraRules: rules } : { rules });
  for (const input of rules) {
    const rule = SecretRuleSchema.parse(input);
    testDetector(detector, {
      surface: options.surface ?? 'tool_result',
      invalid: rule.examples.positive.map((text) => ({ text, expect: [`secrets/${rule.id}`] })),
      valid: rule.examples.negative.map((text) => ({ text })),
    });
  }
}
