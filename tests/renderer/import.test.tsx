import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { englishReports } from './fakes/corpus.ts';
import { renderApp } from './fakes/render-app.tsx';

const file = (name: string, bytes: Uint8Array | string) =>
  new File([typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)], name, { type: 'text/plain' });

describe('Import', () => {
  it('sends the picked files and reports each outcome, failures with their reasons', async () => {
    const reports = englishReports();
    const { transport } = renderApp({ seed: reports.slice(0, 1) });
    // Drops and folder picks bring any file; the picker's accept list is only a hint.
    const user = userEvent.setup({ applyAccept: false });
    await screen.findByText('1 document');

    const picked = [
      file('001.txt', reports[1]!.data),
      file('001.json', JSON.stringify({ title: 'Jordan stops infiltration', outlet: 'Reuters' })),
      file('again.txt', reports[0]!.data),
      file('broken.txt', new Uint8Array([0x41, 0xff, 0xfe, 0x42])),
      file('empty.md', '   \n'),
      file('photo.jpg', 'not text'),
    ];
    expect(screen.getByRole('button', { name: 'Import documents' })).toBeEnabled();
    await user.upload(screen.getByTestId('import-files-input'), picked);

    const summary = await screen.findByRole('region', { name: 'Import finished' });
    expect(within(summary).getByText('1 imported')).toBeInTheDocument();
    expect(within(summary).getByText('1 duplicate')).toBeInTheDocument();
    expect(within(summary).getByText('2 failed')).toBeInTheDocument();
    expect(within(summary).getByText('1 file skipped (not .txt, .md or .json)')).toBeInTheDocument();
    const failures = within(summary).getByRole('list', { name: 'Files that could not be imported' });
    expect(within(failures).getByText('broken.txt')).toBeInTheDocument();
    expect(within(failures).getByText('The file is not valid UTF-8 text.')).toBeInTheDocument();
    expect(within(failures).getByText('empty.md')).toBeInTheDocument();
    expect(within(failures).getByText('The file has no text.')).toBeInTheDocument();

    const [sent] = transport.callsTo('documents:import') as { jobId: string; files: { name: string; data: Uint8Array }[] }[];
    expect(sent?.files.map((f) => f.name)).toEqual(['001.txt', '001.json', 'again.txt', 'broken.txt', 'empty.md']);
    expect(sent?.files[0]?.data).toEqual(reports[1]!.data);
    expect(await screen.findByText('2 documents')).toBeInTheDocument();

    await user.click(within(summary).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Import finished' })).not.toBeInTheDocument();
  });

  it('shows progress for the job and cancels it', async () => {
    const { user, core, transport } = renderApp({ seed: englishReports().slice(0, 1) });
    await screen.findByText('1 document');
    let release = () => {};
    core.gate = new Promise((resolve) => (release = resolve));
    await user.upload(screen.getByTestId('import-files-input'), [file('a.txt', 'Alpha.'), file('b.txt', 'Beta.')]);

    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(await screen.findByText('Importing 0 of 2')).toBeInTheDocument();
    expect(bar).toHaveAttribute('max', '2');
    expect(screen.getByRole('button', { name: 'Import documents' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const [cancel] = transport.callsTo('jobs:cancel') as { jobId: string }[];
    const [started] = transport.callsTo('documents:import') as { jobId: string }[];
    expect(cancel?.jobId).toBe(started?.jobId);

    release();
    expect(await screen.findByText('Import cancelled; nothing was written.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('1 document')).toBeInTheDocument();
  });

  it('imports files dropped on the Library, showing a drop zone while dragging', async () => {
    const { transport } = renderApp({ seed: englishReports().slice(0, 1) });
    await screen.findByText('1 document');
    const target = screen.getByRole('region', { name: 'Documents' });
    const dropped = file('dropped.txt', 'Dropped text.');
    const dataTransfer = { types: ['Files'], items: [], files: [dropped], dropEffect: 'none' };

    fireEvent.dragEnter(target, { dataTransfer });
    expect(screen.getByText('Drop files or folders to import them')).toBeInTheDocument();
    fireEvent.drop(target, { dataTransfer });
    expect(screen.queryByText('Drop files or folders to import them')).not.toBeInTheDocument();

    expect(await screen.findByText('1 imported')).toBeInTheDocument();
    await waitFor(() => expect(transport.callsTo('documents:import')).toHaveLength(1));
    const [sent] = transport.callsTo('documents:import') as { files: { name: string }[] }[];
    expect(sent?.files.map((f) => f.name)).toEqual(['dropped.txt']);
  });

  it('deletes the selected documents with Delete and offers Undo', async () => {
    const { user, transport } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    const grid = screen.getByRole('region', { name: 'Documents' });
    const cells = await within(grid).findAllByRole('gridcell');
    await user.click(cells[0]!);
    await user.keyboard('{Delete}');
    expect(await screen.findByText('Deleted 1 document')).toBeInTheDocument();
    expect(await screen.findByText('3 documents')).toBeInTheDocument();

    const toast = screen.getByRole('status');
    expect(toast).toHaveTextContent('Deleted 1 document');
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    // The toast's Undo names the step it announced.
    expect(transport.callsTo('history:undo')).toEqual([{ step: expect.any(String) }]);
    expect(await screen.findByText('4 documents')).toBeInTheDocument();
  });

  it('undoes from a toast only the step it announced, and says so when something came after it', async () => {
    const { user, core, transport } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    const grid = screen.getByRole('region', { name: 'Documents' });
    await user.click((await within(grid).findAllByRole('gridcell'))[0]!);
    await user.keyboard('{Delete}');
    const toast = await screen.findByRole('status');
    await within(toast).findByText('Deleted 1 document');
    // Meanwhile another window edits a document: that is now the latest step.
    const other = core.live()[0]!;
    const edited = await transport.invoke('documents:update', { id: other.id, revision: other.revision, patch: { title: 'Edited elsewhere' } });
    expect(edited.ok).toBe(true);

    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Nothing was undone: something was done after this step (Edit metadata).')).toBeInTheDocument();
    // Neither step was taken back.
    expect(screen.getByText('3 documents')).toBeInTheDocument();
    expect(core.live().find((d) => d.id === other.id)?.title).toBe('Edited elsewhere');
  });
});
