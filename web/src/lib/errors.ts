/**
 * The API's error codes (docs/api.md §Errors) in Chinese, for people: the code says what kind of refusal it is,
 * the server's own message is kept beside it as the detail, since it names the rule and the value at fault.
 */
import { ApiError } from '../api/client';

export const ERROR_LABELS: Record<string, string> = {
  UNAUTHENTICATED: '未登录或令牌无效',
  FORBIDDEN: '无权操作',
  NOT_FOUND: '未找到',
  BAD_USER_INPUT: '输入有误',
  INVALID_TRANSITION: '当前状态不能办理此事项',
  WINDOW_CLOSED: '已超过法定申请期限',
  LIMIT_EXCEEDED: '超出限度',
  ALREADY_EXISTS: '已存在',
  NONDETERMINISM: '回放发现不确定性（代码与历史不符）',
  WORKFLOW_TASK_FAILED: '回放时工作流代码出错',
  HISTORY_INVALID: '历史文件无效',
  UNAVAILABLE: '服务暂不可用，未作任何更改，可重试',
  TIMEOUT: '已受理但未及时答复，可能已生效，请稍后刷新或重试',
  UNKNOWN: '出错了',
};

/** Refusals of one field, said more exactly than their code alone: `<code>:<field>`. */
export const FIELD_ERROR_LABELS: Record<string, string> = {
  'LIMIT_EXCEEDED:file': '文件过大，超过单个材料的大小上限',
  'BAD_USER_INPUT:file': '文件无法上传：仅限 PDF、JPEG、PNG、TIFF、HEIC 格式，不能为空，同一文件不能重复上传',
  'BAD_USER_INPUT:kind': '材料类别有误',
  'BAD_USER_INPUT:note': '说明文字有误',
};

export interface ErrorText {
  code: string;
  title: string;
  detail: string;
}

export function errorText(err: unknown): ErrorText {
  if (err instanceof ApiError) {
    const title = (err.field && FIELD_ERROR_LABELS[`${err.code}:${err.field}`]) ?? ERROR_LABELS[err.code];
    return { code: err.code, title: title ?? ERROR_LABELS.UNKNOWN!, detail: err.message };
  }
  // fetch itself failed: the API is not reachable from this browser.
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'UNAVAILABLE', title: '无法连接服务', detail };
}

/** One line, for a message toast or a field: 输入有误：<server message>. */
export function errorLine(err: unknown): string {
  const text = errorText(err);
  return `${text.title}：${text.detail}`;
}
