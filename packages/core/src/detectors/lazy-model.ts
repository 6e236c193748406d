/** A model a detector reads: the model itself, a loader called once on first use, or `false` (not used). */
export type ModelSource<T extends object> = T | (() => Promise<T>) | false;

/**
 * Reads a model source lazily: a loader runs once, on the first call, and every later call gets the same promise (a
 * failed load stays failed: the detector throws and the policy's failure mode applies). `false` reads as `undefined`.
 */
export function lazyModel<T extends object>(source: ModelSource<T>): () => T | Promise<T> | undefined {
  let loading: Promise<T> | undefined;
  return () => {
    if (source === false) return undefined;
    if (typeof source !== 'function') return source;
    loading ??= source();
    return loading;
  };
}
