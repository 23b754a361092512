/**
 * `claimdesk review`, `disputes`, `sources` and `figures` on the annotated sample corpus: the rows the Review
 * grid shows, narrowed by its quick filters, a saved view and a sort, printed or written as CSV by
 * the core; the disputes side by side; bad options refused; a reader that stops early is no error.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core.ts';
import { loadGold } from '../../../main/core/annotations/gold-loader.ts';
import type { ReviewRow } from '../../../shared/review-schemas.ts';
import { CORPUS, REPORTS, caller, tempDir } from '../core/helpers.ts';
import { runCli } from './run-cli.ts';

// The project outlives each test (`tempDir` folders are removed after every test).
const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimdesk-review-cli-'));
let db = '';
let denied: { total: number; rows: ReviewRow[] };
let disputes: Array<{ claim: { text: string; status: string }; against: Array<{ relation: string; text: string }> }> = [];
let overview: Array<{ name: string; type: string; aliases: string[]; claims: number; documents: number }> = [];
let duplicates: Array<{ aName: string; bName: string }> = [];
let singleAnonymous = 0;
let all = 0;

beforeAll(async () => {
  db = path.join(projectDir, 'gold.claimdesk');
  const core = createCore({ dbPath: db, analystName: 'Analyst' });
  await core.importPaths(REPORTS);
  loadGold(core.annotation, path.join(CORPUS, 'gold'), CORPUS);
  const call = caller(core);
  const q = (quick: Array<'denied' | 'singleSource' | 'anonymousOnly'>) => ({ query: { filters: {}, quick, sort: [] }, offset: 0, limit: 1000 });
  denied = await call('review:rows', q(['denied']));
  singleAnonymous = (await call('review:rows', q(['singleSource', 'anonymousOnly']))).total;
  all = (await call('review:rows', q([]))).total;
  disputes = await call('disputes:list', { limit: 500 });
  overview = await call('sources:overview', { query: '', limit: 2000 });
  duplicates = await call('sources:duplicates', { limit: 50 });
  // A view as the grid saves it: a column filter, a quick filter, and its sort in the column state.
  await call('review:saveView', {
    name: 'Jordan denied',
    state: {
      filterModel: { source: { filterType: 'text', type: 'contains', filter: 'Jordan' } },
      quick: ['denied'],
      columnState: [{ colId: 'claimText', sort: null }, { colId: 'source', sort: 'desc', sortIndex: 0 }],
    },
  });
  await call('review:saveView', { name: 'Nobody', state: { filterModel: { source: { filterType: 'text', type: 'contains', filter: 'zzzz' } } } });
  core.close();
}, 60_000);

afterAll(() => fs.rmSync(projectDir, { recursive: true, force: true }));

const run = (...args: string[]) => runCli(['review', '--db', db, ...args]);

describe('claimdesk review', () => {
  it('lists the denied attributions the Review grid lists, untitled reports named by their opening', async () => {
    expect(denied.total).toBeGreaterThan(3);
    const json = await run('--quick', 'denied', '--json');
    expect(json.code).toBe(0);
    const page = JSON.parse(json.stdout) as { total: number; rows: ReviewRow[] };
    expect(page.total).toBe(denied.total);
    expect(page.rows.map((r) => r.attributionId)).toEqual(denied.rows.map((r) => r.attributionId));

    const text = await run('--quick', 'denied', '--limit', '3');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`3 of ${denied.total} attributions`);
    expect(text.stdout).toMatch(/^\?2 {2}denied {7}Government of Jordan \(organisation; said\)$/m);
    expect(text.stdout).toContain('in (untitled) Jordan said on Monday that pro-Iranian Syrian army units…');
    const everything = await run('--limit', '1000');
    expect(everything.stdout.trimEnd().split('\n').at(-1)).toBe(`${all} attributions.`);
  });

  it('applies a saved view (its filter, quick filter and sort), and a sort of the options over it', async () => {
    const viewed = JSON.parse((await run('--view', 'jordan DENIED', '--json')).stdout) as { total: number; rows: ReviewRow[] };
    expect(viewed.total).toBe(denied.rows.filter((r) => r.source.includes('Jordan')).length);
    expect(viewed.total).toBeGreaterThan(1);
    expect(viewed.rows.every((r) => r.status === 'denied' && r.source.includes('Jordan'))).toBe(true);
    const sources = viewed.rows.map((r) => r.source);
    expect(sources).toEqual([...sources].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
    const resorted = JSON.parse((await run('--view', 'Jordan denied', '--sort', 'source', '--json')).stdout) as { rows: ReviewRow[] };
    expect(resorted.rows.map((r) => r.source)).toEqual([...sources].reverse());
  });

  it('says whether nothing matches or there is nothing yet', async () => {
    expect((await run('--view', 'Nobody')).stdout).toBe('No attribution matches.\n');
    const empty = await runCli(['review', '--db', path.join(projectDir, 'empty.claimdesk')]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/^No attributions yet\. Mark a claim in a document/);
  });

  it('writes every matching row as CSV with a byte-order mark, and nothing where it cannot', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'single-anonymous.csv');
    const r = await run('--quick', 'single-source', '--quick', 'anonymous', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Wrote ${singleAnonymous} rows to ${out}.\n`);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFClaim,Kind,Document,')).toBe(true);
    // One CRLF-ended line per row after the header (no claim of the sample spans lines).
    expect(csv.split('\r\n').slice(0, -1)).toHaveLength(singleAnonymous + 1);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['single-anonymous.csv']);

    const missing = await run('--out', path.join(dir, 'no-such-folder', 'x.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no folder');
    const folder = await run('--out', dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('is a folder');
    expect(fs.readdirSync(dir)).toEqual(['single-anonymous.csv']);
  });

  it('refuses options it cannot read, with exit 2 and what it takes', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--quick', 'bogus'], /--quick takes single-source, anonymous, denied, ungraded \(got "bogus"\)/],
      [['--sort', 'nope'], /--sort takes a column of claimText, .*\(got "nope"\)/],
      [['--sort', 'source:sideways'], /--sort source takes :asc or :desc/],
      [['--sort', 'a', '--sort', 'b', '--sort', 'c', '--sort', 'd'], /up to 3 columns/],
      [['--limit', '0'], /--limit must be a whole number from 1 to 1000/],
      [['--view', 'No such view'], /There is no saved review view named "No such view"\. Saved views: "Jordan denied", "Nobody"\./],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});

describe('claimdesk disputes', () => {
  it('prints each disputed claim with the statements against it, as the Disputes screen does', async () => {
    expect(disputes.length).toBeGreaterThan(3);
    const json = await runCli(['disputes', '--db', db, '--json']);
    expect(JSON.parse(json.stdout)).toEqual(disputes);
    const text = await runCli(['disputes', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(`${disputes.length} claims are disputed or denied.`);
    // The residents' denial beside the militias' stated aim (report 003).
    const aim = disputes.find((d) => d.claim.text.startsWith('their reinforcements aim to support'))!;
    const block = text.stdout.split('\n\n').find((b) => b.includes(aim.claim.text))!;
    expect(block.startsWith(`${aim.claim.status.toUpperCase()}  “${aim.claim.text}”`)).toBe(true);
    for (const a of aim.against) expect(block).toContain(`  ${a.relation} by `);
    expect(block).toContain('refute these claims');
    // Report 000 is named by its opening.
    expect(text.stdout).toContain('in (untitled) Jordan said on Monday that pro-Iranian Syrian army units…');
    const bad = await runCli(['disputes', '--db', db, '--limit', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit must be a whole number from 1 to 5000');
  });

  it('stops quietly when the reader stops early (claimdesk review --json | head -1)', async () => {
    const bin = path.resolve(import.meta.dirname, '../../../bin/claimdesk.mjs');
    // ~125 KB of JSON, twice what a pipe holds: the write is still going when head has gone.
    const script = `node ${JSON.stringify(bin)} review --db ${JSON.stringify(db)} --limit 1000 --json 2>"$ERR" | head -1; echo "exit \${PIPESTATUS[0]}"`;
    const err = path.join(projectDir, 'stderr.txt');
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { env: { ...process.env, ERR: err } });
    expect(stdout.split('\n')[0]).toBe('{');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('exit 0');
    expect(fs.readFileSync(err, 'utf8')).toBe('');
  }, 60_000);
});

describe('claimdesk sources', () => {
  it('lists the sources as the Sources screen does, finds by name or alias, and lists possible duplicates', async () => {
    expect(overview.length).toBeGreaterThan(20);
    expect(JSON.parse((await runCli(['sources', '--db', db, '--json'])).stdout)).toEqual(overview);
    const text = await runCli(['sources', '--db', db]);
    expect(text.code).toBe(0);
    const army = overview.find((o) => o.name === 'Jordanian Armed Forces')!;
    expect(text.stdout).toContain(`-  Jordanian Armed Forces (organisation): ${army.claims} claims in ${army.documents} documents`);
    expect(text.stdout).toContain('"Jordan\'s army"');
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(`${overview.length} sources.`);

    const found = JSON.parse((await runCli(['sources', '--db', db, '--find', 'jordan', '--json'])).stdout) as typeof overview;
    const expected = overview.filter((o) => [o.name, ...o.aliases].some((n) => n.toLowerCase().includes('jordan')));
    expect(found.map((o) => o.name).sort()).toEqual(expected.map((o) => o.name).sort());
    expect((await runCli(['sources', '--db', db, '--find', 'zzzz'])).stdout).toBe('No source\'s name or alias contains "zzzz".\n');

    expect(duplicates.length).toBeGreaterThan(0);
    expect(JSON.parse((await runCli(['sources', '--db', db, '--duplicates', '--json'])).stdout)).toEqual(duplicates);
    const pairs = await runCli(['sources', '--db', db, '--duplicates']);
    expect(pairs.stdout).toContain(`"${duplicates[0]!.aName}" and "${duplicates[0]!.bName}": `);

    for (const args of [['--duplicates', '--find', 'x'], ['--limit', '0'], ['--duplicates', '--limit', '501']]) {
      const r = await runCli(['sources', '--db', db, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });
});

describe('claimdesk figures', () => {
  it('lists the figures normalised, and first the linked claims whose figures disagree', async () => {
    const text = await runCli(['figures', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('No conflicting figures between linked claims.');
    expect(text.stdout).toContain('≈ 200,000,000 USD  (“hundreds of millions of dollars”)  Government of Jordan; in (untitled) Jordan said on Monday');
    const { figures } = JSON.parse((await runCli(['figures', '--db', db, '--json'])).stdout) as { figures: unknown[] };
    expect(figures.length).toBeGreaterThan(20);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(`${figures.length} figures.`);

    // Two reports, their claims linked, 20 million against 14 million tablets.
    const dir = tempDir();
    const file = path.join(dir, 'figures.claimdesk');
    const core = createCore({ dbPath: file, analystName: 'Analyst' });
    const call = caller(core);
    const texts = ['Officials said 20 million tablets were seized this year.', 'A ministry statement said 14 million tablets were seized this year.'];
    const r = await call('documents:import', { jobId: 'j', files: texts.map((t, i) => ({ name: `${i}.txt`, data: new TextEncoder().encode(t) })) });
    const ids = r.files.map((f) => (f.status === 'imported' ? f.documentId : ''));
    const mark = (i: number, exact: string, kind: 'claim' | 'quantity') => {
      const start = texts[i]!.indexOf(exact);
      return call('spans:create', { documentId: ids[i]!, kind, start, end: start + exact.length, exact });
    };
    const a = await mark(0, '20 million tablets were seized this year', 'claim');
    const b = await mark(1, '14 million tablets were seized this year', 'claim');
    await mark(0, '20 million tablets', 'quantity');
    await mark(1, '14 million tablets', 'quantity');
    await call('claims:link', { fromId: b.id, toId: a.id, relation: 'corroborates' });
    core.close();
    const only = await runCli(['figures', '--db', file, '--conflicts']);
    expect(only.code).toBe(0);
    const lines = only.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CONFLICT {2}Linked claims \(corroborates\) give .*20 million tablets/);
    expect(lines.filter((l) => /^ {4}(20|14),000,000 tablets/.test(l))).toHaveLength(2);
    expect(only.stdout).not.toContain('figures.');
    expect(JSON.parse((await runCli(['figures', '--db', file, '--conflicts', '--json'])).stdout).conflicts).toHaveLength(1);
    const none = await runCli(['figures', '--db', path.join(dir, 'empty.claimdesk')]);
    expect(none.stdout).toMatch(/^No figures yet\./);
  });
});
