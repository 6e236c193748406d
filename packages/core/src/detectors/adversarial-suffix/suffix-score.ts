import { codeLineLookup } from './code-lines.ts';
import { scoreTokens, type ScoredToken, type TokenReason } from './token-oddness.ts';

/** The densest window of token salad in a text. */
export interface SuffixWindow {
  /** Offsets of the window in the scanned text, `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** Sum of token oddness over the window. */
  readonly oddness: number;
  /** Odd tokens in the window. */
  readonly oddTokens: number;
  /** Oddness per token, over at least `windowTokens` tokens. */
  readonly density: number;
  /** How often each feature fired in the window. */
  readonly reasons: Readonly<Partial<Record<TokenReason | 'symbol-run', number>>>;
}

/** Tokens per window: about the length of an optimizer's suffix (GCG uses 20 tokens of a model's vocabulary). */
export const windowTokens = 16;
/** Identical lone symbols in a row (`! ! ! ! ! !`, an optimizer's initial suffix) that count as odd. */
const symbolRunLength = 6;
const runSymbols = /^[!?;,'"`~^@]$/u;

/** The shape of a token: runs of letters, digits, `_` and inner `-` become `a`, so `--job-dir=JOB_DIR` and `--port=PORT` agree. */
function shapeOf(token: string): string {
  return token.replace(/[\p{L}\p{N}_]+(?:[-.][\p{L}\p{N}_]+)*/gu, 'a');
}

/** Marks runs of the same lone symbol repeated as tokens. */
function symbolRuns(text: string, tokens: readonly ScoredToken[]): Set<number> {
  const marked = new Set<number>();
  let runStart = 0;
  for (let index = 1; index <= tokens.length; index += 1) {
    const previous = tokens[index - 1];
    const current = tokens[index];
    const previousText = previous ? text.slice(previous.start, previous.end) : '';
    const same = current !== undefined && runSymbols.test(previousText) && text.slice(current.start, current.end) === previousText;
    if (same) continue;
    if (index - runStart >= symbolRunLength && runSymbols.test(previousText)) for (let at = runStart; at < index; at += 1) marked.add(at);
    runStart = index;
  }
  return marked;
}

/**
 * Finds the window of `windowTokens` consecutive tokens with the most token salad. Returns undefined for a text with
 * no odd token.
 */
export function densestSuffixWindow(text: string): SuffixWindow | undefined {
  const tokens = scoreTokens(text, codeLineLookup(text));
  const runs = symbolRuns(text, tokens);
  const shapes = tokens.map((token) => shapeOf(text.slice(token.start, token.end)));
  const raw = tokens.map((token, index) => (runs.has(index) ? Math.max(token.oddness, 0.5) : token.oddness));
  // Machine-structured text (option lists, link tables, config keys) repeats one odd shape; token salad does not.
  const weights = raw.map((weight, index) => {
    if (weight === 0 || runs.has(index)) return weight;
    for (let back = Math.max(0, index - windowTokens + 1); back < index; back += 1) if (shapes[back] === shapes[index] && (raw[back] ?? 0) > 0) return 0;
    return weight;
  });
  if (!weights.some((weight) => weight > 0)) return undefined;
  let best: { from: number; to: number; sum: number } | undefined;
  let sum = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    sum += weights[index] ?? 0;
    const from = Math.max(0, index - windowTokens + 1);
    if (index >= windowTokens) sum -= weights[index - windowTokens] ?? 0;
    if (!best || sum > best.sum + 1e-9) best = { from, to: index, sum };
  }
  if (!best) return undefined;
  const reasons: Partial<Record<TokenReason | 'symbol-run', number>> = {};
  let oddTokens = 0;
  for (let index = best.from; index <= best.to; index += 1) {
    const token = tokens[index];
    if (!token) continue;
    if ((weights[index] ?? 0) > 0) oddTokens += 1;
    for (const reason of token.reasons) reasons[reason] = (reasons[reason] ?? 0) + 1;
    if (runs.has(index)) reasons['symbol-run'] = (reasons['symbol-run'] ?? 0) + 1;
  }
  const first = tokens[best.from];
  const last = tokens[best.to];
  return {
    start: first?.start ?? 0,
    end: last?.end ?? text.length,
    oddness: best.sum,
    oddTokens,
    density: best.sum / windowTokens,
    reasons,
  };
}
