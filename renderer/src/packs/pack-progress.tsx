/** A running export or merge: what it is doing, a progress bar, and Cancel. */
import { t } from '../i18n/t.ts';
import type { PackJob } from './use-pack-job.ts';

export function PackProgress({ job, onCancel }: { job: PackJob; onCancel: () => void }) {
  const p = job.progress;
  const known = p !== null && p.total > 0;
  return (
    <div className="pack-progress">
      <div className="job-progress-text">
        <span>
          {p?.step ? t(`packs.step.${p.step}`, { total: p.total }) : known ? t('packs.progress', { done: p.done, total: p.total }) : t('packs.preparing')}
        </span>
        {p?.current && (
          <span className="job-current muted" dir="auto">
            {p.current}
          </span>
        )}
      </div>
      <progress aria-label={t('packs.progressLabel')} max={known ? p.total : undefined} value={known ? p.done : undefined} />
      <button type="button" className="button" onClick={onCancel}>
        {t('packs.cancel')}
      </button>
    </div>
  );
}
