import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BulwarkConfigError } from '../../errors.ts';
import { hashSlot } from '../hash-slot.ts';

/**
 * How much a sentence reads like a request for harmful content (weapons, malware, fraud, hate, disinformation…): a
 * logistic regression over hashed lower-cased word unigrams and bigrams that hold a content word, trained by
 * `bulwark train-harm-requests` on the plainly harmful requests of the public datasets (HarmBench, Do-Not-Answer,
 * GPTFuzz questions; never JailbreakBench) against benign prompts. A harmful request is a content-safety matter, not an
 * attack: Bulwark reads this score only as one cue of a jailbreak, beside a pretext (a role, a fiction) or an
 * adversarial suffix.
 */
export interface HarmRequestModel {
  /** log2 of the number of weight slots. */
  readonly bits: number;
  /** The logit of a sentence with no known feature. */
  readonly bias: number;
  /** One weight per hashed unigram or bigram slot. */
  readonly weights: Float32Array;
  /** Score from which a sentence counts as a harmful request; chosen on benign calibration prompts when it was built. */
  readonly threshold: number;
}

/** The model committed with @bulwark/core. */
export const defaultHarmRequestModelPath: string = fileURLToPath(new URL('../../../models/harm-requests.bin', import.meta.url));

const magic = 'BWHR';
const headerBytes = 20;
const minimumSentenceWords = 3;
/** A request has content: a bare opener ("How can I do it?") is not one. */
const minimumRequestWords = 6;

const wordPattern = /[\p{L}\p{N}']+/gu;
const sentenceBreak = /(?<=[.!?])\s+|\n+/gu;

/** Lower-cased words of a text. */
export function harmWords(text: string): string[] {
  return text.toLowerCase().match(wordPattern) ?? [];
}

/** A sentence of a text, with where it ends (the start of the next). */
interface Sentence {
  readonly text: string;
  readonly end: number;
}

/** Splits a text at sentence ends and line breaks, in one pass. */
function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const match of text.matchAll(sentenceBreak)) {
    sentences.push({ text: text.slice(start, match.index).trim(), end: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  sentences.push({ text: text.slice(start).trim(), end: text.length });
  return sentences.filter((sentence) => sentence.text !== '');
}

/** The sentences of a text that have enough words to be a request (the whole text when none has). */
export function harmSentences(text: string): string[] {
  const sentences = splitSentences(text)
    .map((sentence) => sentence.text)
    .filter((sentence) => harmWords(sentence).length >= minimumSentenceWords);
  return sentences.length > 0 ? sentences : [text];
}

/**
 * English function words. Features made only of them ("how can i", "can you", "to the") are left out: the harmful
 * request datasets ask "How can I …" far more often than benign prompts do, and a model that learns the question form
 * blocks "How can I bake sourdough bread". The request form is checked separately ({@link readsAsHarmRequest}); the
 * model reads content words and the pairs they form ("can hack", "pipe bomb").
 */
const functionWords: ReadonlySet<string> = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just let me might more most must my myself no nor not now of off on once only or ' +
    'other our ours ourselves out over own please same she should so some such than that the their theirs them themselves ' +
    'then there these they this those through to too under until up very was we were what when where which while who whom ' +
    "why will with would you your yours yourself yourselves i'm i'd i've you're it's can't don't what's"
  ).split(' '),
);

/** The weight slots a text turns on: its word unigrams and bigrams that hold a content word, hashed, each once. */
export function harmFeatures(text: string, bits: number): number[] {
  const words = harmWords(text);
  const slots = new Set<number>();
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const content = !functionWords.has(word);
    if (content) slots.add(hashSlot(`u ${word}`, bits));
    const next = words[index + 1];
    if (next !== undefined && (content || !functionWords.has(next))) slots.add(hashSlot(`b ${word} ${next}`, bits));
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
 * Purpose clauses that turn a harmful topic into protection: recognizing, detecting, avoiding, reporting or preventing
 * it, asking why it is dangerous, safeguards ("without encouraging them to try it", "without glamorizing it"), keeping
 * within the law ("legally"), and asking how to talk about it. "So I can defend our home" is not one: defending or
 * protecting counts only against or from something, or of oneself. Read only near the request (see
 * {@link hasProtectivePurposeNear}): a phrase elsewhere in a long prompt ("Red flags aside.") protects nothing.
 */
const protectivePurpose = new RegExp(
  [
    String.raw`\bso\s+(?:that\s+)?(?:[\w'-]+\s+){1,4}?(?:can|could|will|would|may|know\s+how\s+to)\s+(?:better\s+)?(?:recogni[sz]e|spot|detect|avoid|identify|report|prevent|resist|stay\s+safe|be\s+safe|(?:protect|defend)\s+(?:themselves|ourselves|yourself|himself|herself|itself|against|from))\b`,
    String.raw`\b(?:warning|telltale|tell-tale|early)\s+signs\b|\bred\s+flags\b|\b(?:security\s+)?awareness\s+(?:training|session|campaign|course|poster)\b|\bhow\s+(?:can|do|should|could)\s+(?:i|we|you|they|people|parents|companies|[\w-]+s)\s+(?:best\s+)?(?:protect|avoid|spot|recogni[sz]e|detect|report|prevent|defend|stay\s+safe)\b`,
    String.raw`\b(?:stay(?:ing)?|keep(?:ing)?\s+(?:\w+\s+){0,2}?)safe\s+from\b|\b(?:protect(?:ing)?|defend(?:ing)?|guard(?:ing)?)\s+(?:\w+\s+){0,3}?(?:against|from)\b|\bhow\s+to\s+(?:recogni[sz]e|spot|detect|avoid|report|prevent|identify)\b|\buse[sd]?\s+(?:it|this|them)\s+to\s+(?:train\s+\w+\s+to\s+)?(?:spot|recogni[sz]e|detect|identify|report|prevent)\b`,
    String.raw`\bwhy\s+(?:\w+\s+){0,8}?(?:is|are|must|should|can)\s+(?:so\s+)?(?:dangerous|harmful|illegal|never|not|deadly|risky)\b`,
    String.raw`\bhow\s+(?:can|do|could|would|should)\s+(?:i|we|you|parents|people)\s+(?:tell|know|find\s+out|check|notice|see)\s+(?:if|whether|who|when)\b`,
    String.raw`\bwithout\s+(?:encouraging|inspiring|prompting|tempting|teaching|glamori[sz]ing|romantici[sz]ing|promoting|endorsing)\s+(?:(?:it|them|this|anyone|readers|students|kids|people)\b|(?:\w+\s+){0,2}?to\b)|\bhow\s+(?:do|can|should)\s+(?:i|we)\s+(?:explain|talk|teach|discuss|warn|tell\s+(?:my|our|the)\b)`,
    String.raw`\b(?:legally|lawfully|within\s+the\s+law|legal\s+ways?)\b`,
  ].join('|'),
  'iu',
);

/** Whether sentence `index` or the one after it states a protective purpose. */
function isProtectedAt(sentences: readonly Sentence[], index: number): boolean {
  return sentences.slice(index, index + 2).some((sentence) => protectivePurpose.test(sentence.text));
}

/** Whether the sentence around `index` (an offset in `text`) or the one after it states a protective purpose. */
export function hasProtectivePurposeNear(text: string, index: number): boolean {
  const sentences = splitSentences(text);
  const at = sentences.findIndex((sentence) => index < sentence.end);
  return at >= 0 && isProtectedAt(sentences, at);
}

/**
 * Whether a text asks for harmful content: one sentence of at least six words that reads as harmful, is itself an
 * operational request, and has no protective purpose in it or in the sentence after it. Returns the highest-scoring
 * such sentence and its score.
 */
export function readsAsHarmRequest(model: HarmRequestModel, text: string): { readonly score: number; readonly sentence: string } | undefined {
  if (!operationalRequest.test(text)) return undefined;
  const sentences = splitSentences(text);
  let best: { score: number; sentence: string } | undefined;
  sentences.forEach((sentence, index) => {
    if (harmWords(sentence.text).length < minimumRequestWords || !operationalRequest.test(sentence.text)) return;
    const score = harmProbability(model, sentence.text);
    if (score < model.threshold || score <= (best?.score ?? 0) || isProtectedAt(sentences, index)) return;
    best = { score, sentence: sentence.text };
  });
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
