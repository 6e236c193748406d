import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadOnnxClassifier, type ModelCalibration, type ThresholdPair } from '@bulwark/core';
import { datasetsDir, repoRoot } from '../report.ts';
import { loadDatasets } from '../train/dataset.ts';
import { gatherMachineDocuments } from '../train/main.ts';
import { documentHalf, validationHalf } from './calibration-split.ts';

/** Where the fusion calibration of the committed model is written (read by `loadDefaultClassifier`). */
export const calibrationPath = fileURLToPath(new URL('../../../core/models/injection-classifier.calibration.json', import.meta.url));

/** Target false-positive rates of the model alone, per label, on each surface's calibration negatives. */
export const calibrationTargets = { prompt: { block: 0.005, flag: 0.02 }, document: { block: 0.005, flag: 0.02 } } as const;
/**
 * Pooled negatives are dominated by easy sources (maths problems); a threshold at 0.5% of the pool can still stop 5–15%
 * of a hard source (persona prompts, system prompts). The block threshold is therefore also held to ≤ `perSourceBlock`
 * FPR on every source with at least `minimumSourceSize` negatives.
 */
export const perSourceBlock = 0.02;
const minimumSourceSize = 50;

/** The smallest probability whose share of negatives at or above it is ≤ `fpr`. */
export function thresholdAtFpr(negatives: readonly number[], fpr: number): number {
  if (negatives.length === 0) return 1;
  const sorted = [...negatives].sort((a, b) => b - a);
  const allowed = Math.floor(fpr * sorted.length);
  const boundary = sorted[allowed] ?? 0;
  return Math.min(1, Math.round((boundary + 1e-6) * 1e6) / 1e6);
}

type Negative = { readonly score: number; readonly source: string };

function pair(negatives: readonly Negative[], targets: { block: number; flag: number }): ThresholdPair {
  const scores = negatives.map((negative) => negative.score);
  let block = thresholdAtFpr(scores, targets.block);
  const sources = new Map<string, number[]>();
  for (const negative of negatives) sources.set(negative.source, [...(sources.get(negative.source) ?? []), negative.score]);
  for (const sourceScores of sources.values()) {
    if (sourceScores.length >= minimumSourceSize) block = Math.max(block, thresholdAtFpr(sourceScores, perSourceBlock));
  }
  return { block, flag: Math.min(block, thresholdAtFpr(scores, targets.flag)) };
}

/**
 * `bulwark calibrate`: scores the calibration half of the validation split with the committed model and writes
 * per-surface thresholds per label: block at ≤ 0.5% FPR and flag at ≤ 2% on that surface's calibration negatives (two
 * labels and the rules each add false positives, so each stays well under the 1–2% budget of the whole engine) beside the model. Run after `pnpm train`.
 */
export async function runCalibrate(argv: readonly string[]): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const classifier = await loadOnnxClassifier();
  const rows = loadDatasets(datasetsDir()).filter((row) => validationHalf(row) === 'calibration');
  const documents = gatherMachineDocuments(repoRoot).filter((document) => documentHalf(document) === 'calibration');
  const negatives = { prompt: { injection: [] as Negative[], jailbreak: [] as Negative[] }, document: { injection: [] as Negative[], jailbreak: [] as Negative[] } };
  const add = (surface: 'prompt' | 'document', label: 'benign' | 'harmful', source: string, scores: { injection: number; jailbreak: number }) => {
    negatives[surface].injection.push({ score: scores.injection, source });
    // Harmful requests are no jailbreak technique, but the jailbreak head may fairly fire on them: not a negative there.
    if (label === 'benign') negatives[surface].jailbreak.push({ score: scores.jailbreak, source });
  };
  const negativeRows = rows.filter((row) => row.label === 'benign' || row.label === 'harmful');
  const rowScores = await classifier.score(negativeRows.map((row) => row.text));
  negativeRows.forEach((row, index) => add(row.surface === 'prompt' ? 'prompt' : 'document', row.label as 'benign' | 'harmful', row.file, rowScores[index]!));
  const documentScores = await classifier.score(documents.map((document) => document.text));
  documentScores.forEach((scores, index) => add('document', 'benign', documents[index]!.corpus, scores));

  const prompt = { injection: pair(negatives.prompt.injection, calibrationTargets.prompt), jailbreak: pair(negatives.prompt.jailbreak, calibrationTargets.prompt) };
  const document = {
    injection: pair(negatives.document.injection, calibrationTargets.document),
    jailbreak: pair(negatives.document.jailbreak, calibrationTargets.document),
  };
  const calibration: ModelCalibration & Record<string, unknown> = {
    model: classifier.id,
    command: 'pnpm bulwark calibrate',
    split: 'calibration half of the model validation split (validationHalf / documentHalf in packages/cli/src/calibrate/calibration-split.ts)',
    targets: { ...calibrationTargets, perSourceBlock, minimumSourceSize },
    negatives: {
      prompt: { injection: negatives.prompt.injection.length, jailbreak: negatives.prompt.jailbreak.length },
      document: { injection: negatives.document.injection.length, jailbreak: negatives.document.jailbreak.length },
    },
    injection: document.injection,
    jailbreak: prompt.jailbreak,
    surfaces: { prompt, document, tool_result: document, tool_definition: document },
  };
  const json = `${JSON.stringify(calibration, null, 2)}\n`;
  process.stdout.write(json);
  if (!dryRun) await writeFile(calibrationPath, json);
  return 0;
}
