import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { toParagraphs } from '../../renderer/src/lib/paragraphs.ts';
import { arabicDocument, englishReports, fixtureText } from './fakes/corpus.ts';
import { renderApp } from './fakes/render-app.tsx';

async function openBySearch(user: ReturnType<typeof renderApp>['user'], query: string, index = 0) {
  await user.type(screen.getByRole('searchbox', { name: 'Search documents' }), query);
  const results = await screen.findByRole('region', { name: 'Search results' });
  const hits = await within(results).findAllByRole('button');
  await user.click(hits[index]!);
  return screen.findByRole('article', { name: 'Document text' });
}

/** Metadata and provenance are on the side panel's Details tab (Annotations is the first). */
async function showDetails(user: ReturnType<typeof renderApp>['user']) {
  await user.click(screen.getByRole('tab', { name: 'Details' }));
}

/** Paragraphs as a reader sees them: the text split at blank lines (the final line break ends the last). */
const sourceParagraphs = (text: string) => text.replace(/\n+$/, '').split(/\n{2,}/);

describe('Document view', () => {
  it('renders the text exactly, paragraph by paragraph, each with dir=auto', async () => {
    const source = fixtureText('001_8d8ef2971e5b5191.txt');
    const { user } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    const article = await openBySearch(user, 'Western plots');

    const paragraphs = Array.from(article.querySelectorAll('p'));
    expect(paragraphs.map((p) => p.textContent)).toEqual(sourceParagraphs(source));
    for (const p of paragraphs) {
      expect(p).toHaveAttribute('dir', 'auto');
      expect(p.childNodes).toHaveLength(1);
      expect(p.firstChild?.nodeType).toBe(Node.TEXT_NODE);
      const start = Number(p.dataset.start);
      expect(source.slice(start, start + (p.textContent?.length ?? 0))).toBe(p.textContent);
    }
    expect(article).toHaveAttribute('lang', 'en');
  });

  it('names an untitled report in its header by the opening of its text, as the Library does', async () => {
    const { user } = renderApp({ seed: englishReports() });
    await screen.findByText('4 documents');
    await openBySearch(user, 'wealthy Gulf markets');
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.querySelector('.muted')).toHaveTextContent(/^\(untitled\)$/);
    expect(heading.querySelector('.untitled-lead')).toHaveTextContent(/^Jordan said on Monday that pro-Iranian Syrian army units .+…$/);
  });

  it('keeps Arabic exactly as published (double space, shadda, tanwin), right to left', async () => {
    const source = fixtureText('arabic/naya_foriraq-captagon.txt');
    const { user } = renderApp({ seed: arabicDocument() });
    await screen.findByText('1 document');
    const article = await openBySearch(user, 'الكبتاغون');

    expect(article).toHaveAttribute('lang', 'ar');
    expect(article).toHaveAttribute('dir', 'rtl');
    const texts = Array.from(article.querySelectorAll('p'), (p) => p.textContent);
    expect(texts).toEqual(sourceParagraphs(source.normalize('NFC')));
    expect(texts.join('\n')).toContain('تاجر  للمخدرات');
    expect(texts[0]).toContain('\n');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Posts on captagon seizures (naya_foriraq)');
  });

  it('shows metadata and provenance, and goes back with Escape keeping the search', async () => {
    const { user } = renderApp({ seed: arabicDocument() });
    await screen.findByText('1 document');
    await openBySearch(user, 'الكبتاغون');
    await showDetails(user);
    const metadata = screen.getByRole('region', { name: 'Metadata' });
    expect(within(metadata).getByText('https://t.me/naya_foriraq')).toBeInTheDocument();
    expect(within(metadata).queryByRole('link')).not.toBeInTheDocument();
    const provenance = screen.getByRole('region', { name: 'Import provenance' });
    expect(within(provenance).getByText('naya_foriraq-captagon.txt')).toBeInTheDocument();
    expect(within(provenance).getByText('Metadata sidecar')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('article', { name: 'Document text' })).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search documents' })).toHaveValue('الكبتاغون');
    await waitFor(() => expect(screen.getByRole('region', { name: 'Search results' }).querySelector('button')).toHaveFocus());
  });

  it('saves edited metadata with the revision it started from', async () => {
    const { user, transport } = renderApp({ seed: arabicDocument() });
    await screen.findByText('1 document');
    await openBySearch(user, 'الكبتاغون');
    await showDetails(user);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const author = screen.getByRole('textbox', { name: 'Author' });
    await user.type(author, 'Iraqi Interior Ministry');
    const published = screen.getByRole('textbox', { name: 'Published' });
    await user.type(published, '2024-02');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(transport.callsTo('documents:update')).toHaveLength(1));
    const [update] = transport.callsTo('documents:update') as { revision: number; patch: object }[];
    expect(update).toMatchObject({ revision: 1, patch: { author: 'Iraqi Interior Ministry', published: '2024-02' } });
    expect(Object.keys(update!.patch)).toEqual(['author', 'published']);
    const metadata = screen.getByRole('region', { name: 'Metadata' });
    expect(await within(metadata).findByText('Iraqi Interior Ministry')).toBeInTheDocument();
  });

  it('reports a conflict when the document changed meanwhile, and reloads', async () => {
    const { user, core } = renderApp({ seed: arabicDocument() });
    await screen.findByText('1 document');
    await openBySearch(user, 'الكبتاغون');
    await showDetails(user);
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    await user.type(screen.getByRole('textbox', { name: 'Author' }), 'Someone');
    const [doc] = core.live();
    doc!.revision += 1; // another window saved first, and its event was lost
    doc!.author = 'Other window';
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/changed this document while you were editing/);
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByText('Other window')).toBeInTheDocument();
  });

  it('splits paragraphs without losing a character', () => {
    const text = 'One\nline two\n\n\nTwo  spaced\n \t\nThree\n';
    const paragraphs = toParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['One\nline two', 'Two  spaced', 'Three']);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});
