/**
 * Writes an evaluation panel (评议会) into the read model, in one transaction, replacing its rows from the
 * snapshot; an older snapshot (lower version) changes nothing. Used by the panel activity and the rebuild.
 */
import { eq } from 'drizzle-orm';
import { hasVoted, isPresent, type PanelState } from '../domain/evaluation';
import type { SqliteDatabase } from './connection';
import { evaluations, panelCases, panelMembers, panels } from './schema';

export function projectPanelState(db: SqliteDatabase, panel: PanelState): void {
  db.transaction((tx) => {
    const stored = tx.select({ version: panels.version }).from(panels).where(eq(panels.id, panel.panelId)).get();
    if (stored && stored.version > panel.version) return;
    const row = {
      id: panel.panelId,
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
    tx.insert(panels).values(row).onConflictDoUpdate({ target: panels.id, set: update }).run();
    tx.delete(panelMembers).where(eq(panelMembers.panelId, panel.panelId)).run();
    for (const m of panel.members) {
      tx.insert(panelMembers)
        .values({
          panelId: panel.panelId,
          ...m,
          attended: hasVoted(panel, m.memberId),
          present: isPresent(panel, m.memberId),
        })
        .run();
    }
    tx.delete(panelCases).where(eq(panelCases.panelId, panel.panelId)).run();
    panel.petitionIds.forEach((petitionId, ordinal) => {
      const result = panel.results.find((r) => r.petitionId === petitionId);
      tx.insert(panelCases)
        .values({
          panelId: panel.panelId,
          petitionId,
          ordinal,
          verdict: result?.verdict ?? null,
          votes: result?.votes ?? 0,
        })
        .run();
    });
    tx.delete(evaluations).where(eq(evaluations.panelId, panel.panelId)).run();
    for (const v of panel.votes) {
      tx.insert(evaluations)
        .values({ panelId: panel.panelId, ...v, at: new Date(v.at) })
        .run();
    }
  });
}
