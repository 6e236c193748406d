/** The separator between a server name and a tool or prompt name when names are namespaced. */
export const namespaceSeparator = '__';

/** The name a client sees for a server's tool or prompt. */
export function exposedName(server: string, name: string, namespace: boolean): string {
  return namespace ? `${server}${namespaceSeparator}${name}` : name;
}
