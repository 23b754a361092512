/** One document: its text to read, and beside it the metadata and where it came from. */
import { useEffect, useRef, useState } from 'react';
import { DocumentText } from '../components/document-text.tsx';
import { MetadataPanel } from '../components/metadata-panel.tsx';
import { ProvenanceList } from '../components/provenance-list.tsx';
import { useGlobalShortcuts } from '../hooks/use-global-shortcuts.ts';
import { useDocument } from '../hooks/use-library-data.ts';
import { t } from '../i18n/t.ts';

export function DocumentView({ id, onBack }: { id: string; onBack: () => void }) {
  const [reloadKey, setReloadKey] = useState(0);
  const { data: doc, error } = useDocument(id, reloadKey);

  const textRef = useRef<HTMLElement>(null);

  useGlobalShortcuts({ escape: () => onBack() });

  // Focus the text once it is there, so arrows, Page Down and Space scroll it straight away.
  const loaded = doc !== null;
  useEffect(() => {
    if (loaded) textRef.current?.focus({ preventScroll: true });
  }, [loaded]);

  return (
    <div className="document-view">
      <div className="document-toolbar">
        <button type="button" className="button" onClick={onBack} title={t('doc.backTooltip')}>
          <span aria-hidden="true" className="back-arrow">
            ←
          </span>{' '}
          {t('doc.back')}
        </button>
        {doc && (
          <h1 className={doc.title ? 'document-title' : 'document-title muted'} dir="auto" lang={doc.language}>
            {doc.title ?? t('library.untitled')}
          </h1>
        )}
      </div>
      {error && (
        <p className="status-error document-error" role="alert">
          {t('doc.loadError', { message: error.message })}
        </p>
      )}
      {!doc && !error && <p className="muted document-loading">{t('doc.loading')}</p>}
      {doc && (
        <div className="document-body">
          <DocumentText ref={textRef} text={doc.text} language={doc.language} direction={doc.direction} />
          <aside className="document-side">
            <MetadataPanel doc={doc} onReload={() => setReloadKey((k) => k + 1)} />
            <ProvenanceList imports={doc.imports} />
          </aside>
        </div>
      )}
    </div>
  );
}
