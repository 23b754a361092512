/**
 * The annotation screen in real Chromium against the real web host, in an unannotated project:
 * marking by mouse drag and by keyboard, attributing a claim to a new source through a cue and a
 * channel, a denial linked to the claim it denies, everything still there after a reload, and undo
 * and redo of the link from the keyboard. Screenshots go to test-results/screenshots/.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charAt, dragSelect, keyboardSelectWords, openBySearch } from './annotate-helpers.ts';
import { CORPUS, ROOT, startApp, type E2eApp } from './harness.ts';

const CLAIM = 'pro-Iranian Syrian army units and militias loyal to Tehran are stepping up their attempts to smuggle';
const TARGET = "War-torn Syria has become the region's main production site for a multi-billion-dollar trade";
const DENIAL = "Syrian President Bashar Al-Assad's regime denies involvement in drug making and smuggling";

const panel = (page: Page) => page.getByRole('region', { name: 'Annotations' });
const list = (page: Page) => page.getByRole('listbox', { name: 'Annotations in text order' });
/** The row whose annotation text starts with `text` (link lines quote other claims too). */
const option = (page: Page, text: string) =>
  list(page).getByRole('option').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

/** Presses a kind's key with the toolbar up, and waits for the new row (`Cue told`, `Claim …`). */
async function markWith(page: Page, key: string, expected: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Annotate' }).waitFor();
  await page.keyboard.press(key);
  await list(page).getByRole('option').filter({ hasText: expected }).first().waitFor();
}

/** The selected annotation's detail, in the light and the dark theme (test-results/screenshots/). */
async function shoot(page: Page, detail: Locator, name: string): Promise<void> {
  await page.mouse.move(1, 899);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await detail.screenshot({ path: path.join(ROOT, 'test-results/screenshots', `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('Annotating a report (e2e)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp();
    const { page } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import documents' }).click();
    await (await chooser).setFiles([path.join(CORPUS, '000_f0441c74b4d07c9b.txt')]);
    await page.getByText('1 imported').waitFor();
    await openBySearch(page, 'stepping up');
    await panel(page).getByText(/Nothing is marked yet/).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('marks a cue by keyboard selection and a channel by a mouse drag', async () => {
    const { page } = app;
    await keyboardSelectWords(page, 'told state-owned', 1);
    await markWith(page, 'u', 'told');
    await dragSelect(page, 'Al Mamlaka TV');
    await markWith(page, 'h', 'Al Mamlaka TV');
    expect(await list(page).getByRole('option').filter({ hasText: 'Al Mamlaka TV' }).first().textContent()).toMatch(/^ChannelAl Mamlaka TV/);
  });

  it('marks the claim from a drag, with the toolbar offering every kind and its key', async () => {
    const { page } = app;
    await dragSelect(page, CLAIM);
    const toolbar = page.getByRole('toolbar', { name: 'Annotate' });
    await toolbar.waitFor();
    for (const name of ['Claim', 'Denial', 'Dispute', 'Source', 'Cue', 'Channel', 'Entity', 'Quantity', 'Date', 'Note', 'Not article']) {
      await toolbar.getByRole('button', { name, exact: true }).waitFor();
    }
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(CLAIM);
    await app.screenshot('annotate-toolbar.png');
    await markWith(page, 'c', 'pro-Iranian Syrian army');
    expect(await page.getByRole('toolbar', { name: 'Annotate' }).count()).toBe(0);
  });

  it('attributes the claim to a new source through the cue and the channel', async () => {
    const { page } = app;
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: 'Attribute claim' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Source' }).fill('Colonel Mustafa Hiari');
    await dialog.getByRole('option', { name: 'Create source “Colonel Mustafa Hiari”' }).click();
    await dialog.getByRole('combobox', { name: 'Type' }).selectOption('named official');
    await dialog.getByRole('textbox', { name: 'Affiliation' }).fill('Jordanian army');
    const cue = dialog.getByRole('combobox', { name: 'Cue' });
    // Each cue offered is shown in its context, two or three words either side, from the text.
    expect(await cue.locator('option', { hasText: 'told' }).first().textContent()).toMatch(/^told — “…\S.* told .*\S…”$/);
    await cue.selectOption((await cue.locator('option', { hasText: 'told' }).first().getAttribute('value'))!);
    const channel = dialog.getByRole('combobox', { name: 'Channel marked in the text' });
    await channel.selectOption((await channel.locator('option', { hasText: 'Al Mamlaka TV' }).first().getAttribute('value'))!);
    expect(await dialog.getByRole('textbox', { name: 'Channel', exact: true }).inputValue()).toBe('Al Mamlaka TV');
    await dialog.getByRole('combobox', { name: 'Credibility of the information' }).selectOption('3');
    await app.screenshot('attribute-dialog.png');
    await dialog.getByRole('button', { name: 'Attribute' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = option(page, 'pro-Iranian Syrian army').first();
    await expect.poll(() => row.textContent()).toContain('Colonel Mustafa Hiari');
    expect(await row.textContent()).toMatch(/told.*Al Mamlaka TV.*\?3/);
    const detail = page.getByRole('region', { name: 'Selected annotation' });
    await detail.getByText('named official · Jordanian army').waitFor();
  });

  it('tags the claim from the codebook field and edits its attribution\'s channel in the detail', async () => {
    const { page } = app;
    await option(page, 'pro-Iranian Syrian army').first().click();
    const detail = page.getByRole('region', { name: 'Selected annotation' });
    const tagField = detail.getByRole('combobox', { name: 'Add a tag' });
    await tagField.fill('Smuggling routes');
    await detail.getByRole('option', { name: 'Create tag “Smuggling routes”' }).click();
    const chips = detail.getByRole('list', { name: 'Tags' });
    await chips.getByText('Smuggling routes').waitFor();
    await tagField.fill('Militias');
    await tagField.press('ArrowDown');
    await tagField.press('Enter');
    await chips.getByText('Militias').waitFor();

    await detail.getByRole('button', { name: 'Edit the attribution to Colonel Mustafa Hiari' }).click();
    const form = detail.getByRole('form', { name: 'Edit the attribution to Colonel Mustafa Hiari' });
    await form.getByRole('combobox', { name: 'Channel marked in the text' }).selectOption('');
    await form.getByRole('textbox', { name: 'Channel', exact: true }).fill('state-owned Al Mamlaka TV');
    await form.getByRole('radio', { name: 'indirect' }).check();
    await form.getByRole('combobox', { name: 'Add to the relay chain' }).fill('Jordan News');
    await form.getByRole('option', { name: 'New outlet “Jordan News”' }).click();
    await form.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(page, detail, 'claim-detail-editor-top');
    await form.getByRole('button', { name: 'Save attribution' }).scrollIntoViewIfNeeded();
    await shoot(page, detail, 'claim-detail-editor');
    await form.getByRole('button', { name: 'Save attribution' }).click();
    await form.waitFor({ state: 'detached' });
    const card = detail.getByRole('article', { name: 'Colonel Mustafa Hiari' });
    await expect.poll(() => card.textContent()).toContain('Channel: state-owned Al Mamlaka TV');
    expect(await card.textContent()).toContain('via Jordan News');
    await detail.getByRole('heading', { name: 'Attributions' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot(page, detail, 'claim-detail-tags');
    expect(app.problems).toEqual([]);
  });

  it('marks a claim and the denial of it, and links them', async () => {
    const { page } = app;
    await dragSelect(page, TARGET);
    await markWith(page, 'c', 'War-torn Syria');
    await dragSelect(page, DENIAL);
    await markWith(page, 'd', 'Syrian President');
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog', { name: 'Link claim' });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: 'denies' }).isChecked()).toBe(true);
    await dialog.getByRole('combobox', { name: 'Other claim' }).fill('War-torn');
    await dialog.getByRole('option').filter({ hasText: 'main production site' }).click();
    await dialog.getByRole('button', { name: 'Link' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => option(page, 'Syrian President').first().textContent()).toContain('denies “War-torn Syria');
    await expect.poll(() => option(page, 'War-torn Syria').first().textContent()).toMatch(/denied by “Syrian President/);
    expect(await option(page, 'War-torn Syria').first().textContent()).toContain('denied');
  });

  it('finds all of it again after a reload', async () => {
    const { page } = app;
    await page.reload();
    await openBySearch(page, 'stepping up');
    await option(page, 'pro-Iranian Syrian army').first().waitFor();
    const texts = (await list(page).getByRole('option').allTextContents()).join('\n');
    for (const expected of ['Colonel Mustafa Hiari', 'told', 'Al Mamlaka TV', 'main production site', 'denies “War-torn Syria', 'Channel', 'Cue']) {
      expect(texts).toContain(expected);
    }
    await option(page, 'pro-Iranian Syrian army').first().click();
    const detail = page.getByRole('region', { name: 'Selected annotation' });
    const chips = detail.getByRole('list', { name: 'Tags' });
    expect(await chips.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Militias'), expect.stringContaining('Smuggling routes')]);
    const card = detail.getByRole('article', { name: 'Colonel Mustafa Hiari' });
    expect(await card.textContent()).toMatch(/Channel: state-owned Al Mamlaka TV · indirect · via Jordan News/);
  });

  it('asks for no animation frames while the document sits open and idle', async () => {
    // The Library's grid, hidden under the document, once looped through animation frames (its
    // body's computed height read as NaN; base.css): ~60 a second, each a millisecond of script.
    const { page } = app;
    await page.mouse.move(1, 899);
    const frames = await page.evaluate(async () => {
      let asked = 0;
      const original = window.requestAnimationFrame;
      window.requestAnimationFrame = (callback) => {
        asked++;
        return original.call(window, callback);
      };
      await new Promise((resolve) => setTimeout(resolve, 1000));
      window.requestAnimationFrame = original;
      return asked;
    });
    expect(frames).toBeLessThan(5);
  });

  it('undoes the link with Ctrl+Z and redoes it with Ctrl+Shift+Z', async () => {
    const { page } = app;
    await page.getByRole('article', { name: 'Document text' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => option(page, 'Syrian President').first().textContent()).not.toContain('War-torn');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => option(page, 'Syrian President').first().textContent()).toContain('denies “War-torn Syria');
    expect(app.problems).toEqual([]);
  });
});

describe('The annotated sample and an Arabic document (e2e screenshots)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp();
    await app.page.getByRole('button', { name: 'Open the sample project' }).click();
    await app.page.getByRole('region', { name: 'Import finished' }).waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows report 001 fully annotated, a denial selected with its sources and links', async () => {
    const { page } = app;
    await openBySearch(page, 'Western plots');
    const row = option(page, 'the allegations are part of Western plots');
    await row.click();
    const detail = page.getByRole('region', { name: 'Selected annotation' });
    await detail.getByRole('heading', { name: 'Links' }).waitFor();
    expect(await row.textContent()).toMatch(/Denial/);
    expect(await list(page).getByRole('option').count()).toBeGreaterThan(60);
    // A row's link line cuts its quote, never its "+N": each count shows whole inside its line.
    const counts = list(page).locator('.ann-links .link-more');
    expect(await counts.count()).toBeGreaterThan(0);
    const clipped = await counts.evaluateAll((els) =>
      els.filter((e) => e.getBoundingClientRect().right > e.parentElement!.getBoundingClientRect().right + 0.5 || e.scrollWidth > e.clientWidth).map((e) => e.textContent),
    );
    expect(clipped).toEqual([]);
    await page.getByRole('article', { name: 'Document text' }).focus();
    await page.waitForTimeout(1300); // let the flash end
    await app.screenshot('annotated-report.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('annotated-report-dark.png');
    await page.emulateMedia({ colorScheme: 'light' });

    // Highlights get no events: the pointer is hit-tested. Hover shows what is there; a click selects it.
    const over = await charAt(page, 'Western plots against', 3);
    await page.waitForTimeout(200); // scrolling hides the tooltip: let the scroll to that line settle
    await page.mouse.move(over.x, over.y);
    const tip = page.getByRole('tooltip');
    await expect.poll(() => tip.textContent({ timeout: 1000 })).toMatch(/Denial.*Government of Iran/);
    const mention = await charAt(page, 'UN experts', 1);
    await page.mouse.click(mention.x, mention.y);
    await expect.poll(() => list(page).locator('[role="option"][aria-selected="true"]').textContent({ timeout: 1000 })).toMatch(/UN experts/);
    expect(app.problems).toEqual([]);
  });

  it('annotates the Arabic document right to left: a source mention, a figure, a claim attributed to the mention', async () => {
    const { page } = app;
    await page.getByTitle('Back to the library (Esc)').click();
    await openBySearch(page, 'الانبار'); // a word only the Arabic document has
    await dragSelect(page, 'وزارة الداخلية العراقية');
    await markWith(page, 's', 'وزارة الداخلية العراقية');
    await dragSelect(page, '32 كغم');
    await markWith(page, 'q', '32 كغم');
    expect(await list(page).getByRole('option').filter({ hasText: '32 كغم' }).textContent()).toContain('32 kg');
    const claim = 'عرّاب تهريب المخدرات يقع في قبضة مفارز مديرية شؤون المخدرات';
    await dragSelect(page, claim);
    await markWith(page, 'c', claim);
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: 'Attribute claim' });
    await dialog.getByRole('combobox', { name: 'Source' }).focus();
    await dialog.getByRole('option').filter({ hasText: 'Mentioned in this paragraph' }).click();
    await dialog.getByRole('combobox', { name: 'Type' }).selectOption('organisation');
    await dialog.getByRole('button', { name: 'Attribute' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => option(page, claim).textContent()).toContain('وزارة الداخلية العراقية');
    await page.getByRole('article', { name: 'Document text' }).focus();
    await app.screenshot('annotated-arabic.png');
    expect(app.problems).toEqual([]);
  });
});

