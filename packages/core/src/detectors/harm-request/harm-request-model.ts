import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BulwarkConfigError } from '../../errors.ts';

/**
 * How much a sentence reads like a request for harmful content (weapons, malware, fraud, hate, disinformation…): a
 * logistic regression over hashed lower-cased word unigrams and bigrams, trained by `bulwark train-harm-requests` on
 * the plainly harmful requests of the public datasets (HarmBench, Do-Not-Answer, GPTFuzz questions; never
 * JailbreakBench) against benign prompts. A harmful request is a content-safety matter, not an attack: Bulwark reads
 * this score only as one cue of a jailbreak, beside a pretext (a role, a fiction) or an adversarial suffix.
 */
export interface HarmRequestModel {
  /** log2 of the number of weight slots. */
  readonly bits: number;
  readonly bias: number;
  readonly weights: Float32Array;
  /** Score from which a sentence counts as a harmful request; chosen on validation prompts when the model was built. */
  readonly threshold: number;
}

/** The model committed with @bulwark/core. */
export const defaultHarmRequestModelPath: string = fileURLToPath(new URL('../../../models/harm-requests.bin', import.meta.url));

const magic = 'BWHR';
const headerBytes = 20;
/** Sentences scored per text at most (a prompt is short; a pasted book is not a request). */
const maximumSentences = 400;
const minimumSentenceWords = 3;

const wordPattern = /[\p{L}\p{N}']+/gu;
const sentenceBreak = /(?<=[.!?])\s+|\n+/u;

/** Lower-cased words of a text. */
export function harmWords(text: string): string[] {
  return text.toLowerCase().match(wordPattern) ?? [];
}

/** The sentences of a text that have enough words to be a request (the whole text when none has). */
export function harmSentences(text: string): string[] {
  const sentences = text
    .split(sentenceBreak)
    .map((sentence) => sentence.trim())
    .filter((sentence) => harmWords(sentence).length >= minimumSentenceWords);
  return sentences.length > 0 ? sentences.slice(0, maximumSentences) : [text];
}

function slotOf(key: string, bits: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0x5bd1e995);
  hash ^= hash >>> 15;
  return (hash >>> 0) >>> (32 - bits);
}

/** The weight slots a text turns on: its word unigrams and bigrams, hashed, each once. */
export function harmFeatures(text: string, bits: number): number[] {
  const words = harmWords(text);
  const slots = new Set<number>();
  for (let index = 0; index < words.length; index += 1) {
    slots.add(slotOf(`u ${words[index]}`, bits));
    if (index + 1 < words.length) slots.add(slotOf(`b ${words[index]} ${words[index + 1]}`, bits));
  }
  return [...slots];
}

/** The model's probability that one sentence is a harmful request. */
export function harmProbability(model: HarmRequestModel, sentence: string): number {
  let logit = model.bias;
  for (const slot of harmFeatures(sentence, model.bits)) logit += model.weights[slot] ?? 0;
  return 1 / (1 + Math.exp(-logit));
}

/** The most harmful-request-like sentence of a text, with its score. */
export function harmRequestScore(model: HarmRequestModel, text: string): { readonly score: number; readonly sentence: string } {
  let best = { score: 0, sentence: '' };
  for (const sentence of harmSentences(text)) {
    const score = harmProbability(model, sentence);
    if (score > best.score) best = { score, sentence };
  }
  return best;
}

/**
 * Request forms that ask for operational content: a method ("how to …", "how can I …", "step by step", "a guide",
 * "the procedure") or an artifact that would itself do the harm ("write an email / post / article / script …").
 * English only. Talk about harm ("tell me about", "explain why", "summarize") has none of them.
 */
const operationalRequest = new RegExp(
  [
    String.raw`\bhow\s+(?:to|(?:i|one|you|we|someone|somebody|they|he|she|a\s+person|an?\s+\w+)\s+(?:could|would|can|might|should|may|will|did|might\s+be\s+able\s+to)\b)|\bhow\s+(?:can|could|do|would|should|might|may)\s+(?:i|one|you|we|someone|somebody|a\s+person)\b|\b(?:describe|explain|show\s+(?:me|us)|tell\s+(?:me|us)|walk\s+(?:me|us|\w+)\s+through)\s+(?:\w+\s+){0,2}?how\b`,
    String.raw`\bstep[- ]by[- ]step\b|\b(?:detailed|specific|exact|precise|clear|full|practical)\s+(?:\w+\s+)?(?:instructions|steps|method|methods|procedure|plan|guide|recipe|directions)\b`,
    String.raw`\b(?:instructions|steps|a\s+guide|a\s+tutorial|the\s+procedure|a\s+recipe|a\s+plan|a\s+strategy|methods|techniques|ways|tips)\s+(?:for|to|on)\b`,
    String.raw`\b(?:write|draft|compose|create|generate|craft|produce|prepare|design|develop|code|outline)\s+(?:me\s+)?(?:(?:a|an|the|some|this|that|your|their|his|her|\d+|several|multiple|few|series\s+of|set\s+of|list\s+of|sample|detailed|short|convincing|persuasive|compelling|fake|new|sensational\w*|viral|anonymous|official[- ]looking)\s+){0,4}(?:[\w-]+\s+){0,2}?(?:email|e-mail|letter|message|post|tweet|thread|article|blog|essay|speech|script|code|program|malware|virus|advertisement|ad|campaign|reviews?|pamphlet|flyer|note|website|web\s+page|text|sms|story|poem|song|statement|press\s+release|manifesto|guide|tutorial|plan|strategy|list|outline|exploit|payload|keylogger)s?\b`,
  ].join('|'),
  'iu',
);

/**
 * Purpose clauses that turn a harmful topic into protection: recognizing, avoiding, reporting or preventing it, or
 * asking why it is dangerous, safeguards ("without encouraging them to try it") and asking how to talk about it. A request
 * with one is not read as a request for harmful content. "So I can defend our
 * home" is not one: defending or protecting counts only against or from something, or of oneself.
 */
const protectivePurpose = new RegExp(
  [
    String.raw`\bso\s+(?:that\s+)?(?:[\w'-]+\s+){1,4}?(?:can|could|will|would|may|know\s+how\s+to)\s+(?:better\s+)?(?:recogni[sz]e|spot|detect|avoid|identify|report|prevent|resist|stay\s+safe|be\s+safe|(?:protect|defend)\s+(?:themselves|ourselves|yourself|himself|herself|itself|against|from))\b`,
    String.raw`\b(?:warning|telltale|tell-tale|early)\s+signs\b|\bred\s+flags\b|\b(?:security\s+)?awareness\s+(?:training|session|campaign|course|poster)\b|\bhow\s+(?:can|do|should|could)\s+(?:i|we|you|they|people|parents|companies|[\w-]+s)\s+(?:best\s+)?(?:protect|avoid|spot|recogni[sz]e|detect|report|prevent|defend|stay\s+safe)\b`,
    String.raw`\b(?:stay(?:ing)?|keep(?:ing)?\s+(?:\w+\s+){0,2}?)safe\s+from\b|\b(?:protect(?:ing)?|defend(?:ing)?|guard(?:ing)?)\s+(?:\w+\s+){0,3}?(?:against|from)\b|\bhow\s+to\s+(?:recogni[sz]e|spot|detect|avoid|report|prevent|identify)\b`,
    String.raw`\bwhy\s+(?:\w+\s+){0,8}?(?:is|are|must|should|can)\s+(?:so\s+)?(?:dangerous|harmful|illegal|never|not|deadly|risky)\b`,
    // Safeguards and talking about it: "without encouraging students to try it", "how do I explain / talk to them about".
    String.raw`\bwithout\s+(?:encouraging|inspiring|prompting|tempting|teaching|glamori[sz]ing)\s+(?:\w+\s+){0,2}?to\b|\bhow\s+(?:do|can|should)\s+(?:i|we)\s+(?:explain|talk|teach|discuss|warn|tell\s+(?:my|our|the)\b)`,
  ].join('|'),
  'iu',
);

/** Whether a text gives a protective purpose for talking about harm (recognize, avoid, report, prevent it; why it is dangerous). */
export function hasProtectivePurpose(text: string): boolean {
  return protectivePurpose.test(text);
}

/**
 * Whether a text asks for harmful content: one sentence that both reads as harmful and asks for operational content,
 * and no protective purpose anywhere in the text. Returns that sentence and its score.
 */
export function readsAsHarmRequest(model: HarmRequestModel, text: string): { readonly score: number; readonly sentence: string } | undefined {
  if (!operationalRequest.test(text) || protectivePurpose.test(text)) return undefined;
  let best: { score: number; sentence: string } | undefined;
  for (const sentence of harmSentences(text)) {
    if (!operationalRequest.test(sentence)) continue;
    const score = harmProbability(model, sentence);
    if (score >= model.threshold && score > (best?.score ?? 0)) best = { score, sentence };
  }
  return best;
}

/**
 * File format: "BWHR", u32 bits, f32 bias, f32 threshold, f32 weight scale, then 2^bits signed bytes (weight = byte ×
 * scale), little-endian.
 */
export function serializeHarmRequestModel(model: HarmRequestModel): Uint8Array {
  const size = 1 << model.bits;
  let largest = 0;
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest > 0 ? largest / 127 : 1;
  const bytes = new Uint8Array(headerBytes + size);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < magic.length; index += 1) bytes[index] = magic.charCodeAt(index);
  view.setUint32(4, model.bits, true);
  view.setFloat32(8, model.bias, true);
  view.setFloat32(12, model.threshold, true);
  view.setFloat32(16, scale, true);
  for (let slot = 0; slot < size; slot += 1) view.setInt8(headerBytes + slot, Math.round((model.weights[slot] ?? 0) / scale));
  return bytes;
}

/** Parses a model file (see {@link serializeHarmRequestModel}); a malformed file is a config error naming it. */
export function parseHarmRequestModel(bytes: Uint8Array, source: string): HarmRequestModel {
  const fail = (why: string): never => {
    throw new BulwarkConfigError(`${source}: not a harm-request model (${why})`);
  };
  if (bytes.length < headerBytes || String.fromCharCode(...bytes.subarray(0, 4)) !== magic) fail('missing the BWHR header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bits = view.getUint32(4, true);
  if (bits < 10 || bits > 24) fail(`bits ${bits} outside 10–24`);
  if (bytes.length !== headerBytes + (1 << bits)) fail(`expected ${headerBytes + (1 << bits)} bytes, got ${bytes.length}`);
  const bias = view.getFloat32(8, true);
  const threshold = view.getFloat32(12, true);
  const scale = view.getFloat32(16, true);
  if (![bias, threshold, scale].every(Number.isFinite) || threshold <= 0 || threshold >= 1 || scale <= 0) fail('bad bias, threshold or scale');
  const weights = new Float32Array(1 << bits);
  for (let slot = 0; slot < weights.length; slot += 1) weights[slot] = view.getInt8(headerBytes + slot) * scale;
  return { bits, bias, threshold, weights };
}

/** Loads a model file. */
export async function loadHarmRequestModel(modelPath: string = defaultHarmRequestModelPath): Promise<HarmRequestModel> {
  const bytes = await readFile(modelPath).catch((error: Error) => {
    throw new BulwarkConfigError(`${modelPath}: cannot read the harm-request model: ${error.message}`);
  });
  return parseHarmRequestModel(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), modelPath);
}
