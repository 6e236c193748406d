import { runRegistered } from '../report.ts';
import { evalSections } from './sections.ts';

/** `bulwark eval [--only a,b] [--out DIR]`: runs the registered eval sections, prints tables, writes JSON. */
export function runEval(argv: string[]): Promise<number> {
  return runRegistered('eval', evalSections, argv);
}
