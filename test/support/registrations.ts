/** A registration for pure tests of the state machine: a claim by letter, received at `receivedAt`. */
import type { Actor, Registration } from '../../domain/petition';

export function sampleRegistration(
  receivedAt: number,
  registeredBy: Actor,
  facts: Partial<Registration> = {},
): Registration {
  return {
    petitionId: 'XF-S',
    petitioner: { name: '周九', idNumber: null, phone: null, address: null },
    channel: 'LETTER',
    category: 'CLAIM',
    summary: 's',
    content: 'c',
    receivedAt,
    respondentUnitId: null,
    registeredBy,
    ...facts,
  };
}
