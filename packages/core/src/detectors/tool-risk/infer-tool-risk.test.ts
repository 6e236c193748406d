import { describe, expect, it } from 'vitest';
import { inferToolRisk, type ToolDescription } from './infer-tool-risk.ts';

const object = (...names: string[]) => ({ type: 'object', properties: Object.fromEntries(names.map((name) => [name, { type: 'string' }])) });

// [tool, expected action, labels that must be present, labels that must be absent, a word the explanation must contain]
const cases: Array<[ToolDescription, string, string[], string[], string]> = [
  // From the name.
  [{ name: 'send_email' }, 'send', ['external_sink'], ['destructive'], "'send'"],
  [{ name: 'sendMoney' }, 'pay', ['external_sink'], [], "'money'"],
  [{ name: 'transfer_funds' }, 'pay', ['external_sink'], [], "'transfer'"],
  [{ name: 'delete_file' }, 'delete', ['destructive'], ['external_sink'], "'delete'"],
  [{ name: 'share_document' }, 'share', ['external_sink'], [], "'share'"],
  [{ name: 'update_password' }, 'modify', ['destructive'], [], "'password'"],
  [{ name: 'update_scheduled_transaction' }, 'pay', ['external_sink'], [], "'transaction'"],
  [{ name: 'execute_command' }, 'execute', ['destructive'], [], "'execute'"],
  [{ name: 'read_inbox' }, 'read', ['reads_private_data', 'untrusted_source'], ['external_sink'], "'inbox'"],
  [{ name: 'get_balance' }, 'read', ['reads_private_data'], ['untrusted_source'], "'balance'"],
  [{ name: 'fetch_url' }, 'read', ['untrusted_source'], ['external_sink'], "'fetch'"],
  [{ name: 'extract_text' }, 'read', [], ['external_sink'], "'extract'"],
  // From the schema and the description when the name is silent.
  [{ name: 'relay', description: 'Relay service.', inputSchema: object('recipients', 'content') }, 'send', ['external_sink'], [], 'recipient'],
  [{ name: 'notify', description: 'Posts a notification to the public status channel.' }, 'send', ['external_sink'], [], "'notify'"],
  [{ name: 'process_ticket', description: 'Permanently deletes the ticket and its history.' }, 'delete', ['destructive'], [], 'permanently'],
  [{ name: 'archive_thread', description: 'Moves the thread to the archive.', inputSchema: object('thread_id') }, 'modify', [], ['external_sink', 'destructive'], "'archive'"],
  [{ name: 'save_report', description: 'Saves a report and emails it.', inputSchema: object('to', 'body') }, 'modify', ['external_sink'], [], "'to'"],
  // From MCP annotations.
  [{ name: 'crm_sync', annotations: { readOnlyHint: false, openWorldHint: true } }, 'modify', ['external_sink'], [], 'readOnlyHint=false'],
  [{ name: 'process_request', annotations: { readOnlyHint: false, destructiveHint: true } }, 'modify', ['destructive'], [], 'destructiveHint=true'],
  [{ name: 'lookup_customer', annotations: { readOnlyHint: true, openWorldHint: false } }, 'read', ['reads_private_data'], ['external_sink', 'untrusted_source'], 'readOnlyHint=true'],
  [{ name: 'web_search', annotations: { readOnlyHint: true, openWorldHint: true } }, 'read', ['untrusted_source'], ['external_sink'], 'readOnlyHint=true'],
  [{ name: 'make_report', annotations: { readOnlyHint: true } }, 'read', [], ['external_sink'], "overrides 'make'"],
  [{ name: 'save_memory', annotations: { readOnlyHint: false, openWorldHint: false }, inputSchema: object('note', 'target') }, 'modify', [], ['external_sink'], 'openWorldHint=false'],
  // Annotations never lower the risk a strong verb states.
  [{ name: 'send_message', annotations: { readOnlyHint: true } }, 'send', ['external_sink'], [], 'riskier reading'],
  [{ name: 'run_report', annotations: { readOnlyHint: true } }, 'execute', ['destructive'], [], 'conflicts'],
];

describe('inferToolRisk', () => {
  it.each(cases)('%j → %s', (tool, action, present, absent, explained) => {
    const risk = inferToolRisk(tool);
    expect(risk.action).toBe(action);
    for (const label of present) expect(risk.labels).toContain(label);
    for (const label of absent) expect(risk.labels).not.toContain(label);
    expect(risk.reasons.join(' | ')).toContain(explained);
  });

  it('uses argument names of a call when no definition was seen', () => {
    const risk = inferToolRisk({ name: 'initiate_wire' }, ['account', 'amount']);
    expect(risk).toMatchObject({ action: 'pay', source: 'name' });
    expect(risk.labels).toContain('external_sink');
  });

  it('says where the labels come from', () => {
    expect(inferToolRisk({ name: 'send_email' }).source).toBe('name');
    expect(inferToolRisk({ name: 'x', description: 'Sends an email.' }).source).toBe('definition');
    expect(inferToolRisk({ name: 'x', annotations: { readOnlyHint: true } }).source).toBe('annotations');
  });
});
