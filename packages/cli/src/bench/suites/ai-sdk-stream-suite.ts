import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { bulwarkMiddleware, type BulwarkSettingsInput } from '@bulwark/ai-sdk';
import { createGuard } from '@bulwark/core';
import { streamText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV4, simulateReadableStream } from 'ai/test';
import { millis, type Report } from '../../report.ts';
import { benignText } from '../texts.ts';

const deltaSize = 4;

/** Streams measured: answer length, delay per delta, runs (median reported). */
const scenarios = [
  { length: 600, delay: null, runs: 30 },
  { length: 600, delay: 5, runs: 5 },
  { length: 20_000, delay: null, runs: 5 },
] as const;

interface Timing {
  firstToken: number;
  lastToken: number;
}

function scriptedModel(length: number, chunkDelayInMs: number | null): MockLanguageModelV4 {
  const deltas = benignText(length).match(new RegExp(`[\\s\\S]{1,${deltaSize}}`, 'g')) ?? [];
  const parts: LanguageModelV4StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
    ...deltas.map((delta): LanguageModelV4StreamPart => ({ type: 'text-delta', id: 't', delta })),
    { type: 'text-end', id: 't' },
    {
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 1, text: 1, reasoning: undefined } },
    },
  ];
  return new MockLanguageModelV4({ doStream: async () => ({ stream: simulateReadableStream({ chunks: parts, initialDelayInMs: null, chunkDelayInMs }) }) });
}

/** Time to first and last text chunk of one `streamText` call, as the app's `textStream` sees them. */
async function timeOne(settings: BulwarkSettingsInput | undefined, length: number, chunkDelayInMs: number | null): Promise<Timing> {
  const base = scriptedModel(length, chunkDelayInMs);
  const model = settings ? wrapLanguageModel({ model: base, middleware: bulwarkMiddleware({ guard: createGuard(), ...settings }) }) : base;
  const started = performance.now();
  let firstToken = Number.NaN;
  for await (const _chunk of streamText({ model, prompt: 'Explain the setup.' }).textStream) {
    if (Number.isNaN(firstToken)) firstToken = performance.now() - started;
  }
  return { firstToken, lastToken: performance.now() - started };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const configurations: ReadonlyArray<readonly [string, BulwarkSettingsInput | undefined]> = [
  ['without middleware', undefined],
  ['bulwarkMiddleware holdBack 32', { holdBack: 32 }],
  ['bulwarkMiddleware holdBack 128 (default)', {}],
  ["bulwarkMiddleware holdBack 'all'", { holdBack: 'all' }],
];

/**
 * Time to first token and to last token of scripted streamed answers (4-character deltas) through `streamText`, with
 * and without `bulwarkMiddleware`: 600 characters with no delay between deltas (the guard's CPU cost) and at 5 ms per
 * delta (a 200 token/s provider, where the hold-back window shows as latency), and 20 000 characters with no delay
 * (re-scanning a long block).
 */
export async function runAiSdkStreamSuite(): Promise<Report> {
  const rows: Array<Array<string | number>> = [];
  const json: Array<Record<string, unknown>> = [];
  for (const { length, delay, runs } of scenarios) {
    let baseline: Timing | undefined;
    for (const [name, settings] of configurations) {
      if (length > 1_000 && settings?.holdBack !== undefined) continue; // long answers: default window only
      await timeOne(settings, length, null); // warm-up
      const timings: Timing[] = [];
      for (let run = 0; run < runs; run++) timings.push(await timeOne(settings, length, delay));
      const timing = { firstToken: median(timings.map((entry) => entry.firstToken)), lastToken: median(timings.map((entry) => entry.lastToken)) };
      baseline ??= timing;
      const delayLabel = delay === null ? '0 ms' : `${delay} ms`;
      rows.push([name, length, delayLabel, millis(timing.firstToken), millis(timing.lastToken), millis(timing.firstToken - baseline.firstToken), millis(timing.lastToken - baseline.lastToken)]);
      json.push({ configuration: name, characters: length, delayPerDeltaMs: delay ?? 0, runs, ...timing, addedFirstToken: timing.firstToken - baseline.firstToken, addedLastToken: timing.lastToken - baseline.lastToken });
    }
  }
  return {
    tables: [
      {
        title: `streamText time to first / last token, answers in ${deltaSize}-character deltas (median)`,
        headers: ['configuration', 'characters', 'delay per delta', 'first token ms', 'last token ms', 'added first ms', 'added last ms'],
        rows,
      },
    ],
    json,
    notes: [
      'The hold-back window delays the first token by the time the model takes to produce `holdBack` characters',
      "(at 5 ms per 4-character delta: about holdBack / 4 × 5 ms); 'all' releases each text block only when it ends.",
      'Negative "added last" values are real but not a speed-up of the guard: the middleware releases text in batches of at',
      'least `scanInterval` (16) characters, so streamText handles fewer, larger chunks than the 4-character deltas it gets',
      'without the middleware, and the piped model stream is read ahead while streamText processes earlier chunks.',
    ],
  };
}
