/** "Gloss on this site": one click adds or removes the host from settings.disabledSites. */
import { i18n } from '#i18n';
import { updateSettings, type Settings } from '@/utils/settings';

export interface SiteSwitchProps {
  host: string | null;
  settings: Settings | null;
}

export function toggleSite(host: string, on: boolean) {
  return updateSettings((settings) => {
    const others = settings.disabledSites.filter((site) => site !== host);
    settings.disabledSites = on ? others : [...others, host];
  });
}

export function SiteSwitch({ host, settings }: SiteSwitchProps) {
  if (!host || !settings) return null;
  const on = !settings.disabledSites.includes(host);
  return (
    <div class="site-switch">
      <label class="site-switch__label">
        <span class="site-switch__control">
          <input
            type="checkbox"
            role="switch"
            class="site-switch__input"
            checked={on}
            onChange={(event) => void toggleSite(host, event.currentTarget.checked)}
          />
          <span class="site-switch__track" aria-hidden="true" />
        </span>
        <span class="site-switch__text">
          {i18n.t('popup.siteSwitch')}
          <span class="site-switch__host">{host}</span>
        </span>
      </label>
      {!settings.enabled && <p class="site-switch__note">{i18n.t('popup.offEverywhere')}</p>}
    </div>
  );
}
