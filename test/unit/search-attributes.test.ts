/** A change upserts only the search attributes it changed: every upsert is a command and an event. */
import { describe, expect, it } from 'vitest';
import {
  changedAttributes,
  PETITION_DUE_AT,
  PETITION_OVERDUE,
  PETITION_STATUS,
  petitionSearchAttributes,
} from '../../workflows/search-attributes';
import { openReadModelHarness } from '../support/read-model';

describe('changedAttributes', () => {
  it('all six at first; then only those whose value moved, dates compared by their moment', () => {
    const rm = openReadModelHarness();
    try {
      const fixture = rm.petition({ received: '2026-03-02' });
      const registered = petitionSearchAttributes(fixture.state, Date.parse('2026-03-17T16:00:00Z'));
      expect(changedAttributes(null, registered)).toHaveLength(6);
      // The same values again, the due date a new Date of the same moment: nothing to upsert.
      const again = petitionSearchAttributes(fixture.state, Date.parse('2026-03-17T16:00:00Z'));
      expect(changedAttributes(registered, again)).toEqual([]);
      const later = petitionSearchAttributes(fixture.state, Date.parse('2026-03-18T16:00:00Z'));
      expect(changedAttributes(registered, later).map((p) => p.key)).toEqual([PETITION_DUE_AT]);

      fixture.accept('2026-03-03', 'U-FT-01');
      const accepted = petitionSearchAttributes(fixture.state, Date.parse('2026-05-01T16:00:00Z'));
      const keys = changedAttributes(registered, accepted).map((p) => p.key);
      expect(keys).toContain(PETITION_STATUS);
      expect(keys).toContain(PETITION_DUE_AT);
      expect(keys).not.toContain(PETITION_OVERDUE);
    } finally {
      rm.close();
    }
  });
});
