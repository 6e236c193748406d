import { generateText, stepCountIs, streamText, tool, wrapLanguageModel } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testGuard } from './__fixtures__/test-detectors.ts';
import { streamResult, textResult, textStreamParts, toolCallResult, toolCallStreamParts } from './__fixtures__/scripted-model.ts';
import { bulwarkMiddleware } from './index.ts';

/** Tool-call arguments nested 40 levels deep: the engine rejects them (beyond 32 levels) instead of scanning part of them. */
const deepArgs = JSON.parse(`${'{"a":'.repeat(40)}"deep"${'}'.repeat(40)}`) as Record<string, unknown>;

function deepTool(onRun: () => void) {
  return { store: tool({ inputSchema: z.object({ a: z.unknown() }), execute: async () => (onRun(), 'stored') }) };
}

async function collectStream(result: { fullStream: AsyncIterable<{ type: string }> }) {
  const parts: Array<{ type: string; text?: string }> = [];
  for await (const part of result.fullStream) parts.push(part as { type: string; text?: string });
  return parts;
}

describe('a tool call the engine cannot scan gets the policy fail mode', () => {
  it('generateText, failMode closed: the call is removed with a clear reason, nothing rejects, the error is reported', async () => {
    const errors: unknown[] = [];
    const base = new MockLanguageModelV4({ doGenerate: [toolCallResult('call-1', 'store', deepArgs), textResult('done')] });
    const model = wrapLanguageModel({ model: base, middleware: bulwarkMiddleware({ guard: testGuard(), onScanError: (error) => void errors.push(error) }) });
    let executed = 0;
    const result = await generateText({ model, prompt: 'store it', tools: deepTool(() => (executed += 1)), stopWhen: stepCountIs(3) });
    expect(executed).toBe(0);
    expect(result.toolCalls).toHaveLength(0);
    expect(result.text).toContain('could not be scanned');
    expect(result.finishReason).toBe('content-filter');
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/nested deeper/);
  });

  it('generateText, failMode open: the call runs and the error is still reported', async () => {
    const errors: unknown[] = [];
    const base = new MockLanguageModelV4({ doGenerate: [toolCallResult('call-1', 'store', deepArgs), textResult('done')] });
    const guard = testGuard({ policy: { failMode: 'open' } });
    const model = wrapLanguageModel({ model: base, middleware: bulwarkMiddleware({ guard, onScanError: (error) => void errors.push(error) }) });
    let executed = 0;
    const result = await generateText({ model, prompt: 'store it', tools: deepTool(() => (executed += 1)), stopWhen: stepCountIs(3) });
    expect(executed).toBe(1);
    expect(result.text).toBe('done');
    expect(errors.length).toBeGreaterThanOrEqual(1);
  });

  it('streamText, failMode closed: no stream error, the call never streams or runs', async () => {
    const base = new MockLanguageModelV4({
      doStream: [streamResult(toolCallStreamParts('call-1', 'store', deepArgs)), streamResult(textStreamParts(['unreachable']))],
    });
    const model = wrapLanguageModel({ model: base, middleware: bulwarkMiddleware({ guard: testGuard() }) });
    let executed = 0;
    const result = streamText({ model, prompt: 'store it', tools: deepTool(() => (executed += 1)), stopWhen: stepCountIs(3) });
    const parts = await collectStream(result);
    expect(parts.some((part) => part.type === 'error')).toBe(false);
    expect(parts.map((part) => part.type)).not.toContain('tool-call');
    expect(executed).toBe(0);
    expect(parts.filter((part) => part.type === 'text-delta').map((part) => part.text).join('')).toContain('could not be scanned');
    expect(await result.finishReason).toBe('content-filter');
  });

  it('the toolApproval hook denies a call it cannot scan when failing closed, instead of rejecting', async () => {
    const guarded = bulwarkMiddleware({ guard: testGuard() });
    const status = await guarded.toolApproval({
      toolCall: { toolCallId: 'unseen', toolName: 'store', input: deepArgs },
      messages: [{ role: 'user', content: 'store it' }],
    });
    expect(status).toMatchObject({ type: 'denied' });
    expect(JSON.stringify(status)).toContain('could not be scanned');
  });
});
