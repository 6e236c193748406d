/**
 * Reversible placeholders: within one session, a value redacted from what flows *into* the model (the user's prompt,
 * tool results) becomes `[ENTITY_n]`; the same value always gets the same placeholder. `restorePlaceholders` puts the
 * values back into the answer shown to the user. Values redacted from what flows *out* (model output, tool-call
 * arguments) are never restorable, and restoration is never applied to tool arguments.
 */

/** Most placeholders a session keeps. */
export const maxPlaceholders = 1000;

const placeholderPattern = /\[([A-Z][A-Z0-9_]*)_(\d+)\]/g;

/** Returns the session's placeholder for a value, minting `[ENTITY_n]` if new. Mutates `placeholders`. */
export function placeholderFor(placeholders: Record<string, string>, value: string, entity: string): string | undefined {
  for (const [placeholder, stored] of Object.entries(placeholders)) {
    if (stored === value && placeholder.startsWith(`[${entity}_`)) return placeholder;
  }
  const count = Object.keys(placeholders).length;
  if (count >= maxPlaceholders) return undefined;
  let index = 1;
  for (const placeholder of Object.keys(placeholders)) if (placeholder.startsWith(`[${entity}_`)) index++;
  const placeholder = `[${entity}_${index}]`;
  placeholders[placeholder] = value;
  return placeholder;
}

/** Replaces the session's placeholders in a text with their values; unknown placeholders stay as they are. */
export function restorePlaceholders(text: string, placeholders: Readonly<Record<string, string>>): string {
  return text.replace(placeholderPattern, (placeholder) => placeholders[placeholder] ?? placeholder);
}
