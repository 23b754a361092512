/**
 * A sort re-reads the rows on screen in place, as a quick filter does, instead of rebuilding them.
 *
 * ag-grid's infinite row model answers a sort by throwing its cache away: every row node is new, so
 * every row on screen is torn down (~40 ms of script here) and built again from nothing once the
 * block arrives (~70–90 ms for 23 rows of 12 cells). A quick filter instead re-reads the cached
 * blocks into the same row nodes (`refreshInfiniteCache`), and the rows and cells on screen are
 * updated where they stand. ag-grid has no option for a sort to do the same, and its public API
 * does not reach the listener, so this grid module (given to the review grid alone) wraps the row
 * model's `resetCache`: when only the sort changed (same filters, a cache to keep), it takes the
 * new sort into the cache's parameters, scrolls to the top as a reset would, and refreshes.
 *
 * This leans on ag-grid's internals (`BeanStub`, the row model's `resetCache` and `cacheParams`,
 * the sort and filter services), pinned at ag-grid 36.2: tests/renderer/review.test.tsx checks
 * that a sort keeps the rows' DOM and that the sorted rows arrive, and fails if an upgrade changes
 * them. Without the row model's expected shape it does nothing, and sorts rebuild as before.
 */
import { BeanStub, type Module } from 'ag-grid-community';

interface SortItem {
  colId: string;
  sort: 'asc' | 'desc';
  type?: unknown;
}

/** What this module uses of the infinite row model (ag-grid 36). */
interface InfiniteModel {
  getType(): string;
  resetCache(): void;
  refreshCache(): void;
  cacheParams?: { sortModel: SortItem[]; filterModel: unknown };
  infiniteCache?: { getRowCount(): number };
}

interface Internals {
  rowModel?: Partial<InfiniteModel>;
  sortSvc?: { getSortOptions?(): Array<{ sort: 'asc' | 'desc'; type?: unknown; column: { colId: string } }> };
  filterManager?: { getFilterModel?(): unknown };
  gridApi?: { ensureIndexVisible(index: number, position: 'top'): void };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function isInfiniteModel(model: Partial<InfiniteModel> | undefined): model is InfiniteModel {
  return typeof model?.getType === 'function' && model.getType() === 'infinite'
    && typeof model.resetCache === 'function' && typeof model.refreshCache === 'function';
}

class SortInPlace extends BeanStub {
  readonly beanName = 'reviewSortInPlace' as never;

  postConstruct(): void {
    const { rowModel, sortSvc, filterManager, gridApi } = this.beans as unknown as Internals;
    if (!isInfiniteModel(rowModel) || typeof sortSvc?.getSortOptions !== 'function') return;
    const reset = rowModel.resetCache.bind(rowModel);
    rowModel.resetCache = () => {
      const params = rowModel.cacheParams;
      const sortModel = sortSvc.getSortOptions!().map((o) => ({ sort: o.sort, type: o.type, colId: o.column.colId }));
      const filterModel = filterManager?.getFilterModel?.() ?? {};
      const sortOnly = params && rowModel.infiniteCache && rowModel.infiniteCache.getRowCount() > 0
        && same(params.filterModel, filterModel) && !same(params.sortModel, sortModel);
      if (!sortOnly) {
        reset();
        return;
      }
      params.sortModel = sortModel;
      gridApi?.ensureIndexVisible(0, 'top');
      rowModel.refreshCache();
    };
  }
}

/** Given to the review grid's `modules`: its sorts re-read the rows in place. */
export const SortInPlaceModule = {
  moduleName: 'ReviewSortInPlace',
  // The ag-grid version these internals were read from (package.json pins it).
  version: '36.2.0',
  beans: [SortInPlace],
} as unknown as Module;
