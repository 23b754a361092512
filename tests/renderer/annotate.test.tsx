import './fakes/highlight-polyfill.ts';
import { randomUUID } from 'node:crypto';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { englishReports } from './fakes/corpus.ts';
import { highlighted } from './fakes/highlight-polyfill.ts';
import { openFirstDocument, renderAnnotate } from './fakes/render-annotate.tsx';

// A whole app over a fake core: on a busy two-core machine a reload can take more than a second.
configure({ asyncUtilTimeout: 5000 });

const report = () => englishReports().filter((f) => f.name.startsWith('000'));
const CLAIM = "War-torn Syria has become the region's main production site for a multi-billion-dollar trade";
const DENIAL = "Syrian President Bashar Al-Assad's regime denies involvement in drug making and smuggling";

/** Selects `from`–`to` characters of the paragraph holding `needle`, as a mouse drag would end. */
function selectText(needle: string, from: number, to: number) {
  const p = Array.from(document.querySelectorAll<HTMLElement>('p[data-start]')).find((x) => x.textContent?.includes(needle))!;
  const node = p.firstChild as Text;
  const at = node.data.indexOf(needle);
  document.getSelection()!.setBaseAndExtent(node, at + from, node, at + to);
  fireEvent.mouseDown(p);
  fireEvent.mouseUp(p);
}

describe('Annotating in the document view', () => {
  it('snaps a selection to words, offers every kind with its key, and marks it with one key', async () => {
    const { user, transport } = renderAnnotate(report());
    const panel = await openFirstDocument(user, 'stepping up');
    expect(await within(panel).findByText(/Nothing is marked yet/)).toBeInTheDocument();

    selectText(CLAIM, 2, CLAIM.length - 3); // "r-torn Syria … tra"
    const toolbar = await screen.findByRole('toolbar', { name: 'Annotate' });
    const names = within(toolbar).getAllByRole('button').map((b) => [b.textContent?.replace(/.$/, ''), b.getAttribute('aria-keyshortcuts')]);
    expect(names).toEqual([
      ['Claim', 'C'], ['Denial', 'D'], ['Dispute', 'X'], ['Source', 'S'], ['Cue', 'U'], ['Channel', 'H'],
      ['Entity', 'E'], ['Quantity', 'Q'], ['Date', 'T'], ['Note', 'N'], ['Not article', 'O'],
    ]);
    await user.keyboard('c');

    await waitFor(() => expect(transport.callsTo('spans:create')).toHaveLength(1));
    expect(transport.callsTo('spans:create')[0]).toMatchObject({ kind: 'claim', exact: CLAIM });
    const list = await within(panel).findByRole('listbox', { name: 'Annotations in text order' });
    const option = await within(list).findByRole('option', { name: new RegExp(`^${CLAIM}`) });
    expect(option).toHaveAttribute('aria-selected', 'true');
    expect(highlighted('cd-claim')).toEqual([CLAIM]);
    expect(screen.queryByRole('toolbar', { name: 'Annotate' })).not.toBeInTheDocument();
  });

  it('keeps the toolbar until the answer, marks once however often the key is pressed, and keeps words chosen meanwhile', async () => {
    const { user, transport } = renderAnnotate(report());
    const panel = await openFirstDocument(user, 'stepping up');
    await within(panel).findByText(/Nothing is marked yet/);

    selectText(CLAIM, 0, CLAIM.length);
    await screen.findByRole('toolbar', { name: 'Annotate' });
    const release = transport.hold('spans:create');
    await user.keyboard('n');
    await user.keyboard('n');
    await user.click(within(screen.getByRole('toolbar', { name: 'Annotate' })).getByRole('button', { name: /^Note/ }));
    // The write is out: the toolbar stays (it goes with the frame that draws the note), and is not pressed twice.
    await waitFor(() => expect(transport.callsTo('spans:create')).toHaveLength(1));
    expect(screen.getByRole('toolbar', { name: 'Annotate' })).toBeInTheDocument();
    release();
    await waitFor(() => expect(highlighted('cd-note')).toEqual([CLAIM]));
    await waitFor(() => expect(screen.queryByRole('toolbar', { name: 'Annotate' })).not.toBeInTheDocument());
    expect(transport.callsTo('spans:create')).toHaveLength(1);

    // Other words chosen while a write is out stay chosen when it comes back.
    selectText(DENIAL, 0, DENIAL.length);
    await screen.findByRole('toolbar', { name: 'Annotate' });
    const again = transport.hold('spans:create');
    await user.keyboard('d');
    await waitFor(() => expect(transport.callsTo('spans:create')).toHaveLength(2));
    selectText('stepping up', 0, 'stepping up'.length);
    again();
    await waitFor(() => expect(highlighted('cd-denial')).toEqual([DENIAL]));
    expect(await screen.findByRole('toolbar', { name: 'Annotate' })).toBeInTheDocument();
    await user.keyboard('e');
    await waitFor(() => expect(transport.callsTo('spans:create')[2]).toMatchObject({ kind: 'entity', exact: 'stepping up' }));
  });

  it('lists claims in text order with source, cue, channel, rating, status and links; orphans too; fields as text', async () => {
    const { user } = renderAnnotate(report(), (a, doc) => {
      const cue = a.seedSpan(doc, 'cue', 'told');
      const claim = a.seedSpan(doc, 'claim', 'These Iranian militias are the most dangerous');
      const target = a.seedSpan(doc, 'claim', CLAIM);
      const denial = a.seedSpan(doc, 'denial', DENIAL);
      const hiari = a.seedSource('<img src=x onerror=alert(1)> Hiari', { reliability: 'B' });
      const id = randomUUID();
      a.state.attributions.set(id, {
        id, revision: 1, claimId: claim.id, sourceId: hiari.id, cueSpanId: cue.id, channel: 'Al Mamlaka TV', channelSpanId: null,
        speech: 'direct', anonymous: false, anonymityReason: null, via: [], credibility: 2, rationale: null, rating: null,
      });
      a.seedLink(denial, target, 'denies');
      a.seedSpan(doc, 'quantity', 'at least 40', { data: { value: 40, approx: true, unit: 'infiltrators' } });
      a.seedSpan(doc, 'entity', 'King Abdullah', { orphaned: true });
    });
    const panel = await openFirstDocument(user, 'stepping up');
    const list = await within(panel).findByRole('listbox');
    const options = await within(list).findAllByRole('option');
    const texts = options.map((o) => o.textContent);
    expect(texts[0]).toMatch(/^KING ABDULLAH|^EntityorphanedKing Abdullah/i);
    const claims = texts.filter((t) => /Iranian militias|War-torn|Syrian President/.test(t ?? ''));
    expect(claims.map((t) => t!.slice(0, 12))).toEqual(['These Irania', 'War-torn Syr', 'Syrian Presi']);
    expect(claims[0]).toContain('<img src=x onerror=alert(1)> Hiari');
    expect(claims[0]).toMatch(/told.*Al Mamlaka TV.*B2.*uncontested/);
    expect(claims[1]).toMatch(/denied.*denied by “Syrian President/);
    expect(claims[2]).toMatch(/Denial.*denies “War-torn Syria/);
    expect(texts.find((t) => t?.includes('at least 40'))).toContain('≈ 40 infiltrators');
    expect(panel.querySelector('img')).toBeNull();
    expect(within(list).getByText('Orphaned: the text changed')).toBeInTheDocument();

    // Arrow keys move the selection; the detail follows.
    list.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    const detail = screen.getByRole('region', { name: 'Selected annotation' });
    expect(within(detail).getByRole('heading', { name: 'Attributions' })).toBeInTheDocument();
    expect(within(detail).getByTitle('Usually reliable')).toBeInTheDocument();
  });

  it('attributes a claim to a new source through a cue and a channel, from the keyboard', async () => {
    const { user, transport } = renderAnnotate(report(), (a, doc) => {
      a.seedSpan(doc, 'cue', 'told');
      a.seedSpan(doc, 'channel', 'Al Mamlaka TV');
      a.seedSpan(doc, 'claim', 'We are facing a war along the borders');
    });
    const panel = await openFirstDocument(user, 'stepping up');
    await user.click(await within(panel).findByRole('option', { name: /^We are facing/ }));
    await user.keyboard('a');
    const dialog = await screen.findByRole('dialog', { name: 'Attribute claim' });
    expect(within(dialog).getByRole('combobox', { name: 'Cue' })).toHaveDisplayValue(/^told/);
    expect(within(dialog).getByRole('textbox', { name: 'Channel' })).toHaveValue('Al Mamlaka TV');
    expect(within(dialog).getByRole('radio', { name: 'direct' })).toBeChecked(); // the claim is in quotation marks
    await user.type(within(dialog).getByRole('combobox', { name: 'Source' }), 'Colonel Mustafa Hiari');
    await user.click(await within(dialog).findByRole('option', { name: 'Create source “Colonel Mustafa Hiari”' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Affiliation' }), 'Jordanian army');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Credibility of the information' }), '3');
    expect(within(dialog).getByRole('option', { name: '6 — Truth cannot be judged' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Attribute' }));

    await waitFor(() => expect(transport.callsTo('attributions:create')).toHaveLength(1));
    expect(transport.callsTo('sources:create')[0]).toMatchObject({ name: 'Colonel Mustafa Hiari', type: 'named official', affiliation: 'Jordanian army' });
    expect(transport.callsTo('attributions:create')[0]).toMatchObject({ channel: 'Al Mamlaka TV', speech: 'direct', credibility: 3 });
    expect(await within(panel).findByRole('option', { name: /^We are facing.*Colonel Mustafa Hiari.*told.*Al Mamlaka TV.*\?3/ })).toBeInTheDocument();
  });

  it('links a denial to a claim, deletes the claim only after saying its links go with it, and undo brings them back', async () => {
    const { user, transport } = renderAnnotate(report(), (a, doc) => {
      a.seedSpan(doc, 'claim', CLAIM);
      a.seedSpan(doc, 'denial', DENIAL);
    });
    const panel = await openFirstDocument(user, 'stepping up');
    await user.click(await within(panel).findByRole('option', { name: /^DenialSyrian President|^Syrian President/ }));
    await user.keyboard('l');
    const dialog = await screen.findByRole('dialog', { name: 'Link claim' });
    expect(within(dialog).getByRole('radio', { name: 'denies' })).toBeChecked();
    await user.type(within(dialog).getByRole('combobox', { name: 'Other claim' }), 'War-torn');
    await user.click(await within(dialog).findByRole('option', { name: /War-torn Syria/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Link' }));
    await waitFor(() => expect(transport.callsTo('claims:link')[0]).toMatchObject({ relation: 'denies' }));
    const target = await within(panel).findByRole('option', { name: /^War-torn.*denied by/ });

    await user.click(target);
    await user.keyboard('{Delete}');
    const confirm = await screen.findByRole('dialog', { name: 'Delete this claim?' });
    expect(confirm).toHaveTextContent('Its 1 link to other claims goes with it.');
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(within(panel).queryByRole('option', { name: /^War-torn/ })).not.toBeInTheDocument());
    await user.keyboard('{Control>}z{/Control}');
    expect(await within(panel).findByRole('option', { name: /^War-torn.*denied by/ })).toBeInTheDocument();
  });
});
