/**
 * What a pack holds and whether it can be trusted, shown before anything is written. Every string
 * from the pack (creator, file names, record ids, messages) is rendered as text, never as HTML.
 */
import type { PackProblem, VerifyReport } from '../../../shared/pack-schemas.ts';
import { t } from '../i18n/t.ts';
import { formatTimestamp } from '../lib/format.ts';
import { countPhrases, fullFingerprint, redactedPhrases, shortFingerprint } from './pack-display.ts';

export function VerifyReportView({ name, report }: { name: string; report: VerifyReport }) {
  const m = report.manifest;
  const sig = report.signature;
  const hashProblem = report.problems.some((p) => /HASH|MISSING|EXTRA|UNLISTED|SIZE/i.test(p.code));
  const left = m ? redactedPhrases(m.redacted) : [];
  return (
    <section className={report.ok ? 'pack-result' : 'pack-result pack-result-refused'} aria-labelledby="pack-verify-title">
      <header className="pack-result-head">
        <h3 id="pack-verify-title" dir="auto">
          {t('packs.verify.title', { name })}
        </h3>
        <span className={report.ok ? 'pack-badge pack-badge-ok' : 'pack-badge pack-badge-bad'}>
          {report.ok ? t('packs.verify.okBadge') : t('packs.verify.refusedBadge')}
        </span>
      </header>
      {!report.ok && (
        <p className="pack-error" role="alert">
          {t('packs.verify.refused')}
        </p>
      )}
      <dl className="pack-facts">
        {m ? (
          <>
            <dt>{t('packs.verify.version')}</dt>
            <dd>
              {m.format} {m.version}
            </dd>
            <dt>{t('packs.verify.creator')}</dt>
            <dd dir="auto">{m.creator ?? <span className="muted">{t('packs.verify.creatorRedacted')}</span>}</dd>
            <dt>{t('packs.verify.created')}</dt>
            <dd title={m.created}>{formatTimestamp(m.created)}</dd>
            <dt>{t('packs.verify.counts')}</dt>
            <dd>{countPhrases(m.counts).join(' · ')}</dd>
          </>
        ) : (
          <>
            <dt>{t('packs.verify.version')}</dt>
            <dd className="muted">{t('packs.verify.noManifest')}</dd>
          </>
        )}
        <dt>{t('packs.verify.integrity')}</dt>
        <dd className={report.ok || !hashProblem ? 'pack-ok' : 'pack-bad'}>
          {report.ok || !hashProblem ? t('packs.verify.integrityOk', { count: report.counts.files }) : t('packs.verify.integrityBad')}
        </dd>
        <dt>{t('packs.verify.signature')}</dt>
        <dd>
          <Signature sig={sig} />
        </dd>
        {m && (
          <>
            <dt>{t('packs.verify.redactions')}</dt>
            <dd>{left.length > 0 ? left.join(', ') : <span className="muted">{t('packs.verify.nothingRedacted')}</span>}</dd>
          </>
        )}
      </dl>
      {report.problems.length > 0 && <ProblemList kind="problems" items={report.problems} />}
      {report.warnings.length > 0 && <ProblemList kind="warnings" items={report.warnings} />}
    </section>
  );
}

function Signature({ sig }: { sig: VerifyReport['signature'] }) {
  if (sig.state === 'unsigned') return <span className="muted">{t('packs.verify.unsigned')}</span>;
  if (!sig.fingerprint) return <span className="pack-bad">{sig.message}</span>;
  return (
    <>
      <span className={sig.state === 'valid' ? 'pack-ok' : 'pack-bad'}>
        {t(sig.state === 'valid' ? 'packs.verify.signedValid' : 'packs.verify.signedInvalid', { short: shortFingerprint(sig.fingerprint) })}
      </span>
      <span className="pack-hint">{t('packs.verify.fingerprintHint')}</span>
      <FingerprintLines fingerprint={sig.fingerprint} />
    </>
  );
}

/** The whole fingerprint in two lines of eight groups, the way people read one out to each other. */
export function FingerprintLines({ fingerprint }: { fingerprint: string }) {
  const groups = fullFingerprint(fingerprint).split(' ');
  const half = Math.ceil(groups.length / 2);
  return (
    <code className="pack-fingerprint" title={fullFingerprint(fingerprint)}>
      <span>{groups.slice(0, half).join(' ')}</span>
      <span>{groups.slice(half).join(' ')}</span>
    </code>
  );
}

function ProblemList({ kind, items }: { kind: 'problems' | 'warnings'; items: PackProblem[] }) {
  const label = t(kind === 'problems' ? 'packs.verify.problems' : 'packs.verify.warnings', { count: items.length });
  return (
    <div className={kind === 'problems' ? 'pack-problems' : 'pack-problems pack-warnings'}>
      <h4>{label}</h4>
      <ul aria-label={label}>
        {items.map((p, i) => (
          <li key={`${p.code}-${i}`}>
            <span className="pack-code mono">{p.code}</span>
            <span className="pack-where mono">
              {p.file && <Where name={t('packs.verify.file')} value={p.file} />}
              {p.record && <Where name={t('packs.verify.record')} value={p.record} />}
              {p.field && <Where name={t('packs.verify.field')} value={p.field} />}
            </span>
            <span className="pack-message" dir="auto">
              {p.message}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Where({ name, value }: { name: string; value: string }) {
  return (
    <span className="pack-where-part">
      <span className="muted">{name} </span>
      <span dir="auto">{value}</span>
    </span>
  );
}
