/** Types for the parts of the `llm_guardrail` npm package (plain JavaScript, no types) that the peer bench uses. */
declare module 'llm_guardrail' {
  interface CheckResult {
    allowed: boolean;
    detected: boolean;
    confidence: number;
  }
  /** Runs the package's injection, jailbreak and malicious-content checks. */
  export function checkAll(prompt: string): Promise<{ allowed: boolean; injection: CheckResult; jailbreak: CheckResult; malicious: CheckResult }>;
}
