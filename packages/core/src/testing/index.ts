export { findingsOf, subjectOn, testDetector, testRulePack, type DetectorCase } from './rule-pack-tester.ts';
export { testSecretRules } from './secret-rule-tester.ts';
