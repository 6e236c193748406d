import type { Finding } from '../finding.ts';
import { moreSevere, type Category, type Decision, type Surface } from '../surface.ts';
import { defaultCategoryRules, defaultSurfaceRules } from './defaults.ts';
import type { CategoryRule, Policy } from './policy-schema.ts';

/** The policy's answer for a set of findings. */
export interface PolicyOutcome {
  decision: Decision;
  /** Composite risk 0..1 (noisy-or of the category scores). */
  score: number;
  /** Score per category present (noisy-or of its findings). */
  categories: Partial<Record<Category, number>>;
  /** Categories that drove the decision, most severe first. */
  triggered: Category[];
}

/** The rule in force for a category on a surface: defaults (per category, then per surface), then the policy's categories, then its surface overrides. */
export function categoryRule(policy: Policy, surface: Surface, category: Category): CategoryRule {
  return {
    ...defaultCategoryRules[category],
    ...defaultSurfaceRules[surface]?.[category],
    ...policy.categories[category],
    ...policy.surfaces[surface]?.categories?.[category],
  };
}

/** Maps findings to a decision and a composite score. Pure: same findings and policy, same outcome. */
export function evaluatePolicy(findings: readonly Finding[], policy: Policy, surface: Surface): PolicyOutcome {
  const remaining = new Map<Category, number>();
  const demanded = new Map<Category, Decision>();
  for (const finding of findings) {
    remaining.set(finding.category, (remaining.get(finding.category) ?? 1) * (1 - finding.score));
    if (finding.decision) demanded.set(finding.category, moreSevere(demanded.get(finding.category) ?? 'allow', finding.decision));
  }
  const categories: Partial<Record<Category, number>> = {};
  let decision: Decision = 'allow';
  let clean = 1;
  const triggered: Array<[Category, Decision]> = [];
  for (const [category, left] of remaining) {
    const score = round(1 - left);
    categories[category] = score;
    clean *= left;
    const rule = categoryRule(policy, surface, category);
    let categoryDecision: Decision = 'allow';
    if (score >= rule.threshold) categoryDecision = rule.action;
    else if (rule.flagAt !== undefined && score >= rule.flagAt) categoryDecision = 'flag';
    if (categoryDecision === 'redact' && !findings.some((finding) => finding.category === category && finding.span)) {
      categoryDecision = 'block';
    }
    // A finding that carries its own decision (an explicit policy rule) decides for its category.
    const explicit = demanded.get(category);
    if (explicit !== undefined) categoryDecision = findings.some((finding) => finding.category === category && !finding.decision) ? moreSevere(categoryDecision, explicit) : explicit;
    if (categoryDecision !== 'allow') triggered.push([category, categoryDecision]);
    decision = moreSevere(decision, categoryDecision);
  }
  const order: Decision[] = ['block', 'ask', 'redact', 'flag'];
  triggered.sort((a, b) => order.indexOf(a[1]) - order.indexOf(b[1]));
  return { decision, score: round(1 - clean), categories, triggered: triggered.map(([category]) => category) };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
