/** What a merge did: new and unchanged records by kind, conflicts (ours kept), proposed source merges. */
import type { MergeReport, Tally } from '../../../shared/pack-schemas.ts';
import { t } from '../i18n/t.ts';
import { formatNumber } from '../lib/format.ts';

const KINDS = ['documents', 'annotations', 'attributions', 'links', 'sources', 'tags'] as const satisfies readonly (keyof Tally)[];

const CONFLICT_KIND = {
  document: 'packs.kind.documents',
  source: 'packs.kind.sources',
  tag: 'packs.kind.tags',
  annotation: 'packs.kind.annotations',
} as const;

export function MergeReportView({ report }: { report: MergeReport }) {
  const addedAny = KINDS.some((k) => report.added[k] > 0);
  return (
    <section className="pack-result pack-result-merged" aria-labelledby="pack-merge-title">
      <header className="pack-result-head">
        <h3 id="pack-merge-title" dir="auto">
          {t('packs.merge.title', { name: report.name })}
        </h3>
      </header>
      {!addedAny && <p className="muted">{t('packs.merge.nothingNew')}</p>}
      <table className="pack-tally">
        <thead>
          <tr>
            <th scope="col">{t('packs.merge.col.what')}</th>
            <th scope="col">{t('packs.merge.col.added')}</th>
            <th scope="col">{t('packs.merge.col.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {KINDS.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`packs.kind.${k}`)}</th>
              <td className={report.added[k] > 0 ? 'pack-added' : undefined}>{formatNumber(report.added[k])}</td>
              <td>{formatNumber(report.unchanged[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.keptDeleted > 0 && <p className="muted">{t('packs.merge.keptDeleted', { count: report.keptDeleted })}</p>}
      {report.conflicts.length > 0 && (
        <div className="pack-problems pack-warnings">
          <h4>{t('packs.merge.conflicts', { count: report.conflicts.length })}</h4>
          <ul aria-label={t('packs.merge.conflicts', { count: report.conflicts.length })}>
            {report.conflicts.map((c) => (
              <li key={`${c.type}-${c.id}`}>
                <span className="pack-code">{t(CONFLICT_KIND[c.type])}</span>
                <span className="pack-where mono">{c.id}</span>
                <span className="pack-message" dir="auto">
                  {c.message}
                  {c.copyId && <span className="muted"> ({t('packs.merge.conflictCopy')})</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.proposedSourceMerges.length > 0 && (
        <div className="pack-problems pack-proposals">
          <h4>{t('packs.merge.proposed', { count: report.proposedSourceMerges.length })}</h4>
          <p className="pack-hint">{t('packs.merge.proposedHint')}</p>
          <ul aria-label={t('packs.merge.proposed', { count: report.proposedSourceMerges.length })}>
            {report.proposedSourceMerges.map((p) => (
              <li key={`${p.packSourceId}-${p.localSourceId}`}>
                <span className="pack-message" dir="auto">
                  {t('packs.merge.pair', { pack: p.packName, local: p.localName })}
                </span>
                <span className="muted" dir="auto">
                  {p.reason}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="pack-hint">{t('packs.merge.undoHint')}</p>
    </section>
  );
}
