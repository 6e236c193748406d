export { findingsOf, subjectOn, testDetector, testRulePack, type DetectorCase } from './rule-pack-tester.ts';
