import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { shortcuts } from '../../renderer/src/keyboard/shortcuts.ts';
import { englishReports } from './fakes/corpus.ts';
import { renderApp } from './fakes/render-app.tsx';

describe('Keyboard', () => {
  it('focuses search with /, but not while typing in a field', async () => {
    const { user } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    const box = screen.getByRole('searchbox', { name: 'Search documents' });
    expect(box).not.toHaveFocus();
    await user.keyboard('/');
    expect(box).toHaveFocus();
    expect(box).toHaveValue('');

    await user.click(screen.getByRole('textbox', { name: 'From' }));
    await user.keyboard('/');
    expect(box).not.toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'From' })).toHaveValue('/');
  });

  it('opens Help with ?, listing every shortcut from the table', async () => {
    const { user } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(within(dialog).getByRole('table', { name: 'General' })).getAllByRole('row')).toHaveLength(shortcuts.length);
    for (const label of ['Search documents', 'Open the selected document', 'Undo', 'Redo', 'Show this list']) {
      expect(within(dialog).getByText(label)).toBeInTheDocument();
    }
    expect(within(dialog).getAllByText('Z').length).toBeGreaterThanOrEqual(2);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens Help from the Help button too', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Help' }));
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('undoes and redoes with Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, with the action in the tooltip', async () => {
    const { user, transport } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo: Import 4 documents'));
    await user.keyboard('{Control>}z{/Control}');
    expect(await screen.findByText('Undone: Import 4 documents')).toBeInTheDocument();
    await user.keyboard('{Control>}{Shift>}Z{/Shift}{/Control}');
    await user.keyboard('{Control>}z{/Control}');
    await user.keyboard('{Control>}y{/Control}');
    await waitFor(() => expect(transport.callsTo('history:redo')).toHaveLength(2));
    expect(transport.callsTo('history:undo')).toHaveLength(2);
    expect(await screen.findByText('4 documents')).toBeInTheDocument();
  });

  it('opens the focused grid row with Enter and returns to it with Escape', async () => {
    const { user } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    const grid = screen.getByRole('region', { name: 'Documents' });
    const cells = await within(grid).findAllByRole('gridcell');
    await user.click(cells[0]!);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('article', { name: 'Document text' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('article', { name: 'Document text' })).not.toBeInTheDocument();
    expect(grid).toBeVisible();
  });
});
