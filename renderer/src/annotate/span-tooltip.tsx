/**
 * What is under the pointer: kind, source, rating and status of each annotation there, innermost
 * first. Highlights get no events, so the workspace hit-tests the pointer and passes the ids here.
 * Text only (React escapes it): annotation fields are never rendered as HTML.
 */
import { t } from '../i18n/t.ts';
import { detailLine, kindLabel } from './describe.ts';
import { isSelectable, type PanelModel } from './model.ts';

export interface Hover {
  ids: string[];
  x: number;
  y: number;
}

const MAX = 3;

export function SpanTooltip({ hover, model }: { hover: Hover; model: PanelModel }) {
  const items = hover.ids.map((id) => model.items[model.indexOf.get(id) ?? -1]).filter(isSelectable).slice(0, MAX);
  if (items.length === 0) return null;
  const rtlUi = document.documentElement.dir === 'rtl';
  const x = rtlUi ? window.innerWidth - hover.x : hover.x;
  return (
    <div className="span-tooltip" role="tooltip" data-overlay="" style={{ insetBlockStart: hover.y + 18, insetInlineStart: Math.min(x + 12, window.innerWidth - 340) }}>
      {items.map((item) => {
        const detail = detailLine(item, model);
        return (
          <div key={item.id} className="tip-row" data-kind={item.span.kind}>
            <span className="kind-badge" data-kind={item.span.kind}>
              {kindLabel(item.span.kind, true)}
            </span>
            {item.span.orphaned && <span className="tip-orphaned">{t('tip.orphaned')}</span>}
            {detail && (
              <span className="tip-detail" dir="auto">
                {detail}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
