import type { ScanInput } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import type { SessionState } from '../../session/session-state.ts';
import type { Decision } from '../../surface.ts';
import { inferToolRisk, type ToolRisk } from '../tool-risk/infer-tool-risk.ts';
import { resolveToolRisk } from '../tool-risk/resolve-tool-risk.ts';
import type { CompiledToolPolicy } from '../tool-policy/compile-tool-policy.ts';
import { fingerprintsOf } from './fingerprints.ts';
import { markerOffsets } from './instruction-markers.ts';
import { privateEntities } from './private-entities.ts';
import { keyForm, lowerForm, numbersIn } from './text-keys.ts';

/** A taint label on what a session read. */
export type TaintLabel = 'untrusted' | 'private';

/** One tool result or document, as the flow checks remember it. */
export interface FlowRead {
  readonly tool?: string;
  readonly surface: string;
  readonly labels: readonly TaintLabel[];
  /** Lower-case text, whitespace collapsed (bounded). */
  readonly lower: string;
  /** Letters and digits only (bounded). */
  readonly key: string;
  /** Whether a detector found an attack (injection, jailbreak, poisoning, exfiltration) in it. */
  readonly suspicious: boolean;
  /** Offsets in `lower` of phrases that address an AI agent with orders. */
  readonly markers: readonly number[];
  /** For private reads: distinctive values (keys) and sampled content fingerprints, for containment checks. */
  readonly entities?: readonly string[];
  readonly fingerprints?: readonly number[];
  /** Numbers in the read (amounts), bounded. */
  readonly numbers?: readonly number[];
}

/** What the flow detectors remember about a session (in `state.detectorState.flow`, JSON-serializable). */
export interface FlowMemory {
  /** The session event last recorded (several detectors record; the first one wins). */
  event: number;
  /** Tool risk inferred from tool definitions scanned in the session. */
  tools: Record<string, ToolRisk>;
  reads: FlowRead[];
  /** Times (ms since epoch) of the tool calls let through, by tool name (bounded). */
  calls: Record<string, number[]>;
  /** Tool calls let through in the session. */
  callCount: number;
  /** The user's requests in comparable forms, rebuilt when a prompt is recorded. */
  user?: UserWords;
  /** Sorted fingerprints of every private read, so a call's arguments are checked against all of them at once. */
  privateFingerprints?: number[];
}

/** The user's requests (all `prompt` subjects of the session) in the forms the intent check compares with. */
export interface UserWords {
  /** How many prompts they were built from. */
  readonly prompts: number;
  readonly lower: string;
  readonly key: string;
  readonly numbers: readonly number[];
}

/** The user's words of a session: from flow memory when current, else built now. */
export function userWords(state: Readonly<SessionState>): UserWords {
  const cached = readFlowMemory(state)?.user;
  if (cached && cached.prompts === state.prompts.length) return cached;
  return buildUserWords(state.prompts);
}

function buildUserWords(prompts: readonly string[]): UserWords {
  const lower = lowerForm(prompts.join('\n'));
  return { prompts: prompts.length, lower, key: keyForm(lower), numbers: numbersIn(lower) };
}

/** Where flow memory lives in session state. */
export const flowStateKey = 'flow';
/** Most characters remembered per read. */
export const maxFlowReadChars = 16_384;
/** Most reads remembered per session (oldest dropped). */
export const maxFlowReads = 48;
const maxCallTimes = 256;
const maxNumbers = 512;
const attackCategories = new Set(['injection', 'jailbreak', 'tool_poisoning', 'exfiltration']);

/** The flow memory of a session, if any was recorded. */
export function readFlowMemory(state: Readonly<SessionState>): Readonly<FlowMemory> | undefined {
  return state.detectorState[flowStateKey] as FlowMemory | undefined;
}

function memoryOf(state: SessionState): FlowMemory {
  const existing = state.detectorState[flowStateKey] as FlowMemory | undefined;
  if (existing) return existing;
  const created: FlowMemory = { event: -1, tools: {}, reads: [], calls: {}, callCount: 0 };
  state.detectorState[flowStateKey] = created;
  return created;
}

/** The taint labels of a tool's results: untrusted unless the tool only reads the user's own private records. */
export function taintOf(risk: ToolRisk): TaintLabel[] {
  const isPrivate = risk.labels.includes('reads_private_data');
  const isUntrusted = risk.labels.includes('untrusted_source') || !isPrivate;
  return [...(isUntrusted ? (['untrusted'] as const) : []), ...(isPrivate ? (['private'] as const) : [])];
}

/**
 * Records one scanned subject in flow memory: tool definitions (inferred risk), reads with taint labels, calls let
 * through. Idempotent per session event, so every flow detector may call it from `observe`.
 */
export function recordFlow(
  state: SessionState,
  input: ScanInput,
  outcome: { findings: readonly Finding[]; decision: Decision },
  compiled: CompiledToolPolicy,
  now: number,
): void {
  const memory = memoryOf(state);
  if (memory.event === state.events) return;
  memory.event = state.events;
  const { subject } = input;
  switch (subject.surface) {
    case 'prompt':
      if (memory.user?.prompts !== state.prompts.length) memory.user = buildUserWords(state.prompts);
      break;
    case 'tool_definition':
      memory.tools[subject.tool.name] = inferToolRisk(subject.tool);
      break;
    case 'tool_result':
    case 'document': {
      const risk = subject.surface === 'tool_result' && subject.tool ? resolveToolRisk(compiled, memory.tools, subject.tool) : undefined;
      const lower = lowerForm(subject.text.slice(0, maxFlowReadChars));
      const key = keyForm(lower);
      const markers = markerOffsets(lower);
      const suspicious = outcome.findings.some((finding) => attackCategories.has(finding.category) && finding.score >= 0.5);
      const labels: TaintLabel[] = risk ? taintOf(risk) : ['untrusted'];
      // Content that gives the agent orders is untrusted whatever its source (an injection stored in the user's own records).
      if (!labels.includes('untrusted') && (markers.length > 0 || suspicious)) labels.unshift('untrusted');
      const isPrivate = labels.includes('private');
      memory.reads.push({
        ...(subject.surface === 'tool_result' && subject.tool ? { tool: subject.tool } : {}),
        surface: subject.surface,
        labels,
        lower,
        key,
        suspicious,
        markers,
        numbers: numbersIn(lower).slice(0, maxNumbers),
        ...(isPrivate ? { entities: privateEntities(lower), fingerprints: fingerprintsOf(key) } : {}),
      });
      if (memory.reads.length > maxFlowReads) memory.reads.splice(0, memory.reads.length - maxFlowReads);
      if (isPrivate) memory.privateFingerprints = mergeSorted(memory.reads.flatMap((read) => read.fingerprints ?? []));
      break;
    }
    case 'tool_call': {
      // Remember what was inferred for tools the session never saw a definition of.
      if (!memory.tools[subject.tool]) memory.tools[subject.tool] = inferToolRisk({ name: subject.tool }, Object.keys(subject.args));
      if (outcome.decision === 'block') break;
      const times = (memory.calls[subject.tool] ??= []);
      times.push(now);
      if (times.length > maxCallTimes) times.splice(0, times.length - maxCallTimes);
      memory.callCount += 1;
      break;
    }
    default:
      break;
  }
}

function mergeSorted(values: number[]): number[] {
  values.sort((a, b) => a - b);
  return values.filter((value, index) => index === 0 || value !== values[index - 1]);
}
