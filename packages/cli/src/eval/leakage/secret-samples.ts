import { crc32 } from 'node:zlib';
import type { Random } from './random.ts';

/**
 * Token shapes per secret rule, written from each provider's documented format (not from the detector's
 * patterns). `{SET:n}` draws n characters from a named alphabet; `{GITHUB:prefix}` builds a checksummed token.
 */
export const secretTemplates: Readonly<Record<string, readonly string[]>> = {
  'aws-access-key-id': ['AKIA{B32U:16}', 'ASIA{B32U:16}'],
  'aws-secret-access-key': ['aws_secret_access_key = {B64:40}', 'AWS_SECRET_ACCESS_KEY="{B64:40}"'],
  'gcp-api-key': ['AIza{URL:35}'],
  'gcp-oauth-client-secret': ['GOCSPX-{URL:28}'],
  'azure-storage-account-key': ['DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey={B64:86}==;EndpointSuffix=core.windows.net'],
  'azure-ad-client-secret': ['{AN:3}8Q~{AN:34}'],
  'digitalocean-token': ['dop_v1_{H:64}', 'doo_v1_{H:64}'],
  'heroku-api-key': ['HRKU-AA{URL:58}'],
  'alibaba-access-key-id': ['LTAI{AN:20}'],
  'cloudflare-api-token': ['CLOUDFLARE_API_TOKEN={URL:40}'],
  'cloudflare-origin-ca-key': ['v1.0-{H:24}-{H:146}'],
  'flyio-token': ['fo1_{URL:43}'],
  'doppler-token': ['dp.pt.{ANL:43}'],
  'hashicorp-vault-token': ['hvs.{URL:95}'],
  'terraform-cloud-token': ['{ANL:14}.atlasv1.{ANL:67}'],
  'pulumi-access-token': ['pul-{H:40}'],
  'github-pat': ['{GITHUB:ghp}'],
  'github-oauth-token': ['{GITHUB:gho}'],
  'github-app-token': ['{GITHUB:ghu}', '{GITHUB:ghs}'],
  'github-refresh-token': ['{GITHUB:ghr}'],
  'github-fine-grained-pat': ['github_pat_11{ANU:20}_{AN:59}'],
  'gitlab-pat': ['glpat-{URL:20}'],
  'gitlab-pipeline-trigger-token': ['glptt-{H:40}'],
  'gitlab-runner-token': ['glrt-{URL:20}', 'GR1348941{URL:20}'],
  'gitlab-deploy-token': ['gldt-{URL:20}'],
  'gitlab-oauth-app-secret': ['gloas-{H:64}'],
  'bitbucket-app-password': ['ATBB{AN:32}'],
  'atlassian-api-token': ['ATATT3xFfGF0{URL:171}={HU:8}'],
  'circleci-token': ['CCIPAT_{AN:22}_{H:40}'],
  'buildkite-token': ['bkua_{H:40}'],
  'npm-token': ['{NPM}'],
  'pypi-token': ['pypi-AgEIcHlwaS5vcmc{URL:70}'],
  'rubygems-api-key': ['rubygems_{H:48}'],
  'nuget-api-key': ['oy2{ANL:43}'],
  'dockerhub-pat': ['dckr_pat_{URL:27}'],
  'clojars-token': ['CLOJARS_{ANL:60}'],
  'artifactory-api-key': ['AKCp{AN:69}'],
  'stripe-secret-key': ['sk_live_{AN:24}', 'rk_live_{AN:99}', 'sk_test_51{AN:96}'],
  'stripe-webhook-secret': ['whsec_{AN:32}'],
  'square-access-token': ['EAAA{URL:60}', 'sq0atp-{URL:22}'],
  'square-oauth-secret': ['sq0csp-{URL:43}'],
  'braintree-access-token': ['access_token$production${ANL:16}${H:32}'],
  'shopify-access-token': ['shpat_{H:32}', 'shpca_{H:32}', 'shppa_{H:32}'],
  'shopify-shared-secret': ['shpss_{H:32}'],
  'flutterwave-secret-key': ['FLWSECK-{H:32}-X', 'FLWSECK_TEST-{H:32}-X'],
  'plaid-access-token': ['access-production-{UUID}', 'access-sandbox-{UUID}'],
  'slack-bot-token': ['xoxb-{D:12}-{D:13}-{AN:24}'],
  'slack-user-token': ['xoxp-{D:12}-{D:12}-{D:13}-{H:32}'],
  'slack-app-token': ['xapp-1-A{ANU:10}-{D:13}-{H:64}'],
  'slack-config-token': ['xoxe.xoxp-1-{ANU:166}', 'xoxe-1-{ANU:146}'],
  'slack-webhook-url': ['https://hooks.slack.com/services/T{ANU:10}/B{ANU:10}/{AN:24}'],
  'discord-webhook-url': ['https://discord.com/api/webhooks/{D:18}/{URL:68}'],
  'telegram-bot-token': ['{D:10}:AA{URL:33}'],
  'twilio-api-key': ['SK{H:32}'],
  'twilio-auth-token': ['TWILIO_AUTH_TOKEN={H:32}'],
  'sendgrid-api-key': ['SG.{URL:22}.{URL:43}'],
  'mailgun-api-key': ['MAILGUN_API_KEY=key-{H:32}'],
  'mailchimp-api-key': ['{H:32}-us{D:2}'],
  'teams-webhook-url': ['https://contoso.webhook.office.com/webhookb2/{UUID}@{UUID}/IncomingWebhook/{H:32}/{UUID}'],
  'openai-api-key': ['sk-proj-{URL:74}T3BlbkFJ{URL:74}', 'sk-{AN:20}T3BlbkFJ{AN:20}'],
  'anthropic-api-key': ['sk-ant-api03-{URL:93}AA', 'sk-ant-admin01-{URL:93}AA'],
  'huggingface-token': ['hf_{AL:34}'],
  'groq-api-key': ['gsk_{AN:52}'],
  'replicate-api-token': ['r8_{AN:37}'],
  'perplexity-api-key': ['pplx-{AN:48}'],
  'xai-api-key': ['xai-{AN:80}'],
  'langsmith-api-key': ['lsv2_pt_{H:32}_{H:10}', 'lsv2_sk_{H:32}_{H:10}'],
  'openrouter-api-key': ['sk-or-v1-{H:64}'],
  'database-connection-string': [
    'postgres://app_user:{AN:20}@db.internal.example.net:5432/orders',
    'mongodb+srv://admin:{AN:16}@cluster0.ab1cd.mongodb.net/prod?retryWrites=true',
    'mysql://root:{AN:18}@10.0.4.12:3306/shop',
    'redis://default:{AN:24}@cache.internal:6379/0',
  ],
  'planetscale-token': ['pscale_tkn_{URL:43}', 'pscale_pw_{URL:43}'],
  'databricks-token': ['dapi{H:32}'],
  'datadog-api-key': ['DD_API_KEY={H:32}', 'datadog_app_key: {H:40}'],
  'newrelic-user-api-key': ['NRAK-{ANU:27}'],
  'newrelic-insert-key': ['NRII-{URL:32}'],
  'sentry-token': ['sntryu_{H:64}', 'sntrys_eyJpYXQiOjE3MDA{URL:80}'],
  'grafana-token': ['glsa_{AN:32}_{H:8}', 'glc_eyJvIjoiMTIzNDU2Ny{URL:60}'],
  'dynatrace-token': ['dt0c01.{ANU:24}.{ANU:64}'],
  'posthog-personal-api-key': ['phx_{AN:43}'],
  'linear-api-key': ['lin_api_{AN:40}'],
  'notion-token': ['ntn_{D:11}{AN:35}', 'secret_{AN:43}'],
  'figma-token': ['figd_{URL:40}'],
  'airtable-pat': ['pat{AN:14}.{H:64}'],
  'age-secret-key': ['AGE-SECRET-KEY-1{BECH:58}'],
  'onepassword-service-token': ['ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIs{B64:260}'],
  'postman-api-key': ['PMAK-{H:24}-{H:34}'],
  'mapbox-secret-token': ['sk.eyJ1Ijoi{URL:60}.{URL:22}'],
  'contentful-pat': ['CFPAT-{URL:43}'],
  'shippo-api-token': ['shippo_live_{H:40}'],
  'private-key': ['{PEM}'],
  jwt: ['{JWT}'],
  'authorization-header': ['Authorization: Bearer {URL:48}', 'Authorization: Basic {B64:40}'],
  'password-in-prose': ['Your temporary password is {PASS} — change it after login.', 'The new passcode is {PASS}.'],
  'generic-credential': ['password = "{PASS}"', 'client_secret: {AN:32}', 'API_KEY={AN:40}'],
};

const alphabets: Readonly<Record<string, string>> = {
  U: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  L: 'abcdefghijklmnopqrstuvwxyz',
  AL: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  D: '0123456789',
  H: '0123456789abcdef',
  HU: '0123456789ABCDEF',
  AN: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  ANL: 'abcdefghijklmnopqrstuvwxyz0123456789',
  ANU: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  B32U: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  B64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  URL: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
  BECH: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
};

const passwordAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#%^&*';

/** Expands one token template with a seeded random source. */
export function expandTemplate(template: string, random: Random): string {
  return template.replace(/\{([A-Z0-9]+)(?::([A-Za-z0-9]+))?\}/g, (_whole, name: string, argument: string | undefined) => {
    switch (name) {
      case 'GITHUB':
        return checksummedToken(`${argument ?? 'ghp'}_`, random);
      case 'NPM':
        return checksummedToken('npm_', random);
      case 'UUID':
        return `${random.string(alphabets.H!, 8)}-${random.string(alphabets.H!, 4)}-4${random.string(alphabets.H!, 3)}-a${random.string(alphabets.H!, 3)}-${random.string(alphabets.H!, 12)}`;
      case 'PASS':
        return random.string(passwordAlphabet, 14 + random.int(8));
      case 'PEM':
        return pemKey(random);
      case 'JWT':
        return jwt(random);
      default: {
        const alphabet = alphabets[name];
        if (!alphabet) throw new Error(`unknown template alphabet ${name}`);
        return random.string(alphabet, Number(argument ?? 1));
      }
    }
  });
}

const base62Alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  do {
    out = base62Alphabet[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

/** GitHub/npm token format: 30 random base-62 characters, then the base-62 CRC-32 of them (6 characters). */
function checksummedToken(prefix: string, random: Random): string {
  const body = random.string(alphabets.AN!, 30);
  return `${prefix}${body}${base62(crc32(body), 6)}`;
}

function pemKey(random: Random): string {
  const kind = random.pick(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PGP PRIVATE KEY BLOCK']);
  const lines: string[] = [];
  const count = 4 + random.int(10);
  for (let index = 0; index < count; index++) lines.push(random.string(alphabets.B64!, 64));
  const body = kind === 'OPENSSH PRIVATE KEY' ? ['b3BlbnNzaC1rZXktdjEAAAAA' + random.string(alphabets.B64!, 40), ...lines] : lines;
  return `-----BEGIN ${kind}-----\n${body.join('\n')}\n-----END ${kind}-----`;
}

function jwt(random: Random): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: random.pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' });
  const payload = encode({ sub: random.string(alphabets.D!, 8), name: 'user', iat: 1_700_000_000 + random.int(1_000_000), scope: 'read write' });
  return `${header}.${payload}.${random.string(alphabets.URL!, 43)}`;
}

/** A template split into the text around the secret and the secret itself (from the first to the last placeholder). */
export function expandSample(template: string, random: Random): { line: string; secret: string } {
  const first = template.indexOf('{');
  const last = template.lastIndexOf('}');
  const secret = expandTemplate(template.slice(first, last + 1), random);
  return { line: template.slice(0, first) + secret + template.slice(last + 1), secret };
}
