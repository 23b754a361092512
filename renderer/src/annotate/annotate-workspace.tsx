/**
 * The annotation screen (issue 4): the document's text with its annotations drawn as highlights,
 * selection → toolbar (or one key) → a span, hover and click on what is drawn, and beside the text
 * the Annotations panel (the keyboard and screen-reader path to every span) and the Details tab
 * (metadata and provenance from issue 3).
 */
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { TextRange } from '../../../shared/anchoring/index.ts';
import type { DocumentFull } from '../../../shared/contract.ts';
import { DocumentText } from '../components/document-text.tsx';
import { AnnotateToolbar } from './annotate-toolbar.tsx';
import { AnnotationsPanel } from './annotations-panel.tsx';
import { kindLabel } from './describe.ts';
import { lazyLookup } from './hit-test.ts';
import { isSelectable, type SelectableItem } from './model.ts';
import { lineRects, placeRect, type Place } from './placement.ts';
import { SidePanel, type SideTab } from './side-panel.tsx';
import { SpanTooltip } from './span-tooltip.tsx';
import { Caret, KindTag } from './text-marks.tsx';
import { useAnnotateActions } from './use-annotate-actions.ts';
import { afterPaint, useAnnotations } from './use-annotations.ts';
import { useHover } from './use-hover.ts';
import { usePainter, type Drawn } from './use-painter.ts';
import { useTextSelection } from './use-text-selection.ts';
import { useWorkspaceKeys } from './use-workspace-keys.ts';
import { WorkspaceDetail, WorkspaceDialogs, type Dialog } from './workspace-parts.tsx';

interface Props {
  doc: DocumentFull;
  onReloadDocument(): void;
  /** An annotation to show when the document opens (from the Review or Disputes views). */
  focusSpanId?: string | undefined;
  /** The side panel's tab when the document opens: Annotations unless said (Packs opens a metadata conflict on Details). */
  initialTab?: SideTab | undefined;
  textRef: RefObject<HTMLElement | null>;
}

type Pending = TextRange & { how: 'mouse' | 'keyboard' };

export function AnnotateWorkspace({ doc, onReloadDocument, focusSpanId, initialTab, textRef }: Props) {
  // Spans are drawn in the text as soon as they arrive; the panel is rebuilt after (a transition).
  const drawnRef = useRef<Drawn | null>(null);
  const ann = useAnnotations(doc.id, (data) => drawnRef.current?.painter.setSpans(data.spans));
  const model = ann.state?.model ?? null;
  const drawn = usePainter(textRef, doc.text, () => ann.latest()?.data.spans ?? null);
  useLayoutEffect(() => {
    drawnRef.current = drawn;
  }, [drawn]);
  const spans = ann.state?.data.spans;
  const lookup = useMemo(() => lazyLookup(() => (spans ?? []).filter((s) => !s.orphaned)), [spans]);
  const [selectedId, setSelectedId] = useState<string | null>(focusSpanId ?? null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [toolbarAt, setToolbarAt] = useState<Place | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [tab, setTab] = useState<SideTab>(initialTab ?? 'annotations');
  const detailRef = useRef<HTMLElement>(null);
  const actions = useAnnotateActions({
    documentId: doc.id, text: doc.text, painter: drawn?.painter ?? null, annotations: ann,
    problem: setProblem, announce: setAnnouncement,
  });

  const found = selectedId && model ? model.items[model.indexOf.get(selectedId) ?? -1] : undefined;
  const selected: SelectableItem | null = isSelectable(found) ? found : null;

  useLayoutEffect(() => {
    drawn?.painter.setState('focus', selected && !selected.span.orphaned ? selected.id : null);
  }, [drawn, selected]);

  /** Scrolls the text to a span (if it is out of view) and flashes it. */
  const reveal = useCallback(
    (id: string) => {
      const el = textRef.current;
      const range = drawn?.painter.liveRange(id);
      if (!el || !range || !drawn) return;
      const rect = lineRects(range)[0];
      const pane = el.getBoundingClientRect();
      if (rect && (rect.top < pane.top + 24 || rect.bottom > pane.bottom - 24)) el.scrollTop += rect.top - pane.top - pane.height / 3;
      drawn.painter.flash(id);
    },
    [drawn, textRef],
  );

  const select = useCallback(
    (id: string | null, from: 'panel' | 'text') => {
      setSelectedId(id);
      setTab('annotations');
      if (id && from === 'panel') reveal(id);
    },
    [reveal],
  );

  // Opened to show one annotation: once it is drawn, bring it into view.
  const shownFocus = useRef(false);
  useEffect(() => {
    if (shownFocus.current || !focusSpanId || !drawn?.painter.has(focusSpanId)) return;
    shownFocus.current = true;
    reveal(focusSpanId);
  }, [focusSpanId, drawn, ann.state, reveal]);

  useTextSelection(textRef, drawn?.index ?? null, doc.text, {
    onPending: (range, how) => {
      setPending(range && { ...range, how });
      drawn?.painter.setPending(how === 'keyboard' ? range : null);
    },
    onClick: (offset) => {
      if (offset === null) return;
      const ids = lookup.at(offset).map((s) => s.id);
      if (ids.length === 0) return;
      const k = selectedId ? ids.indexOf(selectedId) : -1;
      select(ids[(k + 1) % ids.length]!, 'text');
    },
  });
  const hover = useHover(textRef, drawn, lookup);

  // The toolbar sits under the end of the selection, aligned with the start of its last line.
  useLayoutEffect(() => {
    const el = textRef.current;
    const range = pending && drawn ? drawn.index.liveRange(pending.start, pending.end) : null;
    if (!el || !range) return setToolbarAt(null);
    const last = lineRects(range).at(-1);
    if (!last) return setToolbarAt({ block: 0, inline: 0 }); // no layout to measure (jsdom)
    const at = placeRect(el, last);
    setToolbarAt({ block: at.block + last.height + 6, inline: at.inline });
  }, [pending, drawn, textRef]);

  const clearPending = () => {
    setPending(null);
    drawn?.painter.setPending(null);
  };

  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const marking = useRef(false);
  const mark = async (kind: SelectableItem['span']['kind']) => {
    if (!pending || marking.current) return;
    const range = { start: pending.start, end: pending.end };
    marking.current = true;
    let span: SelectableItem['span'] | null = null;
    try {
      span = await actions.mark(kind, range);
    } finally {
      // The toolbar and the selection go once the new span is on screen, in the frame after it:
      // put away at the key press, their frame was still being composited while the span was drawn
      // (docs/benchmarks.md, "annotate-render"). Words chosen meanwhile stay chosen.
      afterPaint(() => {
        marking.current = false;
        const now = pendingRef.current;
        if (now && now.start === range.start && now.end === range.end) {
          clearPending();
          const sel = document.getSelection();
          if (sel && !sel.isCollapsed) sel.collapseToEnd();
        }
      });
    }
    // The new span is drawn at once (in actions.mark); the panel follows without holding up that frame.
    const id = span?.id;
    if (id) afterPaint(() => startTransition(() => setSelectedId(id)));
  };

  const remove = async (item: SelectableItem) => {
    if (item.type === 'claim' && (item.links.length > 0 || item.attributions.length > 0)) setDialog({ type: 'deleteClaim', item });
    else if (await actions.remove(item.span)) afterPaint(() => startTransition(() => setSelectedId(null)));
  };

  const onKeyDown = useWorkspaceKeys({
    pending: pending !== null,
    selected,
    mark: (kind) => void mark(kind),
    rekind: (item, kind) => void actions.rekind(item.span, kind),
    attribute: () => selected?.type === 'claim' && setDialog({ type: 'attribute', item: selected }),
    link: () => selected?.type === 'claim' && setDialog({ type: 'link', item: selected }),
    remove: (item) => void remove(item),
    escape: () => {
      if (pending) {
        clearPending();
        document.getSelection()?.collapseToEnd();
        return true;
      }
      if (selectedId) {
        setSelectedId(null);
        return true;
      }
      return false;
    },
  });

  const focusRange = selected && !selected.span.orphaned && drawn?.painter.has(selected.id) ? drawn.painter.liveRange(selected.id) : null;

  return (
    <div className="document-body annotate-body" onKeyDown={onKeyDown}>
      <DocumentText ref={textRef} text={doc.text} language={doc.language} direction={doc.direction}>
        {/* One layer for everything drawn over the text: what mounts inside it never restyles the paragraphs. */}
        <div className="text-overlays" data-overlay="">
        <Caret textRef={textRef} index={drawn?.index ?? null} />
        {selected && focusRange && (
          <KindTag textRef={textRef} range={focusRange} label={kindLabel(selected.span.kind, true)} kind={selected.span.kind} key={`${selected.id}:${spans?.length}`} />
        )}
        {pending && toolbarAt && <AnnotateToolbar place={toolbarAt} onMark={(kind) => void mark(kind)} onDismiss={() => { clearPending(); textRef.current?.focus(); }} />}
        </div>
      </DocumentText>
      <SidePanel doc={doc} tab={tab} onTab={setTab} onReloadDocument={onReloadDocument}>
        <AnnotationsPanel
          model={model}
          error={ann.error}
          selectedId={selectedId}
          problem={problem}
          detailRef={detailRef}
          onSelect={(id) => select(id, 'panel')}
          onDismissProblem={() => setProblem(null)}
          onKeys={() => setDialog({ type: 'keys' })}
          detail={
            selected && model ? (
              <WorkspaceDetail item={selected} model={model} doc={doc} call={actions.call} announce={actions.announce} onDialog={setDialog} onDelete={() => void remove(selected)} onSelect={(id) => select(id, 'panel')} />
            ) : null
          }
        />
      </SidePanel>
      {hover && model && !pending && <SpanTooltip hover={hover} model={model} />}
      {dialog && model && (
        <WorkspaceDialogs
          dialog={dialog}
          model={model}
          doc={doc}
          actions={actions}
          onClose={() => setDialog(null)}
          onDeleted={() => setSelectedId(null)}
        />
      )}
      <p className="annotate-live" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
