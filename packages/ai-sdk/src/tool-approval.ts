import type { SessionRef, Verdict } from '@bulwark/core';
import type { ModelMessage, ToolApprovalStatus } from 'ai';
import { scan, type GuardRuntime } from './runtime.ts';
import { conversationFingerprint, firstUserTextOfMessages } from './session.ts';
import { argumentsOf } from './tool-call-guard.ts';

/** What the SDK hands a generic `toolApproval` function (the fields Bulwark reads). */
export interface ToolApprovalRequestInput {
  toolCall: { toolCallId: string; toolName: string; input: unknown };
  tools?: Record<string, { needsApproval?: unknown }> | undefined;
  toolsContext?: unknown;
  messages: ModelMessage[];
  runtimeContext?: unknown;
}

/** How the `toolApproval` hook names the session when the middleware has not judged the call already. */
export type ApprovalSessionIdOption = string | ((request: { messages: ModelMessage[]; runtimeContext: unknown }) => string | undefined);

/** A generic `toolApproval` function for `generateText`/`streamText`, backed by the guard. */
export type BulwarkToolApproval = (request: ToolApprovalRequestInput) => Promise<ToolApprovalStatus>;

/**
 * The tool-call gate. For each call the SDK is about to execute: the middleware's verdict for that call id when there
 * is one (no second scan), otherwise a fresh `tool_call` scan in the session. `block` → `denied` (the model receives
 * the reason as the tool result and can recover), `ask` → `user-approval`, `redact` → approved when the middleware
 * already rewrote the arguments and denied otherwise (a hook cannot rewrite them), `allow`/`flag` → the tool's own
 * `needsApproval` decides.
 */
export function createToolApproval(runtime: GuardRuntime, sessionId?: ApprovalSessionIdOption): BulwarkToolApproval {
  return async (request) => {
    const { toolCall } = request;
    const known = runtime.toolCalls.get(toolCall.toolCallId);
    let verdict: Verdict;
    let argumentsRewritten = false;
    if (known) {
      verdict = known.verdict;
      argumentsRewritten = known.argumentsRewritten;
    } else {
      const session = approvalSession(runtime, request, sessionId);
      verdict = await scan(runtime, { surface: 'tool_call', id: toolCall.toolCallId, tool: toolCall.toolName, args: argumentsOf(toolCall.input) }, session);
      runtime.toolCalls.set(toolCall.toolCallId, { session, verdict, argumentsRewritten: false });
    }
    switch (verdict.decision) {
      case 'block':
        return { type: 'denied', reason: verdict.reason };
      case 'ask':
        return { type: 'user-approval', reason: verdict.reason };
      case 'redact':
        if (!argumentsRewritten) return { type: 'denied', reason: verdict.reason };
        return toolOwnApproval(request);
      default:
        return toolOwnApproval(request);
    }
  };
}

function approvalSession(runtime: GuardRuntime, request: ToolApprovalRequestInput, sessionId: ApprovalSessionIdOption | undefined): SessionRef {
  const configured = typeof sessionId === 'function' ? sessionId({ messages: request.messages, runtimeContext: request.runtimeContext }) : sessionId;
  const id = configured ?? conversationFingerprint(firstUserTextOfMessages(request.messages), runtime.key);
  return {
    id,
    ...(runtime.systemPrompt ? { systemPrompt: runtime.systemPrompt } : {}),
    ...(runtime.settings.canaries.length > 0 ? { canaries: runtime.settings.canaries } : {}),
  };
}

/** The generic `toolApproval` function takes precedence over a tool's `needsApproval`, so Bulwark honours it itself. */
async function toolOwnApproval(request: ToolApprovalRequestInput): Promise<ToolApprovalStatus> {
  const { toolCall } = request;
  const needsApproval = request.tools?.[toolCall.toolName]?.needsApproval;
  if (needsApproval === undefined || needsApproval === null) return 'not-applicable';
  const needed =
    typeof needsApproval === 'function'
      ? await needsApproval(toolCall.input, {
          toolCallId: toolCall.toolCallId,
          messages: request.messages,
          context: (request.toolsContext as Record<string, unknown> | undefined)?.[toolCall.toolName],
        })
      : Boolean(needsApproval);
  return needed ? 'user-approval' : 'not-applicable';
}
