import './fakes/highlight-polyfill.ts';
import { randomUUID } from 'node:crypto';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { reloadKeymap, STORAGE_KEY } from '../../renderer/src/annotate/keymap.ts';
import type { FakeAnnotations } from './fakes/fake-annotations.ts';
import { englishReports } from './fakes/corpus.ts';
import { openFirstDocument, renderAnnotate } from './fakes/render-annotate.tsx';

// A whole app over a fake core: on a busy two-core machine a reload can take more than a second.
configure({ asyncUtilTimeout: 5000 });

const report = () => englishReports().filter((f) => f.name.startsWith('000'));
const QUOTE = 'We are facing a war along the borders';

/** A claim by Colonel Hiari (a mention of him too), through "told". */
function attributed(a: FakeAnnotations, doc: string) {
  const cue = a.seedSpan(doc, 'cue', 'told');
  const hiari = a.seedSource('Mustafa Hiari', { affiliation: 'Jordanian Armed Forces' });
  a.seedSource('Jordanian Armed Forces', { type: 'organisation' });
  a.seedSpan(doc, 'source', 'Colonel Mustafa Hiari', { sourceId: hiari.id });
  const claim = a.seedSpan(doc, 'claim', QUOTE);
  const id = randomUUID();
  a.state.attributions.set(id, {
    id, revision: 1, claimId: claim.id, sourceId: hiari.id, cueSpanId: cue.id, channel: null, channelSpanId: null,
    speech: 'direct', anonymous: false, anonymityReason: null, via: [], credibility: 2, rationale: null, rating: null,
  });
  return { attributionId: id };
}

afterEach(() => {
  localStorage.clear();
  reloadKeymap();
});

describe('Editing annotations', () => {
  it('asks why before saving a reliability grade, and shows what each grade means', async () => {
    const { user, transport } = renderAnnotate(report(), attributed);
    const panel = await openFirstDocument(user, 'stepping up');
    await user.click(await within(panel).findByRole('option', { name: /^We are facing/ }));
    const detail = screen.getByRole('region', { name: 'Selected annotation' });
    const reliability = within(detail).getByRole('combobox', { name: 'Source reliability' });
    expect(within(reliability).getByRole('option', { name: 'B — Usually reliable' })).toBeInTheDocument();
    await user.selectOptions(reliability, 'B');
    const save = within(detail).getByRole('button', { name: 'Save grade' });
    expect(save).toBeDisabled();
    await user.type(within(detail).getByRole('textbox', { name: /Why B\?/ }), 'Army spokesman, consistent record');
    await user.click(save);
    await waitFor(() => expect(transport.callsTo('sources:grade')[0]).toMatchObject({ grade: 'B', reason: 'Army spokesman, consistent record' }));
    expect(await within(panel).findByRole('option', { name: /^We are facing.*B2/ })).toBeInTheDocument();
  });

  it('overrides a status only with a reason, and shows the reason', async () => {
    const { user, transport } = renderAnnotate(report(), attributed);
    const panel = await openFirstDocument(user, 'stepping up');
    await user.click(await within(panel).findByRole('option', { name: /^We are facing/ }));
    const detail = screen.getByRole('region', { name: 'Selected annotation' });
    await user.click(within(detail).getByRole('button', { name: 'Override…' }));
    await user.selectOptions(within(detail).getByRole('combobox', { name: 'Status' }), 'disputed');
    await user.click(within(detail).getByRole('button', { name: 'Save' }));
    expect(within(detail).getByText('Give a reason; it is kept in the history.')).toBeInTheDocument();
    expect(transport.callsTo('claims:override')).toHaveLength(0);
    await user.type(within(detail).getByRole('textbox', { name: /Reason/ }), 'UN panel contradicts it');
    await user.click(within(detail).getByRole('button', { name: 'Save' }));
    expect(await within(detail).findByText(/Reason: UN panel contradicts it/)).toBeInTheDocument();
    expect(transport.callsTo('claims:override')[0]).toMatchObject({ status: 'disputed', reason: 'UN panel contradicts it' });
  });

  it('says so plainly when another window changed the record, and reloads', async () => {
    const { user, annotations } = renderAnnotate(report(), attributed);
    const panel = await openFirstDocument(user, 'stepping up');
    await user.click(await within(panel).findByRole('option', { name: /^We are facing/ }));
    const [attribution] = [...annotations.state.attributions.values()];
    Object.assign(attribution!, { revision: 2, credibility: 4 }); // another window saved first; its event was lost
    const detail = screen.getByRole('region', { name: 'Selected annotation' });
    await user.selectOptions(within(detail).getByRole('combobox', { name: 'Information credibility' }), '1');
    expect(await within(panel).findByRole('alert')).toHaveTextContent(/changed this annotation elsewhere/);
    await waitFor(() => expect(within(detail).getByRole('combobox', { name: 'Information credibility' })).toHaveValue('4'));
  });

  it('asks where to reassign a source in use before deleting it', async () => {
    const { user, transport } = renderAnnotate(report(), attributed);
    const panel = await openFirstDocument(user, 'stepping up');
    await user.click(await within(panel).findByRole('option', { name: /Colonel Mustafa Hiari/ }));
    await user.click(within(screen.getByRole('region', { name: 'Selected annotation' })).getByRole('button', { name: 'Delete source…' }));
    const dialog = await screen.findByRole('dialog', { name: 'This source is in use' });
    expect(dialog).toHaveTextContent('Mustafa Hiari is used by 1 attribution(s) and 1 mention(s).');
    await user.type(within(dialog).getByRole('combobox', { name: 'Reassign them to' }), 'Armed');
    await user.click(await within(dialog).findByRole('option', { name: /Jordanian Armed Forces/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Reassign and delete' }));
    await waitFor(() => expect(transport.callsTo('sources:delete')).toHaveLength(2));
    expect(transport.callsTo('sources:delete')[1]).toMatchObject({ reassignTo: expect.any(String) });
    expect(await within(panel).findByRole('option', { name: /^We are facing.*Jordanian Armed Forces/ })).toBeInTheDocument();
  });

  it('remaps a key in the settings dialog, keeps it in localStorage, and lists it in Help', async () => {
    const { user, transport } = renderAnnotate(report());
    await openFirstDocument(user, 'stepping up');
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByRole('table', { name: 'Annotating a document' })).toHaveTextContent(/CMark as Claim/);
    await user.click(within(help).getByRole('button', { name: 'Change annotation keys…' }));
    const keys = await screen.findByRole('dialog', { name: 'Annotation keys' });
    const denial = within(keys).getByRole('textbox', { name: 'Mark as Denial' });
    await user.clear(denial);
    await user.type(denial, 'c');
    expect(within(keys).getByRole('alert')).toHaveTextContent('C is used twice');
    await user.clear(denial);
    await user.type(denial, 'k');
    await user.click(within(keys).getByRole('button', { name: 'Save' }));
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY)!)['mark:denial']).toBe('K');
    const help2 = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help2).getByRole('table', { name: 'Annotating a document' })).toHaveTextContent(/KMark as Denial/);
    await user.keyboard('{Escape}');

    const p = document.querySelector<HTMLElement>('p[data-start]')!;
    document.getSelection()!.setBaseAndExtent(p.firstChild!, 0, p.firstChild!, 6);
    fireEvent.mouseDown(p);
    fireEvent.mouseUp(p);
    const toolbar = await screen.findByRole('toolbar', { name: 'Annotate' });
    expect(within(toolbar).getByRole('button', { name: 'Denial' })).toHaveAttribute('aria-keyshortcuts', 'K');
    await user.keyboard('k');
    await waitFor(() => expect(transport.callsTo('spans:create')[0]).toMatchObject({ kind: 'denial', exact: 'Jordan' }));
  });

  it('clears the selection with Escape before leaving the document, and obeys the desktop menu', async () => {
    const { user, transport, core } = renderAnnotate(report());
    await openFirstDocument(user, 'stepping up');
    const p = document.querySelector<HTMLElement>('p[data-start]')!;
    document.getSelection()!.setBaseAndExtent(p.firstChild!, 0, p.firstChild!, 6);
    fireEvent.mouseDown(p);
    fireEvent.mouseUp(p);
    await screen.findByRole('toolbar', { name: 'Annotate' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('toolbar', { name: 'Annotate' })).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Document text' })).toBeInTheDocument();

    const emit = core.emit as (name: string, payload: unknown) => void;
    await act(async () => emit('menu', { command: 'undo' }));
    await waitFor(() => expect(transport.callsTo('history:undo')).toHaveLength(1));
    await act(async () => emit('menu', { command: 'shortcuts' }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});
