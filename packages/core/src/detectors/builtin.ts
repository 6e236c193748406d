import type { Detector } from '../detector.ts';
import type { Policy } from '../policy/policy-schema.ts';
import { exfiltrationMarkupPack } from '../rules/packs/exfiltration-markup.ts';
import { instructionOverridePack } from '../rules/packs/instruction-override.ts';
import { jailbreakPersonaPack } from '../rules/packs/jailbreak-persona.ts';
import { obfuscationMarkersPack } from '../rules/packs/obfuscation-markers.ts';
import { promptExtractionPack } from '../rules/packs/prompt-extraction.ts';
import { roleSpoofingPack } from '../rules/packs/role-spoofing.ts';
import { toolCoercionPack } from '../rules/packs/tool-coercion.ts';
import { createRulePackDetector } from '../rules/rule-pack-detector.ts';
import { loadDefaultClassifier } from './default-classifier.ts';
import { evasionDetector } from './evasion.ts';
import { createInjectionFusionDetector, type AttackClassifierSource, type ModelCalibration } from './injection-fusion.ts';

/** The injection and jailbreak rule packs; they run inside the fused `injection` detector, beside the classifier. */
export const attackRulePacks = [
  instructionOverridePack,
  roleSpoofingPack,
  promptExtractionPack,
  toolCoercionPack,
  exfiltrationMarkupPack,
  jailbreakPersonaPack,
  obfuscationMarkersPack,
] as const;

/** The rule packs that ship with Bulwark. */
export const builtinRulePacks = [...attackRulePacks] as const;

/** Options of the built-in detector set. */
export interface BuiltinDetectorOptions {
  /**
   * The injection/jailbreak classifier (or a loader called once, lazily). Absent: the ONNX model committed with
   * @bulwark/core, loaded on the first scan. `false`: rules and normalization signals only.
   */
  classifier?: AttackClassifierSource | false;
  /** Thresholds of the classifier on the policy scale; defaults come with the classifier or are conservative. */
  calibration?: ModelCalibration;
}

/** The detectors a guard runs by default, compiled once. */
export function builtinDetectors(_policy: Policy, options: BuiltinDetectorOptions = {}): Detector[] {
  const attackPacks = new Set<unknown>(attackRulePacks);
  return [
    evasionDetector,
    createInjectionFusionDetector({
      packs: attackRulePacks,
      ...(options.classifier !== false ? { classifier: options.classifier ?? (() => loadDefaultClassifier()) } : {}),
      ...(options.calibration ? { calibration: options.calibration } : {}),
    }),
    ...builtinRulePacks.filter((pack) => !attackPacks.has(pack)).map((pack) => createRulePackDetector(pack)),
  ];
}
