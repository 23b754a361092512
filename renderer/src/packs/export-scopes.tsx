/**
 * What goes under each "Documents" choice of the Export panel once it is picked: the tags, the
 * dates, the saved review view, the documents chosen in the Library. Each sits right under its own
 * radio, so Tab goes from the picked choice straight to its controls.
 */
import { useId } from 'react';
import type { ChannelOutput } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';
import { useChangeVersion } from '../hooks/changes.tsx';
import { useQuery, type QueryState } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';
import { DocumentName } from './document-name.tsx';
import type { ExportChoice } from './export-choice.ts';

type Tags = ChannelOutput<'tags:list'>;
export type SavedView = ChannelOutput<'review:views'>[number];

/** How many chosen documents are named; the rest are counted ("and 5 more"). */
const CHOSEN_SHOWN = 3;

export function TagScope({ tags, chosen, onToggle }: { tags: QueryState<Tags>; chosen: ReadonlySet<string>; onToggle: (name: string) => void }) {
  return (
    <div className="pack-sub">
      {tags.data && tags.data.length === 0 && <p className="muted">{t('packs.export.noTags')}</p>}
      {tags.data && tags.data.length > 0 && (
        <>
          <ul className="pack-tags" aria-label={t('packs.export.tags')}>
            {[...tags.data]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((tag) => (
                <li key={tag.id}>
                  <label className="pack-tag">
                    <input type="checkbox" checked={chosen.has(tag.name)} onChange={() => onToggle(tag.name)} />
                    <span className="pack-swatch" style={{ background: tag.color ?? 'var(--cd-border)' }} aria-hidden="true" />
                    <span dir="auto">{tag.name}</span>
                  </label>
                </li>
              ))}
          </ul>
          <p className="pack-hint">{t('packs.export.tagsChosen', { count: chosen.size })}</p>
        </>
      )}
      {tags.error && <p className="status-error">{tags.error.message}</p>}
    </div>
  );
}

interface DateProps {
  from: string;
  to: string;
  fromBad: boolean;
  toBad: boolean;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
}

export function DateScope({ from, to, fromBad, toBad, onFrom, onTo }: DateProps) {
  return (
    <div className="pack-sub pack-dates">
      <label className="field-inline">
        {t('packs.export.from')}
        <input className="date-input" value={from} placeholder="YYYY-MM-DD" aria-invalid={fromBad} onChange={(e) => onFrom(e.target.value)} />
      </label>
      <label className="field-inline">
        {t('packs.export.to')}
        <input className="date-input" value={to} placeholder="YYYY-MM-DD" aria-invalid={toBad} onChange={(e) => onTo(e.target.value)} />
      </label>
      <p className="pack-hint">{t('packs.export.dateHint')}</p>
    </div>
  );
}

/**
 * The saved review views, by name. Saving one in Review tells nobody (no change event), so the
 * list is read again whenever Packs is shown again (`active`); a view saved meanwhile is there.
 */
export function useSavedViews(active: boolean): QueryState<SavedView[]> {
  const client = useClient();
  const version = useChangeVersion('project');
  const views = useQuery(() => client.call('review:views', {}), [client, version, active]);
  return { ...views, data: views.data && [...views.data].sort((a, b) => a.name.localeCompare(b.name)) };
}

export function ViewScope({ views, value, onChange }: { views: QueryState<SavedView[]>; value: string | null; onChange: (id: string) => void }) {
  const selectId = useId();
  return (
    <div className="pack-sub">
      {views.data && views.data.length === 0 && <p className="muted">{t('packs.export.noViews')}</p>}
      {views.data && views.data.length > 0 && (
        <>
          <div className="pack-view-row">
            <label htmlFor={selectId}>{t('packs.export.view')}</label>
            <select id={selectId} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
              {views.data.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
          <p className="pack-hint">{t('packs.export.viewHint')}</p>
        </>
      )}
      {views.error && <p className="status-error">{t('packs.export.viewsError', { message: views.error.message })}</p>}
    </div>
  );
}

export function ChosenScope({ choice, onClear }: { choice: ExportChoice | null; onClear: () => void }) {
  if (!choice) {
    return (
      <div className="pack-sub">
        <p className="muted">{t('packs.export.chooseHint')}</p>
      </div>
    );
  }
  const shown = choice.documents.slice(0, CHOSEN_SHOWN);
  const more = choice.documents.length - shown.length;
  return (
    <div className="pack-sub">
      <ul className="pack-docs" aria-label={t('packs.export.chosenList')}>
        {shown.map((d) => (
          <li key={d.id}>
            <DocumentName doc={d} />
          </li>
        ))}
        {more > 0 && <li className="pack-hint">{t('packs.export.chosenMore', { count: more })}</li>}
      </ul>
      <div>
        <button type="button" className="button button-small" onClick={onClear}>
          {t('packs.export.clearChoice')}
        </button>
      </div>
    </div>
  );
}
