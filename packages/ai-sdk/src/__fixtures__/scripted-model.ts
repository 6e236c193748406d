import type { LanguageModelV4GenerateResult, LanguageModelV4StreamPart, LanguageModelV4StreamResult } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai/test';

/** Token usage of a scripted response. */
export const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/** A generate result with one text part. */
export function textResult(text: string): LanguageModelV4GenerateResult {
  return { content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] };
}

/** A generate result with one tool call. */
export function toolCallResult(toolCallId: string, toolName: string, input: Record<string, unknown>): LanguageModelV4GenerateResult {
  return {
    content: [{ type: 'tool-call', toolCallId, toolName, input: JSON.stringify(input) }],
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    usage,
    warnings: [],
  };
}

/** Stream parts of a text answer, split into the given deltas. */
export function textStreamParts(deltas: readonly string[], id = 'text-1'): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id },
    ...deltas.map((delta): LanguageModelV4StreamPart => ({ type: 'text-delta', id, delta })),
    { type: 'text-end', id },
    { type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } },
  ];
}

/** Stream parts of one tool call whose input arrives in deltas. */
export function toolCallStreamParts(toolCallId: string, toolName: string, input: Record<string, unknown>): LanguageModelV4StreamPart[] {
  const json = JSON.stringify(input);
  const middle = Math.floor(json.length / 2);
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'tool-input-start', id: toolCallId, toolName },
    { type: 'tool-input-delta', id: toolCallId, delta: json.slice(0, middle) },
    { type: 'tool-input-delta', id: toolCallId, delta: json.slice(middle) },
    { type: 'tool-input-end', id: toolCallId },
    { type: 'tool-call', toolCallId, toolName, input: json },
    { type: 'finish', usage, finishReason: { unified: 'tool-calls', raw: 'tool_calls' } },
  ];
}

/** A scripted stream result (no delays unless given). */
export function streamResult(parts: readonly LanguageModelV4StreamPart[], chunkDelayInMs: number | null = null): LanguageModelV4StreamResult {
  return { stream: simulateReadableStream({ chunks: [...parts], initialDelayInMs: null, chunkDelayInMs }) };
}
