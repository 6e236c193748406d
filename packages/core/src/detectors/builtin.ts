import type { Detector } from '../detector.ts';
import type { Policy } from '../policy/policy-schema.ts';
import { exfiltrationMarkupPack } from '../rules/packs/exfiltration-markup.ts';
import { instructionOverridePack } from '../rules/packs/instruction-override.ts';
import { jailbreakPersonaPack } from '../rules/packs/jailbreak-persona.ts';
import { obfuscationMarkersPack } from '../rules/packs/obfuscation-markers.ts';
import { promptExtractionPack } from '../rules/packs/prompt-extraction.ts';
import { roleSpoofingPack } from '../rules/packs/role-spoofing.ts';
import { toolCoercionPack } from '../rules/packs/tool-coercion.ts';
import { toolPoisoningPack } from '../rules/packs/tool-poisoning.ts';
import { createRulePackDetector } from '../rules/rule-pack-detector.ts';
import { adversarialSuffixDetector } from './adversarial-suffix/adversarial-suffix-detector.ts';
import { createArgumentInjectionDetector } from './argument-injection/argument-injection-detector.ts';
import { canaryDetector } from './canary/canary-detector.ts';
import { createDataFlowDetector } from './data-flow/data-flow-detector.ts';
import { createDisfluentTailDetector } from './disfluent-tail/disfluent-tail-detector.ts';
import { loadDefaultClassifier } from './default-classifier.ts';
import { evasionDetector } from './evasion.ts';
import { createExfiltrationDetector } from './exfiltration/exfiltration-detector.ts';
import { loadHarmRequestModel } from './harm-request/harm-request-model.ts';
import { createInjectionFusionDetector, type AttackClassifierSource, type ModelCalibration } from './injection-fusion.ts';
import { createIntentDetector } from './intent/intent-detector.ts';
import { loadOnce } from './lazy-model.ts';
import { detectorOptions, ExfiltrationOptionsSchema, PiiOptionsSchema } from './leak-options.ts';
import { createPiiDetector } from './pii/pii-detector.ts';
import { plantedRequestDetector } from './planted-request/planted-request-detector.ts';
import { createPretextDetector, type PretextDetectorOptions } from './pretext/pretext-detector.ts';
import { createSecretSolicitationDetector } from './secret-solicitation/secret-solicitation-detector.ts';
import { createSecretsDetector } from './secrets/secrets-detector.ts';
import { createSystemPromptDetector } from './system-prompt/system-prompt-detector.ts';
import { createToolPolicyDetector } from './tool-policy/tool-policy-detector.ts';

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
export const builtinRulePacks = [...attackRulePacks, toolPoisoningPack] as const;

/** Options of the built-in detector set. */
export interface BuiltinDetectorOptions {
  /**
   * The injection/jailbreak classifier (or a loader called once, lazily). Absent: the ONNX model committed with
   * @bulwark/core, loaded on the first scan. `false`: rules and normalization signals only.
   */
  classifier?: AttackClassifierSource | false;
  /** Thresholds of the classifier on the policy scale; defaults come with the classifier or are conservative. */
  calibration?: ModelCalibration;
  /** The harm-request model of the jailbreak-pretext detector (see {@link PretextDetectorOptions}). */
  harmRequests?: PretextDetectorOptions['harmRequests'];
}

/** The detectors a guard runs by default, compiled once. */
export function builtinDetectors(policy: Policy, options: BuiltinDetectorOptions = {}): Detector[] {
  const attackPacks = new Set<unknown>(attackRulePacks);
  // One harm-request model for the two detectors that read it, loaded once on first use.
  const harmRequests = options.harmRequests ?? loadOnce(() => loadHarmRequestModel());
  return [
    evasionDetector,
    createInjectionFusionDetector({
      packs: attackRulePacks,
      ...(options.classifier !== false ? { classifier: options.classifier ?? (() => loadDefaultClassifier()) } : {}),
      ...(options.calibration ? { calibration: options.calibration } : {}),
    }),
    adversarialSuffixDetector,
    createDisfluentTailDetector({ harmRequests }),
    createPretextDetector({ harmRequests }),
    createSecretSolicitationDetector(),
    plantedRequestDetector,
    ...builtinRulePacks.filter((pack) => !attackPacks.has(pack)).map((pack) => createRulePackDetector(pack)),
    ...flowDetectors(policy),
    ...leakDetectors(policy),
  ];
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
