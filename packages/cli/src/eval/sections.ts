import type { Report } from '../report.ts';
import { runAdversarialSuffixSection } from './sections/adversarial-suffix-section.ts';
import { runAgentRunsSection } from './sections/agent-runs-section.ts';
import { runDatasetsSection } from './sections/datasets-section.ts';
import { runDetectionSection, runLeaveOneSourceOutSection } from './sections/detection-section.ts';
import { runLeakageSection } from './sections/leakage-section.ts';
import { runProbesSection } from './sections/probes-section.ts';

/** One part of `pnpm eval`. Add a section: one file under `sections/`, one entry here. */
export interface EvalSection {
  readonly id: string;
  readonly title: string;
  run(): Promise<Report>;
}

/** Every eval section, in the order `pnpm eval` runs them. */
export const evalSections: readonly EvalSection[] = [
  { id: 'leakage', title: 'Data leakage: secrets, PII, canaries, system prompt, exfiltration (generated set)', run: () => runLeakageSection() },
  { id: 'datasets', title: 'Injection and jailbreak: shared datasets through `bulwark scan`', run: () => runDatasetsSection() },
  { id: 'detection', title: 'Injection and jailbreak (issue 3): validation split, held-out machine docs, evasion', run: () => runDetectionSection() },
  { id: 'detection-loso', title: 'Injection and jailbreak (issue 3): leave-one-source-out', run: () => runLeaveOneSourceOutSection() },
  { id: 'adversarial-suffix', title: 'Adversarial suffixes: jailbreakbench per method and benign prompts, with and without the detector', run: () => runAdversarialSuffixSection() },
  { id: 'probes', title: 'Jailbreak probes written blind: over-defense, persuasion and suffix prompts, with and without the harm-request model', run: () => runProbesSection() },
  { id: 'agent-runs', title: 'Unauthorized actions: agent runs (tool policy, risk inference, data flow, intent)', run: () => runAgentRunsSection() },
];
