import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGuard, type Guard } from '@bulwark/core';
import { percent, repoRoot, type Report } from '../../report.ts';
import { isStopping } from '../metrics.ts';

/** The probe prompts shipped with the repository: `set<N>-<kind>.txt`, one prompt per line (see its README). */
export const probesFolder = join(repoRoot, 'test/fixtures/probes');

/** The kinds of probe file, and whether stopping its prompts is right. */
const kinds = {
  'benign-overdefense': 'benign',
  'attacks-persuasion': 'attack',
  'attacks-suffix': 'attack',
  'benign-secret-talk': 'benign',
  'attacks-secret-extraction': 'attack',
} as const;
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
 * Prompts written by helpers that saw neither the code nor the datasets: benign prompts built to trip over-defense,
 * PAIR-style persuasion attacks and GCG-style suffix attacks (sets 1–3, for the harm-request model), direct injections
 * after a guarded secret and benign talk about passwords and keys (sets 4–5, for `secret-solicitation`). Each file
 * through the default guard (committed models), and with the harm-request model switched off.
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
      'test/fixtures/probes/README.md says who wrote each set and which changes each set informed; sets 3 and 5 were measured once before any change they informed.',
      'For benign-* files a stopped prompt is a false positive; for attacks-* files it is a catch.',
    ],
  };
}
