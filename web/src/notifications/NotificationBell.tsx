/**
 * The header's bell (通知): the principal's unread notices as a badge, a toast as each new one arrives over SSE
 * (overdue, 督办, 提级包案…), and a list to open the case or mark them read — all through the API, which decides
 * whom a notice concerns.
 */
import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { request } from '../api/client';
import { graphql } from '../gql';
import type { NotificationFieldsFragment } from '../gql/graphql';
import { openStream } from './notification-stream';

graphql(`
  fragment NotificationFields on Notification {
    id
    petitionId
    kind
    message
    at
    read
  }
`);

const UnreadDocument = graphql(`
  query UnreadNotifications {
    notifications(unread: true, first: 20) {
      unreadCount
      edges {
        node {
          ...NotificationFields
        }
      }
    }
  }
`);

const AddedDocument = graphql(`
  subscription NotificationAdded($after: ID) {
    notificationAdded(after: $after) {
      ...NotificationFields
    }
  }
`);

const MarkReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      unreadCount
    }
  }
`);

export function NotificationBell({ token }: { token: string }) {
  const { notification } = App.useApp();
  const [unread, setUnread] = useState<NotificationFieldsFragment[]>([]);
  const [count, setCount] = useState(0);
  // Whether the stream is open: notices from then on arrive without a reload.
  const [live, setLive] = useState(false);
  const [loaded, setLoaded] = useState(false);

  const load = useCallback(async () => {
    const { notifications } = await request(UnreadDocument);
    setUnread(notifications.edges.map((e) => e.node));
    setCount(notifications.unreadCount);
    setLoaded(true);
  }, []);

  useEffect(() => {
    void load().catch(() => undefined);
    const stream = openStream(
      AddedDocument,
      token,
      (data) => {
        const added = data.notificationAdded;
        setUnread((list) => (list.some((n) => n.id === added.id) ? list : [added, ...list]));
        setCount((n) => n + 1);
        notification.info({
          key: added.id,
          message: '新通知',
          description: <span data-testid="notification-toast">{added.message}</span>,
          onClick: () => (window.location.hash = `#/cases/${added.petitionId}`),
        });
      },
      (data) => data.notificationAdded.id,
      setLive,
    );
    return () => stream.close();
  }, [token, load, notification]);

  const markRead = async (ids: string[]) => {
    if (!ids.length) return;
    const { markNotificationsRead } = await request(MarkReadDocument, { ids });
    setCount(markNotificationsRead.unreadCount);
    setUnread((list) => list.filter((n) => !ids.includes(n.id)));
    // The list holds the newest 20: what is left unread beyond them comes next.
    if (markNotificationsRead.unreadCount > 0) await load();
  };

  const content = (
    <div style={{ width: 360 }} data-testid="notification-list">
      {unread.length ? (
        <List
          size="small"
          dataSource={unread}
          renderItem={(n) => (
            <List.Item
              data-testid="notification-item"
              actions={[
                <Button key="read" size="small" type="link" onClick={() => void markRead([n.id])}>
                  已读
                </Button>,
              ]}
            >
              <a href={`#/cases/${n.petitionId}`}>{n.message}</a>
            </List.Item>
          )}
        />
      ) : (
        <Empty description="没有未读通知" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <Button
        block
        disabled={!unread.length}
        data-testid="notification-mark-read"
        onClick={() => void markRead(unread.map((n) => n.id))}
      >
        全部标为已读
      </Button>
      <Typography.Text type="secondary">共 {count} 条未读</Typography.Text>
    </div>
  );

  return (
    <Popover content={content} title="通知" trigger="click" placement="bottomRight">
      <span data-testid="notification-bell" data-count={count} data-live={live ? 'on' : 'off'} data-loaded={loaded}>
        <Badge count={count} data-testid="notification-badge">
          <BellOutlined style={{ fontSize: 18, cursor: 'pointer' }} aria-label={live ? '通知' : '通知（连接中）'} />
        </Badge>
      </span>
    </Popover>
  );
}
