/** A running import's progress with Cancel, or the finished import's report (dismissable). */
import type { JobOutcome, RunningJob } from '../hooks/use-import-job.ts';
import { t } from '../i18n/t.ts';

export function JobProgress({ job, onCancel }: { job: RunningJob; onCancel: () => void }) {
  const p = job.progress;
  const known = p !== null && p.total > 0;
  const label = !known
    ? t('import.reading')
    : t(job.kind === 'sample' ? 'import.sampleProgress' : 'import.progress', { done: p.done, total: p.total });
  return (
    <div className="job-progress">
      <div className="job-progress-text">
        <span>{label}</span>
        {p?.current && (
          <span className="job-current muted" dir="auto">
            {p.current}
          </span>
        )}
      </div>
      <progress aria-label={t('import.progressLabel')} max={known ? p.total : undefined} value={known ? p.done : undefined} />
      <button type="button" className="button" onClick={onCancel}>
        {t('import.cancel')}
      </button>
    </div>
  );
}

export function ImportSummary({ outcome, onDismiss }: { outcome: JobOutcome; onDismiss: () => void }) {
  const { report, skipped, message } = outcome;
  const failures = report?.files.filter((f) => f.status === 'failed') ?? [];
  return (
    <section
      className={message ? 'import-summary import-summary-error' : 'import-summary'}
      aria-labelledby={report ? 'import-summary-title' : undefined}
    >
      <header className="import-summary-header">
        {report && <h2 id="import-summary-title">{t('import.summaryTitle')}</h2>}
        {report && (
          <p className="import-summary-counts">
            <span>{t('import.summaryImported', { count: report.imported })}</span>
            <span>{t('import.summaryDuplicates', { count: report.duplicates })}</span>
            <span className={report.failed > 0 ? 'count-failed' : undefined}>
              {t('import.summaryFailed', { count: report.failed })}
            </span>
            {skipped > 0 && <span>{t('import.summarySkipped', { count: skipped })}</span>}
          </p>
        )}
        {message && <p role="alert">{message}</p>}
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          {t('import.dismiss')}
        </button>
      </header>
      {failures.length > 0 && (
        <ul className="import-failures" aria-label={t('import.failedList')}>
          {failures.map((f, i) => (
            <li key={`${f.file}-${i}`}>
              <span className="failure-file" dir="auto">
                {f.file}
              </span>
              <span className="failure-reason">{f.status === 'failed' ? f.reason : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
