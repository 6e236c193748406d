/**
 * Attack cues: words and phrases that ordinary requests rarely use and attacks nearly always do — talk of lifting
 * rules ("no restrictions", "uncensored", "ignore the guidelines"), of the model's makers and rules ("your
 * programming", "content policy"), of its hidden instructions ("system prompt", "maintenance mode"), of refusal
 * ("never refuse", "stay in character"), or of harm ("illegal", "malicious"). Model names ("ChatGPT", "Claude") are
 * not cues: prompts about AI name them all the time. A cue is **not** an attack on its own: "our content policy forbids spam" and "explain why phishing is
 * illegal" are harmless. Fusion uses cues only to corroborate the classifier on user prompts: a role-play or task prompt
 * that the model finds attack-like ("You are a grumpy lighthouse keeper. Describe your day.") but that carries no cue
 * is flagged, not blocked.
 *
 * Each pattern is linear-time (no nested or adjacent unbounded quantifiers) and runs on the normalized text.
 */

const liftingVerbs = String.raw`(?:no|without|free\s+(?:(?:itself|yourself|themselves|himself|herself)\s+)?(?:of|from)|beyond|break(?:ing)?\s+(?:free\s+(?:of|from)|out\s+of)|bypass(?:es|ing)?|ignor(?:e|es|ing)|disregard(?:s|ing)?|violat(?:e|es|ing)|remov(?:e|ed|es|ing)|lift(?:ed|s|ing)?|abandon(?:ed|s|ing)?|unbound\s+by|not\s+bound\s+by)`;
const ruleNouns = String.raw`(?:restrictions?|rules|limit(?:s|ations)|filters?|filtering|censorship|guidelines|polic(?:y|ies)|ethics|morals?|morality|boundaries|constraints|safeguards|programming|principles|guardrails|safety\s+(?:measures|protocols|training))`;
const determiners = String.raw`(?:(?:any|all|the|its|your|their|of|moral|ethical|content|safety|usual|typical|normal|openai'?s?|such)\s+){0,3}`;

/** Cue patterns, case-insensitive; the first group of languages besides English covers the most common phrasings. */
export const attackCuePatterns: readonly RegExp[] = [
  new RegExp(String.raw`\b${liftingVerbs}\s+${determiners}${ruleNouns}\b`, 'iu'),
  /\b(?:unfiltered|uncensored|unrestricted|unlimited\s+power|amoral|unethical|immoral|illegal|illicit|jailbr(?:eak|oken|eaking)|developer[\s_\\-]*mode|god[\s_\\-]*mode|do\s+anything\s+now)\b|\b(?:stay|remain)\s+in\s+[\p{L}\d_-]{2,30}\s+mode\b/iu,
  /\b(?:never|not|cannot|won't|must\s+not|don't)\s+(?:ever\s+)?(?:refuse|decline|deny|reject)\b|\bstay\s+in\s+character\b|\bbreak(?:ing)?\s+character\b/iu,
  /\b(?:content|usage|safety)\s+polic(?:y|ies)\b|\byour\s+(?:creators?|developers?|training|programming)\b/iu,
  /\b(?:offensive|explicit|harmful|dangerous|malicious|hateful|violent|nsfw|obscene|derogatory|discriminatory|pornographic|vulgar|profanity|racist|sexist|slurs?|explosives?|malware|ransomware)\b/iu,
  /\bwithout\s+(?:any\s+)?(?:warnings?|disclaimers?|hesitation|questions?|caveats?|judg(?:e)?ment)\b|\bsure,?\s+here\s+(?:is|are)\b|\b(?:any|every)\s+(?:request|question|prompt)\b|\banything\s+(?:you|i|they)\s+(?:want|ask|say)\b/iu,
  /\b(?:system|initial|hidden|original|secret|pre-?prompt|developer)\s+(?:prompt|instructions?|message|configuration|directives?)\b|\byour\s+(?:instructions|directives|system\s+message|guardrails)\b|\b(?:maintenance|admin(?:istrator)?|debug|root|sudo|unrestricted)\s+(?:mode|override|access)\b|\boverride\s+(?:mode|protocol|command)\b/iu,
  // German, French, Spanish, Portuguese, Italian, Russian, Chinese, Japanese.
  /\b(?:ohne|keine)\s+(?:jegliche\s+)?(?:einschränkungen|regeln|grenzen|zensur|filter)\b|\bunzensiert\b/iu,
  /\b(?:sans|aucune?)\s+(?:restrictions?|règles|limites|censure|filtres?)\b|\bnon\s+censuré\b/iu,
  /\b(?:sin|ninguna?s?|sem|nenhuma?)\s+(?:restricciones|reglas|límites|censura|filtros?|restrições|regras|limites)\b|\bsin\s+censura\b/iu,
  /\b(?:senza|nessuna?)\s+(?:restrizioni|regole|limiti|censura|filtri)\b/iu,
  /(?:без|никаких)\s+(?:ограничений|правил|цензуры|фильтров)/iu,
  /(?:没有|不受|无视|忽略)(?:任何)?(?:限制|规则|审查|约束|道德)|不受限制/u,
  /(?:制限|ルール|検閲|規則)(?:なし|を無視|のない)/u,
];

/** True when the text carries at least one attack cue (see {@link attackCuePatterns}). */
export function hasAttackCue(text: string): boolean {
  return attackCuePatterns.some((pattern) => pattern.test(text));
}
