import { BulwarkViolationError, createGuard } from '@bulwark/core';
import { AIMessage, HumanMessage } from '@langchain/core/messages';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { fakeModel } from 'langchain';
import { describe, expect, it } from 'vitest';
import { markerDetector } from './__fixtures__/marker-detector.ts';
import { bulwarkRunnable } from './index.ts';

describe('bulwarkRunnable', () => {
  it('redacts the prompt before the model and the answer after it', async () => {
    const guard = createGuard({ detectors: [markerDetector()] });
    const model = fakeModel().respond(new AIMessage('your code is SECRET-8'));
    const chain = ChatPromptTemplate.fromMessages([['human', '{question}']])
      .pipe(bulwarkRunnable({ guard }))
      .pipe(model as unknown as Parameters<ReturnType<typeof bulwarkRunnable>['pipe']>[0])
      .pipe(bulwarkRunnable({ guard, surface: 'model_output' }));
    const output = await chain.invoke({ question: 'is SECRET-1 valid?' });
    expect(model.calls[0]!.messages.map((message) => message.text)).toEqual(['is [SECRET] valid?']);
    expect((output as AIMessage).text).toBe('your code is [SECRET]');
  });

  it('throws a typed violation on block, before the model runs', async () => {
    const guard = createGuard({ detectors: [markerDetector()] });
    const model = fakeModel().respond(new AIMessage('never'));
    const chain = bulwarkRunnable({ guard }).pipe(model as unknown as Parameters<ReturnType<typeof bulwarkRunnable>['pipe']>[0]);
    const error = await chain.invoke([new HumanMessage('EVIL')]).catch((caught: unknown) => caught);
    expect(BulwarkViolationError.isInstance(error)).toBe(true);
    expect(model.callCount).toBe(0);
  });

  it('guards plain text with the configured surface and passes clean text through', async () => {
    const guard = createGuard({ detectors: [markerDetector()] });
    const guardText = bulwarkRunnable({ guard, surface: 'document' });
    expect(await guardText.invoke('clean text')).toBe('clean text');
    expect(await guardText.invoke('a SECRET-3 here')).toBe('a [SECRET] here');
  });
});
