/**
 * Editing the panel's rows in place: a span added, changed or removed touches its own row (and its
 * group's header), not the ten thousand others. Unchanged rows keep their objects, so the list's
 * memoised rows do not re-render, and nothing is sorted again; only the row offsets are summed
 * anew (a pass over numbers, well under a millisecond for 10,000 rows).
 */
import { OverlayMap } from '../lib/overlay-map.ts';
import { GROUPS, type GroupId } from './kinds.ts';
import { byPosition, groupOf, layout, type ClaimItem, type HeaderItem, type PanelItem, type PanelModel, type SelectableItem } from './model.ts';

const headerId = (group: GroupId) => `group:${group}`;

/**
 * The model with the rows of `remove` taken out and the rows of `upsert` put in (in place of the
 * row of the same id, or where they belong in their group). Everything else is carried over.
 */
export function editRows(model: PanelModel, change: { remove?: Iterable<string>; upsert?: readonly SelectableItem[] }, rest: Omit<PanelModel, 'items' | 'tops' | 'height' | 'indexOf' | 'claims'>): PanelModel {
  const items = model.items.slice();
  const gone = new Set(change.remove ?? []);
  for (const item of change.upsert ?? []) gone.add(item.id);
  const removed: string[] = [];
  for (const id of gone) {
    const at = items.findIndex((it) => it.id === id);
    if (at < 0) continue;
    const item = items[at] as SelectableItem;
    items.splice(at, 1);
    removed.push(id);
    adjustHeader(items, groupOf(item.span), -1);
  }
  const added: Array<readonly [string, ClaimItem]> = [];
  for (const item of change.upsert ?? []) {
    insert(items, item);
    if (item.type === 'claim') added.push([item.id, item as ClaimItem]);
  }
  // Shared with the old model, not copied (overlay-map.ts).
  const claims = OverlayMap.of(model.claims).with({ remove: removed, set: added });
  return { ...rest, items, claims, ...layout(items) };
}

/** Puts a row where it belongs: its group (made if it is the group's first), by position in the text. */
function insert(items: PanelItem[], item: SelectableItem): void {
  const group = groupOf(item.span);
  const hid = headerId(group);
  let h = items.findIndex((it) => it.id === hid);
  if (h < 0) {
    const order = GROUPS.findIndex((g) => g.id === group);
    const later = items.findIndex((it) => it.type === 'header' && GROUPS.findIndex((g) => g.id === it.group) > order);
    h = later < 0 ? items.length : later;
    items.splice(h, 0, { type: 'header', id: headerId(group), group, count: 0 });
  }
  const header = items[h] as HeaderItem;
  let lo = h + 1;
  let hi = h + 1 + header.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPosition((items[mid] as SelectableItem).span, item.span) <= 0) lo = mid + 1;
    else hi = mid;
  }
  items.splice(lo, 0, item);
  items[h] = { ...header, count: header.count + 1 };
}

function adjustHeader(items: PanelItem[], group: GroupId, by: number): void {
  const hid = headerId(group);
  const h = items.findIndex((it) => it.id === hid);
  if (h < 0) return;
  const header = items[h] as HeaderItem;
  if (header.count + by <= 0) items.splice(h, 1);
  else items[h] = { ...header, count: header.count + by };
}
