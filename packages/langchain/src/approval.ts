import { interrupt } from '@langchain/langgraph';
import type { HITLRequest, HITLResponse } from 'langchain';

/** What a reviewer decided about content Bulwark asked about. */
export type ApprovalOutcome =
  | { type: 'approve' }
  | { type: 'edit'; args: Record<string, unknown> }
  | { type: 'reject'; message?: string }
  | { type: 'unavailable' };

/** Whether the run has a LangGraph checkpointer, the precondition of a human-in-the-loop interrupt. */
export function hasCheckpointer(configurable: Record<string, unknown> | undefined): boolean {
  return Boolean(configurable?.['__pregel_checkpointer']);
}

/**
 * Asks a human through LangGraph's interrupt, in the payload shape of `humanInTheLoopMiddleware` (`HITLRequest`), so
 * the same review UI and the same `Command({ resume: { decisions: [...] } })` answer both. Without a checkpointer
 * there is nobody to ask: the outcome is `unavailable` and the caller blocks.
 */
export function askForApproval(
  configurable: Record<string, unknown> | undefined,
  action: { name: string; args: Record<string, unknown>; description: string; editable: boolean },
): ApprovalOutcome {
  if (!hasCheckpointer(configurable)) return { type: 'unavailable' };
  const request: HITLRequest = {
    actionRequests: [{ name: action.name, args: action.args, description: action.description }],
    reviewConfigs: [{ actionName: action.name, allowedDecisions: action.editable ? ['approve', 'edit', 'reject'] : ['approve', 'reject'] }],
  };
  const response = interrupt(request) as HITLResponse | undefined;
  const decision = response?.decisions?.[0];
  if (!decision) return { type: 'reject', message: 'No decision was given.' };
  if (decision.type === 'approve') return { type: 'approve' };
  if (decision.type === 'edit' && action.editable) return { type: 'edit', args: decision.editedAction.args as Record<string, unknown> };
  if (decision.type === 'reject') return { type: 'reject', ...(decision.message !== undefined ? { message: decision.message } : {}) };
  return { type: 'reject', message: `Decision ${decision.type} is not allowed here.` };
}
