/** The actions this principal may take on the case now, each a button opening its form. */
import { Card, Empty, Space } from 'antd';
import type { Role } from '../gql/graphql';
import type { ActionContext } from './action-context';
import { availableActions } from './available-actions';
import { oversightActionForms } from './oversight-actions';
import { registrarActionForms } from './registrar-actions';
import { unitActionForms } from './unit-actions';

export function CaseActions(props: ActionContext & { role: Role }) {
  const names = availableActions(props.role, props.petition);
  const forms = { ...registrarActionForms(props), ...unitActionForms(props), ...oversightActionForms(props) };
  return (
    <Card size="small" title="可办理事项" data-testid="case-actions">
      {names.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前没有可办理的事项" />
      ) : (
        <Space wrap>
          {names.map((name) => (
            <span key={name}>{forms[name]}</span>
          ))}
        </Space>
      )}
    </Card>
  );
}
