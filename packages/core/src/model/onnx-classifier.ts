/**
 * Runs an ONNX classifier with the Bulwark contract (see packages/core/MODEL.md):
 * input `ids` int64 [batch, length] (hashed n-gram ids from featurize.ts, right-padded with 0) →
 * output `scores` float32 [batch, 2] = [injection, jailbreak] probabilities.
 */
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import type { Classifier, ClassifierScores } from './classifier.ts';
import {
  canonicalizeText,
  defaultFeaturizeOptions,
  defaultWindowOptions,
  featurizeCanonical,
  padId,
  splitIntoWindows,
  type FeaturizeOptions,
  type WindowOptions,
} from './featurize.ts';

/** Path of the model committed with @bulwark/core. */
export const defaultModelPath: string = fileURLToPath(new URL('../../models/injection-classifier.onnx', import.meta.url));

/** Options of {@link loadOnnxClassifier}. */
export interface OnnxClassifierOptions {
  /** Path of an ONNX file with the Bulwark classifier contract. Defaults to {@link defaultModelPath}. */
  readonly modelPath?: string;
  /** Featurizer settings; must match the model. Defaults to those of the committed model. */
  readonly featurizeOptions?: FeaturizeOptions;
  /** Window settings. Defaults to 512-character windows with 128 characters of overlap. */
  readonly windowOptions?: WindowOptions;
  /** Windows per `run` call; larger inputs are scored in several runs. Default 64. */
  readonly maximumBatchWindows?: number;
}

interface PendingWindow {
  readonly textIndex: number;
  readonly ids: number[];
}

/** Loads an ONNX classifier once (single intra-op thread) and returns a reusable {@link Classifier}. */
export async function loadOnnxClassifier(options: OnnxClassifierOptions = {}): Promise<Classifier> {
  const modelPath = options.modelPath ?? defaultModelPath;
  const featurizeOptions = options.featurizeOptions ?? defaultFeaturizeOptions;
  const windowOptions = options.windowOptions ?? defaultWindowOptions;
  const maximumBatchWindows = options.maximumBatchWindows ?? 64;
  const session = await ort.InferenceSession.create(modelPath, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  const inputName = session.inputNames.includes('ids') ? 'ids' : session.inputNames[0]!;
  const outputName = session.outputNames.includes('scores') ? 'scores' : session.outputNames[0]!;

  async function runBatch(batch: readonly PendingWindow[], results: ClassifierScores[]): Promise<void> {
    const length = Math.max(1, ...batch.map((window) => window.ids.length));
    const data = new BigInt64Array(batch.length * length).fill(BigInt(padId));
    batch.forEach((window, row) => {
      const offset = row * length;
      for (let position = 0; position < window.ids.length; position += 1) data[offset + position] = BigInt(window.ids[position]!);
    });
    const output = await session.run({ [inputName]: new ort.Tensor('int64', data, [batch.length, length]) });
    const scores = output[outputName]!.data as Float32Array;
    batch.forEach((window, row) => {
      const result = results[window.textIndex]!;
      result.injection = Math.max(result.injection, scores[row * 2]!);
      result.jailbreak = Math.max(result.jailbreak, scores[row * 2 + 1]!);
    });
  }

  return {
    id: `onnx:${modelPath.split(/[\\/]/).pop() ?? 'model'}`,
    async score(texts: readonly string[]): Promise<ClassifierScores[]> {
      const results: ClassifierScores[] = texts.map(() => ({ injection: 0, jailbreak: 0 }));
      let batch: PendingWindow[] = [];
      for (let textIndex = 0; textIndex < texts.length; textIndex += 1) {
        const canonical = canonicalizeText(texts[textIndex]!);
        if (canonical.length === 0) continue;
        for (const window of splitIntoWindows(canonical, windowOptions)) {
          batch.push({ textIndex, ids: featurizeCanonical(window.text, featurizeOptions) });
          if (batch.length >= maximumBatchWindows) {
            await runBatch(batch, results);
            batch = [];
          }
        }
      }
      if (batch.length > 0) await runBatch(batch, results);
      return results;
    },
  };
}
