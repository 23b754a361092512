/** The keyboard shortcuts, listed from the same tables the handlers use (and the analyst's remapped annotation keys). */
import { useRef, useState } from 'react';
import { AnnotateShortcuts } from '../annotate/annotate-shortcuts.tsx';
import { KeysDialog } from '../annotate/keys-dialog.tsx';
import { t } from '../i18n/t.ts';
import { shortcuts } from '../keyboard/shortcuts.ts';
import { Modal } from './modal.tsx';
import { ShortcutTable } from './shortcut-keys.tsx';

export function HelpDialog({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const [editingKeys, setEditingKeys] = useState(false);

  // The keys dialog takes this one's place; closing it brings this one back, focused on Close again.
  if (editingKeys) return <KeysDialog onClose={() => setEditingKeys(false)} />;

  return (
    <Modal
      title={t('help.title')}
      onClose={onClose}
      initialFocus={closeRef}
      actions={
        <button ref={closeRef} type="button" className="button" onClick={onClose}>
          {t('help.close')}
        </button>
      }
    >
      <h3 className="shortcut-heading">{t('help.general')}</h3>
      <ShortcutTable label={t('help.general')} rows={shortcuts.map((s) => ({ id: s.id, keys: s.keys, label: t(s.label) }))} />
      <AnnotateShortcuts onChangeKeys={() => setEditingKeys(true)} />
    </Modal>
  );
}
