/**
 * Writes from the annotation screen, with one way of handling what goes wrong: a CONFLICT (the
 * record changed in another window since it was read) says so plainly and reloads; any other error
 * is shown as the core worded it. Marking and deleting draw at once (the painter is told before the
 * reload), so the text answers the key press within a frame.
 */
import { startTransition, useCallback, useMemo } from 'react';
import type { DocumentAnnotations, Span } from '../../../shared/annotation-schemas.ts';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract.ts';
import { useClient } from '../client/context.tsx';
import { useChanges } from '../hooks/changes.tsx';
import { t } from '../i18n/t.ts';
import type { HighlightPainter } from './highlight-painter.ts';
import { kindInfo, type SpanKind } from './kinds.ts';
import { parseFigure } from './parse-figure.ts';

export interface ActionDeps {
  documentId: string;
  text: string;
  painter: HighlightPainter | null;
  reload(): void;
  patch(update: (d: DocumentAnnotations) => DocumentAnnotations): void;
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

export function useAnnotateActions(deps: ActionDeps) {
  const client = useClient();
  const { bump } = useChanges();
  const { documentId, text, painter, reload, patch, problem } = deps;
  const announce = useCallback((message: string) => startTransition(() => deps.announce(message)), [deps.announce]);

  const call: Call = useCallback(
    async (channel, input, options) => {
      const result = await client.call(channel, input);
      if (result.ok) {
        problem(null);
        // Refreshing the other lists can wait for the text to be drawn.
        startTransition(bump);
        return result.value;
      }
      const { code, message } = result.error;
      if (options?.onError?.(code, message)) return null;
      if (code === 'CONFLICT') {
        problem(t('annotate.conflict'));
        reload();
      } else problem(t('annotate.error', { message }));
      return null;
    },
    [client, bump, problem, reload],
  );

  const mark = useCallback(
    async (kind: SpanKind, range: { start: number; end: number }): Promise<Span | null> => {
      const exact = text.slice(range.start, range.end);
      const data = kind === 'quantity' ? parseFigure(exact) : kind === 'entity' ? { name: exact } : null;
      const span = await call('spans:create', { documentId, kind, start: range.start, end: range.end, exact, data });
      if (!span) return null;
      painter?.add(span);
      markCreated();
      patch((d) => ({ ...d, spans: [...d.spans, span] }));
      announce(t('annotate.marked', { kind: t(kindInfo(kind).label), text: short(exact) }));
      return span;
    },
    [call, documentId, text, painter, patch, announce],
  );

  const remove = useCallback(
    async (span: Span): Promise<boolean> => {
      const done = await call('spans:delete', { id: span.id });
      if (!done) return false;
      painter?.remove(span.id);
      patch((d) => ({ ...d, spans: d.spans.filter((s) => s.id !== span.id) }));
      announce(t('annotate.deleted', { kind: t(kindInfo(span.kind).label), text: short(span.exact) }));
      return true;
    },
    [call, painter, patch, announce],
  );

  const rekind = useCallback(
    async (span: Span, kind: SpanKind): Promise<boolean> => {
      const updated = await call('spans:update', { id: span.id, revision: span.revision, patch: { kind } });
      if (!updated) return false;
      painter?.add(updated);
      patch((d) => ({ ...d, spans: d.spans.map((s) => (s.id === span.id ? updated : s)) }));
      announce(t('annotate.marked', { kind: t(kindInfo(kind).label), text: short(span.exact) }));
      return true;
    },
    [call, painter, patch, announce],
  );

  return useMemo(() => ({ call, mark, remove, rekind }), [call, mark, remove, rekind]);
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
