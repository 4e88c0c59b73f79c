/** Resolvers of schema/schema.graphql. Each mutation checks the role, then hands over to petition-commands. */
import { GraphQLError } from 'graphql';
import { eq } from 'drizzle-orm';
import { units } from '../db/schema';
import { effectiveDue, isOverdue, currentDueAt, isTerminal, type Deadline, type PetitionState } from '../domain/petition';
import { getProfile } from '../domain/statute';
import { canRead, readScope, seesPetitioner } from './access';
import { requireRole, type Principal } from './auth';
import type { ApiContext } from './context';
import { apiError, badInput } from './errors';
import * as commands from './petition-commands';
import { fromWorkflowState, listPetitions, loadPetition, loadTimeline, type PetitionParent, type PetitionFilter } from './petition-reads';
import { DateTimeScalar, JsonScalar } from './scalars';

const MAX_PAGE = 100;

function mask(text: string | null, keep: number): string | null {
  if (!text) return text;
  return text.length <= keep ? '*'.repeat(text.length) : `${'*'.repeat(text.length - keep)}${text.slice(-keep)}`;
}

function errorCode(err: unknown): unknown {
  return err instanceof GraphQLError ? err.extensions.code : undefined;
}

/** The petition if it exists and the principal may read it. */
async function readablePetition(ctx: ApiContext, principal: Principal, id: string): Promise<PetitionParent> {
  let parent = loadPetition(ctx.db, id);
  // Just registered and not yet projected: the workflow itself knows it.
  if (!parent) parent = await commands.queryPetition(ctx, id).then(fromWorkflowState, () => null);
  if (!parent) throw apiError('NOT_FOUND', `no petition ${id}`);
  if (!canRead(principal, parent.state.unitId)) {
    throw apiError('FORBIDDEN', `petition ${id} is not routed to your unit`);
  }
  return parent;
}

/** Runs a command on an existing petition; a closed workflow answers with its final status. */
async function commandOn(ctx: ApiContext, principal: Principal, id: string, run: () => Promise<PetitionState>) {
  await readablePetition(ctx, principal, id);
  try {
    return fromWorkflowState(await run());
  } catch (err) {
    const known = loadPetition(ctx.db, id);
    if (errorCode(err) === 'NOT_FOUND' && known && isTerminal(known.state as PetitionState)) {
      throw apiError('INVALID_TRANSITION', `petition ${id} is closed (${known.state.status})`, { status: known.state.status });
    }
    throw err;
  }
}

function deadlineView(d: Deadline) {
  const due = effectiveDue(d);
  const now = Date.now();
  return {
    kind: d.kind,
    rule: d.ruleId,
    article: d.article,
    startedAt: d.startedAt,
    dueAt: Number.isFinite(due) ? due : null,
    pausedMs: d.pausedMs,
    paused: d.pausedSince !== null,
    metAt: d.metAt,
    met: d.metAt !== null && d.metAt <= due,
    overdue: d.metAt === null ? d.overdueAt !== null || now > due : d.metAt > due,
    overdueAt: d.overdueAt,
  };
}

function toFilter(input: Record<string, unknown> | null | undefined): PetitionFilter {
  const f = (input ?? {}) as Record<string, never>;
  return {
    status: f.status,
    unitId: f.unitId,
    overdue: f.overdue,
    category: f.category,
    text: f.text,
    dueBefore: f.dueBefore,
    receivedFrom: f.receivedFrom,
    receivedTo: f.receivedTo,
  };
}

function decodeCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const offset = Number(Buffer.from(after, 'base64url').toString('utf8').replace(/^o:/, ''));
  if (!Number.isInteger(offset) || offset < 0) throw badInput('after', 'not a cursor this API gave out');
  return offset;
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

export const resolvers = {
  DateTime: DateTimeScalar,
  JSON: JsonScalar,

  Query: {
    viewer: (_: unknown, __: unknown, ctx: ApiContext) => ctx.principal,
    statute: () => {
      const profile = getProfile();
      return profile.rules.map((rule) => ({ ...rule, profile: profile.id }));
    },
    units: (_: unknown, __: unknown, ctx: ApiContext) => {
      requireRole(ctx.principal, 'REGISTRAR', 'UNIT_HANDLER', 'UNIT_HEAD', 'SUPERVISOR', 'LEADER', 'REVIEWER', 'TESTER');
      return ctx.db.select().from(units).all();
    },
    petition: async (_: unknown, args: { id: string }, ctx: ApiContext) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR', 'UNIT_HANDLER', 'UNIT_HEAD', 'SUPERVISOR', 'LEADER', 'REVIEWER', 'TESTER');
      return readablePetition(ctx, principal, args.id);
    },
    petitions: (
      _: unknown,
      args: { filter?: Record<string, unknown> | null; first?: number | null; after?: string | null },
      ctx: ApiContext,
    ) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR', 'UNIT_HANDLER', 'UNIT_HEAD', 'SUPERVISOR', 'LEADER', 'REVIEWER', 'TESTER');
      const first = args.first ?? 20;
      if (first < 1 || first > MAX_PAGE) throw badInput('first', `first must be between 1 and ${MAX_PAGE}`);
      const offset = decodeCursor(args.after);
      const page = listPetitions(ctx.db, readScope(principal), toFilter(args.filter), first, offset);
      return {
        edges: page.nodes.map((node, i) => ({ node, cursor: encodeCursor(offset + i + 1) })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.nodes.length ? encodeCursor(offset + page.nodes.length) : null },
        totalCount: page.totalCount,
      };
    },
  },

  Mutation: {
    registerPetition: async (_: unknown, args: { input: commands.RegisterInput }, ctx: ApiContext) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR');
      return fromWorkflowState(await commands.registerPetition(ctx, principal, args.input));
    },
    acceptPetition: (_: unknown, args: Parameters<typeof commands.acceptPetition>[2], ctx: ApiContext) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR');
      return commandOn(ctx, principal, args.id, () => commands.acceptPetition(ctx, principal, args));
    },
    routePetition: (_: unknown, args: Parameters<typeof commands.routePetition>[2], ctx: ApiContext) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR');
      return commandOn(ctx, principal, args.id, () => commands.routePetition(ctx, principal, args));
    },
    declinePetition: (_: unknown, args: Parameters<typeof commands.declinePetition>[2], ctx: ApiContext) => {
      const principal = requireRole(ctx.principal, 'REGISTRAR');
      return commandOn(ctx, principal, args.id, () => commands.declinePetition(ctx, principal, args));
    },
  },

  Petition: {
    id: (p: PetitionParent) => p.state.petitionId,
    status: (p: PetitionParent) => p.state.status,
    stage: (p: PetitionParent) => p.state.stage,
    unit: (p: PetitionParent, _: unknown, ctx: ApiContext) =>
      p.state.unitId ? (ctx.db.select().from(units).where(eq(units.id, p.state.unitId)).get() ?? null) : null,
    petitioner: (p: PetitionParent, _: unknown, ctx: ApiContext) => {
      const who = p.state.petitioner;
      if (seesPetitioner(ctx.principal, p.state.unitId)) return { ...who, masked: false };
      return { name: `${who.name.slice(0, 1)}**`, idNumber: mask(who.idNumber, 4), phone: mask(who.phone, 4), address: null, masked: true };
    },
    summary: (p: PetitionParent) => p.state.summary,
    content: (p: PetitionParent) => p.state.content,
    category: (p: PetitionParent) => p.state.category,
    channel: (p: PetitionParent) => p.state.channel,
    receivedAt: (p: PetitionParent) => p.state.receivedAt,
    registeredAt: (p: PetitionParent) => p.state.registeredAt,
    acceptedAt: (p: PetitionParent) => p.state.acceptedAt,
    routeMode: (p: PetitionParent) => p.state.routeMode,
    declineReason: (p: PetitionParent) => p.state.declineReason,
    respondentUnitId: (p: PetitionParent) => p.state.respondentUnitId,
    overdue: (p: PetitionParent) => isOverdue(p.state as PetitionState),
    dueAt: (p: PetitionParent) => currentDueAt(p.state as PetitionState),
    deadlines: (p: PetitionParent) => p.state.deadlines.map(deadlineView),
    timeline: (p: PetitionParent, _: unknown, ctx: ApiContext) => p.timeline ?? loadTimeline(ctx.db, p.state.petitionId),
    live: async (p: PetitionParent, _: unknown, ctx: ApiContext) => {
      try {
        return await commands.queryPetition(ctx, p.state.petitionId);
      } catch (err) {
        // A closed workflow may be gone from the server after its retention period; the read model still has it.
        if (errorCode(err) === 'NOT_FOUND') return null;
        throw err;
      }
    },
  },
};

