/** The one way the web app talks to the server: JSON in, JSON out, errors as { code, message, details }. */
import { activeLang, messages, type MessageKey } from './messages/index.ts';

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

/** English for an error code (the server's words are Chinese): the catalogue's sentence, else a plain one. */
export function englishError(code: string | undefined): string {
  const text = code ? messages.en[`error_${code}` as MessageKey] as string | undefined : undefined;
  return text ?? messages.en.error_generic;
}

/** In English mode an error's message and its details read in English, by their codes; in Chinese as the server said. */
function inLanguage(code: string, message: string, details: ErrorDetail[]): [string, ErrorDetail[]] {
  if (activeLang() !== 'en') return [message, details];
  return [englishError(code), details.map((d) => ({ ...d, message: d.code && `error_${d.code}` in messages.en ? englishError(d.code) : messages.en.errorDetail }))];
}

/** An error as one readable line, with the server's details where it gave some. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    const details = e.details.map((d) => d.message).filter((m) => m && !e.message.includes(m));
    // In English a detail without its own sentence adds nothing to the error's: only those with one are listed.
    const own = [...new Set(details)].filter((m) => m !== messages.en.errorDetail);
    if (activeLang() === 'en') return own.length > 0 ? `${e.message} ${own.join(' ')}` : e.message;
    return details.length > 0 ? `${e.message}：${details.join('；')}` : e.message;
  }
  if (activeLang() === 'en') return messages.en.error_generic;
  return e instanceof Error ? e.message : '操作失败，请重试';
}

/** fetch, with a lost connection as an ApiError in words the user can read (not the browser's “Failed to fetch”). */
export async function request(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'network', activeLang() === 'en' ? englishError('network') : '网络连接中断，请稍后重试');
  }
}

/** A failed answer as an ApiError: the server's { code, message, details }, or `fallback` when it gave none. */
export function failure(status: number, data: { code?: string; message?: string; details?: ErrorDetail[] } | null, fallback = `请求失败（${status}）`): ApiError {
  const code = data?.code ?? 'error';
  const [message, details] = inLanguage(code, data?.message ?? fallback, data?.details ?? []);
  return new ApiError(status, code, message, details);
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
