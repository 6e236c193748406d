#!/usr/bin/env node
import { runCli } from '../cli/run-cli.ts';

const code = await runCli(process.argv.slice(2), {
  environment: process.env,
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
});
process.exitCode = code;
