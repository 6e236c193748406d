/** A compiled tool-name glob: `*` matches any run of characters, `?` one character; everything else is literal. */
export interface ToolGlob {
  readonly source: string;
  test(name: string): boolean;
}

/** Compiles a tool-name glob once. Matching is case-sensitive, on the whole name. */
export function compileGlob(source: string): ToolGlob {
  if (!/[*?]/.test(source)) return { source, test: (name) => name === source };
  const body = source.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const pattern = new RegExp(`^${body}$`, 's');
  return { source, test: (name) => pattern.test(name) };
}
