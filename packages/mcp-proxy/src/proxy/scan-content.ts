import type { SubjectInput, Verdict } from '@bulwark/core';
import type { CallToolResult, GetPromptResult, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { ScanSubject } from './safe-scan.ts';

/** One piece of text inside an MCP result, with a way to put a rewritten version back. */
interface TextSlot {
  readonly text: string;
  replace(text: string): boolean;
}

/** What scanning a result decided: the result to return and the verdicts behind it. */
export interface ScannedResult<T> {
  readonly result: T;
  /** `block` when a verdict blocked (or asked for approval, which a proxy cannot give). */
  readonly decision: 'allow' | 'redact' | 'block';
  readonly verdicts: readonly Verdict[];
  /** The reason of the most severe verdict, written for the model. */
  readonly reason?: string;
}

/**
 * Scans every text slot of a result as one subject each and applies the verdicts: redactions are written back
 * into the slot they came from; a block (or `ask`) replaces the whole result.
 */
async function scanSlots(
  scan: ScanSubject,
  slots: readonly TextSlot[],
  subjectFor: (text: string) => SubjectInput,
): Promise<{ decision: 'allow' | 'redact' | 'block'; verdicts: Verdict[]; reason?: string }> {
  const verdicts: Verdict[] = [];
  let decision: 'allow' | 'redact' | 'block' = 'allow';
  let reason: string | undefined;
  for (const slot of slots) {
    if (slot.text.length === 0) continue;
    const verdict = await scan(subjectFor(slot.text));
    verdicts.push(verdict);
    if (verdict.decision === 'block' || verdict.decision === 'ask') {
      decision = 'block';
      reason = verdict.reason;
    } else if (verdict.decision === 'redact' && verdict.redacted) {
      if (!slot.replace(verdict.redacted.text)) {
        decision = 'block';
        reason = verdict.reason;
      } else if (decision === 'allow') {
        decision = 'redact';
        reason = verdict.reason;
      }
    }
  }
  return reason === undefined ? { decision, verdicts } : { decision, verdicts, reason };
}

/** Scans a `tools/call` result (text and embedded-resource parts, and `structuredContent`) as `tool_result` subjects. */
export async function scanToolResult(scan: ScanSubject, tool: string, original: CallToolResult): Promise<ScannedResult<CallToolResult>> {
  const result = structuredClone(original);
  const slots: TextSlot[] = [];
  for (const part of result.content ?? []) {
    if (part.type === 'text') slots.push({ text: part.text, replace: (text) => ((part.text = text), true) });
    else if (part.type === 'resource' && 'text' in part.resource && typeof part.resource.text === 'string') {
      const resource = part.resource;
      slots.push({ text: resource.text, replace: (text) => ((resource.text = text), true) });
    }
  }
  if (result.structuredContent !== undefined) {
    slots.push({
      text: JSON.stringify(result.structuredContent),
      replace(text) {
        // Redaction placeholders sit inside JSON strings; anything else means the structure cannot be kept.
        try {
          result.structuredContent = JSON.parse(text) as Record<string, unknown>;
          return true;
        } catch {
          return false;
        }
      },
    });
  }
  const scanned = await scanSlots(scan, slots, (text) => ({ surface: 'tool_result', tool, text }));
  if (scanned.decision === 'block') {
    return { ...scanned, result: { content: [{ type: 'text', text: scanned.reason ?? 'Blocked by Bulwark.' }], isError: true } };
  }
  return { ...scanned, result: scanned.decision === 'redact' ? result : original };
}

/** Scans `resources/read` contents as `document` subjects; blocked contents are replaced by the reason. */
export async function scanResourceContents(scan: ScanSubject, original: ReadResourceResult): Promise<ScannedResult<ReadResourceResult>> {
  const result = structuredClone(original);
  const verdicts: Verdict[] = [];
  let decision: ScannedResult<ReadResourceResult>['decision'] = 'allow';
  let reason: string | undefined;
  for (const [index, content] of result.contents.entries()) {
    if (!('text' in content) || typeof content.text !== 'string') continue;
    const scanned = await scanSlots(scan, [{ text: content.text, replace: (text) => ((content.text = text), true) }], (text) => ({
      surface: 'document',
      source: content.uri,
      text,
    }));
    verdicts.push(...scanned.verdicts);
    if (scanned.decision === 'block') {
      result.contents[index] = { uri: content.uri, mimeType: 'text/plain', text: `[${scanned.reason ?? 'Blocked by Bulwark.'}]` };
      decision = 'block';
      reason = scanned.reason;
    } else if (scanned.decision === 'redact' && decision === 'allow') {
      decision = 'redact';
      reason = scanned.reason;
    }
  }
  return { result: decision === 'allow' ? original : result, decision, verdicts, ...(reason ? { reason } : {}) };
}

/** Scans `prompts/get` messages (text and embedded-resource text) as `document` subjects; a block fails the whole prompt. */
export async function scanPromptMessages(scan: ScanSubject, prompt: string, original: GetPromptResult): Promise<ScannedResult<GetPromptResult>> {
  const result = structuredClone(original);
  const slots: TextSlot[] = [];
  for (const message of result.messages) {
    const content = message.content;
    if (content.type === 'text') slots.push({ text: content.text, replace: (text) => ((content.text = text), true) });
    else if (content.type === 'resource' && 'text' in content.resource && typeof content.resource.text === 'string') {
      const resource = content.resource;
      slots.push({ text: resource.text, replace: (text) => ((resource.text = text), true) });
    }
  }
  const scanned = await scanSlots(scan, slots, (text) => ({ surface: 'document', source: `prompt:${prompt}`, text }));
  if (scanned.decision === 'block') {
    const text = scanned.reason ?? 'Blocked by Bulwark.';
    return { ...scanned, result: { description: result.description, messages: [{ role: 'user', content: { type: 'text', text: `[${text}]` } }] } };
  }
  return { ...scanned, result: scanned.decision === 'redact' ? result : original };
}

/** The params of a server's `sampling/createMessage` request (the parts Bulwark reads). */
interface SamplingParams {
  systemPrompt?: string | undefined;
  messages: Array<{ content: unknown }>;
}

/**
 * Scans a server's sampling request (its system prompt and text messages, written by the server for the client's
 * model) as `document` subjects. A block refuses the request; redactions are written back.
 */
export async function scanSamplingRequest<T extends SamplingParams>(scan: ScanSubject, server: string, original: T): Promise<ScannedResult<T>> {
  const params = structuredClone(original);
  const slots: TextSlot[] = [];
  if (params.systemPrompt) slots.push({ text: params.systemPrompt, replace: (text) => ((params.systemPrompt = text), true) });
  for (const message of params.messages) {
    const parts = Array.isArray(message.content) ? message.content : [message.content];
    for (const part of parts as Array<{ type?: string; text?: unknown }>) {
      if (part && part.type === 'text' && typeof part.text === 'string') slots.push({ text: part.text, replace: (text) => ((part.text = text), true) });
    }
  }
  const scanned = await scanSlots(scan, slots, (text) => ({ surface: 'document', source: `sampling:${server}`, text }));
  return { ...scanned, result: scanned.decision === 'redact' ? params : original };
}
