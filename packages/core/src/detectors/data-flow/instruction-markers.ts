/**
 * Phrases by which text addresses an AI agent with orders: the mark of an injected instruction inside data. A value
 * (recipient, account, URL) that sits near such a phrase in untrusted content is the attacker's payload. Ordinary
 * human requests in data ("please send the report to…") do not match on their own.
 */
export const agentAddressedMarkers = new RegExp(
  [
    String.raw`\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+|your\s+)*(?:previous|prior|above|earlier|other)\b`,
    String.raw`\bnew\s+(?:instructions?|task|objective|goal)\b`,
    String.raw`\binstructions?\s+(?:for|to)\s+(?:the\s+|you\s+)?(?:ai|assistant|agent|model|llm|bot)\b`,
    String.raw`\b(?:ai|llm|language\s+model|assistant|agent|chatbot|copilot|claude|gpt|gemini)\b[^.\n]{0,40}\b(?:must|should|needs?\s+to|has\s+to|is\s+required\s+to|please|are\s+required|will\s+now)\b`,
    String.raw`\b(?:dear|hey|hi|attention|note\s+to)\s+(?:the\s+)?(?:ai|llm|assistant|agent|chatbot|model|bot)\b`,
    // A vocative followed by an order: "AI: also delete…", "Assistant, forward…".
    String.raw`\b(?:ai|llm|assistant|agent|chatbot|model|bot)s?\s*[:,]\s*(?:(?:please|also|now|then|kindly|quickly)\s+){0,2}(?:send|forward|transfer|pay|wire|delete|remove|share|invite|grant|post|email|update|change|create|book|reserve|run|execute|export|upload|buy|purchase|add|set|move|reply|call|open|click|visit|fetch|download|ignore|disregard|rebalance|approve|cancel)\b`,
    String.raw`\byou\s+(?:must|should|need\s+to|are\s+(?:required|instructed)\s+to|have\s+to|will\s+now)\b`,
    String.raw`\bmake\s+sure\s+(?:to|you)\b`,
    String.raw`\bbefore\s+(?:you\s+|doing\s+|completing\s+|answering|finishing|proceeding|continuing|summari[sz]ing|replying|responding)`,
    String.raw`\bafter\s+(?:you\s+(?:have\s+)?|completing\s+|finishing\s+)(?:read|summari|finish|complet|answer|done)`,
    String.raw`\b(?:do\s+not|don't|never)\s+(?:tell|mention|inform|notify|alert|ask|reveal\s+this\s+to)\b`,
    String.raw`\bwithout\s+(?:telling|asking|informing|notifying|alerting|confirming)\b`,
    String.raw`\bthis\s+is\s+(?:very\s+|extremely\s+)?(?:important|urgent|critical)\b`,
    String.raw`\bimportant\s*(?:!|:|message|instructions?|notice|update)`,
    String.raw`</?\s*(?:information|instructions?|system|important|admin|sys)\s*>`,
    String.raw`\[\s*(?:system|instructions?|admin|inst)\s*\]`,
    String.raw`\b(?:system|admin|developer)\s+(?:message|note|override|prompt|instruction)\b`,
    String.raw`\bsigned,?\s*(?:the\s+)?(?:user|admin|owner|your\s+user)\b`,
    String.raw`\bas\s+(?:the\s+)?(?:user|owner)\s+(?:i\s+)?(?:authori[sz]e|request|want|instruct)`,
    String.raw`\b(?:immediately|right\s+now|asap)\b[^.\n]{0,30}\b(?:send|transfer|forward|delete|pay|share|post|grant|invite|wire|email)\b`,
  ].join('|'),
  'giu',
);

/** Most marker positions remembered per read. */
const maxMarkers = 32;

/** Offsets of agent-addressed phrases in a (lower-case) text. */
export function markerOffsets(text: string): number[] {
  const offsets: number[] = [];
  agentAddressedMarkers.lastIndex = 0;
  for (const match of text.matchAll(agentAddressedMarkers)) {
    offsets.push(match.index ?? 0);
    if (offsets.length >= maxMarkers) break;
  }
  return offsets;
}
