import { ApiError, NETWORK_ERROR_STATUS } from './api-error';

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/** Shown when the api gives no Chinese message of its own. */
export function fallbackMessage(status: number): string {
  if (status === NETWORK_ERROR_STATUS) return '无法连接服务器，请检查网络后重试';
  if (status === 400) return '提交的内容有误，请检查后重试';
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '您没有权限进行此操作';
  if (status === 404) return '未找到相应内容';
  if (status === 409) return '当前状态不允许此操作';
  if (status === 412) return '该建议刚被他人更新，请刷新后再试';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务器出错，请稍后再试';
  return `请求失败（${status}）`;
}

function chinese(text: unknown): string | undefined {
  return typeof text === 'string' && HAS_CHINESE.test(text) ? text : undefined;
}

/**
 * Field errors may come as `[{field, message}]`, `[{property, constraints}]` or `{field: message | message[]}`;
 * only Chinese messages are kept, others become a generic Chinese one naming the field.
 */
function readFieldErrors(errors: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  const put = (field: unknown, message: unknown): void => {
    if (typeof field !== 'string' || field === '') return;
    const text = Array.isArray(message) ? message.map(chinese).find(Boolean) : chinese(message);
    result[field] = text ?? '此项填写有误';
  };
  if (Array.isArray(errors)) {
    for (const entry of errors) {
      if (!entry || typeof entry !== 'object') continue;
      const e = entry as Record<string, unknown>;
      const constraints = e.constraints && typeof e.constraints === 'object' ? Object.values(e.constraints) : undefined;
      put(e.field ?? e.property ?? e.path, e.message ?? e.messages ?? constraints);
    }
  } else if (errors && typeof errors === 'object') {
    for (const [field, message] of Object.entries(errors)) put(field, message);
  }
  return result;
}

/** Turns an error response body into an ApiError with a message fit to show. */
export function toApiError(status: number, body: unknown): ApiError {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const fieldErrors = readFieldErrors(b.errors);
  const listed = Array.isArray(b.message) ? b.message.map(chinese).filter(Boolean).join('；') : undefined;
  const fieldText = Object.values(fieldErrors).filter((m) => m !== '此项填写有误');
  // A 400's field messages say exactly what to fix; its top message is often only "请求参数有误".
  const fromFields = fieldText.length > 0 ? [...new Set(fieldText)].join('；') : undefined;
  const message =
    (status === 400 ? fromFields : undefined) ??
    chinese(b.message) ??
    (listed || undefined) ??
    fromFields ??
    chinese(b.error) ??
    fallbackMessage(status);
  const code = typeof b.code === 'string' ? b.code : undefined;
  return new ApiError(status, message, code, fieldErrors);
}
