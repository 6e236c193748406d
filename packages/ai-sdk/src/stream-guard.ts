import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { RedactedSpan, Verdict } from '@bulwark/core';
import { contentFilter, textBlockParts, unknownUsage } from './blocked-response.ts';
import { scan, stops, type CallContext, type GuardRuntime } from './runtime.ts';
import { releaseBoundary, rewriteRange, scanIntervalAt } from './text-hold-back.ts';
import { judgeToolCall } from './tool-call-guard.ts';
import { violation } from './violation.ts';

type Part = LanguageModelV4StreamPart;
type TextKind = 'text' | 'reasoning';

/** One streamed text (or reasoning) block being held back. */
interface HeldText {
  readonly kind: TextKind;
  readonly id: string;
  /** Everything the model sent in this block so far. */
  original: string;
  /** Characters of `original` already released (rewritten where redacted). */
  released: number;
  /** Length of `original` at the last provisional scan. */
  scannedAt: number;
}

function deltaPart(kind: TextKind, id: string, delta: string): Part {
  return kind === 'text' ? { type: 'text-delta', id, delta } : { type: 'reasoning-delta', id, delta };
}

function endPart(kind: TextKind, id: string): Part {
  return kind === 'text' ? { type: 'text-end', id } : { type: 'reasoning-end', id };
}

/**
 * A transform over the model's stream parts that never lets out what must be redacted or blocked.
 *
 * - Text and reasoning are released through a hold-back window: only text more than `holdBack` characters behind
 *   the newest character leaves, after a provisional scan of the whole block so far (so a secret split across
 *   deltas is seen whole); redactions rewrite text that has not left yet; the block's end triggers the recorded scan.
 * - `tool-input-*` parts are buffered until their `tool-call` arrives and the call has a verdict: allowed calls are
 *   released (with rewritten input when redacted), blocked ones are replaced by a text block carrying the reason.
 * - On block the stream ends cleanly: open blocks are closed, the safe message is sent, then `finish` with
 *   `content-filter`, and the model's stream is cancelled.
 */
export function createStreamGuard(runtime: GuardRuntime, context: CallContext): TransformStream<Part, Part> {
  const { guard, settings } = runtime;
  const held = new Map<string, HeldText>();
  const toolInputs = new Map<string, Part[]>();
  let stopped = false;
  let removedCalls = 0;
  let keptClientCalls = 0;

  const keyOf = (kind: TextKind, id: string) => `${kind}:${id}`;
  const scanText = (text: string, record: boolean) => scan(runtime, { surface: 'model_output', text }, context.session, { record });

  function heldBlock(kind: TextKind, id: string): HeldText {
    const key = keyOf(kind, id);
    let block = held.get(key);
    if (!block) {
      block = { kind, id, original: '', released: 0, scannedAt: 0 };
      held.set(key, block);
    }
    return block;
  }

  function stop(controller: TransformStreamDefaultController<Part>, verdict: Verdict): void {
    stopped = true;
    for (const block of held.values()) controller.enqueue(endPart(block.kind, block.id));
    held.clear();
    toolInputs.clear();
    if (settings.onBlock === 'throw') controller.enqueue({ type: 'error', error: violation(verdict) });
    else for (const part of textBlockParts('bulwark-blocked', guard.policy.blockMessage)) controller.enqueue(part);
    controller.enqueue({ type: 'finish', usage: unknownUsage, finishReason: contentFilter() });
    controller.terminate();
  }

  function redactedSpans(verdict: Verdict): readonly RedactedSpan[] | undefined {
    if (verdict.decision !== 'redact') return [];
    return verdict.redacted?.spans;
  }

  async function release(controller: TransformStreamDefaultController<Part>, block: HeldText): Promise<void> {
    if (settings.holdBack === 'all') return;
    const { original } = block;
    if (original.length - block.released <= settings.holdBack || original.length - block.scannedAt < scanIntervalAt(original.length, settings.scanInterval)) return;
    block.scannedAt = original.length;
    const verdict = await scanText(original, false);
    if (stops(verdict)) {
      stop(controller, await scanText(original, true));
      return;
    }
    const spans = redactedSpans(verdict);
    if (!spans) return; // a redaction without spans cannot be mapped onto unreleased text: hold until the block ends
    const cut = releaseBoundary(original.length, block.released, settings.holdBack, spans);
    if (cut <= block.released) return;
    const delta = rewriteRange(original, block.released, cut, spans);
    block.released = cut;
    if (delta.length > 0) controller.enqueue(deltaPart(block.kind, block.id, delta));
  }

  async function finish(controller: TransformStreamDefaultController<Part>, block: HeldText, end: Part): Promise<void> {
    held.delete(keyOf(block.kind, block.id));
    const verdict = await scanText(block.original, true);
    if (stops(verdict)) {
      held.set(keyOf(block.kind, block.id), block);
      stop(controller, verdict);
      return;
    }
    const spans = redactedSpans(verdict);
    let rest: string;
    if (spans) rest = rewriteRange(block.original, block.released, block.original.length, spans);
    else rest = block.released === 0 ? (verdict.redacted?.text ?? '') : '';
    if (rest.length > 0) controller.enqueue(deltaPart(block.kind, block.id, rest));
    controller.enqueue(end);
  }

  async function finishOpenBlocks(controller: TransformStreamDefaultController<Part>): Promise<void> {
    for (const block of [...held.values()]) {
      if (stopped) return;
      await finish(controller, block, endPart(block.kind, block.id));
    }
  }

  return new TransformStream<Part, Part>({
    async transform(part, controller) {
      if (stopped) return;
      switch (part.type) {
        case 'text-start':
        case 'reasoning-start':
          heldBlock(part.type === 'text-start' ? 'text' : 'reasoning', part.id);
          controller.enqueue(part);
          return;
        case 'text-delta':
        case 'reasoning-delta': {
          const block = heldBlock(part.type === 'text-delta' ? 'text' : 'reasoning', part.id);
          block.original += part.delta;
          await release(controller, block);
          return;
        }
        case 'text-end':
        case 'reasoning-end': {
          const block = heldBlock(part.type === 'text-end' ? 'text' : 'reasoning', part.id);
          await finish(controller, block, part);
          return;
        }
        case 'tool-input-start':
        case 'tool-input-delta':
        case 'tool-input-end': {
          const buffered = toolInputs.get(part.id) ?? [];
          buffered.push(part);
          toolInputs.set(part.id, buffered);
          return;
        }
        case 'tool-call': {
          const buffered = toolInputs.get(part.toolCallId) ?? [];
          toolInputs.delete(part.toolCallId);
          const action = await judgeToolCall(runtime, context, part);
          if (action.kind === 'remove') {
            if (settings.onBlock === 'throw' && action.verdict?.decision === 'block') {
              stop(controller, action.verdict);
              return;
            }
            removedCalls += 1;
            for (const reasonPart of textBlockParts(`bulwark-${part.toolCallId}`, action.reason)) controller.enqueue(reasonPart);
            return;
          }
          if (!part.providerExecuted) keptClientCalls += 1;
          if (action.input === part.input) for (const input of buffered) controller.enqueue(input);
          else {
            const start = buffered.find((input) => input.type === 'tool-input-start');
            if (start) {
              controller.enqueue(start);
              controller.enqueue({ type: 'tool-input-delta', id: part.toolCallId, delta: action.input });
              controller.enqueue({ type: 'tool-input-end', id: part.toolCallId });
            }
          }
          controller.enqueue({ ...part, input: action.input });
          return;
        }
        case 'finish': {
          await finishOpenBlocks(controller);
          if (stopped) return;
          toolInputs.clear();
          const finishReason =
            removedCalls > 0 && keptClientCalls === 0 && part.finishReason.unified === 'tool-calls' ? contentFilter(part.finishReason.raw) : part.finishReason;
          controller.enqueue({ ...part, finishReason });
          return;
        }
        default:
          controller.enqueue(part);
      }
    },
    async flush(controller) {
      if (!stopped) await finishOpenBlocks(controller);
    },
  });
}
