/**
 * Writes from the annotation screen, with one way of handling what goes wrong: a CONFLICT (the
 * record changed in another window since it was read) says so plainly and reloads; any other error
 * is shown as the core worded it. Every answer is applied to what the screen holds (local-edits.ts):
 * the highlight painter is told at once, in the same task as the answer, so the text answers the key
 * press within a frame; the panel and the other lists follow after that frame.
 */
import { startTransition, useCallback, useMemo } from 'react';
import type { Span } from '../../../shared/annotation-schemas.ts';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';
import { useBump } from '../hooks/changes.tsx';
import { t } from '../i18n/t.ts';
import type { HighlightPainter } from './highlight-painter.ts';
import { kindInfo, type SpanKind } from './kinds.ts';
import type { WriteAnswer } from './local-edits.ts';
import { parseFigure } from './parse-figure.ts';
import { afterPaint, type AnnotationsState } from './use-annotations.ts';

export interface ActionDeps {
  documentId: string;
  text: string;
  painter: HighlightPainter | null;
  annotations: Pick<AnnotationsState, 'reload' | 'writing' | 'failed' | 'apply'>;
  /** A problem to show (null clears it). */
  problem(message: string | null): void;
  /** A sentence for screen readers (and sighted users, in the status line). */
  announce(message: string): void;
}

export type Call = <C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  options?: { onError?: (code: string, message: string) => boolean },
) => Promise<ChannelOutput<C> | null>;

/** Channels that only read: no echo to expect, nothing to apply. */
const READS = new Set<ChannelName>(['annotations:get', 'sources:list', 'sources:get', 'claims:search', 'tags:list', 'history:entity']);

export function useAnnotateActions(deps: ActionDeps) {
  const client = useClient();
  const bump = useBump();
  const { documentId, text, painter, problem } = deps;
  const { reload, writing, failed, apply } = deps.annotations;
  const announce = useCallback((message: string) => afterPaint(() => startTransition(() => deps.announce(message))), [deps.announce]);

  const call: Call = useCallback(
    async (channel, input, options) => {
      const write = !READS.has(channel);
      if (write) writing();
      const result = await client.call(channel, input);
      if (result.ok) {
        problem(null);
        if (!write) return result.value;
        const applied = apply({ channel, input, output: result.value } as WriteAnswer);
        if (painter && applied) {
          for (const id of applied.paint.remove) painter.remove(id);
          for (const span of applied.paint.add) painter.add(span);
        }
        // The other lists (history, review) can wait for the text to be drawn.
        afterPaint(() => bump(['annotations', 'history']));
        return result.value;
      }
      if (write) failed();
      const { code, message } = result.error;
      if (options?.onError?.(code, message)) return null;
      if (code === 'CONFLICT') {
        problem(t('annotate.conflict'));
        reload();
      } else problem(t('annotate.error', { message }));
      return null;
    },
    [client, bump, problem, reload, writing, failed, apply, painter],
  );

  const mark = useCallback(
    async (kind: SpanKind, range: { start: number; end: number }): Promise<Span | null> => {
      const exact = text.slice(range.start, range.end);
      const data = kind === 'quantity' ? parseFigure(exact) : kind === 'entity' ? { name: exact } : null;
      const span = await call('spans:create', { documentId, kind, start: range.start, end: range.end, exact, data });
      if (!span) return null;
      markCreated();
      announce(t('annotate.marked', { kind: t(kindInfo(kind).label), text: short(exact) }));
      return span;
    },
    [call, documentId, text, announce],
  );

  const remove = useCallback(
    async (span: Span): Promise<boolean> => {
      const done = await call('spans:delete', { id: span.id });
      if (!done) return false;
      announce(t('annotate.deleted', { kind: t(kindInfo(span.kind).label), text: short(span.exact) }));
      return true;
    },
    [call, announce],
  );

  const rekind = useCallback(
    async (span: Span, kind: SpanKind): Promise<boolean> => {
      const updated = await call('spans:update', { id: span.id, revision: span.revision, patch: { kind } });
      if (!updated) return false;
      announce(t('annotate.marked', { kind: t(kindInfo(kind).label), text: short(span.exact) }));
      return true;
    },
    [call, announce],
  );

  return useMemo(() => ({ call, mark, remove, rekind, announce }), [call, mark, remove, rekind, announce]);
}

export type AnnotateActions = ReturnType<typeof useAnnotateActions>;

export const short = (s: string, max = 60): string => {
  const clean = s.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
};

function markCreated(): void {
  try {
    performance.mark('claimdesk.span.applied');
  } catch {
    // Not in every test environment.
  }
}
