/**
 * 检举控告 fixtures for system tests. The API refuses to hand an accusation to the unit it accuses, so a case the
 * accused unit would otherwise read — one accepted there before that refusal — is made by sending the update to
 * the workflow directly, as the API did then.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sendUpdate } from '../../api/petition-commands';
import { DEFAULT_PROFILE_ID } from '../../domain/statute';
import { TASK_QUEUE } from '../../workflows/definitions';
import type { System } from './system';

export const ACCUSED = 'U-FT-02';

export const accusation = (
  summary: string,
  content: string,
  petitioner = { name: '举报人', phone: '13600003333' },
) => ({
  petitioner,
  channel: 'LETTER',
  category: 'ACCUSATION',
  summary,
  content,
  respondentUnitId: ACCUSED,
});

/** 受理 to `unitId` past the API's checks: the state of an accusation accepted by its accused unit before. */
export async function acceptedBeforeTheRule(
  env: TestWorkflowEnvironment,
  system: System,
  petitionId: string,
  unitId = ACCUSED,
): Promise<void> {
  const deps = { db: system.db, temporal: env.client, taskQueue: TASK_QUEUE, profileId: DEFAULT_PROFILE_ID };
  const registrar = { id: 'registrar-before', role: 'REGISTRAR' as const, unitId: null, memberId: null };
  const actor = { id: registrar.id, role: registrar.role };
  await sendUpdate(deps, registrar, petitionId, 'accept', { unitId, note: '规则之前受理', actor }, null);
}
