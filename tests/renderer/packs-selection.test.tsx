/**
 * The Export panel's selections beyond tags and dates, over the fake core and the sample reports:
 * a saved review view, the documents chosen in the Library ("Export selected…"), and documents left
 * out of the pack with the finder. Each case checks what reaches `packs:export`, not only the screen;
 * a result exported before another view is picked, or a document is left out, is put away.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { finderQuery } from '../../renderer/src/packs/leave-out-finder.tsx';
import { englishReports } from './fakes/corpus.ts';
import type { FakeFile } from './fakes/fake-services.ts';
import { renderApp } from './fakes/render-app.tsx';

type Sent = { documentIds?: string[]; viewId?: string; tags?: string[]; redact: { documents: string[] } };

/** The headlines of the sample reports as their titles; the first report has none, as in the sample. */
const TITLES: Record<string, { title: string; published: string }> = {
  '001': { title: 'Jordan Stops Infiltration By Iran-Backed Drug Smugglers', published: '2023-12-19' },
  '002': { title: 'Iraq fortifies its border with Syria to curb arms, drug smuggling', published: '2024-01' },
  '003': { title: 'Iran-aligned militias mass on Iraq-Syria border', published: '2024-02' },
};

function titledReports(): FakeFile[] {
  return englishReports().flatMap((file) => {
    const meta = TITLES[file.name.slice(0, 3)];
    if (!meta) return [file];
    return [file, { name: file.name.replace(/\.txt$/, '.json'), data: new TextEncoder().encode(JSON.stringify(meta)) }];
  });
}

const main = () => within(screen.getByRole('navigation', { name: 'Main' }));

async function start() {
  const app = renderApp({ packs: true, seed: titledReports() });
  await screen.findByText('4 documents');
  const idOf = (title: string) => app.core.live().find((d) => d.title === title)!.id;
  return { ...app, idOf };
}

async function openPacks(user: Awaited<ReturnType<typeof start>>['user']) {
  await user.click(main().getByRole('button', { name: 'Packs' }));
  await screen.findByRole('heading', { name: 'Export' });
}

/** Stops the download the export starts (jsdom has no Blob URLs). */
function stubDownload() {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:claimdesk-test');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
}

afterEach(() => vi.restoreAllMocks());

/** Two saved views, listed by name: Denied claims, then Single source. */
const TWO_VIEWS = [
  { id: '0190f1a2-0000-7000-8000-0000000000e2', name: 'Single source', state: { quick: ['singleSource'] } },
  { id: '0190f1a2-0000-7000-8000-0000000000e1', name: 'Denied claims', state: { quick: ['denied'] } },
];

/** Packs open with the two views saved, "Documents in a saved review view" picked, and its select. */
async function savedViewOption() {
  stubDownload();
  const app = await start();
  app.packs!.views.push(...TWO_VIEWS);
  await openPacks(app.user);
  await app.user.click(screen.getByRole('radio', { name: 'Documents in a saved review view' }));
  return { app, select: await screen.findByRole('combobox', { name: 'Saved view' }) };
}

describe('Export: a saved review view', () => {
  it('lists the saved views by name and sends the id of the one picked', async () => {
    const { app, select } = await savedViewOption();
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Denied claims', 'Single source']);
    await app.user.selectOptions(select, 'Single source');
    await app.user.click(screen.getByRole('button', { name: 'Export pack' }));

    await screen.findByRole('region', { name: 'Pack exported' });
    const [sent] = app.transport.callsTo('packs:export') as Sent[];
    expect(sent!.viewId).toBe('0190f1a2-0000-7000-8000-0000000000e2');
    expect(sent).not.toHaveProperty('documentIds');
    expect(sent).not.toHaveProperty('tags');
  });

  it('says there are no saved views and disables Export until one is saved', async () => {
    const app = await start();
    await openPacks(app.user);
    await app.user.click(screen.getByRole('radio', { name: 'Documents in a saved review view' }));

    const none = 'No saved review views yet: save one in Review with Views ▾.';
    const button = screen.getByRole('button', { name: 'Export pack' });
    await waitFor(() => expect(button).toHaveAccessibleDescription(none));
    expect(button).toBeDisabled();
    expect(screen.queryByRole('combobox', { name: 'Saved view' })).not.toBeInTheDocument();

    // A view saved in Review meanwhile is there on coming back to Packs.
    await app.user.click(main().getByRole('button', { name: 'Library' }));
    app.packs!.views.push({ id: '0190f1a2-0000-7000-8000-0000000000e1', name: 'Denied claims', state: { quick: ['denied'] } });
    await openPacks(app.user);
    expect(await screen.findByRole('combobox', { name: 'Saved view' })).toHaveValue('0190f1a2-0000-7000-8000-0000000000e1');
    expect(button).toBeEnabled();
  });

  it('puts an export’s result away once another view is picked', async () => {
    const { app, select } = await savedViewOption();
    await app.user.click(screen.getByRole('button', { name: 'Export pack' }));
    await screen.findByRole('region', { name: 'Pack exported' });

    await app.user.selectOptions(select, 'Single source');
    expect(screen.queryByRole('region', { name: 'Pack exported' })).toBeNull();
  });
});

describe('Export: documents chosen in the Library', () => {
  async function chooseInLibrary(app: Awaited<ReturnType<typeof start>>, titles: string[]) {
    const grid = screen.getByRole('region', { name: 'Documents' });
    const exportSelected = screen.getByRole('button', { name: 'Export selected…' });
    expect(exportSelected).toBeDisabled();
    for (const [i, title] of titles.entries()) {
      const cell = await within(grid).findByText(title);
      if (i === 0) await app.user.click(cell);
      else {
        await app.user.keyboard('{Control>}');
        await app.user.click(cell);
        await app.user.keyboard('{/Control}');
      }
    }
    await waitFor(() => expect(exportSelected).toBeEnabled());
    await app.user.click(exportSelected);
  }

  it('arrives in Packs with the chosen documents selected, named, and sent as they are', async () => {
    stubDownload();
    const app = await start();
    // Packs already open (it stays mounted) with another selection set up.
    await openPacks(app.user);
    await app.user.click(screen.getByRole('radio', { name: 'Published between' }));
    await app.user.click(main().getByRole('button', { name: 'Library' }));
    const chosen = [TITLES['002']!.title, TITLES['003']!.title];
    await chooseInLibrary(app, chosen);

    const radio = await screen.findByRole('radio', { name: 'Chosen documents (2)' });
    expect(radio).toBeChecked();
    expect(radio).toHaveFocus();
    const list = screen.getByRole('list', { name: 'Chosen documents' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(chosen);
    await app.user.click(screen.getByRole('button', { name: 'Export pack' }));

    await screen.findByRole('region', { name: 'Pack exported' });
    const [sent] = app.transport.callsTo('packs:export') as Sent[];
    expect(sent!.documentIds).toEqual(chosen.map(app.idOf));
    expect(sent).not.toHaveProperty('viewId');
  });

  it('says to choose again, not a raw id, when a chosen document was deleted after it was chosen', async () => {
    stubDownload();
    const app = await start();
    const chosen = [TITLES['002']!.title, TITLES['003']!.title];
    await chooseInLibrary(app, chosen);
    await screen.findByRole('radio', { name: 'Chosen documents (2)' });
    await app.core.services['documents:delete']({ ids: [app.idOf(chosen[0]!)] });
    await app.user.click(screen.getByRole('button', { name: 'Export pack' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A chosen document was deleted after it was chosen. Choose the documents again in the Library');
    expect(screen.queryByRole('region', { name: 'Pack exported' })).toBeNull();
  });

  it('falls back to every document when the choice is cleared, and asks for one when picked again', async () => {
    stubDownload();
    const app = await start();
    await chooseInLibrary(app, [TITLES['001']!.title]);
    await app.user.click(await screen.findByRole('button', { name: 'Clear the choice' }));

    expect(screen.getByRole('radio', { name: 'All documents' })).toBeChecked();
    const bare = screen.getByRole('radio', { name: 'Chosen documents' });
    await app.user.click(bare);
    const hint = 'Select documents in the Library, then Export selected…';
    expect(screen.getByRole('button', { name: 'Export pack' })).toHaveAccessibleDescription(hint);
    expect(screen.getByRole('button', { name: 'Export pack' })).toBeDisabled();

    await app.user.click(screen.getByRole('radio', { name: 'All documents' }));
    await app.user.click(screen.getByRole('button', { name: 'Export pack' }));
    await screen.findByRole('region', { name: 'Pack exported' });
    const [sent] = app.transport.callsTo('packs:export') as Sent[];
    expect(sent).not.toHaveProperty('documentIds');
  });

  it('names the first few of a larger choice and counts the rest', async () => {
    const app = await start();
    await chooseInLibrary(app, [TITLES['001']!.title, TITLES['002']!.title, TITLES['003']!.title, '(untitled)']);
    expect(await screen.findByRole('radio', { name: 'Chosen documents (4)' })).toBeChecked();
    const items = within(screen.getByRole('list', { name: 'Chosen documents' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([TITLES['001']!.title, TITLES['002']!.title, TITLES['003']!.title, 'and 1 more']);
  });
});

describe('Export: leaving documents out', () => {
  it('finds documents, leaves them out and puts them back, and sends what is left out', async () => {
    stubDownload();
    const app = await start();
    await openPacks(app.user);
    const finder = screen.getByRole('searchbox', { name: 'Find a document to leave out' });

    // Enter goes to the matches and never starts the export.
    await app.user.type(finder, 'curb');
    const fortifies = TITLES['002']!.title;
    const match = await screen.findByRole('button', { name: `Leave out ${fortifies}` });
    expect(within(screen.getByRole('list', { name: 'Matching documents' })).getAllByRole('listitem')).toHaveLength(1);
    await app.user.keyboard('{Enter}');
    expect(match).toHaveFocus();
    expect(app.transport.callsTo('packs:export')).toEqual([]);
    await app.user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: `Leave out ${fortifies}` })).toHaveAttribute('aria-pressed', 'true');

    // Escape empties the finder; what was left out stays.
    await app.user.keyboard('{Escape}');
    expect(finder).toHaveValue('');
    expect(finder).toHaveFocus();
    expect(screen.queryByRole('list', { name: 'Matching documents' })).not.toBeInTheDocument();

    await app.user.type(finder, 'militias mass');
    const mass = TITLES['003']!.title;
    await app.user.click(await screen.findByRole('button', { name: `Leave out ${mass}` }));
    const chips = screen.getByRole('list', { name: '2 documents left out' });
    expect(within(chips).getAllByRole('listitem').map((li) => li.textContent?.replace('×', ''))).toEqual([fortifies, mass]);

    await app.user.click(within(chips).getByRole('button', { name: `Put ${fortifies} back in the pack` }));
    expect(screen.getByRole('list', { name: '1 document left out' })).toHaveTextContent(mass);
    // The chip that took its place has the focus, not the page.
    expect(screen.getByRole('button', { name: `Put ${mass} back in the pack` })).toHaveFocus();

    await app.user.click(screen.getByRole('button', { name: 'Export pack' }));
    const result = await screen.findByRole('region', { name: 'Pack exported' });
    const [sent] = app.transport.callsTo('packs:export') as Sent[];
    expect(sent!.redact.documents).toEqual([app.idOf(mass)]);
    expect(within(result).getByText('1 document')).toBeInTheDocument();
  });

  it('puts an export’s result away once a document is left out or put back', async () => {
    stubDownload();
    const app = await start();
    await openPacks(app.user);
    const result = () => screen.queryByRole('region', { name: 'Pack exported' });
    await app.user.click(screen.getByRole('button', { name: 'Export pack' }));
    await screen.findByRole('region', { name: 'Pack exported' });

    // Typing in the finder changes nothing; leaving a match out does.
    await app.user.type(screen.getByRole('searchbox', { name: 'Find a document to leave out' }), 'curb');
    const fortifies = TITLES['002']!.title;
    const leaveOut = await screen.findByRole('button', { name: `Leave out ${fortifies}` });
    expect(result()).not.toBeNull();
    await app.user.click(leaveOut);
    expect(result()).toBeNull();

    await app.user.click(screen.getByRole('button', { name: 'Export pack' }));
    await screen.findByRole('region', { name: 'Pack exported' });
    await app.user.click(screen.getByRole('button', { name: `Put ${fortifies} back in the pack` }));
    expect(result()).toBeNull();
  });

  it('searches the last word as a prefix only where the query language allows it', () => {
    expect(finderQuery(' capta ')).toBe('capta*');
    expect(finderQuery('militias mass')).toBe('militias mass*');
    expect(finderQuery('الكبتا')).toBe('الكبتا*');
    expect(finderQuery('captagon OR')).toBe('captagon OR');
    expect(finderQuery('"drug smug')).toBe('"drug smug');
    expect(finderQuery('border s')).toBe('border s');
    expect(finderQuery('captag*')).toBe('captag*');
    expect(finderQuery('')).toBe('');
  });
});
