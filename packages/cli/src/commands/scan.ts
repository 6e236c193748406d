import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createGuard, loadPolicyFile, type Guard } from '@bulwark/core';
import { createEventScanner, parseEventLine } from '../events.ts';
import { formatVerdict } from '../format.ts';

/** Options of `bulwark scan`. */
export interface ScanCommandOptions {
  policyPath?: string;
  jsonl?: string;
  surface?: string;
  text?: string;
  json?: boolean;
}

/** Builds the guard the CLI uses: the given policy file, or defaults. */
export async function cliGuard(policyPath: string | undefined): Promise<Guard> {
  return createGuard(policyPath ? { policy: await loadPolicyFile(policyPath) } : {});
}

/** `bulwark scan "text"`: prints a readable verdict. Exit code 0 for allow/flag, 1 for redact/ask/block. */
export async function scanText(options: ScanCommandOptions): Promise<number> {
  const guard = await cliGuard(options.policyPath);
  const text = options.text ?? '';
  let result;
  try {
    result = await createEventScanner(guard).scanEvent(parseEventLine(JSON.stringify({ surface: options.surface ?? 'prompt', text })));
  } catch (error) {
    process.stderr.write(`bulwark scan: ${(error as Error).message}\n`);
    return 2;
  }
  process.stdout.write(options.json ? `${JSON.stringify(result.output)}\n` : `${formatVerdict(result.verdict, text)}\n`);
  return result.verdict.decision === 'allow' || result.verdict.decision === 'flag' ? 0 : 1;
}

/** `bulwark scan --jsonl FILE|-`: one output line per input line, in order, streaming with flat memory. */
export async function scanJsonl(options: ScanCommandOptions): Promise<number> {
  const guard = await cliGuard(options.policyPath);
  const scanner = createEventScanner(guard);
  const input = !options.jsonl || options.jsonl === '-' ? process.stdin : createReadStream(options.jsonl);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === '') {
      await write('{"error":"empty line"}\n');
      continue;
    }
    await write(`${JSON.stringify(await scanner.scanLine(line))}\n`);
  }
  await guard.close();
  return 0;
}

async function write(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}
