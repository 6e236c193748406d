/** Runs `pnpm start` in every example folder; each example asserts and exits non-zero on failure. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../packages/cli/src/report.ts';

/** Runs every example; returns the names of those that failed. */
export function runExamples(): string[] {
  const examplesDir = join(repoRoot, 'examples');
  const examples = existsSync(examplesDir)
    ? readdirSync(examplesDir).filter((name) => existsSync(join(examplesDir, name, 'package.json'))).sort()
    : [];
  const failed: string[] = [];
  for (const example of examples) {
    process.stdout.write(`\n=== examples/${example} (pnpm start) ===\n`);
    const result = spawnSync('pnpm', ['--silent', 'start'], { cwd: join(examplesDir, example), stdio: 'inherit' });
    if (result.status !== 0) {
      process.stderr.write(`examples/${example} failed (exit ${result.status ?? result.signal})\n`);
      failed.push(example);
    }
  }
  return failed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failed = runExamples();
  process.stdout.write(failed.length === 0 ? '\nAll examples passed.\n' : `\nFailed examples: ${failed.join(', ')}\n`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}
