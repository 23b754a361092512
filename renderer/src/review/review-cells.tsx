/**
 * Cells of the review grid that are more than text: the editable ones (reliability, credibility,
 * status, tags) show their value and a small edit button for the mouse; the keyboard edits with F2
 * or by typing, as in any ag-grid. They are plain DOM renderers, not React components: a screen of
 * rows has a hundred of them, created again on every sort, filter and jump, and a React component
 * per cell (on top of ag-grid's own) cost more than the rest of the row. Rows not loaded yet (the
 * infinite row model fetches blocks as they scroll into view) arrive without data and render empty.
 *
 * Hints (a grade's meaning, a status's reason, text cut off by the column) are the cell's `title`,
 * set when the pointer enters it (`cellTitle`, review-grid.tsx), rather than an ag-grid tooltip
 * built for every cell drawn.
 */
import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { CREDIBILITY_MEANING, RELIABILITY_MEANING } from '../../../shared/annotation-schemas.ts';
import type { ReviewColumn, ReviewRow } from '../../../shared/review-schemas.ts';
import { t, type PlainMessageKey } from '../i18n/t.ts';

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

const STATUS_LABEL: Record<ReviewRow['status'], PlainMessageKey> = {
  uncontested: 'status.uncontested', disputed: 'status.disputed', denied: 'status.denied', corroborated: 'status.corroborated',
};

export const statusLabel = (status: ReviewRow['status']): string => t(STATUS_LABEL[status]);

export function StatusPill({ status }: { status: ReviewRow['status'] }) {
  return <span className={`status-pill status-${status}`}>{statusLabel(status)}</span>;
}

/** The hint of a cell: what its value means, or the whole value where the column may cut it. */
export function cellTitle(column: string, row: ReviewRow): string {
  switch (column as ReviewColumn) {
    case 'rating': return ratingMeaning(row.rating);
    case 'reliability': return reliabilityMeaning(row.reliability);
    case 'credibility': return credibilityMeaning(row.credibility);
    case 'status': return row.statusReason ?? statusLabel(row.status);
    case 'claimText': case 'source': case 'channel': case 'document': case 'tags': case 'sourceType': case 'outlet':
      return String(row[column as 'claimText'] ?? '');
    default: return '';
  }
}

/** What an editable cell shows: its text and the class of that text. */
type Shown = (row: ReviewRow) => { text: string; className: string };

const grade = (value: string | number | null): { text: string; className: string } =>
  value === null ? { text: t('review.ungradedCell'), className: 'grade muted' } : { text: String(value), className: 'grade' };

/** A cell renderer class: the value in a span, then the edit button (made once, kept across refreshes). */
function editableCell(shown: Shown): new () => ICellRendererComp<ReviewRow> {
  return class EditableCell implements ICellRendererComp<ReviewRow> {
    private readonly gui = document.createElement('span');
    private value: HTMLSpanElement | null = null;
    private params: ICellRendererParams<ReviewRow> | null = null;

    init(params: ICellRendererParams<ReviewRow>): void {
      this.gui.className = 'cell-editable';
      this.refresh(params);
    }

    getGui(): HTMLElement {
      return this.gui;
    }

    refresh(params: ICellRendererParams<ReviewRow>): boolean {
      this.params = params;
      if (!params.data) {
        this.gui.replaceChildren();
        this.value = null;
        return true;
      }
      if (!this.value) this.build(params);
      const { text, className } = shown(params.data);
      this.value!.textContent = text;
      this.value!.className = className;
      return true;
    }

    private build(params: ICellRendererParams<ReviewRow>): void {
      this.value = document.createElement('span');
      const button = document.createElement('button');
      const what = (params.colDef?.headerName ?? params.column?.getColId() ?? '').toLowerCase();
      button.type = 'button';
      button.className = 'cell-edit';
      button.tabIndex = -1;
      button.setAttribute('aria-label', t('edit.button', { what }));
      button.title = t('edit.button', { what });
      // The cell takes the focus, as when an edit starts from the keyboard (F2).
      button.addEventListener('mousedown', (e) => e.preventDefault());
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        const p = this.params;
        const rowIndex = p?.node.rowIndex;
        const colKey = p?.column?.getColId();
        if (!p || rowIndex === null || rowIndex === undefined || !colKey) return;
        p.api.setFocusedCell(rowIndex, colKey);
        p.api.startEditingCell({ rowIndex, colKey });
      });
      this.gui.replaceChildren(this.value, button);
    }
  };
}

export const ReliabilityCell = editableCell((row) => grade(row.reliability));
export const CredibilityCell = editableCell((row) => grade(row.credibility));
export const StatusCell = editableCell((row) => ({ text: statusLabel(row.status), className: `status-pill status-${row.status}` }));
export const TagsCell = editableCell((row) =>
  row.tags ? { text: row.tags, className: 'tags-text' } : { text: t('review.ungradedCell'), className: 'tags-text muted' },
);
