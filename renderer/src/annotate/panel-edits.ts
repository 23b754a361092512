/**
 * Editing the panel's rows in place: a span added, changed or removed touches its own row (and its
 * group's header), not the ten thousand others. Unchanged rows keep their objects, so the list's
 * memoised rows do not re-render, and nothing is sorted again; only the row offsets are summed
 * anew (a pass over numbers, well under a millisecond for 10,000 rows).
 *
 * The new rows are written in one pass into one array of their final length. Copying the rows and
 * then splicing into the copy made two arrays of ten thousand entries an edit (the splice grows the
 * copy into a new one), which lived long enough to reach the old generation; with the other copies
 * an edit made, that drove a major collection every few dozen edits, and its concurrent marking
 * took the cores a change's frame was painted on (docs/benchmarks.md, "annotate-render").
 */
import { OverlayMap } from '../lib/overlay-map.ts';
import { GROUPS, type GroupId } from './kinds.ts';
import { byPosition, groupOf, layout, settleConflicts, type ClaimItem, type HeaderItem, type PanelItem, type PanelModel, type SelectableItem } from './model.ts';

const headerId = (group: GroupId) => `group:${group}`;
const groupOrder = (group: GroupId) => GROUPS.findIndex((g) => g.id === group);

/** A row (or a new group's header) to put in before the old row `at` (the old length: at the end). */
interface Insert {
  at: number;
  order: number;
  item: PanelItem;
}

/**
 * The model with the rows of `remove` taken out and the rows of `upsert` put in (in place of the
 * row of the same id, or where they belong in their group). Everything else is carried over.
 */
export function editRows(
  model: PanelModel,
  change: { remove?: Iterable<string>; upsert?: readonly SelectableItem[] },
  rest: Omit<PanelModel, 'items' | 'tops' | 'height' | 'headers' | 'indexOf' | 'claims' | 'conflicts'>,
): PanelModel {
  const old = model.items;
  const upsert = change.upsert ?? [];
  const gone = new Set(change.remove ?? []);
  for (const item of upsert) gone.add(item.id);

  const dropped = new Set<number>();
  const delta = new Map<GroupId, number>();
  const bump = (group: GroupId, by: number) => delta.set(group, (delta.get(group) ?? 0) + by);
  const removed: string[] = [];
  for (const id of gone) {
    const at = model.indexOf.get(id);
    if (at === undefined) continue;
    dropped.add(at);
    removed.push(id);
    bump(groupOf((old[at] as SelectableItem).span), -1);
  }

  const inserts: Insert[] = [];
  const added: Array<readonly [string, ClaimItem]> = [];
  for (const item of upsert) {
    const group = groupOf(item.span);
    bump(group, 1);
    inserts.push({ at: placeOf(model, item), order: groupOrder(group), item });
    if (item.type === 'claim') added.push([item.id, item as ClaimItem]);
  }
  // A group that had no rows gets its header, before its first row.
  for (const [group, by] of delta) {
    if (by <= 0 || model.indexOf.has(headerId(group))) continue;
    const header: HeaderItem = { type: 'header', id: headerId(group), group, count: by };
    inserts.push({ at: groupStart(model, group), order: groupOrder(group), item: header });
  }
  inserts.sort((a, b) => a.at - b.at || a.order - b.order || headerFirst(a.item, b.item) || byPosition((a.item as SelectableItem).span, (b.item as SelectableItem).span));

  // A group left with no rows loses its header too.
  for (const [group, by] of delta) {
    const h = model.indexOf.get(headerId(group));
    if (by < 0 && h !== undefined && (old[h] as HeaderItem).count + by <= 0) dropped.add(h);
  }

  const length = old.length - dropped.size + inserts.length;
  const items = new Array<PanelItem>(length);
  let n = 0;
  let next = 0;
  for (let i = 0; i <= old.length; i++) {
    while (next < inserts.length && inserts[next]!.at === i) items[n++] = inserts[next++]!.item;
    if (i === old.length || dropped.has(i)) continue;
    const item = old[i]!;
    const by = item.type === 'header' ? (delta.get(item.group) ?? 0) : 0;
    items[n++] = item.type === 'header' && by !== 0 ? { ...item, count: item.count + by } : item;
  }
  if (n !== length) throw new Error(`editRows: wrote ${n} rows of ${length}`);
  // Shared with the old model, not copied (overlay-map.ts).
  const claims = OverlayMap.of(model.claims).with({ remove: removed, set: added });
  // A row removed and not put back is a deletion: one version of a merge conflict gone settles it.
  const conflicts = settleConflicts(model.conflicts, upsert.length === 0 ? removed : removed.filter((id) => !upsert.some((u) => u.id === id)));
  return { ...rest, items, claims, conflicts, ...layout(items) };
}

/** Where a row goes among the old rows: in its group, by position in the text (after equals). */
function placeOf(model: PanelModel, item: SelectableItem): number {
  const group = groupOf(item.span);
  const h = model.indexOf.get(headerId(group));
  if (h === undefined) return groupStart(model, group);
  const header = model.items[h] as HeaderItem;
  let lo = h + 1;
  let hi = h + 1 + header.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPosition((model.items[mid] as SelectableItem).span, item.span) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a group with no rows yet starts: at the header of the first later group that has rows. */
function groupStart(model: PanelModel, group: GroupId): number {
  let at = model.items.length;
  for (const g of GROUPS.slice(groupOrder(group) + 1)) {
    const h = model.indexOf.get(headerId(g.id));
    if (h !== undefined && h < at) at = h;
  }
  return at;
}

const headerFirst = (a: PanelItem, b: PanelItem) => (a.type === 'header' ? 0 : 1) - (b.type === 'header' ? 0 : 1);
