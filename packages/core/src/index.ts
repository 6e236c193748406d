export { redactSubject, mergeSpans, replacementFor, keyedHash, redactionSpans, type RedactionSpan, type RedactionResult, type RedactionStrategy } from './act/redact.ts';
export { createJsonlAuditSink, createMemoryAuditSink, type AuditEvent, type AuditSink } from './audit/audit.ts';
export type { Detector, DetectorContext, DetectorMeta, ScanInput } from './detector.ts';
export { attackRulePacks, builtinDetectors, builtinRulePacks, type BuiltinDetectorOptions } from './detectors/builtin.ts';
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
export { createGuard, type Guard, type GuardConfig, type ScanOptions, type SessionRef } from './engine/create-guard.ts';
export type { RedactedSpan, Verdict } from './engine/verdict.ts';
export { BulwarkConfigError, BulwarkDetectorError, BulwarkError, BulwarkViolationError } from './errors.ts';
export { FindingSchema, SpanSchema, type Finding } from './finding.ts';
export type { Classifier, ClassifierScores } from './model/classifier.ts';
export { defaultModelPath, loadOnnxClassifier, type OnnxClassifierOptions } from './model/onnx-classifier.ts';
export { normalize, type NormalizedText, type NormalizationSignals, type NormalizeOptions } from './normalize/normalize.ts';
export type { Span, TextView, ViewKind } from './normalize/view.ts';
export { defaultCategoryRules } from './policy/defaults.ts';
export { categoryRule, evaluatePolicy, type PolicyOutcome } from './policy/evaluate-policy.ts';
export { loadPolicyFile, parsePolicy, parsePolicyText } from './policy/load-policy.ts';
export { CategoryRuleSchema, PolicySchema, type CategoryRule, type Policy, type PolicyInput } from './policy/policy-schema.ts';
export { exfiltrationMarkupPack } from './rules/packs/exfiltration-markup.ts';
export { instructionOverridePack } from './rules/packs/instruction-override.ts';
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
