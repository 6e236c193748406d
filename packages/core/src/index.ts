export { placeholderFor, restorePlaceholders } from './act/placeholders.ts';
export { redactSubject, mergeSpans, maskValue, replacementFor, keyedHash, redactionSpans, type RedactionSpan, type RedactionResult, type RedactionStrategy } from './act/redact.ts';
export { createJsonlAuditSink, createMemoryAuditSink, type AuditEvent, type AuditSink } from './audit/audit.ts';
export type { Detector, DetectorContext, DetectorMeta, ScanInput } from './detector.ts';
export { attackRulePacks, builtinDetectors, builtinRulePacks, flowDetectors, leakDetectors, type BuiltinDetectorOptions } from './detectors/builtin.ts';
export { argumentRules, type ArgumentRule } from './detectors/argument-injection/argument-rules.ts';
export { createArgumentInjectionDetector } from './detectors/argument-injection/argument-injection-detector.ts';
export { createDataFlowDetector, type DataFlowDetectorOptions } from './detectors/data-flow/data-flow-detector.ts';
export { readFlowMemory, type FlowMemory, type FlowRead, type TaintLabel } from './detectors/data-flow/flow-memory.ts';
export { createIntentDetector, type IntentDetectorOptions } from './detectors/intent/intent-detector.ts';
export { createToolPolicyDetector, type ToolPolicyDetectorOptions } from './detectors/tool-policy/tool-policy-detector.ts';
export { inferToolRisk, type ToolDescription, type ToolRisk } from './detectors/tool-risk/infer-tool-risk.ts';
export type { ActionKind } from './detectors/tool-risk/action-kinds.ts';
export { canaryDetector } from './detectors/canary/canary-detector.ts';
export { plantedRequestDetector } from './detectors/planted-request/planted-request-detector.ts';
export { canaryInstruction, createCanary, type CanaryOptions } from './detectors/canary/create-canary.ts';
export { createExfiltrationDetector, type ExfiltrationOptions } from './detectors/exfiltration/exfiltration-detector.ts';
export { ExfiltrationOptionsSchema, PiiOptionsSchema } from './detectors/leak-options.ts';
export { piiEntities } from './detectors/pii/entities.ts';
export type { PiiEntity } from './detectors/pii/pii-entity.ts';
export { createPiiDetector, createPiiScanner, type PiiDetectorOptions, type PiiMatch, type PiiScanner } from './detectors/pii/pii-detector.ts';
export { isPlaceholderSecret } from './detectors/secrets/allowlist.ts';
export { builtinSecretRules } from './detectors/secrets/rules/index.ts';
export { SecretRuleSchema, type SecretGroup, type SecretRule, type SecretRuleInput } from './detectors/secrets/secret-rule.ts';
export { createSecretScanner, createSecretsDetector, type SecretMatch, type SecretScanner, type SecretsDetectorOptions } from './detectors/secrets/secrets-detector.ts';
export { createSystemPromptDetector } from './detectors/system-prompt/system-prompt-detector.ts';
export {
  calibrate,
  createInjectionFusionDetector,
  defaultModelCalibration,
  type AttackClassifier,
  type AttackClassifierSource,
  type AttackScores,
  type InjectionFusionOptions,
  type ModelCalibration,
  type ThresholdPair,
} from './detectors/injection-fusion.ts';
export { defaultCalibrationPath, defaultMetricsPath, loadDefaultClassifier, readModelCalibration, type CalibratedClassifier, type CalibrationSources } from './detectors/default-classifier.ts';
export { evasionDetector } from './detectors/evasion.ts';
export { adversarialSuffixDetector } from './detectors/adversarial-suffix/adversarial-suffix-detector.ts';
export {
  defaultHarmRequestModelPath,
  harmFeatures,
  harmRequestScore,
  harmSentences,
  loadHarmRequestModel,
  parseHarmRequestModel,
  readsAsHarmRequest,
  serializeHarmRequestModel,
  type HarmRequestModel,
} from './detectors/harm-request/harm-request-model.ts';
export { createPretextDetector, type PretextDetectorOptions } from './detectors/pretext/pretext-detector.ts';
export { createGuard, type Guard, type GuardConfig, type ScanOptions, type SessionRef } from './engine/create-guard.ts';
export type { RedactedSpan, Verdict } from './engine/verdict.ts';
export { BulwarkConfigError, BulwarkDetectorError, BulwarkError, BulwarkViolationError } from './errors.ts';
export { FindingSchema, SpanSchema, type Finding } from './finding.ts';
export type { Classifier, ClassifierScores } from './model/classifier.ts';
export { defaultModelPath, loadOnnxClassifier, type OnnxClassifierOptions } from './model/onnx-classifier.ts';
export { normalize, type NormalizedText, type NormalizationSignals, type NormalizeOptions } from './normalize/normalize.ts';
export type { Span, TextView, ViewKind } from './normalize/view.ts';
export { defaultCategoryRules, defaultSurfaceRules } from './policy/defaults.ts';
export { categoryRule, evaluatePolicy, type PolicyOutcome } from './policy/evaluate-policy.ts';
export { loadPolicyFile, parsePolicy, parsePolicyText } from './policy/load-policy.ts';
export { CategoryRuleSchema, PolicySchema, RedactionStrategySchema, type CategoryRule, type Policy, type PolicyInput } from './policy/policy-schema.ts';
export { ArgumentConstraintSchema, FlowRulesSchema, ToolLabelSchema, ToolPolicySchema, ToolRuleSchema, type ArgumentCheck, type ArgumentConstraint, type FlowRules, type ToolLabel, type ToolPolicy, type ToolRule } from './policy/tool-policy-schema.ts';
export { exfiltrationMarkupPack } from './rules/packs/exfiltration-markup.ts';
export { instructionOverridePack } from './rules/packs/instruction-override.ts';
export { toolPoisoningPack } from './rules/packs/tool-poisoning.ts';
export { jailbreakPersonaPack } from './rules/packs/jailbreak-persona.ts';
export { obfuscationMarkersPack } from './rules/packs/obfuscation-markers.ts';
export { promptExtractionPack } from './rules/packs/prompt-extraction.ts';
export { roleSpoofingPack } from './rules/packs/role-spoofing.ts';
export { toolCoercionPack } from './rules/packs/tool-coercion.ts';
export { RulePackSchema, RuleSchema, type Rule, type RulePack, type RulePackInput } from './rules/rule-pack.ts';
export { createRulePackDetector, parseRulePack } from './rules/rule-pack-detector.ts';
export { createSessionState, SessionStateSchema, type SessionRead, type SessionState } from './session/session-state.ts';
export { createMemorySessionStore, type SessionStore, type MemorySessionStoreOptions } from './session/session-store.ts';
export { extractText, SubjectSchema, ToolDefinitionSchema, type ExtractedText, type Subject, type SubjectInput, type TextSegment, type ToolDefinition } from './subject.ts';
export { CategorySchema, DecisionSchema, moreSevere, SurfaceSchema, categories, surfaces, untrustedSurfaces, type Category, type Decision, type Surface } from './surface.ts';
