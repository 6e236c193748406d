/**
 * Regular-expression building blocks for rules that read the structure of one English sentence: where a sentence
 * starts, what stays inside it, and whether it opens with an order (an imperative verb). They are sources, joined into
 * rule patterns; every repetition is bounded and its alternatives start with disjoint characters, so a pattern built
 * from them never backtracks ambiguously (linear in the text for a fixed window).
 */

/**
 * One unit inside a sentence: a character that cannot end it; a `.`, `!` or `?` followed by a non-space (a domain such
 * as `example.com`, a version, a decimal, an ellipsis); or a whole quoted string, whose own `!` and `.` do not end the
 * sentence around it. An unclosed quote and a table cell's `|` after the dot end the sentence.
 */
export const sentenceUnit = String.raw`(?:[^.!?\n"“”]|[.!?](?=[^\s"“”'’)\]|])|"[^"\n]{0,160}"|“[^”\n]{0,160}”)`;

/** A sentence unit that does not start the word "your" (outside quotes): the object of an order is not the reader's own. */
export const unitWithoutYour = String.raw`(?:(?!\byour\b)${sentenceUnit})`;

/**
 * Where a sentence starts: the start of the text (after any blank space); after a sentence end (`.`, `!`, `?`, `:`,
 * `;`) and spaces or a line break; after a table cell's `|`; a line after a blank line; a list item; a line that holds
 * whole sentences (not indented, ends with `.`, `!`, `?` or `:`). A line break alone is not one: wrapped prose
 * continues its sentence on the next line.
 */
export const sentenceStart = String.raw`(?:^\s{0,8}|[.!?:;|]["”'’)\]]?(?:[^\S\n]+\n?|\n)|\||\n[^\S\n]{0,8}(?:\n|[-*•>+][^\S\n])|\n[^\S\n]?(?=[^\s][^\n]{0,300}?[.!?:]["”'’)\]]?[^\S\n]{0,8}(?:\n|$)))[^\S\n]{0,8}`;

/** Words that open a sentence without being an order: pronouns, determiners, conjunctions, greetings, thanks. */
const notAnOrder = String.raw`(?:the|a|an|this|that|these|those|your|my|our|their|his|her|its|i|i'm|you|we|they|he|she|it|there|here|thanks?|hope|hi|hello|dear|regards|cheers|as|if|when|whenever|while|since|because|so|and|but|or|nor|what|which|who|whom|whose|how|why|where|all|any|each|every|no|not|one|some|once|after|before|for|from|in|on|at|by|with|to|of|about|via|per|also|just|only|even|look|looking|attached|based|according|sorry|welcome|best|kind|warm|many|much|more|most|very|well|yes|ok|okay|note|ps|re|fw|fwd|is|are|was|were|will|would|can|could|should|may|might|do|does|did|have|has|had|please|kindly|then|now|finally|lastly|additionally|moreover)`;

/** Optional words before an order: politeness, sequence, and "don't forget to", "make sure to", "you must". */
export const orderLeadIn = String.raw`(?:(?:please|kindly|also|now|then|and|finally|lastly|additionally|moreover)[,:]?[^\S\n]+){0,2}(?:(?:don['’]t|do\s+not|never)\s+(?:forget|hesitate|fail)\s+to\s+|(?:make|be)\s+sure\s+to\s+|remember\s+to\s+|try\s+to\s+|feel\s+free\s+to\s+|consider\s+|always\s+|you\s+(?:must|should|need\s+to|have\s+to|are\s+to)\s+)?`;

/**
 * The verb of an order: any word that is not in {@link notAnOrder} and not an -ing form ("Looking forward to…"). An open
 * slot: the sentence structure around it (start of sentence, then object, then "your reply") is what makes it an order.
 */
export const orderVerb = String.raw`(?!${notAnOrder}\b)[a-z]+(?<!ing)\b`;

/** What the reader produces: its reply, response, answer, output, summary or translation. */
export const replyNoun = String.raw`(?:reply|replies|response|responses|answer|answers|output|outputs|summary|summaries|translation)`;
