import type { Detector, ScanInput } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import type { TextView } from '../../normalize/view.ts';
import type { Policy } from '../../policy/policy-schema.ts';
import { segmentAt } from '../../subject.ts';
import { authorizedSupports, evidenceFor, supportSources } from '../intent/evidence.ts';
import { displayValue, keyArguments } from '../intent/key-arguments.ts';
import { compileToolPolicy } from '../tool-policy/compile-tool-policy.ts';
import { explainRisk, resolveToolRisk } from '../tool-risk/resolve-tool-risk.ts';
import { fingerprintWindow, matchFingerprints } from './fingerprints.ts';
import { readFlowMemory, recordFlow, type FlowRead } from './flow-memory.ts';

/** Options of the data-flow detector. */
export interface DataFlowDetectorOptions {
  /** Clock for call records (tests). */
  readonly now?: () => number;
}

/** A view reduced to letters and digits, remembering where each kept character sits in the view. */
interface KeyedView {
  readonly view: TextView;
  readonly key: string;
  readonly offsets: Int32Array;
}

/** Fingerprint windows two texts must share before a passage counts as copied (single values need one entity match). */
const copiedWindows = 2;

/**
 * Session data flow, the lethal trifecta: private data the session read (results of private-data tools), found by
 * value containment in a later call to an external sink — through normalization and decoded layers (base64, hex,
 * URL encoding) — whose destination is neither in the allowlist nor given by the user or trusted data.
 */
export function createDataFlowDetector(policy: Policy, options: DataFlowDetectorOptions = {}): Detector {
  const compiled = compileToolPolicy(policy);
  const flow = policy.tools.flow;
  const now = options.now ?? Date.now;
  return {
    meta: {
      id: 'data-flow',
      categories: ['exfiltration'],
      surfaces: ['tool_call', 'tool_result', 'document', 'tool_definition'],
      description: 'Tracks private and untrusted data through the session and blocks private data flowing to unapproved external destinations.',
    },
    scan(input, context) {
      const { subject } = input;
      if (subject.surface !== 'tool_call' || flow.privateToSink === 'allow') return [];
      const memory = readFlowMemory(context.session);
      const privateReads = memory?.reads.filter((read) => read.labels.includes('private')) ?? [];
      if (privateReads.length === 0) return [];
      const risk = resolveToolRisk(compiled, memory?.tools, subject.tool, subject.args);
      const values = keyArguments(subject.args);
      const destinations = values.filter((value) => value.destination);
      const openWorldRead = risk.labels.includes('untrusted_source') && destinations.some((value) => value.kind === 'url');
      if (!risk.labels.includes('external_sink') && !openWorldRead) return [];

      // Addresses and accounts are where data goes, not what goes; a URL carries its payload in its path and query.
      const destinationPaths = new Set(destinations.filter((value) => value.kind !== 'url').map((value) => value.path));
      const leak = findPrivateData(input, privateReads, destinationPaths);
      if (!leak) return [];

      const sources = supportSources(context.session.prompts, context.session.systemPrompt, memory?.reads ?? [], flow.allowedDomains);
      const unapproved = destinations.filter((value) => !authorizedSupports.has(evidenceFor(value, sources).support));
      const untrusted = (memory?.reads ?? []).filter((read) => read.labels.includes('untrusted'));
      const trifecta = untrusted.length > 0 ? ` The session also read untrusted content (${names(untrusted)}): the lethal trifecta.` : '';
      const decision = flow.privateToSink ? { decision: flow.privateToSink } : {};
      const origin = `private data from ${names([leak.read])} (${leak.what}) in ${subject.tool}.${leak.path}`;
      if (unapproved.length > 0) {
        return [
          {
            detector: 'data-flow/private-to-sink',
            category: 'exfiltration',
            score: 0.9,
            message: `${origin} would go to ${unapproved.map(displayValue).join(', ')}, a destination the user did not give and the policy does not allow.${trifecta} Do not send private data there; ask the user. [${explainRisk(risk)}]`,
            span: leak.span,
            ...decision,
          },
        ];
      }
      if (destinations.length === 0) {
        return [
          {
            detector: 'data-flow/private-to-unknown-sink',
            category: 'exfiltration',
            score: untrusted.length > 0 ? 0.6 : 0.45,
            message: `${origin} would leave through ${subject.tool}, whose destination is not stated in its arguments.${trifecta} [${explainRisk(risk)}]`,
            span: leak.span,
          },
        ];
      }
      return [];
    },
    observe(input, state, outcome) {
      recordFlow(state, input, outcome, compiled, now());
    },
  };
}

interface Leak {
  readonly read: FlowRead;
  readonly path: string;
  readonly what: string;
  readonly span: { start: number; end: number };
}

/** The first private value or copied passage found in the call's arguments (outside destination arguments), in any view. */
function findPrivateData(input: ScanInput, reads: readonly FlowRead[], destinationPaths: ReadonlySet<string>): Leak | undefined {
  const locate = (keyed: KeyedView, start: number, end: number) => {
    const viewStart = keyed.offsets[start] ?? 0;
    const viewEnd = (keyed.offsets[Math.max(end - 1, start)] ?? viewStart) + 1;
    const span = keyed.view.toOriginal(viewStart, viewEnd);
    const segment = segmentAt(input.extracted, span.start);
    const path = segment ? segment.path.slice(1).join('.') : '';
    return { span, path };
  };
  for (const view of input.normalized.views) {
    const keyed = keyView(view);
    if (keyed.key.length < 6) continue;
    for (const read of reads) {
      for (const entity of read.entities ?? []) {
        let index = keyed.key.indexOf(entity);
        while (index >= 0) {
          const place = locate(keyed, index, index + entity.length);
          if (!destinationPaths.has(place.path)) return { read, ...place, what: `a value of ${entity.length} characters${view.kind !== 'normalized' ? `, ${view.kind}-encoded` : ''}` };
          index = keyed.key.indexOf(entity, index + 1);
        }
      }
      if (!read.fingerprints || keyed.key.length < fingerprintWindow) continue;
      const matches: number[] = [];
      matchFingerprints(keyed.key, read.fingerprints, (start) => {
        const place = locate(keyed, start, start + fingerprintWindow);
        if (!destinationPaths.has(place.path)) matches.push(start);
      });
      if (matches.length >= copiedWindows) {
        const first = matches[0] ?? 0;
        const last = (matches[matches.length - 1] ?? 0) + fingerprintWindow;
        const place = locate(keyed, first, last);
        return { read, ...place, what: `copied text${view.kind !== 'normalized' ? `, ${view.kind}-encoded` : ''}` };
      }
    }
  }
  return undefined;
}

function keyView(view: TextView): KeyedView {
  const text = view.text;
  let key = '';
  const offsets = new Int32Array(text.length);
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let char: string | undefined;
    if ((code >= 48 && code <= 57) || (code >= 97 && code <= 122)) char = text[index];
    else if (code >= 65 && code <= 90) char = String.fromCharCode(code + 32);
    else if (code >= 128) {
      const raw = text[index] ?? '';
      if (/[\p{L}\p{N}]/u.test(raw)) char = raw.toLowerCase();
    }
    if (char !== undefined && char.length === 1) {
      key += char;
      offsets[length++] = index;
    }
  }
  return { view, key, offsets: offsets.subarray(0, length) };
}

function names(reads: readonly FlowRead[]): string {
  const list = [...new Set(reads.map((read) => read.tool ?? read.surface.replace('_', ' ')))];
  return list.slice(0, 3).join(', ') + (list.length > 3 ? ', …' : '');
}
