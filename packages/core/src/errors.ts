const marker = Symbol.for('bulwark.error');

/** The base of every Bulwark error; `BulwarkError.isInstance` works across duplicated package copies. */
export class BulwarkError extends Error {
  readonly [marker] = true;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BulwarkError';
  }
  static isInstance(error: unknown): error is BulwarkError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

const configMarker = Symbol.for('bulwark.error.config');
/** Invalid configuration (policy, rule pack); the message names the field. */
export class BulwarkConfigError extends BulwarkError {
  readonly [configMarker] = true;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BulwarkConfigError';
  }
  static override isInstance(error: unknown): error is BulwarkConfigError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[configMarker] === true;
  }
}

const violationMarker = Symbol.for('bulwark.error.violation');
/** Thrown by adapters that block by raising: carries the verdict. */
export class BulwarkViolationError extends BulwarkError {
  readonly [violationMarker] = true;
  readonly verdict: { decision: string; score: number; reason: string; findings: readonly unknown[] };
  constructor(verdict: BulwarkViolationError['verdict'], options?: ErrorOptions) {
    super(verdict.reason, options);
    this.name = 'BulwarkViolationError';
    this.verdict = verdict;
  }
  static override isInstance(error: unknown): error is BulwarkViolationError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[violationMarker] === true;
  }
}

const detectorMarker = Symbol.for('bulwark.error.detector');
/** A detector threw; the engine applies the policy's failure mode. */
export class BulwarkDetectorError extends BulwarkError {
  readonly [detectorMarker] = true;
  readonly detector: string;
  constructor(detector: string, cause: unknown) {
    super(`detector ${detector} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'BulwarkDetectorError';
    this.detector = detector;
  }
  static override isInstance(error: unknown): error is BulwarkDetectorError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[detectorMarker] === true;
  }
}
