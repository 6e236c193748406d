import type { Guard, SessionRef, Verdict } from '@bulwark/core';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { messageText } from './messages.ts';
import { scanSafely, stops } from './scan.ts';

/** One item of `agent.stream(input, { streamMode: "messages" })`: a message chunk and its metadata. */
export type MessageStreamItem = [BaseMessage, Record<string, unknown>];

/** Options of {@link guardMessageStream}. */
export interface GuardMessageStreamOptions {
  guard: Guard;
  /**
   * The conversation's session (a `SessionRef` or its id — the LangGraph `thread_id` the agent middleware uses), so
   * every check sees its system prompt and canaries: a system-prompt or canary leak is cut off before it streams out
   * instead of only when the final message is scanned. Pass the `systemPrompt` and `canaries` in the `SessionRef` when
   * the session does not hold them yet. The checks read the session and record nothing (`{ record: false }`); the
   * agent middleware records the final message.
   */
  session?: SessionRef | string;
  /**
   * Characters of model text held back behind what has been checked (default 128). Text is released only once it
   * sits this far from the end of what the model has produced so far, and never in the middle of a finding.
   */
  windowChars?: number;
  /** Rescan after at least this many new characters (default 32). */
  scanEveryChars?: number;
  /** Called with each non-allow verdict. */
  onVerdict?: (verdict: Verdict) => void;
}

interface HeldMessage {
  id: string;
  metadata: Record<string, unknown>;
  received: string;
  /** What has been released to the consumer (redacted text). */
  released: string;
  scannedLength: number;
  stopped: boolean;
  /** Non-text parts (tool-call chunks) held until the message is complete. */
  heldChunks: BaseMessage[];
}

/**
 * Guards a LangGraph `streamMode: "messages"` stream for `bulwarkMiddleware({ streaming: 'pass-through' })` or any
 * graph: model text is released incrementally behind a held-back window, redacted with the engine's own redaction,
 * and cut off (with the policy's block message) as soon as a verdict blocks. Tool-call chunks are held until their
 * message is complete. A message is complete when another message starts or the stream ends.
 *
 * Checks are provisional scans in `options.session` (read, never recorded); the agent middleware records the final message.
 * A pattern longer than the window can be released in part before it becomes recognisable: size the window to the
 * longest secret you must never show (or use `streaming: 'hold'`).
 */
export async function* guardMessageStream(stream: AsyncIterable<MessageStreamItem>, options: GuardMessageStreamOptions): AsyncGenerator<MessageStreamItem> {
  const windowChars = options.windowChars ?? 128;
  const scanEveryChars = options.scanEveryChars ?? 32;
  const session: SessionRef | undefined = typeof options.session === 'string' ? { id: options.session } : options.session;
  let current: HeldMessage | undefined;

  async function scan(text: string): Promise<Verdict> {
    const verdict = await scanSafely(options.guard, { surface: 'model_output', text }, session, { record: false });
    if (verdict.decision !== 'allow') options.onVerdict?.(verdict);
    return verdict;
  }

  /** Releases what is safe of the held text; with `final`, everything that is allowed. */
  async function release(held: HeldMessage, final: boolean): Promise<MessageStreamItem[]> {
    if (held.stopped) return [];
    let boundary = final ? held.received.length : held.received.length - windowChars;
    if (boundary <= 0) return [];
    const full = await scan(held.received);
    if (stops(full)) {
      held.stopped = true;
      return [chunk(held, held.released.length === 0 ? options.guard.policy.blockMessage : ' [stopped by Bulwark]')];
    }
    // Never cut inside something a detector found: the part after its start waits for the next round.
    for (const finding of full.findings) {
      if (finding.span && finding.span.start < boundary && finding.span.end > boundary) boundary = finding.span.start;
    }
    const prefix = held.received.slice(0, boundary);
    const verdict = boundary === held.received.length ? full : await scan(prefix);
    if (stops(verdict)) {
      held.stopped = true;
      return [chunk(held, held.released.length === 0 ? options.guard.policy.blockMessage : ' [stopped by Bulwark]')];
    }
    const output = verdict.decision === 'redact' && verdict.redacted ? verdict.redacted.text : prefix;
    // Only extend what was released; if an earlier part changed, it waits for a later, longer view.
    if (!output.startsWith(held.released) || output.length === held.released.length) return final ? heldParts(held) : [];
    const delta = output.slice(held.released.length);
    held.released = output;
    return [chunk(held, delta), ...(final ? heldParts(held) : [])];
  }

  function heldParts(held: HeldMessage): MessageStreamItem[] {
    const parts = held.heldChunks.map((message): MessageStreamItem => [message, held.metadata]);
    held.heldChunks = [];
    return held.stopped ? [] : parts;
  }

  function chunk(held: HeldMessage, text: string): MessageStreamItem {
    return [new AIMessageChunk({ content: text, id: held.id }), held.metadata];
  }

  for await (const [message, metadata] of stream) {
    const isModelChunk = AIMessageChunk.isInstance(message) || AIMessage.isInstance(message);
    const id = message.id ?? '';
    if (current && (!isModelChunk || id !== current.id)) {
      yield* await release(current, true);
      current = undefined;
    }
    if (!isModelChunk) {
      yield [message, metadata];
      continue;
    }
    current ??= { id, metadata, received: '', released: '', scannedLength: 0, stopped: false, heldChunks: [] };
    if (AIMessageChunk.isInstance(message) && (message.tool_call_chunks?.length ?? 0) > 0) {
      current.heldChunks.push(new AIMessageChunk({ content: '', id, tool_call_chunks: message.tool_call_chunks ?? [] }));
    } else if (AIMessage.isInstance(message) && (message.tool_calls?.length ?? 0) > 0) {
      current.heldChunks.push(new AIMessage({ content: '', id, tool_calls: message.tool_calls ?? [] }));
    }
    current.received += messageText(message);
    if (current.received.length - current.scannedLength >= scanEveryChars) {
      current.scannedLength = current.received.length;
      yield* await release(current, false);
    }
  }
  if (current) yield* await release(current, true);
}
