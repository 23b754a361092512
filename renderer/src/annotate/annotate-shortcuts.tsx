/**
 * The annotation screen's keys in Help: the one-key actions as the analyst has mapped them, and the
 * fixed keys for selecting text and moving through the panel.
 */
import { t, type PlainMessageKey } from '../i18n/t.ts';
import { ShortcutTable } from '../components/shortcut-keys.tsx';
import { actionLabel } from './keys-dialog.tsx';
import { ACTIONS, useKeymap } from './keymap.ts';

const FIXED: readonly { keys: string[]; label: PlainMessageKey }[] = [
  { keys: ['Shift+Arrows', 'Shift+Mod+Arrows'], label: 'shortcut.selectText' },
  { keys: ['Arrows', 'Home', 'End'], label: 'shortcut.moveCaret' },
  { keys: ['ArrowUp', 'ArrowDown', 'Home', 'End'], label: 'shortcut.panelMove' },
  { keys: ['Delete'], label: 'shortcut.deleteAnnotation' },
  { keys: ['Escape'], label: 'shortcut.clearSelection' },
];

export function AnnotateShortcuts({ onChangeKeys }: { onChangeKeys(): void }) {
  const keymap = useKeymap();
  return (
    <>
      <div className="shortcut-heading-row">
        <h3 className="shortcut-heading">{t('help.annotate')}</h3>
        <button type="button" className="button button-small" onClick={onChangeKeys}>
          {t('help.changeKeys')}
        </button>
      </div>
      <ShortcutTable
        label={t('help.annotate')}
        rows={[
          ...ACTIONS.map((a) => ({ id: a, keys: [keymap[a]], label: actionLabel(a) })),
          ...FIXED.map((f) => ({ id: f.label, keys: f.keys, label: t(f.label) })),
        ]}
      />
    </>
  );
}
