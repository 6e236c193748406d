export { findingsOf, subjectOn, testDetector, testRulePack, type DetectorCase } from './rule-pack-tester.ts';
export { evasionTechniques, type EvasionTechnique } from './evasion.ts';
export { testSecretRules } from './secret-rule-tester.ts';
export { runSessionCase, testSessions, type SessionCase, type SessionStep } from './session-cases.ts';
