/** The one way the web app talks to the server: JSON in, JSON out, errors as { code, message, details }. */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: ErrorDetail[] = []) {
    super(message);
  }
}

/** An error as one readable line, with the server's details where it gave some. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    const details = e.details.map((d) => d.message).filter((m) => m && !e.message.includes(m));
    return details.length > 0 ? `${e.message}：${details.join('；')}` : e.message;
  }
  return e instanceof Error ? e.message : '操作失败，请重试';
}

/** fetch, with a lost connection as an ApiError in words the user can read (not the browser's “Failed to fetch”). */
export async function request(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'network', '网络连接中断，请稍后重试');
  }
}

/** A failed answer as an ApiError: the server's { code, message, details }, or `fallback` when it gave none. */
export function failure(status: number, data: { code?: string; message?: string; details?: ErrorDetail[] } | null, fallback = `请求失败（${status}）`): ApiError {
  return new ApiError(status, data?.code ?? 'error', data?.message ?? fallback, data?.details ?? []);
}

/** `init` adds to the request, e.g. `{ cache: 'no-cache' }` to ask the server again instead of using the browser's copy. */
export async function api<T>(method: string, url: string, body?: unknown, init?: RequestInit): Promise<T> {
  const res = await request(url, {
    ...init,
    method,
    headers: body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) throw failure(res.status, data);
  return data as T;
}

export const get = <T>(url: string, init?: RequestInit) => api<T>('GET', url, undefined, init);
export const post = <T>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const put = <T>(url: string, body: unknown) => api<T>('PUT', url, body);
