import type { SecretRuleInput } from '../secret-rule.ts';
import { tokenEnd, tokenEndDash, tokenStart } from './boundaries.ts';

/** A line break, blank lines allowed, and the next line's indentation. */
const keyLineBreak = String.raw`(?:[ \t]*\r?\n)+[ \t]*`;
/** The current line ends here (trailing spaces allowed), or the text does. */
const keyLineEnd = String.raw`(?=[ \t]*(?:\r?\n|$))`;
/** A line of base64 key material (PGP's `=` checksum line included). */
const keyBase64Line = String.raw`[A-Za-z0-9+/=]+${keyLineEnd}`;
/** An RFC 7468 / RFC 4880 armor header such as `Proc-Type: 4,ENCRYPTED` or `Version: GnuPG v2`. */
const keyArmorHeader = String.raw`[A-Za-z][A-Za-z0-9-]{1,40}: [^\r\n]*`;
const privateKeyHeader = String.raw`-----BEGIN[ A-Z0-9]{0,20}PRIVATE KEY(?: BLOCK)?-----`;
const privateKeyFooter = String.raw`-----END[ A-Z0-9]{0,20}PRIVATE KEY(?: BLOCK)?-----`;

/**
 * A private key block. Complete: header to END line. Unterminated (a stream that has not reached the END line yet, or
 * a key cut off): the header, optional armor headers, a first line of at least 20 base64 characters, then every
 * following base64 line — up to the end of the text while the key is still arriving, so a streaming guard holds back
 * everything from the header on. The run of key lines is atomic (`(?=(…))\1`) so it cannot back off to dodge the
 * END check; a block whose complete END line follows is left to the complete form, as before. A partly arrived END
 * line (`-----END RSA PRIV`) does not count, or the key would go unreported while its footer streams in.
 */
const privateKeyPattern =
  String.raw`${privateKeyHeader}(?:[\s\S]{64,16384}?${privateKeyFooter}` +
  String.raw`|(?:${keyLineBreak}${keyArmorHeader}){0,8}${keyLineBreak}[A-Za-z0-9+/]{20}[A-Za-z0-9+/=]*${keyLineEnd}` +
  String.raw`(?=((?:${keyLineBreak}${keyBase64Line})*))\1(?!\s*${privateKeyFooter}))`;

/** SaaS platforms, private keys, JWTs, authorization headers and generic credential assignments. */
export const saasKeyRules: SecretRuleInput[] = [
  {
    id: 'linear-api-key',
    description: 'Linear API key',
    group: 'saas',
    entity: 'LINEAR_KEY',
    keywords: ['lin_api_'],
    pattern: String.raw`${tokenStart}lin_api_[A-Za-z0-9]{40}${tokenEnd}`,
    minEntropy: 3.5,
    examples: {
      positive: ['LINEAR_API_KEY=lin_api_Pz760iAuQSgjSyKduHxJ0psmORKG1qNhkipnXdSv'],
      negative: ['LINEAR_API_KEY=lin_api_...', 'lin_api_ prefix'],
    },
  },
  {
    id: 'notion-token',
    description: 'Notion integration token',
    group: 'saas',
    entity: 'NOTION_TOKEN',
    keywords: ['ntn_', 'secret_'],
    pattern: String.raw`${tokenStart}(?:ntn_[0-9]{11}[A-Za-z0-9]{32,40}|secret_[A-Za-z0-9]{43})${tokenEnd}`,
    minEntropy: 3.5,
    examples: {
      positive: ['NOTION_TOKEN=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', 'NOTION_API_KEY=secret_iihkphvc4YeTxYZDzgN6A6MlMBj3oygrNdeEO1yUZ4x'],
      negative: ['NOTION_TOKEN=secret_...', 'client_secret_name = "app"'],
    },
  },
  {
    id: 'figma-token',
    description: 'Figma personal access token',
    group: 'saas',
    entity: 'FIGMA_TOKEN',
    keywords: ['figd_'],
    pattern: String.raw`${tokenStart}figd_[A-Za-z0-9_\-]{40}${tokenEndDash}`,
    minEntropy: 3.5,
    examples: {
      positive: ['X-Figma-Token: figd_erS2B7zlhrnm9Tbvt2FPPvck-DTCf3_dbAc8JXQm'],
      negative: ['X-Figma-Token: figd_<token>', 'figd_ prefix'],
    },
  },
  {
    id: 'airtable-pat',
    description: 'Airtable personal access token',
    group: 'saas',
    entity: 'AIRTABLE_TOKEN',
    keywords: ['pat'],
    pattern: String.raw`${tokenStart}pat[A-Za-z0-9]{14}\.[a-f0-9]{64}${tokenEnd}`,
    minEntropy: 3,
    examples: {
      positive: ['Authorization: Bearer patkooYxIycIkdXKI.dd5a9084d84dd06d2c691ddeedd328cc7104a6d5aab74cf9ad366cd0ffd29d64'],
      negative: ['path.join(dir, "file")', 'patterns.json'],
    },
  },
  {
    id: 'age-secret-key',
    description: 'age encryption secret key',
    group: 'key',
    entity: 'AGE_SECRET_KEY',
    keywords: ['age-secret-key-1'],
    pattern: String.raw`AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`,
    examples: {
      positive: ['# created: 2024-01-01\nAGE-SECRET-KEY-12EM6PZ2APGEHYR5HJGGGFHKS6ADQ4GSZ3HDVJ5L6AR94Z8K820S9DKVKVU'],
      negative: ['# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p', 'AGE-SECRET-KEY-1...'],
    },
  },
  {
    id: 'onepassword-service-token',
    description: '1Password service account token',
    group: 'saas',
    entity: 'ONEPASSWORD_TOKEN',
    keywords: ['ops_eyj'],
    pattern: String.raw`${tokenStart}ops_eyJ[A-Za-z0-9+/]{250,}={0,3}(?![A-Za-z0-9+/=])`,
    minEntropy: 4,
    examples: {
      positive: ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoibXkuMXBhc3N3b3JkLmNvbSIsHbw5IGo0ZFRSwRc/kljPiPqKYmZxR2Qw++H9PARp73+G7ek1rclIerKX/zbPBKdDPfeWyVOZ6D3MMH3XAtt2FVk64skQPqUHpAx49pxeL+wenj5yvfLK458WYYOerXX00LYZl0DCgxiZSssyxpJcEGEV8eIJMjV3E+39Jh+aW/0wv61UDWUoHKFOBoNgVuth1XX1MZkt+gc7XtknVXLAedqYGG7Aru8NcSFEsFpjTAC5jyGC+RqFA3dCn/19425fCdv/'],
      negative: ['OP_SERVICE_ACCOUNT_TOKEN=ops_eyJ...', 'ops_eyJ prefix'],
    },
  },
  {
    id: 'postman-api-key',
    description: 'Postman API key',
    group: 'saas',
    entity: 'POSTMAN_KEY',
    keywords: ['pmak-'],
    pattern: String.raw`${tokenStart}PMAK-[a-f0-9]{24}-[a-f0-9]{34}${tokenEnd}`,
    examples: {
      positive: ['X-Api-Key: PMAK-0c8f7fe0a39f02dfcbae578c-5d2fbc63e0fe9031bd15ebd7b6b0c0062a'],
      negative: ['X-Api-Key: PMAK-<key>', 'PMAK- prefix'],
    },
  },
  {
    id: 'mapbox-secret-token',
    description: 'Mapbox secret access token',
    group: 'saas',
    entity: 'MAPBOX_TOKEN',
    keywords: ['sk.eyj'],
    pattern: String.raw`${tokenStart}sk\.eyJ[A-Za-z0-9_\-]{50,}\.[A-Za-z0-9_\-]{20,}${tokenEndDash}`,
    minEntropy: 3.5,
    examples: {
      positive: ['MAPBOX_SECRET=sk.eyJ1Ijoi-fOdV4qPI1-AWZZuorSHrGjR5jSiV5GVtRqeU2aWE7kwY4n-JQrfEX3Ez4QP.R4ts6JUq2vdApH_vt1wdjz'],
      negative: ['mapboxgl.accessToken = "pk.eyJ1IjoiYWNtZSIsImEiOiJjbGFiYzEyMzQifQ.AbCdEfGhIjKlMnOpQrStUv"', 'sk.eyJ...'],
    },
  },
  {
    id: 'contentful-pat',
    description: 'Contentful personal access token',
    group: 'saas',
    entity: 'CONTENTFUL_TOKEN',
    keywords: ['cfpat-'],
    pattern: String.raw`${tokenStart}CFPAT-[A-Za-z0-9_\-]{43}${tokenEndDash}`,
    minEntropy: 3.5,
    examples: {
      positive: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-s06SPK2uYNyD02760QvKZpimlugSrnKjQ9vppT2rx3x'],
      negative: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-...', 'CFPAT- prefix'],
    },
  },
  {
    id: 'shippo-api-token',
    description: 'Shippo API token',
    group: 'saas',
    entity: 'SHIPPO_TOKEN',
    keywords: ['shippo_live_', 'shippo_test_'],
    pattern: String.raw`${tokenStart}shippo_(?:live|test)_[a-f0-9]{40}${tokenEnd}`,
    examples: {
      positive: ['SHIPPO_TOKEN=shippo_live_df27d493cbe260ac4047492265933c7c75104abd'],
      negative: ['SHIPPO_TOKEN=shippo_live_<token>', 'shippo_live_ prefix'],
    },
  },
  {
    id: 'private-key',
    description: 'PEM, OpenSSH or PGP private key block (from its header on, while the END line has not arrived)',
    group: 'key',
    entity: 'PRIVATE_KEY',
    keywords: ['private key'],
    pattern: privateKeyPattern,
    allowPlaceholderShapes: true,
    examples: {
      positive: [
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi4V5aSdMxXn1q+Kn7yGz0cYw8J\nq4Yb3Hq2kFsl0r9vXe6u8B4xZt2mC7pL1nD0aW3yQe5RfT6gH8jK9iL0oM1nP2q\n-----END RSA PRIVATE KEY-----',
        'key: |\n  -----BEGIN OPENSSH PRIVATE KEY-----\n  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n  QyNTUxOQAAACDx3b8Z1nR5kT0vQ2pXyW7sL4mC9aH6jE3uF8gD1iK5oAAAAJgr2vVZK9r1\n  -----END OPENSSH PRIVATE KEY-----',
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBGVx3kIBCADq8Zr2mT5yN1vH7pK3sW9dF4gJ6cL0bX2eQ8uA5iR1oY3tM7nP\n=Ab3d\n-----END PGP PRIVATE KEY BLOCK-----',
        // Unterminated: still streaming, or cut off. The END line is not needed to know a key is leaking.
        'Here is the key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi4V5aSdMxXn1q+Kn7yGz0cYw8J\nq4Yb3Hq2kF',
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n',
        '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,5A2B1C3D4E5F60718293A4B5C6D7E8F9\n\nq4Yb3Hq2kFsl0r9vXe6u8B4xZt2mC7pL1nD0aW3yQe5RfT6gH8jK9iL0oM1nP2q',
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\nlQOYBGVx3kIBCADq8Zr2mT5yN1vH7pK3sW9dF4gJ6cL0bX2eQ8uA5iR1oY3tM7nP\n=Ab3d\n-----EN',
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE',
      ],
      negative: [
        '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi4V5aSdMxXn1q\n-----END PUBLIC KEY-----',
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPx3b8Z1nR5kT0vQ2pXyW7sL4mC9aH6jE3uF8gD1iK5o alice@laptop',
        '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
        // An unterminated public key, and prose about private keys without any key material.
        '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi4V5aSdMxXn1q',
        'A PEM file starts with a line like -----BEGIN PRIVATE KEY----- and ends with the matching END line.',
        '-----BEGIN PRIVATE KEY-----\n<paste your key here>\n',
        '-----BEGIN OPENSSH PRIVATE KEY-----\nNote: never commit this file to the repository.',
      ],
    },
  },
  {
    id: 'jwt',
    description: 'JSON Web Token (header decodes to JSON with an algorithm)',
    group: 'token',
    entity: 'JWT',
    keywords: ['eyj'],
    pattern: String.raw`${tokenStart}eyJ[A-Za-z0-9_\-]{10,}={0,2}\.eyJ[A-Za-z0-9_\-]{10,}={0,2}\.[A-Za-z0-9_\-]{16,}={0,2}(?![A-Za-z0-9_\-=])`,
    minEntropy: 4,
    checksum: 'jwt-header',
    score: 0.85,
    examples: {
      positive: [
        'Authorization: Bearer eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjI3NjM1NiIsIm5hbWUiOiJ1c2VyIiwiaWF0IjoxNzAwNjYyODMwLCJzY29wZSI6InJlYWQgd3JpdGUifQ.efNM9Ose7iueiklufL6uZElvB8VGXxg6gU_0oKvncIX',
      ],
      negative: ['eyJhbGciOiJIUzI1NiJ9 is a JWT header', 'the token looks like eyJ...eyJ...sig'],
    },
  },
  {
    id: 'authorization-header',
    description: 'Bearer or Basic credentials in an Authorization header',
    group: 'token',
    entity: 'AUTH_HEADER',
    keywords: ['authorization', 'bearer', 'basic'],
    ignoreCase: true,
    pattern: String.raw`(?:authorization["']?\s{0,3}[:=]\s{0,3}["']?(?:bearer|basic|token)|-H\s+["']?authorization:\s*(?:bearer|basic|token)|\bbearer)\s+(?<secret>[A-Za-z0-9_\-.~+/]{20,}={0,2})(?![A-Za-z0-9_\-.~+/=])`,
    minEntropy: 3.7,
    strictValue: true,
    score: 0.8,
    examples: {
      positive: ['Authorization: Bearer 8yVDddYydgbsxSlKqCR8b71UFjS9Hf_FoJMJP3Wkc5QXZfhH', 'curl -H "Authorization: Basic zD9v4s4uJz5JBij9K2rcoA7RqgdDtvT/47/7LlY4" https://api.acme.io'],
      negative: ['Authorization: Bearer ${TOKEN}', 'Authorization: Bearer <your-token>', 'use bearer authentication for the API'],
    },
  },
  {
    id: 'password-in-prose',
    description: 'A password or passcode stated in prose ("your temporary password is …")',
    group: 'generic',
    entity: 'PASSWORD',
    keywords: ['password', 'passcode', 'passphrase', 'passwort', 'contraseña', 'mot de passe'],
    ignoreCase: true,
    pattern: String.raw`(?:password|passcode|passphrase|passwort|contraseña|mot de passe)\s+(?:is|was|ist|es|est|lautet)\s*:?\s*["'“«]?(?<secret>[^\s"'”»]{6,64}?)["'”»]?(?=[.,;!?]?(?:\s|$))`,
    minEntropy: 2.5,
    strictValue: true,
    score: 0.75,
    examples: {
      positive: ['Your temporary password is Tr0ub4dor&3, reset link below.', 'Das Passwort lautet: Wint3r-Sonne!'],
      negative: ['The password is required.', 'Your password is incorrect, try again.', 'the password is stored in the vault', 'password is ${DB_PASSWORD}'],
    },
  },
  {
    id: 'generic-credential',
    description: 'High-entropy value assigned to a password, secret, token or API-key variable',
    group: 'generic',
    entity: 'SECRET',
    keywords: ['pass', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'access_key', 'accesskey', 'credential', 'auth'],
    ignoreCase: true,
    pattern: String.raw`(?:password|passwd|pwd|secret|token|api[_\-]?key|access[_\-]?key|credentials?|auth[_\-]?key)(?:[_\-.]?[a-z0-9]{1,12}){0,2}\\?["']?\s{0,3}(?::=|=>|=|:|\s=\s)\s{0,3}\\?["'\x60]?(?<secret>[A-Za-z0-9!#$%&()*+,\-./:;<>?@\[\]^_{|}~]{10,128})(?=\\?["'\x60]?(?:\s|$|[,;}\]\)"'\\]))`,
    minEntropy: 3.5,
    strictValue: true,
    score: 0.7,
    examples: {
      positive: ['password = "o5MEYMBiSB@ZDd5G2x"', '{"stdout": "password = \\"LAbP@v4@%W3ucGb\\""}', 'client_secret: fC1n6PpuyluRWWZXAPwXAjFRLoTfx1er', 'API_KEY=YeMq5unWIsCsEby5lYPsIPYUtRpSMgUsFDJruONN'],
      negative: [
        'password = os.environ["DB_PASSWORD"]',
        'token: ${{ secrets.GITHUB_TOKEN }}',
        'api_key = get_api_key_from_vault()',
        'password: changeme',
        'secret_name: production-database-password',
        'token_type = "bearer_authentication"',
      ],
    },
  },
];
