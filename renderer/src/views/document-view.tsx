/** One document: its text to annotate, and beside it the annotations, metadata and provenance. */
import { useEffect, useRef, useState } from 'react';
import { AnnotateWorkspace } from '../annotate/annotate-workspace.tsx';
import type { SideTab } from '../annotate/side-panel.tsx';
import { DocumentTitle } from '../components/document-title.tsx';
import { useGlobalShortcuts } from '../hooks/use-global-shortcuts.ts';
import { useDocument } from '../hooks/use-library-data.ts';
import { t } from '../i18n/t.ts';

interface Props {
  id: string;
  onBack: () => void;
  /** An annotation to select and show when the document opens. */
  focusSpanId?: string | undefined;
  /** The side panel's tab to open on (Annotations unless said). */
  tab?: SideTab | undefined;
}

export function DocumentView({ id, onBack, focusSpanId, tab }: Props) {
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
          // An untitled document is named by its opening here too, as in the Library and the Review grid.
          <h1 className={doc.title ? 'document-title' : 'document-title untitled'} dir="auto">
            <DocumentTitle title={doc.title} lead={doc.title ? null : doc.text} language={doc.language} max={100} />
          </h1>
        )}
      </div>
      {error && (
        <p className="status-error document-error" role="alert">
          {t('doc.loadError', { message: error.message })}
        </p>
      )}
      {!doc && !error && <p className="muted document-loading">{t('doc.loading')}</p>}
      {doc && <AnnotateWorkspace doc={doc} textRef={textRef} focusSpanId={focusSpanId} initialTab={tab} onReloadDocument={() => setReloadKey((k) => k + 1)} />}
    </div>
  );
}
