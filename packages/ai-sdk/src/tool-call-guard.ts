import type { Verdict } from '@bulwark/core';
import { scan, type CallContext, type GuardRuntime } from './runtime.ts';

/** A tool call as the model emitted it: `input` is the JSON text of the arguments. */
export interface ModelToolCall {
  readonly toolCallId: string;
  readonly toolName: string;
  readonly input: string;
}

/** What to do with a tool call: keep it (possibly with rewritten input) or remove it before the SDK can execute it. */
export type ToolCallAction = { readonly kind: 'keep'; readonly input: string; readonly verdict: Verdict } | { readonly kind: 'remove'; readonly reason: string; readonly verdict?: Verdict };

/** The arguments of a tool call as an object; input that is not a JSON object is scanned as one `input` string, never skipped. */
export function argumentsOf(input: string | unknown): Record<string, unknown> {
  if (typeof input !== 'string') return isRecord(input) ? input : { input };
  if (input.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(input);
    return isRecord(parsed) ? parsed : { input: parsed };
  } catch {
    return { input };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Scans one tool call (`tool_call` subject with parsed arguments), remembers the verdict for the `toolApproval` hook, and decides. */
export async function judgeToolCall(runtime: GuardRuntime, context: CallContext, call: ModelToolCall): Promise<ToolCallAction> {
  const args = argumentsOf(call.input);
  const verdict = await scan(runtime, { surface: 'tool_call', id: call.toolCallId, tool: call.toolName, args }, context.session);
  const rewritten = verdict.decision === 'redact' && verdict.redacted?.args !== undefined;
  runtime.toolCalls.set(call.toolCallId, { session: context.session, verdict, argumentsRewritten: rewritten });
  if (context.blockedTools.has(call.toolName)) {
    return { kind: 'remove', reason: `Blocked by Bulwark: the tool ${call.toolName} was withdrawn because its definition was blocked.`, verdict };
  }
  switch (verdict.decision) {
    case 'block':
      return { kind: 'remove', reason: verdict.reason, verdict };
    case 'ask':
      return runtime.settings.onToolAsk === 'defer' ? { kind: 'keep', input: call.input, verdict } : { kind: 'remove', reason: verdict.reason, verdict };
    case 'redact':
      return { kind: 'keep', input: rewritten ? JSON.stringify(verdict.redacted?.args) : call.input, verdict };
    default:
      return { kind: 'keep', input: call.input, verdict };
  }
}
