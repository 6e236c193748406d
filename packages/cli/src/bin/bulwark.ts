#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { BulwarkConfigError } from '@bulwark/core';
import { scanJsonl, scanText } from '../commands/scan.ts';

const usage = `bulwark — a security layer for LLM agents

Usage:
  bulwark scan "text" [--surface prompt|model_output|tool_result|document] [--policy FILE] [--json]
  bulwark scan --jsonl FILE|-  [--policy FILE]     agent events in, one verdict line per event out
  bulwark eval  [--only SECTION,...] [--out DIR]    detection quality on ../shared/datasets and fixtures
  bulwark bench [--only SUITE,...] [--out DIR]      latency and throughput
  bulwark train [...]                               retrain the injection classifier
  bulwark train-word-pairs [--out FILE]            rebuild the word-pair fluency model (disfluent-tail detector)
  bulwark train-harm-requests [--out FILE]         rebuild the harm-request model (jailbreak-pretext detector)
  bulwark calibrate [--dry-run]                     per-surface fusion thresholds of the committed model

Exit codes (scan "text"): 0 allow/flag, 1 redact/ask/block, 2 usage or input error.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'scan': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          jsonl: { type: 'string' },
          policy: { type: 'string' },
          surface: { type: 'string' },
          json: { type: 'boolean' },
        },
      });
      const common = { ...(values.policy ? { policyPath: values.policy } : {}) };
      if (values.jsonl !== undefined) return scanJsonl({ ...common, jsonl: values.jsonl });
      if (positionals.length === 0) {
        process.stderr.write(`${usage}\n`);
        return 2;
      }
      return scanText({ ...common, text: positionals.join(' '), ...(values.surface ? { surface: values.surface } : {}), json: values.json ?? false });
    }
    case 'eval': {
      const { runEval } = await import('../eval/run-eval.ts');
      return runEval(rest);
    }
    case 'bench': {
      const { runBench } = await import('../bench/run-bench.ts');
      return runBench(rest);
    }
    case 'train': {
      const { runTrainCommand } = await import('../commands/train.ts');
      return runTrainCommand(rest);
    }
    case 'train-word-pairs': {
      const { runTrainWordPairs } = await import('../train/word-pairs-main.ts');
      return runTrainWordPairs(rest);
    }
    case 'train-harm-requests': {
      const { runTrainHarmRequests } = await import('../train/harm-requests-main.ts');
      return runTrainHarmRequests(rest);
    }
    case 'calibrate': {
      const { runCalibrate } = await import('../calibrate/calibrate-fusion.ts');
      return runCalibrate(rest);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${usage}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`bulwark: unknown command "${command}"\n${usage}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bulwark: ${BulwarkConfigError.isInstance(error) ? error.message : (error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
