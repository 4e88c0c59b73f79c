/** The rules of 第三方评议: who may sit on a panel, and how a case's verdict follows from the votes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseVerdict, panelProblem, type Panelist, type Verdict } from '../../domain/evaluation';

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
