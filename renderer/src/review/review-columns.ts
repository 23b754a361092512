/**
 * The review grid's columns: one per `REVIEW_COLUMNS` id, with the filter each takes (ag-grid's
 * text, number and date filters, and our set filter for the closed lists), its renderer and, for
 * grades, status and tags, its editor. Filters allow one condition each and only the operators the
 * core understands. No cell has an ag-grid tooltip (only the headers do): one is built for every cell drawn; the
 * grid sets a cell's `title` when the pointer enters it instead (`cellTitle`, review-cells.tsx).
 */
import type { ColDef } from 'ag-grid-community';
import { CLAIM_KINDS, CLAIM_STATUSES, RELIABILITY, RELIABILITY_MEANING, SOURCE_TYPES } from '../../../shared/annotation-schemas.ts';
import type { ReviewColumn, ReviewRow } from '../../../shared/review-schemas.ts';
import { t, type PlainMessageKey } from '../i18n/t.ts';
import { formatTimestamp } from '../lib/format.ts';
import { CredibilityEditor, ReliabilityEditor } from './grade-editors.tsx';
import { StatusEditor, TagsEditor } from './claim-editors.tsx';
import { editorKeys } from './edit-form.tsx';
import { DocumentCell, StatusCell, statusLabel } from './review-cells.tsx';
import { NONE, setFilter, type SetOption } from './set-filter.tsx';

const text = {
  filter: 'agTextColumnFilter',
  filterParams: { maxNumConditions: 1, filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'] },
};
const number = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank'],
  },
};
const date = {
  filter: 'agDateColumnFilter',
  filterParams: { maxNumConditions: 1, filterOptions: ['equals', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'] },
};

const options = (values: readonly string[], label: (v: string) => string = (v) => v, hint?: (v: string) => string): SetOption[] =>
  values.map((value) => ({ value, label: label(value), ...(hint && { hint: hint(value) }) }));

const RATINGS = ['A', 'B', 'C', 'D', 'E', 'F', '?'].flatMap((r) => ['1', '2', '3', '4', '5', '6', '?'].map((c) => `${r}${c}`)).filter((r) => r !== '??');

const editable = (editor: ColDef['cellEditor']): Partial<ColDef<ReviewRow>> => ({
  editable: true,
  cellEditor: editor,
  cellEditorPopup: true,
  cellEditorPopupPosition: 'under',
  suppressKeyboardEvent: editorKeys,
});

const header = (id: ReviewColumn): string => t(`review.col.${id}` as PlainMessageKey);

/**
 * Plain cells: ag-grid writes their text itself, without a React component per cell (18 columns of
 * React renderers made a screen of rows take hundreds of milliseconds). Empty values read "—", muted;
 * `bidi` lets each cell take the direction of its own text (Arabic claims and names).
 */
const isEmpty = (value: unknown) => value === null || value === undefined || value === '';
const plain = (empty = t('review.ungradedCell'), className = 'cell-bidi'): Partial<ColDef<ReviewRow>> => ({
  valueFormatter: (p) => (isEmpty(p.value) ? (p.data ? empty : '') : String(p.value)),
  cellClassRules: { 'cell-empty': (p) => Boolean(p.data) && isEmpty(p.value) },
  cellClass: className,
});

const col = (id: ReviewColumn, def: Partial<ColDef<ReviewRow>>): ColDef<ReviewRow> => ({
  colId: id,
  field: id,
  headerName: header(id),
  headerTooltip: header(id),
  ...def,
});

/**
 * Columns in the order an analyst reads a sourcing table: what is claimed, by whom, through what,
 * how it is graded and what became of it (all in view at 1440 px); then what kind of source, where
 * it was published, and the bookkeeping. The claim stays pinned at the start while the rest scrolls.
 */
export function reviewColumns(): ColDef<ReviewRow>[] {
  return [
    col('claimText', { ...text, ...plain(), pinned: 'left', width: 360 }),
    col('kind', { ...setFilter({ options: options(CLAIM_KINDS) }), width: 84, cellClass: (p) => (p.data ? `kind kind-${p.data.kind}` : '') }),
    col('source', { ...text, ...plain(), width: 180 }),
    col('channel', { ...text, ...plain(), width: 150 }),
    col('rating', {
      ...setFilter({ options: [...options(RATINGS), { value: NONE, label: t('review.none') }], columns: 7 }),
      ...plain(),
      width: 80,
      cellClass: (p) => (p.data?.rating ? `rating-cell${p.data.rating.includes('?') ? ' rating-partial' : ''}` : ''),
    }),
    col('reliability', {
      ...setFilter({ options: [...options(RELIABILITY, (v) => v, (v) => RELIABILITY_MEANING[v as keyof typeof RELIABILITY_MEANING]), { value: NONE, label: t('review.none') }] }),
      ...editable(ReliabilityEditor),
      ...plain(undefined, 'cell-has-editor grade'),
      width: 100,
    }),
    col('credibility', {
      ...number,
      ...editable(CredibilityEditor),
      ...plain(undefined, 'cell-has-editor grade'),
      width: 104,
    }),
    col('status', {
      ...setFilter({ options: options(CLAIM_STATUSES, (v) => statusLabel(v as ReviewRow['status'])) }),
      ...editable(StatusEditor),
      cellClass: 'cell-has-editor',
      width: 132,
      cellRenderer: StatusCell,
    }),
    col('independentSources', { ...number, width: 120, type: 'rightAligned' }),
    col('sourceType', { ...setFilter({ options: options(SOURCE_TYPES) }), ...plain(), width: 150 }),
    col('anonymous', {
      ...setFilter({ options: [{ value: 'named', label: t('review.named') }, { value: 'anonymous', label: t('review.anonymous') }] }),
      width: 108,
      valueFormatter: (p) => (p.data ? (p.data.anonymous ? t('review.anonymous') : t('review.named')) : ''),
      cellClass: (p) => (p.data?.anonymous ? 'anon' : ''),
    }),
    col('cue', { ...text, ...plain(), width: 110 }),
    col('document', { ...text, cellClass: 'cell-bidi', cellRenderer: DocumentCell, width: 220 }),
    col('outlet', { ...text, ...plain(), width: 130 }),
    col('published', { ...date, ...plain(), width: 172 }),
    col('tags', { ...text, ...editable(TagsEditor), ...plain(undefined, 'cell-has-editor cell-bidi'), width: 210 }),
    col('annotator', { ...text, ...plain(), width: 120 }),
    col('annotatedAt', {
      ...date,
      width: 172,
      valueFormatter: (p) => (typeof p.value === 'string' ? formatTimestamp(p.value) : ''),
    }),
  ];
}
