/**
 * Figures across the corpus: every marked quantity with its normalised value, unit and period, the
 * claim that holds it and that claim's source, and, first, the figures of linked claims that
 * disagree (same unit and period, different values), flagged in the table too.
 */
import type { Figure } from '../../../shared/review-schemas.ts';
import { useClient } from '../client/context.tsx';
import { DocumentTitle } from '../components/document-title.tsx';
import { useChanges } from '../hooks/changes.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';
import { formatNumber } from '../lib/format.ts';

interface Props {
  onOpen: (documentId: string, spanId: string) => void;
}

function value(f: Figure): string {
  if (f.value === null) return '—';
  return `${f.approx ? '≈ ' : ''}${formatNumber(f.value)}`;
}

function FigureRef({ f, onOpen }: { f: Figure } & Props) {
  return (
    <button type="button" className="claim-link" onClick={() => onOpen(f.documentId, f.claimId ?? f.spanId)}>
      <strong>{value(f)}</strong> {f.unit && <span>{f.unit}</span>} <span className="muted">(“{f.exact}”)</span>
    </button>
  );
}

export function FiguresPanel({ onOpen }: Props) {
  const client = useClient();
  const { version } = useChanges();
  const figures = useQuery(() => client.call('figures:list', {}), [client, version]);
  if (figures.error) {
    return (
      <p className="status-error section-message" role="alert">
        {t('figures.loadError', { message: figures.error.message })}
      </p>
    );
  }
  const data = figures.data;
  if (!data) return null;
  if (data.figures.length === 0) {
    return (
      <div className="empty-state">
        <h2>{t('figures.emptyTitle')}</h2>
        <p>{t('figures.emptyText')}</p>
      </div>
    );
  }
  const inConflict = new Set(data.conflicts.flatMap((c) => c.figures.map((f) => f.spanId)));

  return (
    <div className="figures">
      <section className="figure-conflicts" aria-labelledby="conflicts-title">
        <h2 id="conflicts-title">
          {data.conflicts.length > 0 ? t('figures.conflicts', { count: data.conflicts.length }) : t('figures.noConflicts')}
        </h2>
        <ul>
          {data.conflicts.map((c, i) => (
            <li key={i} className="figure-conflict">
              <span className="conflict-flag">{t('figures.conflict')}</span>
              {c.figures.map((f, j) => (
                <span key={f.spanId}>
                  {j > 0 && <span className="muted"> ≠ </span>}
                  <FigureRef f={f} onOpen={onOpen} />
                  {f.source && <span className="muted"> — {f.source}</span>}
                </span>
              ))}
              <p className="muted">{c.reason}</p>
            </li>
          ))}
        </ul>
      </section>
      <table className="figure-table">
        <caption>{t('figures.count', { count: data.figures.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('figures.col.value')}
            </th>
            <th scope="col">{t('figures.col.unit')}</th>
            <th scope="col">{t('figures.col.period')}</th>
            <th scope="col">{t('figures.col.exact')}</th>
            <th scope="col">{t('figures.col.claim')}</th>
            <th scope="col">{t('figures.col.source')}</th>
            <th scope="col">{t('figures.col.document')}</th>
          </tr>
        </thead>
        <tbody>
          {data.figures.map((f) => (
            <tr key={f.spanId} className={inConflict.has(f.spanId) ? 'figure-in-conflict' : undefined}>
              <td className="num">
                {value(f)}
                {inConflict.has(f.spanId) && (
                  <span className="conflict-flag" title={t('figures.conflictTip')}>
                    {t('figures.conflict')}
                  </span>
                )}
              </td>
              <td>{f.unit ?? '—'}</td>
              <td>{f.period ?? '—'}</td>
              <td dir="auto">{f.exact}</td>
              <td className="figure-claim">
                {f.claimText ? (
                  <button type="button" className="claim-link" title={f.claimText} onClick={() => onOpen(f.documentId, f.claimId ?? f.spanId)}>
                    <q dir="auto">{f.claimText}</q>
                  </button>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td dir="auto">{f.source ?? '—'}</td>
              <td>
                <DocumentTitle title={f.document} lead={f.lead} language={f.language} max={32} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
