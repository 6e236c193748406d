import { randomUUID } from 'node:crypto';
import type { Guard, SessionRef, Surface, ToolDefinition, Verdict } from '@bulwark/core';
import { AIMessage, coerceMessageLikeToMessage, RemoveMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { Command, isCommand } from '@langchain/langgraph';
import { toJsonSchema } from '@langchain/core/utils/json_schema';
import { createMiddleware } from 'langchain';
import { askForApproval } from './approval.ts';
import { bulwarkMarker, inputSurfaceOf, messageText, withContent } from './messages.ts';
import { scanSafely } from './scan.ts';

/** Where in the agent loop a verdict was acted on. */
export type AgentHook = 'beforeModel' | 'wrapModelCall' | 'wrapToolCall';

/** What the middleware did with one verdict: reported to `onDecision` (audit events go to the guard's sinks). */
export interface AgentDecisionEvent {
  hook: AgentHook;
  surface: Surface;
  /** The tool, for tool calls, tool results and tool definitions. */
  tool?: string;
  verdict: Verdict;
  /** What happened in the agent: the content went through, was rewritten, stopped, or waited for a human. */
  action: 'allowed' | 'flagged' | 'redacted' | 'blocked' | 'quarantined' | 'approved' | 'rejected' | 'edited';
  sessionId: string;
}

/** Options of {@link bulwarkMiddleware}. */
export interface BulwarkMiddlewareOptions {
  /** The engine (`createGuard(...)`); its policy decides, per surface, between allow, flag, redact, ask and block. */
  guard: Guard;
  /** The agent's system prompt, for leakage checks (also taken from each model request when the agent has one). */
  systemPrompt?: string;
  /** The user, when known: carried into the session and audit events. */
  userId?: string;
  /**
   * `hold` (default): the model call runs untagged for streaming, so with `streamMode: "messages"` no raw token
   * reaches the consumer; the guarded message is streamed once the verdict is in (buffer-then-release).
   * `pass-through`: tokens stream as the model produces them, before any verdict (use `guardMessageStream` then).
   */
  streaming?: 'hold' | 'pass-through';
  /** A blocked tool result found in `beforeModel`: `quarantine` (default) replaces it and lets the model go on; `end` stops the run. */
  onBlockedToolResult?: 'quarantine' | 'end';
  /** Called after each verdict that was not a plain allow. Never awaited for control flow; errors are ignored. */
  onDecision?: (event: AgentDecisionEvent) => void;
}

const maxPendingToolVerdicts = 1024;
const maxDefinitionKeys = 4096;
const maxRunSessions = 10_000;

/**
 * Bulwark as `createAgent` middleware. `beforeModel` scans the user input and tool results that arrived since the
 * last model call; `wrapModelCall` scans the model's text and tool calls (and the agent's tool definitions, once per
 * session); `wrapToolCall` enforces the tool-call verdict before the tool runs and scans its result after.
 *
 * Place it first in `middleware: [...]` to wrap every other middleware's model and tool calls.
 */
export function bulwarkMiddleware(options: BulwarkMiddlewareOptions) {
  const { guard } = options;
  const streaming = options.streaming ?? 'hold';
  const onBlockedToolResult = options.onBlockedToolResult ?? 'quarantine';
  // Tool-call verdicts from wrapModelCall, consumed by wrapToolCall: one scan per call, enforced where it runs.
  const pendingToolVerdicts = new Map<string, Verdict>();
  const scannedDefinitions = new Set<string>();
  /** Tools whose definition was blocked, per session, with the reason: hidden from the model and never run. */
  const withheldTools = new Map<string, Map<string, string>>();
  // JSON-schema conversion is the costly part of a definition: done once per tool object.
  const definitions = new WeakMap<object, ToolDefinition | undefined>();
  function definitionOf(tool: unknown): ToolDefinition | undefined {
    if (!tool || typeof tool !== 'object') return undefined;
    if (!definitions.has(tool)) definitions.set(tool, toolDefinitionOf(tool));
    return definitions.get(tool);
  }

  // Runs without a `thread_id`: the session of each run, keyed by the id of the run's first message (LangGraph gives
  // every message an id, and middleware that rewrites a message keeps it, so the reducer replaces it in place). Kept
  // here rather than in agent state: a middleware `stateSchema` makes LangChain build and parse a zod schema around
  // every model call, which was most of the middleware's cost beyond scanning (see the README's Latency section).
  const runSessions = new Map<string, string>();
  function runSessionOf(messages: readonly BaseMessage[], fresh: boolean): string {
    const key = messages[0]?.id;
    if (key === undefined) return `langchain-${randomUUID()}`;
    let id = fresh ? undefined : runSessions.get(key);
    if (id === undefined) {
      id = `langchain-${randomUUID()}`;
      runSessions.delete(key);
      const oldest = runSessions.size >= maxRunSessions ? runSessions.keys().next().value : undefined;
      if (oldest !== undefined) runSessions.delete(oldest);
      runSessions.set(key, id);
    }
    return id;
  }

  function sessionOf(configurable: Record<string, unknown> | undefined, state: { messages: readonly BaseMessage[] }, systemPrompt?: string): SessionRef {
    const threadId = typeof configurable?.['thread_id'] === 'string' ? configurable['thread_id'] : undefined;
    const prompt = systemPrompt || options.systemPrompt;
    return {
      id: threadId ?? runSessionOf(state.messages, false),
      ...(options.userId ? { userId: options.userId } : {}),
      ...(prompt ? { systemPrompt: prompt } : {}),
    };
  }

  function report(event: AgentDecisionEvent): void {
    if (!options.onDecision || (event.action === 'allowed' && event.verdict.decision === 'allow')) return;
    try {
      options.onDecision(event);
    } catch {
      // An observer never changes what the agent does.
    }
  }

  function toolCallKey(id: string | undefined, name: string, args: unknown): string {
    return `${id ?? ''}\u0000${name}\u0000${JSON.stringify(args)}`;
  }

  async function scanToolDefinitions(tools: readonly unknown[], session: SessionRef): Promise<Set<string>> {
    const blocked = new Set<string>();
    for (const tool of tools) {
      const definition = definitionOf(tool);
      if (!definition) continue;
      const key = `${session.id}\u0000${definition.name}\u0000${definition.description}`;
      if (scannedDefinitions.has(key)) continue;
      if (scannedDefinitions.size >= maxDefinitionKeys) scannedDefinitions.clear();
      scannedDefinitions.add(key);
      const verdict = await scanSafely(guard, { surface: 'tool_definition', tool: definition }, session);
      if (verdict.decision === 'block' || verdict.decision === 'ask') {
        blocked.add(definition.name);
        if (!withheldTools.has(session.id) && withheldTools.size >= maxDefinitionKeys) withheldTools.clear();
        const withheld = withheldTools.get(session.id) ?? new Map<string, string>();
        withheld.set(definition.name, verdict.reason);
        withheldTools.set(session.id, withheld);
        // A poisoned definition stays blocked for the rest of the session.
        scannedDefinitions.delete(key);
      }
      report({ hook: 'wrapModelCall', surface: 'tool_definition', tool: definition.name, verdict, action: verdict.decision === 'block' || verdict.decision === 'ask' ? 'blocked' : actionFor(verdict), sessionId: session.id });
    }
    return blocked;
  }

  const middleware = createMiddleware({
    name: 'BulwarkMiddleware',
    // Each invocation without a thread_id is a session of its own, even when it starts from a message (id) an earlier
    // invocation used: a fresh session is bound to the first message here, without writing agent state.
    beforeAgent: (state, runtime) => {
      if (typeof runtime.configurable?.thread_id !== 'string') runSessionOf(state.messages, true);
      return undefined;
    },

    beforeModel: {
      canJumpTo: ['end'],
      hook: async (state, runtime) => {
        const session = sessionOf(runtime.configurable, state);
        const messages: BaseMessage[] = state.messages;
        let start = messages.length;
        while (start > 0 && !AIMessage.isInstance(messages[start - 1])) start -= 1;
        const replacements: BaseMessage[] = [];
        let stop: string | undefined;
        for (const message of messages.slice(start)) {
          const surface = inputSurfaceOf(message);
          if (!surface || bulwarkMarker(message)) continue;
          const text = messageText(message);
          const tool = surface === 'tool_result' ? (message as ToolMessage).name : undefined;
          const verdict = await scanSafely(guard, surface === 'prompt' ? { surface, text } : { surface, text, ...(tool ? { tool } : {}) }, session);
          let decision = verdict.decision;
          let action: AgentDecisionEvent['action'] = actionFor(verdict);
          if (decision === 'ask') {
            const outcome = askForApproval(runtime.configurable, { name: `bulwark:${surface}`, args: { text }, description: verdict.reason, editable: false });
            decision = outcome.type === 'approve' ? 'allow' : 'block';
            action = outcome.type === 'approve' ? 'approved' : outcome.type === 'reject' ? 'rejected' : 'blocked';
          }
          if (decision === 'redact' && verdict.redacted) {
            replacements.push(withContent(message, verdict.redacted.text, { decision }));
          } else if (decision === 'block') {
            if (surface === 'prompt' || onBlockedToolResult === 'end') stop = verdict.reason;
            if (surface === 'tool_result' && onBlockedToolResult === 'quarantine') action = 'quarantined';
            replacements.push(withContent(message, quarantineNotice(surface, verdict.reason), { decision }));
          }
          report({ hook: 'beforeModel', surface, ...(tool ? { tool } : {}), verdict, action, sessionId: session.id });
        }
        if (stop !== undefined) {
          return { messages: [...replacements, new AIMessage({ content: guard.policy.blockMessage, response_metadata: { bulwark: { decision: 'block', reason: stop } } })], jumpTo: 'end' as const };
        }
        return replacements.length > 0 ? { messages: replacements } : undefined;
      },
    },

    wrapModelCall: async (request, handler) => {
      const session = sessionOf(request.runtime.configurable, request.state, request.systemPrompt);
      const blockedTools = await scanToolDefinitions(request.tools, session);
      const tools = blockedTools.size > 0 ? request.tools.filter((tool) => !blockedTools.has(definitionOf(tool)?.name ?? '')) : request.tools;
      const model = streaming === 'hold' ? holdStreaming(request.model) : request.model;
      const response = await handler({ ...request, model, tools });

      const text = messageText(response);
      let content: string | undefined;
      if (text.trim().length > 0) {
        const verdict = await scanSafely(guard, { surface: 'model_output', text }, session);
        let decision = verdict.decision;
        let action = actionFor(verdict);
        if (decision === 'ask') {
          const outcome = askForApproval(request.runtime.configurable, { name: 'bulwark:model_output', args: { text }, description: verdict.reason, editable: false });
          decision = outcome.type === 'approve' ? 'allow' : 'block';
          action = outcome.type === 'approve' ? 'approved' : outcome.type === 'reject' ? 'rejected' : 'blocked';
        }
        report({ hook: 'wrapModelCall', surface: 'model_output', verdict, action, sessionId: session.id });
        if (decision === 'block') {
          // The whole turn is replaced: no text, no tool calls made on the strength of blocked output.
          return new AIMessage({ content: guard.policy.blockMessage, ...(response.id !== undefined ? { id: response.id } : {}), response_metadata: { bulwark: { decision: 'block', reason: verdict.reason } } });
        }
        if (decision === 'redact' && verdict.redacted) content = verdict.redacted.text;
      }

      const toolCalls = [];
      let rewritten = content !== undefined;
      for (const call of response.tool_calls ?? []) {
        const verdict = await scanSafely(guard, { surface: 'tool_call', tool: call.name, args: call.args }, session);
        const args = verdict.decision === 'redact' && verdict.redacted?.args ? verdict.redacted.args : call.args;
        if (args !== call.args) rewritten = true;
        if (pendingToolVerdicts.size >= maxPendingToolVerdicts) pendingToolVerdicts.clear();
        pendingToolVerdicts.set(toolCallKey(call.id, call.name, args), verdict);
        toolCalls.push({ ...call, args });
      }
      if (!rewritten) return response;
      return new AIMessage({
        content: content ?? response.content,
        ...(response.id !== undefined ? { id: response.id } : {}),
        ...(response.name !== undefined ? { name: response.name } : {}),
        tool_calls: toolCalls,
        ...(response.usage_metadata ? { usage_metadata: response.usage_metadata } : {}),
        response_metadata: { ...response.response_metadata, bulwark: { decision: 'redact' } },
      });
    },

    wrapToolCall: async (request, handler) => {
      const session = sessionOf(request.runtime.configurable, request.state);
      const call = request.toolCall;
      const withheldReason = withheldTools.get(session.id)?.get(call.name);
      if (withheldReason !== undefined) {
        // The model was never offered this tool; a call to it (a guessed or injected name) does not run either.
        return new ToolMessage({
          content: `Error: this tool call was not executed. The tool "${call.name}" is unavailable: ${withheldReason} Continue with the user's request another way or explain what you could not do.`,
          tool_call_id: call.id ?? '',
          name: call.name,
          status: 'error',
          response_metadata: { bulwark: { decision: 'block' } },
        });
      }
      const key = toolCallKey(call.id, call.name, call.args);
      const verdict = pendingToolVerdicts.get(key) ?? (await scanSafely(guard, { surface: 'tool_call', tool: call.name, args: call.args }, session));
      pendingToolVerdicts.delete(key);

      let args: Record<string, unknown> = verdict.decision === 'redact' && verdict.redacted?.args ? verdict.redacted.args : call.args;
      let action = actionFor(verdict);
      if (verdict.decision === 'block' || verdict.decision === 'ask') {
        const outcome: ReturnType<typeof askForApproval> = verdict.decision === 'ask'
          ? askForApproval(request.runtime.configurable, { name: call.name, args: call.args, description: verdict.reason, editable: true })
          : { type: 'unavailable' };
        if (outcome.type === 'approve') action = 'approved';
        else if (outcome.type === 'edit') {
          action = 'edited';
          args = outcome.args;
        } else {
          const why = outcome.type === 'reject' ? `Rejected by a human reviewer${outcome.message ? `: ${outcome.message}` : '.'}` : verdict.reason;
          report({ hook: 'wrapToolCall', surface: 'tool_call', tool: call.name, verdict, action: outcome.type === 'reject' ? 'rejected' : 'blocked', sessionId: session.id });
          return new ToolMessage({
            content: `Error: this tool call was not executed. ${why} Do not retry it; continue with the user's request another way or explain what you could not do.`,
            tool_call_id: call.id ?? '',
            name: call.name,
            status: 'error',
            response_metadata: { bulwark: { decision: 'block' } },
          });
        }
      }
      report({ hook: 'wrapToolCall', surface: 'tool_call', tool: call.name, verdict, action, sessionId: session.id });

      const result = await handler(args === call.args ? request : { ...request, toolCall: { ...call, args } });
      if (isCommand(result)) return guardCommand(result, call.name, session);
      if (!ToolMessage.isInstance(result)) return result;
      return (await guardToolOutput(result, call.name, session)) as ToolMessage;
    },
  });

  return middleware;

  /**
   * Scans one message a tool produced, as `tool_result`: redacted, quarantined, or returned marked as scanned, so
   * beforeModel does not scan (and count) the same result twice.
   */
  async function guardToolOutput(message: BaseMessage, tool: string, session: SessionRef): Promise<BaseMessage> {
    const verdict = await scanSafely(guard, { surface: 'tool_result', tool, text: messageText(message) }, session);
    let action = actionFor(verdict);
    let replaced: BaseMessage | undefined;
    if (verdict.decision === 'redact' && verdict.redacted) replaced = withContent(message, verdict.redacted.text, { decision: 'redact' });
    else if (verdict.decision === 'block' || verdict.decision === 'ask') {
      action = 'quarantined';
      replaced = withContent(message, quarantineNotice('tool_result', verdict.reason), { decision: 'block' });
    }
    report({ hook: 'wrapToolCall', surface: 'tool_result', tool, verdict, action, sessionId: session.id });
    return replaced ?? withContent(message, message.content, { decision: verdict.decision });
  }

  /**
   * A tool that returns a LangGraph `Command` writes its messages into agent state directly. Each message in its
   * `messages` update is tool output and is scanned like a `ToolMessage` result; the rest of the Command (other state
   * keys, `goto`, `graph`, `resume`) is kept as it is.
   */
  async function guardCommand(command: Command, tool: string, session: SessionRef): Promise<Command> {
    const update: unknown = command.update;
    const entries: Array<[string, unknown]> | undefined = Array.isArray(update)
      ? update.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string') ? (update as Array<[string, unknown]>) : undefined
      : update && typeof update === 'object' ? Object.entries(update) : undefined;
    if (!entries || !entries.some(([key]) => key === 'messages')) return command;
    const guarded: Array<[string, unknown]> = [];
    for (const [key, value] of entries) {
      if (key !== 'messages') {
        guarded.push([key, value]);
        continue;
      }
      const messages: unknown[] = Array.isArray(value) ? value : [value];
      const scanned: unknown[] = [];
      for (const item of messages) {
        const message = coerceMessageLikeToMessage(item as Parameters<typeof coerceMessageLikeToMessage>[0]);
        scanned.push(RemoveMessage.isInstance(message) || bulwarkMarker(message) ? message : await guardToolOutput(message, tool, session));
      }
      guarded.push([key, Array.isArray(value) ? scanned : scanned[0]]);
    }
    return new Command({
      update: Array.isArray(update) ? guarded : Object.fromEntries(guarded),
      ...(command.goto !== undefined ? { goto: command.goto } : {}),
      ...(command.graph !== undefined ? { graph: command.graph } : {}),
      ...(command.resume !== undefined ? { resume: command.resume } : {}),
    });
  }
}

function actionFor(verdict: Verdict): AgentDecisionEvent['action'] {
  switch (verdict.decision) {
    case 'flag':
      return 'flagged';
    case 'redact':
      return verdict.redacted ? 'redacted' : 'flagged';
    case 'block':
    case 'ask':
      return 'blocked';
    default:
      return 'allowed';
  }
}

function quarantineNotice(surface: Surface, reason: string): string {
  return surface === 'prompt'
    ? `[Bulwark removed this message. ${reason}]`
    : `[Bulwark quarantined this tool result. ${reason} Its content was withheld; treat the tool as having returned nothing usable.]`;
}

/** The model, tagged so LangGraph's `messages` stream mode skips its raw tokens (the node's guarded output is streamed). */
function holdStreaming<TModel>(model: TModel): TModel {
  const candidate = model as unknown as { withConfig?: (config: { tags: string[] }) => unknown };
  return typeof candidate.withConfig === 'function' ? (candidate.withConfig({ tags: ['nostream'] }) as TModel) : model;
}

/** A tool's definition as the engine scans it; `undefined` for provider-side tools without a name. */
export function toolDefinitionOf(tool: unknown): ToolDefinition | undefined {
  if (!tool || typeof tool !== 'object') return undefined;
  const record = tool as { name?: unknown; description?: unknown; schema?: unknown };
  if (typeof record.name !== 'string' || record.name.length === 0) return undefined;
  let inputSchema: Record<string, unknown> | undefined;
  if (record.schema && typeof record.schema === 'object') {
    try {
      inputSchema = toJsonSchema(record.schema as Parameters<typeof toJsonSchema>[0]) as Record<string, unknown>;
    } catch {
      inputSchema = undefined;
    }
  }
  return { name: record.name, description: typeof record.description === 'string' ? record.description : '', ...(inputSchema ? { inputSchema } : {}) };
}
