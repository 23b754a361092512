/**
 * Saved views of the review grid: a name for a column layout, sort, filters and quick filters,
 * stored in the project (`review:saveView`), so they travel with it and differ per project.
 * Saving under an existing name replaces that view. The list is read when the menu first opens,
 * not with the grid (which the app may build ahead of time, hidden).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useClient } from '../client/context.tsx';
import { useToast } from '../components/toast.tsx';
import { useQuery } from '../hooks/use-query.ts';
import { t } from '../i18n/t.ts';
import type { ReviewViewState } from './review-grid.tsx';

interface Props {
  current: () => ReviewViewState;
  onApply: (state: Partial<ReviewViewState>) => void;
  onReset: () => void;
}

export function ViewsMenu({ current, onApply, onReset }: Props) {
  const client = useClient();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [opened, setOpened] = useState(false);
  if (open && !opened) setOpened(true);
  const views = useQuery(opened ? () => client.call('review:views', {}) : null, [client, reload, opened]);
  const menuId = useId();
  const nameId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const save = async () => {
    const result = await client.call('review:saveView', { name, state: { ...current() } });
    if (!result.ok) return setError(t('review.viewError', { message: result.error.message }));
    setError(null);
    setName('');
    setReload((n) => n + 1);
    toast.show({ message: t('review.viewSaved', { name: result.value.name }) });
  };

  const remove = async (id: string, viewName: string) => {
    const result = await client.call('review:deleteView', { id });
    setReload((n) => n + 1);
    toast.show({ message: result.ok ? t('review.viewDeleted', { name: viewName }) : result.error.message });
  };

  return (
    <div
      className="menu-host"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button type="button" className="button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        {t('review.views')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu-popover" id={menuId} role="group" aria-label={t('review.viewsMenu')}>
          <ul className="views-list">
            {views.data?.length === 0 && <li className="muted">{t('review.viewsNone')}</li>}
            {views.data?.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className="button button-quiet views-apply"
                  onClick={() => {
                    onApply(v.state as Partial<ReviewViewState>);
                    setOpen(false);
                    toast.show({ message: t('review.viewApplied', { name: v.name }) });
                  }}
                >
                  {v.name}
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('review.viewDelete', { name: v.name })}
                  title={t('review.viewDelete', { name: v.name })}
                  onClick={() => void remove(v.id, v.name)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <form
            className="views-save"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <label htmlFor={nameId}>{t('review.viewSave')}</label>
            <div className="views-save-row">
              <input id={nameId} value={name} placeholder={t('review.viewName')} onChange={(e) => setName(e.target.value)} />
              <button type="submit" className="button button-primary" disabled={name.trim() === ''}>
                {t('review.viewSaveButton')}
              </button>
            </div>
            {error && (
              <p className="field-error" role="alert">
                {error}
              </p>
            )}
          </form>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              onReset();
              setOpen(false);
            }}
          >
            {t('review.viewReset')}
          </button>
        </div>
      )}
    </div>
  );
}
