import { randomUUID } from 'node:crypto';
import { BulwarkViolationError, type Guard, type SessionRef, type SubjectInput, type Verdict } from '@bulwark/core';
import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import type { Serialized } from '@langchain/core/load/serializable';
import { AIMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import type { DocumentInterface } from '@langchain/core/documents';
import type { LLMResult } from '@langchain/core/outputs';
import { inputSurfaceOf, messageText } from './messages.ts';
import { scanSafely, stops } from './scan.ts';

/** One verdict seen by the callback handler, with the LangChain run it came from. */
export interface CallbackVerdictEvent {
  hook: 'handleChatModelStart' | 'handleLLMEnd' | 'handleToolStart' | 'handleToolEnd' | 'handleRetrieverEnd';
  runId: string;
  sessionId: string;
  verdict: Verdict;
  /** Whether the handler threw to stop the run (only with `raiseError: true`, and only on `block`/`ask`). */
  raised: boolean;
}

/** Options of {@link BulwarkCallbackHandler}. */
export interface BulwarkCallbackHandlerOptions {
  guard: Guard;
  /**
   * `false` (default): observe only — LangChain runs the handler in the background, it never throws and never slows
   * the chain; verdicts go to the guard's audit sinks and `onVerdict`. `true`: LangChain awaits the handler and
   * rethrows its errors, so a `block` (or `ask`) verdict stops the run with a `BulwarkViolationError`.
   */
  raiseError?: boolean;
  /** A fixed session id; otherwise the LangGraph `thread_id` in the run metadata, else one session per root run. */
  sessionId?: string;
  userId?: string;
  /** The system prompt, for leakage checks. */
  systemPrompt?: string;
  onVerdict?: (event: CallbackVerdictEvent) => void;
}

const maxTrackedRuns = 4096;

/**
 * Bulwark as a LangChain callback handler, for any runnable, chain or legacy agent: `callbacks: [handler]`.
 * Callbacks cannot rewrite anything, so this handler never redacts; it audits, and with `raiseError: true` it
 * stops a run by throwing. Before-the-fact hooks (`handleChatModelStart`, `handleToolStart`) stop the work before it
 * happens; after-the-fact hooks (`handleLLMEnd`, `handleToolEnd`) can only abort the rest of the run — the tool
 * already ran and streamed tokens already went out.
 */
export class BulwarkCallbackHandler extends BaseCallbackHandler {
  name = 'BulwarkCallbackHandler';
  readonly #options: BulwarkCallbackHandlerOptions;
  /** Run id → session id, least recently used first (bounded by `maxTrackedRuns`). */
  readonly #sessions = new Map<string, string>();
  readonly #seenMessages = new Set<string>();
  readonly #toolNames = new Map<string, string>();

  constructor(options: BulwarkCallbackHandlerOptions) {
    super({ raiseError: options.raiseError ?? false });
    this.#options = options;
  }

  #session(runId: string, parentRunId: string | undefined, metadata?: Record<string, unknown>): SessionRef {
    let id = this.#options.sessionId ?? (typeof metadata?.['thread_id'] === 'string' ? metadata['thread_id'] : undefined);
    id ??= (parentRunId && this.#recentSession(parentRunId)) || this.#recentSession(runId) || `langchain-${randomUUID()}`;
    this.#sessions.delete(runId);
    this.#sessions.set(runId, id);
    // Bounded: the least recently used run is forgotten first (a Map iterates in insertion order; use re-inserts).
    while (this.#sessions.size > maxTrackedRuns) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest === undefined) break;
      this.#sessions.delete(oldest);
    }
    return { id, ...(this.#options.userId ? { userId: this.#options.userId } : {}), ...(this.#options.systemPrompt ? { systemPrompt: this.#options.systemPrompt } : {}) };
  }

  /** The session of a tracked run, marking the run as recently used. */
  #recentSession(runId: string): string | undefined {
    const id = this.#sessions.get(runId);
    if (id !== undefined) {
      this.#sessions.delete(runId);
      this.#sessions.set(runId, id);
    }
    return id;
  }

  async #check(hook: CallbackVerdictEvent['hook'], runId: string, session: SessionRef, subject: SubjectInput): Promise<void> {
    const verdict = await scanSafely(this.#options.guard, subject, session);
    const raised = this.raiseError && stops(verdict);
    if (verdict.decision !== 'allow') {
      try {
        this.#options.onVerdict?.({ hook, runId, sessionId: session.id, verdict, raised });
      } catch {
        // An observer never changes the run.
      }
    }
    if (raised) throw new BulwarkViolationError(verdict);
  }

  /** Chains only register the session of a root run, so child runs share it. */
  override handleChainStart(_chain: Serialized, _inputs: unknown, runId: string, _runType?: string, _tags?: string[], metadata?: Record<string, unknown>, _runName?: string, parentRunId?: string): void {
    this.#session(runId, parentRunId, metadata);
  }

  override handleChainEnd(_outputs: unknown, runId: string, parentRunId?: string): void {
    if (!parentRunId) this.#sessions.delete(runId);
  }

  /** User input and tool results about to enter a chat model (each message once). */
  override async handleChatModelStart(_llm: Serialized, messages: BaseMessage[][], runId: string, parentRunId?: string, _extraParams?: Record<string, unknown>, _tags?: string[], metadata?: Record<string, unknown>): Promise<void> {
    const session = this.#session(runId, parentRunId, metadata);
    for (const message of messages.flat()) {
      const surface = inputSurfaceOf(message);
      if (!surface) continue;
      const key = message.id ?? `${surface}\u0000${messageText(message)}`;
      if (this.#seenMessages.has(key)) continue;
      if (this.#seenMessages.size >= maxTrackedRuns) this.#seenMessages.clear();
      this.#seenMessages.add(key);
      const tool = ToolMessage.isInstance(message) ? message.name : undefined;
      await this.#check('handleChatModelStart', runId, session, surface === 'prompt' ? { surface, text: messageText(message) } : { surface, text: messageText(message), ...(tool ? { tool } : {}) });
    }
  }

  /** Model text and tool calls, after the fact. */
  override async handleLLMEnd(output: LLMResult, runId: string, parentRunId?: string): Promise<void> {
    const session = this.#session(runId, parentRunId);
    for (const generation of output.generations.flat()) {
      const message = (generation as { message?: BaseMessage }).message;
      const text = message ? messageText(message) : generation.text;
      if (text.trim().length > 0) await this.#check('handleLLMEnd', runId, session, { surface: 'model_output', text });
      if (message && AIMessage.isInstance(message)) {
        for (const call of message.tool_calls ?? []) await this.#check('handleLLMEnd', runId, session, { surface: 'tool_call', tool: call.name, args: call.args });
      }
    }
  }

  /** A tool call, before the tool runs: with `raiseError`, throwing here prevents execution. */
  override async handleToolStart(_tool: Serialized, input: string, runId: string, parentRunId?: string, _tags?: string[], metadata?: Record<string, unknown>, runName?: string): Promise<void> {
    const session = this.#session(runId, parentRunId, metadata);
    if (this.#toolNames.size >= maxTrackedRuns) this.#toolNames.clear();
    if (runName) this.#toolNames.set(runId, runName);
    await this.#check('handleToolStart', runId, session, { surface: 'tool_call', tool: runName || 'tool', args: parseToolInput(input) });
  }

  /** A tool result, after the tool ran. */
  override async handleToolEnd(output: unknown, runId: string, parentRunId?: string): Promise<void> {
    const session = this.#session(runId, parentRunId);
    const text = ToolMessage.isInstance(output) ? messageText(output) : typeof output === 'string' ? output : JSON.stringify(output ?? '');
    const tool = this.#toolNames.get(runId);
    this.#toolNames.delete(runId);
    await this.#check('handleToolEnd', runId, session, { surface: 'tool_result', text, ...(tool ? { tool } : {}) });
  }

  /** Retrieved documents, scanned as untrusted content. */
  override async handleRetrieverEnd(documents: DocumentInterface[], runId: string, parentRunId?: string): Promise<void> {
    const session = this.#session(runId, parentRunId);
    for (const document of documents) {
      const source = typeof document.metadata?.['source'] === 'string' ? document.metadata['source'] : undefined;
      await this.#check('handleRetrieverEnd', runId, session, { surface: 'document', text: document.pageContent, ...(source ? { source } : {}) });
    }
  }
}

/** Tool input as LangChain passes it to callbacks (a JSON string for structured tools, plain text otherwise). */
function parseToolInput(input: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(input);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    return { input: parsed };
  } catch {
    return { input };
  }
}
