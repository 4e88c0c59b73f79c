/**
 * The rules of 第三方评议: who may sit on a panel, how a case's verdict follows from the votes, and who was present.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseVerdict,
  checkAttendance,
  closePanel,
  isPresent,
  panelProblem,
  recordAttendance,
  recordVote,
  type PanelState,
  type Panelist,
  type Verdict,
} from '../../domain/evaluation';
import { Refusal } from '../../domain/error-codes';

const member = (n: number, kind: Panelist['kind'] = 'NPC_DEPUTY'): Panelist => ({
  memberId: `M-${n}`,
  name: `委员${n}`,
  kind,
});
const five = [member(1), member(2, 'CPPCC_MEMBER'), member(3, 'PARTY_DEPUTY'), member(4), member(5, 'LAWYER')];

describe('panel make-up', () => {
  it('five to nine members, at least one lawyer, a quorum within the panel', () => {
    expect(panelProblem(five, 3)).toBeNull();
    expect(panelProblem(five.slice(0, 4), 3)).toMatch(/5 to 9 members/);
    expect(panelProblem([...five.slice(0, 4), member(6)], 3)).toMatch(/lawyer/);
    expect(panelProblem([...five, member(1)], 3)).toMatch(/twice/);
    expect(panelProblem(five, 6)).toMatch(/quorum/);
  });
});

describe('a case verdict', () => {
  it.each([
    [['SATISFIED', 'SATISFIED', 'DISSATISFIED'], 'SATISFIED'],
    [['SATISFIED', 'DISSATISFIED'], null], // under the quorum of 3
    [['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'], 'DISSATISFIED'], // a three-way tie: least favourable
    [['SATISFIED', 'SATISFIED', 'DISSATISFIED', 'DISSATISFIED'], 'DISSATISFIED'],
    [['BASICALLY_SATISFIED', 'BASICALLY_SATISFIED', 'SATISFIED', 'SATISFIED', 'DISSATISFIED'], 'BASICALLY_SATISFIED'],
  ] as [Verdict[], Verdict | null][])('%j with quorum 3 → %s', (votes, verdict) => {
    expect(caseVerdict(votes, 3)).toBe(verdict);
  });

  it('property: the verdict is a verdict someone cast, and no verdict has more votes than it', () => {
    const verdict = fc.constantFrom<Verdict>('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');
    fc.assert(
      fc.property(fc.array(verdict, { minLength: 3, maxLength: 9 }), (votes) => {
        const result = caseVerdict(votes, 3)!;
        const count = (v: Verdict) => votes.filter((x) => x === v).length;
        expect(votes).toContain(result);
        for (const other of ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'] as Verdict[])
          expect(count(other)).toBeLessThanOrEqual(count(result));
      }),
    );
  });
});

describe('attendance (到会)', () => {
  const open: PanelState = {
    panelId: 'PY-1',
    title: '评议会',
    members: five,
    petitionIds: ['XF-1'],
    quorum: 3,
    convenedAt: 0,
    convenedBy: 'supervisor',
    deadlineAt: 1_000,
    status: 'OPEN',
    votes: [],
    results: [],
    closedAt: null,
    version: 1,
  };
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (err) {
      if (err instanceof Refusal) return { code: err.code, ...err.details };
      throw err;
    }
    return null;
  };

  it('a member present counts whether or not they voted; a voter was present; the same again changes nothing', () => {
    const voted = recordVote(open, { memberId: 'M-1', petitionId: 'XF-1', verdict: 'SATISFIED', comment: null }, 10);
    const present = recordAttendance(voted, { memberIds: ['M-3', 'M-2'] });
    expect(present.present).toEqual(['M-2', 'M-3']);
    expect(present.version).toBe(voted.version + 1);
    expect(five.map((m) => isPresent(present, m.memberId))).toEqual([true, true, true, false, false]);
    // Present already, or a voter: nothing to record.
    expect(recordAttendance(present, { memberIds: ['M-2', 'M-1'] })).toBe(present);
    expect(recordAttendance(present, { memberIds: ['M-4'] }).present).toEqual(['M-2', 'M-3', 'M-4']);
  });

  it('a name not on the panel is BAD_USER_INPUT with its index; a closed panel is INVALID_TRANSITION', () => {
    expect(refusal(() => checkAttendance(open, { memberIds: ['M-1', 'M-9'] }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'memberIds[1]',
    });
    expect(refusal(() => checkAttendance(closePanel(open, 2_000), { memberIds: ['M-1'] }))).toEqual({
      code: 'INVALID_TRANSITION',
    });
    // A panel convened before presence was recorded has no list: only its voters were present.
    expect(isPresent(open, 'M-1')).toBe(false);
  });
});
