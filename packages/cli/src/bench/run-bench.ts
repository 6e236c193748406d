import { runRegistered } from '../report.ts';
import { benchSuites } from './suites.ts';

/** `bulwark bench [--only a,b] [--out DIR]`: runs the registered bench suites, prints tables, writes JSON. */
export function runBench(argv: string[]): Promise<number> {
  return runRegistered('bench', benchSuites, argv);
}
