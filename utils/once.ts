/**
 * A value built on first use, then kept. For things that must not be built when a module loads:
 * a versioned storage item starts a storage read as soon as it is defined, and module top-level
 * code runs in the task that starts Gloss on every page.
 */
export function once<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}
