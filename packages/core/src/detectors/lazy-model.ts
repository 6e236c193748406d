/** A model a detector reads: the model itself, a loader called once on first use, or `false` (not used). */
export type ModelSource<T extends object> = T | (() => Promise<T>) | false;

/**
 * A loader whose load runs once, however many callers (or detectors) call it. A failed load stays failed until the
 * process restarts: every scan that needs the model throws, and the policy's failure mode applies (fail closed by
 * default), so a missing or corrupt model file is loud, never silently skipped.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

/** Reads a model source lazily (see {@link loadOnce}); `false` reads as `undefined`. */
export function lazyModel<T extends object>(source: ModelSource<T>): () => T | Promise<T> | undefined {
  if (source === false) return () => undefined;
  if (typeof source !== 'function') return () => source;
  return loadOnce(source);
}
