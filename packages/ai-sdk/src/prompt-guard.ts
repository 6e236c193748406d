import type {
  LanguageModelV4CallOptions,
  LanguageModelV4FilePart,
  LanguageModelV4FunctionTool,
  LanguageModelV4Message,
  LanguageModelV4ProviderTool,
  LanguageModelV4TextPart,
  LanguageModelV4ToolResultOutput,
  LanguageModelV4ToolResultPart,
} from '@ai-sdk/provider';
import type { SessionRef, Verdict } from '@bulwark/core';
import { scanOnce, stops, type GuardRuntime } from './runtime.ts';

/** What `transformParams` produced: the rewritten parameters and, when the newest user input is blocked, its verdict. */
export interface GuardedPrompt {
  readonly params: LanguageModelV4CallOptions;
  readonly blockedTools: ReadonlySet<string>;
  readonly promptBlock?: Verdict;
}

type UserPart = LanguageModelV4TextPart | LanguageModelV4FilePart;

/**
 * Scans what the model is about to read — user messages (`prompt`), textual files (`document`), tool results
 * (`tool_result`) and tool definitions (`tool_definition`, once per session) — and rewrites the parameters: redacted
 * text replaces the original, blocked tool results and documents are replaced by the verdict's reason, blocked tool
 * definitions are withdrawn. Content seen on an earlier step reuses its verdict.
 */
export async function guardPrompt(runtime: GuardRuntime, session: SessionRef, params: LanguageModelV4CallOptions): Promise<GuardedPrompt> {
  const { tools, blockedTools } = await guardToolDefinitions(runtime, session, params.tools);
  const lastUserIndex = params.prompt.findLastIndex((message) => message.role === 'user');
  let promptBlock: Verdict | undefined;
  const prompt: LanguageModelV4Message[] = [];
  for (const [index, message] of params.prompt.entries()) {
    switch (message.role) {
      case 'user': {
        const content: UserPart[] = [];
        for (const [partIndex, part] of message.content.entries()) {
          const guarded = await guardUserPart(runtime, session, part, `${index}.${partIndex}`);
          // The user's own words can stop the call; a poisoned attachment is untrusted content and is only neutralised.
          if (part.type === 'text' && guarded.verdict && stops(guarded.verdict) && index === lastUserIndex) promptBlock ??= guarded.verdict;
          content.push(guarded.part);
        }
        prompt.push({ ...message, content });
        break;
      }
      case 'tool': {
        const content: typeof message.content = [];
        for (const part of message.content) content.push(part.type === 'tool-result' ? await guardToolResult(runtime, session, part) : part);
        prompt.push({ ...message, content });
        break;
      }
      case 'assistant': {
        const content: typeof message.content = [];
        for (const part of message.content) content.push(part.type === 'tool-result' ? await guardToolResult(runtime, session, part) : part);
        prompt.push({ ...message, content });
        break;
      }
      default:
        prompt.push(message);
    }
  }
  const guardedParams: LanguageModelV4CallOptions = { ...params, prompt, ...(tools ? { tools } : {}) };
  if (params.toolChoice?.type === 'tool' && blockedTools.has(params.toolChoice.toolName)) guardedParams.toolChoice = { type: 'none' };
  return { params: guardedParams, blockedTools, ...(promptBlock ? { promptBlock } : {}) };
}

async function guardUserPart(runtime: GuardRuntime, session: SessionRef, part: UserPart, place: string): Promise<{ part: UserPart; verdict?: Verdict }> {
  if (part.type === 'text') {
    const verdict = await scanOnce(runtime, session, { surface: 'prompt', text: part.text }, part.text, place);
    if (verdict.decision === 'redact' && verdict.redacted) return { part: { ...part, text: verdict.redacted.text }, verdict };
    if (stops(verdict)) return { part: { ...part, text: verdict.reason }, verdict };
    return { part, verdict };
  }
  const text = textOfFile(part);
  if (text === undefined) return { part };
  const source = part.filename ?? part.mediaType;
  const verdict = await scanOnce(runtime, session, { surface: 'document', source, text }, text, place);
  if (verdict.decision === 'redact' && verdict.redacted) return { part: { ...part, data: { type: 'text', text: verdict.redacted.text } }, verdict };
  if (stops(verdict)) return { part: { type: 'text', text: verdict.reason }, verdict };
  return { part, verdict };
}

const textualMediaType = /^(text\/|application\/(json|xml|x-ndjson|yaml|x-yaml|csv)\b)|\+(json|xml)\b/;

/** The text of a file part when it is textual and inline; binary and remote files are not scanned. */
function textOfFile(part: LanguageModelV4FilePart): string | undefined {
  if (part.data.type === 'text') return part.data.text;
  if (part.data.type !== 'data' || !textualMediaType.test(part.mediaType)) return undefined;
  const bytes = typeof part.data.data === 'string' ? Buffer.from(part.data.data, 'base64') : part.data.data;
  return new TextDecoder().decode(bytes);
}

async function guardToolResult(runtime: GuardRuntime, session: SessionRef, part: LanguageModelV4ToolResultPart): Promise<LanguageModelV4ToolResultPart> {
  const scan = (text: string, item = 0) => scanOnce(runtime, session, { surface: 'tool_result', tool: part.toolName, text }, text, `${part.toolCallId}.${item}`);
  const output = part.output;
  const blocked = (verdict: Verdict): LanguageModelV4ToolResultPart => ({ ...part, output: { type: 'error-text', value: verdict.reason } });
  switch (output.type) {
    case 'text':
    case 'error-text': {
      const verdict = await scan(output.value);
      if (stops(verdict)) return blocked(verdict);
      if (verdict.decision === 'redact' && verdict.redacted) return { ...part, output: { ...output, value: verdict.redacted.text } };
      return part;
    }
    case 'json':
    case 'error-json': {
      const text = JSON.stringify(output.value) ?? 'null';
      const verdict = await scan(text);
      if (stops(verdict)) return blocked(verdict);
      if (verdict.decision === 'redact' && verdict.redacted) return { ...part, output: redactedJson(output, verdict.redacted.text) };
      return part;
    }
    case 'content': {
      const value: Extract<LanguageModelV4ToolResultOutput, { type: 'content' }>['value'] = [];
      for (const [itemIndex, item] of output.value.entries()) {
        if (item.type !== 'text') {
          value.push(item);
          continue;
        }
        const verdict = await scan(item.text, itemIndex);
        if (stops(verdict)) return blocked(verdict);
        value.push(verdict.decision === 'redact' && verdict.redacted ? { ...item, text: verdict.redacted.text } : item);
      }
      return { ...part, output: { ...output, value } };
    }
    default:
      return part;
  }
}

/** A JSON output whose text was redacted: placeholders sit inside string values, so the text still parses. */
function redactedJson(output: Extract<LanguageModelV4ToolResultOutput, { type: 'json' | 'error-json' }>, text: string): LanguageModelV4ToolResultOutput {
  try {
    return { ...output, value: JSON.parse(text) };
  } catch {
    return { type: output.type === 'json' ? 'text' : 'error-text', value: text };
  }
}

async function guardToolDefinitions(
  runtime: GuardRuntime,
  session: SessionRef,
  tools: LanguageModelV4CallOptions['tools'],
): Promise<{ tools?: Array<LanguageModelV4FunctionTool | LanguageModelV4ProviderTool>; blockedTools: Set<string> }> {
  const blockedTools = new Set<string>();
  if (!tools || !runtime.settings.scanToolDefinitions) return { ...(tools ? { tools } : {}), blockedTools };
  const kept: Array<LanguageModelV4FunctionTool | LanguageModelV4ProviderTool> = [];
  for (const tool of tools) {
    if (tool.type !== 'function') {
      kept.push(tool);
      continue;
    }
    const definition = {
      name: tool.name,
      description: tool.description ?? '',
      ...(isObject(tool.inputSchema) ? { inputSchema: tool.inputSchema as Record<string, unknown> } : {}),
    };
    const verdict = await scanOnce(runtime, session, { surface: 'tool_definition', tool: definition }, JSON.stringify(definition), tool.name);
    if (stops(verdict)) blockedTools.add(tool.name);
    else kept.push(tool);
  }
  return { tools: kept, blockedTools };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
