import type { Detector } from '../detector.ts';
import type { Policy } from '../policy/policy-schema.ts';
import { instructionOverridePack } from '../rules/packs/instruction-override.ts';
import { createRulePackDetector } from '../rules/rule-pack-detector.ts';
import { createArgumentInjectionDetector } from './argument-injection/argument-injection-detector.ts';
import { canaryDetector } from './canary/canary-detector.ts';
import { createDataFlowDetector } from './data-flow/data-flow-detector.ts';
import { evasionDetector } from './evasion.ts';
import { createExfiltrationDetector } from './exfiltration/exfiltration-detector.ts';
import { createIntentDetector } from './intent/intent-detector.ts';
import { detectorOptions, ExfiltrationOptionsSchema, PiiOptionsSchema } from './leak-options.ts';
import { createPiiDetector } from './pii/pii-detector.ts';
import { createSecretsDetector } from './secrets/secrets-detector.ts';
import { createSystemPromptDetector } from './system-prompt/system-prompt-detector.ts';
import { createToolPolicyDetector } from './tool-policy/tool-policy-detector.ts';

/** The rule packs that ship with Bulwark. */
export const builtinRulePacks = [instructionOverridePack] as const;

/** The detectors a guard runs by default, compiled once. */
export function builtinDetectors(policy: Policy): Detector[] {
  return [evasionDetector, ...builtinRulePacks.map((pack) => createRulePackDetector(pack)), ...flowDetectors(policy), ...leakDetectors(policy)];
}

/** The tool-call detectors (tool policy, argument injection, intent, data flow), compiled for a policy. */
export function flowDetectors(policy: Policy): Detector[] {
  return [createToolPolicyDetector(policy), createArgumentInjectionDetector(policy), createIntentDetector(policy), createDataFlowDetector(policy)];
}

/** The data-leakage detectors: secrets, PII, system prompt, canaries, exfiltration. */
export function leakDetectors(policy: Policy): Detector[] {
  return [
    createSecretsDetector(),
    createPiiDetector(detectorOptions(policy, 'pii', PiiOptionsSchema)),
    createSystemPromptDetector(),
    canaryDetector,
    createExfiltrationDetector(detectorOptions(policy, 'exfiltration', ExfiltrationOptionsSchema)),
  ];
}
