/** Every reader setting as a form: props in, one `onChange(patch)` out; nothing here touches storage. */
import { withSiteOn, withTermShown, type Settings } from '@/utils/settings';
import { Choice } from './Choice';
import { HiddenTerms } from './HiddenTerms';
import { HoverDelay } from './HoverDelay';
import { RemovableList } from './RemovableList';

export interface SettingsFormProps {
  settings: Settings;
  /** The categories of the enabled packs (plus any the reader switched off). */
  categories: string[];
  termTitle: (id: string) => string;
  onChange: (patch: Partial<Settings>) => void;
}

export function SettingsForm({ settings, categories, termTitle, onChange }: SettingsFormProps) {
  const toggleCategory = (category: string, on: boolean) => {
    const others = settings.disabledCategories.filter((c) => c !== category);
    onChange({ disabledCategories: on ? others : [...others, category] });
  };

  return (
    <>
      <section class="panel" aria-labelledby="marks-title">
        <h2 class="panel__title" id="marks-title">
          Marking
        </h2>
        <label class="setting switch">
          <input
            type="checkbox"
            role="switch"
            checked={settings.enabled}
            onChange={(event) => onChange({ enabled: event.currentTarget.checked })}
          />
          <span class="switch__text">
            <span class="setting__label">Gloss on every site</span>
            <span class="setting__hint">Off: no marks anywhere, the popup search still works.</span>
          </span>
        </label>
        <Choice
          legend="Which mentions to mark"
          name="density"
          value={settings.density}
          options={[
            ['first', 'First mention per page'],
            ['all', 'Every mention'],
          ]}
          onChange={(density) => onChange({ density })}
        />
        <Choice
          legend="Mark style"
          name="mark-style"
          value={settings.markStyle}
          options={[
            ['underline', 'Dotted underline'],
            ['background', 'Soft background'],
            ['both', 'Both'],
          ]}
          onChange={(markStyle) => onChange({ markStyle })}
        />
        <HoverDelay
          value={settings.hoverDelayMs}
          onChange={(ms) => onChange({ hoverDelayMs: ms })}
        />
        <Choice
          legend="Theme"
          name="theme"
          value={settings.theme}
          options={[
            ['auto', 'Follow the system'],
            ['light', 'Light'],
            ['dark', 'Dark'],
          ]}
          onChange={(theme) => onChange({ theme })}
        />
      </section>

      <section class="panel" aria-labelledby="categories-title">
        <h2 class="panel__title" id="categories-title">
          Categories
        </h2>
        <p class="setting__hint">Terms of a category that is off are not marked.</p>
        <div class="checks">
          {categories.map((category) => (
            <label key={category} class="check">
              <input
                type="checkbox"
                checked={!settings.disabledCategories.includes(category)}
                onChange={(event) => toggleCategory(category, event.currentTarget.checked)}
              />
              <span>{category}</span>
            </label>
          ))}
        </div>
      </section>

      <section class="panel" aria-labelledby="sites-title">
        <h2 class="panel__title" id="sites-title">
          Sites switched off
        </h2>
        <RemovableList
          items={settings.disabledSites.map((site) => ({ key: site, label: site, name: site }))}
          empty="None. Switch Gloss off for a site from the toolbar popup."
          action="Switch on"
          onRemove={(site) => onChange(withSiteOn(settings, site))}
        />
      </section>

      <section class="panel" aria-labelledby="hidden-title">
        <h2 class="panel__title" id="hidden-title">
          Hidden terms
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
