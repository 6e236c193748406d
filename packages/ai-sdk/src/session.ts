import { createHmac, randomUUID } from 'node:crypto';
import type { LanguageModelV4CallOptions, LanguageModelV4Prompt } from '@ai-sdk/provider';
import type { SessionRef } from '@bulwark/core';
import type { ModelMessage } from 'ai';
import { BulwarkProviderOptionsSchema, type BulwarkProviderOptions, type SessionIdOption } from './options.ts';

/** Prefix of derived session ids, so they are recognisable in audit logs. */
const derivedPrefix = 'ai-sdk:';

/** The `providerOptions.bulwark` of a call, when present and well formed; malformed metadata is ignored, never trusted. */
export function bulwarkProviderOptions(params: LanguageModelV4CallOptions): BulwarkProviderOptions {
  const parsed = BulwarkProviderOptionsSchema.safeParse(params.providerOptions?.bulwark ?? {});
  return parsed.success ? parsed.data : {};
}

/** The text of the system messages of a prompt, joined; undefined when there are none. */
export function systemPromptOf(prompt: LanguageModelV4Prompt): string | undefined {
  const parts = prompt.filter((message) => message.role === 'system').map((message) => message.content);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** A keyed fingerprint of a conversation's first user message: stable across the steps of one call. */
export function conversationFingerprint(firstUserText: string | undefined, key: string): string {
  if (firstUserText === undefined) return `${derivedPrefix}${randomUUID()}`;
  return derivedPrefix + createHmac('sha256', key).update(firstUserText).digest('hex').slice(0, 24);
}

/** The text of the first user message of a language-model prompt. */
export function firstUserTextOfPrompt(prompt: LanguageModelV4Prompt): string | undefined {
  const message = prompt.find((candidate) => candidate.role === 'user');
  if (!message || message.role !== 'user') return undefined;
  return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** The text of the first user message of SDK model messages (what the `toolApproval` hook receives). */
export function firstUserTextOfMessages(messages: readonly ModelMessage[]): string | undefined {
  const message = messages.find((candidate) => candidate.role === 'user');
  if (!message || message.role !== 'user') return undefined;
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** Resolves the session of a language-model call. */
export function resolveCallSession(
  params: LanguageModelV4CallOptions,
  options: { sessionId?: SessionIdOption; systemPrompt?: string; canaries: readonly string[]; key: string },
): SessionRef {
  const metadata = bulwarkProviderOptions(params);
  const configured = typeof options.sessionId === 'function' ? options.sessionId(params) : options.sessionId;
  const id = metadata.sessionId ?? configured ?? conversationFingerprint(firstUserTextOfPrompt(params.prompt), options.key);
  const systemPrompt = options.systemPrompt ?? systemPromptOf(params.prompt);
  return {
    id,
    ...(metadata.userId ? { userId: metadata.userId } : {}),
    ...(systemPrompt ? { systemPrompt } : {}),
    ...(options.canaries.length > 0 ? { canaries: options.canaries } : {}),
  };
}
