import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DocumentTitle } from '../../renderer/src/components/document-title.tsx';

describe('DocumentTitle', () => {
  it('names a document by its title, or an untitled one by the opening of its text, as the Library does', () => {
    const titled = render(<DocumentTitle title="Jordan Stops Infiltration" lead={null} language="en" />);
    expect(titled.container.textContent).toBe('Jordan Stops Infiltration');
    titled.unmount();

    const lead = 'Jordan said on Monday that pro-Iranian Syrian army units and militias loyal to Tehran are stepping up their attempts.\n\nMore.';
    const untitled = render(<DocumentTitle title={null} lead={lead} language="en" max={40} />);
    expect(untitled.container.textContent).toBe('(untitled) Jordan said on Monday that pro-Iranian…');
    expect(untitled.container.querySelector('.untitled-lead')?.getAttribute('lang')).toBe('en');
    untitled.unmount();

    const bare = render(<DocumentTitle title={null} lead={null} />);
    expect(bare.container.textContent).toBe('(untitled)');
  });
});
