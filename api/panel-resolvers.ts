/** The panel mutations declared in schema/panels.graphql (`extend type Mutation`). */
import { requireRole } from './auth';
import type { ApiContext } from './context';
import type { MutationResolvers } from './generated/resolvers-types';
import * as panelsApi from './panels';

export const panelMutationResolvers: Pick<MutationResolvers, 'recordAttendance'> = {
  recordAttendance: (_, args, ctx: ApiContext) =>
    panelsApi.recordAttendance(ctx, requireRole(ctx.principal, 'SUPERVISOR'), args),
};
