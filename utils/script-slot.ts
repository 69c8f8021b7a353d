/**
 * Gloss's page-side code is split over several content scripts, each run in a task of its own, so
 * no one task gets long on a page. Some are listed in the manifest; others a frame asks the
 * background for when it needs them (utils/page-scripts.ts). The scripts share only their
 * isolated world's global object (pages cannot see it); a slot on it hands a value from the script
 * that provides it to the one that needs it, whichever runs first.
 */
type Slot<T> = { ready: T } | { waiting: ((value: T) => void)[] };

export interface ScriptSlot<T> {
  provide(value: T): void;
  /**
   * The value, as soon as the providing script has run. When it has not run yet, `load` (if
   * given) is called to bring the script to this frame, once at a time; it resolves once the
   * script has run.
   * @throws (rejects) the error of a `load` that failed, or an Error when the script it loaded
   *   did not provide the value; a later call tries again.
   */
  get(load?: () => Promise<unknown>): Promise<T>;
}

/** A slot on the global `name`. */
export function scriptSlot<T>(name: `__gloss${string}`): ScriptSlot<T> {
  const global = globalThis as Record<string, unknown>;
  const read = () => global[name] as Slot<T> | undefined;
  const waitFor = () =>
    new Promise<T>((resolve) => {
      const current = read();
      const waiting = current && 'waiting' in current ? current.waiting : [];
      waiting.push(resolve);
      global[name] = { waiting } satisfies Slot<T>;
    });
  let loading: Promise<T> | null = null;
  return {
    provide(value) {
      const before = read();
      global[name] = { ready: value } satisfies Slot<T>;
      if (before && 'waiting' in before) for (const resolve of before.waiting) resolve(value);
    },
    get(load) {
      const current = read();
      if (current && 'ready' in current) return Promise.resolve(current.ready);
      if (!load) return waitFor();
      loading ??= Promise.race([
        waitFor(),
        load().then(() => {
          const after = read();
          if (after && 'ready' in after) return after.ready;
          throw new Error(`Gloss: ${name} was not provided by the script loaded for it`);
        }),
      ]).finally(() => (loading = null));
      return loading;
    },
  };
}
