import { createHash } from 'node:crypto';
import type { Random } from './random.ts';

/** Hard negatives: values that look like secrets or personal data but are not, each in a realistic line. */
export const negativeGenerators: Readonly<Record<string, (random: Random) => string>> = {
  'hash-hex': (random) => {
    const data = random.string('abcdefghijklmnopqrstuvwxyz', 20);
    const algorithm = random.pick(['md5', 'sha1', 'sha256', 'sha512']);
    const digest = createHash(algorithm).update(data).digest('hex');
    return random.pick([`${algorithm}: ${digest}`, `{"etag": "${digest}", "size": 20431}`, `checksum=${digest} file=release.tar.gz`]);
  },
  uuid: (random) => {
    const uuid = `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${random.pick(['8', '9', 'a', 'b'])}${hex(random, 3)}-${hex(random, 12)}`;
    return random.pick([`request_id=${uuid}`, `{"id": "${uuid}", "type": "order"}`, `Trace ${uuid} completed in 31 ms`]);
  },
  'git-sha': (random) => random.pick([`commit ${hex(random, 40)}`, `Merge ${hex(random, 7)} into main`, `"sha": "${hex(random, 40)}"`]),
  'lockfile-integrity': (random) => `"integrity": "sha512-${base64(random, 86)}=="`,
  'base64-image': (random) => `![screenshot](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA${base64(random, 200 + random.int(800))})`,
  'public-key': (random) =>
    random.pick([
      `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${base64(random, 300)} deploy@ci`,
      `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${base64(random, 43)} alice@laptop`,
      `-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA${base64(random, 20)}\n${base64(random, 64)}\n-----END PUBLIC KEY-----`,
      `publishableKey: "pk_live_${base64Alnum(random, 24)}"`,
    ]),
  placeholder: (random) =>
    random.pick([
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'OPENAI_API_KEY=sk-...xxxx',
      'OPENAI_API_KEY=<YOUR_API_KEY>',
      'api_key: ${OPENAI_API_KEY}',
      'token: ${{ secrets.GITHUB_TOKEN }}',
      'password: changeme',
      'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
      'SLACK_BOT_TOKEN=xoxb-your-token-here',
      'password = "********"',
      'DATABASE_URL=postgres://user:password@localhost:5432/app',
      'Authorization: Bearer <token>',
      'API_KEY=your-api-key-here',
    ]),
  'checksum-invalid-token': (random) => `GITHUB_TOKEN=${random.pick(['ghp', 'gho', 'ghs'])}_${base64Alnum(random, 36)}`,
  'luhn-invalid-card': (random) => {
    for (;;) {
      const digits = `${random.pick(['4', '51', '37', '6011'])}${random.string('0123456789', 14)}`.slice(0, 16);
      if (!luhn(digits)) return random.pick([`card number: ${digits.replace(/(\d{4})(?=\d)/g, '$1 ')}`, `ref ${digits}`, `"pan": "${digits}"`]);
    }
  },
  'test-card': (random) => `Use the test card ${random.pick(['4242 4242 4242 4242', '4111 1111 1111 1111', '5555 5555 5555 4444', '3782 822463 10005'])} in the sandbox.`,
  'order-number': (random) =>
    random.pick([
      `Order #${random.string('0123456789', 10)} shipped via UPS`,
      `tracking: 1Z${random.string('0123456789ABCDEFGHJKLMNPRSTUVWXYZ', 16)}`,
      `invoice ${random.string('0123456789', 3)}-${random.string('0123456789', 3)}-${random.string('0123456789', 4)} is overdue`,
      `epoch ${1_700_000_000_000 + random.int(1_000_000_000)}`,
    ]),
  'version-or-private-ip': (random) =>
    random.pick([
      `version ${random.int(9)}.${random.int(20)}.${random.int(50)}.${random.int(300)}`,
      `listening on 127.0.0.1:${1024 + random.int(6000)}`,
      `db host 10.${random.int(255)}.${random.int(255)}.${1 + random.int(254)}`,
      `gateway 192.168.${random.int(255)}.1`,
    ]),
  'date-without-birth-context': (random) => `Released on ${1990 + random.int(35)}-${pad(1 + random.int(12))}-${pad(1 + random.int(28))} with bug fixes.`,
  'example-email': (random) => `Send feedback to ${random.pick(['user', 'someone', 'jane.doe', 'admin'])}@example.com or noreply@example.org`,
  'object-ids-and-arns': (random) =>
    random.pick([
      `customer cus_${base64Alnum(random, 14)} paid invoice in_${base64Alnum(random, 24)}`,
      `arn:aws:iam::${random.string('0123456789', 12)}:role/deploy-${random.string('abcdefghijklmnopqrstuvwxyz', 6)}`,
      `image: ghcr.io/acme/api@sha256:${hex(random, 64)}`,
      `"messageId": "<${base64Alnum(random, 20)}@mail.gmail.com>"`,
      `ISBN 978-${random.int(10)}-${random.string('0123456789', 2)}-${random.string('0123456789', 6)}-${random.int(10)}`,
    ]),
  'code-constants': (random) =>
    random.pick([
      `const MAGIC = 0x${hex(random, 8).toUpperCase()}; // file signature`,
      `color: #${hex(random, 6)}; background: #${hex(random, 6)};`,
      `const KEY_PREFIX = "cache:v2:"; const ttl = ${random.int(100000)};`,
      `assert.equal(hash("abc"), "${hex(random, 64)}");`,
      `export const id = "${base64Alnum(random, 21)}"; // nanoid`,
    ]),
  'benign-prose': (random) =>
    random.pick([
      'The quarterly report shows revenue up 4.2% with most growth in the EMEA region; 1,204 new customers signed up in March.',
      'Run the migrations before you start the worker. The server listens on port 8080 and retries after 200 ms, capped at 30 seconds.',
      'Meeting notes: ship the beta on 2026-04-14, freeze features next week, and review the 3 open security tickets (#4512, #4519, #4520).',
      `Build ${random.int(9999)} finished in ${random.int(600)} s; ${random.int(3000)} tests passed, ${random.int(5)} skipped.`,
    ]),
  'identifier-assignment': (random) =>
    random.pick([
      'password = os.environ["DB_PASSWORD"]',
      'api_key = get_api_key_from_vault()',
      'secret_name: production-database-password',
      'token_type = "bearer"',
      'const token = await getToken(request.headers.authorization);',
      `auth_token_ttl_seconds = ${random.int(86400)}`,
    ]),
};

function hex(random: Random, count: number): string {
  return random.string('0123456789abcdef', count);
}

function base64(random: Random, count: number): string {
  return random.string('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', count);
}

function base64Alnum(random: Random, count: number): string {
  return random.string('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', count);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = Number(digits[index]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}
