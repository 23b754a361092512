/**
 * Cell renderers of the review grid. Rows not loaded yet (the infinite row model fetches blocks as
 * they scroll into view) arrive without data and render empty. Editable cells carry a small edit
 * button for the mouse; the keyboard edits with F2 or by typing, as in any ag-grid.
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
      onClick={(e) => {
        e.stopPropagation();
        api.startEditingCell({ rowIndex: node.rowIndex!, colKey: column.getColId() });
      }}
    >
      ✎
    </button>
  );
}

export function TextCell(props: Props) {
  const value = props.value as string | null | undefined;
  if (!props.data) return null;
  if (value === null || value === undefined || value === '') return <span className="muted">{t('review.ungradedCell')}</span>;
  return <span dir="auto">{value}</span>;
}

export function DocumentCell(props: Props) {
  if (!props.data) return null;
  if (!props.data.document) return <span className="muted">{t('review.untitled')}</span>;
  return <span dir="auto">{props.data.document}</span>;
}

export function KindCell(props: Props) {
  if (!props.data) return null;
  return <span className={`kind kind-${props.data.kind}`}>{props.data.kind}</span>;
}

export function AnonymousCell(props: Props) {
  if (!props.data) return null;
  return props.data.anonymous ? <span className="anon">{t('review.anonymous')}</span> : <span>{t('review.named')}</span>;
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

export function RatingCell(props: Props) {
  if (!props.data) return null;
  const rating = props.data.rating;
  if (!rating) return <span className="muted">{t('review.ungradedCell')}</span>;
  return <span className={`rating rating-${rating.slice(0, 1) === '?' ? 'partial' : 'full'}`}>{rating}</span>;
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
