/** A merge's progress: counts while rows are written, then the name of each last step on a full bar. */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PackProgress } from '../../renderer/src/packs/pack-progress.tsx';
import type { PackJob } from '../../renderer/src/packs/use-pack-job.ts';

const job = (progress: PackJob['progress']): PackJob => ({ jobId: 'j1', kind: 'merge', progress });

describe('pack progress', () => {
  it('counts the rows, then names the step that runs once they are all written', () => {
    const { rerender } = render(<PackProgress job={job({ jobId: 'j1', phase: 'writing', done: 2048, total: 100000 })} onCancel={() => undefined} />);
    expect(screen.getByText('2,048 of 100,000')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Pack progress' }).getAttribute('value')).toBe('2048');

    rerender(<PackProgress job={job({ jobId: 'j1', phase: 'writing', done: 100000, total: 100000, step: 'review' })} onCancel={() => undefined} />);
    expect(screen.getByText('Rebuilding the review index…')).toBeTruthy();
    expect(screen.queryByText('100,000 of 100,000')).toBeNull();
    const bar = screen.getByRole('progressbar', { name: 'Pack progress' });
    expect(bar.getAttribute('value')).toBe(bar.getAttribute('max'));

    rerender(<PackProgress job={job({ jobId: 'j1', phase: 'writing', done: 100000, total: 100000, step: 'indexes' })} onCancel={() => undefined} />);
    expect(screen.getByText('All 100,000 written; building their indexes…')).toBeTruthy();
  });
});
