/**
 * The screens each role is shown in the navigation, as docs/api.md's role table gives them work. Only a hint:
 * the API refuses what a role may not do wherever it is asked.
 */
import type { Role } from '../gql/graphql';

export interface NavItem {
  key: string;
  label: string;
  roles: readonly Role[] | 'all';
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'todo', label: '待办', roles: 'all' },
  { key: 'register', label: '登记', roles: ['REGISTRAR', 'UNIT_HANDLER', 'ADMIN'] },
  { key: 'boards/overdue', label: '超期督办', roles: ['SUPERVISOR', 'ADMIN'] },
  { key: 'boards/dueSoon', label: '预警', roles: ['SUPERVISOR', 'ADMIN'] },
  { key: 'boards/escalationProposed', label: '建议提级包案', roles: ['SUPERVISOR', 'ADMIN'] },
  { key: 'boards/escalated', label: '包案事项', roles: ['LEADER', 'SUPERVISOR', 'ADMIN'] },
  { key: 'panels', label: '第三方评议', roles: ['REVIEWER', 'SUPERVISOR', 'ADMIN'] },
  {
    key: 'statistics',
    label: '统计',
    roles: ['REGISTRAR', 'UNIT_HANDLER', 'UNIT_HEAD', 'SUPERVISOR', 'LEADER', 'ADMIN'],
  },
  { key: 'tester', label: '历史与回放', roles: ['TESTER', 'ADMIN'] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles === 'all' || item.roles.includes(role));
}
