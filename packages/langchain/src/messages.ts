import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import type { Surface } from '@bulwark/core';

/** The plain text of a message (string content, or the text blocks of structured content). */
export function messageText(message: BaseMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.text;
}

/** The surface a message belongs to when it enters the model's context: user input or untrusted tool output. */
export function inputSurfaceOf(message: BaseMessage): Extract<Surface, 'prompt' | 'tool_result'> | undefined {
  if (HumanMessage.isInstance(message)) return 'prompt';
  if (ToolMessage.isInstance(message)) return 'tool_result';
  return undefined;
}

/** A copy of a message with new text content and the same id, so LangGraph's message reducer replaces it in place. */
export function withContent(message: BaseMessage, content: BaseMessage['content'], marker?: Record<string, unknown>): BaseMessage {
  const responseMetadata = marker ? { ...message.response_metadata, bulwark: marker } : message.response_metadata;
  if (ToolMessage.isInstance(message)) {
    return new ToolMessage({
      content: content as ToolMessage['content'],
      tool_call_id: message.tool_call_id,
      ...(message.name !== undefined ? { name: message.name } : {}),
      ...(message.id !== undefined ? { id: message.id } : {}),
      ...(message.status !== undefined ? { status: message.status } : {}),
      ...(message.artifact !== undefined ? { artifact: message.artifact } : {}),
      response_metadata: responseMetadata,
    });
  }
  if (AIMessage.isInstance(message)) {
    return new AIMessage({
      content: content as AIMessage['content'],
      ...(message.id !== undefined ? { id: message.id } : {}),
      ...(message.name !== undefined ? { name: message.name } : {}),
      tool_calls: message.tool_calls ?? [],
      ...(message.usage_metadata ? { usage_metadata: message.usage_metadata } : {}),
      response_metadata: responseMetadata,
    });
  }
  return new HumanMessage({
    content: content as HumanMessage['content'],
    ...(message.id !== undefined ? { id: message.id } : {}),
    ...(message.name !== undefined ? { name: message.name } : {}),
    response_metadata: responseMetadata,
  });
}

/** The marker Bulwark leaves in `response_metadata.bulwark` of messages it has already scanned. */
export function bulwarkMarker(message: BaseMessage): { decision?: string } | undefined {
  const marker = (message.response_metadata as Record<string, unknown> | undefined)?.bulwark;
  return marker && typeof marker === 'object' ? (marker as { decision?: string }) : undefined;
}
