/** `stuckPetitions` (ADMIN): the workflows whose workflow task keeps failing (./stuck-workflows.ts). */
import { requireRole } from './auth';
import { callTemporal } from './errors';
import type { QueryResolvers } from './generated/resolvers-types';
import { findStuckWorkflows } from './stuck-workflows';

export const stuckWorkflowResolvers: Pick<QueryResolvers, 'stuckPetitions'> = {
  stuckPetitions: (_, __, ctx) => {
    requireRole(ctx.principal, 'ADMIN');
    return callTemporal(undefined, () => findStuckWorkflows(ctx.temporal, ctx.taskQueue));
  },
};
