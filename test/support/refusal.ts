/** The typed refusal a pure rule answers with, for asserting on its code and details. */
import { Refusal } from '../../domain/error-codes';

export function refusal(run: () => unknown): Refusal {
  try {
    run();
  } catch (err) {
    if (err instanceof Refusal) return err;
    throw err;
  }
  throw new Error('the command was not refused');
}
