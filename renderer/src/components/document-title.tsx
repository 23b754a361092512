/**
 * A document's name wherever one is shown beside a claim (Disputes, Figures, a source's claims):
 * its title, or for a document without one "(untitled)" and the opening of its text, as the Library
 * names it, so that two untitled reports are told apart.
 */
import { t } from '../i18n/t.ts';
import { leadLine } from '../lib/format.ts';

interface Props {
  title: string | null;
  /** The opening of the text (the core sends it for untitled documents only). */
  lead: string | null;
  language?: string;
  /** Characters of the opening to show. */
  max?: number;
}

export function DocumentTitle({ title, lead, language, max = 60 }: Props) {
  if (title) {
    return (
      <span dir="auto" lang={language || undefined}>
        {title}
      </span>
    );
  }
  const opening = lead ? leadLine(lead, max) : '';
  return (
    <span title={t('library.untitledHint')}>
      <span className="muted">{t('library.untitled')}</span>
      {opening && (
        <span className="untitled-lead" dir="auto" lang={language || undefined}>
          {' '}
          {opening}
        </span>
      )}
    </span>
  );
}
