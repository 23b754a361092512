/**
 * Packs in real Chromium, between two web hosts: project A opens the sample project and exports a
 * signed pack through the UI (captured as a browser download); project B, fresh and empty, opens
 * that file through the picker, sees the verification report, merges, and then holds the same
 * attributions and report 003's claims, and lists the merge among those made into it (Undone once
 * undone). The pack's report.html is opened too. Screenshots go to
 * test-results/screenshots/.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBySearch } from './annotate-helpers.ts';
import { rawCall, startApp, type E2eApp } from './harness.ts';

const REPORT_003 = 'Iran-aligned militias mass on Iraq-Syria border';

let a: E2eApp;
let b: E2eApp;
let tmp: string;

async function api<T>(app: E2eApp, channel: string, input: unknown): Promise<T> {
  const res = await rawCall(app.url, channel, input, { 'X-Claimdesk-Token': app.token });
  const body = JSON.parse(res.body) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

/** Report 003's id in a project, found by its text (ids of documents are the same in both after a merge). */
async function report003(app: E2eApp): Promise<string> {
  const hits = await api<{ hits: { document: { id: string } }[] }>(app, 'search:query', { query: '"Iran-aligned militias mass"', limit: 5 });
  return hits.hits[0]!.document.id;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-packs-e2e-'));
  a = await startApp({ keysDir: path.join(tmp, 'keys') });
  await a.page.getByRole('button', { name: 'Open the sample project' }).click();
  await a.page.getByRole('region', { name: 'Import finished' }).waitFor();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('Packs between two projects (e2e)', () => {
  let packPath = '';
  let fingerprint = '';

  it('exports a signed pack from A through the UI as a download', async () => {
    const { page } = a;
    await nav(page, 'Packs').click();
    await page.getByRole('heading', { name: 'Export', exact: true }).waitFor();
    await page.getByRole('checkbox', { name: /Sign with my key/ }).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export pack' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Border smuggling-\d{4}-\d{2}-\d{2}\.claimpack$/);
    packPath = path.join(tmp, download.suggestedFilename());
    await download.saveAs(packPath);

    const result = page.getByRole('region', { name: 'Pack exported' });
    await result.waitFor();
    const bytes = fs.readFileSync(packPath);
    expect(await result.textContent()).toContain(`${(bytes.length / 1024).toFixed(0)} KB`);
    fingerprint = (await result.locator('.pack-fingerprint').getAttribute('title')) ?? '';
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    await result.getByText(/^\d+ documents · \d+ annotations/).waitFor();
    await a.screenshot('packs-export.png');
    expect(a.problems).toEqual([]);
  });

  it('opens the pack in a fresh project B, shows the report before writing, merges, and B holds the same annotations', async () => {
    b = await startApp();
    const { page } = b;
    await page.getByRole('button', { name: 'Open the sample project' }).waitFor();
    await nav(page, 'Packs').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open pack…' }).click()]);
    await chooser.setFiles(packPath);

    const report = page.getByRole('region', { name: `Verification of ${path.basename(packPath)}` });
    await report.waitFor();
    await report.getByText('Sound', { exact: true }).waitFor();
    await report.getByText(/^Every file’s hash matches \(\d+ files\)$/).waitFor();
    await report.getByText(`Signed by key ${fingerprint.slice(0, 9)}…, signature valid`).waitFor();
    expect(await report.locator('.pack-fingerprint').getAttribute('title')).toBe(fingerprint);
    // Nothing written yet.
    expect((await api<{ total: number }>(b, 'documents:list', { offset: 0, limit: 1 })).total).toBe(0);
    await b.screenshot('packs-verify.png');

    await page.getByRole('button', { name: 'Merge into this project' }).click();
    const merged = page.getByRole('region', { name: `Merged ${path.basename(packPath)}` });
    await merged.waitFor();
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).waitFor();
    // Listed among the merges made here, with the SHA-256 of the very file merged.
    const listed = page.getByRole('region', { name: 'Merged into this project' }).getByRole('listitem', { name: path.basename(packPath) });
    await listed.getByText(/^merged by /).waitFor();
    const sha = crypto.createHash('sha256').update(fs.readFileSync(packPath)).digest('hex');
    expect(await listed.locator('.pack-merge-sha .mono').getAttribute('title')).toBe(sha);
    expect(await listed.getByText('Undone', { exact: true }).count()).toBe(0);
    await b.screenshot('packs-merged.png');

    const rowsA = await api<{ total: number }>(a, 'review:rows', { query: {}, offset: 0, limit: 1 });
    const rowsB = await api<{ total: number }>(b, 'review:rows', { query: {}, offset: 0, limit: 1 });
    expect(rowsA.total).toBeGreaterThan(10);
    expect(rowsB.total).toBe(rowsA.total);
    await nav(page, 'Review').click();
    await page.getByText(`${rowsA.total} attributions`, { exact: true }).waitFor();

    type Anns = { spans: { id: string; kind: string; exact: string }[]; claims: unknown[] };
    const inA = await api<Anns>(a, 'annotations:get', { documentId: await report003(a) });
    const inB = await api<Anns>(b, 'annotations:get', { documentId: await report003(b) });
    expect(inA.claims.length).toBeGreaterThan(0);
    expect(inB.spans.map((s) => s.id).sort()).toEqual(inA.spans.map((s) => s.id).sort());

    await nav(page, 'Library').click();
    await openBySearch(page, 'militias mass');
    const claim = inA.spans.find((s) => s.kind === 'claim')!;
    await page.getByRole('listbox', { name: 'Annotations in text order' }).getByRole('option').filter({ hasText: claim.exact.slice(0, 40) }).first().waitFor();
    expect(b.problems).toEqual([]);
  });

  it('undoes the merge as one step', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Undo' }).first().click();
    await expect.poll(async () => (await api<{ total: number }>(b, 'documents:list', { offset: 0, limit: 1 })).total).toBe(0);
    await nav(page, 'Packs').click();
    const listed = page.getByRole('region', { name: 'Merged into this project' }).getByRole('listitem', { name: path.basename(packPath) });
    await listed.getByText('Undone', { exact: true }).waitFor();
  });

  it('writes a report.html that opens in Chromium without Claimdesk', async () => {
    const files = unzipSync(new Uint8Array(fs.readFileSync(packPath)));
    const html = path.join(tmp, 'report', 'report.html');
    fs.mkdirSync(path.dirname(html), { recursive: true });
    fs.writeFileSync(html, files['report.html']!);
    const page = await a.page.context().newPage();
    await page.goto(`file://${html}`);
    await page.getByText(REPORT_003).first().waitFor();
    await page.screenshot({ path: path.join(path.dirname(new URL(import.meta.url).pathname), '../../test-results/screenshots/pack-report.png') });
    await page.close();
  });

  it('exports the documents chosen in the Library less one left out, and the manifest counts what was left out', async () => {
    const { page } = a;
    await nav(page, 'Library').click();
    const rows = page.getByRole('region', { name: 'Documents' }).locator('[role="row"][row-index]');
    await rows.filter({ hasText: REPORT_003 }).getByRole('gridcell').first().click();
    await rows.filter({ hasText: 'Iraq fortifies its border' }).getByRole('gridcell').first().click({ modifiers: ['Control'] });
    await page.getByRole('button', { name: 'Export selected…' }).click();
    const chosen = page.getByRole('radio', { name: 'Chosen documents (2)' });
    await expect.poll(() => chosen.isChecked()).toBe(true);

    await page.getByRole('searchbox', { name: 'Find a document to leave out' }).fill('fortifies');
    await page.getByRole('button', { name: /^Leave out Iraq fortifies its border/ }).click();
    await page.getByRole('list', { name: '1 document left out' }).waitFor();
    await a.screenshot('packs-export-chosen.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export pack' }).click()]);
    const file = path.join(tmp, `chosen-${download.suggestedFilename()}`);
    await download.saveAs(file);

    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(fs.readFileSync(file)))['manifest.json'])) as {
      counts: { documents: number };
      redacted: { documents: number };
    };
    expect(manifest.counts.documents).toBe(1);
    expect(manifest.redacted.documents).toBe(1);
    await page.getByRole('region', { name: 'Pack exported' }).getByText('1 document', { exact: true }).waitFor();
    expect(a.problems).toEqual([]);
  });

  it('settles a document metadata conflict with Use theirs in B, after opening it on its Details tab, and merges a proposed pair of sources', async () => {
    const { page } = b;
    // B takes the first merge back (undone above), then both sides retitle report 003.
    await page.getByRole('button', { name: 'Redo' }).first().click();
    await expect.poll(async () => (await api<{ total: number }>(b, 'documents:list', { offset: 0, limit: 1 })).total).toBeGreaterThan(0);
    const doc = await report003(a);
    const inA = await api<{ revision: number; title: string }>(a, 'documents:get', { id: doc });
    const inB = await api<{ revision: number }>(b, 'documents:get', { id: doc });
    await api(a, 'documents:update', { id: doc, revision: inA.revision, patch: { title: `${REPORT_003} (Reuters)` } });
    await api(b, 'documents:update', { id: doc, revision: inB.revision, patch: { title: `${REPORT_003} — wire copy` } });
    // The same source created on both sides under different ids: proposed for merging, not merged.
    await api(a, 'sources:create', { name: 'Anti-Narcotics Department', type: 'organisation', aliases: ['AND'] });
    await api(b, 'sources:create', { name: 'Anti-Narcotics Department', type: 'organisation' });
    // A's pack of the whole project (the test above chose documents), exported through its UI.
    await nav(a.page, 'Packs').click();
    await a.page.getByRole('radio', { name: 'All documents' }).check();
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Export pack' }).click()]);
    const second = path.join(tmp, 'second.claimpack');
    await download.saveAs(second);

    await nav(page, 'Packs').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open pack…' }).click()]);
    await chooser.setFiles(second);
    await page.getByRole('button', { name: 'Merge into this project' }).click();
    const listed = page.getByRole('region', { name: 'Merged into this project' }).getByRole('listitem', { name: 'second.claimpack' });
    await listed.getByText('1 conflict to resolve').click();
    await listed.getByRole('button', { name: /^Open “The metadata of/ }).click();
    await page.getByRole('tab', { name: 'Details', selected: true }).waitFor();
    await page.getByRole('button', { name: /Back/ }).click();

    await listed.getByRole('button', { name: /^Use theirs: The metadata of/ }).click();
    await listed.getByText('Resolved: theirs used').waitFor();
    await b.screenshot('packs-settled.png');
    expect((await api<{ title: string }>(b, 'documents:get', { id: doc })).title).toBe(`${REPORT_003} (Reuters)`);

    const twins = () => api<{ name: string; aliases: string[] }[]>(b, 'sources:list', { query: 'Anti-Narcotics Department', limit: 10 });
    expect((await twins()).filter((s) => s.name === 'Anti-Narcotics Department')).toHaveLength(2);
    await listed.getByText('1 proposed source merge').click();
    await listed.getByRole('button', { name: 'Merge “Anti-Narcotics Department” (from the pack) into “Anti-Narcotics Department” (yours)' }).click();
    await listed.getByText('Resolved: merged').waitFor();
    expect((await twins()).filter((s) => s.name === 'Anti-Narcotics Department').map((s) => s.aliases)).toEqual([['AND']]);
    expect(b.problems).toEqual([]);
  });
});
