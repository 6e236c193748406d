import type { Detector } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import { fingerprintPrompt, leakScore, measureOverlap, wordsOf, type PromptFingerprint } from './prompt-overlap.ts';

/** Prompts kept compiled per detector (most recently used). */
const cachedPrompts = 32;
/** Prompts this short (in words) are matched by their letters and digits instead of shingles. */
const shortPrompt = 6;
const scannedViewKinds: ReadonlySet<string> = new Set(['normalized', 'base64', 'hex', 'url', 'tags', 'rot13']);

/**
 * Detects the session's system prompt in model output and tool arguments: verbatim or near-verbatim, robust to
 * whitespace, case, punctuation, reordered sentences and encoded layers (word-shingle overlap, garak-style).
 */
export function createSystemPromptDetector(): Detector {
  const fingerprints = new Map<string, PromptFingerprint>();
  const fingerprintOf = (prompt: string): PromptFingerprint => {
    let fingerprint = fingerprints.get(prompt);
    if (fingerprint) {
      fingerprints.delete(prompt);
    } else {
      fingerprint = fingerprintPrompt(prompt);
      if (fingerprints.size >= cachedPrompts) fingerprints.delete(fingerprints.keys().next().value as string);
    }
    fingerprints.set(prompt, fingerprint);
    return fingerprint;
  };
  return {
    meta: {
      id: 'system-prompt',
      categories: ['leak.system_prompt'],
      surfaces: ['model_output', 'tool_call'],
      description: 'Detects verbatim and near-verbatim system-prompt leakage (word-shingle overlap after normalization).',
    },
    scan(input, context) {
      const prompt = context.session.systemPrompt;
      if (!prompt || prompt.trim().length === 0) return [];
      const fingerprint = fingerprintOf(prompt);
      let best: Finding | undefined;
      for (const view of input.normalized.views) {
        if (!scannedViewKinds.has(view.kind)) continue;
        const finding = fingerprint.size < shortPrompt ? matchShort(fingerprint, view.text) : matchLong(fingerprint, view.text);
        if (!finding || (best && best.score >= finding.score)) continue;
        best = {
          detector: 'system-prompt/overlap',
          category: 'leak.system_prompt',
          score: finding.score,
          message: finding.message,
          span: view.toOriginal(finding.start, finding.end),
          entity: 'SYSTEM_PROMPT',
          ...(view.kind !== 'normalized' ? { view: view.kind } : {}),
          evidence: finding.message,
        };
      }
      return best ? [best] : [];
    },
  };
}

interface Match {
  score: number;
  start: number;
  end: number;
  message: string;
}

function matchLong(fingerprint: PromptFingerprint, text: string): Match | undefined {
  const overlap = measureOverlap(fingerprint, text);
  if (!overlap) return undefined;
  const score = leakScore(overlap);
  if (score < 0.2) return undefined;
  return {
    score,
    start: overlap.start,
    end: overlap.end,
    message: `reproduces ${Math.round(overlap.coverage * 100)}% of the system prompt (${overlap.leakedWords} words)`,
  };
}

function matchShort(fingerprint: PromptFingerprint, text: string): Match | undefined {
  if (fingerprint.compact.length < 8) return undefined;
  const { words, starts, ends } = wordsOf(text);
  // Slide over the text's words, joining letters and digits, to find the prompt's compact form.
  for (let first = 0; first < words.length; first++) {
    let joined = '';
    for (let last = first; last < words.length && joined.length < fingerprint.compact.length; last++) {
      joined += words[last];
      if (joined === fingerprint.compact) {
        return { score: 0.95, start: starts[first] ?? 0, end: ends[last] ?? 0, message: 'reproduces the (short) system prompt' };
      }
      if (!fingerprint.compact.startsWith(joined)) break;
    }
  }
  return undefined;
}
