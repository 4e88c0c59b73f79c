/**
 * The calendar tests count on: what the API gives a petition registered today — the 2025 and 2026 notices the
 * read model is seeded with, and the statutory holidays of the years around them.
 */
import { sampleRegistration } from './registrations';
import { openPetition, type CommandContext } from '../../domain/petition';
import { calendarAround } from '../../domain/calendar-years';
import { SEED_NOTICES } from '../../domain/seed-notices';
import { getProfile, type JurisdictionProfile } from '../../domain/statute';

export const calendar = calendarAround(SEED_NOTICES, 2026);

/** A command context at `now` on that calendar, clocks counted by the day (as every new run counts them). */
export function ctxAt(now: number, profile: JurisdictionProfile = getProfile()): CommandContext {
  return { now, profile, calendar, dayCounted: true, repeatsProposed: true, unitReceipt: true, pathsByKind: true };
}

/** A letter registered as received at `receivedAt`, opened on the test calendar (clocks counted by the day). */
export function openedPetition(petitionId: string, receivedAt: number, ctx: CommandContext = ctxAt(receivedAt)) {
  return openPetition(
    sampleRegistration(receivedAt, { id: 'registrar-1', role: 'REGISTRAR' }, { petitionId, petitioner: WANG }),
    ctx,
  );
}

const WANG = { name: '王五', idNumber: null, phone: null, address: null };
