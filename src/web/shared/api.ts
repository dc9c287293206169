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

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined || body instanceof FormData ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    throw new ApiError(res.status, data?.code ?? 'error', data?.message ?? `请求失败（${res.status}）`, data?.details ?? []);
  }
  return data as T;
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const put = <T>(url: string, body: unknown) => api<T>('PUT', url, body);
