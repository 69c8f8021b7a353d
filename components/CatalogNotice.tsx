/**
 * What a page shows instead of terms when it has none to show: still loading, failed to load, or
 * every pack switched off (not "0 terms" or "nothing matches", which would blame the reader).
 */
import { i18n } from '#i18n';
import type { CatalogLoad } from '@/utils/use-catalog';

/** The notice for a catalog that is not ready or is empty; null when there are terms to show. */
export function catalogNotice(
  load: CatalogLoad,
): { text: string; alert: boolean; noPacks: boolean } | null {
  if (load.status === 'loading')
    return { text: i18n.t('common.loadingGlossary'), alert: false, noPacks: false };
  if (load.status === 'error')
    return {
      text: i18n.t('common.catalogFailed', { reason: load.reason }),
      alert: true,
      noPacks: false,
    };
  if (load.catalog.entries.size === 0)
    return { text: i18n.t('common.noPacks'), alert: false, noPacks: true };
  return null;
}

export function CatalogNotice(props: { load: CatalogLoad; class: string; onOptions: () => void }) {
  const notice = catalogNotice(props.load);
  if (!notice) return null;
  return (
    <div class={props.class} role={notice.alert ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      {notice.noPacks && (
        <button type="button" class="gloss-notice__action" onClick={props.onOptions}>
          {i18n.t('common.openOptions')}
        </button>
      )}
    </div>
  );
}
