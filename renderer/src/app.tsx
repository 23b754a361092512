/**
 * The app shell: top bar, the current view, Help, notifications. The Library stays mounted under
 * an open document (hidden), so Back returns to it exactly as it was; so does Review once built
 * (section-views.tsx). Review's grid is built ahead of the first visit when the app is idle after
 * starting (`useIdle`): building an ag-grid costs ~0.4 s of CPU here, which the Review button would
 * otherwise wait for.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SideTab } from './annotate/side-panel.tsx';
import { AnalystDialog } from './components/analyst-dialog.tsx';
import { HelpDialog } from './components/help-dialog.tsx';
import { TopBar, type Section } from './components/top-bar.tsx';
import { useToast, type UndoStep } from './components/toast.tsx';
import type { Step } from '../../shared/result.ts';
import { useClient } from './client/context.tsx';
import { useBump } from './hooks/changes.tsx';
import { useGlobalShortcuts } from './hooks/use-global-shortcuts.ts';
import { useMenuCommands } from './hooks/use-menu-commands.ts';
import { useProjectInfo } from './hooks/use-library-data.ts';
import { t } from './i18n/t.ts';
import { projectName } from './lib/format.ts';
import type { ExportChoice, PickedDocument } from './packs/export-choice.ts';
import { DocumentView } from './views/document-view.tsx';
import { LibraryView } from './views/library-view.tsx';
import { PacksView } from './views/packs-view.tsx';
import { KeptReview, SectionView, useSectionMemory, type CorpusSection } from './views/section-views.tsx';

/**
 * A document opens from a section and Back returns there; `focusSpanId` is the claim to show, `tab`
 * the side panel's tab to open on (Annotations unless said).
 */
type View = { kind: 'library' } | { kind: CorpusSection } | { kind: 'packs' } | { kind: 'document'; id: string; focusSpanId?: string; tab?: SideTab; from: Section };
const sectionOf = (view: View): Section => (view.kind === 'document' ? view.from : view.kind);

/** How long after starting the app waits before building Review in idle time, and how idle it must be. */
const IDLE_AFTER_MS = 300;
const IDLE_MS = 40;
const IDLE_AT_MOST_MS = 5000;

/**
 * Runs `run` once the page is idle (an idle period of `IDLE_MS` or more, so no frame is being drawn;
 * at the latest `IDLE_AT_MOST_MS` after asking), `IDLE_AFTER_MS` after `wanted` turns true. Where the
 * browser has no idle callbacks (jsdom) it never runs.
 */
function useIdle(run: () => void, wanted: boolean) {
  useEffect(() => {
    if (!wanted || typeof window.requestIdleCallback !== 'function') return;
    let handle: number | null = null;
    let giveUpAt = 0;
    const wait = () => {
      const left = giveUpAt - performance.now();
      handle = window.requestIdleCallback((deadline) => (deadline.didTimeout || left <= 0 || deadline.timeRemaining() >= IDLE_MS ? run() : wait()), { timeout: Math.max(1, left) });
    };
    const timer = setTimeout(() => {
      giveUpAt = performance.now() + IDLE_AT_MOST_MS;
      wait();
    }, IDLE_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (handle !== null) window.cancelIdleCallback(handle);
    };
  }, [run, wanted]);
}

export function App() {
  const client = useClient();
  const bump = useBump();
  const toast = useToast();
  const [view, setView] = useState<View>({ kind: 'library' });
  const [helpOpen, setHelpOpen] = useState(false);
  const [focusSearchPending, setFocusSearchPending] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const sectionMemory = useSectionMemory();
  // Review, once built, stays mounted (hidden while another view shows).
  const [reviewKept, setReviewKept] = useState(false);
  // Packs stays mounted once opened: a pack being checked, exported or merged goes on in the core
  // while the analyst looks elsewhere, and its report is there on coming back.
  const [packsKept, setPacksKept] = useState(false);
  // Documents the Library hands to Packs ("Export selected…"); kept here because both views stay mounted.
  const [exportChoice, setExportChoice] = useState<ExportChoice | null>(null);
  useEffect(() => {
    if (view.kind === 'packs') setPacksKept(true);
  }, [view.kind]);
  const reviewShown = view.kind === 'review';
  const keepReview = useCallback(() => setReviewKept(true), []);
  useEffect(() => {
    if (reviewShown) keepReview();
  }, [reviewShown, keepReview]);
  useIdle(keepReview, !reviewKept);

  // A toast's Undo names its step: the core undoes it only while it is the latest, and says why not.
  const history = useCallback(
    async (direction: 'undo' | 'redo', step?: Step) => {
      const result = await (direction === 'undo' ? client.call('history:undo', step ? { step: step.id } : {}) : client.call('history:redo', {}));
      bump();
      if (!result.ok) toast.show({ message: result.error.message });
      else if (result.value) {
        toast.show({ message: t(direction === 'undo' ? 'toolbar.undone' : 'toolbar.redone', { label: result.value.label }) });
      }
    },
    [client, bump, toast],
  );

  useEffect(() => {
    if (!focusSearchPending || view.kind !== 'library') return;
    setFocusSearchPending(false);
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [focusSearchPending, view.kind]);

  // Stable, so that the kept Review does not re-render with every render of the shell.
  const undo = useCallback<UndoStep>((step) => void history('undo', step), [history]);
  const goLibrary = useCallback(() => setView({ kind: 'library' }), []);
  const exportSelected = useCallback((documents: PickedDocument[]) => {
    setExportChoice({ documents });
    setView({ kind: 'packs' });
  }, []);
  const clearExportChoice = useCallback(() => setExportChoice(null), []);
  const openFromReview = useCallback((id: string, focusSpanId: string) => setView({ kind: 'document', id, focusSpanId, from: 'review' }), []);
  const openFromPacks = useCallback((id: string, focusSpanId?: string, tab?: SideTab) => setView({ kind: 'document', id, focusSpanId, tab, from: 'packs' }), []);

  useMenuCommands({ undo: () => void history('undo'), redo: () => void history('redo'), shortcuts: () => setHelpOpen(true) });

  useGlobalShortcuts({
    undo: () => void history('undo'),
    redo: () => void history('redo'),
    help: () => setHelpOpen(true),
    focusSearch: () => {
      setView({ kind: 'library' });
      setFocusSearchPending(true);
    },
  });

  return (
    <div className="app">
      <ProjectBar
        section={sectionOf(view)}
        onNavigate={(section: Section) => setView({ kind: section })}
        onUndo={() => void history('undo')}
        onRedo={() => void history('redo')}
        onHelp={() => setHelpOpen(true)}
      />
      <main className="app-main">
        <LibraryView
          active={view.kind === 'library'}
          onOpen={(id) => setView({ kind: 'document', id, from: 'library' })}
          searchRef={searchRef}
          onUndo={undo}
          onExportSelected={exportSelected}
        />
        {(reviewKept || reviewShown) && (
          <KeptReview
            active={reviewShown}
            memory={sectionMemory}
            onOpen={openFromReview}
            onUndo={undo}
            onGoLibrary={goLibrary}
          />
        )}
        {(view.kind === 'disputes' || view.kind === 'sources') && (
          <SectionView
            section={view.kind}
            memory={sectionMemory}
            onOpen={(id, focusSpanId) => setView({ kind: 'document', id, focusSpanId, from: view.kind })}
            onUndo={undo}
          />
        )}
        {(packsKept || view.kind === 'packs') && (
          <PacksView
            active={view.kind === 'packs'}
            onUndo={undo}
            exportChoice={exportChoice}
            onClearExportChoice={clearExportChoice}
            onOpen={openFromPacks}
          />
        )}
        {view.kind === 'document' && <DocumentView key={view.id} id={view.id} focusSpanId={view.focusSpanId} tab={view.tab} onBack={() => setView({ kind: view.from })} />}
      </main>
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

/**
 * The top bar with what it shows of the project (undo and redo, the document count, the window
 * title). It reads the project again after every change to the history, that is after every
 * write: only this bar re-renders for it, not the view under it.
 */
function ProjectBar(props: Omit<Parameters<typeof TopBar>[0], 'project' | 'onAnalyst'>) {
  const project = useProjectInfo();
  const [naming, setNaming] = useState(false);
  const projectPath = project.data?.path;
  useEffect(() => {
    document.title = projectPath ? `${projectName(projectPath)} — ${t('app.name')}` : t('app.name');
  }, [projectPath]);
  return (
    <>
      <TopBar project={project.data} {...props} onAnalyst={() => setNaming(true)} />
      {naming && project.data && <AnalystDialog name={project.data.analyst.displayName} onClose={() => setNaming(false)} />}
      {project.error && (
        <p className="app-banner" role="alert">
          {t('app.connectionError', { message: project.error.message })}
        </p>
      )}
    </>
  );
}
