import type { Detector } from '../detector.ts';
import type { Policy } from '../policy/policy-schema.ts';
import { instructionOverridePack } from '../rules/packs/instruction-override.ts';
import { createRulePackDetector } from '../rules/rule-pack-detector.ts';
import { evasionDetector } from './evasion.ts';

/** The rule packs that ship with Bulwark. */
export const builtinRulePacks = [instructionOverridePack] as const;

/** The detectors a guard runs by default, compiled once. */
export function builtinDetectors(_policy: Policy): Detector[] {
  return [evasionDetector, ...builtinRulePacks.map((pack) => createRulePackDetector(pack))];
}
