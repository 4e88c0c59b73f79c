/**
 * 登录: a token pasted in, or in development one of the dev tokens the API offers (GET console-api/dev-tokens,
 * answered only while the API runs with FENGQIAO_DEV_TOKENS).
 */
import { Alert, Button, Card, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { Role } from '../gql/graphql';
import { ROLE_LABELS } from '../lib/roles';

interface DevToken {
  role: Role;
  principalId: string;
  unitId: string | null;
  token: string;
}

export default function SignIn(props: { onSignIn(token: string): void; error: string | null }) {
  const [token, setToken] = useState('');
  const [devTokens, setDevTokens] = useState<DevToken[]>([]);

  useEffect(() => {
    fetch('./console-api/dev-tokens')
      .then((response) => (response.ok ? (response.json() as Promise<DevToken[]>) : []))
      .then(setDevTokens)
      .catch(() => setDevTokens([]));
  }, []);

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 120 }}>
      <Card title="枫桥信访事项办理 · 登录" style={{ width: 480 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {props.error && <Alert type="error" message={props.error} />}
          {devTokens.length > 0 && (
            <Form.Item label="开发令牌" colon={false}>
              <Select
                data-testid="dev-token-picker"
                placeholder="选择角色（仅开发环境）"
                onChange={(value: string) => props.onSignIn(value)}
                options={devTokens.map((t) => ({
                  value: t.token,
                  label: `${ROLE_LABELS[t.role]} · ${t.principalId}${t.unitId ? ` @ ${t.unitId}` : ''}`,
                }))}
              />
            </Form.Item>
          )}
          <Form layout="vertical" onFinish={() => token.trim() && props.onSignIn(token.trim())}>
            <Form.Item label="令牌" required>
              <Input.Password
                data-testid="token-input"
                placeholder="fq_…"
                value={token}
                onChange={(e) => setToken(e.target.value)}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              登录
            </Button>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
