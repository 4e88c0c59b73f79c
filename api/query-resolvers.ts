/** Queries of the SDL (schema/). */
import { PANEL_STATUSES } from '../domain/evaluation';
import { getProfile, PROFILES, type JurisdictionProfile } from '../domain/statute';
import { readScope } from './access';
import { requireRole, requireSignedIn } from './auth';
import type { ApiContext } from './context';
import { badInput } from './errors';
import type { PetitionFilter as PetitionFilterInput, QueryResolvers } from './generated/resolvers-types';
import * as histories from './histories';
import { IDS, TEXT, knownUnit, optionalChoice, optionalText, pageSize, period, requiredId } from './input-rules';
import * as panelsApi from './panels';
import { notePersonalData } from './personal-data-log';
import { allUnits } from './unit-reads';
import { readablePetition } from './petition-access';
import { listPetitions } from './petition-pages';
import type { PetitionFilter } from './petition-reads';
import { highlightView, historyReader } from './petitioner-view';
import { computeStatistics, statisticsQuery } from './statistics';

export function jurisdictionView(profile: JurisdictionProfile) {
  return {
    id: profile.id,
    name: profile.name,
    law: profile.law,
    warningDays: profile.practice.warningDays,
    appealGraceDays: profile.practice.appealGraceDays,
  };
}

async function toFilter(ctx: ApiContext, input: PetitionFilterInput | null | undefined): Promise<PetitionFilter> {
  const f = input ?? {};
  period('filter.receivedFrom', f.receivedFrom, 'filter.receivedTo', f.receivedTo);
  return {
    status: f.status,
    unitId: await knownUnit(ctx.db, 'filter.unitId', f.unitId),
    overdue: f.overdue,
    category: f.category,
    text: optionalText('filter.text', f.text, TEXT.search),
    dueSoon: f.dueSoon,
    escalated: f.escalated,
    escalationProposed: f.escalationProposed,
    provisional: f.provisional,
    repeatDeclinedUnconfirmed: f.repeatDeclinedUnconfirmed,
    dueBefore: f.dueBefore,
    receivedFrom: f.receivedFrom,
    receivedTo: f.receivedTo,
  };
}

export const queryResolvers: QueryResolvers = {
  // Without a token only health and statute answer.
  viewer: (_, __, ctx) => requireSignedIn(ctx.principal),
  statute: (_, args, ctx) => {
    const id = args.profile ?? ctx.profileId;
    if (!PROFILES[id]) throw badInput('profile', `unknown profile ${id}; known: ${Object.keys(PROFILES).join(', ')}`);
    const profile = getProfile(id);
    return profile.rules.map((rule) => ({ ...rule, profile: profile.id }));
  },
  jurisdiction: (_, __, ctx) => jurisdictionView(getProfile(ctx.profileId)),
  jurisdictions: () => Object.values(PROFILES).map(jurisdictionView),
  units: (_, __, ctx) => {
    requireSignedIn(ctx.principal);
    return allUnits(ctx.db);
  },
  petition: async (_, args, ctx) =>
    readablePetition(ctx, requireSignedIn(ctx.principal), requiredId('id', args.id, IDS.petition)),
  petitions: async (_, args, ctx) => {
    const principal = requireSignedIn(ctx.principal);
    const first = pageSize('first', args.first);
    const filter = await toFilter(ctx, args.filter);
    const page = await listPetitions(
      ctx.db,
      readScope(principal),
      filter,
      args.sort ?? 'RECEIVED_DESC',
      first,
      args.after,
    );
    return {
      edges: page.nodes.map(({ parent, cursor, highlight }) => ({
        node: parent,
        cursor,
        highlight: highlightView(ctx, parent.facts, highlight, filter.text),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.nodes.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  },
  petitionHistory: async (_, args, ctx) => {
    historyReader(ctx.principal);
    const history = await histories.petitionHistory(ctx, args.id);
    // A history holds the registration whole: its reader is logged like any unmasked read.
    notePersonalData(ctx, { petitionId: args.id, outcome: 'READ', fields: ['history'] });
    return history;
  },
  panel: async (_, args, ctx) => {
    const principal = requireRole(ctx.principal, 'REGISTRAR', 'SUPERVISOR', 'REVIEWER', 'TESTER');
    const id = requiredId('id', args.id, IDS.panel);
    const visible = await panelsApi.panelIdsFor(ctx.db, principal);
    const panel = await panelsApi.loadPanel(ctx.db, id);
    if (!panel || (visible !== 'all' && !visible.includes(id))) throw panelsApi.panelNotFound(id);
    return panel;
  },
  panels: (_, args, ctx) => {
    const principal = requireRole(ctx.principal, 'REGISTRAR', 'SUPERVISOR', 'REVIEWER', 'TESTER');
    return panelsApi.listPanels(
      ctx.db,
      principal,
      optionalChoice('filter.status', args.filter?.status, PANEL_STATUSES),
      pageSize('first', args.first),
    );
  },
  statistics: async (_, args, ctx) => {
    const principal = requireSignedIn(ctx.principal);
    const filter = { ...args.filter, unitId: await knownUnit(ctx.db, 'filter.unitId', args.filter.unitId) };
    return computeStatistics(ctx.db, statisticsQuery(principal, filter));
  },
};
