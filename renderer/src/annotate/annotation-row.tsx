/**
 * One row of the Annotations list: a claim with its sources, cue, channel, rating, status and
 * links, or another span with what it holds (source, figure, entity). Heights are fixed per row type
 * (model.ts ROW), so text is clamped and single lines are cut with an ellipsis. Everything is text.
 */
import { memo } from 'react';
import { CREDIBILITY_MEANING, RELIABILITY_MEANING, type Source } from '../../../shared/annotation-schemas.ts';
import { t } from '../i18n/t.ts';
import { detailLine, kindLabel } from './describe.ts';
import type { AttributionView, ClaimItem, ConflictMark, SelectableItem } from './model.ts';

interface Props {
  item: SelectableItem;
  sources: ReadonlyMap<string, Source>;
  selected: boolean;
  top: number;
  height: number;
  posinset: number;
  setsize: number;
  /** Set when a pack merge kept this annotation twice (ours and theirs) and both are still here. */
  conflict?: ConflictMark | undefined;
  onSelect(id: string): void;
}

/**
 * Memoised: a row's props are its item (kept as the same object while its annotation is unchanged,
 * panel-edits.ts), its place and its selection, so one annotation added re-renders only the rows
 * whose place or position in the set changed, never the text of the others.
 */
export const AnnotationRow = memo(function AnnotationRow({ item, sources, selected, top, height, posinset, setsize, conflict, onSelect }: Props) {
  return (
    <div
      role="option"
      id={`ann-${item.id}`}
      aria-selected={selected}
      aria-posinset={posinset}
      aria-setsize={setsize}
      className={`ann-row ann-row-${item.type}`}
      data-kind={item.span.kind}
      data-orphaned={item.span.orphaned || undefined}
      style={{ insetBlockStart: top, blockSize: height }}
      onClick={() => onSelect(item.id)}
    >
      {item.type === 'claim' ? <ClaimRow item={item} conflict={conflict} /> : <SpanRow item={item} sources={sources} conflict={conflict} />}
    </div>
  );
});

/** Which version this is, so that the two, alike in text and source, can be told apart and one kept. */
function ConflictBadge({ conflict }: { conflict: ConflictMark | undefined }) {
  if (!conflict) return null;
  return (
    <span className="badge-conflict" data-side={conflict.side} title={t(`row.conflict.${conflict.side}Hint`, { pack: conflict.pack })}>
      {t(`row.conflict.${conflict.side}`)}
    </span>
  );
}

function ClaimRow({ item, conflict }: { item: ClaimItem; conflict: ConflictMark | undefined }) {
  const first = item.attributions[0];
  const link = item.links[0];
  return (
    <>
      <div className="ann-text" dir="auto">
        {item.span.exact}
      </div>
      <div className="ann-meta">
        {item.span.kind !== 'claim' && (
          <span className="kind-badge" data-kind={item.span.kind}>
            {kindLabel(item.span.kind)}
          </span>
        )}
        {item.span.orphaned && <span className="badge-orphaned">{t('row.orphaned')}</span>}
        <ConflictBadge conflict={conflict} />
        {first ? <AttributionBrief a={first} /> : <span className="muted">{t('row.noSource')}</span>}
        {item.attributions.length > 1 && <span className="muted">{t('row.more', { count: item.attributions.length - 1 })}</span>}
        {item.claim && (
          <span
            className={`ann-status ann-status-${item.claim.status}`}
            data-override={item.claim.overrideReason ? '' : undefined}
            title={item.claim.overrideReason ?? undefined}
          >
            {t(`annotate.status.${item.claim.status}`)}
            {item.claim.overrideReason ? ' *' : ''}
          </span>
        )}
      </div>
      {link && (
        <div className="ann-links">
          <span className="link-relation">{t(link.direction === 'out' ? `relation.${link.link.relation}` : `relationIn.${link.link.relation}`)}</span>{' '}
          <span className="link-quote" dir="auto">“{link.otherExact}”</span>
          {!link.sameDocument && (
            <span className="muted link-where" title={t('row.inDocument', { title: link.otherTitle ?? t('row.untitled') })}>
              {' '}
              {t('row.inDocument', { title: link.otherTitle ?? t('row.untitled') })}
            </span>
          )}
          {item.links.length > 1 && <span className="muted link-more"> {t('row.more', { count: item.links.length - 1 })}</span>}
        </div>
      )}
    </>
  );
}

function AttributionBrief({ a }: { a: AttributionView }) {
  const { attribution } = a;
  return (
    <span className="ann-who">
      <span className="who-name" dir="auto">
        {a.source?.name ?? t('attr.unknownSource')}
      </span>
      {a.cue && <span className="who-cue" dir="auto">{a.cue.exact}</span>}
      {a.channel && <span className="who-channel" dir="auto">{a.channel}</span>}
      {attribution.rating && <Rating rating={attribution.rating} />}
    </span>
  );
}

/** "B2", with what each half means on hover. */
export function Rating({ rating }: { rating: string }) {
  const r = rating[0] as keyof typeof RELIABILITY_MEANING;
  const c = Number(rating[1]) as keyof typeof CREDIBILITY_MEANING;
  const title = [RELIABILITY_MEANING[r] && `${r}: ${RELIABILITY_MEANING[r]}`, CREDIBILITY_MEANING[c] && `${c}: ${CREDIBILITY_MEANING[c]}`]
    .filter(Boolean)
    .join(' · ');
  return (
    <abbr className="ann-rating" title={title}>
      {rating}
    </abbr>
  );
}

function SpanRow({ item, sources, conflict }: { item: Extract<SelectableItem, { type: 'span' }>; sources: ReadonlyMap<string, Source>; conflict: ConflictMark | undefined }) {
  const detail = detailLine(item, { sources });
  return (
    <div className="ann-line">
      <span className="kind-badge" data-kind={item.span.kind}>
        {kindLabel(item.span.kind)}
      </span>
      {item.span.orphaned && <span className="badge-orphaned">{t('row.orphaned')}</span>}
      <ConflictBadge conflict={conflict} />
      <span className="ann-exact" dir="auto">
        {item.span.exact}
      </span>
      {detail && (
        <span className="ann-detail" dir="auto">
          {detail}
        </span>
      )}
    </div>
  );
}
