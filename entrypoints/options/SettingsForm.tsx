/** Every reader setting as a form: props in, one `onChange(patch)` out; nothing here touches storage. */
import { i18n } from '#i18n';
import { withSiteOn, withTermShown, type Settings } from '@/utils/settings';
import { Choice } from './Choice';
import { HiddenTerms } from './HiddenTerms';
import { HoverDelay } from './HoverDelay';
import { RemovableList } from './RemovableList';

export interface SettingsFormProps {
  settings: Settings;
  /** The categories of the enabled packs (plus any the reader switched off). */
  categories: string[];
  /** The language of the pack a category comes from (pack text is labelled with it). */
  categoryLanguage(category: string): string | undefined;
  termTitle: (id: string) => string;
  onChange: (patch: Partial<Settings>) => void;
}

export function SettingsForm(props: SettingsFormProps) {
  const { settings, categories, categoryLanguage, termTitle, onChange } = props;
  const toggleCategory = (category: string, on: boolean) => {
    const others = settings.disabledCategories.filter((c) => c !== category);
    onChange({ disabledCategories: on ? others : [...others, category] });
  };

  return (
    <>
      <section class="panel" aria-labelledby="marks-title">
        <h2 class="panel__title" id="marks-title">
          {i18n.t('options.marking')}
        </h2>
        <label class="setting switch">
          <input
            type="checkbox"
            role="switch"
            checked={settings.enabled}
            onChange={(event) => onChange({ enabled: event.currentTarget.checked })}
          />
          <span class="switch__text">
            <span class="setting__label">{i18n.t('options.enabled')}</span>
            <span class="setting__hint">{i18n.t('options.enabledHint')}</span>
          </span>
        </label>
        <Choice
          legend={i18n.t('options.density')}
          name="density"
          value={settings.density}
          options={[
            ['first', i18n.t('options.densityFirst')],
            ['all', i18n.t('options.densityAll')],
          ]}
          onChange={(density) => onChange({ density })}
        />
        <Choice
          legend={i18n.t('options.markStyle')}
          name="mark-style"
          value={settings.markStyle}
          options={[
            ['background', i18n.t('options.markBackground')],
            ['underline', i18n.t('options.markUnderline')],
            ['both', i18n.t('options.markBoth')],
          ]}
          hint={i18n.t('options.markStyleHint')}
          onChange={(markStyle) => onChange({ markStyle })}
        />
        <HoverDelay
          value={settings.hoverDelayMs}
          onChange={(ms) => onChange({ hoverDelayMs: ms })}
        />
        <Choice
          legend={i18n.t('options.theme')}
          name="theme"
          value={settings.theme}
          options={[
            ['auto', i18n.t('options.themeAuto')],
            ['light', i18n.t('options.themeLight')],
            ['dark', i18n.t('options.themeDark')],
          ]}
          onChange={(theme) => onChange({ theme })}
        />
      </section>

      <section class="panel" aria-labelledby="categories-title">
        <h2 class="panel__title" id="categories-title">
          {i18n.t('options.categories')}
        </h2>
        <p class="setting__hint">{i18n.t('options.categoriesHint')}</p>
        <div class="checks">
          {categories.map((category) => (
            <label key={category} class="check">
              <input
                type="checkbox"
                checked={!settings.disabledCategories.includes(category)}
                onChange={(event) => toggleCategory(category, event.currentTarget.checked)}
              />
              <span lang={categoryLanguage(category)}>{category}</span>
            </label>
          ))}
        </div>
      </section>

      <section class="panel" aria-labelledby="sites-title">
        <h2 class="panel__title" id="sites-title">
          {i18n.t('options.sitesOff')}
        </h2>
        <RemovableList
          items={settings.disabledSites.map((site) => ({ key: site, label: site, name: site }))}
          empty={i18n.t('options.sitesOffEmpty')}
          action={i18n.t('options.switchOn')}
          onRemove={(site) => onChange(withSiteOn(settings, site))}
        />
      </section>

      <section class="panel" aria-labelledby="hidden-title">
        <h2 class="panel__title" id="hidden-title">
          {i18n.t('options.hiddenTerms')}
        </h2>
        <HiddenTerms
          settings={settings}
          termTitle={termTitle}
          onShow={(termId, site) => onChange(withTermShown(settings, termId, site))}
        />
      </section>
    </>
  );
}
