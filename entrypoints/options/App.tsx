/**
 * The options page: reads settings and packs from storage and saves every change at once (open tabs
 * follow through their own storage watch). The forms below only render and report changes.
 */
import { useCatalog } from '@/utils/use-catalog';
import { useSettings, useThemeAttribute } from '@/utils/use-settings';
import { patchSettings, type Settings } from '@/utils/settings';
import { PacksPanel } from './PacksPanel';
import { SettingsForm } from './SettingsForm';

function save(patch: Partial<Settings>) {
  void patchSettings(patch).catch((error: unknown) => console.warn('Gloss: not saved', error));
}

export function App() {
  const settings = useSettings();
  useThemeAttribute(settings);
  const catalog = useCatalog()?.catalog;
  const categories = [
    ...new Set([...(catalog?.categories ?? []), ...(settings?.disabledCategories ?? [])]),
  ];

  return (
    <div class="options gloss-theme">
      <header class="options__head">
        <h1 class="options__brand">Gloss</h1>
        <p class="options__lede">Changes are saved as you make them and apply to open tabs.</p>
      </header>
      {settings ? (
        <SettingsForm
          settings={settings}
          categories={categories}
          termTitle={(id) => catalog?.get(id)?.term.title ?? id}
          onChange={save}
        />
      ) : (
        <p class="options-note">Loading settings…</p>
      )}
      <PacksPanel />
    </div>
  );
}
