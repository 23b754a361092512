/**
 * A picked document's name in the Export panel, as the Library names it (DocumentTitle): on one
 * line, cut with "…" where a chip or a row is narrow, the whole title on hover.
 */
import { DocumentTitle } from '../components/document-title.tsx';
import { t } from '../i18n/t.ts';
import { leadLine } from '../lib/format.ts';
import type { PickedDocument } from './export-choice.ts';

/** Short enough for a chip or a list row; the whole opening is in the Library. */
const LEAD_CHARS = 70;

export function DocumentName({ doc }: { doc: PickedDocument }) {
  return (
    <span className="pack-doc-name" title={doc.title ?? undefined}>
      <DocumentTitle title={doc.title} lead={doc.lead} language={doc.language} max={LEAD_CHARS} />
    </span>
  );
}

/** The same name as plain text, for accessible names ("Leave out …"). */
export function documentLabel(doc: PickedDocument): string {
  if (doc.title) return doc.title;
  const lead = doc.lead ? leadLine(doc.lead, LEAD_CHARS) : '';
  return lead ? `${t('library.untitled')} ${lead}` : t('library.untitled');
}
