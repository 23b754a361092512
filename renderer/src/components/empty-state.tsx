/** What a new project shows: what Claimdesk is for, and the two ways to start. */
import { t } from '../i18n/t.ts';
import type { PickedFile } from '../lib/files.ts';
import { ImportButtons } from './import-buttons.tsx';

interface Props {
  onFiles: (files: PickedFile[]) => void;
  onOpenSample: () => void;
  busy: boolean;
}

export function EmptyState({ onFiles, onOpenSample, busy }: Props) {
  return (
    <div className="empty-state">
      <h2>{t('empty.title')}</h2>
      <p>{t('app.tagline')}</p>
      <div className="empty-actions">
        <ImportButtons onFiles={onFiles} disabled={busy} showFolder={false} />
        <button type="button" className="button" disabled={busy} onClick={onOpenSample}>
          {t('empty.sample')}
        </button>
      </div>
      <p className="muted">{t('empty.hint')}</p>
    </div>
  );
}
