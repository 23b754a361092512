/**
 * The Library in real Chromium against the real web host: import the sample reports through the
 * file chooser, search, read a document, read the Arabic one right to left; and the host's API
 * refuses callers without the token or from another origin. Screenshots go to
 * test-results/screenshots/ for a person to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, rawCall, startApp, type E2eApp } from './harness.ts';

const reports = fs.readdirSync(CORPUS).filter((n) => /^00\d_.*\.txt$/.test(n)).sort();
const read = (name: string) => fs.readFileSync(path.join(CORPUS, name), 'utf8');
// Which reports mention captagon, from the files themselves (as `grep -il captagon` says).
const captagonReports = reports.filter((n) => /captagon/i.test(read(n)));

describe('Library (e2e)', () => {
  let app: E2eApp;

  beforeAll(async () => {
    app = await startApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('greets an empty project with what Claimdesk does and how to start', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open the sample project' }).waitFor();
    await expectVisible(page.getByRole('button', { name: 'Import documents' }));
    await app.screenshot('empty.png');
  });

  it('says on every other screen of an empty project what will appear there, heading and text together', async () => {
    const { page } = app;
    const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });
    const screens: Array<[string, string, string]> = [
      ['Review', 'Review', 'Nothing to review yet'],
      ['Disputes', 'Disputes', 'No disputes yet'],
      ['Sources', 'Sources', 'No sources yet'],
    ];
    const lefts: number[] = [];
    for (const [button, shot, title] of screens) {
      await nav(button).click();
      const heading = page.getByRole('heading', { name: title });
      await heading.waitFor();
      // The text sits under its heading, not pushed down the screen by the layout around it, and
      // every screen puts its empty state in the same place.
      const text = heading.locator('xpath=following-sibling::p[1]');
      const [h, p] = [await heading.boundingBox(), await text.boundingBox()];
      expect(p!.y - h!.y, title).toBeLessThan(80);
      lefts.push(h!.x);
      await app.screenshot(`empty-${shot.toLowerCase()}.png`);
    }
    expect(Math.max(...lefts) - Math.min(...lefts)).toBeLessThan(2);
    await nav('Library').click();
    await page.getByRole('button', { name: 'Open the sample project' }).waitFor();
  });

  it('imports the four sample reports through the file chooser', async () => {
    const { page } = app;
    expect(reports).toHaveLength(4);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import documents' }).click();
    await (await chooser).setFiles(reports.map((n) => path.join(CORPUS, n)));

    await page.getByText('4 imported').waitFor();
    await page.getByText('4 documents').waitFor();
    const rows = page.getByRole('region', { name: 'Documents' }).locator('[role="row"][row-index]');
    await expect.poll(() => rows.count()).toBe(4);
    await app.screenshot('library.png');
  });

  it('finds exactly the reports that mention captagon', async () => {
    const { page } = app;
    expect(captagonReports).toHaveLength(3);
    await page.getByRole('searchbox', { name: 'Search documents' }).fill('captagon');
    const hits = page.getByRole('region', { name: 'Search results' }).locator('button.hit');
    await expect.poll(() => hits.count()).toBe(3);
    await page.getByText('3 results').waitFor();

    const ids = await hits.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.documentId ?? ''));
    const files = await Promise.all(ids.map((id) => fileNameOf(app, id)));
    expect(files.sort()).toEqual(captagonReports);
    expect(await hits.first().locator('mark').first().textContent()).toMatch(/^captagon$/i);
    await app.screenshot('search.png');
  });

  it('opens a hit by keyboard, shows its text exactly, and goes back with Escape', async () => {
    const { page } = app;
    const box = page.getByRole('searchbox', { name: 'Search documents' });
    await box.focus();
    await page.keyboard.press('ArrowDown');
    const firstId = await page.locator('button.hit').first().getAttribute('data-document-id');
    await page.keyboard.press('Enter');

    const text = page.getByRole('article', { name: 'Document text' });
    await text.waitFor();
    const file = await fileNameOf(app, firstId ?? '');
    const paragraphs = await text.locator('p').allTextContents();
    expect(paragraphs).toEqual(read(file).replace(/\n+$/, '').split(/\n{2,}/));
    await app.screenshot('document.png');

    await page.keyboard.press('Escape');
    await text.waitFor({ state: 'detached' });
    expect(await box.inputValue()).toBe('captagon');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.documentId)).toBe(firstId);
  });

  it('reads the Arabic document right to left', async () => {
    const { page } = app;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import documents' }).click();
    await (await chooser).setFiles(['naya_foriraq-captagon.txt', 'naya_foriraq-captagon.json'].map((n) => path.join(CORPUS, 'arabic', n)));
    await page.getByText('1 imported').waitFor();

    await page.getByRole('searchbox', { name: 'Search documents' }).fill('الانبار'); // folded: finds «الأنبار» (hamza on alef)
    await page.getByText('1 result', { exact: true }).waitFor();
    const hit = page.getByRole('region', { name: 'Search results' }).locator('button.hit').first();
    await hit.click();
    const text = page.getByRole('article', { name: 'Document text' });
    await text.waitFor();
    const first = text.locator('p').first();
    expect(await first.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
    expect(await text.getAttribute('lang')).toBe('ar');
    expect(await text.locator('p').allTextContents()).toContain(
      'الاستخبارات العسكرية العراقية تعتقل تاجر  للمخدرات بحوزته 4 كيلو من حبة الكبتاجون في محافظة الأنبار ما يعادل 23 الف حبة',
    );
    await app.screenshot('document-arabic.png');
    await page.getByRole('button', { name: 'Back' }).click();
    await text.waitFor({ state: 'detached' });
  });

  it('loaded nothing from elsewhere and logged no errors', () => {
    expect(app.problems).toEqual([]);
  });

  it('follows a dark system theme', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('searchbox', { name: 'Search documents' }).fill('');
    await page.getByText('5 documents').waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(background)).toBeLessThan(0.1);
    await app.screenshot('library-dark.png');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('notices a change made elsewhere (another window, the CLI) and refreshes', async () => {
    const { page } = app;
    const list = await rawCall(app.url, 'documents:list', {}, { 'X-Claimdesk-Token': app.token });
    const items = (JSON.parse(list.body) as { value: { items: { id: string; revision: number; title: string | null }[] } }).value.items;
    const untitled = items.find((d) => d.title === null) ?? items[0]!;
    const update = await rawCall(
      app.url,
      'documents:update',
      { id: untitled.id, revision: untitled.revision, patch: { title: 'Retitled from another window' } },
      { 'X-Claimdesk-Token': app.token },
    );
    expect(update.status).toBe(200);
    await page.getByRole('region', { name: 'Documents' }).getByText('Retitled from another window').waitFor();
  });

  it("undoes from a toast only the step it announced: after a change elsewhere it says so and undoes nothing", async () => {
    const { page } = app;
    const grid = page.getByRole('region', { name: 'Documents' });
    const before = (await page.getByText(/^\d+ documents$/).textContent())!;
    const count = Number(before.split(' ')[0]);
    await grid.getByRole('gridcell').first().click();
    await page.keyboard.press('Delete');
    const toast = page.getByRole('status').filter({ hasText: 'Deleted 1 document' });
    await toast.waitFor();
    // The pointer rests on it, as an analyst's would: it stays however slow the machine is.
    await toast.hover();
    await page.getByText(`${count - 1} documents`, { exact: true }).waitFor();

    // Another window retitles a document meanwhile: that is now the latest step.
    const list = await rawCall(app.url, 'documents:list', {}, { 'X-Claimdesk-Token': app.token });
    const [doc] = (JSON.parse(list.body) as { value: { items: { id: string; revision: number }[] } }).value.items;
    const update = await rawCall(
      app.url,
      'documents:update',
      { id: doc!.id, revision: doc!.revision, patch: { title: 'Retitled while the toast showed' } },
      { 'X-Claimdesk-Token': app.token },
    );
    expect(update.status).toBe(200);
    await grid.getByText('Retitled while the toast showed').waitFor();

    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('status').getByText(/^Nothing was undone: something was done after this step \(Edit metadata of “.+”\)\. Undo in the top bar/).waitFor();
    await app.screenshot('library-undo-refused.png');
    // Neither was taken back.
    expect(await page.getByText(`${count - 1} documents`, { exact: true }).count()).toBe(1);
    expect(await grid.getByText('Retitled while the toast showed').count()).toBe(1);

    // The top bar's Undo takes the steps back in order.
    await page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true }).click();
    await grid.getByText('Retitled while the toast showed').waitFor({ state: 'detached' });
    await page.getByRole('banner').getByRole('button', { name: 'Undo', exact: true }).click();
    await page.getByText(`${count} documents`, { exact: true }).waitFor();
  });

  it('refuses API calls without the token, or from another origin', async () => {
    const withToken = await rawCall(app.url, 'project:info', {}, { 'X-Claimdesk-Token': app.token });
    expect(withToken.status).toBe(200);
    expect((await rawCall(app.url, 'project:info', {}, {})).status).toBe(403);
    expect((await rawCall(app.url, 'project:info', {}, { 'X-Claimdesk-Token': 'wrong' })).status).toBe(403);
    const foreign = await rawCall(app.url, 'project:info', {}, { 'X-Claimdesk-Token': app.token, Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });
});

async function expectVisible(locator: Locator) {
  expect(await locator.isVisible()).toBe(true);
}

/** Relative luminance of an `rgb(r, g, b)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The file a document came from, asked of the host with the page's token. */
async function fileNameOf(app: E2eApp, id: string): Promise<string> {
  const res = await rawCall(app.url, 'documents:get', { id }, { 'X-Claimdesk-Token': app.token });
  const body = JSON.parse(res.body) as { ok: boolean; value?: { imports: { fileName: string }[] } };
  return body.value?.imports[0]?.fileName ?? '';
}
