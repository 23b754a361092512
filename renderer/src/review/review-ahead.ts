/**
 * Blocks of review rows asked for before ag-grid asks. ag-grid calls its datasource from a timer
 * after a sort or filter, once it has done its own work on the rows (tearing every row down, for a
 * sort it handles itself: ~40 ms here); asked for as the sort changes, the core answers meanwhile.
 * The grid's own request then takes the answer asked for ahead when it asks exactly the same thing
 * (query, offset, limit); an answer is taken once, and what the grid did not take is dropped when
 * something else is asked ahead or the project changes.
 */
import type { ChannelOutput } from '../../../shared/contract.ts';
import type { Result } from '../../../shared/result.ts';
import type { ReviewQuery } from '../../../shared/review-schemas.ts';

type Answer = Promise<Result<ChannelOutput<'review:rows'>>>;

const keyOf = (query: ReviewQuery, offset: number, limit: number) => JSON.stringify([query, offset, limit]);

export class Ahead {
  private readonly answers = new Map<string, Answer>();

  constructor(
    private readonly call: (query: ReviewQuery, offset: number, limit: number) => Answer,
    private readonly limit: number,
  ) {}

  /** Asks for these blocks of `query` now, dropping answers asked for before and not taken. */
  ask(query: ReviewQuery, offsets: readonly number[]): void {
    this.answers.clear();
    for (const offset of offsets) this.answers.set(keyOf(query, offset, this.limit), this.call(query, offset, this.limit));
  }

  /** The answer asked for ahead for exactly this request, once; undefined when there is none. */
  take(query: ReviewQuery, offset: number, limit: number): Answer | undefined {
    const key = keyOf(query, offset, limit);
    const answer = this.answers.get(key);
    this.answers.delete(key);
    return answer;
  }

  /** The project changed: answers asked for before may be out of date. */
  clear(): void {
    this.answers.clear();
  }
}
