import type { LanguageModelV4Content, LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import { blockedGenerateResult, contentFilter } from './blocked-response.ts';
import { scan, type CallContext, type GuardRuntime } from './runtime.ts';
import { judgeToolCall } from './tool-call-guard.ts';
import { violation } from './violation.ts';

/**
 * Guards a generate result: text and reasoning are scanned as `model_output` (redacted in place, or the whole answer
 * replaced on block), every tool call as `tool_call` with parsed arguments — a blocked call is replaced by a text part
 * carrying the reason, so the SDK never executes it, and the finish reason no longer claims `tool-calls` when none remain.
 */
export async function guardGenerateResult(runtime: GuardRuntime, context: CallContext, result: LanguageModelV4GenerateResult): Promise<LanguageModelV4GenerateResult> {
  const content: LanguageModelV4Content[] = [];
  let removedCalls = 0;
  let keptClientCalls = 0;
  for (const part of result.content) {
    if (part.type === 'text' || part.type === 'reasoning') {
      const verdict = await scan(runtime, { surface: 'model_output', text: part.text }, context.session);
      if (verdict.decision === 'block' || verdict.decision === 'ask') {
        if (runtime.settings.onBlock === 'throw') throw violation(verdict);
        return { ...blockedGenerateResult(runtime.guard.policy.blockMessage), usage: result.usage, ...(result.response ? { response: result.response } : {}) };
      }
      content.push(verdict.decision === 'redact' && verdict.redacted ? { ...part, text: verdict.redacted.text } : part);
      continue;
    }
    if (part.type === 'tool-call') {
      const action = await judgeToolCall(runtime, context, part);
      if (action.kind === 'remove') {
        if (runtime.settings.onBlock === 'throw' && action.verdict?.decision === 'block') throw violation(action.verdict);
        removedCalls += 1;
        content.push({ type: 'text', text: action.reason });
        continue;
      }
      if (!part.providerExecuted) keptClientCalls += 1;
      content.push({ ...part, input: action.input });
      continue;
    }
    content.push(part);
  }
  const finishReason = removedCalls > 0 && keptClientCalls === 0 && result.finishReason.unified === 'tool-calls' ? contentFilter(result.finishReason.raw) : result.finishReason;
  return { ...result, content, finishReason };
}
