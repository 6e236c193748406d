export { bulwarkMiddleware, toolDefinitionOf, type AgentDecisionEvent, type AgentHook, type BulwarkMiddlewareOptions } from './agent-middleware.ts';
export { BulwarkCallbackHandler, type BulwarkCallbackHandlerOptions, type CallbackVerdictEvent } from './callback-handler.ts';
export { guardMessageStream, type GuardMessageStreamOptions, type MessageStreamItem } from './stream-guard.ts';
export { bulwarkRunnable, type BulwarkRunnableOptions, type GuardedValue } from './runnable-guard.ts';
export { BulwarkViolationError } from '@bulwark/core';
