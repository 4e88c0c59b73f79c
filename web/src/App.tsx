/**
 * The console's frame: sign-in when no token is held, else the principal (viewer) with the navigation of
 * their role and the screen the hash route names. Each screen is its own chunk (React.lazy); the print route
 * stands outside the frame so that only the document reaches paper.
 */
import { Alert, Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { ApiError, request } from './api/client';
import { useSession } from './auth/session';
import { graphql } from './gql';
import type { ViewerQuery } from './gql/graphql';
import { routeKey, useRoute, type Route } from './lib/hash-route';
import { navFor } from './lib/navigation';
import { NotificationBell } from './notifications/NotificationBell';
import { ROLE_DUTIES, ROLE_LABELS } from './lib/roles';

const SignIn = lazy(() => import('./pages/SignIn'));
const TodoList = lazy(() => import('./pages/TodoList'));
const CasePage = lazy(() => import('./pages/CasePage'));
const RegisterPage = lazy(() => import('./pages/RegisterPage'));
const BoardPage = lazy(() => import('./pages/BoardPage'));
const PanelsPage = lazy(() => import('./pages/PanelsPage'));
const PanelPage = lazy(() => import('./pages/PanelPage'));
const StatisticsPage = lazy(() => import('./pages/StatisticsPage'));
const TesterPage = lazy(() => import('./pages/TesterPage'));
const PrintPage = lazy(() => import('./pages/PrintPage'));

const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      id
      role
      unitId
      memberId
    }
  }
`);

type Viewer = NonNullable<ViewerQuery['viewer']>;

function Screen(props: { route: Route; viewer: Viewer }) {
  const { route, viewer } = props;
  switch (route.name) {
    case 'case':
      return <CasePage id={route.id} role={viewer.role} />;
    case 'register':
      return <RegisterPage viewer={viewer} />;
    case 'board':
      return <BoardPage kind={route.kind} />;
    case 'panels':
      return <PanelsPage viewer={viewer} />;
    case 'panel':
      return <PanelPage id={route.id} viewer={viewer} />;
    case 'statistics':
      return <StatisticsPage viewer={viewer} />;
    case 'tester':
      return <TesterPage />;
    default:
      return <TodoList viewer={viewer} />;
  }
}

export function App() {
  const session = useSession();
  const route = useRoute();
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setViewer(null);
    setError(null);
    if (!session.token) return;
    request(ViewerDocument)
      .then((data) => setViewer(data.viewer))
      .catch((err: unknown) => {
        // A revoked or mistyped token: back to sign-in, saying why.
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') session.signOut();
        setError(err instanceof Error ? err.message : String(err));
      });
  }, [session]);

  if (!session.token)
    return (
      <Suspense fallback={<Spin />}>
        <SignIn onSignIn={session.signIn} error={error} />
      </Suspense>
    );
  if (!viewer) return error ? <Alert type="error" message={error} /> : <Spin fullscreen />;
  if (route.name === 'print')
    return (
      <Suspense fallback={<Spin />}>
        <PrintPage id={route.id} kind={route.kind} />
      </Suspense>
    );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={220} theme="light">
        <Typography.Title level={4} style={{ padding: '16px 16px 0' }}>
          枫桥信访
        </Typography.Title>
        <Menu
          mode="inline"
          data-testid="nav"
          selectedKeys={[routeKey(route)]}
          items={navFor(viewer.role).map((item) => ({
            key: item.key,
            label: (
              <a href={`#/${item.key}`} data-testid={`nav-${item.key.replace('/', '-')}`}>
                {item.label}
              </a>
            ),
          }))}
        />
        <div style={{ padding: 16 }} data-testid="duties">
          <Typography.Text type="secondary">本角色可办理：</Typography.Text>
          <div>
            {ROLE_DUTIES[viewer.role].map((duty) => (
              <Tag key={duty} style={{ marginTop: 4 }}>
                {duty}
              </Tag>
            ))}
          </div>
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', textAlign: 'right' }}>
          <Space size="large">
            <NotificationBell token={session.token} />
            <span data-testid="principal">
              {ROLE_LABELS[viewer.role]} · {viewer.id}
              {viewer.unitId ? ` @ ${viewer.unitId}` : ''}
            </span>
            <Button onClick={session.signOut}>退出</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<Spin />}>
            <Screen route={route} viewer={viewer} />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
