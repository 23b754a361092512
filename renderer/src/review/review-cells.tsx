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
import { leadLine } from '../lib/format.ts';

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
    case 'document': return row.document ?? [t('review.untitled'), row.lead ? leadLine(row.lead, 200) : ''].filter(Boolean).join(' ');
    case 'claimText': case 'source': case 'channel': case 'tags': case 'sourceType': case 'outlet':
      return String(row[column as 'claimText'] ?? '');
    default: return '';
  }
}

/**
 * The status as its pill: the one cell drawn by a renderer (a span in the cell), since a pill needs
 * an element around its text. The other editable cells are plain text (review-columns.ts).
 */
export class StatusCell implements ICellRendererComp<ReviewRow> {
  private readonly gui = document.createElement('span');

  init(params: ICellRendererParams<ReviewRow>): void {
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<ReviewRow>): boolean {
    const status = params.data?.status;
    this.gui.className = status ? `status-pill status-${status}` : '';
    this.gui.textContent = status ? statusLabel(status) : '';
    return true;
  }
}

/**
 * The document: its title, or for an untitled one "(untitled)" and the opening of its text in
 * italics, as the Library names it (components/document-title.tsx), so that two untitled reports
 * are told apart in the grid too.
 */
export class DocumentCell implements ICellRendererComp<ReviewRow> {
  private readonly gui = document.createElement('span');

  init(params: ICellRendererParams<ReviewRow>): void {
    this.gui.className = 'untitled-cell';
    this.gui.dir = 'auto';
    this.refresh(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<ReviewRow>): boolean {
    const row = params.data;
    if (!row || row.document) {
      this.gui.textContent = row?.document ?? '';
      return true;
    }
    const label = document.createElement('span');
    label.className = 'muted';
    label.textContent = t('review.untitled');
    const parts: Node[] = [label];
    const opening = row.lead ? leadLine(row.lead, 80) : '';
    if (opening) {
      const lead = document.createElement('span');
      lead.className = 'untitled-lead';
      lead.dir = 'auto';
      lead.textContent = opening;
      parts.push(document.createTextNode(' '), lead);
    }
    this.gui.replaceChildren(...parts);
    return true;
  }
}

/** The columns edited in place, each with its edit button. */
export const EDITABLE_COLUMNS = ['reliability', 'credibility', 'status', 'tags'] as const satisfies readonly ReviewColumn[];
type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

/**
 * The edit buttons, put into the editable cells of the row under the pointer (one per column) and
 * into the focused cell (one more): the only places they show (review.css). A button in every cell
 * drawn cost a renderer per cell, made again for every row on every sort, filter and jump (a fifth
 * of a sort's script here); the keyboard edits with F2, Enter or typing, as in any ag-grid cell.
 */
export class EditButtons {
  private readonly hovered = new Map<EditableColumn, HTMLButtonElement>();
  private readonly focused: HTMLButtonElement;

  constructor(private readonly edit: (rowIndex: number, column: EditableColumn) => void) {
    for (const column of EDITABLE_COLUMNS) this.hovered.set(column, this.button(column));
    this.focused = this.button('status');
  }

  /** Into the editable cells of this row (the pointer is over it); the focused cell keeps one. */
  intoRow(row: Element): void {
    for (const [column, button] of this.hovered) {
      const cell = row.querySelector(`.ag-cell[col-id="${column}"]`);
      if (!cell || cell.contains(this.focused)) continue;
      const left = button.parentElement;
      if (this.into(cell, button) && left && left !== cell && left.classList.contains('ag-cell-focus')) this.intoCell(left);
    }
  }

  /** Into this cell when it is editable (it has the focus), unless the pointer's row gave it one. */
  intoCell(cell: Element): void {
    const column = cell.getAttribute('col-id') as EditableColumn;
    if (!this.hovered.has(column) || this.hovered.get(column)!.parentElement === cell) return;
    if (this.into(cell, this.focused)) this.label(this.focused, column);
  }

  private into(cell: Element, button: HTMLButtonElement): boolean {
    if (button.parentElement === cell) return true;
    // A loading row's cells have no value to edit; a cell being edited shows its editor.
    if (!cell.textContent || cell.classList.contains('ag-cell-popup-editing')) return false;
    cell.append(button);
    return true;
  }

  private button(column: EditableColumn): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cell-edit';
    button.tabIndex = -1;
    this.label(button, column);
    // The cell takes the focus, as when an edit starts from the keyboard (F2).
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      const rowIndex = Number(button.closest('.ag-row')?.getAttribute('row-index'));
      const cellColumn = button.closest('.ag-cell')?.getAttribute('col-id') as EditableColumn | undefined;
      if (Number.isInteger(rowIndex) && cellColumn && this.hovered.has(cellColumn)) this.edit(rowIndex, cellColumn);
    });
    return button;
  }

  private label(button: HTMLButtonElement, column: EditableColumn): void {
    const label = t('edit.button', { what: t(`review.col.${column}` as PlainMessageKey).toLowerCase() });
    button.setAttribute('aria-label', label);
    button.title = label;
  }
}
