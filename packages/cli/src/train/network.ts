/**
 * The classifier network, in plain Float32Arrays: a hashed embedding bag (mean over feature ids, padding
 * excluded) followed by one ReLU hidden layer and two independent sigmoid outputs [injection, jailbreak].
 * The same arithmetic is expressed as an ONNX graph by onnx-export.ts.
 */

/** Trainable parameters. Row-major matrices. */
export interface NetworkParameters {
  readonly bucketCount: number;
  readonly embeddingSize: number;
  readonly hiddenSize: number;
  readonly outputSize: number;
  /** [bucketCount, embeddingSize]; row 0 (padding) stays zero. */
  readonly embedding: Float32Array;
  /** [embeddingSize, hiddenSize] */
  readonly hiddenWeights: Float32Array;
  readonly hiddenBias: Float32Array;
  /** [hiddenSize, outputSize] */
  readonly outputWeights: Float32Array;
  readonly outputBias: Float32Array;
}

/** A seeded pseudo-random generator (mulberry32) returning floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates parameters with a seeded fastText-style initialization. */
export function initializeNetwork(
  shape: { bucketCount: number; embeddingSize: number; hiddenSize: number; outputSize: number },
  random: () => number,
): NetworkParameters {
  const { bucketCount, embeddingSize, hiddenSize, outputSize } = shape;
  const embedding = new Float32Array(bucketCount * embeddingSize);
  const embeddingRange = 1 / embeddingSize;
  for (let index = embeddingSize; index < embedding.length; index += 1) {
    embedding[index] = (random() * 2 - 1) * embeddingRange;
  }
  const hiddenWeights = new Float32Array(embeddingSize * hiddenSize);
  const hiddenRange = Math.sqrt(6 / (embeddingSize + hiddenSize));
  for (let index = 0; index < hiddenWeights.length; index += 1) hiddenWeights[index] = (random() * 2 - 1) * hiddenRange;
  const outputWeights = new Float32Array(hiddenSize * outputSize);
  const outputRange = Math.sqrt(6 / (hiddenSize + outputSize));
  for (let index = 0; index < outputWeights.length; index += 1) outputWeights[index] = (random() * 2 - 1) * outputRange;
  return {
    bucketCount,
    embeddingSize,
    hiddenSize,
    outputSize,
    embedding,
    hiddenWeights,
    hiddenBias: new Float32Array(hiddenSize).fill(0.01),
    outputWeights,
    outputBias: new Float32Array(outputSize),
  };
}

/** Scratch buffers for one forward/backward pass, reused across examples. */
export interface Workspace {
  readonly mean: Float32Array;
  readonly hidden: Float32Array;
  readonly logits: Float32Array;
  readonly hiddenGradient: Float32Array;
  readonly meanGradient: Float32Array;
}

/** Allocates the scratch buffers for a network shape. */
export function createWorkspace(parameters: NetworkParameters): Workspace {
  return {
    mean: new Float32Array(parameters.embeddingSize),
    hidden: new Float32Array(parameters.hiddenSize),
    logits: new Float32Array(parameters.outputSize),
    hiddenGradient: new Float32Array(parameters.hiddenSize),
    meanGradient: new Float32Array(parameters.embeddingSize),
  };
}

/** Runs the network on one bag of feature ids; returns the sigmoid probabilities (written into a new array). */
export function forward(parameters: NetworkParameters, ids: ArrayLike<number>, workspace: Workspace): Float32Array {
  const { embeddingSize, hiddenSize, outputSize, embedding, hiddenWeights, hiddenBias, outputWeights, outputBias } =
    parameters;
  const { mean, hidden, logits } = workspace;
  mean.fill(0);
  let count = 0;
  for (let position = 0; position < ids.length; position += 1) {
    const id = ids[position]!;
    if (id === 0) continue;
    count += 1;
    const row = id * embeddingSize;
    for (let column = 0; column < embeddingSize; column += 1) mean[column]! += embedding[row + column]!;
  }
  const scale = 1 / Math.max(count, 1);
  for (let column = 0; column < embeddingSize; column += 1) mean[column]! *= scale;
  for (let unit = 0; unit < hiddenSize; unit += 1) {
    let sum = hiddenBias[unit]!;
    for (let column = 0; column < embeddingSize; column += 1) sum += mean[column]! * hiddenWeights[column * hiddenSize + unit]!;
    hidden[unit] = sum > 0 ? sum : 0;
  }
  const probabilities = new Float32Array(outputSize);
  for (let output = 0; output < outputSize; output += 1) {
    let sum = outputBias[output]!;
    for (let unit = 0; unit < hiddenSize; unit += 1) sum += hidden[unit]! * outputWeights[unit * outputSize + output]!;
    logits[output] = sum;
    probabilities[output] = 1 / (1 + Math.exp(-sum));
  }
  return probabilities;
}

/**
 * One SGD step on one example with binary cross-entropy per output. `targets[k]` is 0 or 1, or NaN to
 * leave output k out of the loss. `weight` scales the loss of the example. The embedding rows use their own (larger) learning rate,
 * as in fastText. Returns the loss.
 */
export function trainStep(
  parameters: NetworkParameters,
  ids: ArrayLike<number>,
  targets: ArrayLike<number>,
  weight: number,
  learningRate: number,
  embeddingLearningRate: number,
  workspace: Workspace,
): number {
  const probabilities = forward(parameters, ids, workspace);
  const { embeddingSize, hiddenSize, outputSize, embedding, hiddenWeights, hiddenBias, outputWeights, outputBias } =
    parameters;
  const { mean, hidden, hiddenGradient, meanGradient } = workspace;
  let loss = 0;
  hiddenGradient.fill(0);
  for (let output = 0; output < outputSize; output += 1) {
    const target = targets[output]!;
    if (Number.isNaN(target)) continue;
    const probability = probabilities[output]!;
    loss -= weight * (target * Math.log(probability + 1e-7) + (1 - target) * Math.log(1 - probability + 1e-7));
    const gradient = weight * (probability - target);
    for (let unit = 0; unit < hiddenSize; unit += 1) {
      hiddenGradient[unit]! += gradient * outputWeights[unit * outputSize + output]!;
      outputWeights[unit * outputSize + output]! -= learningRate * gradient * hidden[unit]!;
    }
    outputBias[output]! -= learningRate * gradient;
  }
  meanGradient.fill(0);
  for (let unit = 0; unit < hiddenSize; unit += 1) {
    if (hidden[unit]! <= 0) continue;
    const gradient = hiddenGradient[unit]!;
    for (let column = 0; column < embeddingSize; column += 1) {
      const index = column * hiddenSize + unit;
      meanGradient[column]! += gradient * hiddenWeights[index]!;
      hiddenWeights[index]! -= learningRate * gradient * mean[column]!;
    }
    hiddenBias[unit]! -= learningRate * gradient;
  }
  let count = 0;
  for (let position = 0; position < ids.length; position += 1) if (ids[position] !== 0) count += 1;
  const step = embeddingLearningRate / Math.max(count, 1);
  for (let position = 0; position < ids.length; position += 1) {
    const id = ids[position]!;
    if (id === 0) continue;
    const row = id * embeddingSize;
    for (let column = 0; column < embeddingSize; column += 1) embedding[row + column]! -= step * meanGradient[column]!;
  }
  return loss;
}
