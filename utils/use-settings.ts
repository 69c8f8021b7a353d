/** The reader's settings as Preact state: loaded once, then kept current with storage's watch. */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, watchSettings, type Settings } from './settings';

/** null until the first read completes. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void loadSettings().then((loaded) => live && setSettings(loaded));
    const unwatch = watchSettings(setSettings);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return settings;
}

/** Follows the reader's theme setting on the page root; "auto" defers to the system. */
export function useThemeAttribute(settings: Settings | null): void {
  useEffect(() => {
    if (settings) document.documentElement.dataset.theme = settings.theme;
  }, [settings?.theme]);
}
