export { bulwarkMiddleware, bulwarkToolApproval, type BulwarkMiddleware, type BulwarkToolApprovalOptions } from './bulwark-middleware.ts';
export {
  BulwarkProviderOptionsSchema,
  BulwarkSettingsSchema,
  type BulwarkMiddlewareOptions,
  type BulwarkProviderOptions,
  type BulwarkSettings,
  type BulwarkSettingsInput,
  type SessionIdOption,
} from './options.ts';
export type { ApprovalSessionIdOption, BulwarkToolApproval, ToolApprovalRequestInput } from './tool-approval.ts';
export { BulwarkViolationError } from '@bulwark/core';
