import type { LanguageModelV4CallOptions, LanguageModelV4Middleware } from '@ai-sdk/provider';
import { BulwarkConfigError } from '@bulwark/core';
import { blockedGenerateResult, blockedStream } from './blocked-response.ts';
import type { BulwarkMiddlewareOptions } from './options.ts';
import { guardGenerateResult } from './output-guard.ts';
import { guardPrompt } from './prompt-guard.ts';
import { createRuntime, type CallContext, type GuardRuntime } from './runtime.ts';
import { resolveCallSession } from './session.ts';
import { createStreamGuard } from './stream-guard.ts';
import { createToolApproval, type ApprovalSessionIdOption, type BulwarkToolApproval } from './tool-approval.ts';
import { violation } from './violation.ts';

/** The middleware, plus the `toolApproval` hook that shares its guard, sessions and tool-call verdicts. */
export type BulwarkMiddleware = LanguageModelV4Middleware & {
  /** Pass to `generateText`/`streamText` as `toolApproval`: allow, deny or ask for each tool call, from the same verdicts. */
  readonly toolApproval: BulwarkToolApproval;
};

/**
 * Language-model middleware that guards every call of a wrapped model, on both the generate and the stream path:
 * `wrapLanguageModel({ model, middleware: bulwarkMiddleware({ guard }) })`.
 *
 * - `transformParams` scans user messages, textual files, tool results and tool definitions, and redacts or blocks.
 * - `wrapGenerate` scans text and tool calls; blocked calls are removed before the SDK can execute them.
 * - `wrapStream` releases text through a bounded hold-back window and buffers tool-call parts until a verdict.
 */
export function bulwarkMiddleware(options: BulwarkMiddlewareOptions = {}): BulwarkMiddleware {
  const runtime = createRuntime(options);
  return {
    specificationVersion: 'v4',
    async transformParams({ params }) {
      const session = resolveCallSession(params, {
        ...(runtime.sessionId !== undefined ? { sessionId: runtime.sessionId } : {}),
        ...(runtime.systemPrompt !== undefined ? { systemPrompt: runtime.systemPrompt } : {}),
        canaries: runtime.settings.canaries,
        key: runtime.key,
      });
      const guarded = await guardPrompt(runtime, session, params);
      if (guarded.promptBlock && runtime.settings.onBlock === 'throw') throw violation(guarded.promptBlock);
      const context: CallContext = { session, blockedTools: guarded.blockedTools, ...(guarded.promptBlock ? { promptBlock: guarded.promptBlock } : {}) };
      runtime.calls.set(guarded.params, context);
      return guarded.params;
    },
    async wrapGenerate({ doGenerate, params }) {
      const context = callContext(runtime, params);
      if (context.promptBlock) return blockedGenerateResult(runtime.guard.policy.blockMessage);
      return guardGenerateResult(runtime, context, await doGenerate());
    },
    async wrapStream({ doStream, params }) {
      const context = callContext(runtime, params);
      if (context.promptBlock) return { stream: blockedStream(runtime.guard.policy.blockMessage) };
      const result = await doStream();
      return { ...result, stream: result.stream.pipeThrough(createStreamGuard(runtime, context)) };
    },
    toolApproval: createToolApproval(runtime),
  };
}

/** The context `transformParams` stored for these parameters; hooks used apart from it fail loudly, never silently pass. */
function callContext(runtime: GuardRuntime, params: LanguageModelV4CallOptions): CallContext {
  const known = runtime.calls.get(params);
  if (known) return known;
  throw new BulwarkConfigError('bulwarkMiddleware: wrapGenerate/wrapStream received parameters its transformParams did not produce; use the middleware object whole');
}

/** Options of a standalone `bulwarkToolApproval`. */
export interface BulwarkToolApprovalOptions extends Pick<BulwarkMiddlewareOptions, 'guard' | 'systemPrompt' | 'canaries' | 'cacheSize' | 'onScanError'> {
  /** The session of a call; a keyed fingerprint of the first user message when absent. */
  sessionId?: ApprovalSessionIdOption;
}

/**
 * A `toolApproval` hook on its own, for apps that gate tool calls without wrapping the model. Prefer
 * `bulwarkMiddleware(...).toolApproval`, which reuses the middleware's verdicts and can honour `redact` by rewriting.
 */
export function bulwarkToolApproval(options: BulwarkToolApprovalOptions = {}): BulwarkToolApproval {
  const { sessionId, ...rest } = options;
  return createToolApproval(createRuntime(rest), sessionId);
}
