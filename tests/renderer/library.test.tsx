import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { arabicDocument, englishReports } from './fakes/corpus.ts';
import { renderApp } from './fakes/render-app.tsx';

describe('Library', () => {
  it('offers the sample project in an empty project, and opens it with progress', async () => {
    const { user, transport } = renderApp({ sample: [...englishReports(), ...arabicDocument()] });
    expect(await screen.findByRole('heading', { name: 'This project has no documents yet' })).toBeInTheDocument();
    expect(screen.getByText(/who claims it, through which channel/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import documents' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Open the sample project' }));
    const [input] = transport.callsTo('project:openSample') as { jobId: string }[];
    expect(input?.jobId).toMatch(/\S/);
    expect(await screen.findByText('5 imported')).toBeInTheDocument();
    expect(await screen.findByText('5 documents')).toBeInTheDocument();
  });

  it('shows the documents in the grid, untitled ones muted', async () => {
    renderApp({ seed: englishReports() });
    const region = await screen.findByRole('region', { name: 'Documents' });
    expect(await screen.findByText('4 documents')).toBeInTheDocument();
    await waitFor(() => expect(within(region).getAllByText('(untitled)').length).toBeGreaterThan(0));
    expect(within(region).getAllByText('(untitled)')[0]).toHaveClass('muted');
    // The untitled report is recognisable by its opening words, cut at a word boundary.
    const lead = within(region).getByText(/^Jordan said on Monday that pro-Iranian Syrian army units/);
    expect(lead.textContent?.trim()).toMatch(/\S…$/);
    expect(lead.textContent!.length).toBeLessThan(120);
  });
});
