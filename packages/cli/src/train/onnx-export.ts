/**
 * Serializes trained {@link NetworkParameters} as an ONNX model (opset 17, standard ai.onnx ops only).
 *
 * Contract (documented in packages/core/MODEL.md):
 * - input  `ids`    int64   [batch, length] hashed feature ids, right-padded with 0;
 * - output `scores` float32 [batch, 2]      sigmoid probabilities [injection, jailbreak].
 *
 * The embedding table is stored as int8 with one float16 scale per row (row 0, the padding row, is zero).
 */
import type { NetworkParameters } from './network.ts';
import { MessageWriter } from './protobuf-writer.ts';

const dataTypeFloat = 1;
const dataTypeInt8 = 3;
const dataTypeInt64 = 7;
const dataTypeFloat16 = 10;
const attributeInt = 2;

/** Extra key/value pairs stored in the model's `metadata_props`. */
export type ModelMetadata = Readonly<Record<string, string>>;

function tensor(name: string, dataType: number, dims: readonly number[], raw: Uint8Array): MessageWriter {
  const writer = new MessageWriter();
  for (const dim of dims) writer.varint(1, dim);
  return writer.varint(2, dataType).string(8, name).bytes(9, raw);
}

function floatTensor(name: string, dims: readonly number[], values: Float32Array): MessageWriter {
  const copy = new Float32Array(values);
  return tensor(name, dataTypeFloat, dims, new Uint8Array(copy.buffer));
}

function int64Tensor(name: string, dims: readonly number[], values: readonly number[]): MessageWriter {
  const array = BigInt64Array.from(values.map((value) => BigInt(value)));
  return tensor(name, dataTypeInt64, dims, new Uint8Array(array.buffer));
}

function node(
  opType: string,
  inputs: readonly string[],
  outputs: readonly string[],
  attributes: Readonly<Record<string, number>> = {},
): MessageWriter {
  const writer = new MessageWriter();
  for (const input of inputs) writer.string(1, input);
  for (const output of outputs) writer.string(2, output);
  writer.string(3, `${opType}_${outputs[0]}`).string(4, opType);
  for (const [name, value] of Object.entries(attributes)) {
    writer.message(5, new MessageWriter().string(1, name).varint(3, value).varint(20, attributeInt));
  }
  return writer;
}

function valueInfo(name: string, elementType: number, dims: readonly (number | string)[]): MessageWriter {
  const shape = new MessageWriter();
  for (const dim of dims) {
    shape.message(1, typeof dim === 'number' ? new MessageWriter().varint(1, dim) : new MessageWriter().string(2, dim));
  }
  const tensorType = new MessageWriter().varint(1, elementType).message(2, shape);
  return new MessageWriter().string(1, name).message(2, new MessageWriter().message(1, tensorType));
}

/** Converts a float32 to IEEE half precision bits (round to nearest). */
export function toFloat16Bits(value: number): number {
  const floatView = new Float32Array([value]);
  const bits = new Uint32Array(floatView.buffer)[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent <= 0) {
    if (exponent < -10) return sign;
    const shifted = (mantissa | 0x800000) >> (1 - exponent);
    return sign | ((shifted + 0x1000) >> 13);
  }
  if (exponent >= 31) return sign | 0x7c00;
  return sign | ((exponent << 10) + ((mantissa + 0x1000) >> 13));
}

/** Converts IEEE half precision bits back to a number. */
export function fromFloat16Bits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** The embedding table quantized to int8 with one float16 scale per row. */
export interface QuantizedEmbedding {
  readonly values: Int8Array;
  /** float16 bits, one per row. */
  readonly scales: Uint16Array;
}

/** Quantizes each embedding row symmetrically to int8. */
export function quantizeEmbedding(parameters: NetworkParameters): QuantizedEmbedding {
  const { bucketCount, embeddingSize, embedding } = parameters;
  const values = new Int8Array(bucketCount * embeddingSize);
  const scales = new Uint16Array(bucketCount);
  for (let row = 1; row < bucketCount; row += 1) {
    let maximum = 0;
    for (let column = 0; column < embeddingSize; column += 1) {
      maximum = Math.max(maximum, Math.abs(embedding[row * embeddingSize + column]!));
    }
    const scaleBits = toFloat16Bits(maximum / 127);
    const scale = fromFloat16Bits(scaleBits);
    scales[row] = scaleBits;
    if (scale === 0) continue;
    for (let column = 0; column < embeddingSize; column += 1) {
      const quantized = Math.round(embedding[row * embeddingSize + column]! / scale);
      values[row * embeddingSize + column] = Math.max(-127, Math.min(127, quantized));
    }
  }
  return { values, scales };
}

/** Returns the parameters with the embedding replaced by its dequantized int8 version (what ONNX computes). */
export function dequantizedParameters(parameters: NetworkParameters, quantized: QuantizedEmbedding): NetworkParameters {
  const embedding = new Float32Array(parameters.embedding.length);
  for (let row = 0; row < parameters.bucketCount; row += 1) {
    const scale = fromFloat16Bits(quantized.scales[row]!);
    for (let column = 0; column < parameters.embeddingSize; column += 1) {
      const index = row * parameters.embeddingSize + column;
      embedding[index] = quantized.values[index]! * scale;
    }
  }
  return { ...parameters, embedding };
}

/** Encodes the network as ONNX ModelProto bytes. */
export function exportOnnx(parameters: NetworkParameters, metadata: ModelMetadata = {}): Uint8Array {
  const { bucketCount, embeddingSize, hiddenSize, outputSize } = parameters;
  const quantized = quantizeEmbedding(parameters);
  const graph = new MessageWriter();
  const nodes = [
    node('Gather', ['embedding_int8', 'ids'], ['gathered_int8'], { axis: 0 }),
    node('Cast', ['gathered_int8'], ['gathered_values'], { to: dataTypeFloat }),
    node('Gather', ['embedding_scale', 'ids'], ['gathered_scale_half'], { axis: 0 }),
    node('Cast', ['gathered_scale_half'], ['gathered_scale'], { to: dataTypeFloat }),
    node('Mul', ['gathered_values', 'gathered_scale'], ['embedded']),
    node('ReduceSum', ['embedded', 'sequence_axis'], ['embedded_sum'], { keepdims: 0 }),
    node('Equal', ['ids', 'pad_id'], ['is_pad']),
    node('Not', ['is_pad'], ['is_feature']),
    node('Cast', ['is_feature'], ['feature_mask'], { to: dataTypeFloat }),
    node('ReduceSum', ['feature_mask', 'sequence_axis'], ['feature_count'], { keepdims: 1 }),
    node('Max', ['feature_count', 'one'], ['divisor']),
    node('Div', ['embedded_sum', 'divisor'], ['embedded_mean']),
    node('MatMul', ['embedded_mean', 'hidden_weights'], ['hidden_linear']),
    node('Add', ['hidden_linear', 'hidden_bias'], ['hidden_preactivation']),
    node('Relu', ['hidden_preactivation'], ['hidden']),
    node('MatMul', ['hidden', 'output_weights'], ['output_linear']),
    node('Add', ['output_linear', 'output_bias'], ['logits']),
    node('Sigmoid', ['logits'], ['scores']),
  ];
  for (const entry of nodes) graph.message(1, entry);
  graph.string(2, 'bulwark_injection_classifier');
  const initializers = [
    tensor('embedding_int8', dataTypeInt8, [bucketCount, embeddingSize], new Uint8Array(quantized.values.buffer)),
    tensor('embedding_scale', dataTypeFloat16, [bucketCount, 1], new Uint8Array(quantized.scales.buffer)),
    int64Tensor('sequence_axis', [1], [1]),
    int64Tensor('pad_id', [], [0]),
    floatTensor('one', [], new Float32Array([1])),
    floatTensor('hidden_weights', [embeddingSize, hiddenSize], parameters.hiddenWeights),
    floatTensor('hidden_bias', [hiddenSize], parameters.hiddenBias),
    floatTensor('output_weights', [hiddenSize, outputSize], parameters.outputWeights),
    floatTensor('output_bias', [outputSize], parameters.outputBias),
  ];
  for (const initializer of initializers) graph.message(5, initializer);
  graph.string(10, 'Hashed n-gram embedding bag + ReLU MLP; scores = [injection, jailbreak] probabilities.');
  graph.message(11, valueInfo('ids', dataTypeInt64, ['batch', 'length']));
  graph.message(12, valueInfo('scores', dataTypeFloat, ['batch', outputSize]));

  const model = new MessageWriter()
    .varint(1, 8)
    .string(2, 'bulwark-train')
    .string(3, '0.1.0')
    .string(4, 'dev.bulwark')
    .varint(5, 1)
    .string(6, 'Bulwark prompt-injection / jailbreak classifier. See packages/core/MODEL.md.')
    .message(7, graph)
    .message(8, new MessageWriter().string(1, '').varint(2, 17));
  for (const [key, value] of Object.entries(metadata)) {
    model.message(14, new MessageWriter().string(1, key).string(2, value));
  }
  return model.finish();
}
