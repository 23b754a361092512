/**
 * The corpus-wide views in real Chromium on the sample project (opened fully annotated): the
 * Review grid filtered to denied claims two ways, a claim opened and Back to the same grid state;
 * grades edited in place, refused when invalid, undone with Ctrl+Z; two sources merged and the merge
 * undone; a claim read beside its denial in Disputes; Figures. Screenshots go to
 * test-results/screenshots/ for a person to look at.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawCall, startApp, type E2eApp } from './harness.ts';

let app: E2eApp;

/** A call to the core from Node with the page's token, as another client would make it. */
async function api<T>(channel: string, input: unknown): Promise<T> {
  const res = await rawCall(app.url, channel, input, { 'X-Claimdesk-Token': app.token });
  const body = JSON.parse(res.body) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
const grid = (page: Page) => page.getByRole('region', { name: 'Attributions' });
const header = (page: Page, name: string) => grid(page).getByRole('columnheader', { name, exact: true });
const rows = (page: Page) => grid(page).locator('[role="row"][row-index]');
const cellsOf = (page: Page, colId: string) => rows(page).locator(`[col-id="${colId}"]`);
const texts = (l: Locator) => l.evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));

beforeAll(async () => {
  app = await startApp();
  await app.page.getByRole('button', { name: 'Open the sample project' }).click();
  await app.page.getByRole('region', { name: 'Import finished' }).waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('Review (e2e)', () => {
  it('shows one row per attribution, and filters to denied claims by quick filter and by the status column', async () => {
    const { page } = app;
    const all = await api<{ total: number }>('review:rows', { query: {}, offset: 0, limit: 1 });
    const denied = await api<{ total: number }>('review:rows', { query: { quick: ['denied'] }, offset: 0, limit: 1 });
    expect(denied.total).toBeGreaterThan(1);

    await nav(page, 'Review').click();
    await page.getByText(`${all.total} attributions`, { exact: true }).waitFor();
    await expect.poll(() => rows(page).count()).toBeGreaterThan(10);
    await app.screenshot('review.png');
    // Report 000 has no title: its rows name it by the opening of its text, as the Library does.
    const across = grid(page).locator('.ag-body-horizontal-scroll-viewport');
    await across.evaluate((e) => (e.scrollLeft = e.scrollWidth));
    await expect.poll(async () => (await texts(cellsOf(page, 'document'))).filter((x) => x.startsWith('(untitled) Jordan said on Monday that')).length).toBeGreaterThan(5);
    await app.screenshot('review-documents.png');
    await across.evaluate((e) => (e.scrollLeft = 0));

    await page.getByRole('button', { name: 'Denied', exact: true }).click();
    await page.getByText(`${denied.total} attributions match`).waitFor();
    await expect.poll(async () => new Set(await texts(cellsOf(page, 'status')))).toEqual(new Set(['denied']));
    await page.getByRole('button', { name: 'Denied', exact: true }).click();
    await page.getByText(`${all.total} attributions`, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Filter Status: Any' }).click();
    await page.getByRole('checkbox', { name: 'denied' }).check();
    await page.keyboard.press('Escape');
    await page.getByText(`${denied.total} attributions match`).waitFor();
    expect(await rows(page).count()).toBe(denied.total);
    // Both at once narrow nothing further: they ask the same question.
    await page.getByRole('button', { name: 'Denied', exact: true }).click();
    await page.getByText(`${denied.total} attributions match`).waitFor();
    await header(page, 'Source').click();
    await expect.poll(() => header(page, 'Source').getAttribute('aria-sort')).toBe('ascending');
    const sources = await texts(cellsOf(page, 'source'));
    expect(sources).toEqual([...sources].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    await app.screenshot('review-denied.png');
  });

  it('opens a claim in its document with Enter, and Back finds the same filters, sort and scroll position', async () => {
    const { page } = app;
    // A short window, so that even the denied rows scroll.
    await page.setViewportSize({ width: 1440, height: 400 });
    try {
      const viewport = grid(page).locator('.ag-grid-viewport');
      await viewport.evaluate((el) => (el.scrollTop = el.scrollHeight));
      await page.waitForTimeout(300);
      const firstBefore = await firstVisibleRow(page);
      expect(firstBefore).toBeGreaterThan(1);

      // The first row fully in view: focus it, open it with Enter.
      const target = grid(page).locator(`[role="row"][row-index="${firstBefore + 1}"]`);
      const claimText = (await target.locator('[col-id="claimText"]').textContent()) ?? '';
      const source = (await target.locator('[col-id="source"]').textContent()) ?? '';
      expect(claimText.length).toBeGreaterThan(10);
      await target.locator('[col-id="source"]').click();
      await page.keyboard.press('Enter');

      const text = page.getByRole('article', { name: 'Document text' });
      await text.waitFor();
      expect(await text.textContent()).toContain(claimText.slice(0, 60));
      await expect.poll(() => inView(page, claimText.slice(0, 60)), { timeout: 5000 }).toBe(true);
      await expect.poll(() => nav(page, 'Review').getAttribute('aria-current')).toBe('page');

      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByText(/^\d+ attributions? match/).waitFor();
      expect(await page.getByRole('button', { name: 'Denied', exact: true }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByRole('button', { name: 'Filter Status: denied' }).count()).toBe(1);
      expect(await header(page, 'Source').getAttribute('aria-sort')).toBe('ascending');
      await expect.poll(() => firstVisibleRow(page)).toBe(firstBefore);
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[row-index]')?.textContent ?? '')).toContain(source);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('edits grades in place: a refused grade saves nothing, a grade changes every row of its source, Ctrl+Z undoes it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('button', { name: 'Reset columns, sort and filters' }).click();
    await page.getByText(/^\d+ attributions$/).waitFor();
    await grid(page).getByRole('textbox', { name: 'Source Filter Input' }).fill('Mustafa Hiari');
    await expect.poll(() => rows(page).count()).toBe(2);

    const reliability = cellsOf(page, 'reliability');
    await reliability.first().click();
    await page.keyboard.type('g');
    const editor = page.getByRole('form', { name: 'Reliability of Mustafa Hiari' });
    await editor.getByRole('textbox', { name: 'Reason (kept in the history)' }).fill('Typo test');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByRole('alert').getByText('“g” is not a reliability grade').waitFor();
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    expect(await texts(reliability)).toEqual(['—', '—']);

    await reliability.first().click();
    await page.keyboard.type('b');
    await editor.getByText(/applies to all its 2 attributions/).waitFor();
    await editor.getByRole('textbox', { name: 'Reason (kept in the history)' }).fill('Army spokesperson, on the record');
    await page.keyboard.press('Enter');
    await expect.poll(() => texts(reliability)).toEqual(['B', 'B']);
    // The rating follows: the source's new grade beside each attribution's own credibility.
    const credibility = await texts(cellsOf(page, 'credibility'));
    await expect.poll(() => texts(cellsOf(page, 'rating'))).toEqual(credibility.map((c) => `B${c}`));

    await reliability.first().click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => texts(reliability)).toEqual(['—', '—']);
  });

  it('edits a claim\'s tags in place, a new tag among them, as one step the toast\'s Undo takes back whole', async () => {
    const { page } = app;
    await grid(page).getByRole('textbox', { name: 'Source Filter Input' }).fill('Mustafa Hiari');
    await expect.poll(() => rows(page).count()).toBe(2);
    // Tags is the last column: scrolled to, so that ag-grid draws it.
    await grid(page).locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const tags = cellsOf(page, 'tags').first();
    await tags.waitFor();
    const before = ((await tags.textContent()) ?? '').trim();
    await tags.click();
    await page.keyboard.press('F2');
    const editor = page.getByRole('form', { name: 'Tags of this claim' });
    await editor.getByRole('textbox', { name: 'New tag' }).fill('Border clashes');
    await editor.getByRole('button', { name: 'Save' }).click();
    const toast = page.getByRole('status').filter({ hasText: 'Border clashes' });
    // The pointer rests on the toast, which then stays however slow the machine is.
    await toast.hover();
    await expect.poll(async () => (await tags.textContent()) ?? '').toContain('Border clashes');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => ((await tags.textContent()) ?? '').trim()).toBe(before);
    // The new tag went with the step: the codebook no longer has it.
    expect((await api<{ name: string }[]>('tags:list', {})).map((t) => t.name)).not.toContain('Border clashes');
    await grid(page).locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => (el.scrollLeft = 0));
    await grid(page).getByRole('textbox', { name: 'Source Filter Input' }).fill('');
  });

  it('merges two sources from the suggested duplicates, and undoes the merge', async () => {
    const { page } = app;
    await api('sources:create', { name: 'Hizbullah', type: 'organisation' });
    await nav(page, 'Sources').click();
    const sources = page.getByRole('region', { name: 'Sources' });
    const find = page.getByRole('searchbox', { name: 'Find a source' });
    await find.fill('bullah');
    await sources.getByRole('gridcell', { name: 'Hizbullah', exact: true }).waitFor();

    const suggestion = page.locator('.dupe').filter({ hasText: /Hezbollah ↔ Hizbullah|Hizbullah ↔ Hezbollah/ });
    await suggestion.getByRole('button', { name: 'Merge…' }).click();
    await suggestion.getByRole('radio', { name: 'Hezbollah' }).check();
    await suggestion.getByRole('button', { name: 'Merge into “Hezbollah”' }).click();
    await page.getByText('Merged “Hizbullah” into “Hezbollah”').waitFor();
    await page.getByRole('status').hover();
    await sources.getByRole('gridcell', { name: 'Hizbullah', exact: true }).waitFor({ state: 'detached' });

    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await sources.getByRole('gridcell', { name: 'Hizbullah', exact: true }).waitFor();

    await find.fill('');
    await sources.locator('[role="gridcell"][col-id="name"]').filter({ hasText: /^Government of Jordan$/ }).click();
    await page.getByRole('heading', { name: 'Claims attributed to Government of Jordan' }).waitFor();
    await page.getByRole('button', { name: 'Dismiss notification' }).click();
    await app.screenshot('sources.png');

    await page.getByRole('tab', { name: 'Figures' }).click();
    await page.getByRole('table').getByText(/^\d+ figures$/).waitFor();
    await app.screenshot('figures.png');
  });

  it('shows the militias’ stated aim beside the residents’ denial in Disputes', async () => {
    const { page } = app;
    await nav(page, 'Disputes').click();
    const dispute = page.locator('li.dispute').filter({ hasText: 'their reinforcements aim to support Iraqi security forces' });
    await dispute.waitFor();
    const claim = dispute.locator('.dispute-claim').getByText(/their reinforcements aim to support Iraqi security forces/);
    const denial = dispute.locator('.dispute-against').getByText(/refute these claims/);
    const [a, b] = [await claim.boundingBox(), await denial.boundingBox()];
    expect(a && b).toBeTruthy();
    expect(a!.x + a!.width).toBeLessThanOrEqual(b!.x);
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(400);
    await dispute.scrollIntoViewIfNeeded();
    await app.screenshot('disputes.png');

    await claim.click();
    await page.getByRole('article', { name: 'Document text' }).getByText(/their reinforcements aim to support Iraqi security forces/).waitFor();
    await expect.poll(() => inView(page, 'their reinforcements aim to support Iraqi security forces'), { timeout: 5000 }).toBe(true);
    await page.getByRole('button', { name: 'Back' }).click();
    await dispute.waitFor();
    expect(app.problems).toEqual([]);
  });
});

async function firstVisibleRow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const header = document.querySelector('[aria-label="Attributions"] .ag-header');
    if (!header) return -1;
    const top = header.getBoundingClientRect().bottom;
    const candidates = [...document.querySelectorAll('[aria-label="Attributions"] [role="row"][row-index]')]
      .map((r) => ({ index: Number(r.getAttribute('row-index')), bottom: r.getBoundingClientRect().bottom }))
      .filter((r) => r.bottom > top + 4)
      .sort((x, y) => x.index - y.index);
    return candidates[0]?.index ?? -1;
  });
}

/** Is this text of the open document inside the visible part of the text pane (scrolled to)? */
async function inView(page: Page, needle: string): Promise<boolean> {
  return page.evaluate((text) => {
    const article = document.querySelector('[aria-label="Document text"]');
    if (!article) return false;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const r = range.getBoundingClientRect();
      const pane = article.getBoundingClientRect();
      return r.top >= pane.top && r.bottom <= pane.bottom;
    }
    return false;
  }, needle);
}
