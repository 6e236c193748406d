/**
 * `bulwark train`: trains the injection/jailbreak classifier from ../shared/datasets plus benign docs
 * gathered from this machine, prints validation metrics, and writes
 * packages/core/models/injection-classifier.onnx and injection-classifier.metrics.json.
 *
 * Standalone: `node packages/cli/src/train/main.ts [--seed N] [--epochs N] [--out-dir DIR] [--datasets DIR]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultFeaturizeOptions, defaultWindowOptions } from '../../../core/src/model/featurize.ts';
import { defaultDatasetDirectory, loadDatasets } from './dataset.ts';
import { gatherBenignDocuments, type GatheredDocument } from './gather-benign.ts';
import { rateAtOrAbove, round } from './metrics.ts';
import { exportOnnx } from './onnx-export.ts';
import { runTraining, thresholdTargetFpr, type Thresholds } from './pipeline.ts';
import { createScorer } from './scoring.ts';
import { defaultTrainOptions } from './trainer.ts';

/** The repository root (four levels above this file). */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Gathers the benign machine corpus the way training and evaluation use it. */
export function gatherMachineDocuments(root: string = repositoryRoot): GatheredDocument[] {
  return gatherBenignDocuments({
    nodeModulesDirectories: [path.join(root, 'node_modules'), '/usr/lib/node_modules', '/usr/lib/node_modules/npm/node_modules'],
    toolDocDirectories: ['/usr/share/cmake-3.25/Help', '/usr/lib/google-cloud-sdk'],
  });
}

/** FPR of one held-out corpus. */
export interface CorpusFpr {
  readonly corpus: string;
  readonly fpr: number;
  readonly count: number;
}

/** Scores the held-out machine docs; returns the share flagged by either head, overall and per corpus. */
export function heldOutMachineDocsFpr(
  score: (text: string) => readonly [number, number],
  documents: readonly GatheredDocument[],
  thresholds: Thresholds,
): { fpr: number; count: number; byCorpus: CorpusFpr[]; flagged: string[] } {
  const heldOut = documents.filter((document) => document.split === 'heldout');
  const flags = heldOut.map((document) => {
    const [injection, jailbreak] = score(document.text);
    return injection >= thresholds.injection || jailbreak >= thresholds.jailbreak;
  });
  const corpora = [...new Set(heldOut.map((document) => document.corpus))].sort();
  return {
    fpr: round(rateAtOrAbove(flags.map((flag) => (flag ? 1 : 0)), 1)),
    count: heldOut.length,
    byCorpus: corpora.map((corpus) => {
      const inCorpus = flags.filter((_, index) => heldOut[index]!.corpus === corpus);
      return { corpus, fpr: round(rateAtOrAbove(inCorpus.map((flag) => (flag ? 1 : 0)), 1)), count: inCorpus.length };
    }),
    flagged: heldOut.filter((_, index) => flags[index]).map((document) => document.path),
  };
}

/** Runs training from CLI-style arguments; returns a process exit code. */
export async function runTrain(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seed: { type: 'string' },
      epochs: { type: 'string' },
      'out-dir': { type: 'string' },
      datasets: { type: 'string' },
    },
    allowPositionals: false,
  });
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const started = performance.now();
  const outDirectory = path.resolve(values['out-dir'] ?? path.join(repositoryRoot, 'packages/core/models'));
  const rows = loadDatasets(values.datasets ?? defaultDatasetDirectory(repositoryRoot));
  const documents = gatherMachineDocuments();
  log(`datasets: ${rows.length} rows; machine docs: ${documents.length} (${documents.filter((document) => document.split === 'heldout').length} held out)`);
  const train = {
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
    ...(values.epochs === undefined ? {} : { epochs: Number(values.epochs) }),
  };
  const result = runTraining({ rows, documents, train, log });
  const score = createScorer(result.parameters);
  const heldOut = heldOutMachineDocsFpr(score, documents, result.thresholdsBySurface.document);
  log(`thresholds: ${JSON.stringify(result.thresholdsBySurface)} (pooled ${JSON.stringify(result.thresholds)})`);
  log('validation (unseen templates/groups):');
  log('file | surface | pos | neg | TPR | TPR any head | FPR | TPR@1%FPR');
  for (const slice of result.validation.slices) {
    log(`${slice.file} | ${slice.surface} | ${slice.positives} | ${slice.negatives} | ${slice.tpr} | ${slice.tprAnyHead} | ${slice.fpr} | ${slice.tprAt1PercentFpr}`);
  }
  log(`validation machine docs FPR: ${result.validation.machineDocsFpr} (n=${result.validation.machineDocsCount})`);
  for (const corpus of heldOut.byCorpus) log(`held-out machine docs FPR (${corpus.corpus}): ${corpus.fpr} (n=${corpus.count})`);

  mkdirSync(outDirectory, { recursive: true });
  const metadata = {
    'bulwark.labels': 'injection,jailbreak',
    'bulwark.featurizer': JSON.stringify({ ...defaultFeaturizeOptions, ...defaultWindowOptions, version: 1 }),
    'bulwark.thresholds': JSON.stringify(result.thresholdsBySurface),
  };
  const onnx = exportOnnx(result.parameters, metadata);
  writeFileSync(path.join(outDirectory, 'injection-classifier.onnx'), onnx);
  const seed = train.seed ?? defaultTrainOptions.seed;
  const metrics = {
    model: 'injection-classifier.onnx',
    command: 'pnpm train',
    seed,
    labels: ['injection', 'jailbreak'],
    thresholds: result.thresholds,
    thresholdsBySurface: result.thresholdsBySurface,
    thresholdSelection: `per label, the lowest score with FPR <= ${thresholdTargetFpr.injection} on validation negatives. thresholdsBySurface.prompt: benign prompt rows of unseen groups (+ harmful prompts for injection); thresholdsBySurface.document (use for document and tool_result): benign document rows of unseen groups + the validation slice of machine docs; thresholds: all of them pooled`,
    featurizer: { ...defaultFeaturizeOptions, ...defaultWindowOptions, version: 1 },
    trainOptions: { ...defaultTrainOptions, ...train },
    trainExampleCount: result.trainExampleCount,
    trainSeconds: result.trainSeconds,
    validation: result.validation,
    heldOutMachineDocs: {
      description: 'never trained on: node_modules READMEs/docs of packages and man pages whose name hashes to the held-out 40%',
      fpr: heldOut.fpr,
      count: heldOut.count,
      byCorpus: heldOut.byCorpus,
      flagged: heldOut.flagged.slice(0, 50),
    },
    modelBytes: onnx.length,
  };
  writeFileSync(path.join(outDirectory, 'injection-classifier.metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  log(`wrote ${path.join(outDirectory, 'injection-classifier.onnx')} (${(onnx.length / 1e6).toFixed(2)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s total`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runTrain(process.argv.slice(2));
}
