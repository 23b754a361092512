/** A new user's first step in real Chromium: open the sample project from the empty state. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type E2eApp } from './harness.ts';

let app: E2eApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.close();
});

it('opens the sample project from the empty state, with a report and the documents listed', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the sample project' }).click();
  await page.getByRole('region', { name: 'Import finished' }).waitFor();
  const rows = page.getByRole('region', { name: 'Documents' }).locator('[role="row"][row-index]');
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(5);
  expect(await page.getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/^Undo: /);
  expect(app.problems).toEqual([]);
});
