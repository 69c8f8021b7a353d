/**
 * The options page: reads settings and packs from storage and saves every change at once (open tabs
 * follow through their own storage watch). The forms below only render and report changes.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { useCatalog } from '@/utils/use-catalog';
import { useSettings, useThemeAttribute } from '@/utils/use-settings';
import { patchSettings, type Settings } from '@/utils/settings';
import { PacksPanel } from './PacksPanel';
import { SettingsForm } from './SettingsForm';

export function App() {
  const settings = useSettings();
  useThemeAttribute(settings);
  const catalog = useCatalog()?.catalog;
  const [saveError, setSaveError] = useState<string | null>(null);
  const save = (patch: Partial<Settings>) => {
    patchSettings(patch).then(
      () => setSaveError(null),
      (error: unknown) => {
        console.warn('Gloss: not saved', error);
        setSaveError(error instanceof Error ? error.message : String(error));
      },
    );
  };
  const categories = [
    ...new Set([...(catalog?.categories ?? []), ...(settings?.disabledCategories ?? [])]),
  ];

  return (
    <div class="options gloss-theme">
      <header class="options__head">
        <h1 class="options__brand">{i18n.t('common.brand')}</h1>
        <p class="options__lede">{i18n.t('options.lede')}</p>
      </header>
      {saveError !== null && (
        <div class="notice notice--error options__save-error" role="alert">
          <p class="notice__title">{i18n.t('options.saveFailed', { reason: saveError })}</p>
          <button type="button" class="button" onClick={() => setSaveError(null)}>
            {i18n.t('options.dismiss')}
          </button>
        </div>
      )}
      {settings ? (
        <SettingsForm
          settings={settings}
          categories={categories}
          categoryLanguage={(category) =>
            catalog &&
            [...catalog.entries.values()].find((e) => e.term.category === category)?.language
          }
          termTitle={(id) => catalog?.get(id)?.term.title ?? id}
          onChange={save}
        />
      ) : (
        <p class="options-note">{i18n.t('options.loadingSettings')}</p>
      )}
      <PacksPanel />
    </div>
  );
}
