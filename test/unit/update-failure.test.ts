/** What a petition's update handler throws: always a failure of that update, never an error that fails the task. */
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { Refusal } from '../../domain/error-codes';
import { refuseAsFailure, updateFailure } from '../../workflows/refusal';

describe('updateFailure', () => {
  it('a rule that broke becomes a non-retryable INTERNAL failure naming the update', () => {
    const failure = updateFailure(
      'decideExtension',
      new TypeError("Cannot read properties of undefined (reading 'dueAt')"),
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'INTERNAL', nonRetryable: true });
    expect(failure.message).toMatch(/^decideExtension could not be applied: TypeError/);
  });

  it('a refusal keeps its code and details', () => {
    const failure = updateFailure(
      'reply',
      new Refusal('BAD_USER_INPUT', 'deliveredAt lies in the future', { field: 'deliveredAt' }),
    );
    expect(failure).toMatchObject({ type: 'BAD_USER_INPUT', nonRetryable: true, details: [{ field: 'deliveredAt' }] });
  });

  it('a failure already typed passes unchanged', () => {
    const typed = ApplicationFailure.create({ type: 'WINDOW_CLOSED', message: 'closed', nonRetryable: true });
    expect(updateFailure('requestReview', typed)).toBe(typed);
  });
});

describe('refuseAsFailure', () => {
  it('turns a refusal into the typed failure a validator reports, and passes other errors on', () => {
    expect(() =>
      refuseAsFailure(() => {
        throw new Refusal('LIMIT_EXCEEDED', 'too many', { maxDays: 30 });
      }),
    ).toThrow(expect.objectContaining({ type: 'LIMIT_EXCEEDED', details: [{ maxDays: 30 }] }));
    expect(() =>
      refuseAsFailure(() => {
        throw new RangeError('x');
      }),
    ).toThrow(RangeError);
    expect(() => refuseAsFailure(() => undefined)).not.toThrow();
  });
});
