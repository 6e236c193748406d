import type { Detector } from '../detector.ts';
import type { Policy } from '../policy/policy-schema.ts';
import { instructionOverridePack } from '../rules/packs/instruction-override.ts';
import { createRulePackDetector } from '../rules/rule-pack-detector.ts';
import { createArgumentInjectionDetector } from './argument-injection/argument-injection-detector.ts';
import { createDataFlowDetector } from './data-flow/data-flow-detector.ts';
import { evasionDetector } from './evasion.ts';
import { createIntentDetector } from './intent/intent-detector.ts';
import { createToolPolicyDetector } from './tool-policy/tool-policy-detector.ts';

/** The rule packs that ship with Bulwark. */
export const builtinRulePacks = [instructionOverridePack] as const;

/** The detectors a guard runs by default, compiled once. */
export function builtinDetectors(policy: Policy): Detector[] {
  return [evasionDetector, ...builtinRulePacks.map((pack) => createRulePackDetector(pack)), ...flowDetectors(policy)];
}

/** The tool-call detectors (tool policy, argument injection, intent, data flow), compiled for a policy. */
export function flowDetectors(policy: Policy): Detector[] {
  return [createToolPolicyDetector(policy), createArgumentInjectionDetector(policy), createIntentDetector(policy), createDataFlowDetector(policy)];
}
