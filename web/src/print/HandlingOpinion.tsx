/**
 * 信访处理意见书 (or 复查 / 复核意见书): the latest opinion delivered, its outcome, text and basis, and the window the
 * petitioner has to ask for the next level, with its article (Arts. 35, 36) and last day.
 */
import type { Petition } from '../case/case-document';
import type { Level } from '../gql/graphql';
import { OUTCOME_LABELS } from '../lib/choice-labels';
import { chineseDate } from '../lib/datetime';
import { DeadlineTable } from './DeadlineTable';

const TITLES: Record<Level, string> = {
  HANDLING: '信访处理意见书',
  REVIEW: '信访事项复查意见书',
  REEXAMINATION: '信访事项复核意见书',
};

const NEXT: Record<Level, { window: string; ask: string } | null> = {
  HANDLING: { window: 'REVIEW_WINDOW', ask: '请求原办理机关的上一级机关复查' },
  REVIEW: { window: 'REEXAMINATION_WINDOW', ask: '向复查机关的上一级机关请求复核' },
  REEXAMINATION: null,
};

export function HandlingOpinion({ petition: p }: { petition: Petition }) {
  const reply = p.reply;
  if (!reply) return <div className="print-document">该事项尚未出具处理意见。</div>;
  const next = NEXT[reply.level];
  const appealWindow = next && p.deadlines.find((d) => d.kind === next.window);
  const rating = p.deadlines.find((d) => d.kind === 'RATING_WINDOW');
  const organ = reply.level === 'HANDLING' ? (p.unit?.name ?? reply.unitId) : (p.reviewUnit?.name ?? reply.unitId);
  return (
    <div className="print-document" data-testid="print-opinion">
      <h1>{TITLES[reply.level]}</h1>
      <div className="doc-number">编号：{p.id}</div>
      <p className="addressee">{p.petitioner.name}：</p>
      <p>
        你于{chineseDate(p.receivedAt)}提出的信访事项（{p.summary}），{organ}已依法受理并调查核实。现提出处理意见如下：
      </p>
      <p>处理结果：{OUTCOME_LABELS[reply.outcome]}。</p>
      <p style={{ whiteSpace: 'pre-wrap' }}>{reply.text}</p>
      {reply.basis && <p>依据：{reply.basis}</p>}
      {appealWindow && next && (
        <p>
          如对本意见不服，可以自收到本意见书之日起，于
          {appealWindow.lastDay ? chineseDate(appealWindow.lastDay) : '法定期限'}前{next.ask}（{appealWindow.article}
          ）。
        </p>
      )}
      {reply.level === 'REEXAMINATION' && <p>本复核意见为终结意见。信访人以同一事实和理由提出的投诉请求，不再受理。</p>}
      {rating && (
        <p>
          请于{rating.lastDay ? chineseDate(rating.lastDay) : '规定期限'}前对办理情况作出满意度评价（{rating.article}
          ）。
        </p>
      )}
      <DeadlineTable
        deadlines={p.deadlines.filter((d) => d.startedAt >= reply.issuedAt.slice(0, 10) || d.kind === 'HANDLING')}
      />
      <div className="signature">
        <div>{organ}（盖章）</div>
        <div>出具日期：{chineseDate(reply.issuedAt)}</div>
        <div>送达日期：{chineseDate(reply.deliveredAt)}</div>
      </div>
    </div>
  );
}
