/**
 * A pack merge that kept an annotation twice (ours and their copy, on the same words and source):
 * the panel marks which row is which, and deleting either version takes both marks away, as the
 * core stops listing the pair (annotation-repository.ts, `conflictCopies`).
 */
import { render, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DocumentAnnotations, Span } from '../../shared/annotation-schemas.ts';
import { makeSelector } from '../../shared/anchoring/index.ts';
import { AnnotationsList } from '../../renderer/src/annotate/annotations-list.tsx';
import { buildPanel, type SelectableItem } from '../../renderer/src/annotate/model.ts';
import { editRows } from '../../renderer/src/annotate/panel-edits.ts';

const TEXT = 'The militias seek to secure safe passage for their weapons. Officials denied it.';
const DOC = '0190f1a2-0000-7000-8000-0000000000d0';
const OURS = '0190f1a2-0000-7000-8000-0000000000c1';
const THEIRS = '0190f1a2-0000-7000-8000-0000000000c2';
const OTHER = '0190f1a2-0000-7000-8000-0000000000c3';

const claim = (id: string, start: number, end: number, note: string | null = null): Span => ({
  id, revision: 1, documentId: DOC, kind: 'claim', ...makeSelector(TEXT, start, end), orphaned: false, sourceId: null, note, data: null, tagIds: [],
});

function data(): DocumentAnnotations {
  const spans = [claim(OURS, 0, 58), claim(THEIRS, 0, 58, 'Conflict copy from pack rana.claimpack'), claim(OTHER, 60, 80)];
  return {
    documentId: DOC,
    spans,
    claims: spans.map((s) => ({ id: s.id, revision: 1, documentId: DOC, kind: 'claim', status: 'uncontested', derivedStatus: 'uncontested', overrideReason: null, attributions: [] })),
    sources: [], links: [], tags: [], documentTagIds: [],
    conflictCopies: [{ copyId: THEIRS, ofId: OURS, pack: 'rana.claimpack' }],
  };
}

const row = (list: HTMLElement, id: string) => list.querySelector<HTMLElement>(`#ann-${id}`)!;

describe('A merge conflict’s two versions in the panel', () => {
  it('are marked ours and their version, with what to do on hover; other rows are not', () => {
    const { getByRole } = render(<AnnotationsList model={buildPanel(data())} selectedId={null} onSelect={() => {}} onOpen={() => {}} />);
    const list = getByRole('listbox');
    expect(within(row(list, OURS)).getByText('ours')).toHaveAttribute('title', expect.stringContaining('their version from rana.claimpack is kept beside it'));
    expect(within(row(list, THEIRS)).getByText('their version')).toHaveAttribute('title', expect.stringContaining('Their version from rana.claimpack'));
    expect(row(list, OTHER).querySelector('.badge-conflict')).toBeNull();
  });

  it('lose both marks when either version is deleted, and keep them when one is only edited', () => {
    const model = buildPanel(data());
    const rest = { spans: model.spans, sources: model.sources, tags: model.tags };
    expect(editRows(model, { remove: [THEIRS] }, rest).conflicts.size).toBe(0);
    expect(editRows(model, { remove: [OURS] }, rest).conflicts.size).toBe(0);
    expect(editRows(model, { remove: [OTHER] }, rest).conflicts).toBe(model.conflicts);
    const edited = model.items.find((it) => it.id === OURS) as SelectableItem;
    const kept = editRows(model, { upsert: [{ ...edited, span: { ...edited.span, note: 'Checked again.' } }] }, rest);
    expect([...kept.conflicts.keys()].sort()).toEqual([OURS, THEIRS]);
  });
});
