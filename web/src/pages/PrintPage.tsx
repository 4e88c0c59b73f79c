/**
 * 打印: 受理告知书 or 信访处理意见书 of a case, alone on the page (outside the console's frame) with a print
 * stylesheet; the toolbar does not print.
 */
import { Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { request } from '../api/client';
import { CaseDocument, type Petition } from '../case/case-document';
import { ErrorAlert } from '../components/ErrorAlert';
import { caseHref, type PrintKind } from '../lib/hash-route';
import { AcceptanceNotice } from '../print/AcceptanceNotice';
import { HandlingOpinion } from '../print/HandlingOpinion';
import '../print/print.css';

export default function PrintPage(props: { id: string; kind: PrintKind }) {
  const [petition, setPetition] = useState<Petition | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    request(CaseDocument, { id: props.id })
      .then((data) => (data.petition ? setPetition(data.petition) : setError(new Error('未找到该信访事项'))))
      .catch(setError);
  }, [props.id]);

  return (
    <>
      <div className="print-toolbar">
        <Button href={caseHref(props.id)}>返回案件</Button>
        <Button type="primary" data-testid="print-button" disabled={!petition} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      <ErrorAlert error={error} />
      {!petition && !error && <Spin />}
      {petition &&
        (props.kind === 'notice' ? <AcceptanceNotice petition={petition} /> : <HandlingOpinion petition={petition} />)}
    </>
  );
}
