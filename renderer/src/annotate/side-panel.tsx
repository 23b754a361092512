/**
 * The side of the document view: two tabs, Annotations (this issue) and Details (the metadata and
 * import provenance of issue 3). Arrow keys move between the tabs, as the ARIA tabs pattern has it.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { DocumentFull } from '../../../shared/contract.ts';
import { MetadataPanel } from '../components/metadata-panel.tsx';
import { ProvenanceList } from '../components/provenance-list.tsx';
import { t } from '../i18n/t.ts';

/** Which tab the panel shows; a document can open on either (a metadata conflict opens on Details). */
export type SideTab = 'annotations' | 'details';

interface Props {
  doc: DocumentFull;
  tab: SideTab;
  onTab(tab: SideTab): void;
  onReloadDocument(): void;
  children: ReactNode;
}

const TABS: readonly { id: SideTab; label: 'panel.annotations' | 'panel.details' }[] = [
  { id: 'annotations', label: 'panel.annotations' },
  { id: 'details', label: 'panel.details' },
];

export function SidePanel({ doc, tab, onTab, onReloadDocument, children }: Props) {
  const id = useId();
  const refs = useRef<Record<SideTab, HTMLButtonElement | null>>({ annotations: null, details: null });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next: SideTab = tab === 'annotations' ? 'details' : 'annotations';
    onTab(next);
    refs.current[next]?.focus();
  };
  return (
    <aside className="document-side annotate-side">
      <div className="side-tabs" role="tablist" aria-label={t('panel.tabs')} onKeyDown={onKeyDown}>
        {TABS.map((x) => (
          <button
            key={x.id}
            ref={(el) => {
              refs.current[x.id] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-${x.id}-tab`}
            aria-selected={tab === x.id}
            aria-controls={`${id}-${x.id}`}
            tabIndex={tab === x.id ? 0 : -1}
            className="side-tab"
            onClick={() => onTab(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-annotations`} aria-labelledby={`${id}-annotations-tab`} className="side-panel" hidden={tab !== 'annotations'}>
        {children}
      </div>
      <div role="tabpanel" id={`${id}-details`} aria-labelledby={`${id}-details-tab`} className="side-panel side-details" hidden={tab !== 'details'}>
        <MetadataPanel doc={doc} onReload={onReloadDocument} />
        <ProvenanceList imports={doc.imports} />
      </div>
    </aside>
  );
}
