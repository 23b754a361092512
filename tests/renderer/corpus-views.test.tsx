import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishReports } from './fakes/corpus.ts';
import { renderApp } from './fakes/render-app.tsx';
import { reviewFixture } from './fakes/review-fixture.ts';

configure({ asyncUtilTimeout: 5000 });
/** Whole flows through the app under jsdom, on a busy two-core machine. */
const LONG = 90_000;

// jsdom has no layout; the Document view measures ranges to place its marks.
beforeAll(() => {
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
});

async function open(section: 'Disputes' | 'Sources', count = 250) {
  const app = renderApp({ seed: englishReports(), review: (core) => reviewFixture(core, count) });
  await screen.findByText('4 documents');
  await app.user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: section }));
  return app;
}

describe('Disputes', () => {
  it('shows each denied claim beside the statement that denies it, and opens the document at either', async () => {
    const { user, review } = await open('Disputes');
    const claim = review!.rows.find((r) => r.status === 'denied')!;
    const denial = review!.rows.find((r) => r.kind === 'denial')!;
    const list = await screen.findByRole('list', { name: 'Disputed and denied claims' });
    const [item] = within(list).getAllByRole('listitem');
    const left = item!.querySelector('.dispute-claim')!;
    const right = item!.querySelector('.dispute-against')!;
    expect(left.textContent).toContain(claim.claimText);
    expect(left.textContent).toContain('denied');
    expect(right.textContent).toContain(denial.claimText);
    expect(right.textContent).toContain('denies');
    expect(right.textContent).toContain(denial.source);

    await user.click(within(left as HTMLElement).getByRole('button', { name: claim.claimText }));
    const article = await screen.findByRole('article', { name: 'Document text' });
    expect(article.textContent).toContain(claim.claimText.slice(4));
    await user.click(screen.getByRole('button', { name: /Back/ }));
    expect(await screen.findByRole('list', { name: 'Disputed and denied claims' })).toBeInTheDocument();
  }, LONG);

  it('says how disputes come about when there are none', async () => {
    await open('Disputes', 0);
    expect(await screen.findByRole('heading', { name: 'No disputes yet' })).toBeInTheDocument();
  }, LONG);
});

describe('Sources', () => {
  it('lists sources, shows the claims of the one selected, and merges a suggested duplicate with Undo', async () => {
    const { user, transport, review } = await open('Sources');
    const grid = await screen.findByRole('region', { name: 'Sources' });
    const nameCell = (name: string) => Array.from(grid.querySelectorAll<HTMLElement>('[col-id="name"]')).find((c) => c.textContent === name);
    await waitFor(() => expect(nameCell('Government of Jordan')).toBeDefined());
    await user.click(nameCell('Government of Jordan')!);
    expect(await screen.findByRole('heading', { name: 'Claims attributed to Government of Jordan' })).toBeInTheDocument();
    const claims = review!.rows.filter((r) => r.source === 'Government of Jordan');
    expect(await screen.findByText(claims[0]!.claimText)).toBeInTheDocument();

    const dupes = screen.getByRole('region', { name: 'Possible duplicates' });
    await user.click(await within(dupes).findByRole('button', { name: 'Merge…' }));
    await user.click(within(dupes).getByRole('radio', { name: 'Hezbollah' }));
    await user.click(within(dupes).getByRole('button', { name: 'Merge into “Hezbollah”' }));
    expect(await screen.findByText('Merged “Hizbullah” into “Hezbollah”')).toBeInTheDocument();
    const merge = transport.callsTo('sources:merge')[0] as { keepId: string; mergeId: string };
    expect(review!.rows.some((r) => r.sourceId === merge.mergeId)).toBe(false);
    await waitFor(() => expect(nameCell('Hizbullah')).toBeUndefined());

    await user.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(nameCell('Hizbullah')).toBeDefined());
    expect(review!.rows.some((r) => r.sourceId === merge.mergeId)).toBe(true);
  }, LONG);

  it('lists figures with their claims and sources, conflicts first and flagged', async () => {
    const { user } = await open('Sources');
    await user.click(screen.getByRole('tab', { name: 'Figures' }));
    expect(await screen.findByRole('heading', { name: '1 conflict between linked claims' })).toBeInTheDocument();
    expect(screen.getByText('Linked claims (denies) give 12 tonnes and 40 tonnes')).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).getByText('3 figures')).toBeInTheDocument();
    const flagged = table.querySelectorAll('tr.figure-in-conflict');
    expect(flagged).toHaveLength(2);
    expect(within(table).getAllByRole('row')).toHaveLength(4);
  }, LONG);
});
