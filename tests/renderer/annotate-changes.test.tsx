import './fakes/highlight-polyfill.ts';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { englishReports } from './fakes/corpus.ts';
import { openFirstDocument, renderAnnotate } from './fakes/render-annotate.tsx';

// A whole app over a fake core: on a busy two-core machine a reload can take more than a second.
configure({ asyncUtilTimeout: 5000 });

const CLAIM = "War-torn Syria has become the region's main production site for a multi-billion-dollar trade";

describe('an annotation written in the document view', () => {
  it('reloads neither the document, nor its annotations, nor the hidden Library; the project bar catches up', async () => {
    const { user, transport } = renderAnnotate(englishReports().filter((f) => f.name.startsWith('000')));
    const panel = await openFirstDocument(user, 'stepping up');
    await within(panel).findByText(/Nothing is marked yet/);
    await waitFor(() => expect(transport.callsTo('annotations:get')).toHaveLength(1));
    const before = (channel: string) => transport.callsTo(channel).length;
    const counts = Object.fromEntries(['documents:get', 'documents:list', 'documents:outlets', 'search:query', 'annotations:get', 'project:info'].map((c) => [c, before(c)]));

    const p = Array.from(document.querySelectorAll<HTMLElement>('p[data-start]')).find((x) => x.textContent?.includes(CLAIM))!;
    const node = p.firstChild as Text;
    const at = node.data.indexOf(CLAIM);
    document.getSelection()!.setBaseAndExtent(node, at, node, at + CLAIM.length);
    fireEvent.mouseDown(p);
    fireEvent.mouseUp(p);
    await screen.findByRole('toolbar', { name: 'Annotate' });
    await user.keyboard('c');
    await within(panel).findByRole('option', { name: new RegExp(`^${CLAIM}`) });

    // The top bar's Undo learns of the write: the project is read again (once, for the write, its
    // echo and its history event together).
    await waitFor(() => expect(before('project:info')).toBe(counts['project:info']! + 1));
    await screen.findByRole('button', { name: /Undo/ });
    await new Promise((r) => setTimeout(r, 300));
    expect(before('project:info')).toBe(counts['project:info']! + 1);
    // Nothing else is read again: the write's answer was applied to what the screen holds.
    for (const channel of ['documents:get', 'documents:list', 'documents:outlets', 'annotations:get']) expect(before(channel), channel).toBe(counts[channel]);
    // The Library's search (hidden under the document) does depend on annotations (regions marked
    // as not part of the article leave search): it is asked again, once.
    expect(before('search:query')).toBeLessThanOrEqual(counts['search:query']! + 1);
  });
});
