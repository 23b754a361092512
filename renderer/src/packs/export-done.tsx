/**
 * What an export produced: file name, size, hash (to pass on by another channel), contents, signer,
 * and what was left out, as the manifest records it.
 */
import type { ExportResult } from '../../../shared/pack-schemas.ts';
import { t } from '../i18n/t.ts';
import { downloadBytes } from '../lib/download.ts';
import { countPhrases, formatBytes, redactedPhrases, shortPackSha } from './pack-display.ts';
import { FingerprintLines } from './verify-report.tsx';

export const PACK_MIME = { claimpack: 'application/zip', qdpx: 'application/zip', brat: 'application/zip' } as const;

export interface Done {
  result: ExportResult;
  fileName: string;
}

export function ExportDone({ done, copied, onCopy }: { done: Done; copied: boolean; onCopy: () => void }) {
  const { result, fileName } = done;
  const m = result.manifest;
  const left = m ? redactedPhrases(m.redacted) : [];
  return (
    <section className="pack-result" aria-labelledby="pack-exported-title">
      <header className="pack-result-head">
        <h3 id="pack-exported-title">{t('packs.export.doneTitle')}</h3>
        <span className="muted">{t('packs.export.saved', { file: fileName })}</span>
        {result.data && (
          <button
            type="button"
            className="button button-small"
            onClick={() => downloadBytes(result.data!, fileName, PACK_MIME[result.format])}
          >
            {t('packs.export.downloadAgain')}
          </button>
        )}
      </header>
      <dl className="pack-facts">
        <dt>{t('packs.export.size')}</dt>
        <dd>{formatBytes(result.bytes)}</dd>
        <dt>{t('packs.export.sha256')}</dt>
        <dd>
          <span className="mono" title={result.sha256}>
            {shortPackSha(result.sha256)}
          </span>{' '}
          <button type="button" className="button button-small" onClick={onCopy}>
            {copied ? t('packs.export.copied') : t('packs.export.copySha')}
          </button>
        </dd>
        {m && (
          <>
            <dt>{t('packs.export.counts')}</dt>
            <dd>{countPhrases(m.counts).join(' · ')}</dd>
          </>
        )}
        {result.format === 'claimpack' && (
          <>
            <dt>{result.fingerprint ? t('packs.export.signer') : t('packs.verify.signature')}</dt>
            <dd className={result.fingerprint ? undefined : 'muted'}>
              {result.fingerprint ? <FingerprintLines fingerprint={result.fingerprint} /> : t('packs.export.unsigned')}
            </dd>
          </>
        )}
        {left.length > 0 && (
          <>
            <dt>{t('packs.export.redacted')}</dt>
            <dd>{left.join(', ')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
