/** The installed packs as summaries, reloaded whenever the pack list changes (here or elsewhere). */
import { useEffect, useState } from 'preact/hooks';
import { loadSummaries, type PackSummary } from '@/utils/pack-library';
import { watchPacks } from '@/utils/packs';

/** null while loading. */
export function usePackSummaries(): PackSummary[] | null {
  const [summaries, setSummaries] = useState<PackSummary[] | null>(null);
  useEffect(() => {
    let generation = 0;
    const load = () => {
      const mine = ++generation;
      void loadSummaries().then((next) => mine === generation && setSummaries(next));
    };
    load();
    const unwatch = watchPacks(load);
    return () => {
      generation = -1;
      unwatch();
    };
  }, []);
  return summaries;
}
