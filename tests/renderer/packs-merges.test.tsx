/**
 * "Merged into this project" in the Packs view, over the fake core: the merges made here newest
 * first with who made the pack and who merged it, the empty state, the list read again after a
 * merge and an undo, and a conflict opened in its document (an annotation conflict at our
 * annotation, a document conflict on the Details tab), from the list and from the report right
 * after the merge; an undone merge offers nothing to open, in the list and in that report.
 */
import './fakes/highlight-polyfill.ts';
import { randomUUID } from 'node:crypto';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { MergeConflict, type MergeRecord } from '../../shared/pack-schemas.ts';
import { formatTimestamp } from '../../renderer/src/lib/format.ts';
import { englishReports } from './fakes/corpus.ts';
import { packBytes, soundPack } from './fakes/fake-packs.ts';
import { renderApp } from './fakes/render-app.tsx';

// A whole app over a fake core, the Document view included: slow on a busy two-core machine.
configure({ asyncUtilTimeout: 5000 });
const LONG = 60_000;

// jsdom has no layout; the Document view measures ranges to place its marks.
beforeAll(() => {
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});

const PANEL = 'Merged into this project';
const QUOTE = 'We are facing a war along the borders';
const packFile = (bytes: Uint8Array, name: string) => new File([new Uint8Array(bytes)], name);

/** A kept merge as the core lists it; the report is a sound pack's unless overridden. */
function record(name: string, over: Partial<Omit<MergeRecord, 'report'>> & { report?: Partial<MergeRecord['report']> } = {}): MergeRecord {
  const { report, ...rest } = over;
  const id = rest.id ?? randomUUID();
  return {
    at: '2026-11-20T09:15:00.000Z',
    analyst: 'Test Analyst',
    undone: false,
    ...rest,
    id,
    report: { ...soundPack().merge, mergeId: id, name, label: `Merge pack ${name}`, ...report },
  };
}

// Through the schema, so that its defaults fill in whatever a test leaves out, as the core's answer would.
const conflict = (over: Partial<MergeConflict> & Pick<MergeConflict, 'type' | 'message'>): MergeConflict => MergeConflict.parse({ id: randomUUID(), copyId: null, documentId: null, resolved: false, ...over });

async function openPacks(app: ReturnType<typeof renderApp>) {
  await app.user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Packs' }));
  return screen.findByRole('region', { name: PANEL });
}

/** The merges listed, as their headings read, in the order shown. */
const listed = (panel: HTMLElement) => within(panel).queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const entry = (panel: HTMLElement, name: string) => within(panel).getByRole('listitem', { name });

describe('Packs: merged into this project', () => {
  it('lists the merges newest first: the pack, who made it, who merged it and when, what it added, its SHA-256, and Undone', async () => {
    const app = renderApp({ packs: true });
    const sha = 'ab12'.repeat(16);
    app.packs!.records.push(
      record('Zaid-2026-11-22.claimpack', { at: '2026-11-22T16:40:00.000Z', analyst: 'Lina M.', report: { creator: null, sha256: sha } }),
      record('Rana-2026-11-21.claimpack', {
        undone: true,
        report: { added: { documents: 0, sources: 2, tags: 0, annotations: 5, attributions: 0, links: 1 } },
      }),
      record('Amal-2026-11-01.claimpack', { at: '2026-11-01T08:00:00.000Z', report: { added: { documents: 0, sources: 0, tags: 0, annotations: 0, attributions: 0, links: 0 } } }),
    );
    const panel = await openPacks(app);
    await within(panel).findByRole('list', { name: PANEL });
    expect(listed(panel)).toEqual(['Zaid-2026-11-22.claimpack', 'Rana-2026-11-21.claimpack', 'Amal-2026-11-01.claimpack']);

    const zaid = entry(panel, 'Zaid-2026-11-22.claimpack');
    expect(zaid).toHaveTextContent('from an unnamed analyst');
    expect(zaid).toHaveTextContent(`merged by Lina M. · ${formatTimestamp('2026-11-22T16:40:00.000Z')}`);
    expect(zaid).toHaveTextContent('Added 4 documents · 427 annotations · 160 attributions · 66 links · 30 sources · 33 tags');
    expect(within(zaid).getByText('ab12ab12ab12ab12…')).toHaveAttribute('title', sha);
    expect(within(zaid).queryByText('Undone')).toBeNull();

    const rana = entry(panel, 'Rana-2026-11-21.claimpack');
    expect(rana).toHaveTextContent('from Rana K.');
    expect(rana).toHaveTextContent('Added 5 annotations · 1 link · 2 sources');
    expect(within(rana).getByText('Undone')).toBeInTheDocument();
    expect(entry(panel, 'Amal-2026-11-01.claimpack')).toHaveTextContent('Nothing new: this project already held everything in the pack.');
    expect(app.transport.callsTo('packs:merges')).toEqual([{ limit: 100 }]);
  });

  it('says so when no pack has been merged', async () => {
    const panel = await openPacks(renderApp({ packs: true }));
    expect(await within(panel).findByText('No pack has been merged into this project yet.')).toBeInTheDocument();
  });

  it('reads the list again after a merge and after its Undo', async () => {
    const app = renderApp({ packs: true });
    const panel = await openPacks(app);
    await within(panel).findByText('No pack has been merged into this project yet.');

    await app.user.upload(screen.getByTestId('pack-file-input'), packFile(packBytes(soundPack()), 'Rana-2026-11-21.claimpack'));
    await app.user.click(await screen.findByRole('button', { name: 'Merge into this project' }));
    await waitFor(() => expect(listed(panel)).toEqual(['Rana-2026-11-21.claimpack']));
    expect(within(entry(panel, 'Rana-2026-11-21.claimpack')).queryByText('Undone')).toBeNull();

    await app.user.upload(screen.getByTestId('pack-file-input'), packFile(packBytes(soundPack()), 'Zaid-2026-11-22.claimpack'));
    await app.user.click(await screen.findByRole('button', { name: 'Merge into this project' }));
    await waitFor(() => expect(listed(panel)).toEqual(['Zaid-2026-11-22.claimpack', 'Rana-2026-11-21.claimpack']));

    const toasts = document.querySelector<HTMLElement>('.toast-region')!;
    await app.user.click(within(toasts).getAllByRole('button', { name: 'Undo' }).at(-1)!);
    await waitFor(() => expect(within(entry(panel, 'Zaid-2026-11-22.claimpack')).getByText('Undone')).toBeInTheDocument());
  });

  it('opens an annotation conflict at our annotation and a document conflict on its document’s Details, from the report and from the list', async () => {
    const app = renderApp({ packs: true, annotations: true, seed: englishReports() });
    const first = app.core.live().find((d) => d.text.includes(QUOTE));
    const second = app.core.live().find((d) => d !== first);
    const ours = app.annotations!.seedSpan(first!.id, 'claim', QUOTE, { note: 'Ours: a direct quote.' });
    const theirs = app.annotations!.seedSpan(first!.id, 'claim', QUOTE, { note: 'Conflict copy from pack Rana-2026-11-21.claimpack. Their note: paraphrase.' });
    const annotationConflict = conflict({ type: 'annotation', id: ours.id, copyId: theirs.id, documentId: first!.id, message: `Both sides changed “${QUOTE}”; ours was kept.` });
    const documentConflict = conflict({ type: 'document', id: second!.id, documentId: second!.id, message: 'The metadata of this report differs in the pack; ours was kept.' });
    const sourceConflict = conflict({ type: 'source', message: 'Both sides changed the source JAF; ours was kept.' });
    const content = soundPack({ merge: { conflicts: [annotationConflict, documentConflict, sourceConflict] } });

    const panel = await openPacks(app);
    await app.user.upload(screen.getByTestId('pack-file-input'), packFile(packBytes(content), 'Rana-2026-11-21.claimpack'));
    await app.user.click(await screen.findByRole('button', { name: 'Merge into this project' }));

    // The report right after the merge: Open where a conflict sits in a document, none for the source.
    const report = await screen.findByRole('region', { name: 'Merged Rana-2026-11-21.claimpack' });
    // Named as the conflicts stand once the kept merge is read, as in the list of merges below.
    const reportList = await within(report).findByRole('list', { name: '3 conflicts to resolve' });
    expect(within(reportList).getAllByRole('button', { name: /^Open / })).toHaveLength(2);
    await app.user.click(within(reportList).getByRole('button', { name: `Open “${annotationConflict.message}” in its document` }));
    await expectFocused(ours.id, theirs.id);

    await app.user.click(screen.getByRole('button', { name: /Back/ }));
    const item = await within(panel).findByRole('listitem', { name: 'Rana-2026-11-21.claimpack' });
    expect(panel).toBeVisible();
    await app.user.click(within(item).getByText('3 conflicts to resolve'));
    const list = within(item).getByRole('list', { name: '3 conflicts to resolve' });
    expect(list).toHaveTextContent(sourceConflict.message);
    await app.user.click(within(list).getByRole('button', { name: `Open “${annotationConflict.message}” in its document` }));
    await expectFocused(ours.id, theirs.id);

    await app.user.click(screen.getByRole('button', { name: /Back/ }));
    await app.user.click(within(await within(panel).findByRole('list', { name: '3 conflicts to resolve' })).getByRole('button', { name: `Open “${documentConflict.message}” in its document` }));
    const article = await screen.findByRole('article', { name: 'Document text' });
    expect(article.textContent).toContain(second!.text.split('\n')[0]!.trim());
    // What differs is the document's metadata: the side panel opens on Details, with no annotation selected.
    expect(await screen.findByRole('tab', { name: 'Details', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Annotations' })).toHaveAttribute('aria-selected', 'false');
    expect(screen.getByRole('heading', { name: 'Metadata' })).toBeVisible();
    const annotations = screen.getByRole('region', { name: 'Annotations', hidden: true });
    expect(annotations).not.toBeVisible();
    expect(within(annotations).queryByRole('option', { selected: true, hidden: true })).toBeNull();
  }, LONG);

  it('shows the report right after a merge without Open once that merge is undone, by its toast or from elsewhere', async () => {
    const app = renderApp({ packs: true });
    // The same pack merged and undone before: an older record that is not this merge.
    const earlier = conflict({ type: 'annotation', copyId: randomUUID(), documentId: randomUUID(), message: 'Both sides changed “the note”; ours was kept.' });
    app.packs!.records.push(record('Rana-2026-11-21.claimpack', { undone: true, report: { conflicts: [earlier] } }));
    const annotationConflict = conflict({ type: 'annotation', copyId: randomUUID(), documentId: randomUUID(), message: 'Both sides changed “the figure”; ours was kept.' });
    const documentConflict = conflict({ type: 'document', documentId: randomUUID(), message: 'The metadata of this report differs in the pack; ours was kept.' });
    const content = soundPack({ merge: { conflicts: [annotationConflict, documentConflict] } });
    const merge = async () => {
      await app.user.upload(screen.getByTestId('pack-file-input'), packFile(packBytes(content), 'Rana-2026-11-21.claimpack'));
      await app.user.click(await screen.findByRole('button', { name: 'Merge into this project' }));
      return screen.findByRole('region', { name: 'Merged Rana-2026-11-21.claimpack' });
    };
    const opens = (report: HTMLElement) => within(report).queryAllByRole('button', { name: /^Open / });
    await openPacks(app);

    // Undo in the merge's toast.
    let report = await merge();
    expect(opens(report)).toHaveLength(2);
    expect(report).not.toHaveTextContent('Taken back with Undo');
    const toasts = document.querySelector<HTMLElement>('.toast-region')!;
    await app.user.click(within(toasts).getAllByRole('button', { name: 'Undo' }).at(-1)!);
    await waitFor(() => expect(opens(report)).toHaveLength(0));
    expect(within(report).getByText('Undone')).toBeInTheDocument();
    expect(report).toHaveTextContent('Taken back with Undo: what this merge brought is gone');
    expect(within(report).getByRole('list', { name: '2 conflicts' })).toHaveTextContent(annotationConflict.message);

    // Merged again, then undone elsewhere (another window, the CLI): the core says only that the history changed.
    report = await merge();
    await waitFor(() => expect(app.packs!.records.filter((r) => !r.undone)).toHaveLength(1));
    expect(opens(report)).toHaveLength(2);
    app.packs!.records[0]!.undone = true;
    app.core.emit('changed', { what: 'history' });
    await waitFor(() => expect(opens(report)).toHaveLength(0));
    expect(report).toHaveTextContent('Taken back with Undo');

    // Redone elsewhere: the conflict copies are back, and so is Open.
    app.packs!.records[0]!.undone = false;
    app.core.emit('changed', { what: 'history' });
    await waitFor(() => expect(opens(report)).toHaveLength(2));
    expect(report).not.toHaveTextContent('Taken back with Undo');
  });

  it('settles a document or source conflict with Keep ours or Use theirs, offers Undo, and says what went wrong', async () => {
    const app = renderApp({ packs: true });
    const documentConflict = conflict({ type: 'document', documentId: randomUUID(), message: 'The metadata of “Jordan seizes” differs in the pack (title: ours “A”, theirs “B”); ours was kept.' });
    const sourceConflict = conflict({ type: 'source', message: 'Source “Reuters” differs in the pack (reliability: ours “C”, theirs “B”); ours was kept and theirs recorded.' });
    const annotationConflict = conflict({ type: 'annotation', copyId: randomUUID(), documentId: randomUUID(), message: 'Both sides changed “the note”; ours was kept.' });
    app.packs!.records.push(record('Rana-2026-11-21.claimpack', { report: { conflicts: [documentConflict, sourceConflict, annotationConflict] } }));
    const panel = await openPacks(app);
    const item = await within(panel).findByRole('listitem', { name: 'Rana-2026-11-21.claimpack' });
    await app.user.click(within(item).getByText('3 conflicts to resolve'));
    // An annotation conflict is settled by deleting a version, not with these buttons.
    expect(within(item).queryByRole('button', { name: `Keep ours: ${annotationConflict.message}` })).toBeNull();

    await app.user.click(within(item).getByRole('button', { name: `Keep ours: ${documentConflict.message}` }));
    await waitFor(() => expect(within(item).getByText('2 conflicts to resolve (1 resolved)')).toBeInTheDocument());
    expect(app.packs!.records[0]!.report.conflicts[0]!.resolution).toBe('ours');
    expect(within(item).getByText('Resolved: ours kept')).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: `Use theirs: ${documentConflict.message}` })).toBeNull();

    // Undo in the toast opens it again.
    const toasts = document.querySelector<HTMLElement>('.toast-region')!;
    expect(toasts).toHaveTextContent('Kept our version');
    await app.user.click(within(toasts).getAllByRole('button', { name: 'Undo' }).at(-1)!);
    await waitFor(() => expect(within(item).getByText('3 conflicts to resolve')).toBeInTheDocument());

    await app.user.click(within(item).getByText('3 conflicts to resolve'));
    await app.user.click(within(item).getByRole('button', { name: `Use theirs: ${sourceConflict.message}` }));
    await waitFor(() => expect(within(item).getByText('Resolved: theirs used')).toBeInTheDocument());
    expect(app.packs!.records[0]!.report.conflicts[1]!.resolution).toBe('theirs');

    // Settled elsewhere meanwhile (another window): the core refuses, and the list says why.
    app.packs!.records[0]!.report.conflicts[0]!.resolution = 'theirs';
    await app.user.click(within(item).getByRole('button', { name: `Keep ours: ${documentConflict.message}` }));
    expect(await within(item).findByRole('alert')).toHaveTextContent('settled already');
  }, LONG);

  it('settles from the report right after a merge too, which then shows the conflict as decided', async () => {
    const app = renderApp({ packs: true });
    const documentConflict = conflict({ type: 'document', documentId: randomUUID(), message: 'The metadata of “Jordan seizes” differs in the pack; ours was kept.' });
    const content = soundPack({ merge: { conflicts: [documentConflict] } });
    await openPacks(app);
    await app.user.upload(screen.getByTestId('pack-file-input'), packFile(packBytes(content), 'Rana-2026-11-21.claimpack'));
    await app.user.click(await screen.findByRole('button', { name: 'Merge into this project' }));
    const report = await screen.findByRole('region', { name: 'Merged Rana-2026-11-21.claimpack' });
    await app.user.click(await within(report).findByRole('button', { name: `Use theirs: ${documentConflict.message}` }));
    await waitFor(() => expect(within(report).getByText('Resolved: theirs used')).toBeInTheDocument());
    expect(within(report).queryByRole('button', { name: /^(Keep ours|Use theirs|Open) / })).toBeNull();
    expect(app.packs!.records[0]!.report.conflicts[0]!.resolution).toBe('theirs');
    // Its heading says so too, as the list of merges does, rather than "ours kept" over "theirs used".
    expect(within(report).getByRole('heading', { level: 4, name: '1 conflict, resolved' })).toBeInTheDocument();
    expect(within(report).queryByText(/ours kept$/)).toBeNull();
  }, LONG);

  it('counts only the conflicts left to resolve, and shows a resolved one without Open', async () => {
    const app = renderApp({ packs: true });
    const documentId = randomUUID();
    const conflicts = [
      conflict({ type: 'annotation', copyId: randomUUID(), documentId, message: 'Both sides changed “the note”; ours was kept.' }),
      conflict({ type: 'annotation', copyId: randomUUID(), documentId, message: 'Both sides changed “the figure”; ours was kept.', resolved: true }),
    ];
    app.packs!.records.push(
      record('Zaid-2026-11-22.claimpack', { report: { conflicts } }),
      record('Rana-2026-11-21.claimpack', { report: { conflicts: conflicts.map((c) => ({ ...c, resolved: true })) } }),
    );
    const panel = await openPacks(app);
    await within(panel).findByRole('list', { name: PANEL });

    const some = entry(panel, 'Zaid-2026-11-22.claimpack');
    await app.user.click(within(some).getByText('1 conflict to resolve (1 resolved)'));
    const list = within(some).getByRole('list', { name: '1 conflict to resolve (1 resolved)' });
    const [open, settled] = within(list).getAllByRole('listitem');
    expect(within(open!).getByRole('button', { name: /^Open “Both sides changed “the note”/ })).toBeInTheDocument();
    expect(settled).toHaveTextContent('Resolved: one version was deleted');
    expect(within(settled!).queryByRole('button')).toBeNull();

    const all = entry(panel, 'Rana-2026-11-21.claimpack');
    expect(within(all).getByText('2 conflicts, all resolved')).toBeInTheDocument();
  });

  it('merges a proposed pair of sources from the list, offers Undo, and shows the pair as decided meanwhile', async () => {
    const app = renderApp({ packs: true });
    const proposedSourceMerges = [
      { packSourceId: randomUUID(), packName: 'JAF', localSourceId: randomUUID(), localName: 'Jordanian army', reason: 'Same alias “JAF”.', resolution: null },
    ];
    app.packs!.records.push(record('Rana-2026-11-21.claimpack', { report: { proposedSourceMerges } }));
    const panel = await openPacks(app);
    const item = await within(panel).findByRole('listitem', { name: 'Rana-2026-11-21.claimpack' });
    await app.user.click(within(item).getByText('1 proposed source merge'));
    await app.user.click(within(item).getByRole('button', { name: 'Merge “JAF” (from the pack) into “Jordanian army” (yours)' }));
    expect(app.transport.callsTo('sources:merge')).toEqual([{ keepId: proposedSourceMerges[0]!.localSourceId, mergeId: proposedSourceMerges[0]!.packSourceId }]);
    const toast = await screen.findByRole('status');
    await within(toast).findByText('Merged “JAF” into “Jordanian army”');
    const list = within(item).getByRole('list', { name: '1 proposed source merge' });
    await within(list).findByText('Resolved: merged');
    expect(within(list).queryByRole('button')).toBeNull();

    await app.user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(await within(list).findByRole('button', { name: /^Merge “JAF”/ })).toBeInTheDocument();
    expect(within(list).queryByText('Resolved: merged')).toBeNull();
  }, LONG);

  it('lists an undone merge’s conflicts without Open: what it brought is gone', async () => {
    const app = renderApp({ packs: true });
    const documentId = randomUUID();
    const conflicts = [conflict({ type: 'annotation', copyId: randomUUID(), documentId, message: 'Both sides changed “the note”; ours was kept.' })];
    const proposedSourceMerges = [{ packSourceId: randomUUID(), packName: 'JAF', localSourceId: randomUUID(), localName: 'Jordanian army', reason: 'Same alias “JAF”.', resolution: null }];
    app.packs!.records.push(
      record('Zaid-2026-11-22.claimpack', { report: { conflicts } }),
      record('Rana-2026-11-21.claimpack', { undone: true, report: { conflicts, proposedSourceMerges } }),
    );
    const panel = await openPacks(app);
    await within(panel).findByRole('list', { name: PANEL });

    const live = entry(panel, 'Zaid-2026-11-22.claimpack');
    expect(within(live).getByRole('button', { name: 'Open “Both sides changed “the note”; ours was kept.” in its document' })).toBeInTheDocument();

    const undone = entry(panel, 'Rana-2026-11-21.claimpack');
    await app.user.click(within(undone).getByText('1 conflict'));
    await app.user.click(within(undone).getByText('1 proposed source merge'));
    expect(within(undone).getByRole('list', { name: '1 conflict' })).toHaveTextContent('Both sides changed “the note”; ours was kept.');
    expect(within(undone).getByRole('list', { name: '1 proposed source merge' })).toHaveTextContent('“JAF” (from the pack) and “Jordanian army” (yours)');
    expect(within(undone).queryByRole('button')).toBeNull();
    expect(undone).toHaveTextContent('Taken back with Undo');
  });
});

/** The Document view is open on its Annotations tab with our annotation selected, and their copy beside it not. */
async function expectFocused(oursId: string, theirsId: string) {
  expect(await screen.findByRole('tab', { name: 'Annotations', selected: true })).toBeInTheDocument();
  const annotations = await screen.findByRole('region', { name: 'Annotations' });
  await waitFor(() => expect(within(annotations).getByRole('option', { selected: true })).toHaveAttribute('id', `ann-${oursId}`));
  expect(annotations.querySelector(`#ann-${theirsId}`)).toHaveAttribute('aria-selected', 'false');
}
