/**
 * The Packs view over the fake core: export with a selection, redaction and signing, downloaded as
 * `<project>-<date>.claimpack`, its result put away once a setting changes; progress and Cancel; a pack verified before anything is written, its
 * hostile strings shown as text; a refused pack's problems; the merge, its report and its Undo.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MergeConflict } from '../../shared/pack-schemas.ts';
import { packBytes, soundPack } from './fakes/fake-packs.ts';
import { renderApp } from './fakes/render-app.tsx';

const packFile = (bytes: Uint8Array, name = 'Rana-2026-11-21.claimpack') => new File([new Uint8Array(bytes)], name);
const today = () => new Date().toISOString().slice(0, 10);

async function openPacks() {
  const app = renderApp({ packs: true });
  await app.user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Packs' }));
  await screen.findByRole('heading', { name: 'Export' });
  return app;
}

afterEach(() => vi.restoreAllMocks());

describe('Packs: export', () => {
  it('sends the selection, redaction and signing, downloads the bytes and shows size, hash, counts and signer', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:claimdesk-test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { user, transport } = await openPacks();

    await user.click(screen.getByRole('radio', { name: 'Documents with these tags' }));
    expect(screen.getByRole('button', { name: 'Export pack' })).toBeDisabled();
    await user.click(await screen.findByRole('checkbox', { name: 'Captagon' }));
    await user.click(screen.getByRole('checkbox', { name: /Notes and rationales/ }));
    await user.click(screen.getByRole('checkbox', { name: /Sign with my key/ }));
    await user.click(screen.getByRole('button', { name: 'Export pack' }));

    await waitFor(() => expect(screen.queryByRole('alert')?.textContent ?? null).toBeNull());
    const result = await screen.findByRole('region', { name: 'Pack exported' });
    const [sent] = transport.callsTo('packs:export') as Record<string, unknown>[];
    expect(sent).toMatchObject({ format: 'claimpack', tags: ['Captagon'], sign: true, redact: { notes: true, annotators: false } });
    expect(sent!.jobId).toEqual(expect.any(String));
    expect(names).toEqual([`Border smuggling-${today()}.claimpack`]);
    expect(within(result).getByText('1.2 MB')).toBeInTheDocument();
    expect(within(result).getByText('c0ffee0000000000…')).toBeInTheDocument();
    expect(within(result).getByText(/^4 documents · 427 annotations · 114 claims/)).toBeInTheDocument();
    expect(within(result).getByText(/^3F2A 91C0 5B7E/)).toBeInTheDocument();
    expect(within(result).getByText('notes')).toBeInTheDocument();
  });

  it('puts the result away as soon as a setting changes: it describes the pack made, not the one the settings would make', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:claimdesk-test');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = await openPacks();
    const exported = async () => {
      await user.click(screen.getByRole('button', { name: 'Export pack' }));
      return screen.findByRole('region', { name: 'Pack exported' });
    };
    const gone = () => expect(screen.queryByRole('region', { name: 'Pack exported' })).toBeNull();

    // What is left out: the result (nothing left out) goes, and does not come back with the box unticked.
    expect(await exported()).not.toHaveTextContent('notes');
    await user.click(screen.getByRole('checkbox', { name: /Notes and rationales/ }));
    gone();
    await user.click(screen.getByRole('checkbox', { name: /Notes and rationales/ }));
    gone();

    // Which documents: another choice, and a date typed under it.
    await exported();
    await user.click(screen.getByRole('radio', { name: 'Published between' }));
    gone();
    await user.type(screen.getByRole('textbox', { name: 'From' }), '2023');
    await exported();
    await user.type(screen.getByRole('textbox', { name: 'From' }), '-06');
    gone();

    // Tags under their choice.
    await user.click(screen.getByRole('radio', { name: 'Documents with these tags' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Captagon' }));
    await exported();
    await user.click(screen.getByRole('checkbox', { name: 'Smuggling' }));
    gone();

    // Signing, and the format.
    await exported();
    await user.click(screen.getByRole('checkbox', { name: /Sign with my key/ }));
    gone();
    await exported();
    await user.click(screen.getByRole('radio', { name: /REFI-QDA/ }));
    gone();
  });

  it('checks a date range before sending it, and signs only Claimdesk packs', async () => {
    const { user } = await openPacks();
    await user.click(screen.getByRole('radio', { name: 'Published between' }));
    expect(screen.getByText('Give a start or an end date.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'From' }), '2023-13');
    expect(screen.getByRole('textbox', { name: 'From' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Export pack' })).toBeDisabled();
    await user.clear(screen.getByRole('textbox', { name: 'From' }));
    await user.type(screen.getByRole('textbox', { name: 'From' }), '2023-06');
    expect(screen.getByRole('button', { name: 'Export pack' })).toBeEnabled();
    await user.click(screen.getByRole('radio', { name: /REFI-QDA/ }));
    expect(screen.getByRole('checkbox', { name: /Sign with my key/ })).toBeDisabled();
  });

  it('shows progress and cancels the running export by its job id', async () => {
    const { user, transport, packs } = await openPacks();
    let release!: () => void;
    packs!.gate = new Promise((r) => (release = r));
    await user.click(screen.getByRole('button', { name: 'Export pack' }));
    const bar = await screen.findByRole('progressbar', { name: 'Pack progress' });
    await waitFor(() => expect(bar).toHaveAttribute('value', '1'));
    expect(screen.getByText('annotations.jsonld')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const [sent] = transport.callsTo('packs:export') as { jobId: string }[];
    expect(transport.callsTo('jobs:cancel')).toEqual([{ jobId: sent!.jobId }]);
    release();
    expect(await screen.findByRole('alert')).toHaveTextContent('Export cancelled; nothing was saved.');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    // The message was about those settings: changing one puts it away.
    await user.click(screen.getByRole('checkbox', { name: /Notes and rationales/ }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Packs: open, verify, merge', () => {
  it('verifies before writing anything, shows the pack’s strings as text, merges, and undoes the merge', async () => {
    const { user, transport, packs } = await openPacks();
    const hostile = '<img src=x onerror="alert(1)">Rana';
    const content = soundPack({
      report: {
        manifest: { ...soundPack().report.manifest!, creator: hostile, signed: true },
        signature: { state: 'valid', fingerprint: '3f2a 91c0 5b7e 0d44 a1b2 c3d4 e5f6 0718 293a 4b5c 6d7e 8f90 a1b2 c3d4 e5f6 0718', message: '' },
      },
      merge: {
        conflicts: [MergeConflict.parse({ type: 'annotation', id: '0190f1a2-0000-7000-8000-0000000000c1', copyId: '0190f1a2-0000-7000-8000-0000000000c2', documentId: null, message: 'Both sides changed the note.' })],
        proposedSourceMerges: [
          { packSourceId: '0190f1a2-0000-7000-8000-0000000000d1', packName: 'JAF', localSourceId: '0190f1a2-0000-7000-8000-0000000000d2', localName: 'Jordanian army', reason: 'Same alias “JAF”.', resolution: null },
        ],
      },
    });
    await user.upload(screen.getByTestId('pack-file-input'), packFile(packBytes(content)));

    const report = await screen.findByRole('region', { name: 'Verification of Rana-2026-11-21.claimpack' });
    expect(within(report).getByText(hostile)).toBeInTheDocument();
    expect(report.querySelector('img')).toBeNull();
    expect(within(report).getByText('claimdesk-pack 1.0')).toBeInTheDocument();
    expect(within(report).getByText('Every file’s hash matches (12 files)')).toBeInTheDocument();
    expect(within(report).getByText('Signed by key 3F2A 91C0…, signature valid')).toBeInTheDocument();
    expect(within(report).getByText(/^3F2A 91C0 5B7E 0D44/)).toBeInTheDocument();
    expect(transport.callsTo('packs:import')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Merge into this project' }));
    const merged = await screen.findByRole('region', { name: 'Merged Rana-2026-11-21.claimpack' });
    const row = (name: string) => within(merged).getByRole('rowheader', { name }).closest('tr')!;
    expect(within(row('Annotations')).getByText('427')).toBeInTheDocument();
    // As the merge left it ("ours kept"), then, once the kept merge is read, as it stands: to resolve.
    expect(within(merged).getByRole('list', { name: /^1 conflict(, ours kept| to resolve)$/ })).toHaveTextContent('Both sides changed the note.');
    expect(await within(merged).findByRole('list', { name: '1 conflict to resolve' })).toHaveTextContent('Both sides changed the note.');
    expect(within(merged).getByRole('list', { name: '1 proposed source merge' })).toHaveTextContent('“JAF” (from the pack) and “Jordanian army” (yours)');
    expect(within(merged).getByText(/^Nothing was merged by force\./)).toBeInTheDocument();
    // The pair can be merged right here once the kept merge is read.
    expect(await within(merged).findByRole('button', { name: 'Merge “JAF” (from the pack) into “Jordanian army” (yours)' })).toBeInTheDocument();
    expect(packs!.merges).toEqual(['Rana-2026-11-21.claimpack']);

    const toasts = document.querySelector<HTMLElement>('.toast-region')!;
    await within(toasts).findByText('Merged Rana-2026-11-21.claimpack');
    await user.click(within(toasts).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(packs!.merges).toEqual([]));
    expect(await screen.findByText(/^Undone: Merge pack Rana-2026-11-21.claimpack from /)).toBeInTheDocument();
  });

  it('keeps a pack being checked while the analyst looks elsewhere, and shows its report on coming back', async () => {
    const { user, packs } = await openPacks();
    let release!: () => void;
    packs!.verifyGate = new Promise<void>((resolve) => (release = resolve));
    await user.upload(screen.getByTestId('pack-file-input'), packFile(packBytes(soundPack())));
    await screen.findByText('Checking Rana-2026-11-21.claimpack…');
    const main = within(screen.getByRole('navigation', { name: 'Main' }));
    await user.click(main.getByRole('button', { name: 'Library' }));
    expect(screen.getByText('Checking Rana-2026-11-21.claimpack…')).not.toBeVisible();
    release();
    await user.click(main.getByRole('button', { name: 'Packs' }));
    const report = await screen.findByRole('region', { name: 'Verification of Rana-2026-11-21.claimpack' });
    expect(within(report).getByText('Sound')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Merge into this project' })).toBeEnabled();
  });

  it('lists a refused pack’s problems with file, record and field, and offers no merge', async () => {
    const { user, transport } = await openPacks();
    const refused = soundPack({
      report: {
        ok: false,
        problems: [
          { code: 'HASH_MISMATCH', message: 'The file does not match its SHA-256 in the manifest.', file: 'annotations.jsonld' },
          { code: 'UNKNOWN_REFERENCE', message: 'The source is not in the pack.', file: 'annotations.jsonld', record: 'urn:uuid:0190-x', field: 'body[2].source' },
        ],
      },
    });
    await user.upload(screen.getByTestId('pack-file-input'), packFile(packBytes(refused), 'tampered.claimpack'));
    const report = await screen.findByRole('region', { name: 'Verification of tampered.claimpack' });
    expect(within(report).getByText('Refused')).toBeInTheDocument();
    expect(within(report).getByText('Some files are missing, extra or altered (see the problems below)')).toBeInTheDocument();
    const problems = within(report).getByRole('list', { name: '2 problems' });
    const second = within(problems).getAllByRole('listitem')[1]!;
    expect(second).toHaveTextContent('UNKNOWN_REFERENCE');
    expect(second).toHaveTextContent('record urn:uuid:0190-x');
    expect(second).toHaveTextContent('field body[2].source');
    expect(screen.getByRole('button', { name: 'Merge into this project' })).toBeDisabled();

    await user.upload(screen.getByTestId('pack-file-input'), packFile(new TextEncoder().encode('not a zip'), 'notes.claimpack'));
    const junk = await screen.findByRole('region', { name: 'Verification of notes.claimpack' });
    expect(within(junk).getByText('The file is not a zip archive.')).toBeInTheDocument();
    expect(within(junk).getByText('No readable manifest.')).toBeInTheDocument();
    expect(transport.callsTo('packs:import')).toEqual([]);
  });
});
