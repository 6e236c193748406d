import { createLatencyRig } from '@bulwark/mcp-proxy/bench';
import { millis, type Report } from '../../report.ts';
import { measureTasks } from '../measure.ts';
import { benignText } from '../texts.ts';

const argumentBytes = 1_000;

/** Added latency per MCP `tools/call` through bulwark-mcp vs calling the same stdio server directly, p50 and p99. */
export async function runMcpProxySuite(): Promise<Report> {
  const rig = await createLatencyRig(benignText(argumentBytes));
  try {
    const [direct, inProcessBare, inProcess, subprocess] = await measureTasks(
      [
        ['direct (client → stdio server)', rig.direct],
        ['proxy in-process, no detectors, no audit (plumbing only)', rig.inProcessBare],
        ['proxy in-process (client → proxy → stdio server)', rig.inProcess],
        ['bulwark-mcp over stdio (client → stdio proxy → stdio server)', rig.subprocess],
      ],
      { time: 1_500, warmupTime: 300 },
    );
    const rows = [direct!, inProcessBare!, inProcess!, subprocess!].map((result) => [
      result.name,
      millis(result.p50),
      millis(result.p99),
      result === direct ? '—' : millis(result.p50 - direct!.p50),
      result === direct ? '—' : millis(result.p99 - direct!.p99),
      result.samples,
    ]);
    return {
      tables: [
        {
          title: `tools/call latency, ${argumentBytes} B argument echoed back (the proxy scans the call and the result with the default guard and writes JSONL audit)`,
          headers: ['path', 'p50 ms', 'p99 ms', 'added p50 ms', 'added p99 ms', 'samples'],
          rows,
        },
      ],
      json: { argumentBytes, direct, inProcessBare, inProcess, subprocess },
      notes: ['Added latency = percentile through the proxy minus the same percentile direct (sequential calls, one client).'],
    };
  } finally {
    await rig.close();
  }
}
