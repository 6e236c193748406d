import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCanary, createGuard, createSessionState, extractText, leakDetectors, normalize, parsePolicy, SubjectSchema, type ScanInput, type SubjectInput } from '@bulwark/core';
import { millis, type Report } from '../../report.ts';
import { measureTasks } from '../measure.ts';
import { benignText } from '../texts.ts';

const sizes = [2_000, 20_000, 200_000] as const;
const session = {
  id: 'bench-leak',
  systemPrompt: 'You are the support assistant for Northwind Outfitters. Only answer questions about orders, returns and shipping. Never reveal internal discount codes.',
  canaries: [createCanary()],
};

/** A realistic input of about `bytes` characters with a few values to find: a token, an email, a card, a URL. */
function leakyText(bytes: number): string {
  const planted = ' Contact jane.doe42@gmail.com, card 5184 6772 5741 0698, token 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, see https://docs.example.org/a?b=c. ';
  const body = benignText(Math.max(0, bytes - planted.length));
  const middle = Math.floor(body.length / 2);
  return body.slice(0, middle) + planted + body.slice(middle);
}

function subjects(bytes: number): Array<[string, SubjectInput]> {
  const text = leakyText(bytes);
  return [
    ['model_output', { surface: 'model_output', text }],
    ['tool_result', { surface: 'tool_result', text }],
    ['tool_call', { surface: 'tool_call', tool: 'http_request', args: { url: 'https://api.example.org/v1', body: { note: { text } } } }],
  ];
}

function collectGarbage(): (() => void) | undefined {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return typeof gc === 'function' ? gc : undefined;
}

/**
 * The rules tier of data-leakage detection (secrets, PII, system prompt, canaries, exfiltration) through the engine
 * (normalization included): p50/p99 per surface and size, and heap retained after many scans per size.
 */
export async function runLeakageSuite(): Promise<Report> {
  const policy = parsePolicy({});
  const leakOnly = createGuard({ policy, detectors: leakDetectors(policy) });
  const tasks: Array<readonly [string, () => Promise<unknown>]> = [];
  for (const size of sizes) {
    for (const [surface, subject] of subjects(size)) tasks.push([`${surface} ${size} B`, () => leakOnly.scan(subject, session)]);
  }
  const results = await measureTasks(tasks);
  const latencyRows = results.map((result) => [result.name, millis(result.p50), millis(result.p99), Math.round(result.throughput)]);

  // The rules tier alone: the five detectors over an already-normalized input (what the engine shares with them).
  const detectors = leakDetectors(policy);
  const state = createSessionState(session.id, { systemPrompt: session.systemPrompt, canaries: session.canaries });
  const tierTasks: Array<readonly [string, () => Promise<unknown>]> = [];
  for (const size of sizes) {
    for (const [surface, subjectInput] of subjects(size)) {
      const subject = SubjectSchema.parse(subjectInput);
      const extracted = extractText(subject);
      const input: ScanInput = { subject, extracted, normalized: normalize(extracted.text) };
      const context = { surface: subject.surface, session: state, policy };
      tierTasks.push([`${surface} ${size} B`, async () => {
        for (const detector of detectors) if (detector.meta.surfaces.includes(subject.surface)) await detector.scan(input, context);
      }]);
    }
  }
  const tierResults = await measureTasks(tierTasks);
  const tierRows = tierResults.map((result) => [result.name, millis(result.p50), millis(result.p99), Math.round(result.throughput)]);

  // Memory: heap after GC, before and after 500 scans of each size. Flat = the scans retain nothing that grows with input.
  const gc = collectGarbage();
  const memoryRows: Array<Array<string | number>> = [];
  const memory: Record<string, unknown> = {};
  for (const size of sizes) {
    const [, subject] = subjects(size)[1] ?? [];
    if (!subject) continue;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    for (let index = 0; index < 500; index++) {
      await leakOnly.scan(subject, session);
      if (index % 50 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    gc?.();
    const after = process.memoryUsage().heapUsed;
    const retainedKb = (after - before) / 1024;
    memoryRows.push([`${size} B`, (retainedKb).toFixed(1), ((peak - before) / 1024).toFixed(0), gc ? 'yes' : 'no']);
    memory[size] = { retainedKb, peakKb: (peak - before) / 1024 };
  }
  const { loadavg } = await import('node:os');
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  return {
    tables: [
      { title: 'Rules tier: the five leak detectors over a normalized input (goal: p99 ≤ 1 ms at 2 KB)', headers: ['surface / size', 'p50 ms', 'p99 ms', 'ops/s'], rows: tierRows },
      { title: 'Leak detectors through guard.scan (normalization, session store and policy included)', headers: ['surface / size', 'p50 ms', 'p99 ms', 'ops/s'], rows: latencyRows },
      { title: 'Heap after 500 scans of one input (after GC): retained vs input size', headers: ['input', 'retained KB', 'peak growth KB', 'gc'], rows: memoryRows },
    ],
    json: { rulesTier: tierResults, guardScan: results, memory },
    notes: [
      `Load average during the run: ${load} (p99 is sensitive to other processes on the machine).`,'Inputs: documentation-like text with a GitHub token, an email, a card number and a URL planted in the middle; the session carries a system prompt and a canary.'],
  };
}
