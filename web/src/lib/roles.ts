/**
 * What each role (角色) may do, as docs/api.md's role table says, for the navigation: the API stays the place
 * where access is decided; this only tells people what to expect of their screens.
 */
import type { Role } from '../gql/graphql';

export const ROLE_LABELS: Record<Role, string> = {
  REGISTRAR: '登记人员',
  UNIT_HANDLER: '责任单位承办人',
  UNIT_HEAD: '责任单位负责人',
  SUPERVISOR: '督查督办人员',
  LEADER: '包案领导',
  REVIEWER: '评议委员',
  TESTER: '测试人员',
  ADMIN: '系统管理员',
};

/** The duties of each role, shown beside the to-do list (docs/api.md §Roles). */
export const ROLE_DUTIES: Record<Role, readonly string[]> = {
  REGISTRAR: ['登记', '受理', '转送/交办', '不予受理', '复查/复核申请', '满意度评价'],
  UNIT_HANDLER: ['签收', '异议', '延期申请', '听证', '信访处理意见书', '督办答复'],
  UNIT_HEAD: ['延期审批'],
  SUPERVISOR: ['督办', '提级包案', '第三方评议'],
  LEADER: ['包案事项', '批示'],
  REVIEWER: ['评议案件', '评议意见'],
  TESTER: ['历史下载', '历史回放'],
  ADMIN: ['全部操作', '令牌管理', '读模型重建'],
};
