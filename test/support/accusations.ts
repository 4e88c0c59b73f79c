/**
 * 检举控告 fixtures for system tests. The API refuses to hand an accusation to the unit it accuses, so a case the
 * accused unit would otherwise read — one accepted there before that refusal — is made by sending the update to
 * the workflow directly, as the API did then.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Principal } from '../../api/auth';
import type { ApiDeps } from '../../api/context';
import { sendUpdate } from '../../api/petition-commands';
import type { Actor } from '../../domain/petition';
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

/** An update sent to the workflow directly, past the API's checks, as a registrar before the rule. */
async function pastTheApi(
  env: TestWorkflowEnvironment,
  system: System,
  petitionId: string,
  send: (deps: ApiDeps, registrar: Principal, actor: Actor) => Promise<unknown>,
): Promise<void> {
  const deps = { db: system.db, temporal: env.client, taskQueue: TASK_QUEUE, profileId: DEFAULT_PROFILE_ID };
  const registrar = { id: 'registrar-before', role: 'REGISTRAR' as const, unitId: null, memberId: null };
  await send(deps, registrar, { id: registrar.id, role: registrar.role });
}

/** 受理 to `unitId` past the API's checks: the state of an accusation accepted by its accused unit before. */
export function acceptedBeforeTheRule(
  env: TestWorkflowEnvironment,
  system: System,
  petitionId: string,
  unitId = ACCUSED,
) {
  return pastTheApi(env, system, petitionId, (deps, registrar, actor) =>
    sendUpdate(deps, registrar, petitionId, 'accept', { unitId, note: '规则之前受理', actor }, null),
  );
}

/**
 * 转送 to `unitId` past the API's checks, never signed for: an accusation with its accused unit before the rule,
 * whose clock (the unit's 签收) runs out. An accusation accepted now has no 60-day clock to run out (its path).
 */
export function routedBeforeTheRule(
  env: TestWorkflowEnvironment,
  system: System,
  petitionId: string,
  unitId = ACCUSED,
) {
  const route = { unitId, mode: 'TRANSFER' as const, note: '规则之前转送' };
  return pastTheApi(env, system, petitionId, (deps, registrar, actor) =>
    sendUpdate(deps, registrar, petitionId, 'route', { ...route, actor }, null),
  );
}
