import { BulwarkViolationError, createGuard } from '@bulwark/core';
import { HumanMessage } from '@langchain/core/messages';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { AIMessage } from '@langchain/core/messages';
import type { Serialized } from '@langchain/core/load/serializable';
import { createAgent, fakeModel, tool } from 'langchain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { markerDetector } from './__fixtures__/marker-detector.ts';
import { BulwarkCallbackHandler, type CallbackVerdictEvent } from './index.ts';

function sendEmailTool(sent: unknown[]) {
  return tool(
    async (args) => {
      sent.push(args);
      return 'sent';
    },
    { name: 'send_email', description: 'Sends an email.', schema: z.object({ to: z.string(), body: z.string() }) },
  );
}

describe('BulwarkCallbackHandler', () => {
  it('observes by default: never throws, never changes the output, reports verdicts', async () => {
    const guard = createGuard({ detectors: [markerDetector()] });
    const events: CallbackVerdictEvent[] = [];
    const handler = new BulwarkCallbackHandler({ guard, onVerdict: (event) => events.push(event) });
    const model = new FakeListChatModel({ responses: ['the key is SECRET-1'] });
    const output = await model.invoke([new HumanMessage('EVIL question')], { callbacks: [handler] });
    expect(output.text).toBe('the key is SECRET-1');
    const sent: unknown[] = [];
    await sendEmailTool(sent).invoke({ to: 'x', body: 'EVIL' }, { callbacks: [handler] });
    expect(sent).toHaveLength(1);
    // Observe-only handlers run in LangChain's background queue; wait for it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events.map((event) => [event.hook, event.verdict.decision, event.raised])).toEqual([
      ['handleChatModelStart', 'block', false],
      ['handleLLMEnd', 'redact', false],
      ['handleToolStart', 'block', false],
    ]);
  });

  it('with raiseError, stops a chat model run on a blocked prompt with a typed error', async () => {
    const guard = createGuard({ detectors: [markerDetector()] });
    const model = new FakeListChatModel({ responses: ['answer'] });
    const error = await model.invoke([new HumanMessage('EVIL question')], { callbacks: [new BulwarkCallbackHandler({ guard, raiseError: true })] }).catch((caught: unknown) => caught);
    expect(BulwarkViolationError.isInstance(error)).toBe(true);
    expect((error as BulwarkViolationError).verdict.decision).toBe('block');
  });

  it('with raiseError, stops a tool before it runs; a clean call runs', async () => {
    const guard = createGuard({ detectors: [markerDetector()] });
    const sent: unknown[] = [];
    const handler = new BulwarkCallbackHandler({ guard, raiseError: true });
    const sendEmail = sendEmailTool(sent);
    await expect(sendEmail.invoke({ to: 'x', body: 'EVIL' }, { callbacks: [handler] })).rejects.toSatisfy(BulwarkViolationError.isInstance);
    expect(sent).toEqual([]);
    await sendEmail.invoke({ to: 'x', body: 'hello' }, { callbacks: [handler] });
    expect(sent).toHaveLength(1);
  });

  it('cannot redact: a redact verdict on the output is reported, the text passes unchanged', async () => {
    const guard = createGuard({ detectors: [markerDetector()] });
    const events: CallbackVerdictEvent[] = [];
    const model = new FakeListChatModel({ responses: ['SECRET-2'] });
    const output = await model.invoke('hi', { callbacks: [new BulwarkCallbackHandler({ guard, raiseError: true, onVerdict: (event) => events.push(event) })] });
    expect(output.text).toBe('SECRET-2');
    expect(events.map((event) => [event.verdict.decision, event.raised])).toEqual([['redact', false]]);
  });

  it('observes a whole createAgent run (model input, tool call, tool result, output) with the thread as session', async () => {
    const guard = createGuard({ detectors: [markerDetector()] });
    const events: CallbackVerdictEvent[] = [];
    const sent: unknown[] = [];
    const model = fakeModel()
      .respond(new AIMessage({ content: '', tool_calls: [{ name: 'send_email', args: { to: 'x', body: 'EVIL' }, id: 'c1', type: 'tool_call' }] }))
      .respond(new AIMessage('SECRET-5'));
    const agent = createAgent({ model, tools: [sendEmailTool(sent)] });
    await agent.invoke({ messages: [new HumanMessage('go')] }, { callbacks: [new BulwarkCallbackHandler({ guard, onVerdict: (event) => events.push(event) })], configurable: { thread_id: 'cb-thread' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toHaveLength(1);
    expect(events.map((event) => [event.hook, event.verdict.surface, event.verdict.decision])).toEqual([
      ['handleLLMEnd', 'tool_call', 'block'],
      ['handleToolStart', 'tool_call', 'block'],
      ['handleLLMEnd', 'model_output', 'redact'],
    ]);
    expect(new Set(events.map((event) => event.sessionId))).toEqual(new Set(['cb-thread']));
  });

  it('tracking many runs evicts the least recently used run, not every run→session mapping at once', async () => {
    const guard = createGuard({ detectors: [markerDetector()] });
    const events: CallbackVerdictEvent[] = [];
    const handler = new BulwarkCallbackHandler({ guard, onVerdict: (event) => events.push(event) });
    const chain: Serialized = { lc: 1, type: 'not_implemented', id: ['chain'] };
    const toolEvent = async (runId: string, parentRunId: string) => {
      await handler.handleToolStart(chain, JSON.stringify({ body: 'EVIL' }), runId, parentRunId, [], {}, 'send_email');
      return events.at(-1)?.sessionId;
    };
    // A long-lived root run (a chat thread) and a child that reveals its session.
    handler.handleChainStart(chain, {}, 'root-run', undefined, [], { thread_id: 'thread-1' });
    expect(await toolEvent('child-0', 'root-run')).toBe('thread-1');
    // Thousands of other root runs come and go without ending (LangGraph does not always report chain ends).
    for (let index = 0; index < 4093; index += 1) handler.handleChainStart(chain, {}, `other-${index}`, undefined, [], {});
    // The root run is used again, so it is the most recently used entry...
    expect(await toolEvent('child-1', 'root-run')).toBe('thread-1');
    // ...and more runs evict the least recently used ones, never the active thread.
    for (let index = 0; index < 100; index += 1) handler.handleChainStart(chain, {}, `late-${index}`, undefined, [], {});
    expect(await toolEvent('child-2', 'root-run')).toBe('thread-1');
  });
});
