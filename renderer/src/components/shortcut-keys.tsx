/**
 * Key combinations as Help lists them: "Ctrl+Shift+Z or Ctrl+Y", each key a <kbd>. A combination
 * never breaks across lines; a long list wraps after an "or".
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
