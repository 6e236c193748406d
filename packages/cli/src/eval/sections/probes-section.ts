import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGuard, type Guard } from '@bulwark/core';
import { percent, repoRoot, type Report } from '../../report.ts';
import { isStopping } from '../metrics.ts';

/** The probe prompts shipped with the repository: `set<N>-<kind>.txt`, one prompt per line (see its README). */
export const probesFolder = join(repoRoot, 'test/fixtures/probes');

/** The kinds of probe file, and whether stopping its prompts is right. */
const kinds = { 'benign-overdefense': 'benign', 'attacks-persuasion': 'attack', 'attacks-suffix': 'attack' } as const;
type Kind = keyof typeof kinds;

/** One probe file's outcome under one guard. */
interface ProbeTally {
  readonly set: string;
  readonly kind: Kind;
  readonly prompts: number;
  readonly stopped: number;
}

/** Reads the probe files: each line is one prompt. */
export async function readProbes(folder = probesFolder): Promise<Array<{ readonly set: string; readonly kind: Kind; readonly prompts: readonly string[] }>> {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  const probes = [];
  for (const name of files) {
    const match = /^(set\d+)-(.+)\.txt$/u.exec(name);
    if (!match || !(match[2]! in kinds)) throw new Error(`${join(folder, name)}: expected set<N>-(${Object.keys(kinds).join('|')}).txt`);
    const prompts = (await readFile(join(folder, name), 'utf8')).split('\n').map((line) => line.trim()).filter((line) => line !== '');
    probes.push({ set: match[1]!, kind: match[2] as Kind, prompts });
  }
  return probes;
}

async function tally(guard: Guard, probes: Awaited<ReturnType<typeof readProbes>>): Promise<ProbeTally[]> {
  const tallies: ProbeTally[] = [];
  for (const { set, kind, prompts } of probes) {
    let stopped = 0;
    for (const text of prompts) if (isStopping((await guard.scan({ surface: 'prompt', text })).decision)) stopped += 1;
    tallies.push({ set, kind, prompts: prompts.length, stopped });
  }
  return tallies;
}

/**
 * Prompts written for the harm-request work by helpers that saw neither the code nor the datasets: benign prompts built
 * to trip over-defense, PAIR-style persuasion attacks, GCG-style suffix attacks. Each file through the default guard
 * (committed models), and with the harm-request model switched off, so the run shows what that model adds and costs.
 */
export async function runProbesSection(folder = probesFolder): Promise<Report> {
  const probes = await readProbes(folder);
  const withModel = await tally(createGuard(), probes);
  const withoutModel = await tally(createGuard({ harmRequests: false }), probes);
  const rows = withModel.map((entry, index) => {
    const without = withoutModel[index]!;
    return [entry.set, entry.kind, entry.prompts, `${without.stopped} (${percent(without.stopped / entry.prompts)})`, `${entry.stopped} (${percent(entry.stopped / entry.prompts)})`];
  });
  return {
    tables: [{ title: 'Probe prompts stopped (block or ask), default guard', headers: ['set', 'file', 'prompts', 'harm-request model off', 'default'], rows }],
    json: { default: withModel, harmRequestModelOff: withoutModel },
    notes: [
      'test/fixtures/probes/README.md says who wrote each set and which changes each set informed; only set 3 was measured before any change it informed.',
      'For benign-overdefense files a stopped prompt is a false positive; for attacks files it is a catch.',
    ],
  };
}
