/**
 * Gloss's page-side code is split over several content scripts, each its own manifest entry: the
 * browser compiles and runs each entry in a task of its own, so no one task gets long on a page.
 * The scripts share only their isolated world's global object (pages cannot see it); a slot on it
 * hands a value from the script that provides it to the one that needs it, whichever runs first.
 */
type Slot<T> = { ready: T } | { waiting: ((value: T) => void)[] };

export interface ScriptSlot<T> {
  provide(value: T): void;
  /** The value, as soon as the providing script has run. */
  get(): Promise<T>;
}

export function scriptSlot<T>(name: `__gloss${string}`): ScriptSlot<T> {
  const global = globalThis as Record<string, unknown>;
  const read = () => global[name] as Slot<T> | undefined;
  return {
    provide(value) {
      const before = read();
      global[name] = { ready: value } satisfies Slot<T>;
      if (before && 'waiting' in before) for (const resolve of before.waiting) resolve(value);
    },
    get() {
      const current = read();
      if (current && 'ready' in current) return Promise.resolve(current.ready);
      return new Promise((resolve) => {
        const waiting = current && 'waiting' in current ? current.waiting : [];
        waiting.push(resolve);
        global[name] = { waiting } satisfies Slot<T>;
      });
    },
  };
}
