import { createGuard, type SubjectInput, type Surface } from '@bulwark/core';
import { millis, type Report } from '../../report.ts';
import { measureTasks } from '../measure.ts';
import { benignText } from '../texts.ts';

const sizes = [200, 2_000, 20_000] as const;
const measuredSurfaces: readonly Surface[] = ['prompt', 'model_output', 'tool_call', 'tool_result', 'document', 'tool_definition'];

function subjectOf(surface: Surface, text: string): SubjectInput {
  switch (surface) {
    case 'tool_call':
      return { surface, tool: 'send_email', args: { to: 'team@example.com', subject: 'Notes', body: text } };
    case 'tool_definition':
      return { surface, tool: { name: 'search_docs', description: text, inputSchema: { type: 'object', properties: { query: { type: 'string' } } } } };
    default:
      return { surface, text } as SubjectInput;
  }
}

/** p50/p99 latency and throughput of `guard.scan` per surface for 200 B, 2 KB and 20 KB inputs (default guard). */
export async function runSurfacesSuite(): Promise<Report> {
  const guard = createGuard();
  const tasks: Array<readonly [string, () => Promise<unknown>]> = [];
  for (const surface of measuredSurfaces) {
    for (const size of sizes) {
      const subject = subjectOf(surface, benignText(size));
      tasks.push([`${surface} ${size} B`, () => guard.scan(subject)]);
    }
  }
  const results = await measureTasks(tasks);
  const rows = results.map((result) => {
    const bytes = Number(result.name.split(' ')[1]);
    return [result.name, millis(result.p50), millis(result.p99), Math.round(result.throughput), ((result.throughput * bytes) / 1e6).toFixed(1)];
  });
  return {
    tables: [{ title: 'guard.scan per surface and input size (single thread)', headers: ['surface / size', 'p50 ms', 'p99 ms', 'ops/s', 'MB/s'], rows }],
    json: results,
  };
}
