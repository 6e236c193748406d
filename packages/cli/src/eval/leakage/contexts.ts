import type { Random } from './random.ts';

/** Where a value is embedded: the text around it, as an agent would see it. */
export type ContextKind = 'env-file' | 'yaml' | 'json-result' | 'log' | 'code' | 'chat' | 'markdown' | 'shell';

/** Embeds a whole line (e.g. `API_KEY=...`) or a bare value in a realistic surrounding text. */
export function embed(kind: ContextKind, line: string, name: string, random: Random): string {
  const lower = name.toLowerCase();
  const bare = !/[=:]/.test(line) || /^https?:|^[a-z+]+:\/\//i.test(line);
  switch (kind) {
    case 'env-file':
      return `# production settings\nNODE_ENV=production\nPORT=8080\n${bare ? `${name}=${line}` : line}\nLOG_LEVEL=info\n`;
    case 'yaml':
      return `service:\n  name: billing-api\n  replicas: 3\n  ${bare ? `${lower}: "${line}"` : line.replace(/^(\w+)=/, '$1: ')}\n  timeout: 30s\n`;
    case 'json-result':
      return JSON.stringify({ status: 'ok', item: { id: 1042 + random.int(9000), [bare ? lower : 'config']: line, updated: '2026-03-14T10:22:31Z' } });
    case 'log':
      return `2026-03-14T10:22:${10 + random.int(49)}Z INFO worker started pid=${1000 + random.int(9000)}\n2026-03-14T10:22:31Z DEBUG loaded ${bare ? `${lower}=${line}` : line} from environment\n2026-03-14T10:22:32Z INFO ready`;
    case 'code':
      return bare
        ? `import { Client } from './client.js';\n\nconst client = new Client({ ${camel(lower)}: '${line}', timeoutMs: 5000 });\nexport default client;\n`
        : `# settings.py\nDEBUG = False\n${line}\nALLOWED_HOSTS = ["api.internal"]\n`;
    case 'chat':
      return random.pick([
        `hey, here's what you asked for: ${line} — please don't share it around`,
        `Can you check why this fails? I'm using ${line} and the API says unauthorized.`,
        `Sure! The value for ${name} is ${line}. Let me know if you need anything else.`,
      ]);
    case 'markdown':
      return `To configure the client, set the variable:\n\n\`\`\`bash\nexport ${bare ? `${name}='${line}'` : line}\n\`\`\`\n\nThen restart the service.`;
    case 'shell':
      return `$ ${bare ? `${name}=${line}` : `export ${line}`} ./deploy.sh --env prod\nDeploying billing-api to prod... done`;
    default:
      return line;
  }
}

/** Every context kind. */
export const contextKinds: readonly ContextKind[] = ['env-file', 'yaml', 'json-result', 'log', 'code', 'chat', 'markdown', 'shell'];

function camel(name: string): string {
  return name.replace(/[_-]+([a-z0-9])/g, (_match, char: string) => char.toUpperCase());
}
