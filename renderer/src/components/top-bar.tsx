/**
 * The app's top bar: name, project, the main sections, who you are, and Undo/Redo/Help. Sections come from a
 * list so that Review, Disputes and Sources join Library without a new layout.
 */
import type { ProjectInfo } from '../../../shared/contract.ts';
import { t, type PlainMessageKey } from '../i18n/t.ts';
import { projectName } from '../lib/format.ts';

export type Section = 'library' | 'review' | 'disputes' | 'sources' | 'packs';
export const SECTIONS: readonly { id: Section; label: PlainMessageKey }[] = [
  { id: 'library', label: 'nav.library' },
  { id: 'review', label: 'nav.review' },
  { id: 'disputes', label: 'nav.disputes' },
  { id: 'sources', label: 'nav.sources' },
  { id: 'packs', label: 'nav.packs' },
];

interface Props {
  project: ProjectInfo | null;
  section: Section;
  onNavigate: (section: Section) => void;
  onUndo: () => void;
  onRedo: () => void;
  onHelp: () => void;
  onAnalyst: () => void;
}

export function TopBar({ project, section, onNavigate, onUndo, onRedo, onHelp, onAnalyst }: Props) {
  const undoLabel = project?.canUndo ? t('toolbar.undoLabel', { label: project.canUndo }) : t('toolbar.nothingToUndo');
  const redoLabel = project?.canRedo ? t('toolbar.redoLabel', { label: project.canRedo }) : t('toolbar.nothingToRedo');
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="app-name">{t('app.name')}</span>
        <span className="project" title={project?.path}>
          {project ? projectName(project.path) : t('app.noProject')}
        </span>
      </div>
      <nav className="main-nav" aria-label={t('app.nav')}>
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            className="nav-button"
            aria-current={s.id === section ? 'page' : undefined}
            onClick={() => onNavigate(s.id)}
          >
            {t(s.label)}
          </button>
        ))}
      </nav>
      <div className="top-actions">
        {project && (
          <button
            type="button"
            className="button button-quiet top-analyst"
            onClick={onAnalyst}
            title={t('toolbar.analystTooltip')}
            aria-label={t('toolbar.analystLabel', { name: project.analyst.displayName })}
          >
            <span dir="auto">{project.analyst.displayName}</span>
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onUndo} disabled={!project?.canUndo} title={undoLabel}>
          {t('toolbar.undo')}
        </button>
        <button type="button" className="button button-quiet" onClick={onRedo} disabled={!project?.canRedo} title={redoLabel}>
          {t('toolbar.redo')}
        </button>
        <button type="button" className="button button-quiet" onClick={onHelp} title={t('toolbar.helpTooltip')}>
          {t('toolbar.help')}
        </button>
      </div>
    </header>
  );
}
