import type { LanguageModelV4FinishReason, LanguageModelV4GenerateResult, LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';

/** Usage of a response the model never produced (or that was cut short). */
export const unknownUsage: LanguageModelV4Usage = {
  inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: undefined, text: undefined, reasoning: undefined },
};

/** The finish reason of a response Bulwark stopped. */
export function contentFilter(raw: string | undefined = undefined): LanguageModelV4FinishReason {
  return { unified: 'content-filter', raw };
}

/** A generate result carrying only the safe message. */
export function blockedGenerateResult(message: string): LanguageModelV4GenerateResult {
  return { content: [{ type: 'text', text: message }], finishReason: contentFilter(), usage: unknownUsage, warnings: [] };
}

/** The parts of one complete text block. */
export function textBlockParts(id: string, text: string): LanguageModelV4StreamPart[] {
  return [
    { type: 'text-start', id },
    { type: 'text-delta', id, delta: text },
    { type: 'text-end', id },
  ];
}

/** A stream carrying only the safe message. */
export function blockedStream(message: string): ReadableStream<LanguageModelV4StreamPart> {
  const parts: LanguageModelV4StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    ...textBlockParts('bulwark-blocked', message),
    { type: 'finish', usage: unknownUsage, finishReason: contentFilter() },
  ];
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}
