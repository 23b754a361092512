/**
 * Cell renderers of the review grid, for the editable cells only (the others are plain text, see
 * review-columns.ts). Rows not loaded yet (the infinite row model fetches blocks as they scroll into
 * view) arrive without data and render empty. Editable cells carry a small edit button for the
 * mouse; the keyboard edits with F2 or by typing, as in any ag-grid.
 */
import type { CustomCellRendererProps } from 'ag-grid-react';
import { CREDIBILITY_MEANING, RELIABILITY_MEANING } from '../../../shared/annotation-schemas.ts';
import type { ReviewRow } from '../../../shared/review-schemas.ts';
import { t, type PlainMessageKey } from '../i18n/t.ts';

type Props = CustomCellRendererProps<ReviewRow>;

export const reliabilityMeaning = (grade: string | null | undefined): string =>
  grade && grade in RELIABILITY_MEANING ? `${grade}: ${RELIABILITY_MEANING[grade as keyof typeof RELIABILITY_MEANING]}` : '';

export const credibilityMeaning = (grade: number | null | undefined): string =>
  grade && grade in CREDIBILITY_MEANING ? `${grade}: ${CREDIBILITY_MEANING[grade as keyof typeof CREDIBILITY_MEANING]}` : '';

/** "B2" → "B: Usually reliable · 2: Probably true". */
export function ratingMeaning(rating: string | null | undefined): string {
  if (!rating) return '';
  const [r, c] = [rating.slice(0, 1), Number(rating.slice(1))];
  return [reliabilityMeaning(r), credibilityMeaning(Number.isInteger(c) ? c : null)].filter(Boolean).join(' · ');
}

function EditButton({ api, node, column }: Props) {
  const colDef = column?.getColDef();
  if (!column || node.rowIndex === null) return null;
  const what = (colDef?.headerName ?? column.getColId()).toLowerCase();
  return (
    <button
      type="button"
      className="cell-edit"
      tabIndex={-1}
      aria-label={t('edit.button', { what })}
      title={t('edit.button', { what })}
      // The cell takes the focus, as when an edit starts from the keyboard (F2).
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => {
        e.stopPropagation();
        api.setFocusedCell(node.rowIndex!, column.getColId());
        api.startEditingCell({ rowIndex: node.rowIndex!, colKey: column.getColId() });
      }}
    />
  );
}

export function ReliabilityCell(props: Props) {
  if (!props.data) return null;
  const grade = props.data.reliability;
  return (
    <span className="cell-editable">
      <span className={grade ? 'grade' : 'grade muted'}>{grade ?? t('review.ungradedCell')}</span>
      <EditButton {...props} />
    </span>
  );
}

export function CredibilityCell(props: Props) {
  if (!props.data) return null;
  const grade = props.data.credibility;
  return (
    <span className="cell-editable">
      <span className={grade ? 'grade' : 'grade muted'}>{grade ?? t('review.ungradedCell')}</span>
      <EditButton {...props} />
    </span>
  );
}

const STATUS_LABEL: Record<ReviewRow['status'], PlainMessageKey> = {
  uncontested: 'status.uncontested', disputed: 'status.disputed', denied: 'status.denied', corroborated: 'status.corroborated',
};

export const statusLabel = (status: ReviewRow['status']): string => t(STATUS_LABEL[status]);

export function StatusPill({ status }: { status: ReviewRow['status'] }) {
  return <span className={`status-pill status-${status}`}>{statusLabel(status)}</span>;
}

export function StatusCell(props: Props) {
  if (!props.data) return null;
  return (
    <span className="cell-editable">
      <StatusPill status={props.data.status} />
      <EditButton {...props} />
    </span>
  );
}

export function TagsCell(props: Props) {
  if (!props.data) return null;
  return (
    <span className="cell-editable">
      <span className={props.data.tags ? 'tags-text' : 'tags-text muted'}>{props.data.tags ?? t('review.ungradedCell')}</span>
      <EditButton {...props} />
    </span>
  );
}
