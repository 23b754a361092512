/**
 * Key combinations as Help lists them: "Ctrl+Shift+Z or Ctrl+Y", each key a <kbd>. A combination
 * never breaks across lines; a long list wraps after an "or". Both of Help's tables are drawn here.
 */
import { Fragment } from 'react';
import { t } from '../i18n/t.ts';
import { keyParts } from '../keyboard/shortcuts.ts';

/** Names for the annotation screen's key groups, which `keyParts` leaves upper-cased. */
const PRETTY: Record<string, string> = { ARROWS: '←→↑↓', HOME: 'Home', END: 'End' };

export function ShortcutKeys({ specs }: { specs: readonly string[] }) {
  return (
    <>
      {specs.map((spec, i) => (
        <Fragment key={spec}>
          {i > 0 && <span className="shortcut-or"> {t('help.or')} </span>}
          <span className="shortcut-combo">
            {keyParts(spec).map((part, j) => (
              <Fragment key={j}>
                {j > 0 && '+'}
                <kbd>{PRETTY[part] ?? part}</kbd>
              </Fragment>
            ))}
          </span>
        </Fragment>
      ))}
    </>
  );
}

/** A table of shortcuts, the keys on the left and what they do on the right. */
export function ShortcutTable({ label, rows }: { label: string; rows: readonly { id: string; keys: readonly string[]; label: string }[] }) {
  return (
    <table className="shortcut-table" aria-label={label}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="shortcut-keys">
              <ShortcutKeys specs={r.keys} />
            </td>
            <td>{r.label}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
