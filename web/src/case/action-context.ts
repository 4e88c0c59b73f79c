/** What every case action form is given: the petition as read, the units to choose from, and what to do after. */
import type { UnitRow } from '../lib/units';
import type { Petition } from './case-document';

export interface ActionContext {
  petition: Petition;
  units: readonly UnitRow[];
  onDone(): void;
}
