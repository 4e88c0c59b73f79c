/**
 * Writes an evaluation panel into the PostgreSQL read model: what ../panel-projection.ts writes on SQLite, in one
 * transaction, an older snapshot (lower version) changing nothing. Two projections of one panel may race (a retry
 * beside a worker thought dead): the upsert locks the panel's row until commit, and refuses an older version, so
 * the rows replaced after it are always the newest snapshot's.
 */
import { eq, sql } from 'drizzle-orm';
import { hasVoted, isPresent, type PanelState } from '../../domain/evaluation';
import type { PgReadModel } from './connection';
import { evaluations, panelCases, panelMembers, panels } from './schema';

export async function projectPanelStatePg(db: PgReadModel, panel: PanelState): Promise<void> {
  const panelId = panel.panelId;
  await db.transaction(async (tx) => {
    const row = {
      id: panelId,
      title: panel.title,
      status: panel.status,
      quorum: panel.quorum,
      convenedAt: new Date(panel.convenedAt),
      convenedBy: panel.convenedBy,
      deadlineAt: new Date(panel.deadlineAt),
      closedAt: panel.closedAt === null ? null : new Date(panel.closedAt),
      version: panel.version,
    };
    const { id: _id, ...update } = row;
    const [written] = await tx
      .insert(panels)
      .values(row)
      .onConflictDoUpdate({ target: panels.id, set: update, setWhere: sql`${panels.version} <= excluded.version` })
      .returning({ id: panels.id });
    if (!written) return;

    await tx.delete(panelMembers).where(eq(panelMembers.panelId, panelId));
    if (panel.members.length) {
      await tx.insert(panelMembers).values(
        panel.members.map((m) => ({
          panelId,
          ...m,
          attended: hasVoted(panel, m.memberId),
          present: isPresent(panel, m.memberId),
        })),
      );
    }
    await tx.delete(panelCases).where(eq(panelCases.panelId, panelId));
    if (panel.petitionIds.length) {
      await tx.insert(panelCases).values(
        panel.petitionIds.map((petitionId, ordinal) => {
          const result = panel.results.find((r) => r.petitionId === petitionId);
          return { panelId, petitionId, ordinal, verdict: result?.verdict ?? null, votes: result?.votes ?? 0 };
        }),
      );
    }
    await tx.delete(evaluations).where(eq(evaluations.panelId, panelId));
    if (panel.votes.length) {
      await tx.insert(evaluations).values(panel.votes.map((v) => ({ panelId, ...v, at: new Date(v.at) })));
    }
  });
}
