/** The terms hidden with "Not this meaning", everywhere or on one site, each one click from back. */
import { i18n } from '#i18n';
import type { Settings } from '@/utils/settings';
import { RemovableList, type RemovableItem } from './RemovableList';

export interface HiddenTermsProps {
  settings: Settings;
  termTitle: (id: string) => string;
  onShow: (termId: string, site?: string) => void;
}

interface Hidden {
  termId: string;
  site?: string;
}

function hiddenList(settings: Settings): Hidden[] {
  return [
    ...settings.hiddenTerms.map((termId) => ({ termId })),
    ...Object.entries(settings.hiddenTermsBySite).flatMap(([site, ids]) =>
      ids.map((termId) => ({ termId, site })),
    ),
  ];
}

export function HiddenTerms({ settings, termTitle, onShow }: HiddenTermsProps) {
  const hidden = hiddenList(settings);
  const items: RemovableItem[] = hidden.map(({ termId, site }) => {
    const title = termTitle(termId);
    const where = site
      ? i18n.t('options.hiddenOnSite', { site })
      : i18n.t('options.hiddenEverywhere');
    return {
      key: JSON.stringify([termId, site ?? null]),
      name: `${title} (${where})`,
      label: (
        <>
          <span class="removable__title">{title}</span>
          <span class="removable__where">{where}</span>
        </>
      ),
    };
  });
  return (
    <RemovableList
      items={items}
      empty={i18n.t('options.hiddenEmpty')}
      action={i18n.t('options.showAgain')}
      onRemove={(key) => {
        const [termId, site] = JSON.parse(key) as [string, string | null];
        onShow(termId, site ?? undefined);
      }}
    />
  );
}
