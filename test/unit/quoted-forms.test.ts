/**
 * Free text quoting the petitioner, as a masked reader gets it: the petitioner's own identifiers however a
 * handler typed them (grouped, hyphenated, full-width, the check letter in lower case), and a text over several
 * petitions (a panel's title) masked for each petitioner the reader does not see. Pure: the decision's inputs
 * are a principal and the petition's facts.
 */
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../api/auth';
import type { ApiContext } from '../../api/context';
import { quotedAcross, quotedView } from '../../api/petitioner-view';

type Facts = Parameters<typeof quotedView>[1];

const petition = (unitId: string, petitioner: Facts['petitioner']) =>
  ({ petitioner, unitId, reviewUnitId: null, escalation: null, category: 'CLAIM', respondentUnitId: null }) as Facts;
const as = (principal: Principal) => ({ principal }) as ApiContext;

const ouyang = petition('U-FT-01', {
  name: '欧阳明月',
  idNumber: '11010119900307425X',
  phone: '13912345678',
  address: '枫桥镇东街8号',
});
const li = petition('U-FT-02', { name: '李四海', idNumber: null, phone: '13800001111', address: null });
const supervisor = as({ id: 'sup', role: 'SUPERVISOR', unitId: null, memberId: null });
const handlerA = as({ id: 'hdl', role: 'UNIT_HANDLER', unitId: 'U-FT-01', memberId: null });

describe('free text quoting the petitioner', () => {
  it.for([
    ['as registered', '电话13912345678', '电话*******5678'],
    ['grouped by spaces', '电话 139 1234 5678 已接通', '电话 *******5678 已接通'],
    ['hyphenated', '电话139-1234-5678', '电话*******5678'],
    ['in full-width digits', '电话１３９１２３４５６７８', '电话*******5678'],
    ['an ID number with its check letter in lower case', '身份证11010119900307425x', '身份证**************425X'],
    ['an ID number grouped', '证号 110101 19900307 425X', '证号 **************425X'],
    ['the name and the address', '欧阳明月住枫桥镇东街8号', '欧**住***'],
  ])('%s', ([, text, expected]) => {
    expect(quotedView(supervisor, ouyang, text)).toBe(expected);
    // Whoever sees the petitioner gets the text as written.
    expect(quotedView(handlerA, ouyang, text)).toBe(text);
  });

  it('a longer number that holds the phone is masked where the phone stands, a shorter one is not', () => {
    expect(quotedView(supervisor, ouyang, '单号 8613912345678；分机 1234')).toBe('单号 86*******5678；分机 1234');
  });

  it('a text over several petitions masks each petitioner the reader does not see', () => {
    const title = '欧阳明月、李四海（13800001111）两案评议会';
    expect(quotedAcross(supervisor, [ouyang, li], title)).toBe('欧**、李**（*******1111）两案评议会');
    // Unit A's handler sees its own petitioner, not the other unit's.
    expect(quotedAcross(handlerA, [ouyang, li], title)).toBe('欧阳明月、李**（*******1111）两案评议会');
  });
});
