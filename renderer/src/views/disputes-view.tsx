/**
 * Disputes: each disputed or denied claim beside the statements against it, in two columns, so
 * that what was claimed and what was said against it are read side by side with who said each,
 * through which channel, when, and how they are graded. Any statement opens its document at it.
 */
import type { ReactNode } from 'react';
import type { Dispute } from '../../../shared/review-schemas.ts';
import { useClient } from '../client/context.tsx';
import { DocumentTitle } from '../components/document-title.tsx';
import { useChangeVersion } from '../hooks/changes.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';
import { StatusPill } from '../review/review-cells.tsx';

type Statement = Dispute['claim'] | Dispute['against'][number];

interface Props {
  onOpen: (documentId: string, claimId: string) => void;
}

function Sources({ sources }: { sources: Statement['sources'] }) {
  if (sources.length === 0) return <p className="muted statement-sources">{t('disputes.noSources')}</p>;
  return (
    <ul className="statement-sources">
      {sources.map((s, i) => (
        <li key={i}>
          <span className="statement-source" dir="auto">
            {s.name}
          </span>
          {s.channel && (
            <span className="muted" dir="auto">
              {' '}
              · {s.channel}
            </span>
          )}
          {s.rating && (
            <span className="rating" title={s.rating}>
              {s.rating}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function StatementCard({ statement, onOpen, lead }: { statement: Statement; onOpen: Props['onOpen']; lead: ReactNode }) {
  return (
    <article className={`statement statement-${statement.kind}`}>
      <header className="statement-head">
        {lead}
        <span className="muted statement-doc" dir="auto">
          <DocumentTitle title={statement.document} lead={statement.lead} language={statement.language} />
          {statement.published && <> · {statement.published}</>}
        </span>
      </header>
      <button
        type="button"
        className="statement-text"
        title={t('disputes.open')}
        onClick={() => onOpen(statement.documentId, statement.claimId)}
      >
        <q dir="auto">{statement.text}</q>
      </button>
      <Sources sources={statement.sources} />
    </article>
  );
}

export function DisputesView({ onOpen }: Props) {
  const client = useClient();
  const version = useChangeVersion('annotations', 'documents');
  const disputes = useQuery(() => client.call('disputes:list', { limit: 500 }), [client, version]);

  if (disputes.error) {
    return (
      <div className="section-view">
        <p className="status-error section-message" role="alert">
          {t('disputes.loadError', { message: disputes.error.message })}
        </p>
      </div>
    );
  }
  if (!disputes.data) return <div className="section-view" aria-busy="true" />;
  if (disputes.data.length === 0) {
    return (
      <div className="section-view">
        <div className="empty-state">
          <h2>{t('disputes.emptyTitle')}</h2>
          <p>{t('disputes.emptyText')}</p>
        </div>
      </div>
    );
  }

  return (
    <div className="section-view disputes-view">
      <div className="section-status">
        <span>{t('disputes.count', { count: disputes.data.length })}</span>
      </div>
      <div className="section-body disputes-scroll">
        <div className="disputes-head" aria-hidden="true">
          <span>{t('disputes.claim')}</span>
          <span>{t('disputes.against')}</span>
        </div>
        <ol className="disputes" aria-label={t('disputes.heading')}>
          {disputes.data.map((d) => (
            <li key={d.claim.claimId} className="dispute">
              <div className="dispute-claim">
                <StatementCard statement={d.claim} onOpen={onOpen} lead={<StatusPill status={d.claim.status} />} />
              </div>
              <div className="dispute-against">
                {d.against.map((a) => (
                  <StatementCard
                    key={a.claimId}
                    statement={a}
                    onOpen={onOpen}
                    lead={<span className={`relation relation-${a.relation}`}>{a.relation === 'denies' ? t('disputes.relation.denies') : t('disputes.relation.disputes')}</span>}
                  />
                ))}
              </div>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
