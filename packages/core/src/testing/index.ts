export { findingsOf, subjectOn, testDetector, testRulePack, type DetectorCase } from './rule-pack-tester.ts';
export { evasionTechniques, type EvasionTechnique } from './evasion.ts';
