import { randomUUID } from 'node:crypto';
import { BulwarkViolationError, type Guard, type SessionRef, type Surface, type Verdict } from '@bulwark/core';
import { AIMessage, BaseMessage } from '@langchain/core/messages';
import { BasePromptValue } from '@langchain/core/prompt_values';
import { RunnableLambda } from '@langchain/core/runnables';
import { inputSurfaceOf, messageText, withContent } from './messages.ts';
import { scanSafely, stops } from './scan.ts';

/** What a runnable guard accepts and returns: text, a message, a message list, or a prompt value (as its messages). */
export type GuardedValue = string | BaseMessage | BaseMessage[];

/** Options of {@link bulwarkRunnable}. */
export interface BulwarkRunnableOptions {
  guard: Guard;
  /** The surface of plain text (`prompt` before a model, `model_output` after it). Messages carry their own. */
  surface?: Extract<Surface, 'prompt' | 'model_output' | 'tool_result' | 'document'>;
  /** A fixed session; otherwise the `thread_id` of the run config, else one session per invocation. */
  session?: SessionRef | string;
  /** The runnable's name in traces. */
  runName?: string;
  onVerdict?: (verdict: Verdict) => void;
}

/**
 * A runnable to pipe before or after any runnable: `guardIn.pipe(model).pipe(guardOut)`. It returns the input with
 * redactions applied, or throws a `BulwarkViolationError` (with the verdict) on `block` and `ask`.
 */
export function bulwarkRunnable(options: BulwarkRunnableOptions) {
  const textSurface = options.surface ?? 'prompt';
  return RunnableLambda.from(async (input: GuardedValue | BasePromptValue, config?: { configurable?: Record<string, unknown> }): Promise<GuardedValue> => {
    const threadId = config?.configurable?.['thread_id'];
    const session: SessionRef =
      typeof options.session === 'string' ? { id: options.session } : options.session ?? { id: typeof threadId === 'string' ? threadId : `langchain-${randomUUID()}` };

    async function check(surface: Surface, text: string, args?: { tool: string; args: Record<string, unknown> }): Promise<Verdict> {
      const verdict = await scanSafely(options.guard, args ? { surface: 'tool_call', ...args } : ({ surface, text } as { surface: 'prompt'; text: string }), session);
      if (verdict.decision !== 'allow') options.onVerdict?.(verdict);
      if (stops(verdict)) throw new BulwarkViolationError(verdict);
      return verdict;
    }

    async function guardMessage(message: BaseMessage): Promise<BaseMessage> {
      const surface = inputSurfaceOf(message) ?? (AIMessage.isInstance(message) ? 'model_output' : undefined);
      if (!surface) return message;
      const text = messageText(message);
      let result = message;
      if (text.trim().length > 0) {
        const verdict = await check(surface, text);
        if (verdict.decision === 'redact' && verdict.redacted) result = withContent(message, verdict.redacted.text, { decision: 'redact' });
      }
      if (AIMessage.isInstance(message) && message.tool_calls?.length) {
        const toolCalls = [];
        for (const call of message.tool_calls) {
          const verdict = await check('tool_call', '', { tool: call.name, args: call.args });
          toolCalls.push(verdict.decision === 'redact' && verdict.redacted?.args ? { ...call, args: verdict.redacted.args } : call);
        }
        result = new AIMessage({ content: result.content as AIMessage['content'], ...(message.id !== undefined ? { id: message.id } : {}), tool_calls: toolCalls, response_metadata: result.response_metadata });
      }
      return result;
    }

    if (typeof input === 'string') {
      const verdict = await check(textSurface, input);
      return verdict.decision === 'redact' && verdict.redacted ? verdict.redacted.text : input;
    }
    if (input instanceof BasePromptValue) input = input.toChatMessages();
    if (Array.isArray(input)) {
      const output: BaseMessage[] = [];
      for (const message of input) output.push(await guardMessage(message));
      return output;
    }
    if (BaseMessage.isInstance(input)) return guardMessage(input);
    throw new BulwarkViolationError({ decision: 'block', score: 1, reason: 'Blocked by Bulwark: unsupported input for the runnable guard.', findings: [] });
  }).withConfig({ runName: options.runName ?? 'BulwarkGuard' });
}
