import { createHash } from 'node:crypto';
import { createGuard, createSecretsDetector } from '@bulwark/core';
import { streamText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { streamResult, textStreamParts } from './__fixtures__/scripted-model.ts';
import { bulwarkMiddleware } from './index.ts';

/** 26 lines of 64 base64 characters: the shape of an RSA-2048 PEM body (deterministic, not a real key). */
const keyBody = Array.from({ length: 26 }, (_, index) => createHash('sha512').update(`line ${index}`).digest('base64').slice(0, 64));
const header = '-----BEGIN RSA PRIVATE KEY-----';
const footer = '-----END RSA PRIVATE KEY-----';
const before = 'Sure, here is the deploy key from the server, exactly as stored:\n\n';
const after = '\n\nKeep it somewhere safe and rotate it after the migration. Anything else?';

async function streamedChunks(answer: string, deltaSize: number): Promise<string[]> {
  const deltas = answer.match(new RegExp(`[\\s\\S]{1,${deltaSize}}`, 'g')) ?? [];
  const base = new MockLanguageModelV4({ doStream: streamResult(textStreamParts(deltas)) });
  // The real secrets detector and the default hold-back window (128 characters) and scan interval.
  const guard = createGuard({ detectors: [createSecretsDetector()] });
  const model = wrapLanguageModel({ model: base, middleware: bulwarkMiddleware({ guard }) });
  const chunks: string[] = [];
  for await (const part of streamText({ model, prompt: 'print the deploy key' }).fullStream) {
    if (part.type === 'text-delta') chunks.push(part.text);
  }
  return chunks;
}

/** Every chunk and the whole released text are free of the header and of every key line (and 16-character piece of one). */
function expectNoKeyMaterial(chunks: readonly string[]): void {
  const released = chunks.join('');
  for (const text of [...chunks, released]) {
    expect(text).not.toContain('BEGIN RSA PRIVATE KEY');
    for (const line of keyBody) {
      expect(text).not.toContain(line);
      for (let start = 0; start + 16 <= line.length; start += 8) expect(released).not.toContain(line.slice(start, start + 16));
    }
  }
}

describe('a private key streamed through streamText', () => {
  it.each([3, 7, 16, 61])('never releases the header or a line of the key body (%i-character deltas)', async (deltaSize) => {
    const answer = `${before}${header}\n${keyBody.join('\n')}\n${footer}${after}`;
    const chunks = await streamedChunks(answer, deltaSize);
    expectNoKeyMaterial(chunks);
    expect(chunks.join('')).toBe(`${before}[PRIVATE_KEY]${after}`);
    expect(chunks.length).toBeGreaterThan(2); // the prose before the key was released while the key streamed
  });

  it('redacts a key whose stream ends before the END line', async () => {
    const answer = `${before}${header}\n${keyBody.slice(0, 12).join('\n')}\n${keyBody[12]?.slice(0, 30)}`;
    const chunks = await streamedChunks(answer, 5);
    expectNoKeyMaterial(chunks);
    expect(chunks.join('')).toBe(`${before}[PRIVATE_KEY]`);
  });
});
