/**
 * The Annotations panel beside the text: a count, the legend of how each kind is drawn, the list of
 * every annotation, and under it the selected annotation in full (where it is edited).
 */
import { useState, type ReactNode, type RefObject } from 'react';
import type { ErrorInfo } from '../../../shared/result.ts';
import { t } from '../i18n/t.ts';
import { AnnotationsList } from './annotations-list.tsx';
import { KINDS } from './kinds.ts';
import type { PanelModel } from './model.ts';

interface Props {
  model: PanelModel | null;
  error: ErrorInfo | null;
  selectedId: string | null;
  problem: string | null;
  detail: ReactNode;
  detailRef: RefObject<HTMLElement | null>;
  onSelect(id: string): void;
  onDismissProblem(): void;
  onKeys(): void;
}

export function AnnotationsPanel({ model, error, selectedId, problem, detail, detailRef, onSelect, onDismissProblem, onKeys }: Props) {
  const [legend, setLegend] = useState(false);
  // Rows less group headers: no pass over, and no copy of, ten thousand rows a render.
  const count = model ? model.items.length - model.headers.length : 0;
  return (
    <section className="annotations-panel" aria-label={t('panel.annotations')}>
      <header className="panel-header">
        <span className="panel-count">{model ? t('panel.count', { count }) : ''}</span>
        <button type="button" className="button button-quiet button-small" aria-expanded={legend} onClick={() => setLegend(!legend)}>
          {t('panel.legend')}
        </button>
        <button type="button" className="button button-quiet button-small" title={t('annotate.keysTooltip')} onClick={onKeys}>
          {t('annotate.keys')}
        </button>
      </header>
      {legend && (
        <ul className="legend" aria-label={t('panel.legend')}>
          {KINDS.map((k) => (
            <li key={k.kind}>
              <span className="legend-sample" data-kind={k.kind}>{t(k.label)}</span>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <div className="panel-problem annotate-problem" role="alert">
          <p>{problem}</p>
          <button type="button" className="button button-small" onClick={onDismissProblem}>
            {t('annotate.dismiss')}
          </button>
        </div>
      )}
      {error && <p className="status-error panel-note" role="alert">{t('panel.loadError', { message: error.message })}</p>}
      {!model && !error && <p className="muted panel-note">{t('panel.loading')}</p>}
      {model && count === 0 && <p className="muted panel-note">{t('panel.empty')}</p>}
      {model && count > 0 && (
        <AnnotationsList model={model} selectedId={selectedId} onSelect={onSelect} onOpen={() => detailRef.current?.querySelector<HTMLElement>('button, select, input')?.focus()} />
      )}
      <section ref={detailRef} className="annotation-detail" aria-label={t('detail.region')}>
        {detail ?? <p className="muted">{t('detail.none')}</p>}
      </section>
    </section>
  );
}
