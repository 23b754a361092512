/** Short descriptions of an annotation, shared by the hover tooltip, the kind tag and the panel rows. */
import { t } from '../i18n/t.ts';
import { formatNumber } from '../lib/format.ts';
import { kindInfo } from './kinds.ts';
import type { Source } from '../../../shared/annotation-schemas.ts';
import { figureText, type AttributionView, type SelectableItem } from './model.ts';

/** The kind's name: short in lists and badges ("Source"), long where there is room ("Source mention"). */
export function kindLabel(kind: SelectableItem['span']['kind'], long = false): string {
  if (long && kind === 'source') return t('kindLong.source');
  if (long && kind === 'excluded') return t('kindLong.excluded');
  return t(kindInfo(kind).label);
}

/** "Mustafa Hiari (B2)", or "Government of Jordan via Reuters (?2)". */
export function attributionLabel(a: AttributionView, model: { sources: ReadonlyMap<string, Source> }): string {
  const name = a.source?.name ?? t('attr.unknownSource');
  const via = a.attribution.via.map((id) => model.sources.get(id)?.name).filter(Boolean);
  const viaText = via.length ? ` ${t('attr.via', { names: via.join(', ') })}` : '';
  return a.attribution.rating ? `${name}${viaText} (${a.attribution.rating})` : `${name}${viaText}`;
}

/** One line of what an annotation says beyond its text: source and status, figure, entity name… */
export function detailLine(item: SelectableItem, model: { sources: ReadonlyMap<string, Source> }): string | null {
  if (item.type === 'claim') {
    const who = item.attributions.map((a) => attributionLabel(a, model));
    const status = item.claim ? t(`annotate.status.${item.claim.status}`) : null;
    return [who.length ? who.join('; ') : t('tip.noSource'), status].filter(Boolean).join(' · ');
  }
  const s = item.span;
  switch (s.kind) {
    case 'source': {
      if (!item.source) return t('span.noSource');
      const type = t(`sourceType.${item.source.type}`);
      return item.source.name === s.exact ? type : `${item.source.name} · ${type}`;
    }
    case 'cue':
    case 'channel':
      return item.usedBy > 0 ? t('row.usedBy', { count: item.usedBy }) : t('row.unused');
    case 'quantity':
    case 'date':
      return figureText(s, formatNumber);
    case 'entity':
      return s.data?.name && s.data.name !== s.exact ? s.data.name : (s.data?.type ?? null);
    case 'note':
      return s.note;
    default:
      return null;
  }
}
