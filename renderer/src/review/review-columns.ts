/**
 * The review grid's columns: one per `REVIEW_COLUMNS` id, with the filter each takes (ag-grid's
 * text, number and date filters, and our set filter for the closed lists), its renderer and, for
 * grades, status and tags, its editor. Filters allow one condition each and only the operators the
 * core understands.
 */
import type { ColDef } from 'ag-grid-community';
import { CLAIM_KINDS, CLAIM_STATUSES, RELIABILITY, RELIABILITY_MEANING, SOURCE_TYPES } from '../../../shared/annotation-schemas.ts';
import type { ReviewColumn, ReviewRow } from '../../../shared/review-schemas.ts';
import { t, type PlainMessageKey } from '../i18n/t.ts';
import { formatTimestamp } from '../lib/format.ts';
import { CredibilityEditor, ReliabilityEditor } from './grade-editors.tsx';
import { StatusEditor, TagsEditor } from './claim-editors.tsx';
import { editorKeys } from './edit-form.tsx';
import {
  AnonymousCell,
  CredibilityCell,
  DocumentCell,
  KindCell,
  RatingCell,
  ReliabilityCell,
  StatusCell,
  TagsCell,
  TextCell,
  credibilityMeaning,
  ratingMeaning,
  reliabilityMeaning,
  statusLabel,
} from './review-cells.tsx';
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
  cellClass: 'cell-has-editor',
});

const header = (id: ReviewColumn): string => t(`review.col.${id}` as PlainMessageKey);

const col = (id: ReviewColumn, def: Partial<ColDef<ReviewRow>>): ColDef<ReviewRow> => ({
  colId: id,
  field: id,
  headerName: header(id),
  headerTooltip: header(id),
  ...def,
});

/**
 * Columns in the order an analyst reads a sourcing table: what is claimed, by whom, through what,
 * how it is graded and what became of it; then where it was published, and the bookkeeping. The
 * claim stays pinned at the start while the rest scrolls.
 */
export function reviewColumns(): ColDef<ReviewRow>[] {
  return [
    col('claimText', { ...text, pinned: 'left', width: 380, cellRenderer: TextCell, tooltipField: 'claimText' }),
    col('kind', { ...setFilter({ options: options(CLAIM_KINDS) }), width: 92, cellRenderer: KindCell }),
    col('source', { ...text, width: 200, cellRenderer: TextCell, tooltipField: 'source' }),
    col('sourceType', { ...setFilter({ options: options(SOURCE_TYPES) }), width: 150, cellRenderer: TextCell }),
    col('anonymous', {
      ...setFilter({ options: [{ value: 'named', label: t('review.named') }, { value: 'anonymous', label: t('review.anonymous') }] }),
      width: 108,
      cellRenderer: AnonymousCell,
    }),
    col('cue', { ...text, width: 110, cellRenderer: TextCell }),
    col('channel', { ...text, width: 170, cellRenderer: TextCell, tooltipField: 'channel' }),
    col('reliability', {
      ...setFilter({ options: [...options(RELIABILITY, (v) => v, (v) => RELIABILITY_MEANING[v as keyof typeof RELIABILITY_MEANING]), { value: NONE, label: t('review.none') }] }),
      ...editable(ReliabilityEditor),
      width: 100,
      cellRenderer: ReliabilityCell,
      tooltipValueGetter: (p) => reliabilityMeaning(p.data?.reliability),
    }),
    col('credibility', {
      ...number,
      ...editable(CredibilityEditor),
      width: 104,
      cellRenderer: CredibilityCell,
      tooltipValueGetter: (p) => credibilityMeaning(p.data?.credibility),
    }),
    col('rating', {
      ...setFilter({ options: [...options(RATINGS), { value: NONE, label: t('review.none') }], columns: 7 }),
      width: 84,
      cellRenderer: RatingCell,
      tooltipValueGetter: (p) => ratingMeaning(p.data?.rating),
    }),
    col('status', {
      ...setFilter({ options: options(CLAIM_STATUSES, (v) => statusLabel(v as ReviewRow['status'])) }),
      ...editable(StatusEditor),
      width: 136,
      cellRenderer: StatusCell,
      tooltipValueGetter: (p) => (p.data ? (p.data.statusReason ?? statusLabel(p.data.status)) : ''),
    }),
    col('independentSources', { ...number, width: 124, type: 'rightAligned' }),
    col('document', { ...text, width: 220, cellRenderer: DocumentCell, tooltipField: 'document' }),
    col('outlet', { ...text, width: 130, cellRenderer: TextCell }),
    col('published', { ...date, width: 140, cellRenderer: TextCell }),
    col('tags', { ...text, ...editable(TagsEditor), width: 210, cellRenderer: TagsCell, tooltipField: 'tags' }),
    col('annotator', { ...text, width: 120, cellRenderer: TextCell }),
    col('annotatedAt', {
      ...date,
      width: 150,
      valueFormatter: (p) => (typeof p.value === 'string' ? formatTimestamp(p.value) : ''),
    }),
  ];
}
