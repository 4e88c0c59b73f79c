/** Panels as the read model holds them (db/panel-schema.ts), shaped like PanelState for the resolvers. */
import { sql } from 'drizzle-orm';
import { flag, type ReadModel } from '../db/read-model';
import { evaluations, panelCases, panelMembers, panels } from '../db/schema';
import type { PanelState, Panelist, Verdict } from '../domain/evaluation';
import type { Principal } from './auth';

interface PanelRow {
  id: string;
  title: string;
  status: PanelState['status'];
  quorum: number;
  convened_at: number;
  convened_by: string;
  deadline_at: number;
  closed_at: number | null;
  version: number;
}

interface MemberRow {
  member_id: string;
  name: string;
  kind: Panelist['kind'];
  present: unknown;
}

interface CaseRow {
  petition_id: string;
  verdict: Verdict | null;
  votes: number;
}

interface VoteRow {
  member_id: string;
  petition_id: string;
  verdict: Verdict;
  comment: string | null;
  at: number;
}

export async function loadPanel(db: ReadModel, panelId: string): Promise<PanelState | null> {
  const row = await db.row<PanelRow>(sql`SELECT * FROM ${panels} WHERE id = ${panelId}`);
  if (!row) return null;
  const [members, cases, votes] = await Promise.all([
    // In primary-key order, which SQLite's index gives for nothing and PostgreSQL's heap does not.
    db.rows<MemberRow>(
      sql`SELECT member_id, name, kind, present FROM ${panelMembers} WHERE panel_id = ${panelId} ORDER BY member_id`,
    ),
    db.rows<CaseRow>(
      sql`SELECT petition_id, verdict, votes FROM ${panelCases} WHERE panel_id = ${panelId} ORDER BY ordinal`,
    ),
    db.rows<VoteRow>(sql`SELECT member_id, petition_id, verdict, comment, at FROM ${evaluations}
      WHERE panel_id = ${panelId} ORDER BY member_id, petition_id`),
  ]);
  const closedAt = row.closed_at === null ? null : Number(row.closed_at);
  return {
    panelId: row.id,
    title: row.title,
    members: members.map((m) => ({ memberId: m.member_id, name: m.name, kind: m.kind })),
    petitionIds: cases.map((c) => c.petition_id),
    quorum: row.quorum,
    convenedAt: Number(row.convened_at),
    convenedBy: row.convened_by,
    deadlineAt: Number(row.deadline_at),
    status: row.status,
    present: members.filter((m) => flag(m.present)).map((m) => m.member_id),
    votes: votes.map((v) => ({
      memberId: v.member_id,
      petitionId: v.petition_id,
      verdict: v.verdict,
      comment: v.comment,
      at: Number(v.at),
    })),
    results: closedAt ? cases.map((c) => ({ petitionId: c.petition_id, verdict: c.verdict, votes: c.votes })) : [],
    closedAt,
    version: row.version,
  };
}

/** Reviewers see the panels they sit on; supervisors and the bureau see all. */
export async function panelIdsFor(db: ReadModel, principal: Principal): Promise<string[] | 'all'> {
  if (principal.role !== 'REVIEWER') return 'all';
  if (!principal.memberId) return [];
  const rows = await db.rows<{ panel_id: string }>(
    sql`SELECT panel_id FROM ${panelMembers} WHERE member_id = ${principal.memberId}`,
  );
  return rows.map((r) => r.panel_id);
}

export async function listPanels(
  db: ReadModel,
  principal: Principal,
  status: PanelState['status'] | null,
  first: number,
): Promise<PanelState[]> {
  const visible = await panelIdsFor(db, principal);
  if (visible !== 'all' && visible.length === 0) return [];
  const conditions = [
    status ? sql`status = ${status}` : null,
    visible === 'all'
      ? null
      : sql`id IN (${sql.join(
          visible.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  ].filter((c) => c !== null);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const ids = await db.rows<{ id: string }>(
    sql`SELECT id FROM ${panels} ${where} ORDER BY convened_at DESC LIMIT ${first}`,
  );
  const loaded = await Promise.all(ids.map((r) => loadPanel(db, r.id)));
  return loaded.filter((p) => p !== null);
}

/** Whether the read model has the panel yet (its first projection). */
export async function panelStored(db: ReadModel, panelId: string): Promise<PanelState['status'] | null> {
  return (
    (await db.row<{ status: PanelState['status'] }>(sql`SELECT status FROM ${panels} WHERE id = ${panelId}`))?.status ??
    null
  );
}
