import type { Report } from '../report.ts';
import { runMcpProxySuite } from './suites/mcp-proxy-suite.ts';
import { runLeakageSuite } from './suites/leakage-suite.ts';
import { runAiSdkStreamSuite } from './suites/ai-sdk-stream-suite.ts';
import { runDetectionPeersSuite } from './suites/detection-peers-suite.ts';
import { runLangChainSuite } from './suites/langchain-suite.ts';
import { runSurfacesSuite } from './suites/surfaces-suite.ts';
import { runToolCallSuite } from './suites/tool-call-suite.ts';

/** One part of `pnpm bench`. Add a suite: one file under `suites/`, one entry here. */
export interface BenchSuite {
  readonly id: string;
  readonly title: string;
  run(): Promise<Report>;
}

/** Every bench suite, in the order `pnpm bench` runs them. */
export const benchSuites: readonly BenchSuite[] = [
  { id: 'surfaces', title: 'Engine latency and throughput per surface', run: () => runSurfacesSuite() },
  { id: 'mcp-proxy', title: 'MCP proxy: added latency per tools/call', run: () => runMcpProxySuite() },
  { id: 'detection', title: 'Injection and jailbreak (issue 3): 2 KB latency, model load, npm peers on the same inputs', run: () => runDetectionPeersSuite() },
  { id: 'leakage', title: 'Data-leakage detectors (rules tier): latency and memory', run: () => runLeakageSuite() },
  { id: 'tool-call', title: 'Tool-call decisions (policy, risk, data flow, intent, arguments) in a 50-event session', run: () => runToolCallSuite() },
  { id: 'ai-sdk-stream', title: 'AI SDK middleware: streamText time to first and last token', run: () => runAiSdkStreamSuite() },
  { id: 'langchain', title: 'LangChain createAgent: added latency per model call and per tool call', run: () => runLangChainSuite() },
];
