import './fakes/highlight-polyfill.ts';
import { randomUUID } from 'node:crypto';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeAnnotations } from './fakes/fake-annotations.ts';
import { englishReports } from './fakes/corpus.ts';
import { openFirstDocument } from './fakes/render-annotate.tsx';
import { renderWithTags, type FakeTags } from './annotate-fake-tags.tsx';

// A whole app over a fake core: on a busy two-core machine a reload can take more than a second.
configure({ asyncUtilTimeout: 5000 });

const report = () => englishReports().filter((f) => f.name.startsWith('000'));
const QUOTE = 'We are facing a war along the borders';
const HOSTILE = '<img src=x onerror="alert(1)">';

/** A claim by Colonel Hiari through "told", a channel marked, and a codebook with a parent, a child and a hostile name. */
function setup(a: FakeAnnotations, tags: FakeTags, doc: string) {
  const cue = a.seedSpan(doc, 'cue', 'told');
  a.seedSpan(doc, 'channel', 'Al Mamlaka TV');
  const hiari = a.seedSource('Mustafa Hiari', { affiliation: 'Jordanian Armed Forces' });
  a.seedSource('Jordanian Armed Forces', { type: 'organisation' });
  const claim = a.seedSpan(doc, 'claim', QUOTE);
  const id = randomUUID();
  a.state.attributions.set(id, {
    id, revision: 1, claimId: claim.id, sourceId: hiari.id, cueSpanId: cue.id, channel: null, channelSpanId: null,
    speech: 'direct', anonymous: false, anonymityReason: null, via: [], credibility: 2, rationale: null, rating: null,
  });
  const routes = tags.seed('Routes', '#1f77b4');
  tags.seed('Jordan border', null, routes.id);
  tags.seed(HOSTILE, '#d62728');
}

async function openClaim() {
  const ctx = renderWithTags(report(), setup);
  const panel = await openFirstDocument(ctx.user, 'stepping up');
  await ctx.user.click(await within(panel).findByRole('option', { name: /^We are facing/ }));
  const detail = screen.getByRole('region', { name: 'Selected annotation' });
  return { ...ctx, panel, detail };
}

describe('Tags on an annotation', () => {
  it('searches the codebook by path, applies and creates tags from the keyboard, without reloading the document', async () => {
    const { user, transport, detail, annotations } = await openClaim();
    expect(within(detail).getByText('No tags yet.')).toBeInTheDocument();
    const loads = transport.callsTo('annotations:get').length;

    const field = within(detail).getByRole('combobox', { name: 'Add a tag' });
    await user.type(field, 'jordan');
    const list = within(detail).getByRole('listbox', { name: 'Tags in the codebook' });
    // A child is found by its own name and shown with its parent; it inherits the parent's colour.
    const option = within(list).getByRole('option', { name: 'Routes › Jordan border' });
    expect(option.querySelector<HTMLElement>('.tag-swatch')!.style.backgroundColor).toBe('rgb(31, 119, 180)');
    await user.keyboard('{Enter}');
    const chips = await within(detail).findByRole('list', { name: 'Tags' });
    expect(within(chips).getByText('Routes › Jordan border')).toBeInTheDocument();
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();

    await user.type(field, 'Captagon trade');
    await user.keyboard('{ArrowDown}{ArrowUp}');
    expect(within(list).getByRole('option', { name: 'Create tag “Captagon trade”' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(chips).getByText('Captagon trade')).toBeInTheDocument());
    expect(transport.callsTo('tags:create')[0]).toMatchObject({ name: 'Captagon trade', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });

    const claim = [...annotations.state.spans.values()].find((s) => s.exact === QUOTE)!;
    expect(claim.tagIds).toHaveLength(2);
    // Both writes were applied to what the screen holds: the 10,000-span answer was not asked again.
    expect(transport.callsTo('annotations:get')).toHaveLength(loads);
  });

  it('removes a tag with its button, and Ctrl+Z brings it back through the history', async () => {
    const { user, transport, detail } = await openClaim();
    await user.type(within(detail).getByRole('combobox', { name: 'Add a tag' }), 'Routes');
    await user.click(within(detail).getByRole('option', { name: 'Routes' }));
    const chips = await within(detail).findByRole('list', { name: 'Tags' });
    await user.click(within(chips).getByRole('button', { name: 'Remove tag Routes' }));
    await waitFor(() => expect(within(detail).queryByRole('list', { name: 'Tags' })).not.toBeInTheDocument());
    expect(transport.callsTo('tags:remove')[0]).toMatchObject({ spanId: expect.any(String), tagId: expect.any(String) });
    expect(await screen.findByText('Removed tag Routes. Ctrl+Z brings it back.')).toBeInTheDocument();

    screen.getByRole('article', { name: 'Document text' }).focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(transport.callsTo('history:undo')).toHaveLength(1));
    expect(await within(detail).findByRole('button', { name: 'Remove tag Routes' })).toBeInTheDocument();
  });

  it('shows a tag name with HTML in it as text', async () => {
    const { user, detail } = await openClaim();
    await user.type(within(detail).getByRole('combobox', { name: 'Add a tag' }), '<img');
    await user.keyboard('{Enter}');
    const chips = await within(detail).findByRole('list', { name: 'Tags' });
    expect(within(chips).getByText(HOSTILE)).toBeInTheDocument();
    expect(detail.querySelector('img')).toBeNull();
  });
});

describe('Editing an attribution', () => {
  it('changes channel, speech, anonymity with its reason, relay chain and credibility in one update', async () => {
    const { user, transport, detail } = await openClaim();
    await user.click(within(detail).getByRole('button', { name: 'Edit the attribution to Mustafa Hiari' }));
    const form = within(detail).getByRole('form', { name: 'Edit the attribution to Mustafa Hiari' });
    const f = within(form);
    expect(f.getByRole('combobox', { name: 'Source' })).toHaveValue('Mustafa Hiari');
    expect(f.getByRole('combobox', { name: 'Cue' })).toHaveDisplayValue(/^told/);
    expect(f.getByRole('radio', { name: 'direct' })).toBeChecked();

    const channel = f.getByRole('combobox', { name: 'Channel marked in the text' });
    await user.selectOptions(channel, f.getByRole('option', { name: /^Al Mamlaka TV/ }));
    expect(f.getByRole('textbox', { name: 'Channel' })).toHaveValue('Al Mamlaka TV');
    await user.click(f.getByRole('radio', { name: 'indirect' }));
    await user.click(f.getByRole('checkbox', { name: 'Anonymous source' }));
    await user.type(f.getByRole('textbox', { name: 'Stated reason for anonymity' }), 'not <b>authorised</b> to speak');
    await user.selectOptions(f.getByRole('combobox', { name: 'Credibility of the information' }), '3');
    await user.type(f.getByRole('combobox', { name: 'Add to the relay chain' }), 'Armed');
    await user.click(await f.findByRole('option', { name: /Jordanian Armed Forces/ }));
    await user.type(f.getByRole('combobox', { name: 'Add to the relay chain' }), 'Al-Fassel');
    await user.click(await f.findByRole('option', { name: 'New outlet “Al-Fassel”' }));
    const chain = f.getByRole('list', { name: 'Relay chain' });
    expect(within(chain).getAllByRole('listitem').map((li) => li.querySelector('.relay-name')!.textContent)).toEqual(['Jordanian Armed Forces', 'Al-Fassel']);
    await user.click(f.getByRole('button', { name: 'Move Al-Fassel earlier in the chain' }));
    expect(within(chain).getAllByRole('listitem').map((li) => li.querySelector('.relay-name')!.textContent)).toEqual(['Al-Fassel', 'Jordanian Armed Forces']);
    await user.click(f.getByRole('button', { name: 'Save attribution' }));

    await waitFor(() => expect(transport.callsTo('attributions:update')).toHaveLength(1));
    expect(transport.callsTo('sources:create')[0]).toMatchObject({ name: 'Al-Fassel', type: 'outlet' });
    const [update] = transport.callsTo('attributions:update') as Array<{ patch: Record<string, unknown> }>;
    expect(update!.patch).toEqual({
      channel: 'Al Mamlaka TV', channelSpanId: expect.any(String), speech: 'indirect', anonymous: true,
      anonymityReason: 'not <b>authorised</b> to speak', credibility: 3, via: [expect.any(String), expect.any(String)],
    });
    const card = await within(detail).findByRole('article', { name: 'Mustafa Hiari' });
    await waitFor(() => expect(card).toHaveTextContent('Channel: Al Mamlaka TV · indirect · anonymous: not <b>authorised</b> to speak · via Al-Fassel, Jordanian Armed Forces'));
    expect(card.querySelector('b')).toBeNull();
    expect(within(detail).getByRole('button', { name: 'Edit the attribution to Mustafa Hiari' })).toHaveFocus();
  });

  it('sends only what changed, and nothing when nothing did', async () => {
    const { user, transport, detail } = await openClaim();
    await user.click(within(detail).getByRole('button', { name: 'Edit the attribution to Mustafa Hiari' }));
    await user.click(within(detail).getByRole('button', { name: 'Save attribution' }));
    await waitFor(() => expect(within(detail).queryByRole('form')).not.toBeInTheDocument());
    expect(transport.callsTo('attributions:update')).toHaveLength(0);

    await user.click(within(detail).getByRole('button', { name: 'Edit the attribution to Mustafa Hiari' }));
    const form = within(detail).getByRole('form', { name: 'Edit the attribution to Mustafa Hiari' });
    await user.type(within(form).getByRole('textbox', { name: 'Channel' }), 'Al-Fassel');
    await user.click(within(form).getByRole('button', { name: 'Save attribution' }));
    await waitFor(() => expect(transport.callsTo('attributions:update')).toHaveLength(1));
    expect(transport.callsTo('attributions:update')[0]).toMatchObject({ revision: 1, patch: { channel: 'Al-Fassel' } });
    expect(Object.keys((transport.callsTo('attributions:update')[0] as { patch: object }).patch)).toEqual(['channel']);
    expect(await within(detail).findByText(/Channel: Al-Fassel/)).toBeInTheDocument();
  });
});

describe('Changes made elsewhere', () => {
  it('reloads for another window’s write (its event is not an echo of ours), and not for our own', async () => {
    const { user, transport, annotations, documentId, core, panel, detail } = await openClaim();
    const loads = transport.callsTo('annotations:get').length;
    await user.type(within(detail).getByRole('combobox', { name: 'Add a tag' }), 'Routes');
    await user.click(within(detail).getByRole('option', { name: 'Routes' }));
    await within(detail).findByRole('button', { name: 'Remove tag Routes' });
    expect(transport.callsTo('annotations:get')).toHaveLength(loads);

    // Another window marks an entity: the core announces it to every window.
    annotations.seedSpan(documentId, 'entity', 'Hezbollah');
    (core.emit as (name: string, payload: unknown) => void)('changed', { what: 'annotations' });
    expect(await within(panel).findByRole('option', { name: /^Entity\s*Hezbollah/ })).toBeInTheDocument();
    expect(transport.callsTo('annotations:get')).toHaveLength(loads + 1);
  });
});
