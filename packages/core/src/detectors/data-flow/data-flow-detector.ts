import type { Detector, ScanInput } from '../../detector.ts';
import type { Finding } from '../../finding.ts';
import type { TextView } from '../../normalize/view.ts';
import type { Policy } from '../../policy/policy-schema.ts';
import { segmentAt } from '../../subject.ts';
import { authorizedSupports, evidenceFor, supportSources } from '../intent/evidence.ts';
import { displayValue, keyArguments } from '../intent/key-arguments.ts';
import { compileToolPolicy } from '../tool-policy/compile-tool-policy.ts';
import { explainRisk, resolveToolRisk } from '../tool-risk/resolve-tool-risk.ts';
import { fingerprintWindow, hasFingerprint, matchFingerprints } from './fingerprints.ts';
import { readFlowMemory, recordFlow, userWords, type FlowRead } from './flow-memory.ts';

/** Options of the data-flow detector. */
export interface DataFlowDetectorOptions {
  /** Clock for call records (tests). */
  readonly now?: () => number;
}

/** A view reduced to letters and digits (offsets back into the view are computed only for hits). */
interface KeyedView {
  readonly view: TextView;
  readonly key: string;
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
      surfaces: ['tool_call', 'tool_result', 'document', 'tool_definition', 'prompt'],
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
      // Where the data would go is checked first: private data may flow to destinations the user or the policy approved.
      const sources = supportSources(userWords(context.session), context.session.systemPrompt, memory?.reads ?? [], flow.allowedDomains);
      const unapproved = destinations.filter((value) => !authorizedSupports.has(evidenceFor(value, sources).support));
      if (destinations.length > 0 && unapproved.length === 0) return [];

      const destinationPaths = new Set(destinations.filter((value) => value.kind !== 'url').map((value) => value.path));
      const leak = findPrivateData(input, privateReads, memory?.privateFingerprints ?? [], destinationPaths);
      if (!leak) return [];
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
function findPrivateData(input: ScanInput, reads: readonly FlowRead[], fingerprints: readonly number[], destinationPaths: ReadonlySet<string>): Leak | undefined {
  const locate = (keyed: KeyedView, start: number, end: number) => {
    const viewStart = viewOffset(keyed.view.text, start);
    const viewEnd = viewOffset(keyed.view.text, Math.max(end - 1, start)) + 1;
    const span = keyed.view.toOriginal(viewStart, viewEnd);
    const segment = segmentAt(input.extracted, span.start);
    const path = segment ? segment.path.slice(1).join('.') : '';
    return { span, path };
  };
  const encoded = (view: TextView) => (view.kind !== 'normalized' ? `, ${view.kind}-encoded` : '');
  for (const view of input.normalized.views) {
    const keyed = keyView(view);
    if (keyed.key.length < 6) continue;
    for (const read of reads) {
      for (const entity of read.entities ?? []) {
        let index = keyed.key.indexOf(entity);
        while (index >= 0) {
          const place = locate(keyed, index, index + entity.length);
          if (!destinationPaths.has(place.path)) return { read, ...place, what: `a value of ${entity.length} characters${encoded(view)}` };
          index = keyed.key.indexOf(entity, index + 1);
        }
      }
    }
    if (keyed.key.length < fingerprintWindow) continue;
    // One pass over the arguments against the fingerprints of all private reads; the read is named afterwards.
    const matches: Array<readonly [number, number]> = [];
    matchFingerprints(keyed.key, fingerprints, (start, hash) => matches.push([start, hash]));
    if (matches.length < copiedWindows) continue;
    for (const read of reads) {
      const own = matches.filter(([, hash]) => hasFingerprint(read.fingerprints ?? [], hash)).map(([start]) => start);
      const outside = own.filter((start) => !destinationPaths.has(locate(keyed, start, start + fingerprintWindow).path));
      if (outside.length >= copiedWindows) {
        const place = locate(keyed, outside[0] ?? 0, (outside[outside.length - 1] ?? 0) + fingerprintWindow);
        return { read, ...place, what: `copied text${encoded(view)}` };
      }
    }
  }
  return undefined;
}

const notLetterOrDigit = /[^\p{L}\p{N}]+/gu;

const notAsciiLetterOrDigit = /[^a-z0-9]+/g;
const plainAscii = /^[\x00-\x7f]*$/;

function keyView(view: TextView): KeyedView {
  const lower = view.text.toLowerCase();
  return { view, key: plainAscii.test(lower) ? lower.replace(notAsciiLetterOrDigit, '') : lower.replace(notLetterOrDigit, '') };
}

/** The offset in the view of the `index`-th letter or digit (walks the view; only called for hits). */
function viewOffset(text: string, index: number): number {
  let kept = -1;
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    const isKept = (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 128 && /[\p{L}\p{N}]/u.test(text[offset] ?? ''));
    if (isKept && ++kept === index) return offset;
  }
  return Math.max(0, text.length - 1);
}

function names(reads: readonly FlowRead[]): string {
  const list = [...new Set(reads.map((read) => read.tool ?? read.surface.replace('_', ' ')))];
  return list.slice(0, 3).join(', ') + (list.length > 3 ? ', …' : '');
}
