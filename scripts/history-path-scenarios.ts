/**
 * The paths by kind `npm run histories:record` drives (docs/paths.md), one workflow each: a suggestion answered
 * and closed after its rating days, a claim guided into arbitration, a claim answered on (五), a claim settled by
 * 调解, an accusation forwarded to 纪检监察, and a petition brought directly to its unit.
 */
import * as defs from '../workflows/definitions';
import type { Recorder } from './history-recording';

const DAY = 86_400_000;

export async function recordPathScenarios(r: Recorder): Promise<void> {
  const { env, start, update, settle, save, registrar, handler } = r;
  const ended = async (name: string) => {
    await env.client.workflow.getHandle(defs.petitionWorkflowId(`REC-${name}`)).result();
    await save(name, defs.petitionWorkflowId(`REC-${name}`));
  };
  const accept = (name: string) => update(name, 'accept', { unitId: 'U-FT-01', note: null, actor: registrar });

  // A suggestion (Art. 29): answered 采纳, rated, closed when its rating days run out.
  await start('suggestion-answered', undefined, { category: 'SUGGESTION' });
  await accept('suggestion-answered');
  await update('suggestion-answered', 'reply', {
    outcome: 'ADOPTED',
    text: '建议已采纳',
    basis: null,
    deliveredAt: null,
    actor: handler,
  });
  await update('suggestion-answered', 'recordSatisfaction', { level: 'SATISFIED', target: 'UNIT', actor: registrar });
  await env.sleep(32 * DAY);
  await ended('suggestion-answered');

  // A claim guided into arbitration (Art. 31 (二)): it ends at the choice.
  await start('claim-guided');
  await accept('claim-guided');
  await update('claim-guided', 'chooseRoute', { route: 'ARBITRATION', note: '告知申请劳动仲裁', actor: handler });
  await ended('claim-guided');

  // (五): the 60 days withdrawn; answered, rated in time or not, closed.
  await start('claim-duty');
  await accept('claim-duty');
  await update('claim-duty', 'chooseRoute', { route: 'DUTY_PERFORMED', note: null, actor: handler });
  await update('claim-duty', 'reply', {
    outcome: 'PERFORMED',
    text: '已依法查处',
    basis: null,
    deliveredAt: null,
    actor: handler,
  });
  await env.sleep(32 * DAY);
  await ended('claim-duty');

  // 调解 after a hearing (Art. 33).
  await start('claim-mediated');
  await accept('claim-mediated');
  await update('claim-mediated', 'startHearing', { note: '听证', actor: handler });
  await update('claim-mediated', 'endHearing', { note: null, actor: handler });
  await update('claim-mediated', 'recordAgreement', { kind: 'MEDIATION', text: '调解协议书', actor: handler });
  await ended('claim-mediated');

  // An accusation forwarded to 纪检监察 (Art. 30).
  await start('accusation-forwarded', undefined, { category: 'ACCUSATION', respondentUnitId: 'U-FT-02' });
  await update('accusation-forwarded', 'route', {
    unitId: 'D-FT',
    mode: 'TRANSFER',
    note: null,
    forwardTo: 'DISCIPLINE_INSPECTION',
    actor: registrar,
  });
  await ended('accusation-forwarded');

  // Brought directly to its unit (Art. 23 ¶2): accepted by the unit, heard, answered; left open in its 复查 window.
  await start('direct', undefined, { directUnitId: 'U-FT-01', registeredBy: handler });
  await update('direct', 'accept', { unitId: null, note: null, actor: handler });
  await update('direct', 'chooseRoute', { route: 'HEARD_AND_ANSWERED', note: null, actor: handler });
  await update('direct', 'reply', {
    outcome: 'SUPPORT',
    text: '予以支持',
    basis: null,
    deliveredAt: null,
    actor: handler,
  });
  await settle('direct', (s) => s.status === 'DELIVERED');
  await save('direct', defs.petitionWorkflowId('REC-direct'));
}
