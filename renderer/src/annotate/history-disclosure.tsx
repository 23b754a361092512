/**
 * An annotation's history from the operation log (`history:entity`): who did what, when, including
 * undo and redo. Loaded when the disclosure is opened, and again when the project changes.
 */
import { useEffect, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';
import { useChangeVersion } from '../hooks/changes.tsx';
import { t } from '../i18n/t.ts';
import { formatTimestamp } from '../lib/format.ts';

type Ref = ChannelInput<'history:entity'>;
type Entry = ChannelOutput<'history:entity'>[number];

export function HistoryDisclosure({ refs }: { refs: readonly Ref[] }) {
  const client = useClient();
  const version = useChangeVersion('history');
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const key = refs.map((r) => `${r.type}:${r.id}`).join(',');

  useEffect(() => {
    if (!open) return;
    let live = true;
    void Promise.all(refs.map((r) => client.call('history:entity', r))).then((results) => {
      if (!live) return;
      const all = results.flatMap((r) => (r.ok ? r.value : []));
      const seen = new Set<string>();
      const unique = all.filter((e) => {
        const k = `${e.at}|${e.label}|${e.kind}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
      setEntries(unique.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)));
    });
    return () => {
      live = false;
    };
    // `refs` is rebuilt by the caller each render; `key` says when it really changed.
  }, [client, open, key, version]);

  return (
    <details className="history" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('history.title')}</summary>
      {open && entries === null && <p className="muted">{t('history.loading')}</p>}
      {open && entries?.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {open && entries && entries.length > 0 && (
        <ol className="history-list">
          {entries.map((e, i) => (
            <li key={i}>
              <span className="history-when">{formatTimestamp(e.at)}</span>
              <span className="history-who">{e.analyst}</span>
              <span className="history-what" dir="auto">
                {e.label}
                {e.kind !== 'do' && <span className="history-kind"> ({t(e.kind === 'undo' ? 'history.undo' : 'history.redo')})</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
