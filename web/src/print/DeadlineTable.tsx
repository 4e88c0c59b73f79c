/** The dates of a printed document, each with the statute article it rests on (Deadline.article). */
import type { Petition } from '../case/case-document';
import { chineseDate } from '../lib/datetime';
import { DEADLINE_LABELS } from '../lib/labels';

export function DeadlineTable(props: { deadlines: Petition['deadlines'] }) {
  if (props.deadlines.length === 0) return null;
  return (
    <table data-testid="print-deadlines">
      <thead>
        <tr>
          <th>期限</th>
          <th>起算日</th>
          <th>最后一日</th>
          <th>依据</th>
        </tr>
      </thead>
      <tbody>
        {props.deadlines.map((d) => (
          <tr key={`${d.kind}-${d.startedAt}`}>
            <td>{DEADLINE_LABELS[d.kind]}</td>
            <td>{chineseDate(d.startedAt)}</td>
            <td>{d.lastDay ? chineseDate(d.lastDay) : '—'}</td>
            <td>{d.article}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
