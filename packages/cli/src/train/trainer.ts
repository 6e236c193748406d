/**
 * The training loop: per-epoch bucket-balanced sampling, SGD with a linearly decaying learning rate
 * (fastText-style), all driven by one seeded PRNG — deterministic given data and seed.
 */
import type { Example } from './examples.ts';
import { createRandom, createWorkspace, initializeNetwork, trainStep, type NetworkParameters } from './network.ts';

/** Hyper-parameters of {@link trainNetwork}. */
export interface TrainOptions {
  readonly seed: number;
  readonly bucketCount: number;
  readonly embeddingSize: number;
  readonly hiddenSize: number;
  readonly epochs: number;
  /** Dense-layer learning rate at the start (decays linearly to 0). */
  readonly learningRate: number;
  /** Embedding learning rate at the start (decays linearly to 0). */
  readonly embeddingLearningRate: number;
  /** Share of feature ids dropped at random from each training example (regularization). */
  readonly featureDropout: number;
  /** At most this many examples are drawn from each bucket per epoch. */
  readonly bucketCap: number;
  /** Called once per epoch with the mean loss. */
  readonly onEpoch?: (epoch: number, meanLoss: number) => void;
}

/** Default hyper-parameters of the committed model. */
export const defaultTrainOptions: Omit<TrainOptions, 'bucketCount'> = {
  seed: 20_251_122,
  embeddingSize: 16,
  hiddenSize: 32,
  epochs: 4,
  learningRate: 0.05,
  embeddingLearningRate: 0.5,
  bucketCap: 1500,
  featureDropout: 0.3,
};

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other]!, items[index]!];
  }
  return items;
}

function drawEpoch(byBucket: ReadonlyMap<string, Example[]>, cap: number, random: () => number): Example[] {
  const drawn: Example[] = [];
  for (const examples of byBucket.values()) {
    if (examples.length <= cap) drawn.push(...examples);
    else drawn.push(...shuffle([...examples], random).slice(0, cap));
  }
  return shuffle(drawn, random);
}

/** Trains a network on the examples and returns its parameters. */
export function trainNetwork(examples: readonly Example[], options: TrainOptions): NetworkParameters {
  const random = createRandom(options.seed);
  const parameters = initializeNetwork(
    { bucketCount: options.bucketCount, embeddingSize: options.embeddingSize, hiddenSize: options.hiddenSize, outputSize: 2 },
    random,
  );
  const workspace = createWorkspace(parameters);
  const byBucket = new Map<string, Example[]>();
  for (const example of [...examples].sort((left, right) => (left.bucket < right.bucket ? -1 : left.bucket > right.bucket ? 1 : 0))) {
    const list = byBucket.get(example.bucket) ?? [];
    list.push(example);
    byBucket.set(example.bucket, list);
  }
  const epochs = Array.from({ length: options.epochs }, () => drawEpoch(byBucket, options.bucketCap, random));
  const total = epochs.reduce((sum, epoch) => sum + epoch.length, 0);
  let seen = 0;
  const dropout = new Int32Array(examples.reduce((maximum, example) => Math.max(maximum, example.ids.length), 1));
  epochs.forEach((epoch, epochIndex) => {
    let loss = 0;
    for (const example of epoch) {
      const progress = 1 - seen / total;
      let ids: Int32Array = example.ids;
      if (options.featureDropout > 0) {
        ids = dropout;
        let kept = 0;
        for (let position = 0; position < example.ids.length; position += 1) {
          if (random() >= options.featureDropout) {
            dropout[kept] = example.ids[position]!;
            kept += 1;
          }
        }
        ids = dropout.subarray(0, Math.max(kept, 1));
        if (kept === 0) ids[0] = example.ids[0] ?? 0;
      }
      loss += trainStep(
        parameters,
        ids,
        example.targets,
        1,
        options.learningRate * progress,
        options.embeddingLearningRate * progress,
        workspace,
      );
      seen += 1;
    }
    options.onEpoch?.(epochIndex + 1, loss / Math.max(epoch.length, 1));
  });
  return parameters;
}
