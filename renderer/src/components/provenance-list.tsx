/** Every import that brought this text in: which file, when, by whom, how it was decoded. */
import type { ImportRecord } from '../../../shared/contract.ts';
import { t } from '../i18n/t.ts';
import { formatNumber, formatTimestamp } from '../lib/format.ts';

export function ProvenanceList({ imports }: { imports: readonly ImportRecord[] }) {
  return (
    <section className="provenance" aria-labelledby="provenance-title">
      <h3 id="provenance-title">{t('doc.provenance')}</h3>
      <ol>
        {imports.map((r) => (
          <li key={r.id}>
            <span className="prov-file" dir="auto" title={r.filePath ?? r.fileName}>
              {r.fileName}
            </span>
            <span className="prov-line">{t('doc.prov.time', { time: formatTimestamp(r.importedAt), analyst: r.analyst })}</span>
            <span className="prov-line">
              {t('doc.prov.encoding', { encoding: r.encoding })} · {t('doc.prov.bytes', { bytes: formatNumber(r.byteLength) })}
            </span>
            <span className="prov-tags">
              <span className="tag">{r.sidecar ? t('doc.prov.sidecar') : t('doc.prov.noSidecar')}</span>
              {r.duplicate && <span className="tag tag-warn">{t('doc.prov.duplicate')}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
