/**
 * Packs: export this project (or part of it) for a colleague; open, verify and merge theirs; and
 * the merges made here, whose conflicts open in their documents.
 */
import { useProjectInfo } from '../hooks/use-library-data.ts';
import { t } from '../i18n/t.ts';
import { projectName } from '../lib/format.ts';
import type { OpenConflict } from '../packs/conflict-list.tsx';
import type { ExportChoice } from '../packs/export-choice.ts';
import { ExportPanel } from '../packs/export-panel.tsx';
import { MergesPanel } from '../packs/merges-panel.tsx';
import { OpenPanel } from '../packs/open-panel.tsx';
import { usePackJob } from '../packs/use-pack-job.ts';
import type { UndoStep } from '../components/toast.tsx';

interface Props {
  active: boolean;
  onUndo: UndoStep;
  /** Documents chosen in the Library for export ("Export selected…"), or null. */
  exportChoice: ExportChoice | null;
  onClearExportChoice: () => void;
  /** Opens the Document view at a merge conflict (Back returns here). */
  onOpen: OpenConflict;
}

export function PacksView({ active, onUndo, exportChoice, onClearExportChoice, onOpen }: Props) {
  const project = useProjectInfo();
  // One job at a time across both panels: an export and a merge never race each other.
  const jobs = usePackJob();
  return (
    <div className="section-view packs-view" hidden={!active}>
      <div className="section-status">
        <span>{t('packs.intro')}</span>
      </div>
      <div className="section-body packs-body">
        <ExportPanel
          projectName={project.data ? projectName(project.data.path) : 'claimdesk'}
          jobs={jobs}
          active={active}
          choice={exportChoice}
          onClearChoice={onClearExportChoice}
        />
        {/* One column: what comes in (a pack to open) above what came in before. */}
        <div className="packs-column">
          <OpenPanel jobs={jobs} active={active} onUndo={onUndo} onOpen={onOpen} />
          <MergesPanel active={active} onOpen={onOpen} onUndo={onUndo} />
        </div>
      </div>
    </div>
  );
}
