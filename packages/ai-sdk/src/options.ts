import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import type { Guard, SubjectInput } from '@bulwark/core';
import { z } from 'zod';

/** Settings of the middleware that are plain data, validated when the middleware is created. */
export const BulwarkSettingsSchema = z
  .object({
    /**
     * Characters of streamed text held back before release, so anything that must be redacted or blocked is seen
     * whole before any of it leaves. Must exceed the longest secret you expect. `'all'` buffers each text block
     * until it ends (safest, highest latency). Default 128.
     */
    holdBack: z.union([z.number().int().min(0), z.literal('all')]).default(128),
    /**
     * Least number of new streamed characters between two provisional scans. It grows to 1/32 of a long block, so the
     * cost of re-scanning the whole block stays linear in its length. Default 16.
     */
    scanInterval: z.number().int().min(1).default(16),
    /** What a block does: `respond` replaces the answer with the policy's block message; `throw` raises `BulwarkViolationError`. */
    onBlock: z.enum(['respond', 'throw']).default('respond'),
    /**
     * What an `ask` verdict on a tool call does in the middleware: `block` removes the call (the middleware cannot ask
     * anyone); `defer` leaves it to the `toolApproval` hook, which returns `user-approval`. Default `block`.
     */
    onToolAsk: z.enum(['block', 'defer']).default('block'),
    /** Scan each tool definition in `params.tools` once per session (poisoned descriptions; tool risk inference). Default true. */
    scanToolDefinitions: z.boolean().default(true),
    /** Canary tokens planted in the system prompt, checked for leaks. */
    canaries: z.array(z.string().min(1)).default([]),
    /** The most verdicts cached for prompt parts and tool calls (bounded, least recently used dropped). Default 10 000. */
    cacheSize: z.number().int().min(1).default(10_000),
  })
  .strict();
/** Data settings of the middleware, as written. */
export type BulwarkSettingsInput = z.input<typeof BulwarkSettingsSchema>;
/** Data settings of the middleware, with defaults applied. */
export type BulwarkSettings = z.infer<typeof BulwarkSettingsSchema>;

/** How the middleware names the session of a call; a function sees the call's parameters. */
export type SessionIdOption = string | ((params: LanguageModelV4CallOptions) => string | undefined);

/** Options of `bulwarkMiddleware`. */
export interface BulwarkMiddlewareOptions extends BulwarkSettingsInput {
  /** The guard to consult; `createGuard()` with the default policy when absent. */
  guard?: Guard;
  /**
   * The session of a call. Resolved in order: `providerOptions.bulwark.sessionId` of the call, this option, then a
   * keyed fingerprint of the conversation's first user message (so every step of one `generateText`/`streamText`
   * call, and later turns of the same conversation, share a session).
   */
  sessionId?: SessionIdOption;
  /** The protected system prompt; taken from the call's system messages when absent. */
  systemPrompt?: string;
  /**
   * Called with every scan the engine could not complete (e.g. tool-call arguments with a cycle or nested deeper than
   * 32 levels). The policy's `failMode` decides the outcome either way: `closed` blocks with a clear reason, `open`
   * allows; the error is also in the verdict's `errors`.
   */
  onScanError?: (error: unknown, subject: SubjectInput) => void;
}

/** Per-call metadata a caller may pass as `providerOptions: { bulwark: { … } }`. */
export const BulwarkProviderOptionsSchema = z.object({
  sessionId: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
});
/** Per-call metadata under `providerOptions.bulwark`. */
export type BulwarkProviderOptions = z.infer<typeof BulwarkProviderOptionsSchema>;
