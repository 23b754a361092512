/** Packs: export this project (or part of it) for a colleague, and open, verify and merge theirs. */
import { useProjectInfo } from '../hooks/use-library-data.ts';
import { t } from '../i18n/t.ts';
import { projectName } from '../lib/format.ts';
import { ExportPanel } from '../packs/export-panel.tsx';
import { OpenPanel } from '../packs/open-panel.tsx';
import { usePackJob } from '../packs/use-pack-job.ts';

export function PacksView({ active, onUndo }: { active: boolean; onUndo: () => void }) {
  const project = useProjectInfo();
  // One job at a time across both panels: an export and a merge never race each other.
  const jobs = usePackJob();
  return (
    <div className="section-view packs-view" hidden={!active}>
      <div className="section-status">
        <span>{t('packs.intro')}</span>
      </div>
      <div className="section-body packs-body">
        <ExportPanel projectName={project.data ? projectName(project.data.path) : 'claimdesk'} jobs={jobs} />
        <OpenPanel jobs={jobs} onUndo={onUndo} />
      </div>
    </div>
  );
}
