/**
 * 受理告知书: the petitioner told that the petition was accepted, by whom it is handled and by when, each date
 * with its article (告知 Art. 23; 办理 Art. 34 as the profile words it).
 */
import type { Petition } from '../case/case-document';
import { chineseDate } from '../lib/datetime';
import { CHANNEL_LABELS } from '../lib/labels';
import { DeadlineTable } from './DeadlineTable';

const SHOWN = ['REGISTRATION', 'NOTICE', 'DIRECT_NOTICE', 'HANDLING', 'ASSIGNMENT'];

export function AcceptanceNotice({ petition: p }: { petition: Petition }) {
  const handling = p.deadlines.find((d) => d.kind === 'HANDLING');
  const organ = p.unit?.name ?? '本机关';
  return (
    <div className="print-document" data-testid="print-notice">
      <h1>信访事项受理告知书</h1>
      <div className="doc-number">编号：{p.id}</div>
      <p className="addressee">{p.petitioner.name}：</p>
      <p>
        你于{chineseDate(p.receivedAt)}通过{CHANNEL_LABELS[p.channel]}提出的信访事项（{p.summary}
        ），{organ}已于{chineseDate(p.acceptedAt)}依法受理。
      </p>
      {handling ? (
        <p>
          {organ}将自受理之日起依法办理，并于{handling.lastDay ? chineseDate(handling.lastDay) : '法定期限'}
          前出具信访处理意见书（{handling.article}）。情况复杂的，经批准可以适当延长办理期限，并告知你延期理由。
        </p>
      ) : (
        <p>
          {organ}将依照{p.path.article}的规定办理，并将结果告知你。
        </p>
      )}
      <p>有关期限及其依据如下：</p>
      <DeadlineTable deadlines={p.deadlines.filter((d) => SHOWN.includes(d.kind))} />
      <p>特此告知。</p>
      <div className="signature">
        <div>{organ}（盖章）</div>
        <div>{chineseDate(p.acceptedAt)}</div>
      </div>
    </div>
  );
}
