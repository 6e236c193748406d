/**
 * Start of a token: not preceded by a letter, digit or underscore, unless that is a percent-escape (`%3D` in a URL).
 * A pattern that begins with this marker has it checked in code after the match, so the regex starts with the
 * token's literal prefix and the engine can skip ahead to it.
 */
export const tokenStart = String.raw`(?:(?<![A-Za-z0-9_])|(?<=%[0-9A-Fa-f]{2}))`;
/** End of a token: not followed by a letter, digit or underscore. */
export const tokenEnd = String.raw`(?![A-Za-z0-9_])`;
/** End of a token whose alphabet includes `-`. */
export const tokenEndDash = String.raw`(?![A-Za-z0-9_-])`;
/** An assignment between a key name and its value: `=`, `:`, `=>`, `:=`, quoted or not, within a few characters. */
export const assignment = String.raw`[\w.\-]{0,24}\\?["']?\s{0,3}(?::=|=>|=|:)\s{0,3}\\?["'\x60]?`;
