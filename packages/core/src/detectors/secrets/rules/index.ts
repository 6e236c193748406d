import type { SecretRuleInput } from '../secret-rule.ts';
import { aiDataObservabilityRules } from './ai-data-observability.ts';
import { cloudRules } from './cloud.ts';
import { paymentMessagingRules } from './payment-messaging.ts';
import { saasKeyRules } from './saas-keys.ts';
import { vcsCiRules } from './vcs-ci.ts';

/** Every built-in secret rule. Provider formats follow public provider documentation and gitleaks (MIT) rule shapes. */
export const builtinSecretRules: readonly SecretRuleInput[] = [
  ...cloudRules,
  ...vcsCiRules,
  ...paymentMessagingRules,
  ...aiDataObservabilityRules,
  ...saasKeyRules,
];
