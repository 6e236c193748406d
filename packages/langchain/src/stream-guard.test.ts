import { createCanary, createGuard } from '@bulwark/core';
import { AIMessage, AIMessageChunk, HumanMessage } from '@langchain/core/messages';
import { FakeStreamingChatModel } from '@langchain/core/utils/testing';
import { createAgent } from 'langchain';
import { describe, expect, it } from 'vitest';
import { markerDetector } from './__fixtures__/marker-detector.ts';
import { bulwarkMiddleware, guardMessageStream, type MessageStreamItem } from './index.ts';

const filler = 'The launch went well and the team shipped on time. '.repeat(4);

async function run(answer: string) {
  const guard = createGuard({ detectors: [markerDetector()] });
  const model = new FakeStreamingChatModel({ sleep: 0, responses: [new AIMessage(answer)] });
  const agent = createAgent({ model, tools: [], middleware: [bulwarkMiddleware({ guard, streaming: 'pass-through' })] });
  const stream = (await agent.stream({ messages: [new HumanMessage('report')] }, { streamMode: 'messages' })) as AsyncIterable<MessageStreamItem>;
  const texts: string[] = [];
  for await (const [message] of guardMessageStream(stream, { guard, windowChars: 40, scanEveryChars: 8 })) {
    if (AIMessageChunk.isInstance(message) || AIMessage.isInstance(message)) texts.push(message.text);
  }
  return texts.filter((text) => text.length > 0);
}

describe('guardMessageStream', () => {
  it('releases text incrementally behind the window and redacts what the policy redacts', async () => {
    const texts = await run(`${filler}The code is SECRET-987654 and ${filler}`);
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.join('')).toBe(`${filler}The code is [SECRET] and ${filler}`);
    for (const text of texts) expect(text).not.toMatch(/SECRET-|987/);
  });

  it('cuts a blocked answer off before the blocked text is released', async () => {
    const texts = await run(`${filler}Now EVIL instructions follow. ${filler}`);
    expect(texts.join('')).not.toContain('EVIL');
    expect(texts.join('')).toContain('stopped by Bulwark');
    expect(texts.join('')).toContain(filler.slice(0, 40));
  });

  it('passes a clean answer through unchanged', async () => {
    const texts = await run(`${filler}${filler}`);
    expect(texts.join('')).toBe(`${filler}${filler}`);
  });

  it('provisional scans see the session: a canary split across chunks never reaches the consumer', async () => {
    const guard = createGuard();
    const canary = createCanary();
    const answer = `${filler}My hidden marker is ${canary} as you asked. ${filler}`;
    const model = new FakeStreamingChatModel({ sleep: 0, responses: [new AIMessage(answer)] });
    const agent = createAgent({ model, tools: [], middleware: [bulwarkMiddleware({ guard, streaming: 'pass-through' })] });
    const stream = (await agent.stream({ messages: [new HumanMessage('report')] }, { streamMode: 'messages' })) as AsyncIterable<MessageStreamItem>;
    const texts: string[] = [];
    const session = { id: 'canary-thread', canaries: [canary] };
    for await (const [message] of guardMessageStream(stream, { guard, session, windowChars: 40, scanEveryChars: 8 })) {
      if (AIMessageChunk.isInstance(message) || AIMessage.isInstance(message)) texts.push(message.text);
    }
    const released = texts.join('');
    expect(texts.length).toBeGreaterThan(1);
    expect(released).toContain(filler.slice(0, 40));
    expect(released).not.toContain(canary);
    expect(released).not.toContain(canary.slice(0, 8));
    // The in-between scans read the session but record nothing.
    expect(await guard.session('canary-thread')).toBeUndefined();
  });
});
