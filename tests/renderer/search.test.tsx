import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { arabicDocument, englishReports, fixtureText } from './fakes/corpus.ts';
import { renderApp } from './fakes/render-app.tsx';

// The reports that mention captagon, checked against the fixtures themselves.
const captagonReports = englishReports().filter((f) => /captagon/i.test(new TextDecoder().decode(f.data)));

describe('Search', () => {
  it('shows ranked hits with the matches marked', async () => {
    expect(captagonReports.length).toBe(3);
    const { user } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    await user.type(screen.getByRole('searchbox', { name: 'Search documents' }), 'captagon');

    const results = await screen.findByRole('region', { name: 'Search results' });
    await waitFor(() => expect(within(results).getAllByRole('button')).toHaveLength(3));
    expect(screen.getByText('3 results')).toBeInTheDocument();
    for (const hit of within(results).getAllByRole('button')) {
      const marks = hit.querySelectorAll('mark');
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.textContent?.toLowerCase()).toBe('captagon');
    }
    // Snippets are text: markup-like characters in a document would show as typed, never as HTML.
    expect(document.querySelector('.hit-snippet script, .hit-snippet img')).toBeNull();
    expect(fixtureText('000_f0441c74b4d07c9b.txt')).toContain('captagon');
  });

  it('explains a malformed query inline, and recovers when it is fixed', async () => {
    const { user } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    const box = screen.getByRole('searchbox', { name: 'Search documents' });
    await user.type(box, '"captagon');
    expect(await screen.findByRole('alert')).toHaveTextContent(/This search cannot be run: .*unclosed quote/);

    await user.type(box, '"');
    expect(await screen.findByText('3 results')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('clears the search with Escape and shows the grid again', async () => {
    const { user } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    const box = screen.getByRole('searchbox', { name: 'Search documents' });
    await user.type(box, 'militias');
    await screen.findByRole('region', { name: 'Search results' });
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');
    expect(box).toHaveFocus();
    expect(await screen.findByText('4 documents')).toBeInTheDocument();
  });

  it('filters the grid and search by outlet and date, applying only valid dates', async () => {
    const { user, transport } = renderApp({ seed: [...englishReports(), ...arabicDocument()] });
    await screen.findByText('5 documents');
    const outlet = 'naya_foriraq (public Telegram channel)';
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Outlet' }), outlet);
    expect(await screen.findByText('1 document matches the filters')).toBeInTheDocument();
    expect(transport.callsTo('documents:list').at(-1)).toMatchObject({ outlet });

    await user.type(screen.getByRole('searchbox', { name: 'Search documents' }), 'الكبتاغون');
    expect(await screen.findByText('1 result')).toBeInTheDocument();
    expect(transport.callsTo('search:query').at(-1)).toMatchObject({ query: 'الكبتاغون', outlet });

    const from = screen.getByRole('textbox', { name: 'From' });
    await user.type(from, '2023-13');
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Use YYYY, YYYY-MM or YYYY-MM-DD.')).toBeInTheDocument();
    const sentFroms = transport.calls.map((c) => (c.input as { from?: string }).from).filter(Boolean);
    expect(sentFroms).not.toContain('2023-13');
  });
});
