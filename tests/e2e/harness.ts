/**
 * End-to-end harness: a fresh temporary project served by the real web host, driven by Debian's
 * Chromium through playwright-core (never a downloaded browser). It builds nothing: run
 * `npm run build:renderer` first. It records what a test should never see: page errors, console
 * errors (CSP violations among them) and requests to anywhere but the host.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCore } from '../../main/core/core.ts';
import { startWebHost } from '../../main/web/server.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = path.join(ROOT, 'tests/fixtures/corpus');
const STATIC_DIR = path.join(ROOT, 'out/renderer');
const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

export interface E2eApp {
  page: Page;
  url: string;
  token: string;
  /** Page errors, console errors and off-host requests seen so far. */
  problems: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * `keysDir` gives the core a folder for signing keys (the web host alone has none, so it refuses to
 * sign); the harness then owns that core and closes it.
 */
export async function startApp(options: { colorScheme?: 'light' | 'dark'; keysDir?: string } = {}): Promise<E2eApp> {
  if (!fs.existsSync(path.join(STATIC_DIR, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run "npm run build:renderer" before the e2e tests.');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-e2e-'));
  const dbPath = path.join(dir, 'Border smuggling.claimdesk');
  const core = options.keysDir ? createCore({ dbPath, keysDir: options.keysDir }) : null;
  const host = await startWebHost(core ? { core, staticDir: STATIC_DIR } : { dbPath, staticDir: STATIC_DIR });
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(host.url) && !u.startsWith('data:')) problems.push(`off-host request: ${u}`);
    });
    await page.goto(host.url);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const b = browser;
    return {
      page,
      url: host.url,
      token: host.token,
      problems,
      screenshot: async (name) => {
        // Park the pointer so no hover state is caught in the picture.
        await page.mouse.move(1, 899);
        await page.screenshot({ path: path.join(SCREENSHOTS, name) });
      },
      close: async () => {
        await b.close();
        await host.close();
        core?.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await host.close();
    core?.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A raw request from Node (not the browser), for checking what the host refuses. */
export function rawCall(
  url: string,
  channel: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      new URL(`api/call/${channel}`, url),
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
